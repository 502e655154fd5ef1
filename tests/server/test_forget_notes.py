"""``DELETE /v1/persons/{id}`` says how to forget a linked actor too as the HTTP API does it,
the endpoint itself, not the command line's command (persona6/identity/forgetting.py,
``for_surface``; the step ``forget_person`` of persona6/errors.py)."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from server.conftest import bearer

from persona6 import Persona6, synth
from persona6.server import keys
from persona6.server.api import create_app
from persona6.store import open_store


def _world(path: Path) -> tuple[str, str]:
    """A built store of synthetic people; a person and the held-out anonymous session
    ``link`` attributes to them (not linked)."""
    log = synth.generate(seed=4, people=8)
    with Persona6(db=path) as p6:
        p6.record(log.events)
        p6.build()
        for truth in log.truth["people"]:
            person, held_out = truth["person_id"], truth["holdout_anonymous_id"]
            if p6.link(held_out).decision == person:
                return person, held_out
    raise AssertionError("no held-out session is attributed to its person")


def test_the_forget_report_names_the_endpoint_that_forgets_the_actor_too(tmp_path: Path):
    path = tmp_path / "p6.db"
    person, actor = _world(path)
    with open_store(str(path)) as store:
        key = bearer(keys.create_key(store, "default", "tests").key)
    with TestClient(create_app(str(path))) as client:
        forgot = client.delete(f"/v1/persons/{person}", headers=key)
        assert forgot.status_code == 200, forgot.text
        notes = {a["actor"]: a["note"] for a in forgot.json()["linked"]}
        assert notes[actor].startswith(f"not linked, but `link` attributes it to {person}")
        assert notes[actor].endswith(f"To forget them too: DELETE /v1/persons/{actor}")
        assert not any("persona6 forget" in note for note in notes.values())
        # The step it names is one this API takes.
        again = client.delete(f"/v1/persons/{actor}", headers=key)
        assert again.status_code == 200, again.text
        assert again.json()["events"] > 0
        # The note stays a string in the schema: /openapi.json is unchanged by it.
        schema = client.get("/openapi.json").json()["components"]["schemas"]["LinkedActor"]
        assert schema["properties"]["note"]["type"] == "string"
        assert set(schema["properties"]) == {"actor", "link", "probability", "forgotten", "note"}
