#!/usr/bin/env bash
# Run every fuzz target of the module for a short while. Targets are found
# in the committed *_test.go files (func FuzzXxx), so new ones are run
# without editing this script. Each also runs from its seed corpus in the
# ordinary tests; this adds coverage-guided inputs.
#
#   scripts/fuzz.sh          each target on 20000 inputs
#   scripts/fuzz.sh 1m       each target for a minute (any -fuzztime value)
#
# A count (Nx) is the default because a duration can end a run with a bare
# "context deadline exceeded" and no failing input: a race in Go's fuzzing
# coordinator at the deadline (go.dev/issue/75804, fixed in Go 1.27), more
# likely on a busy machine. With a duration, that message alone is such a
# race, not a finding; a real finding saves its input (below).
#
# A failing input is saved under the package's testdata/fuzz/ directory;
# `go test` then replays it as a regression test.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

fuzztime="${1:-${FUZZTIME:-20000x}}"
status=0
targets="$(git ls-files '*_test.go' | grep -v '^bench/' | xargs grep -H -o '^func Fuzz[A-Za-z0-9_]*' | sed 's/:func /:/' | sort)"
if [[ -z "$targets" ]]; then
	echo "fuzz.sh: no fuzz target found" >&2
	exit 1
fi
while IFS=: read -r file name; do
	pkg="./$(dirname "$file")"
	printf '\n==> %s %s (%s)\n' "$pkg" "$name" "$fuzztime" >&2
	go test "$pkg" -run '^$' -fuzz "^${name}\$" -fuzztime "$fuzztime" || status=1
done <<<"$targets"
exit "$status"
