"""persona6.decision.v15: an explicit decision to do anything is one, stated by its act ("I've
decided to appeal the parking fine" -> "decided to appeal the parking fine"; was nothing unless
the verb took a thing up, cancelled or switched); "decided not to" rejects the act; a final
choice named ("Final decision: the walnut table") chooses it. An act that puts the choice off,
names nothing, or is asked, supposed, reported or undecided is none. An action's name says a
decision by its verb in any form (grant_extension, Extension Granted, deny_claim, opt_out), not
a routine use (upload, view, login). Objects end at a clause of time or a dash, and a verb's
particle is no thing taken up ("decided to take over the lease")."""

from __future__ import annotations

import pytest
from helpers import did, extracted

from persona6 import Persona6
from persona6.extract import decision
from persona6.types import SignalKind


def _decisions(text: str) -> list[tuple[str, str, float]]:
    return sorted((s.key, s.value, s.polarity) for s in extracted(decision.NAME, text))


def test_the_producer_is_v16() -> None:
    assert decision.NAME == "persona6.decision.v21"


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("I've decided to appeal the parking fine.", "decided to appeal the parking fine"),
        (
            "We decided to refinance the mortgage with our credit union.",
            "decided to refinance the mortgage with our credit union",
        ),
        (
            "Honestly I've decided to repaint the nursery myself.",
            "decided to repaint the nursery myself",
        ),
        (
            "I've made up my mind to report the bug to the maintainers.",
            "decided to report the bug to the maintainers",
        ),
        ("We've decided that we'll postpone the wedding.", "decided to postpone the wedding"),
        (
            "I chose to represent myself at the tribunal.",
            "decided to represent myself at the tribunal",
        ),
        (
            "After a long talk we finally decided to rehome the puppy.",
            "decided to rehome the puppy",
        ),
        ("So I decided to resign.", "decided to resign"),
        # a verb with its particle is an act, no thing taken up ("over the lease" was chosen)
        (
            "We decided to take over the lease from the previous tenant.",
            "decided to take over the lease from the previous tenant",
        ),
        ("I decided to pick up the night shifts.", "decided to pick up the night shifts"),
        ("I decided to drop out of the choir.", "decided to drop out of the choir"),
    ],
)
def test_an_explicit_decision_to_act_is_one(text: str, act: str) -> None:
    assert _decisions(text) == [(act, act, 1.0)]


@pytest.mark.parametrize(
    ("text", "act"),
    [
        (
            "I've decided not to renew the lease on the studio.",
            "decided not to renew the lease on the studio",
        ),
        ("We decided not to appeal the ruling.", "decided not to appeal the ruling"),
        ("I chose not to sue the contractor.", "decided not to sue the contractor"),
    ],
)
def test_an_act_decided_against_is_rejected(text: str, act: str) -> None:
    assert _decisions(text) == [(act, act, -1.0)]


@pytest.mark.parametrize(
    ("text", "thing"),
    [
        ("Final decision: the walnut dining table.", "walnut dining table"),
        ("My final answer is the Lisbon itinerary.", "lisbon itinerary"),
        ("Final call - the evening shift.", "evening shift"),
    ],
)
def test_a_final_choice_named_chooses_it(text: str, thing: str) -> None:
    assert _decisions(text) == [(thing, "chose", 1.0)]


@pytest.mark.parametrize(
    "text",
    [
        # puts the choice off
        "I've decided to think it over.",
        "We decided to sleep on it.",
        "I decided to wait and see how the scan goes.",
        "I've decided to look into it more.",
        "We've decided to take some time before we commit.",
        "I've decided to keep my options open.",
        # names nothing
        "I decided to give it a go.",
        "We decided to take a break.",
        "I decided to do that.",
        "I decided to mention this at the start.",
        # reported, asked, supposed, undecided
        "My sister decided to repaint the hallway.",
        "Should we decide to refinance the mortgage?",
        "Have you decided to appeal?",
        "If I decided to appeal the fine, would I lose the deposit?",
        "I can't decide whether to repaint the nursery.",
        "We haven't decided to refinance yet.",
        "I've almost decided to appeal.",
        "I never decided to resign.",
        # a solution, no choice
        "Final answer: x = 12",
        "So the final answer is 3/4?",
        "What's your final answer?",
    ],
)
def test_no_act_decided(text: str) -> None:
    assert _decisions(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "He said we decided to cancel the trip.",
        "My manager said we're going with Postgres.",
        "She told me we switched to Linear.",
    ],
)
def test_a_decision_another_reports_is_none(text: str) -> None:
    assert _decisions(text) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # what read as before: a thing taken up, cancelled, switched to
        (
            "I've decided to enrol in the evening pottery course.",
            [("evening pottery course", "chose", 1.0)],
        ),
        ("I've decided to cancel my gym membership.", [("gym membership", "rejected", -1.0)]),
        ("We decided to switch to Linear.", [("->linear", "decided to switch", 1.0)]),
        ("I'll go with the blue tent.", [("blue tent", "chose", 1.0)]),
        ("I said I'd go with the blue one.", []),
        # an object ends at a clause of time or a dash
        ("I went with Notion after trying Obsidian.", [("notion", "chose", 1.0)]),
        ("We booked the Lisbon flat until March.", [("lisbon flat", "chose", 1.0)]),
        ("I picked the green tent - it was lighter.", [("green tent", "chose", 1.0)]),
        ("We hired a structural engineer before signing.", []),
    ],
)
def test_neighbours_read_as_a_thing(text: str, found: list) -> None:
    assert _decisions(text) == found


@pytest.mark.parametrize(
    ("name", "text", "kind"),
    [
        ("grant_access", "repo admin for Sam", "accepted"),
        ("Extension Granted", "essay 3", "accepted"),
        ("invoke_warranty", "dishwasher", "accepted"),
        ("waive_fee", "late fee", "accepted"),
        ("deny_claim", "water damage", "rejected"),
        ("refused_offer", "counteroffer", "rejected"),
        ("opt_out", "marketing emails", "rejected"),
        ("opt_in", "beta features", "chose"),
        ("enrolled", "pottery course", "chose"),
        ("Course Purchased", "intro to pottery", "chose"),
        ("plan_cancelled", "family plan", "rejected"),
        # as before
        ("accept_offer", "counteroffer", "accepted"),
        ("Plan Upgraded", "basic -> pro", "switched"),
    ],
)
def test_an_actions_verb_says_a_decision(name: str, text: str, kind: str) -> None:
    found = decision.action_decision(did(1, name, text))
    assert found is not None and found.kind == kind


@pytest.mark.parametrize(
    "name",
    [
        "upload_document",
        "view_subscription",
        "login",
        "submit_form",
        "start_quiz",
        "export_csv",
        "contact_support",
        "set_reminder",
        "request_approval",
        "view_order",
        "renew_token",
    ],
)
def test_a_routine_action_says_no_decision(name: str) -> None:
    assert decision.action_decision(did(1, name, "x report")) is None


def _statements(*events: dict) -> list[str]:
    with Persona6(db=":memory:") as p6:
        p6.record(
            [
                {"ts": f"2026-03-01T10:00:{n:02d}Z", "session_id": "s1", "user_id": "u1", **e}
                for n, e in enumerate(events)
            ]
        )
        p6.build()
        return [t.statement for t in p6.person("u1").traits if t.kind is SignalKind.DECISION]


def test_an_act_decided_reads_as_decided() -> None:
    said = {"type": "message", "text": "I've decided to appeal the parking fine."}
    assert _statements(said) == ["decided to appeal the parking fine"]
    granted = {"type": "action", "name": "grant_access", "text": "repo admin for Sam"}
    assert _statements(granted) == ["grant access: repo admin for Sam"]
