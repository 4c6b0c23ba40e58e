#!/usr/bin/env python3
"""How long a key typed right after the full-screen board's first frame waits for its answer.

usage: CACHE=XDG_CACHE_HOME Benchmarks/scripts/key-during-load.py BIN BOARD RUNS [KEY]

Per run, in a 200x50 pty (TERM=xterm-256color): start BIN on BOARD, wait for the first whole
frame (its status line's "? help"), send KEY (default j), and time until the terminal is sent
anything after it (the frame that answers it); then until 0.6 s of quiet (the board's load and
the session's frame). Prints both and the CPU time of the whole run. Alternate two binaries
yourself (A B B A). CACHE is the XDG_CACHE_HOME holding the board's index.
"""
import os, pty, fcntl, termios, struct, select, time, sys, signal
W, H = 200, 50
def run(binary, board, key):
    cache = os.environ.get("CACHE", "/nonexistent")
    env = {"PATH": "/usr/bin:/bin", "HOME": cache, "LANG": "C.UTF-8", "TERM": "xterm-256color", "LANES_USER": "measure",
           "XDG_CACHE_HOME": cache, "XDG_CONFIG_HOME": "/nonexistent", "XDG_STATE_HOME": "/nonexistent"}
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", H, W, 0, 0))
        os.execve(binary, [binary, "--board", board], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", H, W, 0, 0))
    seen = b""; sent = None; answered = None; last = None
    while True:
        ready, _, _ = select.select([fd], [], [], 0.6 if answered else 60)
        if not ready: break
        chunk = os.read(fd, 1 << 16)
        if not chunk: break
        now = time.perf_counter()
        last = now
        if sent is None:
            seen += chunk
            if b"? help" in seen:
                frame = now - start
                os.write(fd, key.encode())
                sent = time.perf_counter()
        elif answered is None:
            answered = now - sent
    os.write(fd, b"q")
    _, _, usage = os.wait4(pid, 0)
    os.close(fd)
    return frame, answered, last - sent, usage.ru_utime + usage.ru_stime
key = sys.argv[4] if len(sys.argv) > 4 else "j"
for _ in range(int(sys.argv[3])):
    frame, answered, quiet, cpu = run(sys.argv[1], sys.argv[2], key)
    print(f"{sys.argv[1]}: first frame {frame*1000:.0f} ms; {key!r} answered {answered*1000:.1f} ms after it was typed; "
          f"quiet {quiet*1000:.0f} ms after it; cpu {cpu*1000:.0f} ms", flush=True)
