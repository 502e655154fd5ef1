"""The whole pipeline on PostgreSQL gives what it gives on SQLite: the same generated log
ingested, built, linked, predicted and briefed through the facade on both backends."""

from __future__ import annotations

from typing import Any

import pytest

from persona6 import NotFound, Persona6, synth


def _answers(p6: Persona6, truth: dict[str, Any]) -> dict[str, Any]:
    """Everything the facade derives from the log, in comparable form."""
    people = [p["person_id"] for p in truth["people"]]
    report = p6.build()
    found: dict[str, Any] = {
        "stats": p6.store.stats(p6.tenant).model_dump(),
        "built": (report.sessions, report.signals, report.persons, report.traits),
        "persons": [p.model_dump() for p in p6.persons()],
    }
    for person_id in people:
        found[f"traits {person_id}"] = [t.model_dump() for t in p6.person(person_id).traits]
        found[f"predict {person_id}"] = p6.predict(person_id, failure="timeout").model_dump()
        found[f"archetypes {person_id}"] = p6.archetypes(person_id).model_dump()
        brief = p6.context(person_id, task="export the Q4 report", budget=300)
        found[f"brief {person_id}"] = brief.model_dump()
    for person in truth["people"]:
        result = p6.link(person["holdout_anonymous_id"])
        found[f"link {person['person_id']}"] = result.model_dump()
    # A later build after linking, and a forget, go through the same SQL again.
    found["after link"] = [p.model_dump() for p in p6.persons()]
    forgotten = p6.forget(person=people[0])
    found["forget"] = forgotten.model_dump()
    found["after forget"] = [p.model_dump() for p in p6.persons()]
    return found


def test_postgres_derives_exactly_what_sqlite_derives(postgres_url, tmp_path):
    log = synth.generate(seed=3, people=5)
    answers = {}
    for name, db in (("sqlite", str(tmp_path / "p6.db")), ("postgresql", postgres_url)):
        with Persona6(db=db) as p6:
            assert p6.record(log.events) == len(log.events)
            assert p6.record(log.events) == 0  # every event is a duplicate now
            answers[name] = _answers(p6, log.truth)
    sqlite, postgres = answers["sqlite"], answers["postgresql"]
    assert sqlite["persons"], "the log should give persons with traits"
    assert any(sqlite[f"link {p['person_id']}"]["decision"] for p in log.truth["people"])
    for key in sqlite:
        assert postgres[key] == sqlite[key], key


def test_another_process_sees_a_build_at_once(postgres_url):
    log = synth.generate(seed=3, people=2)
    person = log.truth["people"][0]["person_id"]
    with Persona6(db=postgres_url) as service, Persona6(db=postgres_url) as worker:
        worker.record(log.events)
        before = service.predict(person, failure="timeout").model_dump()
        service.context(person)  # fills the behaviour caches
        worker.build()
        after = service.predict(person, failure="timeout").model_dump()
        # What a fresh process computes now is what the long-running one answers.
        with Persona6(db=postgres_url) as fresh:
            assert after == fresh.predict(person, failure="timeout").model_dump()
        assert after != before


def test_another_process_sees_a_forget_at_once(postgres_url):
    log = synth.generate(seed=3, people=2)
    person = log.truth["people"][0]["person_id"]
    with Persona6(db=postgres_url) as service, Persona6(db=postgres_url) as worker:
        worker.record(log.events)
        worker.build()
        assert service.predict(person, failure="timeout").evidence
        worker.forget(person=person)  # no build follows: only the write itself is visible
        with pytest.raises(NotFound, match=f"person {person!r} is not known"):
            service.predict(person, failure="timeout")
