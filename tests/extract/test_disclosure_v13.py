"""persona6.disclosure.v13 (first-user review): "my <noun>" that stops at the noun, a family
member who speaks or is joined, idioms and data and tasks after "my", daydreams under "would",
a body part in trouble, an activity kept up for years."""

from __future__ import annotations

import pytest

from persona6.extract import disclosure


def keys(text: str) -> dict[str, float]:
    return {c.key: c.weight for c in disclosure.disclosure_claims(text)}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("my scanner cannot open csv properly", "personal:scanner"),
        ("my scanner can't read it", "personal:scanner"),
        ("my accountant can't read it", None),  # a person of a service, no thing (v29)
        ("my landlady won't fix the boiler", None),  # another person, no thing (my_not_things)
        ("My wife Agnieszka says I work too much", "family:wife"),
        ("My husband Carlos says hi", "family:husband"),
        ("my daughter and I go every week", "family:daughter"),
        ("my sister and I went to Rome", "family:sister"),
    ],
)
def test_my_noun_stops_at_the_noun(text: str, key: str | None) -> None:
    found = keys(text)
    mine = {k for k in found if k.split(":", 1)[0] in ("personal", "family")}
    assert mine == ({key} if key else set())


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("my wife is a doctor", "family:wife is a doctor"),
        ("my new notebook is great", "personal:new notebook"),
        ("I lost my thing", "personal:thing"),
        ("I love my garden", "home:garden"),
        ("I shared my recipe with friends", "personal:recipe"),
    ],
)
def test_what_is_said_of_my_noun_stays(text: str, key: str) -> None:
    assert key in keys(text)


@pytest.mark.parametrize(
    "text",
    [
        "flatbed is my thing",
        "jazz is my jam",
        "that's not my cup of tea",
        "i really don't like sharing my location with apps",
        "do you track my location",
        "plan my winter varroa treatment",
        "Good morning again. I would like to plan my winter varroa treatment.",
        "please organise my notes",
    ],
)
def test_idioms_data_and_tasks_after_my_are_not_had(text: str) -> None:
    assert not [k for k in keys(text) if k.startswith(("personal:", "possessions:"))]


@pytest.mark.parametrize(
    "text",
    [
        "if I ever win the lottery I'd buy a Peterbilt 389 and retire to Ruidoso haha",
        "I'd buy a Peterbilt and move to Ruidoso",
        "if I win I'll quit and move to Spain",
        "someday I'd buy a farm and retire to Ruidoso",
    ],
)
def test_a_daydream_and_its_second_clause_state_nothing(text: str) -> None:
    assert keys(text) == {}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I bought a truck and moved to Ruidoso", "home:ruidoso"),
        ("I live in Leeds and work at a bakery", "work:work at a bakery"),
        ("I'd watch NBA games with my dad", "habits:watch nba games with my father"),
        ("I'd love to move to Spain", "plans:move to spain"),
    ],
)
def test_real_and_wished_coordinations_stay(text: str, key: str) -> None:
    assert key in keys(text)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("My knee has been playing up", "health:knee trouble"),
        ("my back is killing me", "health:back trouble"),
        ("my wrist hurts when I type", "health:wrist trouble"),
    ],
)
def test_a_body_part_in_trouble_is_health(text: str, key: str) -> None:
    found = keys(text)
    assert key in found
    assert not [k for k in found if k.startswith("personal:")]


@pytest.mark.parametrize("text", ["my back is straight", "I bent my knee"])
def test_a_body_part_without_trouble_after_it_is_no_complaint(text: str) -> None:
    assert not [k for k in keys(text) if k.endswith(" trouble")]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I have kept bees for nearly thirty years", "habits:kept bees"),
        ("I've run marathons for years", "habits:run marathons"),
        ("I have lived in Leeds for 10 years", "home:leeds"),
    ],
)
def test_an_activity_kept_up_for_years_is_a_habit(text: str, key: str) -> None:
    assert key in keys(text)


@pytest.mark.parametrize(
    "text", ["I've known her for years", "I've waited for an hour", "I haven't smoked for 5 years"]
)
def test_a_state_or_a_wait_kept_up_is_no_habit(text: str) -> None:
    assert not [k for k in keys(text) if k.startswith("habits:")]


def test_producer_version() -> None:
    assert disclosure.NAME == "persona6.disclosure.v53"
