"""preference.v38, probe-10 classes (new wording in other domains): "Don't just X, Y" asks
for more than X, not for no X; "X is my sweet spot" is a favourite; "I've switched from X back
to Y" is against X; a particle is no object ("I give up, this is useless": was "rates poorly:
up"); "prefer X to Y" with two sides alike but for a phrase ("running in the evening to running
at lunch") or with no determiner ("evening runs to lunch runs") splits; "I don't want to crack
my X" is a worry, no taste."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import preference


def values(text: str) -> dict[str, str]:
    return {s.key: s.value for s in extracted(preference.NAME, text, "u1")}


def test_the_producer_is_v38() -> None:
    assert preference.NAME == "persona6.preference.v57"


@pytest.mark.parametrize(
    "text",
    [
        "Don't just tell me the pace, explain the reasoning behind it.",
        "Don't just give me the answer, walk me through it.",
        "Don't only list the errors, fix them.",
        "don't simply summarise the paper, critique it",
    ],
)
def test_dont_just_asks_for_more(text: str) -> None:
    assert not any(v.startswith("asks not to") for v in values(text).values()), values(text)


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("Don't use emojis.", "emojis", "asks not to use emojis"),
        ("Please don't send me reminders on weekends.", None, "asks not to"),
    ],
)
def test_a_plain_dont_still_asks_for_none(text: str, key: str | None, value: str) -> None:
    got = values(text)
    if key is None:
        assert any(v.startswith(value) for v in got.values()), got
    else:
        assert got.get(key) == value, got


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("i dont do marathons anymore, half marathons are my sweet spot now", "half marathons"),
        ("Short city breaks are my sweet spot.", "short city breaks"),
        ("Mid-range zooms are my sweet spot for street photos.", "mid-range zooms"),
        ("Watercolour is my wheelhouse.", "watercolour"),
    ],
)
def test_my_sweet_spot(text: str, key: str) -> None:
    assert values(text).get(key) == f"favours {key}", values(text)


@pytest.mark.parametrize(
    "text", ["The sweet spot is 200 rpm.", "I found the sweet spot for the espresso grind."]
)
def test_a_sweet_spot_not_mine(text: str) -> None:
    assert values(text) == {}, values(text)


@pytest.mark.parametrize(
    ("text", "chosen", "left"),
    [
        ("I've switched from clipless pedals back to flats.", "flats", "clipless pedals"),
        ("We've migrated from Jira to Linear.", "linear", "jira"),
        ("I've switched from oat milk back to dairy, my stomach prefers it.", "dairy", "oat milk"),
        ("I'm switching from Lightroom to Capture One.", "capture one", "lightroom"),
    ],
)
def test_switched_from_x_to_y(text: str, chosen: str, left: str) -> None:
    got = {s.key: s.polarity for s in extracted(preference.NAME, text, "u1")}
    assert got.get(chosen, 0) > 0 and got.get(left, 0) < 0, got


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I've switched to spreadsheets.", "spreadsheets"),
        ("I've switched back to paper notebooks.", "paper notebooks"),
    ],
)
def test_switched_to_unchanged(text: str, key: str) -> None:
    assert values(text) == {key: f"has switched to {key}"}, values(text)


def test_a_switch_in_the_past_stays_the_decisions() -> None:
    assert values("I switched from tea to coffee last year.") == {}


@pytest.mark.parametrize(
    "text",
    ["I give up, this is useless.", "I gave up, it's hopeless.", "We backed out, that was awful."],
)
def test_a_particle_is_no_object(text: str) -> None:
    got = values(text)
    assert not any(k in ("up", "out") for k in got), got


def test_a_thing_tried_is_still_judged() -> None:
    assert values("I finally tried oat milk, that is great") == {
        "oat milk": "rates highly: oat milk"
    }


@pytest.mark.parametrize(
    ("text", "chosen", "left"),
    [
        (
            "I prefer running in the evening to running at lunch, my legs feel fresher.",
            "running in the evening",
            "running at lunch",
        ),
        (
            "I prefer swimming in the morning to swimming at night.",
            "swimming in the morning",
            "swimming at night",
        ),
        (
            "I prefer studying at home to studying in the library.",
            "studying at home",
            "studying in the library",
        ),
        ("I prefer evening runs to lunch runs.", "evening runs", "lunch runs"),
        ("I prefer morning swims to evening swims.", "morning swims", "evening swims"),
    ],
)
def test_prefer_x_to_y_with_sides_alike(text: str, chosen: str, left: str) -> None:
    got = {s.key: s.polarity for s in extracted(preference.NAME, text, "u1")}
    assert got.get(chosen, 0) > 0 and got.get(left, 0) < 0, got


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I prefer going to the beach.", "going to the beach"),
        ("I prefer going to bed early.", "going to bed early"),
    ],
)
def test_prefer_going_to_unsplit(text: str, key: str) -> None:
    assert values(text) == {key: f"prefers {key}"}, values(text)


@pytest.mark.parametrize(
    "text",
    [
        "Is this torque spec definitely right? I really don't want to crack my carbon seatpost.",
        "We don't want to lose our deposit on the flat.",
        "I don't want to scratch my new lens.",
        "I don't want to brick my router with this firmware.",
    ],
)
def test_harm_to_ones_own_is_no_taste(text: str) -> None:
    assert values(text) == {}, values(text)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I don't want to receive texts.", "receive texts"),
        ("I don't want to lose weight too fast.", "lose weight too fast"),
    ],
)
def test_a_want_against_stays(text: str, key: str) -> None:
    assert values(text).get(key) == f"does not want to {key}", values(text)
