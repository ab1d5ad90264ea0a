# lib.sh - shared helpers for the shell suites (sourced, not run).
# Each suite counts its checks and ends with "N passed, M failed".
set -u
pass=0 fail=0
ok()   { pass=$((pass + 1)); echo "ok   $*"; }
bad()  { fail=$((fail + 1)); echo "FAIL $*"; }
# t DESCRIPTION COMMAND...: the command's exit status decides
t()    { d=$1; shift; if "$@"; then ok "$d"; else bad "$d"; fi; }
done_() { echo "$pass passed, $fail failed"; [ "$fail" -eq 0 ]; }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/narrate-suite.XXXXXX")
trap 'rm -rf "$WORK"' EXIT INT TERM
# wait_episodes DIR N TRIES: waits, 0.02 s a try, until DIR holds N episode
# sidecars (a batch run killed part-way waits for this)
wait_episodes() {
    _w=0
    while [ $_w -lt "$3" ] && [ "$(ls "$1" 2>/dev/null | grep -c 'episode.json$')" -lt "$2" ]; do
        sleep 0.02; _w=$((_w + 1))
    done
}
