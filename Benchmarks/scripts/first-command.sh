#!/bin/bash
# The first command on a board with no index or cache yet (a fresh `git clone`), and the command after it.
#
# usage: Benchmarks/scripts/first-command.sh BOARD RUNS A [B]
#
# Each first command — the full-screen board (headless, `--keys q --size 200x50`), `show 1`,
# `list assignee:user3 is:open`, `add` — runs on its own fresh copy of BOARD's .lanes/events alone
# with an empty XDG_CACHE_HOME, then `list assignee:user3 is:open` after it (what the first one
# left to the next). Wall, user+sys CPU and peak RSS from /usr/bin/time. With a second binary B,
# each command runs A B B A, RUNS times.
set -e
BOARD=$1; RUNS=$2; A=$3; B=${4:-}
W=$(mktemp -d "${TMPDIR:-/tmp}/lanes-first-command-XXXXXX")
trap 'rm -rf "$W"' EXIT
order="$A"; [ -n "$B" ] && order="$A $B $B $A"
for run in $(seq "$RUNS"); do
  for cmd in "--keys q --size 200x50" "show 1" "list assignee:user3 is:open" "add first-after-clone"; do
    for bin in $order; do
      rm -rf "$W/b" "$W/x"; mkdir -p "$W/b/.lanes" "$W/x"; cp "$BOARD/.lanes/events" "$W/b/.lanes/"
      # shellcheck disable=SC2086 # $cmd is the command's words
      (cd "$W/b" && /usr/bin/time -f "$bin first[$cmd] %e s %U+%S cpu %M KB" env XDG_CACHE_HOME="$W/x" "$bin" $cmd >/dev/null 2>"$W/err" ) || true
      tail -1 "$W/err"
      (cd "$W/b" && /usr/bin/time -f "  then[list assignee:user3 is:open] %e s %U+%S cpu %M KB" env XDG_CACHE_HOME="$W/x" "$bin" list assignee:user3 is:open >/dev/null 2>"$W/err") || true
      tail -1 "$W/err"
    done
  done
done
