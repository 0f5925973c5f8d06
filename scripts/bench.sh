#!/usr/bin/env bash
# Runs the benchmarks of bench/ (pdkit side by side with go-pagerduty v1.8.0,
# and the MCP layer with a bare go-sdk server) and writes BENCHMARKS.md from
# their output: figures, ratios, whether each goal is met, the machine.
#
#   scripts/bench.sh          the full run, several runs of each (about 5 minutes)
#   scripts/bench.sh -short   every benchmark once, smaller where slow; writes
#                             nothing (scripts/test.sh runs it this way)
#
# benchstat (golang.org/x/perf/cmd/benchstat) is used when it is on PATH or
# in $(go env GOPATH)/bin; it is not required.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root/bench"

if [[ "${1:-}" == "-short" ]]; then
	exec go test -short -count=1 -run '^$' -bench . -benchtime 1x .
fi

raw="$(mktemp)"
stat="$(mktemp)"
trap 'rm -f "$raw" "$stat"' EXIT

loadavg() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime; }
bench() { # pattern benchtime count
	printf '==> %s (-benchtime %s, -count %s)\n' "$1" "$2" "$3" >&2
	go test -count="$3" -run '^$' -bench "^$1\$" -benchtime "$2" . | tee -a "$raw" >&2
}

go test -c -o /dev/null . # compile once before timing anything
started="$(date -u '+%Y-%m-%d %H:%M UTC')"
before="$(loadavg)"
bench 'BenchmarkList10k' 3x 6
bench 'BenchmarkStream10kHeap' 1x 3
bench 'BenchmarkRateLimited10k' 1x 3
bench 'BenchmarkMCPInitialize' 20x 5
bench 'BenchmarkToolsListSize' 1x 1
bench 'BenchmarkToolCall' 300x 5
after="$(loadavg)"

args=(-in "$raw" -out "$root/BENCHMARKS.md" -date "$started" -load "$before at the start, $after at the end")
benchstat="$(command -v benchstat || true)"
[[ -n "$benchstat" ]] || { [[ -x "$(go env GOPATH)/bin/benchstat" ]] && benchstat="$(go env GOPATH)/bin/benchstat"; } || true
if [[ -n "$benchstat" ]] && "$benchstat" "$raw" >"$stat" 2>/dev/null; then
	args+=(-benchstat "$stat")
fi
go run ./cmd/benchreport "${args[@]}"
echo "wrote $root/BENCHMARKS.md" >&2
