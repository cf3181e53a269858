#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# Throughput smoke test of fake-kinesis with wrk (apt-get install wrk), loopback only, bounded in time.
# Usage: bench.sh RECORDS_PER_CALL RECORD_SIZE CONNECTIONS DURATION [fake-kinesis flags...]
#   e.g. bench.sh 500 300 2 10s --delay-ms 5 --shards 64 --record-file /tmp/r.bin --record-format binary
# Prints wrk's rate and latency, the fake's CPU time over the run and its stats.
set -euo pipefail
N=$1 SIZE=$2 CONNS=$3 DURATION=$4
shift 4
HERE=$(cd "$(dirname "$0")" && pwd)
BIN=${FAKE_KINESIS:-.build/release/fake-kinesis}
WORK=$(mktemp -d)
"$BIN" "$@" > "$WORK/out" 2> "$WORK/err" &
FAKE=$!
trap 'kill $FAKE 2>/dev/null; wait $FAKE 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 50); do [ -s "$WORK/out" ] && break; sleep 0.1; done
PORT=$(sed -E 's/.*:([0-9]+)$/\1/' "$WORK/out")
python3 "$HERE/make_wrk_script.py" "$PORT" "$N" "$SIZE" "$WORK/put.lua" > /dev/null
TICKS_BEFORE=$(awk '{print $14 + $15}' /proc/$FAKE/stat)
wrk -t1 -c"$CONNS" -d"$DURATION" -s "$WORK/put.lua" "http://127.0.0.1:$PORT/" | grep "calls/s"
TICKS_AFTER=$(awk '{print $14 + $15}' /proc/$FAKE/stat)
echo "fake-kinesis CPU: $(( TICKS_AFTER - TICKS_BEFORE )) ticks ($(getconf CLK_TCK)/s) over $DURATION," \
    "peak RSS $(awk '/VmHWM/{print $2}' /proc/$FAKE/status) kB"
curl -s "http://127.0.0.1:$PORT/_fake/stats"
echo
