#!/usr/bin/env python3
"""Turns a generated Lanes board into taskwarrior tasks, for #20's side-by-side table.

usage: board-to-tasks.py BOARD/.lanes/events > tasks.json   (then: task import tasks.json)
       board-to-tasks.py BOARD/.lanes/events --data DIR      (writes DIR/pending.data, completed.data)

One task per issue, streaming, so a 10M-event log needs no more memory than one issue. Either
one JSON object per line, what `task import` reads, or the data files `task import` would write
(taskwarrior 2.6's format, checked byte for byte against `task import` of 10,000 issues):
`task import` takes 2.3 s per 1,000 tasks and 13 KB of memory per task here, so 1M tasks
would take 40 minutes and 13 GB; writing the files takes a minute. The mapping:
  title -> description, column -> project, priority urgent/high/medium/low -> H/H/M/L,
  labels and assignees -> tags, labels without their hyphen (a filter reads `+label-7` as a
  subtraction), so `assignee:user3 label:label-7 is:open` is `+user3 +label7 status:pending`, body and comments -> annotations, an issue moved into
  a closing column -> status completed. Only the event kinds the Benchmarks generator
  writes are understood; anything else stops with an error (this is not an exporter).
"""
import calendar
import json
import os
import sys

PRIORITY = {"urgent": "H", "high": "H", "medium": "M", "low": "L", "none": None}


def stamp(iso):
    # 2026-11-18T08:53:52.114Z -> 20261118T085352Z
    return iso[0:4] + iso[5:7] + iso[8:10] + "T" + iso[11:13] + iso[14:16] + iso[17:19] + "Z"


def epoch(stamp):
    return str(calendar.timegm((int(stamp[0:4]), int(stamp[4:6]), int(stamp[6:8]), int(stamp[9:11]), int(stamp[11:13]),
                                int(stamp[13:15]), 0, 0, 0)))


def data_line(task):
    """One line of pending.data / completed.data: attributes sorted by name, times in seconds."""
    attributes = {"description": task["description"], "entry": epoch(task["entry"]), "modified": epoch(task["modified"]),
                  "project": task["project"], "status": task["status"], "uuid": task["uuid"]}
    if "end" in task:
        attributes["end"] = epoch(task["end"])
    if "priority" in task:
        attributes["priority"] = task["priority"]
    for annotation in task.get("annotations", []):
        attributes["annotation_" + epoch(annotation["entry"])] = annotation["description"]
    if "tags" in task:
        tags = sorted(task["tags"])
        attributes["tags"] = ",".join(tags)
        for tag in tags:
            attributes["tags_" + tag] = "x"
    for value in attributes.values():
        if any(c in value for c in '"\\[]') or any(ord(c) < 32 for c in value):
            sys.exit("board-to-tasks: --data handles only the generator's text (no quotes, brackets, backslashes)")
    return "[" + " ".join(f'{key}:"{attributes[key]}"' for key in sorted(attributes)) + "]\n"


def main(path, data):
    if data:
        os.makedirs(data, exist_ok=True)
        files = {"pending": open(os.path.join(data, "pending.data"), "w", encoding="utf-8"),
                 "completed": open(os.path.join(data, "completed.data"), "w", encoding="utf-8")}
    closing = set()
    task = None

    def flush():
        if task is None:
            return
        if not task["tags"]:
            del task["tags"]
        if not task["annotations"]:
            del task["annotations"]
        if task["priority"] is None:
            del task["priority"]
        if data:
            files[task["status"]].write(data_line(task))
        else:
            sys.stdout.write(json.dumps(task, ensure_ascii=False, separators=(",", ":")) + "\n")

    with open(path, encoding="utf-8") as log:
        if not log.readline().startswith("lanes-log "):
            sys.exit(f"board-to-tasks: {path} is not a Lanes event log")
        for line in log:
            fields = line.rstrip("\n").split("\t")
            at, issue, kind, rest = stamp(fields[1]), fields[3], fields[4], fields[5:]
            if kind == "columns":
                # id, name, flags triples
                closing = {rest[i] for i in range(0, len(rest), 3) if rest[i + 2] == "closing"}
                continue
            number = int(issue[1:])
            if kind == "created":
                flush()
                title, body, column, _rank, priority = rest
                task = {"uuid": f"00000000-0000-4000-8000-{number:012d}", "description": title, "entry": at,
                        "modified": at, "status": "pending", "project": column, "priority": PRIORITY[priority],
                        "tags": [], "annotations": [{"entry": at, "description": body}] if body else []}
                continue
            if task is None or task["uuid"] != f"00000000-0000-4000-8000-{number:012d}":
                sys.exit(f"board-to-tasks: events of #{number} are not after its creation (not a generated board)")
            task["modified"] = at
            if kind == "commented":
                task["annotations"].append({"entry": at, "description": rest[0]})
            elif kind == "moved":
                task["project"] = rest[1]
                if rest[1] in closing:
                    task["status"], task["end"] = "completed", at
                else:
                    task["status"] = "pending"
                    task.pop("end", None)
            elif kind in ("labelled", "assigned"):
                tag = rest[0].replace("-", "")
                if tag not in task["tags"]:
                    task["tags"].append(tag)
            elif kind == "prioritised":
                task["priority"] = PRIORITY[rest[0]]
            else:
                sys.exit(f"board-to-tasks: event kind {kind} is not one the generator writes")
        flush()
    if data:
        for file in files.values():
            file.close()


if __name__ == "__main__":
    if len(sys.argv) == 2:
        main(sys.argv[1], None)
    elif len(sys.argv) == 4 and sys.argv[2] == "--data":
        main(sys.argv[1], sys.argv[3])
    else:
        sys.exit(__doc__)
