#!/usr/bin/env bash
# Start or stop a local mock of PagerDuty's REST API, built by Stoplight Prism
# from PagerDuty's published OpenAPI description. The mock validates every
# request and answers with the description's examples; cassettes are recorded
# against it (see scripts/record.sh).
#
#   scripts/prism.sh          install Prism if needed, start it, print its pid
#   scripts/prism.sh stop     stop the mock started here
#   scripts/prism.sh status   say whether it is running
#
# Environment:
#   PAGERDUTY_OPENAPI   the description to mock (default ../shared/pagerduty-api/rest-v2.openapi.json
#                       relative to the module root)
#   PRISM_PORT          port on 127.0.0.1 (default 4010)
#   PRISM_WAIT          seconds to wait for it to answer (default 60)
set -euo pipefail

PRISM_VERSION=5.14.2
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="$root/.cache/prism"
port="${PRISM_PORT:-4010}"
pidfile="$cache/prism-$port.pid"
logfile="$cache/prism-$port.log"
spec="${PAGERDUTY_OPENAPI:-$root/../shared/pagerduty-api/rest-v2.openapi.json}"

die() { echo "prism.sh: $*" >&2; exit 1; }

running() { [[ -f "$pidfile" ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

answers() {
	# Any HTTP answer (even a 4xx for a missing token) means it is up.
	curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port/abilities" \
		-H 'Accept: application/vnd.pagerduty+json;version=2' \
		-H 'Content-Type: application/json' | grep -qv '^000$'
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
	if running; then
		cat "$pidfile"
		return
	fi
	install
	mkdir -p "$cache"
	# setsid puts Prism in its own process group, so stop can end it and
	# the node processes it spawns, and nothing else.
	setsid "$cache/node_modules/.bin/prism" mock -h 127.0.0.1 -p "$port" "$spec" >"$logfile" 2>&1 </dev/null &
	echo $! >"$pidfile"
	local wait="${PRISM_WAIT:-60}"
	for ((i = 0; i < wait * 4; i++)); do
		if answers; then
			cat "$pidfile"
			return
		fi
		running || { tail -n 20 "$logfile" >&2; rm -f "$pidfile"; die "Prism exited; log above"; }
		sleep 0.25
	done
	stop
	die "Prism did not answer on 127.0.0.1:$port within ${wait}s; see $logfile"
}

stop() {
	if ! [[ -f "$pidfile" ]]; then
		echo "prism.sh: not running (no $pidfile)" >&2
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

case "${1:-start}" in
start) start ;;
stop) stop ;;
status)
	if running; then echo "running, pid $(cat "$pidfile"), http://127.0.0.1:$port"; else echo "not running"; exit 1; fi
	;;
*) die "unknown command ${1}: use start, stop or status" ;;
esac
