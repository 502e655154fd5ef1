"""Fixtures of the service tests: a served database per backend, with keys of two tenants and
the synthetic demo recorded (through the API) and built for the first one."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import httpx
import pytest
from fastapi.testclient import TestClient

from persona6 import synth
from persona6.server import keys
from persona6.server.api import create_app
from persona6.store import open_store
from persona6.types import Event

SEED, PEOPLE = 3, 6


@dataclass
class Served:
    """A service over one database: its client, keys of tenants acme and rival, the truth."""

    db: str
    client: TestClient
    acme: dict[str, str]
    rival: dict[str, str]
    truth: dict
    events: list[dict]


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def demo_events(seed: int = SEED, people: int = PEOPLE) -> tuple[list[dict], dict]:
    log = synth.generate(seed=seed, people=people)
    events = [
        e.model_dump(mode="json", exclude_unset=True) if isinstance(e, Event) else dict(e)
        for e in log.events
    ]
    return events, log.truth


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def served_db(request: pytest.FixtureRequest, tmp_path_factory) -> Iterator[str]:
    """A new database URL, one per test module and backend."""
    if request.param == "sqlite":
        yield str(tmp_path_factory.mktemp("served") / "p6.db")
        return
    from conftest import fresh_postgres_database  # tests/conftest.py

    with fresh_postgres_database() as url:
        yield url


@pytest.fixture(scope="module")
def served(served_db: str) -> Iterator[Served]:
    with open_store(served_db) as store:
        acme = keys.create_key(store, "acme", "tests").key
        rival = keys.create_key(store, "rival", "tests").key
    events, truth = demo_events()
    with TestClient(create_app(served_db)) as client:
        response = client.post("/v1/events", json=events, headers=bearer(acme))
        assert response.status_code == 200, response.text
        assert client.post("/v1/build", headers=bearer(acme)).status_code == 200
        yield Served(served_db, client, bearer(acme), bearer(rival), truth, events)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serve_process(db: str) -> Iterator[str]:
    """`persona6 serve` in a subprocess on a free loopback port; yields its base URL."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "persona6", "serve", "--db", db, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                _, stderr = process.communicate(timeout=5)
                raise AssertionError(f"persona6 serve did not start: {stderr.decode()[-2000:]}")
            time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
