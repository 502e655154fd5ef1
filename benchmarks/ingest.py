"""Ingest throughput and memory against the floor, in one run.

    python benchmarks/ingest.py [--events 1000000] [--repeat 3] [--workdir DIR]

Writes N synthetic events (``persona6.synth.iter_events``) to a JSONL file once, then, in fresh
subprocesses and alternating so both see the same machine state:

- persona6: ``persona6.ingest.pipeline.ingest`` into a new SQLite file (WAL, migrations,
  validation, derived ids, identity links, indexes);
- the floor: the same lines parsed with ``json`` and inserted with ``executemany`` into a bare
  SQLite table, one commit per 10,000 lines.

It prints the best rate of each, their ratio (goal: persona6 >= 1/3 of the floor), and the peak
resident memory of persona6's ingest at 1/4, 1/2 and all of the file (goal: flat).
Not a test: timings belong here, never in the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PERSONA6 = """
import resource, sys, time
from persona6.ingest.pipeline import ingest
from persona6.store import SQLiteStore
store = SQLiteStore(sys.argv[2])
started = time.perf_counter()
report = ingest(store, sys.argv[1])
elapsed = time.perf_counter() - started
store.close()
print(report.stored, elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

FLOOR = """
import json, resource, sqlite3, sys, time
conn = sqlite3.connect(sys.argv[2])
conn.execute("CREATE TABLE events (event_id, ts, session_id, user_id, anonymous_id, type, "
             "role, name, text, attrs)")
started = time.perf_counter()
rows, count = [], 0
def flush():
    conn.executemany("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    conn.commit()
    rows.clear()
with open(sys.argv[1], "rb") as lines:
    for line in lines:
        d = json.loads(line)
        rows.append((d.get("event_id"), d["ts"], d["session_id"], d.get("user_id"),
                     d.get("anonymous_id"), d["type"], d.get("role"), d.get("name"),
                     d.get("text"), json.dumps(d.get("attrs", {}))))
        count += 1
        if len(rows) >= 10000:
            flush()
flush()
elapsed = time.perf_counter() - started
print(count, elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def write_events(path: Path, count: int) -> None:
    from persona6.synth import iter_events

    written = 0
    with path.open("w", encoding="utf-8") as out:
        people = 3000
        while written < count:
            for event in iter_events(seed=written, people=people):
                out.write(json.dumps(event, ensure_ascii=False) + "\n")
                written += 1
                if written >= count:
                    return


def head(source: Path, target: Path, count: int) -> None:
    with source.open("rb") as lines, target.open("wb") as out:
        for index, line in enumerate(lines):
            if index >= count:
                break
            out.write(line)


def run(script: str, events: Path, db: Path) -> tuple[int, float, int]:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    result = subprocess.run(
        [sys.executable, "-c", script, str(events), str(db)],
        capture_output=True,
        text=True,
        check=True,
    )
    count, seconds, rss_kib = result.stdout.split()
    return int(count), float(seconds), int(rss_kib)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workdir", default=None, help="Where to write the files (a temp dir).")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(dir=args.workdir) as tmp:
        work = Path(tmp)
        events = work / "events.jsonl"
        started = time.perf_counter()
        write_events(events, args.events)
        size_mb = events.stat().st_size / 1e6
        print(
            f"wrote {args.events:,} events ({size_mb:.0f} MB) in "
            f"{time.perf_counter() - started:.0f}s",
            file=sys.stderr,
        )

        ours, floor = [], []
        for attempt in range(args.repeat):
            ours.append(run(PERSONA6, events, work / "p6.db"))
            floor.append(run(FLOOR, events, work / "floor.db"))
            print(
                f"round {attempt + 1}: persona6 {ours[-1][1]:.1f}s, floor {floor[-1][1]:.1f}s",
                file=sys.stderr,
            )
        best_ours = min(ours, key=lambda r: r[1])
        best_floor = min(floor, key=lambda r: r[1])
        rate_ours = best_ours[0] / best_ours[1]
        rate_floor = best_floor[0] / best_floor[1]

        memory = []
        for share in (4, 2, 1):
            part = work / f"part{share}.jsonl"
            head(events, part, args.events // share)
            memory.append((args.events // share, run(PERSONA6, part, work / "mem.db")[2]))
            part.unlink()

    print("| measure | persona6 | floor (json + executemany) |")
    print("| --- | --- | --- |")
    print(f"| events/s (best of {args.repeat}) | {rate_ours:,.0f} | {rate_floor:,.0f} |")
    print(f"| ratio | {rate_ours / rate_floor:.2f} | 1.00 |")
    print(
        f"| peak RSS, all {args.events:,} events | {best_ours[2] / 1024:.0f} MiB | "
        f"{best_floor[2] / 1024:.0f} MiB |"
    )
    print()
    print("| events ingested | persona6 peak RSS |")
    print("| --- | --- |")
    for count, rss in memory:
        print(f"| {count:,} | {rss / 1024:.0f} MiB |")
    print(f"\nmachine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")


if __name__ == "__main__":
    main()
