"""persona6.disclosure.v8: what the earlier rules misread (2026-11-26, seventh session)."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import EXTRACTORS, disclosure

EXTRACTOR = EXTRACTORS[disclosure.NAME]


def keys(text: str) -> set[str]:
    return {signal.key for signal in extracted(EXTRACTOR.name, text, "u1")}


def homes(text: str) -> list[str]:
    return sorted(k for k in keys(text) if k.startswith("home:"))


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("The new house I bought is huge", "possessions:new house"),
        ("the car I have is ancient", "possessions:car"),
        ("The bike we got has a flat tyre", "possessions:bike"),
    ],
)
def test_a_thing_owned_in_a_relative_clause_is_the_noun_before_not_the_predicate(
    text: str, key: str
) -> None:
    owned = sorted(k for k in keys(text) if k.startswith("possessions:"))
    assert owned == [key]


@pytest.mark.parametrize(
    "text",
    [
        "living our best life",
        "We are living our best life",
        "I'm living the dream these days",
        "I live it up on weekends",
        "moving ahead",
        "I'm moving on",
        "we're moving forward with the redesign",
        "I moved the meeting to Friday",
    ],
)
def test_live_and_move_in_another_sense_are_no_home(text: str) -> None:
    assert homes(text) == []


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I live a mile away from my office", "home:mile away from my office"),
        ("I live up in the mountains", "home:mountains"),
        ("I moved up to Norwich", "home:norwich"),
        ("I moved back home", "home:back home"),
    ],
)
def test_live_and_move_of_a_home_stay_homes(text: str, key: str) -> None:
    assert homes(text) == [key]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I moved to Leeds", "home:leeds"),
        ("Last year I relocated to Grand Rapids for my wife's job.", "home:grand rapids"),
        ("I moved to Norwich two years ago and the rent is cheaper", "home:norwich"),
        ("We moved to Cardiff when the kids were small", "home:cardiff"),
    ],
)
def test_a_capitalised_name_after_moved_to_is_a_place(text: str, key: str) -> None:
    assert homes(text) == [key]


@pytest.mark.parametrize(
    "text",
    [
        "We moved to Linear last month.",
        "I moved to Obsidian for my notes",
        "I moved to Todoist because the app is simpler",
        "We moved to GitHub Actions",
        "I moved to Postgres from MySQL",
        "I moved to Bear for writing",
        "MOVED TO DENVERISH STUFF TODAY",
    ],
)
def test_a_name_moved_to_in_talk_of_software_is_no_place(text: str) -> None:
    assert homes(text) == []


def test_the_place_lived_in_there_is_the_noun_before() -> None:
    assert homes("an apartment that i live in there") == ["home:apartment"]
    assert homes("the cabin we live in now is tiny") == ["home:cabin"]


def activities(text: str) -> list[str]:
    return sorted(k for k in keys(text) if k.startswith("activities:"))


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I joined a pottery class last week", "activities:joined a pottery class"),
        ("I filmed this video on Skye", "activities:filmed this video on skye"),
        ("I'm organizing a charity run", "activities:organizing a charity run"),
        ("Just started a new routine at the gym", "activities:started a new routine at the gym"),
        ("I visited the old mill yesterday", "activities:visited the old mill"),
    ],
)
def test_something_the_speaker_did_with_any_verb_is_an_activity(text: str, key: str) -> None:
    assert activities(text) == [key]


@pytest.mark.parametrize(
    "text",
    [
        "I fixed the bug",
        "I clicked the button twice",
        "I exported the notes",
        "I told you about it",
        "I saw your post",
        "I found out",
        "Thrilled for the weekend!",
        "Mixed feelings are normal",
        "I sold my bike",
        "I never joined a club",
        "I might join a choir",
        "I'm wondering about the price",
    ],
)
def test_no_activity_from_a_step_of_the_task_talk_feelings_or_what_was_not_done(
    text: str,
) -> None:
    assert activities(text) == []
