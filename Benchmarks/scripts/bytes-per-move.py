#!/usr/bin/env python3
# Usage: Benchmarks/scripts/bytes-per-move.py [--lanes BIN] [--board DIR] [--size 200x50] [--term xterm-256color] [--view board|list|swimlanes|issue] [--key j] [--moves 20] [--warmup N]
"""Bytes the real binary writes to the terminal per cursor move, in a pseudo-terminal.

Runs `lanes` full screen in a pty of the given size (TERM=xterm-256color unless --term, LANG=C.UTF-8), waits
for the first frame, sends the key `--warmup` times (by default a page's worth, so
that the column has to scroll from the first counted move on), then sends it `--moves` times, waiting after each until the output
has been quiet for a while, and counts every byte read from the pty after the first frame.
Without --board it generates (once, cached under /tmp) a board whose first column holds
`--cards` cards, so every move goes down a long column that has to scroll.

Not timing-based in what it counts: a frame that comes late is still read before the next key
(each wait ends only after `--quiet` ms without output, up to --settle ms per key).
"""
import argparse
import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# The words of the Benchmarks generator (BoardGenerator.swift), some CJK and emoji among them.
WORDS = ["login", "page", "crash", "export", "sync", "board", "timeline", "filter", "button", "cache",
         "日本語", "翻訳", "한국어", "emoji 🎉", "dark mode", "settings", "API", "latency", "flaky", "test"]
NOW = "2026-11-20T09:00:00Z"


def generated_board(lanes, cards):
    """A board with `cards` cards in its first column and 20 in each other one: varied titles,
    labels, assignees, priorities. The other columns matter: beside empty columns a column's
    lines are whole terminal lines, and ncurses scrolls them with the terminal's scroll region,
    which hides what a scrolling column costs on a real board."""
    path = f"/tmp/lanes-bytes-per-move-v3-{cards}"
    if os.path.exists(os.path.join(path, ".lanes", "done")):
        return path
    subprocess.run(["rm", "-rf", path], check=True)
    os.makedirs(path)
    subprocess.run([lanes, "init", path], check=True, stdout=subprocess.DEVNULL)
    priorities = ["none", "low", "medium", "high", "urgent"]
    seed = 20
    def pick(count):
        nonlocal seed
        seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
        return (seed >> 33) % count
    columns = ["backlog"] * cards + ["todo", "doing", "review", "done"] * 20
    for n, column in enumerate(columns, start=1):
        title = " ".join(WORDS[pick(len(WORDS))] for _ in range(3 + pick(6)))
        args = [lanes, "--board", path, "--as", f"user{n % 7}", "--now", NOW, "add", title,
                "--priority", priorities[n % 5], "--column", column]
        for _ in range(pick(3)):
            args += ["--label", f"label-{pick(30)}"]
        for _ in range(pick(3)):
            args += ["--assign", f"user{pick(12)}"]
        subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    open(os.path.join(path, ".lanes", "done"), "w").close()
    return path


def read_until_quiet(fd, quiet_ms, limit_ms, first=False):
    """Reads from `fd` until it has been silent for `quiet_ms` (or `limit_ms` in all); the bytes read.
    With `first`, the silence only counts once something has been read (the first frame)."""
    total = 0
    start = last = time.monotonic()
    while True:
        now = time.monotonic()
        if ((now - last) * 1000 >= quiet_ms and (total or not first)) or (now - start) * 1000 >= limit_ms:
            return total
        ready, _, _ = select.select([fd], [], [], quiet_ms / 1000 / 4)
        if ready:
            try:
                data = os.read(fd, 65536)
            except OSError:
                return total
            if not data:
                return total
            total += len(data)
            last = time.monotonic()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lanes", default=os.path.join(ROOT, ".build", "release", "lanes"))
    parser.add_argument("--board", help="an existing board (default: a generated one)")
    parser.add_argument("--cards", type=int, default=400, help="cards in the generated board's first column")
    parser.add_argument("--size", default="200x50")
    parser.add_argument("--term", default="xterm-256color")
    parser.add_argument("--view", choices=["board", "list", "swimlanes", "issue"], default="board",
                        help="list: the list view (v); swimlanes: the board by assignee (S), which scrolls as a whole; "
                             "issue: the first card's issue view (<Enter>), its lines")
    parser.add_argument("--key", default="j", help="the key sent per move (j, k, or a byte string such as '\\x06' for C-f)")
    parser.add_argument("--moves", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=-1,
                        help="moves sent before counting (default: a page's worth, so the column scrolls from the first counted move)")
    parser.add_argument("--quiet", type=int, default=150, help="ms of silence that ends a frame")
    parser.add_argument("--settle", type=int, default=3000, help="ms at most to wait per frame")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    board = args.board or generated_board(args.lanes, args.cards)

    pid, fd = pty.fork()
    if pid == 0:
        env = dict(os.environ, TERM=args.term, LANG="C.UTF-8", LC_ALL="C.UTF-8")
        env.pop("NO_COLOR", None)
        os.execve(args.lanes, [args.lanes, "--board", board, "--now", NOW], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))
    try:
        first = read_until_quiet(fd, 1000, 60000, first=True)
        if args.view != "board":
            os.write(fd, {"list": b"v", "swimlanes": b"S", "issue": b"\r"}[args.view])
            read_until_quiet(fd, args.quiet * 2, args.settle)
        key = args.key.encode().decode("unicode_escape").encode()
        for _ in range(args.warmup if args.warmup >= 0 else max(1, (height - 2) // 3 - 1)):
            os.write(fd, key)
            read_until_quiet(fd, args.quiet, args.settle)
        counts = []
        for _ in range(args.moves):
            os.write(fd, key)
            counts.append(read_until_quiet(fd, args.quiet, args.settle))
        total = sum(counts)
        print(f"{args.view} view {width}x{height} TERM={args.term}, board {board}, key {args.key!r} x {args.moves}: "
              f"first frame {first} bytes; {total} bytes, {total / args.moves:.0f} per move "
              f"(limit 2 x {width} + 64 = {2 * width + 64}); max {max(counts)}")
        print("per move:", " ".join(str(c) for c in counts))
    finally:
        os.write(fd, b"Q")
        read_until_quiet(fd, 200, 2000)
        os.close(fd)
        os.waitpid(pid, 0)


if __name__ == "__main__":
    main()
