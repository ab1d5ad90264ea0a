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
