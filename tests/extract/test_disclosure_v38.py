"""persona6.disclosure.v38 (session 17): a city no list names is a place when GeoNames knows it
(data/cities.txt, made from GeoNames by scripts/make_cities.py; data/places.yaml ``geonames``):
"we're moving to Leeds in May" plans a home and is no switch of tools; a city that is also an
English word counts only with its capital; a known product never is one; the cities load only
for a name in a place's slot."""

from __future__ import annotations

from importlib import resources

import pytest
from helpers import extracted

from persona6.extract import decision, disclosure


def facts(text: str) -> dict[str, str]:
    return {s.key: s.value for s in extracted(disclosure.NAME, text, "u1")}


def switches(text: str) -> list[str]:
    return [s.key for s in extracted(decision.NAME, text, "u1")]


def test_the_producer_is_v38() -> None:
    assert disclosure.NAME == "persona6.disclosure.v53"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("we're moving to Leeds in May", "plans:moving to leeds"),
        ("we moved to leeds in may", "home:leeds"),
        ("we relocated to Rotterdam in 2019", "home:rotterdam"),
        ("we are moving to Krakow next year", "plans:moving to krakow"),
        ("we will move to Nantes in september", "plans:move to nantes"),
        ("We moved to Reading last spring", "home:reading"),
        ("we're moving to Bath in June", "plans:moving to bath"),
        ("We are relocating to Mobile, Alabama", "plans:relocating to mobile"),
        ("we moved from Leeds to Bristol in 2020", "home:bristol"),
        ("we relocated to Montréal last winter", "home:montréal"),
        ("we moved to São Paulo", "home:são paulo"),
        ("I live in leeds with my partner", "home:leeds"),
        ("i'm in sheffield so the shipping takes ages", "home:sheffield"),
        ("here in Rotterdam it rains a lot", "home:rotterdam"),
    ],
)
def test_a_city_of_geonames_is_a_place(text: str, key: str) -> None:
    assert key in facts(text)
    assert switches(text) == []  # a move of home, no switch of tools


@pytest.mark.parametrize(
    ("text", "switch"),
    [
        ("we moved to Linear last quarter", "->linear"),
        ("we are moving to Slack in May", "->slack"),
        ("we moved to reading the docs first", "->reading the docs first"),
        ("we moved to mobile first design", "->mobile first design"),
        ("we moved to nice weather finally", "->nice weather finally"),
        ("we're moving to Paris-style pricing", "->paris-style pricing"),
        ("we're moving to the cloud next year", "->cloud"),
    ],
)
def test_no_city_stays_a_switch_of_tools(text: str, switch: str) -> None:
    assert not [k for k in facts(text) if k.startswith(("home:", "plans:"))]
    assert switch in switches(text)


@pytest.mark.parametrize(
    "text",
    [
        "I live in reading",  # an English word in lower case
        "WE MOVED TO READING",  # a sentence in capitals shows no name by its capital
        "I'm in reading mode today",
        "we're in bath time chaos right now",
        "I was moved to tears by the ending",
        "I moved the meeting to Monday",
        "i'm in mesa",  # a lower-case name shorter than min_lower_letters
    ],
)
def test_a_word_is_no_city(text: str) -> None:
    assert not [k for k in facts(text) if k.startswith("home:")]


def test_the_cities_load_only_for_a_name_in_a_place_slot() -> None:
    # _city_end remembers its answers: a "we moved to Leeds" read earlier in the process
    # would answer without the cities (the test would fail when run twice in one process)
    disclosure._city_end.cache_clear()
    disclosure._geonames_cities.cache_clear()
    for text in ("I like pizza", "we moved to the new office", "my kids are 4 and 7"):
        facts(text)
    assert disclosure._geonames_cities.cache_info().misses == 0
    facts("we moved to Leeds")
    assert disclosure._geonames_cities.cache_info().currsize == 1


def test_the_threshold_is_read_from_places_yaml() -> None:
    assert disclosure._geonames()["min_population"] == 100000
    cities = disclosure._geonames_cities()
    assert {"leeds", "rotterdam", "reading"} <= cities
    assert "chester" not in cities  # 90,524 people: below the threshold
    assert "linear" not in cities and "notion" not in cities


def test_the_city_list_was_made_with_the_threshold_of_places_yaml() -> None:
    listed = resources.files("persona6.data").joinpath("cities.txt").read_text("utf-8")
    floor = disclosure._geonames()["min_population"]
    assert f"# min_population: {floor} people" in listed.splitlines()[1]


def test_a_city_list_made_with_another_threshold_says_how_to_remake_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(disclosure, "_geonames", lambda: {"min_population": 50000})
    disclosure._geonames_cities.cache_clear()
    try:
        with pytest.raises(ValueError) as raised:
            disclosure._geonames_cities()
    finally:
        disclosure._geonames_cities.cache_clear()
    message = str(raised.value)
    assert "persona6/data/cities.txt" in message
    assert "min_population 50000" in message
    assert "python scripts/make_cities.py" in message
