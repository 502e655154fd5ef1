"""A statement writes the words its quotes capitalise as the quotes do: the extractors' values
are lower case, and a brief echoes the statement to the agent ("prefers Slack", "the EU
region", "their CTO")."""

from __future__ import annotations

import pytest
from helpers import built_from, stored_event

from persona6.graph.consolidate import _cased, _their
from persona6.types import Evidence, SignalKind


def quoted(*quotes: str) -> list[Evidence]:
    return [Evidence(event_id=f"e{n}", start=0, end=len(q), quote=q) for n, q in enumerate(quotes)]


@pytest.mark.parametrize(
    ("said", "quote", "expected"),
    [
        (
            "runs the billing database for the whole eu region",
            "I run the billing database for the whole EU region.",
            "runs the billing database for the whole EU region",
        ),
        (
            "prefers slack for summaries",
            "I prefer Slack for summaries.",
            "prefers Slack for summaries",
        ),
        ("hopes i get to visit it", "I hope I get to visit it.", "hopes I get to visit it"),
        (
            "is going to visit paris in may",
            "Yes! I'm going to visit Paris in May.",
            "is going to visit Paris in May",
        ),
    ],
)
def test_words_capitalised_in_the_quote_are_capitalised(
    said: str, quote: str, expected: str
) -> None:
    assert _cased(said, SignalKind.PREFERENCE, quoted(quote)) == expected


@pytest.mark.parametrize(
    ("said", "quotes"),
    [
        # a capital that opens a sentence says nothing
        ("prefers tea in the morning", ["Tea in the morning is what I prefer. Really."]),
        # shouting and title case say nothing of names
        ("hates mondays and meetings", ["I HATE MONDAYS AND MEETINGS"]),
        ("loves the new dashboard", ["I Love The New Dashboard"]),
        # a word also written in lower case keeps its lower case
        ("likes apple pie", ["I like apple pie.", "My Apple watch broke, I like apple pie."]),
    ],
)
def test_a_capital_that_says_nothing_of_a_name_is_left_out(said: str, quotes: list[str]) -> None:
    assert _cased(said, SignalKind.PREFERENCE, quoted(*quotes)) == said


def test_style_and_failure_statements_are_not_recased() -> None:
    assert _cased("mode: asking", SignalKind.STYLE, quoted("Mode is ASKING here")) == "mode: asking"


def test_a_built_trait_reads_as_its_quote_writes() -> None:
    p6 = built_from([stored_event(1, "message", "I prefer PDF exports over Excel sheets.", "u1")])
    try:
        traits = p6.person("u1").traits
        said = {t.key: t.statement for t in traits if t.kind is SignalKind.PREFERENCE}
        assert said == {
            "pdf exports": "prefers PDF exports over Excel sheets",
            "excel sheets": "against Excel sheets (prefers PDF exports instead)",
        }
    finally:
        p6.close()


def test_a_quote_in_lower_case_throughout_keeps_no_name_from_being_written_so() -> None:
    quotes = quoted("i love harry potter so much", "Yes, I reread Harry Potter every year.")
    assert _cased("favours harry potter", SignalKind.PREFERENCE, quotes) == "favours Harry Potter"


def test_a_name_that_opens_the_sentence_is_written_whole() -> None:
    quotes = quoted("Harry Potter is my favorite book.")
    assert _cased("favours harry potter", SignalKind.PREFERENCE, quotes) == "favours Harry Potter"
    assert _cased("loves tea", SignalKind.PREFERENCE, quoted("Tea I love.")) == "loves tea"


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("asks not to keep my card information", "asks not to keep their card information"),
        ("looks for a coupon before i buy anything", "looks for a coupon before they buy anything"),
        ("asks always to email me the invoice", "asks always to email them the invoice"),
        ("thinks i was right and i am sure", "thinks they were right and they are sure"),
        ("wants to see what i'm doing myself", "wants to see what they're doing themselves"),
        # the speaker for their household or team
        ("works from our chicago office", "works from their chicago office"),
        (
            "says we were there first and we're staying",
            "says they were there first and they're staying",
        ),
        # no first person: unchanged ("imagines", "mine" inside a word; "us" may be the US)
        ("imagines things", "imagines things"),
        ("works for the us office", "works for the us office"),
        ("likes the weather", "likes the weather"),
        ("works in a goldmine", "works in a goldmine"),
    ],
)
def test_the_speakers_own_words_are_said_as_a_third_person_says_them(
    said: str, expected: str
) -> None:
    assert _their(said, SignalKind.PREFERENCE) == expected


def test_style_statements_keep_their_words() -> None:
    assert _their("mode: asking me", SignalKind.STYLE) == "mode: asking me"


def test_a_built_trait_speaks_of_the_person() -> None:
    said = "Please never store my card details on this site."
    p6 = built_from([stored_event(1, "message", said, "u1")])
    try:
        statements = [t.statement for t in p6.person("u1").traits]
        assert not [s for s in statements if " my " in f" {s} "], statements
    finally:
        p6.close()


def test_a_task_is_stated_by_its_readable_label() -> None:
    from persona6.graph.consolidate import statement

    said = statement(SignalKind.TASK, "purchasing_billing", "purchases and billing", "")
    assert said == "works on purchases and billing"
    # an older signal whose value is its key reads as before
    assert statement(SignalKind.TASK, "debugging", "debugging", "") == "works on debugging"


def test_the_other_side_of_a_contrast_is_known_by_its_spans() -> None:
    from persona6.graph.consolidate import chosen_sides

    said = "I prefer PDF exports over Excel sheets. I hate spreadsheets."
    p6 = built_from([stored_event(1, "message", said, "u1")])
    try:
        traits = p6.person("u1").traits
    finally:
        p6.close()
    sides = chosen_sides(traits)
    by_key = {t.key: t for t in traits}
    assert sides == {by_key["excel sheets"].id: by_key["pdf exports"]}  # not "spreadsheets"


@pytest.mark.parametrize(
    ("said", "other", "chosen"),
    [
        # the contrast's own words beside the shared span: still the other side
        ("I'd like a weekly summary on Sunday evenings, not daily alerts.", "daily alerts", True),
        # two claims of one message, neither the other's contrast: both stay
        ("I love green tea. I hate instant coffee.", "instant coffee", False),
    ],
)
def test_the_other_side_is_known_by_a_shared_span_in_every_message(
    said: str, other: str, chosen: bool
) -> None:
    from persona6.graph.consolidate import chosen_sides

    p6 = built_from([stored_event(1, "message", said, "u1")])
    try:
        traits = p6.person("u1").traits
    finally:
        p6.close()
    by_key = {t.key: t for t in traits if t.kind is SignalKind.PREFERENCE}
    assert (by_key[other].id in chosen_sides(traits)) is chosen, [t.statement for t in traits]
