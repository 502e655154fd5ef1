"""brief.v10 (docs/context.md): a condition that constrains a service bears on a task that
involves the service; a decision bears on a task of what the person was doing when they made it;
relevance is weighed by confidence; the layer-composition line only when it changes the default
and no other line says it; fewer, cheaper citations of hashed event ids."""

from __future__ import annotations

import pytest

from persona6 import Persona6
from persona6.context import count_tokens
from persona6.context.brief import _constraint, _shown


def _events(sessions: list[list[tuple[str, str, str]]], user: str = "u-1") -> list[dict]:
    """Sessions of (type, name, text): a message (name empty) or an action of the person's,
    each message answered by the assistant. Event ids are e<n>."""
    events = []
    n = 0
    for s, acts in enumerate(sessions):
        for kind, name, text in acts:
            ts = f"2026-03-{1 + s:02d}T10:{n % 60:02d}:00Z"
            event = {
                "event_id": f"e{n}",
                "ts": ts,
                "session_id": f"s{s}",
                "user_id": user,
                "type": kind,
                "text": text,
            }
            if name:
                event["name"] = name
            events.append(event)
            if kind == "message":
                events.append(
                    {
                        "ts": f"2026-03-{1 + s:02d}T10:{n % 60:02d}:30Z",
                        "session_id": f"s{s}",
                        "type": "message",
                        "role": "assistant",
                        "text": "Sure, here you are.",
                    }
                )
            n += 1
    return events


def _brief(sessions, task: str, budget: int, user: str = "u-1"):
    with Persona6(db=":memory:") as p6:
        p6.record(_events(sessions, user))
        p6.build()
        return p6.context(user, task=task, budget=budget)


def _bears(text: str) -> str:
    return text.partition("## What bears on the task\n")[2].partition("## ")[0]


def _said(*texts: str) -> list[list[tuple[str, str, str]]]:
    return [[("message", "", t)] for t in texts]


# -- a condition that constrains a service -----------------------------------------------------

_CELIAC = _said(
    "I have celiac disease.",
    "I fly to Lisbon for work every month, always from Gatwick.",
    "My flights to Lisbon are usually on Friday evenings.",
    "I love the museums in Paris.",
    "I prefer PDF over Excel for the monthly report.",
)


@pytest.mark.parametrize("budget", [60, 100, 400])
def test_a_diet_condition_bears_on_booking_a_flight(budget):
    """ "book flights to Tokyo" shares no word with "has celiac disease"; the meal on the
    flight is the service it constrains (``constraints``: diet bears on travel)."""
    text = _brief(_CELIAC, "book flights to Tokyo for me and my mother", budget).text
    assert "celiac disease" in _bears(text), text


def test_a_diet_condition_does_not_bear_on_a_report():
    """The neighbour: a report is no service a diet constrains."""
    text = _brief(_CELIAC, "export the monthly report", 400).text
    assert "celiac disease" not in _bears(text)
    assert "celiac disease" in text.partition("## Also known\n")[2]


@pytest.mark.parametrize(
    ("statement", "sense"),
    [
        ("has celiac disease", "diet"),
        ("does not eat wheat", "diet"),
        ("is allergic to shellfish", "diet"),
        ("uses a wheelchair", "mobility"),
        ("is dyslexic", "sensory"),
        ("avoids the sun because of a skin condition", "medical"),
    ],
)
def test_a_condition_is_named_by_its_sense(statement, sense):
    terms, bears_on = _constraint(statement)
    assert {t.partition(":")[0] for t in terms} == {sense}
    assert bears_on


@pytest.mark.parametrize(
    "statement",
    [
        "loves nuts",
        "prefers whole wheat bread",
        "has disabled notifications",
        "likes to eat out on Fridays",
        "has a dog walker",
        "is in good condition",
    ],
)
def test_a_taste_or_an_everyday_word_is_no_condition(statement):
    assert _constraint(statement) == (frozenset(), frozenset())


def test_a_weaker_trait_naming_the_same_condition_does_not_come_first_too():
    """ "has celiac disease" comes with the two most relevant items; a second trait naming only
    celiac again is ranked as any other trait."""
    from persona6.context.brief import _constraints_first
    from persona6.context.relevance import brief_data

    with Persona6(db=":memory:") as p6:
        p6.record(_events(_said("I have celiac disease.", "I am recovering from a celiac flare.")))
        p6.build()
        state = p6._behavior()
        from persona6.context.brief import _known_items

        traits = p6.store.traits_of(p6.tenant, "u-1")
        known = _known_items(p6.store, p6.tenant, state, "u-1", traits)
    celiac = [k for k in known if any(t.endswith(":celiac") for t in k.terms)]
    assert len(celiac) >= 2, [k.trait.statement for k in known]
    first = _constraints_first([(0.0, k) for k in known], "book a flight", 0.25, brief_data())
    chosen = [k for k in celiac if first[k.trait.id]]
    assert len(chosen) == 1
    assert chosen[0].trait.confidence == max(k.trait.confidence for k in celiac)


# -- a decision bears on what the person was doing when they made it --------------------------


def _flights_and_settings(sessions: int = 4) -> list[list[tuple[str, str, str]]]:
    found = []
    for s in range(sessions):
        found.append(
            [
                ("message", "", f"Hello, a flight to Rome on the {s + 3}th please."),
                ("action", "search_flights", "LHR-FCO"),
                ("action", "select_protection", "premium cover"),
                ("action", "book", "visa"),
            ]
        )
        found.append(
            [
                ("message", "", "Where do I change the colours?"),
                ("action", "open_settings", "appearance"),
                ("action", "select_palette", "high contrast"),
            ]
        )
    return found


def test_a_decision_bears_on_a_task_of_what_they_were_doing():
    """ "select protection: premium cover" was chosen while searching and booking flights: it
    bears on booking a flight, though no word of it is the task's. The choice of a palette,
    made in the settings, does not."""
    brief = _brief(_flights_and_settings(), "book a flight to Berlin next week", 400)
    bears = _bears(brief.text)
    assert "select protection: premium cover (decision" in bears, brief.text
    assert "select palette" not in bears


@pytest.mark.parametrize("task", ["plan dinners for the week", "recommend a movie for tonight"])
def test_a_decision_bears_on_nothing_else_of_that_session(task):
    """The neighbours: the same person, a task of neither session. A movie brings "book" in
    through its concept group (books, films); the actions of a session are met by the task's
    own words only: "book" a flight is no book to read."""
    bears = _bears(_brief(_flights_and_settings(), task, 400).text)
    assert "select protection" not in bears


# -- relevance weighed by confidence -----------------------------------------------------------


def test_a_decision_made_every_time_outranks_a_passing_fact_that_shares_more_words():
    """A fact said once ("I travel most weeks", 0.39) shares "week" and travel with the task;
    the fare chosen in all six sessions shares only what they were doing. Weighed by how sure
    we are of each, the decision comes first."""
    sessions = []
    for _ in range(6):
        sessions.append(
            [
                ("message", "", "Morning. Flights to Zurich, please."),
                ("action", "search_flights", "LHR-ZRH"),
                ("action", "select_protection", "premium cover"),
                ("action", "book", "corporate card"),
            ]
        )
    sessions[2].insert(1, ("message", "", "I am a consultant and I travel most weeks."))
    brief = _brief(sessions, "book a flight to Berlin next week and a hotel", 400)
    known = [i.statement for i in brief.items if i.kind in ("decision", "fact", "preference")]
    assert known[0].startswith("select protection: premium cover"), known


# -- the layer-composition line ----------------------------------------------------------------


def test_the_assistant_default_that_wins_gets_no_line():
    """The default stands: the line would change nothing the agent does."""
    brief = _brief(_said("restart the api pod", "scale the workers to 3"), "restart it", 400)
    assert "the assistant default wins" not in brief.text
    assert not any(i.kind == "conflict" for i in brief.items)


# -- citations -----------------------------------------------------------------------------------


def test_a_hashed_event_id_is_cited_alone_and_short_ids_two_by_two():
    hashed = ["ev_065d93348570c04ebf4cf7b55c1d7ad0ef", "ev_066114601cbc00b38416334b2ddcb2f689"]
    assert _shown(hashed) == hashed[:1]
    assert _shown(["t00169", "t00206", "t00220"]) == ["t00169", "t00206"]
    assert _shown(["e1"]) == ["e1"]
    assert _shown([]) == []


def test_every_line_still_cites_its_first_event_and_the_json_all_of_them():
    events = _events([*_CELIAC, *_said("I prefer aisle seats.", "Again, I prefer aisle seats.")])
    for n, event in enumerate(events):
        if "event_id" in event:
            event["event_id"] = f"ev_{n:03d}5d93348570c04ebf4cf7b55c1d7ad0ef"
    with Persona6(db=":memory:") as p6:
        p6.record(events)
        p6.build()
        brief = p6.context("u-1", task="book flights to Lisbon", budget=400)
    assert brief.tokens == count_tokens(brief.text) <= 400
    lines = brief.text.splitlines()
    assert any(len(i.evidence) >= 2 for i in brief.items)
    for item in brief.items:
        if item.evidence:
            line = next(x for x in lines if x.startswith(f"- {item.statement} ["))
            assert line.endswith(f"[{item.evidence[0]}]"), line
