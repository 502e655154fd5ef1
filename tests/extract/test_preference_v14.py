"""persona6.preference.v14: changes of mind as a first-user review wrote them.

A comparison announced as a change of mind is the taste held now; a reason after a comma is no
second item of a list; a list as the form of an answer and "quit/stop doing X" are requests on
how to answer. Each rule is probed beside the neighbouring sentence it must leave alone.
"""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import EXTRACTORS, preference
from persona6.types import Signal

EXTRACTOR = EXTRACTORS[preference.NAME]


def signals(text: str) -> list[Signal]:
    return extracted(EXTRACTOR.name, text, "u1")


def keyed(text: str) -> dict[str, float]:
    return {s.key: s.polarity for s in signals(text)}


def test_the_producer_is_v14() -> None:
    assert preference.NAME == "persona6.preference.v57"


# A comparison after an announced change of mind is the taste the person holds now.


@pytest.mark.parametrize(
    ("text", "key", "announcement"),
    [
        (
            "ok so the foundationless frames were a mess, comb all sideways 😩 changed my mind, "
            "foundation is better for me now",
            "foundation",
            "changed my mind",
        ),
        (
            "Morning. Change of mind about exports: xlsx is better now, my accountant cannot "
            "open csv properly.",
            "xlsx",
            "Change of mind about exports",
        ),
        ("Change of heart: tea is better now", "tea", "Change of heart"),
        ("I've changed my mind. PDF is better for us.", "pdf", "I've changed my mind."),
        ("I changed my mind, email is much better than Slack", "email", "I changed my mind"),
    ],
)
def test_an_announced_comparison_is_a_preference_at_full_weight(
    text: str, key: str, announcement: str
) -> None:
    found = [s for s in signals(text) if s.key == key]
    assert len(found) == 1
    signal = found[0]
    assert (signal.value, signal.polarity, signal.weight) == (f"prefers {key}", 1.0, 1.0)
    # the taste cites the announcement, so the graph reads the change
    assert any(announcement in e.quote for e in signal.evidence)


@pytest.mark.parametrize(
    "text",
    [
        "Things are better now.",
        "My knee is better now, thanks.",
        "xlsx is better now.",  # no change announced: no choice compared
        "The app is much better now!",
    ],
)
def test_better_now_without_an_announced_change_is_no_preference(text: str) -> None:
    assert keyed(text) == {}


def test_an_unannounced_comparison_stays_a_weak_rating() -> None:
    [signal] = signals("Python is better for me now")
    assert (signal.key, signal.value, signal.weight) == ("python", "rates highly: python", 0.5)


def test_an_announced_comparison_denied_is_no_preference_for_it() -> None:
    [signal] = signals("changed my mind, the old layout is not better for me")
    assert (signal.key, signal.polarity, signal.weight) == ("old layout", -1.0, 0.5)


# A clause after a taste that opens with a verb of its subject says why; it lists nothing.


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("i prefer foundationless frames, feels more natural to me", "foundationless frames"),
        ("i prefer dark mode, looks nicer", "dark mode"),
        ("i prefer dark mode, just looks nicer", "dark mode"),
        ("I like vim, works everywhere", "vim"),
        ("I love baking, makes me happy", "baking"),
        ("I prefer the basic plan, costs less", "basic plan"),
    ],
)
def test_a_reason_after_a_comma_is_no_item_of_a_list(text: str, key: str) -> None:
    assert keyed(text) == {key: 1.0}


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("I like sushi, rolls and sashimi", {"sushi", "rolls", "sashimi"}),
        ("I love hiking, walks and swims", {"hiking", "walks", "swims"}),
        ("I like cats, dogs", {"cats", "dogs"}),
    ],
)
def test_items_of_a_list_still_count(text: str, keys: set[str]) -> None:
    assert set(keyed(text)) == keys


# A list as the form of an answer, and "stop/quit doing X".


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("just a plain list", "plain list"),
        (
            "stop with the tables, i read this on my phone in the ute. just a plain list",
            "plain list",
        ),
        ("only a simple list", "simple list"),
        ("numbered lists please", "numbered lists"),
    ],
)
def test_a_list_as_the_form_of_an_answer_is_asked_for(text: str, key: str) -> None:
    assert keyed(text)[key] == 1.0


@pytest.mark.parametrize(
    "text", ["I made a list", "I have a shopping list", "my list is long", "a list of hives"]
)
def test_a_list_of_ones_own_is_no_request(text: str) -> None:
    assert keyed(text) == {}


@pytest.mark.parametrize(
    "text",
    ["quit doing tables", "stop doing tables", "please stop doing tables", "quit giving me tables"],
)
def test_stop_or_quit_doing_asks_against_the_thing(text: str) -> None:
    assert keyed(text) == {"tables": -1.0}


@pytest.mark.parametrize("text", ["quit my job last year", "I quit my job", "Quit it"])
def test_quitting_ones_own_thing_is_no_request(text: str) -> None:
    assert keyed(text) == {}
