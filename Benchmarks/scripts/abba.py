#!/usr/bin/env python3
"""Two lanes binaries on one board, A B B A: wall, first byte, CPU and peak RSS per command row.

usage: Benchmarks/scripts/abba.py BEFORE AFTER BOARD ROUNDS ROW[,ROW...]

For a change's before and after on a shared, loaded machine: the two binaries alternate
(A B B A, ROUNDS times), so both see the same load, and CPU time (user + sys of the child,
from wait4) is printed beside wall time. BOARD is written to (add, comment, …): use a copy
(`cp -a`), with XDG_CACHE_HOME set to a directory of your own whose index is already built
(run one command first). Each write and show takes a different open issue, picked from the
index with the sqlite3 command-line tool. Medians; RSS is the largest seen.

Rows: json (list --format json, read from a pipe), query (list assignee:user3 label:label-7
is:open), show K, add TITLE, comment K TEXT, move K doing, assign K user1, close K.
"""
import os, random, statistics, subprocess, sys, time

before, after, board, rounds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
rows = sys.argv[5].split(',')
cache = os.environ['XDG_CACHE_HOME'] + '/lanes/index/'
index = cache + next(name for name in os.listdir(cache) if name.endswith('.sqlite'))
keys = [int(line) for line in subprocess.run(
    ['sqlite3', index, 'SELECT number FROM issues WHERE open = 1 AND deleted = 0 AND archived = 0 AND snoozed IS NULL '
     'ORDER BY random() LIMIT 1000'], capture_output=True, text=True, check=True).stdout.split()]
random.seed(7)
random.shuffle(keys)


def arguments(row):
    k = str(keys.pop())
    return {'json': ['list', '--format', 'json'], 'query': ['list', 'assignee:user3', 'label:label-7', 'is:open'],
            'show': ['show', k], 'add': ['add', 'abba title ' + k], 'comment': ['comment', k, 'abba comment'],
            'move': ['move', k, 'doing'], 'assign': ['assign', k, 'user1'], 'close': ['close', k]}[row]


def run(binary, args):
    start = time.monotonic()
    process = subprocess.Popen([binary, '--board', board] + args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    first = None
    while True:
        chunk = process.stdout.read1(1 << 16)
        if first is None:
            first = time.monotonic() - start
        if not chunk:
            break
    _, status, usage = os.wait4(process.pid, 0)
    return time.monotonic() - start, first, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, status


print('load average', os.getloadavg())
for row in rows:
    results = {before: [], after: []}
    for _ in range(rounds):
        for binary in (before, after, after, before):
            results[binary].append(run(binary, arguments(row)))
    for binary in (before, after):
        runs = results[binary]
        median = lambda field: statistics.median(run[field] for run in runs)
        print(f"{row:8} {os.path.basename(binary):14} wall {median(0) * 1000:8.1f} ms  first byte {median(1) * 1000:7.1f} ms  "
              f"cpu {median(2) * 1000:8.1f} ms  rss {max(run[3] for run in runs):6.1f} MB  "
              f"(n={len(runs)}, wall {min(run[0] for run in runs) * 1000:.1f}–{max(run[0] for run in runs) * 1000:.1f} ms, "
              f"exit {sorted(set(run[4] for run in runs))})")
print('load average', os.getloadavg())
