"""persona6.preference.v20: a wish for one piece of work on a topic is a request of the moment
("I would appreciate a comprehensive overview of conditional sentences"); "the basics", background
and theory are parts of an answer one may ask against ("Skip the basics: ...")."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import preference


def read(text: str) -> dict[str, str]:
    return {s.key: s.value for s in extracted(preference.NAME, text, "u1")}


def test_the_producer_is_v20() -> None:
    assert preference.NAME == "persona6.preference.v57"


@pytest.mark.parametrize(
    "text",
    [
        "I would appreciate a comprehensive overview of conditional sentences.",
        "I'd love a quick summary of the thread.",
        "I would like a list of vegan restaurants.",
        "I'd appreciate an explanation of the error.",
    ],
)
def test_a_piece_of_work_on_a_topic_is_of_the_moment(text: str) -> None:
    assert read(text) == {}


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("I'd appreciate shorter answers.", "shorter answers", "appreciates shorter answers"),
        ("I'd love a dog.", "dog", "would love dog"),
        (
            "I love a good summary of the news every morning.",
            "good summary of the news",
            "loves good summary of the news",
        ),
        (
            "Electrician here. Skip the basics: what's the max DC input on the inverter?",
            "basics",
            "asks for no basics",
        ),
        ("No background please, just the steps.", "background", "asks for no background"),
    ],
)
def test_ways_of_answering_things_and_tastes_stay(text: str, key: str, value: str) -> None:
    assert read(text)[key] == value
