"""preference.v42, the general contrast and change readings of v41 checked against fresh
sentences: "fewer X and more Y" (either order, with a subject), "rather X then Y" (a common
typo), "not X anymore" and "I don't (really) V X any more", a request after "going forward,
please" with any verb; and their neighbours: another's choice ("My sister prefers cats over
dogs"), a state after "these days", a phrasal verb before "anymore", a relative clause ("the
money I save by using candles instead of ..."); a reading of the sentence that puts the other
side on the chosen side ("i like cats over dogs, dogs nasty") gives way, one of another clause
("half marathons are my sweet spot") stays."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import preference


def values(text: str) -> dict[str, str]:
    return {s.key: s.value for s in extracted(preference.NAME, text, "u1")}


def signs(text: str) -> dict[str, float]:
    return {s.key: s.polarity for s in extracted(preference.NAME, text, "u1")}


def test_the_producer_is_v44() -> None:
    assert preference.NAME == "persona6.preference.v57"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We're doing fewer takeaways and more home cooking",
            {"home cooking": 1.0, "takeaways": -1.0},
        ),
        ("Less meetings, more deep work please", {"deep work": 1.0, "meetings": -1.0}),
        ("I need more sleep and less coffee", {"sleep": 1.0, "coffee": -1.0}),
        ("i'd rather walk then drive", {"walk": 1.0, "drive": -1.0}),
        ("not coffee anymore, tea for me now", {"coffee": -1.0}),
        ("I don't take sugar in my coffee any more.", {"sugar": -1.0}),
        ("I've swapped my car for an e-bike for the school run.", {"e-bike": 1.0, "car": -1.0}),
        ("I'd much rather fix my own bike than pay a shop forty quid.", {"fix my own bike": 1.0}),
        ("Hardbacks over paperbacks, always.", {"hardbacks": 1.0, "paperbacks": -1.0}),
        ("I go for dark chocolate over milk chocolate these days.", {"dark chocolate": 1.0}),
    ],
)
def test_fresh_contrasts_and_changes(text: str, expected: dict[str, float]) -> None:
    got = signs(text)
    assert {k: got.get(k) for k in expected} == expected, values(text)


def test_a_request_after_going_forward_please_takes_any_verb() -> None:
    got = values("going forward please cc my assistant on every email")
    assert got == {"cc my assistant": "asks from now on to cc my assistant"}


def test_the_other_side_misread_gives_way_and_another_clause_stays() -> None:
    assert values("i like cats over dogs , dogs nasty .") == {
        "cats": "likes cats",
        "dogs": "against dogs (prefers cats instead)",
    }
    assert values("i dont do marathons anymore, half marathons are my sweet spot now") == {
        "half marathons": "favours half marathons",
        "marathons": "no longer does marathons",
    }


@pytest.mark.parametrize(
    "text",
    [
        "My sister prefers cats over dogs.",
        "my boss would much rather fly than take the train",
        "these days I feel tired all the time",
        "nowadays we eat out less",
        "my wife and i do not get along anymore because of it .",
        "no not anymore , i had to move my horses too",
        "i do not really swim anymore .",
        "well , the money i save by using candles instead of electricity helps !",
        "I'd rather you call me than email.",
        "I want this reviewed by a supervisor, not by the same desk that denied it",
    ],
)
def test_fresh_neighbours_read_no_contrast_or_change(text: str) -> None:
    got = values(text)
    assert not any(
        v.startswith(
            ("prefers", "has switched", "has given up", "no longer", "these days", "asks for more")
        )
        for v in got.values()
    ), got


def test_a_request_from_now_on_keeps_its_other_clause() -> None:
    got = values("From now on just send me the totals, I don't need the breakdown anymore.")
    assert got.get("send the totals") == "asks from now on to send me the totals", got
    assert (
        signs("From now on just send me the totals, I don't need the breakdown anymore.").get(
            "breakdown"
        )
        == -1.0
    ), got


def test_a_bare_number_rated_names_nothing() -> None:
    # preference.v43: "5 was too much" was `rates poorly: 5` (probe 11 ch10)
    text = "We've dropped down to 3 meals a week, 5 was too much and half of it went in the bin."
    assert values(text) == {"3 meals a week": "has cut down to 3 meals a week"}
    assert values("The 5 series is the best.") == {"5 series": "rates highly: 5 series"}
