"""One thing said in the singular and in the plural is one trait (graph.yaml
``number_folding``): keys that differ only in the number of their head noun are consolidated
together, shown as the form said most, and a build after each session equals a full one."""

from __future__ import annotations

import pytest
from helpers import said_traits

from persona6.graph import build
from persona6.graph.consolidate import fold_key
from persona6.ingest.pipeline import ingest_events
from persona6.store import SQLiteStore


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("red-eyes", "red-eye"),
        ("spreadsheets", "spreadsheet"),
        ("summaries", "summary"),
        ("summaries of the week", "summary of the week"),
        ("text messages for reminders", "text message for reminders"),
        ("boxes", "box"),
        ("movies", "movie"),
        ("headaches", "headache"),
        ("children", "child"),
        ("possessions:violins", "possessions:violin"),
        # one-word things of alternatives.yaml whose two numbers are both in their group
        ("mornings", "morning"),
        ("weekends", "weekend"),
        ("emails", "email"),
    ],
)
def test_two_numbers_of_one_head_noun_fold_to_one_key(one, other):
    assert fold_key("preference", one) == fold_key("preference", other)
    assert fold_key("disclosure", one) == fold_key("disclosure", other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("glasses", "glass"),  # not_plurals, and no -es after a double s
        ("classes", "class"),
        ("bonuses", "bonus"),  # -us
        ("news", "new"),  # not a plural
        ("physics", "physic"),  # -ics
        ("teams", "team"),  # a one-word thing of alternatives.yaml: Microsoft Teams
        ("windows", "window"),
        ("sims", "sim"),  # not a common English word: a name
        ("summaries of the week", "summaries of the weeks"),  # not the head noun
        ("tables", "table"),
    ],
)
def test_words_that_are_not_two_numbers_of_one_thing_stay_apart(one, other):
    assert fold_key("preference", one) != fold_key("preference", other)


def test_a_time_of_day_said_in_both_numbers_is_one_preference():
    # Review 8: "prefers morning" and "prefers mornings" were two traits of one person, each
    # of one session, both in her brief.
    traits = said_traits(
        [
            ("s-1", "2026-01-01T10:00:00Z", "Morning is better for me."),
            ("s-2", "2026-02-01T10:00:00Z", "Mornings suit me best."),
        ]
    )
    (morning,) = [t for t in traits if t.key in ("morning", "mornings")]
    assert morning.sessions == 2 and morning.key == "morning"  # the first said among equals


def test_kinds_without_folding_keep_their_keys():
    assert fold_key("task", "sequence:export>exports") == "sequence:export>exports"
    assert fold_key("style", "bullet_points") == "bullet_points"
    assert fold_key("preference", "the beatles") == "the beatles"  # a name: not a word


def test_a_plural_against_and_a_later_singular_for_are_a_change_of_one_trait():
    traits = said_traits(
        [
            ("s-1", "2026-01-01T10:00:00Z", "Please skip the red-eyes, I hate them."),
            ("s-2", "2026-02-01T10:00:00Z", "Book the red-eye, I like the red-eye now."),
        ]
    )
    eyes = [t for t in traits if t.key in ("red-eye", "red-eyes")]
    # Said once in each number: the first said is shown.
    assert len(eyes) == 2 and {t.key for t in eyes} == {"red-eyes"}
    old, new = sorted(eyes, key=lambda t: t.valid_from)
    assert old.polarity < 0 < new.polarity
    assert old.valid_to == new.valid_from and new.supersedes == old.id


def test_the_key_shown_is_the_form_said_most_and_the_first_said_among_equals():
    first = [
        ("s-1", "2026-01-01T10:00:00Z", "I like summaries of the week."),
        ("s-2", "2026-02-01T10:00:00Z", "I love a summary of the week."),
    ]
    (tied,) = [t for t in said_traits(first) if "of the week" in t.key]
    assert tied.key == "summaries of the week" and tied.sessions == 2
    more = [*first, ("s-3", "2026-03-01T10:00:00Z", "I really like a summary of the week.")]
    (most,) = [t for t in said_traits(more) if "of the week" in t.key]
    assert most.key == "summary of the week" and most.sessions == 3
    assert most.statement.endswith("summary of the week")


def graph_of(store) -> dict[str, list]:
    persons = [p for p, _, _ in store.persons("default")]
    return {p: [t.model_dump() for t in store.traits_of("default", p)] for p in persons}


def rows_of(store, table: str) -> list[tuple]:
    """Every stored key state or evidence row (as tests/graph/test_build.py reads them)."""
    return [tuple(row) for row in store._execute(f"SELECT * FROM {table}").fetchall()]


def _said(n: int, session: str, ts: str, text: str) -> dict:
    return {
        "event_id": f"e{n}",
        "ts": ts,
        "session_id": session,
        "user_id": "ada",
        "type": "message",
        "role": "user",
        "text": text,
    }


@pytest.mark.parametrize("order", [[0, 1, 2, 3], [0, 2, 1, 3], [3, 2, 1, 0], [1, 3, 0, 2]])
def test_building_each_session_as_it_comes_equals_one_full_build(order):
    """The plural arriving after the singular, before it, and between: the display form
    flips as the counts change, and no trait of a form no longer shown is left behind."""
    events = [
        _said(0, "s-1", "2026-01-01T10:00:00Z", "I like summaries of the week."),
        _said(1, "s-2", "2026-02-01T10:00:00Z", "I love a summary of the week."),
        _said(2, "s-3", "2026-03-01T10:00:00Z", "I really like a summary of the week."),
        _said(3, "s-4", "2026-04-01T10:00:00Z", "Please skip the red-eyes, I hate them."),
    ]
    stepwise, whole = SQLiteStore(":memory:"), SQLiteStore(":memory:")
    for index in order:
        ingest_events(stepwise, [events[index]])
        build(stepwise, "default")
    ingest_events(whole, events)
    build(whole, "default")
    assert graph_of(stepwise) == graph_of(whole)
    for table in ("key_states", "evidence_index"):
        assert sorted(rows_of(stepwise, table)) == sorted(rows_of(whole, table))
    keys = [t["key"] for t in graph_of(whole)["ada"] if "week" in t["key"]]
    assert keys == ["summary of the week"]


def test_forgetting_what_made_a_form_the_one_shown_shows_the_other_again():
    from persona6.graph import forget_event

    events = [
        _said(0, "s-1", "2026-01-01T10:00:00Z", "I like summaries of the week."),
        _said(1, "s-2", "2026-02-01T10:00:00Z", "I love a summary of the week."),
        _said(2, "s-3", "2026-03-01T10:00:00Z", "I really like a summary of the week."),
    ]
    forgot, whole = SQLiteStore(":memory:"), SQLiteStore(":memory:")
    ingest_events(forgot, events)
    build(forgot, "default")
    forget_event(forgot, "default", "e2")
    build(forgot, "default")
    ingest_events(whole, events[:2])
    build(whole, "default")
    assert graph_of(forgot) == graph_of(whole)
    keys = [t["key"] for t in graph_of(forgot)["ada"] if "week" in t["key"]]
    assert keys == ["summaries of the week"]
