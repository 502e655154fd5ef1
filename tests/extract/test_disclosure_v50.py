"""persona6.disclosure.v51 (session 18): pursuits under way and in use, said in the first
person: "doing" before a bare noun phrase, involvement in a pursuit, a pursuit weighed as a
career, a tool used for a purpose."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import disclosure


def signals(text: str) -> dict[str, tuple[str, float]]:
    return {s.key: (s.value, s.polarity) for s in extracted(disclosure.NAME, text, "u1")}


def test_the_producer_is_v50() -> None:
    assert disclosure.NAME == "persona6.disclosure.v53"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I'm doing kickboxing and it's giving me so much energy.", "activities:doing kickboxing"),
        ("im doing chess puzzles every night before bed", "activities:doing chess puzzles"),
        ("I've been doing some bikepacking lately", "activities:doing some bikepacking"),
        ("I'm doing aquascaping, it's a new hobby", "activities:doing aquascaping"),
        ("I'm doing lots of hiking", "activities:doing lots of hiking"),
        (
            "Honestly I'm looking into accounting as a profession now",
            "plans:looking into accounting",
        ),
        (
            "I've been involved in some charity work and it's been really rewarding.",
            "activities:involved in some charity work",
        ),
        ("I'm active in my local chess club", "activities:active in my local chess club"),
        (
            "I've been heavily involved in the local astronomy society",
            "activities:heavily involved in",
        ),
        (
            "I'm involved with a cycling advocacy group",
            "activities:involved with a cycling advocacy group",
        ),
        (
            "Lately, I've been looking into counseling and mental health as a career.",
            "plans:looking into counseling and mental health",
        ),
        (
            "im considering woodworking as a side hustle",
            "plans:considering woodworking as a side hustle",
        ),
        (
            "I also use whiteboard to stay on track, visualize goals",
            "habits:use whiteboard to stay on track",
        ),
        ("I use strava to track my rides", "habits:use strava to track my rides"),
        (
            "We use a dice tower to stop cheating at board games",
            "habits:use a dice tower to stop cheating",
        ),
    ],
)
def test_a_pursuit_under_way_or_in_use_is_read(text: str, key: str) -> None:
    found = signals(text)
    assert any(k.startswith(key) for k in found), found


@pytest.mark.parametrize(
    "text",
    [
        "I'm doing great",
        "I'm doing ok thanks, how are you",
        "I'm doing a lot better after the surgery",
        "I'm doing my best to stop blundering",
        "I'm doing it now, one sec",
        "Are you doing any chess tournaments this year?",
        "I was involved in an accident last year",
        "we're involved in a lawsuit with the builder",
        "I'm not involved in it",
        "I was involved in a minor fender bender",
        "I'm doing a lot better",
        "I'm involved with someone",
        "I'm not considering it as a career",
        "If I were looking into law as a career I'd study more",
        "I use it sometimes",
        "I use your app to track runs",
        "You should use a heater for tropical fish",
        "I don't use a planner",
        "I'd use a planner to stay on track",
    ],
)
def test_states_events_and_other_cases_stay_silent(text: str) -> None:
    found = signals(text)
    new = [k for k in found if k.split(":", 1)[0] in ("activities", "habits", "plans")]
    assert not new, found
