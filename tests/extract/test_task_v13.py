"""persona6.task.v13: a word of pasted material has the material's sense. A cue with another
sense (``senses``: "class", "package", "build", an error one gets) counts inside pasted material
only beside words of its sense in the material itself, not the speaker's beside it: "got this
when i tried on the app??" above a fenced "Error 409: ... business class upgrade" is no
software the speaker builds (review 7, W2). A pasted stack trace or code is still debugged or
built."""

from __future__ import annotations

from typing import Any

import pytest

from persona6.extract.task import NAME, TaskExtractor
from tests.extract.test_style_v10 import actor_event


def signals_of(text: str) -> dict[str, Any]:
    event = actor_event(1, "message", text, user_id="u1")
    return {s.key: s for s in TaskExtractor().extract([event]) if not s.key.startswith("sequence:")}


def kinds(text: str) -> set[str]:
    return set(signals_of(text))


def test_version() -> None:
    assert NAME == "persona6.task.v18"


@pytest.mark.parametrize(
    "text",
    [
        "this popped up in the app, any idea?\n```\nError 402: PAYMENT_REQUIRED - upgrade your "
        "plan to the Family package\n```",
        "got this on the website when I booked:\n```\nWarning: the yoga class is full; try the "
        "evening class\n```",
        "the app showed me this:\n> Your build of the bunk bed kit is on hold",
    ],
)
def test_a_word_of_another_sense_in_pasted_material_gives_no_task(text: str) -> None:
    assert not kinds(text) & {"building_coding", "debugging"}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # words of its sense in the material itself
        (
            "why is total wrong?\n```\nclass Cart:\n    def total(self):\n        return 0\n```",
            "building_coding",
        ),
        (
            'log from the pod fyi:\n2026-09-09T21:02:12Z level=error msg="lease expired"\n'
            "panic: runtime error: invalid memory address or nil pointer dereference",
            "debugging",
        ),
        # the speaker's own words, beside the material
        ("my app build fails:\n```\nerror: cannot find module utils\n```", "building_coding"),
        ("I need to debug this:\n```\nError 409: SEAT_REQUIRED\n```", "debugging"),
    ],
)
def test_pasted_code_and_the_speakers_own_words_still_count(text: str, kind: str) -> None:
    assert kind in kinds(text)
