#!/usr/bin/env bash
# The project's test command (README, .ci/run): vet, staticcheck, and the
# tests with the race detector. Needs only Go; staticcheck is installed from
# the Go module proxy into .cache/bin, pinned.
#
#   scripts/test.sh            everything, then each fuzz target for a moment
#   scripts/test.sh ./pagerduty/...   only these packages (vet and tests)
#
# FUZZTIME sets how long each fuzz target runs after the tests: a number of
# inputs (default 5000x) or a duration such as 10s; 0 skips the step.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

STATICCHECK_VERSION=v0.8.2 # staticcheck 2026.2.2
pkgs=("$@")
[[ ${#pkgs[@]} -gt 0 ]] || pkgs=(./...)

step() { printf '\n==> %s\n' "$*" >&2; }

step "gofmt"
unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './.cache/*'))
if [[ -n "$unformatted" ]]; then
	echo "gofmt: these files need formatting:" >&2
	echo "$unformatted" >&2
	exit 1
fi

step "go vet"
go vet "${pkgs[@]}"

step "staticcheck $STATICCHECK_VERSION"
bin="$root/.cache/bin"
if [[ ! -x "$bin/staticcheck" ]] || ! "$bin/staticcheck" -version 2>/dev/null | grep -q "${STATICCHECK_VERSION#v}"; then
	GOBIN="$bin" go install "honnef.co/go/tools/cmd/staticcheck@$STATICCHECK_VERSION"
fi
"$bin/staticcheck" "${pkgs[@]}"

step "go test -race"
go test -race -count=1 "${pkgs[@]}"

# The benchmarks live in their own module (bench/, which may depend on
# go-pagerduty, the baseline); run each once, smaller where slow, so that
# they keep compiling and running. Only for a whole-project run.
if [[ $# -eq 0 ]]; then
	step "bench/: vet, tests, every benchmark once"
	(cd bench && go vet ./... && go test -short -count=1 -bench . -benchtime 1x ./...)
fi

if [[ $# -eq 0 && "${FUZZTIME:-5000x}" != "0" ]]; then
	step "fuzz (${FUZZTIME:-5000x} per target)"
	scripts/fuzz.sh "${FUZZTIME:-5000x}"
fi
