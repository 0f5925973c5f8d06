#!/usr/bin/env bash
# Start or stop a local mock of PagerDuty's API, built by Stoplight Prism from
# PagerDuty's published OpenAPI descriptions. The mock validates every request
# and answers with the descriptions' examples; cassettes are recorded against
# it (see scripts/record.sh).
#
#   scripts/prism.sh [start] [rest|events]   install Prism if needed, start the mock, print its pid
#   scripts/prism.sh stop [rest|events]      stop the mock started here
#   scripts/prism.sh status [rest|events]    say whether it answers
#
# rest (the default) mocks the REST API v2 on 127.0.0.1:4010; events mocks the
# Events API v2 on 127.0.0.1:4011, at its root (the description's /v2 prefix
# is not served). When something already answers on the port, it is reused
# and left alone.
#
# Environment:
#   PAGERDUTY_OPENAPI   REST description (default ../shared/pagerduty-api/rest-v2.openapi.json
#                       relative to the module root); events-v2.openapi.json is expected beside it
#   PRISM_PORT          port of the REST mock (default 4010)
#   PRISM_EVENTS_PORT   port of the Events mock (default 4011)
#   PRISM_WAIT          seconds to wait for the mock to answer (default 60)
set -euo pipefail

PRISM_VERSION=5.14.2
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="$root/.cache/prism"
rest_spec="${PAGERDUTY_OPENAPI:-$root/../shared/pagerduty-api/rest-v2.openapi.json}"

die() { echo "prism.sh: $*" >&2; exit 1; }

cmd="${1:-start}"
api="${2:-rest}"
case "$cmd" in rest | events) api="$cmd"; cmd=start ;; esac
case "$api" in
rest)
	port="${PRISM_PORT:-4010}"
	spec="$rest_spec"
	probe=(-X GET "/abilities")
	;;
events)
	port="${PRISM_EVENTS_PORT:-4011}"
	spec="$(dirname "$rest_spec")/events-v2.openapi.json"
	probe=(-X POST "/enqueue")
	;;
*) die "unknown API $api: use rest or events" ;;
esac
pidfile="$cache/prism-$port.pid"
logfile="$cache/prism-$port.log"

ours() { [[ -f "$pidfile" ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

answers() {
	# Any HTTP answer, even a 4xx for an incomplete request, means it is up.
	local code
	code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "${probe[0]}" "${probe[1]}" \
		"http://127.0.0.1:$port${probe[2]}" \
		-H 'Accept: application/vnd.pagerduty+json;version=2, application/json' \
		-H 'Content-Type: application/json' || true)"
	[[ -n "$code" && "$code" != "000" ]]
}

install() {
	local bin="$cache/node_modules/.bin/prism"
	if [[ -x "$bin" ]] && grep -q "\"version\": \"$PRISM_VERSION\"" "$cache/node_modules/@stoplight/prism-cli/package.json" 2>/dev/null; then
		return
	fi
	command -v npm >/dev/null || die "npm is needed to install Prism $PRISM_VERSION (Node 18 or 20)"
	mkdir -p "$cache"
	echo "prism.sh: installing @stoplight/prism-cli@$PRISM_VERSION into .cache/prism" >&2
	(cd "$cache" && npm install --no-audit --no-fund --loglevel=error "@stoplight/prism-cli@$PRISM_VERSION" >&2)
}

start() {
	[[ -f "$spec" ]] || die "OpenAPI description not found at $spec (set PAGERDUTY_OPENAPI)"
	if ours; then
		cat "$pidfile"
		return
	fi
	if answers; then
		echo "prism.sh: something already answers on 127.0.0.1:$port; using it" >&2
		return
	fi
	install
	mkdir -p "$cache"
	# setsid gives Prism its own process group, so stop ends it and the
	# node processes it spawns, and nothing else.
	setsid "$cache/node_modules/.bin/prism" mock -h 127.0.0.1 -p "$port" "$spec" >"$logfile" 2>&1 </dev/null &
	echo $! >"$pidfile"
	local wait="${PRISM_WAIT:-60}"
	for ((i = 0; i < wait * 4; i++)); do
		if answers; then
			cat "$pidfile"
			return
		fi
		if ! ours; then
			tail -n 20 "$logfile" >&2
			rm -f "$pidfile"
			die "Prism exited; its log is above"
		fi
		sleep 0.25
	done
	stop
	die "Prism did not answer on 127.0.0.1:$port within ${wait}s; see $logfile"
}

stop() {
	if ! [[ -f "$pidfile" ]]; then
		echo "prism.sh: no $api mock was started here on port $port" >&2
		return
	fi
	local pid
	pid="$(cat "$pidfile")"
	if kill -0 "$pid" 2>/dev/null; then
		kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
		for ((i = 0; i < 40; i++)); do
			kill -0 "$pid" 2>/dev/null || break
			sleep 0.25
		done
	fi
	rm -f "$pidfile"
}

case "$cmd" in
start) start ;;
stop) stop ;;
status)
	if ours; then
		echo "$api mock running, pid $(cat "$pidfile"), http://127.0.0.1:$port"
	elif answers; then
		echo "something (not started here) answers on http://127.0.0.1:$port"
	else
		echo "$api mock not running"
		exit 1
	fi
	;;
*) die "unknown command $cmd: use start, stop or status" ;;
esac
