#!/usr/bin/env bash
# Re-record cassettes: run the given tests with PDKIT_RECORD=1 so their
# cassettes are written again, then check every cassette for credentials.
#
#   scripts/record.sh ./pagerduty -run '^TestIncidents'
#   scripts/record.sh ./internal/cassette -run '^TestMock'
#
# Arguments are passed to `go test` (default: ./...). Unless
# PDKIT_RECORD_BASE_URL points elsewhere, the local mock of PagerDuty's API
# description is started first (scripts/prism.sh) and stopped afterwards.
# To record against PagerDuty itself:
#
#   PDKIT_RECORD_BASE_URL=https://api.pagerduty.com PAGERDUTY_API_TOKEN=... scripts/record.sh ./pagerduty
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

port="${PRISM_PORT:-4010}"
mock="http://127.0.0.1:$port"
base="${PDKIT_RECORD_BASE_URL:-$mock}"

started=""
if [[ "$base" == "$mock" ]]; then
	if ! scripts/prism.sh status >/dev/null 2>&1; then
		scripts/prism.sh >/dev/null
		started=1
	fi
	trap '[[ -n "$started" ]] && scripts/prism.sh stop' EXIT
else
	echo "record.sh: recording against $base" >&2
fi

stamp="$(mktemp)"
trap '[[ -n "$started" ]] && scripts/prism.sh stop; rm -f "$stamp"' EXIT

[[ $# -gt 0 ]] || set -- ./...
status=0
PDKIT_RECORD=1 PDKIT_RECORD_BASE_URL="$base" go test -count=1 "$@" || status=$?

written="$(find cassettes -type f -newer "$stamp" 2>/dev/null | sort || true)"
if [[ -n "$written" ]]; then
	echo "record.sh: cassettes written:" >&2
	sed 's/^/  /' <<<"$written" >&2
else
	echo "record.sh: no cassette was written" >&2
fi

echo "record.sh: scanning cassettes/ for credentials" >&2
go test -count=1 ./internal/cassette -run '^TestCassettesHaveNoSecrets$' >&2 || status=1
exit "$status"
