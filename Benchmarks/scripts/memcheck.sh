#!/bin/bash
# Resident memory of the full-screen board (#20's memory row): memcheck.sh LANES_BIN BOARD_DIR
# Copies the board into a new /tmp/memcheck-* directory, opens the full-screen board there in tmux 200x50 twice
# (the first open writes the cache; the second opens from it, as every day),
# and prints VmRSS and VmHWM of each once VmRSS has not moved for 2 s (at most 120 s).
set -e
BIN=$1; BOARD=$2; name=$(basename $BOARD); W=/tmp/memcheck-$USER-$name-$$
mkdir -p $W/board; cp -a $BOARD/.lanes $W/board/
export XDG_CACHE_HOME=${XDG_CACHE_HOME:-$W/cache}
(cd $W/board && $BIN show 1 >/dev/null)   # index + cache ready, as a board in use
measure() {
  # A socket of its own for each open: once, the second open on the socket of the server just
  # killed got "server exited unexpectedly" and measured nothing.
  S=$W/tmux-$1.sock
  tmux -S $S new-session -d -x 200 -y 50 -c $W/board "env XDG_CACHE_HOME=$XDG_CACHE_HOME TERM=xterm-256color $BIN"
  sleep 1; pid=$(pgrep -f "^$BIN$" -n || true)
  [ -z "$pid" ] && pid=$(tmux -S $S list-panes -F '#{pane_pid}')
  last=0; stable=0
  for i in $(seq 1 240); do
    sleep 0.5
    r=$(awk '/VmRSS/{print $2}' /proc/$pid/status)
    if [ "$r" = "$last" ]; then stable=$((stable+1)); else stable=0; fi
    last=$r
    # The first open must have written the cache before it is closed (its resident size can
    # rest for seconds while it reads the log, before it writes it): else the second open reads
    # the whole log again and measures that, not a day's open.
    [ $stable -ge 4 ] && { [ "$1" != first ] || [ -s $W/board/.lanes/cache ]; } && break
  done
  grep -E 'VmRSS|VmHWM' /proc/$pid/status
  tmux -S $S kill-server
}
echo "first open (writes the cache):"; measure first
echo "second open (from the cache, as every day):"; measure second
rm -rf $W
