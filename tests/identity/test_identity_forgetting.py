"""What forgetting does to identity links (persona6/identity/forgetting.py): the proof of a
stitched link goes with its link, a revoked link stays revoked, a merge loses the evidence that
quoted what was forgotten but not what it links, and a forgotten person's links go."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from persona6 import Persona6
from persona6.identity.forgetting import scrubbed
from persona6.identity.linking import reconsolidate
from persona6.store.base import IdentityLink


def message(n: int, session: str, text: str, **actor: object) -> dict[str, object]:
    return {
        "event_id": f"e-{n}",
        "ts": f"2026-03-0{1 + n // 60}T10:{n % 60:02d}:00Z",
        "session_id": session,
        "type": "message",
        "text": text,
        **actor,
    }


def quote(event_id: str, text: str) -> dict[str, object]:
    return {"event_id": event_id, "start": 0, "end": len(text), "quote": text}


@pytest.fixture
def p6(db_url: str) -> Iterator[Persona6]:
    engine = Persona6(db=db_url)
    engine.record(
        [
            message(0, "s-1", "I prefer spreadsheets over PDFs.", user_id="u-1"),
            message(1, "s-2", "I love hiking on weekends.", anonymous_id="anon-a"),
            message(2, "s-2", "I have a dog called Rex.", anonymous_id="anon-a"),
            {
                **message(3, "s-2", ""),
                "type": "identify",
                "anonymous_id": "anon-a",
                "user_id": "u-1",
            },
            message(4, "s-3", "I work as a nurse.", anonymous_id="anon-a"),
            message(5, "s-4", "I prefer tea over coffee.", anonymous_id="anon-b"),
            message(6, "s-4", "I hate mornings.", anonymous_id="anon-b", user_id="u-2"),
            message(
                7, "s-5", "I prefer email over phone calls.", anonymous_id="anon-b", user_id="u-2"
            ),
            message(8, "s-6", "I love long walks.", user_id="u-2"),
        ]
    )
    engine.build()
    engine.stitch()
    yield engine
    engine.close()


def merge(p6: Persona6, actor: str, person: str, evidence: list[dict]) -> IdentityLink:
    """A probabilistic merge as ``link --all --auto-merge`` stores one."""
    link = IdentityLink(
        link_id=f"ln-{actor}",
        anonymous_id=actor,
        user_id=person,
        method="auto",
        evidence_event_id=evidence[0]["anonymous"][0]["event_id"],
        created_at="2026-03-02T00:00:00.000000Z",
        probability=0.99,
        details={"model_id": "lm_x", "contributions": {"content": 2.0}, "evidence": evidence},
    )
    with p6.store.transaction():
        p6.store.add_identity_link(p6.tenant, link)
        reconsolidate(p6.store, p6.tenant, [actor, person])
    return link


def test_forgetting_an_identify_event_takes_its_link_and_moves_the_actor_back(p6):
    p6.link_all()  # units and profiles made while anon-a is u-1
    assert p6.store.identity_map(p6.tenant)["anon-a"] == "u-1"
    p6.forget(event="e-3")
    assert p6.links("anon-a", include_revoked=True) == []
    assert "anon-a" not in p6.store.identity_map(p6.tenant)
    # Its units in s-3 too, not only those of the session the event was in.
    people = {p for a, p, _ in p6.store.identity_unit_people(p6.tenant) if a == "anon-a"}
    assert people == {"anon-a"}
    cited = {e.event_id for t in p6.store.traits_of(p6.tenant, "u-1") for e in t.evidence}
    assert cited == {"e-0"}
    assert p6.store.traits_of(p6.tenant, "anon-a")


def test_a_revoked_stitched_link_stays_revoked_when_its_proof_is_forgotten(p6):
    (stitched,) = p6.links("anon-b")
    assert (stitched.method, stitched.evidence_event_id) == ("user_id", "e-6")
    p6.unlink("anon-b", reason="shared laptop")
    p6.forget(event="e-6")
    (kept,) = p6.links("anon-b", include_revoked=True)
    assert (kept.link_id, kept.evidence_event_id) == (stitched.link_id, None)
    assert kept.revoked_reason == "shared laptop"
    # e-7 carries both ids too: stitching must not re-make what a person undid.
    assert p6.stitch().linked == []
    assert "anon-b" not in p6.store.identity_map(p6.tenant)


def test_a_merge_loses_the_evidence_quoting_a_forgotten_event_but_stays(p6):
    p6.unlink("anon-a")
    forgotten = quote("e-1", "I love hiking on weekends.")
    kept = quote("e-2", "I have a dog called Rex.")
    person = quote("e-0", "I prefer spreadsheets over PDFs.")
    link = merge(
        p6,
        "anon-a",
        "u-1",
        [
            {
                "family": "content",
                "feature": "hiking",
                "stance": "for",
                "summary": "s",
                "anonymous": [forgotten],
                "person": [person],
            },
            {
                "family": "content",
                "feature": "dog",
                "stance": "for",
                "summary": "s",
                "anonymous": [kept],
                "person": [person],
            },
        ],
    )
    assert link.evidence_event_id == "e-1"
    p6.forget(event="e-1")
    (after,) = p6.links("anon-a")
    assert (after.link_id, after.person_id, after.revoked_at) == (link.link_id, "u-1", None)
    assert after.evidence_event_id == "e-2"
    assert [e["feature"] for e in after.details["evidence"]] == ["dog"]
    assert after.details["forgotten_evidence"] == 1
    assert after.details["contributions"] == {"content": 2.0}
    assert p6.store.identity_map(p6.tenant)["anon-a"] == "u-1"


def test_forgetting_a_person_deletes_every_link_naming_them_revoked_ones_too(p6):
    p6.unlink("anon-b")
    merge(
        p6,
        "anon-b",
        "u-2",
        [
            {
                "family": "content",
                "feature": "tea",
                "stance": "for",
                "summary": "s",
                "anonymous": [quote("e-5", "x")],
                "person": [quote("e-8", "y")],
            }
        ],
    )
    p6.unlink("anon-b")  # two revoked links of anon-b to u-2: stitched, then merged
    assert len(p6.links("anon-b", include_revoked=True)) == 2
    p6.forget(person="u-2")
    assert p6.links("anon-b", include_revoked=True) == []
    assert [k.person_id for k in p6.links(include_revoked=True)] == ["u-1"]
    # anon-b is not u-2 any more (the link was undone): its own events stay.
    assert [e.event_id for e in p6.events(actor="anon-b")] == ["e-5"]


def test_scrubbing_drops_list_items_that_cite_and_nulls_other_mentions():
    data = {
        "evidence": [{"anonymous": [{"event_id": "x"}]}, {"anonymous": [{"event_id": "y"}]}],
        "person_event_id": "x",
        "rule": "attrs 'email_sha256' equal",
        "ids": ["x", "z"],
    }
    cleaned, dropped = scrubbed(data, {"x"})
    assert cleaned == {
        "evidence": [{"anonymous": [{"event_id": "y"}]}],
        "person_event_id": None,
        "rule": "attrs 'email_sha256' equal",
        "ids": ["z"],
    }
    assert dropped == 2
