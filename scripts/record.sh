#!/usr/bin/env bash
# Re-record cassettes: run the given tests with PDKIT_RECORD=1 so their
# cassettes are written again, then check every cassette for credentials.
#
#   scripts/record.sh ./pagerduty -run '^TestIncidents'
#   scripts/record.sh ./internal/cassette -run '^TestMock'
#
# Arguments are passed to `go test` (default: ./...). Unless
# PDKIT_RECORD_BASE_URL (REST) or PDKIT_RECORD_EVENTS_BASE_URL (Events API)
# point elsewhere, the local mocks of PagerDuty's API descriptions are started
# first (scripts/prism.sh) and the ones started here are stopped afterwards.
# To record against PagerDuty itself:
#
#   PDKIT_RECORD_BASE_URL=https://api.pagerduty.com PAGERDUTY_API_TOKEN=... scripts/record.sh ./pagerduty
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

rest_mock="http://127.0.0.1:${PRISM_PORT:-4010}"
events_mock="http://127.0.0.1:${PRISM_EVENTS_PORT:-4011}"
rest_base="${PDKIT_RECORD_BASE_URL:-$rest_mock}"
events_base="${PDKIT_RECORD_EVENTS_BASE_URL:-$events_mock}"

started=()
stamp="$(mktemp)"
cleanup() {
	for api in "${started[@]}"; do
		scripts/prism.sh stop "$api" || true
	done
	rm -f "$stamp"
}
trap cleanup EXIT

# start_mock starts the mock of one API unless it already runs, and
# remembers to stop it only if it was started here.
start_mock() {
	local api="$1"
	if ! scripts/prism.sh status "$api" >/dev/null 2>&1; then
		scripts/prism.sh start "$api" >/dev/null
		started+=("$api")
	fi
}

if [[ "$rest_base" == "$rest_mock" ]]; then
	start_mock rest
else
	echo "record.sh: recording REST calls against $rest_base" >&2
fi
if [[ "$events_base" == "$events_mock" ]]; then
	start_mock events
else
	echo "record.sh: recording Events API calls against $events_base" >&2
fi

[[ $# -gt 0 ]] || set -- ./...
status=0
PDKIT_RECORD=1 PDKIT_RECORD_BASE_URL="$rest_base" PDKIT_RECORD_EVENTS_BASE_URL="$events_base" \
	go test -count=1 "$@" || status=$?

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
