#!/bin/bash
# The first open after a clone, and the full-screen board's first frame right after it.
#
# usage: Benchmarks/scripts/clone-then-frame.sh BOARD ROUNDS A B
#
# A B B A, ROUNDS times; per run a fresh copy of BOARD's .lanes/events alone and an empty
# XDG_CACHE_HOME: `lanes show 1` (the build of the index: wall, user+sys, peak RSS, perf stat
# task-clock), then first-frame.py with KILL=1 on the board it built (the first frame's wall
# and CPU: what the first full-screen open after a build still pays).
set -e
BOARD=$1; ROUNDS=$2; A=$3; B=$4
HERE=$(cd "$(dirname "$0")" && pwd)
W=$(mktemp -d /tmp/clone-then-frame-XXXXXX)
trap 'rm -rf "$W"' EXIT
for r in $(seq "$ROUNDS"); do for bin in "$A" "$B" "$B" "$A"; do
  rm -rf "$W/b" "$W/c"; mkdir -p "$W/b/.lanes"; cp "$BOARD/.lanes/events" "$W/b/.lanes/events"
  load=$(cut -d' ' -f1 /proc/loadavg)
  out=$( { XDG_CACHE_HOME=$W/c perf stat -e task-clock -x, /usr/bin/time -f '%e s %U+%S cpu %M KB' "$bin" --board "$W/b" show 1 >/dev/null; } 2>&1 )
  clock=$(echo "$out" | grep task-clock | cut -d, -f1)
  frame=$(CACHE=$W/c KILL=1 python3 "$HERE/first-frame.py" "$bin" "$W/b" 1 2>&1 | tail -1)
  echo "$(basename "$bin") build: $(echo "$out" | grep ' cpu ') task-clock ${clock%.*} ms | $frame | load $load"
done; done
