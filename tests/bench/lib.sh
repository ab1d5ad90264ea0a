# lib.sh - what the benchmark scripts share (sourced, not run).  The caller
# sets W (a work folder) and RUNS; timings collect in $W/times.

# measure NAME CMD...: runs CMD once under /usr/bin/time and appends
# "name wall_s cpu_s rss_kb" to $W/times
measure() {
    name=$1; shift
    /usr/bin/time -f "$name %e %U %S %M" -o "$W/t" sh -c "$*" >/dev/null 2>&1
    awk '{printf "%s %.3f %.3f %d\n", $1, $2, $3 + $4, $5}' "$W/t" >>"$W/times"
}

# medians NAME...: for each name, "name wall cpu rss" with the median of
# each column over the RUNS runs (each column sorted on its own)
medians() {
    for name in "$@"; do
        for col in 2 3 4; do
            grep "^$name " "$W/times" | awk -v c=$col '{print $c}' | sort -n |
                awk -v r="$RUNS" '{v[NR]=$1} END {print v[int((r+1)/2)]}'
        done | paste -sd' ' - | sed "s/^/$name /"
    done
}
