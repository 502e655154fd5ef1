"""A unit's and a profile's stored JSON are the same bytes in every run, whatever
PYTHONHASHSEED: who else was in a session is a set, written in sorted order."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import persona6

#: Records one shared session of six actors (and a later one of u-1), builds, refreshes the
#: identity units and prints every unit and profile body as stored.
SCRIPT = textwrap.dedent(
    """
    from persona6 import Persona6
    from persona6.identity import profiles
    from persona6.identity.settings import settings_for

    actors = ["u-1", "u-2", "u-3", "anon-a", "anon-b", "anon-c"]
    events = [
        {
            "event_id": f"e-{i}",
            "ts": f"2026-03-01T10:00:{i:02d}Z",
            "session_id": "s-shared",
            "type": "message",
            **({"user_id": a} if a.startswith("u-") else {"anonymous_id": a}),
            "text": f"I prefer dark mode and I work as a nurse, says {a}.",
        }
        for i, a in enumerate(actors)
    ]
    events.append(
        {
            "event_id": "e-late",
            "ts": "2026-03-02T10:00:00Z",
            "session_id": "s-late",
            "type": "message",
            "user_id": "u-1",
            "text": "I like the weekly summary.",
        }
    )
    p6 = Persona6(db=":memory:")
    p6.record(events)
    p6.build()
    profiles.refresh(p6.store, p6.tenant, settings_for(p6.store, p6.tenant))
    for unit in sorted(p6.store.identity_units(p6.tenant), key=lambda u: (u.session_id, u.actor)):
        print(unit.body)
    for person, body in sorted(p6.store.identity_profiles(p6.tenant, None)):
        print(person, body)
    """
)


def _bodies(seed: str) -> str:
    root = str(Path(persona6.__file__).resolve().parent.parent)
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": root}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_units_and_profiles_are_the_same_bytes_under_any_hash_seed():
    first = _bodies("1")
    assert '"anon-c":1' in first  # a companion in the shared session
    assert _bodies("2") == first
    assert _bodies("3") == first
