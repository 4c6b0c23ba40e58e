#!/usr/bin/env bash
# Bytes the real ncurses backend sends for one cursor move, measured in tmux with pipe-pane.
# Usage: scripts/bytes-per-keystroke.sh BOARD_DIR [WIDTH HEIGHT]   (default 200x50)
set -euo pipefail
board=${1:?usage: $0 BOARD_DIR [WIDTH HEIGHT]}
width=${2:-200}
height=${3:-50}
lanes=${LANES:-$(cd "$(dirname "$0")/.." && pwd)/.build/release/lanes}
socket=lanes-bytes-$$
out=$(mktemp)
trap 'tmux -L $socket kill-server 2>/dev/null; rm -f "$out"' EXIT
tmux -L "$socket" -f /dev/null new-session -d -s main -x "$width" -y "$height" \
  "TERM=tmux-256color LANG=C.UTF-8 $lanes --board $board"
sleep 3   # the first frame of a large board
tmux -L "$socket" pipe-pane -t main -o "cat >> $out"
# Down and up again: a cursor move within the screen (scrolling a column repaints it, which is
# a different cost).
moves=20
for i in $(seq $moves); do
  if [ $((i % 2)) -eq 1 ]; then key=j; else key=k; fi
  tmux -L "$socket" send-keys -t main $key
  sleep 0.2
done
sleep 0.5
bytes=$(stat -c %s "$out")
echo "cursor moves: $moves, bytes sent: $bytes, per move: $((bytes / moves)) (limit 2×$width+64 = $((2 * width + 64)))"
idle_before=$(stat -c %s "$out"); sleep 3; idle_after=$(stat -c %s "$out")
echo "idle for 3 s: $((idle_after - idle_before)) bytes"
