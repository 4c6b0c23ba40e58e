#!/bin/sh
# Usage: Benchmarks/scripts/process-floor.sh BEFORE AFTER WORKDIR
#
# The process floor every `lanes` command pays, for two binaries measured A B B A (the machine
# is shared: both see the same load): `--version`, `add x` on a board with one issue, and
# `show 1` and `list` on a 100-issue board. Each row: `perf stat -r 20 -e task-clock` (CPU and
# wall, means of 20 runs), then one `/usr/bin/time` run for peak RSS, and the load average.
# WORKDIR is emptied and holds the boards and their index cache (XDG_CACHE_HOME); never /tmp
# itself. docs/performance.md, "The process floor".
set -e
[ $# -eq 3 ] || { echo "usage: $0 BEFORE AFTER WORKDIR" >&2; exit 2; }
A=$1; B=$2; W=$3
export XDG_CACHE_HOME="$W/cache" LANES_USER=bench
rm -rf "$W"; mkdir -p "$W/b100"
(cd "$W/b100" && "$A" init >/dev/null && i=0 && while [ $i -lt 100 ]; do "$A" add "issue $i" >/dev/null; i=$((i+1)); done)

row() { # LABEL BINARY ARGUMENTS…
    label=$1; bin=$2; shift 2
    stat=$(perf stat -r 20 -e task-clock "$bin" "$@" 2>&1 >/dev/null |
        awk '/task-clock/{c=$1} /elapsed/{e=$1*1000} END{printf "%.1f ms cpu, %.1f ms wall", c, e}')
    peak=$( { /usr/bin/time -f '%e s %U+%S cpu %M KB' "$bin" "$@" >/dev/null; } 2>&1 | tail -1)
    echo "$label $bin: $stat | $peak | load $(cut -d' ' -f1 /proc/loadavg)"
}

n=0
for bin in "$A" "$B" "$B" "$A"; do
    n=$((n+1))
    row "--version" "$bin" --version
    empty="$W/empty-$n"; mkdir -p "$empty"
    (cd "$empty" && "$bin" init >/dev/null && "$bin" add first >/dev/null && row "add" "$bin" add x)
    (cd "$W/b100" && row "show 1 (100 issues)" "$bin" show 1)
    (cd "$W/b100" && row "list (100 issues)" "$bin" list)
done
