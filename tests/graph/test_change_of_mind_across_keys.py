"""A change of mind across keys, as a first-user review wrote them: the other side of the same
thing ("stop with the tables" after "always give me numbers in a table"), a thing's opposite by
form ("foundationless frames" -> "foundation"), and a comparison announced as a change ("Change
of mind about exports: xlsx is better now" after "I prefer CSV export").

End to end through a build: the old trait gets ``valid_to`` and status superseded, the new one
is active and names it, continuity calls the change a contradiction, the brief hands the agent
the new preference and not the old one, and building session by session gives what one full
build gives.
"""

from __future__ import annotations

import pytest

from persona6 import Persona6
from persona6.graph import build
from persona6.graph.consolidate import consolidate
from persona6.ingest.pipeline import ingest_events
from persona6.store import SQLiteStore
from persona6.types import Evidence, Signal, SignalKind, Trait, TraitStatus


def signal(session: str, day: int, key: str, polarity: float = 1.0, quote: str = "x") -> Signal:
    return Signal(
        actor="u-1",
        kind=SignalKind.PREFERENCE,
        key=key,
        value=f"likes {key}" if polarity > 0 else f"asks for no {key}",
        polarity=polarity,
        session_id=session,
        ts=f"2026-01-{day:02d}T10:00:00.000000Z",
        producer="test.v1",
        evidence=(Evidence(event_id=f"{session}-e", start=0, end=len(quote), quote=quote),),
    )


def by_key(signals: list[Signal]) -> dict[str, Trait]:
    return {t.key: t for t in consolidate("u-1", signals)}


def assert_ended(old: Trait, new: Trait) -> None:
    assert old.valid_to == new.valid_from
    assert old.status is TraitStatus.SUPERSEDED
    assert new.status is TraitStatus.ACTIVE and new.valid_to is None
    assert new.supersedes == old.id


# The other side of the same thing ends, under another key.


@pytest.mark.parametrize(
    ("old_key", "quote"),
    [
        ("numbers in a table", "stop with the tables"),
        ("numbers in a table", "no more tables"),
        ("numbers in a table", "enough with the tables"),
        ("numbers in a table", "quit doing tables"),
        ("table", "stop giving me tables"),  # singular and plural are one thing
        # a standing request from a point in time on
        ("numbers in a table", "Charts rather than tables from now on, please."),
        ("numbers in a table", "Going forward, no tables in the report."),
        ("table", "Switch me to charts instead of tables."),
        ("table", "I used to want tables, but charts suit me better."),
    ],
)
def test_a_statement_of_change_against_a_thing_ends_the_preference_for_it(
    old_key: str, quote: str
) -> None:
    traits = by_key([signal("s1", 1, old_key), signal("s2", 9, "tables", -1.0, quote)])
    assert_ended(traits[old_key], traits["tables"])


def test_plurals_in_ies_are_the_same_thing() -> None:
    traits = by_key(
        [
            signal("s1", 1, "summary at the end"),
            signal("s2", 9, "summaries", -1.0, "please stop adding summaries"),
        ]
    )
    assert_ended(traits["summary at the end"], traits["summaries"])


def test_a_preference_for_a_thing_stated_as_a_change_ends_the_aversion_to_it() -> None:
    traits = by_key(
        [
            signal("s1", 1, "tables", -1.0, "no tables please"),
            signal("s2", 9, "tables with numbers", 1.0, "I changed my mind, I like tables now"),
        ]
    )
    assert_ended(traits["tables"], traits["tables with numbers"])


def test_the_statement_that_ends_a_trait_is_counted_as_a_session_against_it() -> None:
    # ``why`` shows the count above the rows: "0 against" above an "against" row and
    # "replaced by" read as a contradiction (review 8, N3).
    traits = by_key(
        [
            signal("s1", 1, "csv export", quote="I prefer CSV export"),
            signal("s2", 3, "csv export", quote="CSV export again"),
            signal("s3", 9, "xlsx", quote="changed my mind, xlsx is better now"),
        ]
    )
    old = traits["csv export"]
    assert [e.quote for e in old.counter_evidence] == ["changed my mind, xlsx is better now"]
    assert old.counter_sessions == 1
    assert old.evidence_sessions[old.counter_evidence[0].event_id] == "s3"
    assert old.sessions == 2  # its support is as it was
    assert traits["xlsx"].counter_sessions == 0


@pytest.mark.parametrize(
    ("old", "new", "quote"),
    [
        # no statement of change: two standing requests side by side
        ("numbers in a table", "tables", "please, no tables"),
        # a narrower aversion leaves the wider preference
        ("tables", "tables in emails", "no more tables in emails"),
        # another thing
        ("numbers in a table", "emojis", "stop with the emojis"),
    ],
)
def test_what_is_not_the_same_thing_against_stays(old: str, new: str, quote: str) -> None:
    traits = by_key([signal("s1", 1, old), signal("s2", 9, new, -1.0, quote)])
    assert traits[old].valid_to is None and traits[old].status is TraitStatus.ACTIVE
    assert traits[new].supersedes is None


def test_an_aversion_ends_no_other_aversion() -> None:
    traits = by_key(
        [
            signal("s1", 1, "emojis", -1.0, "no emojis"),
            signal("s2", 9, "emoji reactions", -1.0, "no more emoji reactions"),
        ]
    )
    assert traits["emojis"].valid_to is None


@pytest.mark.parametrize(
    "quote",
    [
        "I can't stop listening to jazz music",
        "no more than three tables",
        "stop the tables",
        "I used to love tables",  # a past taste, no "but" of a change
        "Put the tables here, then carry on",
    ],
)
def test_these_are_no_statements_of_change(quote: str) -> None:
    traits = by_key([signal("s1", 1, "numbers in a table"), signal("s2", 9, "tables", -1.0, quote)])
    assert traits["numbers in a table"].valid_to is None


# A thing's opposite by form: "X-less", "X-free", "non-X", "without X".


@pytest.mark.parametrize(
    ("old_key", "new_key"),
    [
        ("foundationless frames", "foundation"),
        ("sugar-free drinks", "sugar"),
        ("gluten free bread", "gluten"),
        ("non-dairy milk", "dairy milk"),
        ("nonfiction books", "fiction books"),
        ("coffee without sugar", "sugar in my coffee"),
        ("foundation", "foundationless frames"),  # and back
    ],
)
def test_a_change_to_a_thing_ends_the_preference_for_its_opposite(
    old_key: str, new_key: str
) -> None:
    quote = f"changed my mind, {new_key} is better for me now"
    traits = by_key([signal("s1", 1, old_key), signal("s2", 9, new_key, 1.0, quote)])
    assert_ended(traits[old_key], traits[new_key])


@pytest.mark.parametrize(
    ("old_key", "new_key", "quote"),
    [
        ("foundationless frames", "foundation", "foundation is better for me"),  # no change
        ("foundationless frames", "foundationless comb", "changed my mind: foundationless comb"),
        ("sugar-free drinks", "salt", "changed my mind, salt is better now"),
    ],
)
def test_no_opposite_or_no_change_ends_nothing(old_key: str, new_key: str, quote: str) -> None:
    traits = by_key([signal("s1", 1, old_key), signal("s2", 9, new_key, 1.0, quote)])
    assert traits[old_key].valid_to is None


# End to end: the three planted changes of the review, through ingest, build, continuity and
# the brief.

STORIES = {
    "tomasz": (
        [
            "I prefer CSV export, is easier for import to our TMS.",
            "Please export the rates.",
            "Morning. Change of mind about exports: xlsx is better now, my accountant cannot "
            "open csv properly.",
        ],
        "csv export",
        "xlsx",
        "export this week's rates",
    ),
    "dev": (
        [
            "good. always give me numbers in a table, dont want paragraphs",
            "varroa counts for ridge yard. table pls",
            "stop with the tables, i read this on my phone in the ute. just a plain list",
        ],
        "numbers in a table",
        "tables",
        "varroa counts for every yard",
    ),
    "priya": (
        [
            "i prefer foundationless frames, feels more natural to me",
            "ok so the foundationless frames were a mess, comb all sideways 😩 changed my mind, "
            "foundation is better for me now",
        ],
        "foundationless frames",
        "foundation",
        "which foundation frames to order",
    ),
}


def events(texts: list[str]) -> list[dict]:
    found = []
    for number, text in enumerate(texts):
        session = f"s{number + 1}"
        found += [
            {
                "event_id": f"{session}-u",
                "ts": f"2026-0{number + 1}-10T10:00:00Z",
                "session_id": session,
                "user_id": "u-1",
                "type": "message",
                "role": "user",
                "text": text,
            },
            {
                "event_id": f"{session}-a",
                "ts": f"2026-0{number + 1}-10T10:00:05Z",
                "session_id": session,
                "type": "message",
                "role": "assistant",
                "text": "Noted.",
            },
        ]
    return found


@pytest.mark.parametrize("story", sorted(STORIES))
def test_a_planted_change_of_mind_supersedes_and_the_brief_gives_the_new_one(story: str) -> None:
    texts, old_key, new_key, task = STORIES[story]
    with Persona6(db=":memory:") as p6:
        p6.record(events(texts))
        p6.build()
        traits = {t.key: t for t in p6.person("u-1").traits if t.kind is SignalKind.PREFERENCE}
        assert old_key in traits and new_key in traits, sorted(traits)
        old, new = traits[old_key], traits[new_key]
        assert_ended(old, new)
        assert old.counter_evidence[-1].event_id == f"s{len(texts)}-u"
        assert old.counter_sessions == len(
            {old.evidence_sessions[e.event_id] for e in old.counter_evidence}
        )
        brief = p6.context("u-1", task=task)
        said = [item.statement for item in brief.items]
        assert any(new.statement in line for line in said), brief.text
        assert new.statement in brief.text
        # the old one is not served as current; the new line names it (brief.v12)
        note = f'replaces earlier "{old.statement}"'
        assert old.statement not in brief.text.replace(note, ""), brief.text
        assert note in brief.text, brief.text
        [actor] = p6.continuity(f"s{len(texts)}").actors
        contradicted = {item.key: item for item in actor.contradicts}
        assert new_key in contradicted
        assert contradicted[new_key].trait_id == old.id


@pytest.mark.parametrize("story", sorted(STORIES))
def test_building_after_each_session_gives_the_change_a_full_build_gives(story: str) -> None:
    texts = STORIES[story][0]
    log = events(texts)
    stepwise, whole = SQLiteStore(":memory:"), SQLiteStore(":memory:")
    for number in range(len(texts)):
        ingest_events(stepwise, [e for e in log if e["session_id"] == f"s{number + 1}"])
        build(stepwise, "default")
    ingest_events(whole, log)
    build(whole, "default")
    assert [t.model_dump() for t in stepwise.traits_of("default", "u-1")] == [
        t.model_dump() for t in whole.traits_of("default", "u-1")
    ]
    assert any(t.supersedes for t in whole.traits_of("default", "u-1"))
