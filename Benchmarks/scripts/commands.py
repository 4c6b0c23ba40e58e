#!/usr/bin/env python3
"""Times each command row of #20's table as whole processes, Lanes beside taskwarrior.

usage: Benchmarks/scripts/commands.py --lanes BIN --board DIR [--runs N] [--taskwarrior [--task-runs N]]
                                      [--work DIR] [--rows ROW,...] [--json FILE]

BOARD is a generated board (Benchmarks: `swift run -c release generate-board ISSUES EVENTS DIR`);
it is only read. Everything that writes works on a copy in WORK (default: a new directory in
/tmp, removed afterwards): the board with its cache, a private XDG_CACHE_HOME (where a derived
index would live) and XDG_CONFIG_HOME, and with --taskwarrior a TASKDATA/TASKRC holding the same
issues as tasks (board-to-tasks.py, beside this script). Each row is run once untimed, then N
times (default 7), Lanes and taskwarrior alternating run by run so that both see the same load.
Printed per row: the command, median and max wall time, median and max peak RSS (getrusage of
the child), and for the JSON rows the time to the first byte on a pipe.

Rows (name: what is run; K is a different open issue each run, the same issue for both tools):
  add        lanes add TITLE                          | task add TITLE project:backlog
  comment    lanes comment K TEXT                     | task UUID(K) annotate TEXT
  move       lanes move K doing                       | task UUID(K) modify project:doing
  assign     lanes assign K user1                     | task UUID(K) modify +user1
  close      lanes close K                            | task UUID(K) done
  show       lanes show K                             | task UUID(K) info
  query      lanes list assignee:A label:L is:open    | task +A +L status:pending export (L without its hyphen)
             (A and L picked so that at most 1 % of the issues match; both counts printed)
  json       lanes list --format json (all issues)    | task export (all tasks)
  clone      lanes show 1 in a copy of only .lanes/events with an empty XDG_CACHE_HOME
             (the first open after a clone: no cache, no index), a new copy each run
  frame      the full-screen board (200x50, TERM=xterm-256color) in a pty: time from start to
             the end of its first frame (the first burst of output, which must draw the
             column titles, followed by 0.4 s of quiet), VmRSS and VmHWM then, then q
  headless   lanes --keys q --size 200x50 --dump (the same first frame without a terminal)
  keys       the mean cost of one cursor move: (lanes --keys j*200+q minus the headless row)/200
  filter     the mean cost of one `/` keystroke: (/ + "timeline" typed, Esc, q, minus headless)/10
"""
import argparse
import fcntl
import json
import os
import pty
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROWS = ["add", "comment", "move", "assign", "close", "show", "query", "json", "clone", "frame", "headless", "keys", "filter"]
WIDTH, HEIGHT = 200, 50


class Timing:
    """One run of one command: wall seconds, peak RSS in KB, seconds to the first output byte."""

    def __init__(self, wall, rss, first=None, extra=None):
        self.wall, self.rss, self.first, self.extra = wall, rss, first, extra or {}


def run(argv, env, pipe=False, check=True):
    """Runs argv to completion; with pipe, reads its stdout and notes when the first byte came."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               stdout=subprocess.PIPE if pipe else subprocess.DEVNULL)
    first = None
    size = 0
    if pipe:
        fd = process.stdout.fileno()
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            if first is None:
                first = time.perf_counter() - start
            size += len(chunk)
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if check and process.returncode != 0:
        sys.exit(f"commands.py: {' '.join(argv)} exited {process.returncode}: {stderr.decode(errors='replace').strip()}")
    return Timing(wall, usage.ru_maxrss, first, {"bytes": size})


def output(argv, env):
    return subprocess.run(argv, env=env, stdin=subprocess.DEVNULL, capture_output=True, check=True).stdout.decode()


def first_frame(argv, env, marker):
    """Starts argv on a WIDTHxHEIGHT pty; returns the time to the end of its first frame, VmRSS then."""
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", HEIGHT, WIDTH, 0, 0))
        os.execve(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", HEIGHT, WIDTH, 0, 0))
    seen, last, first = b"", None, None
    while True:
        ready, _, _ = select.select([fd], [], [], 0.4 if last is not None and marker in seen else 120)
        if not ready:
            break
        try:
            chunk = os.read(fd, 1 << 16)
        except OSError:
            break
        if not chunk:
            break
        last = time.perf_counter() - start
        first = first if first is not None else last
        seen += chunk
    status = dict(line.split(":", 1) for line in open(f"/proc/{pid}/status") if ":" in line)
    rss, hwm = int(status["VmRSS"].split()[0]), int(status["VmHWM"].split()[0])
    os.write(fd, b"q")
    deadline = time.time() + 60
    while time.time() < deadline:
        if os.waitpid(pid, os.WNOHANG)[0]:
            break
        try:
            if select.select([fd], [], [], 0.1)[0]:
                os.read(fd, 1 << 16)
        except OSError:
            pass
    else:
        os.kill(pid, signal.SIGTERM)
        os.waitpid(pid, 0)
    os.close(fd)
    if marker not in seen:
        sys.exit(f"commands.py: the full-screen board never drew {marker!r}")
    return Timing(last, hwm, first, {"rss_at_frame": rss})


def summary(name, command, timings):
    walls = [t.wall for t in timings]
    rsses = [t.rss for t in timings]
    result = {"row": name, "command": command, "runs": len(timings), "median_s": statistics.median(walls),
              "max_s": max(walls), "median_rss_mb": statistics.median(rsses) / 1024, "max_rss_mb": max(rsses) / 1024}
    if all(t.first is not None for t in timings):
        result["median_first_byte_s"] = statistics.median(t.first for t in timings)
    if all("rss_at_frame" in t.extra for t in timings):
        result["median_rss_at_frame_mb"] = statistics.median(t.extra["rss_at_frame"] for t in timings) / 1024
    text = f"{name:9} {result['median_s'] * 1000:9.1f} ms (max {result['max_s'] * 1000:.1f})  {result['median_rss_mb']:7.1f} MB (max {result['max_rss_mb']:.1f})"
    if "median_first_byte_s" in result:
        text += f"  first byte {result['median_first_byte_s'] * 1000:.1f} ms"
    if "median_rss_at_frame_mb" in result:
        text += f"  VmRSS at the frame {result['median_rss_at_frame_mb']:.1f} MB"
    print(f"{text}   $ {command}", flush=True)
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lanes", required=True)
    parser.add_argument("--board", required=True)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--taskwarrior", action="store_true", help="also time taskwarrior on the same issues as tasks")
    parser.add_argument("--task-runs", type=int, help="taskwarrior's timed runs per row (default: --runs); fewer than "
                        "--runs also drops its untimed first run (at 1M tasks one command takes a minute or more)")
    parser.add_argument("--work", help="where the copies go (default: a new directory in /tmp, removed at the end)")
    parser.add_argument("--rows", default=",".join(ROWS), help="a comma-separated subset of: " + ", ".join(ROWS))
    parser.add_argument("--json", help="also write the results to this file")
    args = parser.parse_args()
    rows = args.rows.split(",")
    if unknown := [row for row in rows if row not in ROWS]:
        parser.error(f"unknown rows: {', '.join(unknown)}")
    lanes = os.path.abspath(args.lanes)
    events = os.path.join(args.board, ".lanes", "events")
    if not os.path.isfile(events):
        parser.error(f"{args.board} holds no .lanes/events")
    work = args.work or tempfile.mkdtemp(prefix="lanes-commands-")
    os.makedirs(work, exist_ok=True)
    board = os.path.join(work, "board")
    shutil.rmtree(board, ignore_errors=True)
    shutil.copytree(args.board, board, symlinks=True)
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": work, "LANG": "C.UTF-8", "TERM": "xterm-256color",
           "LANES_USER": "measure", "XDG_CACHE_HOME": os.path.join(work, "cache"),
           "XDG_CONFIG_HOME": os.path.join(work, "config"), "XDG_STATE_HOME": os.path.join(work, "state"),
           "XDG_DATA_HOME": os.path.join(work, "data")}
    for key in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME"):
        os.makedirs(env[key], exist_ok=True)
    task_env = None
    if args.taskwarrior:
        data = os.path.join(work, "task")
        shutil.rmtree(data, ignore_errors=True)
        subprocess.run([sys.executable, os.path.join(HERE, "board-to-tasks.py"), events, "--data", data], check=True)
        with open(os.path.join(work, "taskrc"), "w") as rc:
            rc.write(f"data.location={data}\nconfirmation=off\nverbose=nothing\nhooks=off\n")
        task_env = dict(env, TASKRC=os.path.join(work, "taskrc"), TASKDATA=data)

    task_runs = args.task_runs if args.task_runs is not None else args.runs
    L = [lanes, "--board", board]
    print(f"# {time.strftime('%Y-%m-%d %H:%M:%S UTC', time.gmtime())}  load average {os.getloadavg()}  "
          f"board {args.board}  lanes {lanes}  runs {args.runs}, taskwarrior {task_runs if task_env else 0}", flush=True)
    started = time.perf_counter()
    run(L + ["show", "1"], env)  # builds whatever cache or index the copy needs, untimed
    print(f"# the copy's first command (untimed): {time.perf_counter() - started:.1f} s", flush=True)

    # Open issues not in `doing`, a different one for each run of each write row (and show).
    needed = (args.runs + 1) * 5 if {"comment", "move", "assign", "close", "show"} & set(rows) else 0
    candidates, number = [], 1000
    while len(candidates) < needed:
        shown = output(L + ["show", str(number)], env)
        if "state:     open" in shown and "column:    In progress" not in shown:
            candidates.append(number)
        number += 7
    picks = {row: candidates[i * (args.runs + 1):(i + 1) * (args.runs + 1)]
             for i, row in enumerate(["comment", "move", "assign", "close", "show"])}

    def uuid(number):
        return f"00000000-0000-4000-8000-{number:012d}"

    def pair(name, lanes_argv, task_argv, pipe=False):
        """Runs both commands alternately, once untimed and runs times; prints both rows."""
        lanes_timings, task_timings = [], []
        for i in range(args.runs + 1):
            timing = run(lanes_argv(i), env, pipe)
            if i:
                lanes_timings.append(timing)
            if task_env and task_argv and (i <= task_runs if task_runs == args.runs else 1 <= i <= task_runs):
                timing = run(task_argv(i), task_env, pipe)
                if i:
                    task_timings.append(timing)
        results.append(summary(name, " ".join(lanes_argv(0)), lanes_timings))
        if task_timings:
            results.append(summary("task " + name, " ".join(task_argv(0)), task_timings))

    results = []
    task = ["task"]
    for row in rows:
        if row == "add":
            pair(row, lambda i: L + ["add", f"measured issue {i}"], lambda i: task + ["add", f"measured issue {i}", "project:backlog"])
        elif row == "comment":
            pair(row, lambda i: L + ["comment", str(picks[row][i]), f"measured comment {i}"],
                 lambda i: task + [uuid(picks[row][i]), "annotate", f"measured comment {i}"])
        elif row == "move":
            pair(row, lambda i: L + ["move", str(picks[row][i]), "doing"], lambda i: task + [uuid(picks[row][i]), "modify", "project:doing"])
        elif row == "assign":
            pair(row, lambda i: L + ["assign", str(picks[row][i]), "user1"], lambda i: task + [uuid(picks[row][i]), "modify", "+user1"])
        elif row == "close":
            pair(row, lambda i: L + ["close", str(picks[row][i])], lambda i: task + [uuid(picks[row][i]), "done"])
        elif row == "show":
            pair(row, lambda i: L + ["show", str(picks[row][i])], lambda i: task + [uuid(picks[row][i]), "info"])
        elif row == "query":
            query = selective_query(L, env, task_env, events)
            pair(row, lambda i: L + ["list"] + query["lanes"], lambda i: task + query["task"])
        elif row == "json":
            pair(row, lambda i: L + ["list", "--format", "json"], lambda i: task + ["export"], pipe=True)
        elif row == "clone":
            timings = []
            for i in range(args.runs + 1):
                clone = os.path.join(work, "clone")
                shutil.rmtree(clone, ignore_errors=True)
                os.makedirs(os.path.join(clone, ".lanes"))
                shutil.copyfile(events, os.path.join(clone, ".lanes", "events"))
                fresh = os.path.join(work, "clone-cache")
                shutil.rmtree(fresh, ignore_errors=True)
                os.makedirs(fresh)
                timing = run([lanes, "--board", clone, "show", "1"], dict(env, XDG_CACHE_HOME=fresh))
                if i:
                    timings.append(timing)
            shutil.rmtree(os.path.join(work, "clone"), ignore_errors=True)
            results.append(summary(row, f"{lanes} --board CLONE show 1   (CLONE: only .lanes/events copied, XDG_CACHE_HOME empty)", timings))
        elif row == "frame":
            timings = [first_frame(L, env, b"Backlog") for _ in range(args.runs + 1)][1:]
            results.append(summary(row, " ".join(L) + f"   (in a {WIDTH}x{HEIGHT} pty, to the end of the first frame)", timings))
    if any(row in rows for row in ("headless", "keys", "filter")):
        headless(rows, L, env, args.runs, results)
    print(f"# done {time.strftime('%H:%M:%S UTC', time.gmtime())}  load average {os.getloadavg()}", flush=True)
    if args.json:
        with open(args.json, "w") as out:
            json.dump({"board": args.board, "lanes": lanes, "runs": args.runs, "results": results}, out, indent=1)
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)


def headless(rows, L, env, runs, results):
    """The first frame without a terminal, and keystrokes as the difference to it."""
    size = ["--size", f"{WIDTH}x{HEIGHT}", "--dump"]
    variants = {"headless": (["--keys", "q"], 0), "keys": (["--keys", "j" * 200 + "q"], 200),
                "filter": (["--keys", "/timeline<Esc>q"], 10)}
    wanted = ["headless"] + [row for row in ("keys", "filter") if row in rows]
    timings = {name: [] for name in wanted}
    for i in range(runs + 1):
        for name in wanted:
            timing = run(L + variants[name][0] + size, env)
            if i:
                timings[name].append(timing)
    base = statistics.median(t.wall for t in timings["headless"])
    if "headless" in rows:
        results.append(summary("headless", " ".join(L + variants["headless"][0] + size), timings["headless"]))
    for name in wanted[1:]:
        keys = variants[name][1]
        per_key = [Timing((t.wall - base) / keys, t.rss) for t in timings[name]]
        results.append(summary(name, " ".join(L + variants[name][0] + size) + f"   (minus the headless median, / {keys} keys)", per_key))


def selective_query(L, env, task_env, events):
    """An assignee and a label (and a column if needed) matching at most 1 % of the issues."""
    issues = int(subprocess.run(["grep", "-c", "-F", "\tcreated\t", events], capture_output=True, check=True).stdout)
    candidates = [(["assignee:user3", "label:label-7", "is:open"], ["+user3", "+label7", "status:pending"]),
                  (["assignee:user3", "label:label-7", "column:todo", "is:open"], ["+user3", "+label7", "project:todo", "status:pending"])]
    for words, task_words in candidates:
        count = len(json.loads(output(L + ["list", "--format", "json"] + words, env)))
        if count <= issues // 100:
            break
    result = {"lanes": words, "task": task_words + ["export"]}
    task_count = int(output(["task"] + task_words + ["count"], task_env).strip()) if task_env else None
    print(f"# selective query {' '.join(words)}: {count} of {issues} issues; "
          f"taskwarrior {' '.join(task_words)}: {task_count} tasks", flush=True)
    return result


if __name__ == "__main__":
    main()
