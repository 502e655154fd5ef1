"""Deterministic stitching and undo: identifier attrs, shared ids, unlink with provenance."""

from __future__ import annotations

import pytest

from persona6 import Persona6
from persona6.errors import InvalidOption, NotFound


def message(n: int, session: str, text: str, **actor: object) -> dict[str, object]:
    return {
        "event_id": f"e-{session}-{n}",
        "ts": f"2026-03-0{1 + n // 60}T10:{n % 60:02d}:00Z",
        "session_id": session,
        "type": "message",
        "text": text,
        **actor,
    }


@pytest.fixture
def p6() -> Persona6:
    engine = Persona6(db=":memory:")
    engine.record(
        [
            message(
                0,
                "s-1",
                "I prefer spreadsheets over PDFs.",
                user_id="u-1",
                attrs={"email_sha256": "abc"},
            ),
            message(
                1, "s-2", "I love hiking on weekends.", user_id="u-2", attrs={"email_sha256": "def"}
            ),
            message(
                2, "s-3", "I work as a nurse.", anonymous_id="anon-a", attrs={"email_sha256": "abc"}
            ),
            message(3, "s-4", "I have a dog called Rex.", anonymous_id="anon-b"),
            message(4, "s-4", "my dog loves the beach", anonymous_id="anon-b", user_id="u-2"),
        ]
    )
    engine.build()
    return engine


def test_an_identifier_attr_shared_with_one_person_links_with_its_proof(p6):
    report = p6.stitch()
    made = {k.anonymous_id: k for k in report.linked}
    assert made["anon-a"].person_id == "u-1"
    assert made["anon-a"].method == "attribute"
    assert made["anon-a"].evidence_event_id == "e-s-3-2"
    assert made["anon-a"].details["person_event_id"] == "e-s-1-0"


def test_an_event_with_both_ids_links_them(p6):
    made = {k.anonymous_id: k for k in p6.stitch().linked}
    assert (made["anon-b"].person_id, made["anon-b"].method) == ("u-2", "user_id")
    assert made["anon-b"].evidence_event_id == "e-s-4-4"


def test_a_stitched_actor_s_traits_move_to_the_person(p6):
    assert any(t.kind.value == "disclosure" for t in p6.person("anon-a").traits)
    p6.stitch()
    statements = [t.statement for t in p6.person("u-1").traits]
    assert any("nurse" in s for s in statements)
    assert "anon-a" in p6.person("u-1").person.aliases


def test_unlink_revokes_keeps_the_provenance_and_restores_the_actor(p6):
    p6.stitch()
    report = p6.unlink("anon-a", reason="shared family account")
    assert [k.method for k in report.revoked] == ["attribute"]
    assert report.revoked[0].revoked_reason == "shared family account"
    assert set(report.persons_recomputed) == {"anon-a", "u-1"}
    assert not any("nurse" in t.statement for t in p6.person("u-1").traits)
    assert any("nurse" in t.statement for t in p6.person("anon-a").traits)
    history = p6.links("anon-a", include_revoked=True)
    assert history[0].revoked_at is not None and history[0].evidence_event_id == "e-s-3-2"


def test_stitching_again_does_not_undo_an_unlink(p6):
    p6.stitch()
    p6.unlink("anon-a")
    assert p6.stitch().linked == []
    assert p6.links("anon-a") == []


def test_an_identifier_held_by_two_persons_links_nobody(p6):
    p6.record([message(9, "s-9", "hello", user_id="u-2", attrs={"email_sha256": "abc"})])
    p6.build()
    report = p6.stitch()
    assert "anon-a" not in {k.anonymous_id for k in report.linked}
    assert "held by 2 known persons (u-1, u-2)" in report.conflicts[0]


def test_configured_identifier_attrs_replace_the_defaults(p6):
    report = p6.stitch(identifier_attrs=["customer_id"])
    assert "anon-a" not in {k.anonymous_id for k in report.linked}


def test_unlink_of_an_actor_without_links_says_how_to_list_them(p6):
    with pytest.raises(NotFound) as caught:
        p6.unlink("anon-a")
    assert str(caught.value) == (
        "'anon-a' has no active link in tenant 'default'. List links with: persona6 links"
    )


def test_unlink_of_a_revoked_link_says_so(p6):
    link = p6.stitch().linked[0]
    p6.unlink(link.anonymous_id)
    with pytest.raises(InvalidOption) as caught:
        p6.unlink(link.anonymous_id, link_id=link.link_id)
    assert "is already revoked. See its history with: persona6 links" in str(caught.value)


def test_links_of_an_unknown_actor_is_not_found(p6):
    with pytest.raises(NotFound) as caught:
        p6.links("anon-zzz")
    assert "actor 'anon-zzz' is not stored in tenant 'default'" in str(caught.value)


def test_a_manual_link_is_undoable_and_refuses_a_second_one(p6):
    made = p6.link_to("anon-a", "u-2")
    assert made.method == "manual"
    with pytest.raises(InvalidOption) as caught:
        p6.link_to("anon-a", "u-1")
    assert f"is already linked to 'u-2' (manual, {made.link_id}). Undo it first" in str(
        caught.value
    )
    p6.unlink("anon-a")
    assert p6.links("anon-a") == []


def test_a_manual_link_to_an_unknown_person_is_not_found(p6):
    with pytest.raises(NotFound) as caught:
        p6.link_to("anon-a", "u-404")
    assert "person 'u-404' is not a known user_id in tenant 'default'" in str(caught.value)
