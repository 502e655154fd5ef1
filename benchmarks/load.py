"""Bounded load test of the HTTP API on loopback: concurrent clients mixing ingest and context.

    python benchmarks/load.py [--seconds 60] [--clients 8] [--ingest-share 0.5] [--batch 20]
                              [--db URL] [--people 12] [--processes 1]

Starts `persona6 serve` (``--processes`` of them over one database: use a postgresql:// URL for
more than one), makes an API key, records and builds the synthetic demo of ``--people`` people,
then runs ``--clients`` threads for ``--seconds``. Each request is, at random, either a batch of
``--batch`` new messages of a demo person (POST /v1/events) or that person's brief for a task
(GET /v1/persons/{id}/context); one more thread rebuilds the graph every ``--build-every``
seconds (default 5; 0: never), as a product would.
A request that fails at the transport is sent again as it was (ingest is idempotent).

At the end it checks, in the database itself, that every acknowledged event is stored exactly
once and that nothing else was stored. The baseline in the same run: the same mix through the
embedded library in this process, one thread, no HTTP. Only loopback addresses are used.
"""

from __future__ import annotations

import argparse
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path

import httpx

from persona6 import Persona6, synth
from persona6.server import keys
from persona6.store import open_store

TASKS = [
    "export the weekly report",
    "the sync failed again",
    "set up billing for the team",
    "share a dashboard",
    "rotate the API keys",
]
WORDS = [
    "please",
    "check",
    "the",
    "export",
    "report",
    "billing",
    "sync",
    "dashboard",
    "again",
    "today",
    "quickly",
]


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))] * 1000


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def server(db: str):
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "persona6",
            "serve",
            "--db",
            db,
            "--port",
            str(port),
            "--log-level",
            "warning",
        ],
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("persona6 serve did not start")
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


class Batches:
    """New, unique messages of the demo people, numbered across all threads."""

    def __init__(self, people: list[str], size: int):
        self.people = people
        self.size = size
        self._next = 0
        self._lock = threading.Lock()

    def take(self, rng: random.Random) -> list[dict]:
        with self._lock:
            start = self._next
            self._next += self.size
        person = rng.choice(self.people)
        return [
            {
                "event_id": f"load-{n}",
                "ts": f"2027-01-{1 + n // 86_400 % 28:02d}T{n // 3600 % 24:02d}:"
                f"{n // 60 % 60:02d}:{n % 60:02d}Z",
                "session_id": f"load-session-{person}-{n // 200}",
                "user_id": person,
                "type": "message",
                "role": "user",
                "text": " ".join(rng.choice(WORDS) for _ in range(8)),
            }
            for n in range(start, start + self.size)
        ]


def run_clients(
    urls: list[str], key: str, people: list[str], args: argparse.Namespace
) -> tuple[dict[str, list[float]], set[str], int, float]:
    latencies: dict[str, list[float]] = {"ingest": [], "context": [], "build": []}
    acknowledged: set[str] = set()
    errors = 0
    lock = threading.Lock()
    batches = Batches(people, args.batch)
    stop = time.monotonic() + args.seconds
    headers = {"Authorization": f"Bearer {key}"}

    def client(number: int) -> None:
        nonlocal errors
        rng = random.Random(number)
        with httpx.Client(base_url=urls[number % len(urls)], headers=headers, timeout=60) as http:
            while time.monotonic() < stop:
                if rng.random() < args.ingest_share:
                    batch = batches.take(rng)
                    for _ in range(5):  # resend the same batch after a transport failure
                        started = time.perf_counter()
                        try:
                            response = http.post("/v1/events", json=batch)
                        except httpx.TransportError:
                            continue
                        break
                    else:
                        raise SystemExit("a batch failed five times at the transport")
                    kind = "ingest"
                else:
                    started = time.perf_counter()
                    person = rng.choice(people)
                    response = http.get(
                        f"/v1/persons/{person}/context", params={"task": rng.choice(TASKS)}
                    )
                    kind = "context"
                elapsed = time.perf_counter() - started
                with lock:
                    if response.status_code == 200:
                        latencies[kind].append(elapsed)
                        if kind == "ingest":
                            acknowledged.update(e["event_id"] for e in batch)
                    else:
                        errors += 1

    def builder() -> None:
        with httpx.Client(base_url=urls[0], headers=headers, timeout=300) as http:
            while time.monotonic() < stop:
                time.sleep(args.build_every)
                started = time.perf_counter()
                http.post("/v1/build")
                latencies["build"].append(time.perf_counter() - started)

    clients = [threading.Thread(target=client, args=(n,)) for n in range(args.clients)]
    building = [threading.Thread(target=builder)] if args.build_every > 0 else []
    started = time.monotonic()
    for thread in [*clients, *building]:
        thread.start()
    for thread in clients:
        thread.join()
    elapsed = time.monotonic() - started  # the clients' time: a build still running is not
    for thread in building:
        thread.join()
    return latencies, acknowledged, errors, elapsed


def verify(db: str, acknowledged: set[str], preloaded: int) -> tuple[int, int, int, int]:
    """(stored load events, distinct of them, acknowledged but missing, all events)."""
    with open_store(db) as store:
        rows = store._execute(  # a check of the benchmark, straight in SQL
            "SELECT event_id FROM events WHERE tenant = ? AND event_id LIKE ?",
            ["load", "load-%"],
        ).fetchall()
        total = store.stats("load").events
    stored = [row[0] for row in rows]
    missing = len(acknowledged - set(stored))
    assert total == preloaded + len(stored)
    return len(stored), len(set(stored)), missing, total


def baseline(events: list[dict], people: list[str], args: argparse.Namespace) -> dict:
    """The same mix through the embedded library, one thread, for as long."""
    rng = random.Random(0)
    latencies: dict[str, list[float]] = {"ingest": [], "context": []}
    with Persona6(db=":memory:", tenant="load") as p6:
        p6.record(events)
        p6.build()
        batches = Batches(people, args.batch)
        stop = time.monotonic() + args.seconds
        last_build = time.monotonic()
        while time.monotonic() < stop:
            started = time.perf_counter()
            if rng.random() < args.ingest_share:
                p6.record(batches.take(rng))
                latencies["ingest"].append(time.perf_counter() - started)
            else:
                p6.context(rng.choice(people), task=rng.choice(TASKS))
                latencies["context"].append(time.perf_counter() - started)
            if args.build_every > 0 and time.monotonic() - last_build > args.build_every:
                p6.build()
                last_build = time.monotonic()
    return latencies


def report(title: str, latencies: dict[str, list[float]], seconds: float, batch: int) -> None:
    requests = sum(len(latencies[k]) for k in ("ingest", "context"))
    events = len(latencies["ingest"]) * batch
    print(
        f"{title}: {requests / seconds:,.0f} requests/s ({events / seconds:,.0f} events/s ingested)"
    )
    for kind in ("ingest", "context", "build"):
        if latencies.get(kind):
            values = latencies[kind]
            print(
                f"  {kind:8} {len(values):6} calls  p50 {percentile(values, 0.5):8.1f} ms  "
                f"p99 {percentile(values, 0.99):8.1f} ms"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--ingest-share", type=float, default=0.5)
    parser.add_argument("--batch", type=int, default=20)
    parser.add_argument("--people", type=int, default=12)
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument(
        "--build-every", type=float, default=5, help="Seconds between builds; 0: no builds."
    )
    parser.add_argument("--db", default=None, help="Default: a new SQLite file in a temp dir.")
    parser.add_argument("--skip-baseline", action="store_true")
    args = parser.parse_args()
    if args.seconds > 600:
        raise SystemExit("--seconds: at most 600 (the load test is bounded)")

    scratch = Path(tempfile.mkdtemp(prefix="p6-load-"))
    db = args.db or str(scratch / "load.db")
    log = synth.generate(seed=11, people=args.people)
    events = list(log.events)
    people = [p["person_id"] for p in log.truth["people"]]
    with Persona6(db=db, tenant="load") as p6:
        p6.record(events)
        p6.build()
    with open_store(db) as store:
        key = keys.create_key(store, "load", "benchmark").key
    print(
        f"database: {'SQLite file' if args.db is None else args.db.split('@')[-1]}; "
        f"{args.processes} server process(es), {args.clients} clients, {args.seconds:.0f} s, "
        f"{args.ingest_share:.0%} ingest (batches of {args.batch}), {len(events):,} events "
        f"preloaded for {len(people)} people"
    )
    with ExitStack() as stack:
        urls = [stack.enter_context(server(db)) for _ in range(args.processes)]
        latencies, acknowledged, errors, elapsed = run_clients(urls, key, people, args)
    report("persona6 serve (HTTP)", latencies, elapsed, args.batch)
    stored, distinct, missing, total = verify(db, acknowledged, len(events))
    print(
        f"  integrity: {len(acknowledged):,} events acknowledged, {stored:,} stored, "
        f"{distinct:,} distinct, {missing} missing, {stored - distinct} duplicated, "
        f"{errors} error responses; {total:,} events in the tenant"
    )
    ok = stored == distinct == len(acknowledged) and missing == 0 and errors == 0
    print(f"  no event lost or duplicated: {'yes' if ok else 'NO'}")
    if not args.skip_baseline:
        report(
            "baseline: embedded library, one thread, no HTTP",
            baseline(events, people, args),
            args.seconds,
            args.batch,
        )
    shutil.rmtree(scratch, ignore_errors=True)
    if not ok:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
