"""Linking between writes, as a live product does it: each event recorded and built between two
links moves one person's profile. A link after each paid for a snapshot of the index, for the
shift of the shipped constant measured again, for every candidate's session rows read again
and for the evidence of candidates no answer shows (API review 7, D8: 13 ms without writes,
280-580 ms with them, on a tenant of 7 persons). What each does now is counted, never timed."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from pathlib import Path

import pytest

from persona6 import Persona6
from persona6.identity import Linker, default_model, linking, separation, snapshot
from persona6.identity.backtest import TenantShift, shipped_shift
from persona6.identity.model import LinkModel


def _session(p6: Persona6, person: str, n: int) -> None:
    """One more session of ``person``, built."""
    p6.record(
        [
            {
                "event_id": f"live-{person}-{n}",
                "ts": f"2026-06-01T10:{n:02d}:00Z",
                "session_id": f"live-{person}-{n}",
                "user_id": person,
                "type": "message",
                "role": "user",
                "text": f"Can you export the weekly numbers again, attempt {n}?",
            }
        ]
    )
    p6.build()


@pytest.fixture
def saved(monkeypatch) -> list[int]:
    """How many persons each snapshot made held, in order."""
    made: list[int] = []
    contents = snapshot.contents

    def spy(tenant, index, *rest):
        made.append(len(index))
        return contents(tenant, index, *rest)

    monkeypatch.setattr(snapshot, "contents", spy)
    return made


def test_a_small_tenant_is_not_saved_after_every_write(p6, world, saved):
    actor = world[1]["people"][0]["holdout_anonymous_id"]
    person = world[1]["people"][1]["person_id"]
    p6.link(actor)
    assert saved == [8]  # none saved yet: saved at once
    for n in range(6):
        _session(p6, person, n)
        p6.link(actor)
    assert saved == [8]  # one person re-indexed six times: a new process re-indexes one
    p6._linker().flush()


def test_a_snapshot_is_saved_once_enough_distinct_persons_were_reindexed(
    p6, world, saved, monkeypatch
):
    monkeypatch.setattr(snapshot, "RESAVE_PERSONS", 2)
    actor = world[1]["people"][0]["holdout_anonymous_id"]
    first, second = (world[1]["people"][i]["person_id"] for i in (1, 2))
    p6.link(actor)
    for n in range(3):
        _session(p6, first, n)
        p6.link(actor)
    assert saved == [8]  # the same person each time counts once
    _session(p6, second, 3)
    p6.link(actor)
    p6._linker().flush()
    assert saved == [8, 8]


def test_a_forgotten_person_is_still_saved_away_at_once(p6, world, saved):
    actor = world[1]["people"][0]["holdout_anonymous_id"]
    p6.link(actor)
    p6.forget(person=world[1]["people"][3]["person_id"])
    p6.link(actor)
    p6._linker().flush()
    assert saved == [8, 7]


def test_only_the_candidates_an_answer_shows_are_explained(p6, world):
    shown = 0
    for person in world[1]["people"]:
        result = p6.link(person["holdout_anonymous_id"])
        assert result.candidates[0].evidence  # the best: persona6 link prints its evidence
        for candidate in result.candidates[1:]:
            explained = candidate.probability >= linking.EXPLAINED_ABOVE
            assert bool(candidate.evidence) == (explained and candidate in result.candidates[:3])
            shown += explained
        # The decision is still told apart from the runner-up, whose matches are not shown.
        if result.decision is not None and len(result.candidates) > 1:
            runner_up = result.candidates[1].person_id
            assert any(runner_up in e.summary for e in result.candidates[0].evidence)
    assert shown < len(world[1]["people"])  # most runners-up are far below 0.01


def test_session_rows_are_kept_when_only_the_constant_moved(tmp_path: Path, monkeypatch):
    """The rows are vectors, which only the idf makes: a shift measured again to another
    value made every candidate's rows be read and vectorized anew."""
    log = Path(__file__).parent / "data" / "four_people.jsonl"
    with Persona6(db=tmp_path / "p6.db") as p6:
        p6.ingest(log)
        p6.build()
        linker = Linker(p6.store, p6.tenant)
        before = linker.link("anon-7c1")
        read: list[int] = []
        rows = separation.session_rows
        monkeypatch.setattr(
            separation, "session_rows", lambda units, model: read.append(1) or rows(units, model)
        )

        def moved(store, tenant, model):  # the tenant's constant measured 0.5 higher
            found = shipped_shift(store, tenant, model)
            return replace(found, shift=found.shift + 0.5)

        monkeypatch.setattr(linking, "shipped_shift", moved)
        linker.tenant_shift = linker._shifted_at = None  # as if the tenant had moved
        after = linker.link("anon-7c1")
        assert after.model_id != before.model_id
        assert read == []  # no profile changed: every candidate's rows as kept
        assert after.decision == before.decision


def test_a_model_id_is_the_digest_of_the_whole_model_as_stored():
    """``model_id`` sets the idf's serialization, kept per idf, into the rest: the same text
    as serializing the whole, for the shipped model, a shifted one and a stored one."""
    base = default_model()
    found = TenantShift(1.25, 1.5, 12, 4, {"attrs": 0.3}, 20)
    stored = LinkModel.from_json(json.loads(json.dumps(base.to_json())))
    odd = replace(base, fitted_on={"note": "\x00persona6 idf\x00"}, idf={})
    for model in (base, linking.shifted(base, found), stored, odd, replace(base, idf={})):
        blob = json.dumps(model.to_json(), sort_keys=True).encode()
        assert model.model_id == "lm_" + hashlib.blake2b(blob, digest_size=6).hexdigest()
    assert linking.shifted(base, found).model_id != base.model_id
