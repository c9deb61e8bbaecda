#!/bin/sh
# The busiest pages under load (issue 21): gunicorn with 2 sync workers on a loopback port,
# over the 105,330-message archive (built on first use by bench/load.py, several minutes), and
# Debian's wrk with 8 connections on the same machine.
#
#   bench/load.sh [--seconds 15]      each page for that long: requests/s, p50, p99, errors
#   bench/load.sh --soak 600          a mix of the pages for that long: the workers' memory
#
# DATABASE_URL as the other benchmarks (SQLite in the temporary folder by default); REDIS_URL
# (default redis://127.0.0.1:6379/11) is the cache both workers share, as in production.
# Goals: thread 800 requests/s, group 500, search 300, p99 under 100 ms, no errors; in the
# soak, the workers' memory grows by less than 10%. Figures are printed, never asserted.
set -eu
cd "$(dirname "$0")/.."
ROOT=$(pwd)
seconds=15 soak=0
while [ $# -gt 0 ]; do
    case $1 in
        --seconds) seconds=$2; shift 2 ;;
        --soak) soak=$2; shift 2 ;;
        *) echo "usage: bench/load.sh [--seconds N] [--soak N]" >&2; exit 2 ;;
    esac
done
bin/ensure-package /usr/bin/wrk wrk "load benchmark"
[ -x /usr/bin/wrk ] || exit 1

PYTHON=${PYTHON:-$ROOT/.venv/bin/python}
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379/11}"
port=${LOAD_PORT:-8931}
work=$(mktemp -d)
server=
stop() {
    [ -z "$server" ] || { kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; }
    rm -rf "$work"
}
trap stop EXIT
trap 'exit 1' INT TERM

"$PYTHON" bench/load.py pages > "$work/pages"
LEARNLINK_VAR_DIR=$(awk '$1 == "folder" {print $2}' "$work/pages")
export LEARNLINK_VAR_DIR DJANGO_SETTINGS_MODULE=learnlink.settings
export DATABASE_URL="${DATABASE_URL:-sqlite:///$LEARNLINK_VAR_DIR/bench.sqlite3}"

"$PYTHON" -m gunicorn learnlink.wsgi --bind "127.0.0.1:$port" --workers 2 \
    --worker-class sync --log-level warning --chdir "$ROOT" &
server=$!
tries=0
until curl -fs -o /dev/null "http://127.0.0.1:$port/"; do
    tries=$((tries + 1))
    [ "$tries" -lt 60 ] || { echo "gunicorn did not answer in 30 s" >&2; exit 1; }
    sleep 0.5
done

# One line from wrk's report: requests/s, p50, p99 (in ms), errors (non-2xx/3xx, socket).
summary() {
    awk -v name="$1" '
        function ms(value) {
            if (value ~ /us$/) return value / 1000
            if (value ~ /ms$/) return value + 0
            if (value ~ /s$/) return value * 1000
            return value
        }
        $1 == "50%" { p50 = ms($2) }
        $1 == "99%" { p99 = ms($2) }
        $1 == "Requests/sec:" { rate = $2 }
        /Non-2xx or 3xx responses:/ { status = $NF }
        /Socket errors:/ { gsub(",", ""); socket = $4 + $6 + $8 + $10 }
        END { printf "%-14s %8.1f requests/s  p50 %6.2f ms  p99 %7.2f ms  errors %d (non-2xx/3xx %d, socket %d)\n",
                     name, rate, p50, p99, status + socket, status, socket }'
}

rss() {  # the workers' resident memory in KB, each and in all
    ps -o rss= --ppid "$server" | awk '{ printf "%d KB  ", $1; total += $1 } END { printf "in all %d KB\n", total }'
}

echo "load average before: $(cat /proc/loadavg)"
if [ "$soak" -eq 0 ]; then
    awk '$1 == "page"' "$work/pages" | while read -r _ name path cookie; do
        url="http://127.0.0.1:$port$path"
        set -- ${cookie:+-H "Cookie: $cookie"}
        wrk -t1 -c2 -d2s "$@" "$url" > /dev/null  # warm: the caches, the workers' imports
        wrk -t2 -c8 -d"${seconds}s" --latency "$@" "$url" | summary "$name"
    done
else
    # A mix of every page, the member's with their cookie, in turn.
    awk '$1 == "page" {
            printf "pages[#pages + 1] = {%s, %s}\n", "\"" $3 "\"", $4 == "" ? "nil" : "\"" $4 "\""
        }
        END {
            print "local turn = 0"
            print "request = function()"
            print "  turn = turn % #pages + 1"
            print "  local page = pages[turn]"
            print "  return wrk.format(\"GET\", page[1], page[2] and {Cookie = page[2]} or {})"
            print "end"
        }' "$work/pages" | sed '1i pages = {}' > "$work/mix.lua"
    url="http://127.0.0.1:$port/"
    wrk -t2 -c8 -d15s -s "$work/mix.lua" "$url" > /dev/null
    start=$(ps -o rss= --ppid "$server" | awk '{ total += $1 } END { print total }')
    echo "workers' memory after 15 s of warming: $(rss)"
    wrk -t2 -c8 -d"${soak}s" --latency -s "$work/mix.lua" "$url" | summary "mix ${soak}s"
    end=$(ps -o rss= --ppid "$server" | awk '{ total += $1 } END { print total }')
    echo "workers' memory after ${soak} s: $(rss)"
    awk -v a="$start" -v b="$end" 'BEGIN { printf "memory growth: %.1f%%\n", (b - a) * 100 / a }'
fi
echo "load average after: $(cat /proc/loadavg)"
"$PYTHON" bench/load.py machine
