#!/usr/bin/env python3
"""Time to the full-screen board's first whole frame, in a 200x50 pty.

usage: CACHE=XDG_CACHE_HOME [KILL=1 | KEY=k] Benchmarks/scripts/first-frame.py BIN BOARD RUNS

Per run: the time from start until the status line's "? help" has been written (the frame is
whole) and VmRSS then; with KILL=1 the process is killed there and its CPU time (user + sys) is
what that frame cost; without, it is left until 0.6 s of quiet (the board's load and any later
frame) and that time, VmRSS, VmHWM and the whole CPU time are printed. With KEY=k the key k is
typed as soon as the frame is whole, and the time until the terminal is next sent anything (the
frame answering it) is printed too: what a key typed during the board's load waits. Alternate two binaries
yourself (A B B A). CACHE is the XDG_CACHE_HOME holding the board's index (default: none).
"""
import os, pty, fcntl, termios, struct, select, time, sys, signal, resource
W, H = 200, 50
KILL = os.environ.get("KILL") == "1"
KEY = os.environ.get("KEY")
def run(binary, board):
    env = {"PATH": "/usr/bin:/bin", "HOME": os.environ.get("CACHE", "/nonexistent"), "LANG": "C.UTF-8", "TERM": "xterm-256color", "LANES_USER": "measure",
           "XDG_CACHE_HOME": os.environ.get("CACHE", "/nonexistent"), "XDG_CONFIG_HOME": "/nonexistent", "XDG_STATE_HOME": "/nonexistent"}
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", H, W, 0, 0))
        os.execve(binary, [binary, "--board", board], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", H, W, 0, 0))
    seen = b""; shown = None; rss_shown = None; last = None; typed = None; answered = None
    while True:
        ready, _, _ = select.select([fd], [], [], 0.6 if shown and (typed is None or answered is not None) else 60)
        if not ready: break
        chunk = os.read(fd, 1 << 16)
        if not chunk: break
        last = time.perf_counter() - start
        if typed is not None and answered is None:
            answered = last - typed
        seen += chunk
        if shown is None and b"? help" in seen:
            shown = last
            rss_shown = int([l for l in open(f"/proc/{pid}/status") if l.startswith("VmRSS")][0].split()[1])
            if KILL:
                os.kill(pid, signal.SIGKILL); _, _, usage = os.wait4(pid, 0); os.close(fd)
                return shown, rss_shown, usage.ru_utime + usage.ru_stime
            if KEY:
                os.write(fd, KEY.encode())
                typed = time.perf_counter() - start
    st = dict(l.split(":", 1) for l in open(f"/proc/{pid}/status") if ":" in l)
    rss, hwm = int(st["VmRSS"].split()[0]), int(st["VmHWM"].split()[0])
    os.write(fd, b"q")
    _, status, usage = os.wait4(pid, 0)
    os.close(fd)
    return shown, rss_shown, last, rss, hwm, usage.ru_utime + usage.ru_stime, answered
for i in range(int(sys.argv[3])):
    if KILL:
        s, rs, cpu = run(sys.argv[1], sys.argv[2])
        print(f"{sys.argv[1]}: first full frame {s*1000:.0f} ms, RSS then {rs/1024:.0f} MB, CPU to it {cpu*1000:.0f} ms", flush=True)
        continue
    s, rs, l, r, h, cpu, a = run(sys.argv[1], sys.argv[2])
    key = f" | {KEY!r} answered {a*1000:.1f} ms after it was typed" if a is not None else ""
    print(f"{sys.argv[1]}: frame {s*1000:.0f} ms  RSS then {rs/1024:.0f} MB{key} | quiet at {l*1000:.0f} ms RSS {r/1024:.0f} MB peak {h/1024:.0f} MB | cpu {cpu*1000:.0f} ms", flush=True)
