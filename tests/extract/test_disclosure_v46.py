"""persona6.disclosure.v46 (session 18): a credential attained, with the "I" said or dropped,
read as a credential by its context (a verb of attainment, a test only by passing it)."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import disclosure


def signals(text: str) -> dict[str, str]:
    return {s.key: s.value for s in extracted(disclosure.NAME, text, "u1")}


def test_the_producer_is_v46() -> None:
    assert disclosure.NAME == "persona6.disclosure.v53"


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("Got my licence last year", "skills:got my licence", "got my licence last year"),
        ("got my drivers license yesterday!!", "skills:got my drivers license", None),
        ("got my pilot's licence in march", "skills:got my pilot's licence", None),
        ("Passed the bar in May", "education:passed the bar", "passed the bar in may"),
        ("I finally passed the bar!", "education:passed the bar", "passed the bar"),
        (
            "Passed the bar exam in July, finally a real lawyer",
            "education:passed the bar exam",
            None,
        ),
        ("aced the CPA exam on my second try", "education:aced the cpa exam", None),
        ("finally got my green card last month", "identity:got my green card", None),
        ("just got my work permit, starting monday", "identity:got my work permit", None),
        ("Finished my PhD in 2019", "education:finished my phd", "finished my phd in 2019"),
        ("Earned my black belt in karate last spring", "skills:earned my black belt", None),
        ("Passed my theory test this morning", "education:passed my theory test", None),
    ],
)
def test_a_credential_attained_is_the_speakers(text: str, key: str, value: str | None) -> None:
    found = signals(text)
    assert key in found, found
    if value is not None:
        assert found[key] == value


@pytest.mark.parametrize(
    "text",
    [
        "My sister passed the bar last year",
        "He got his black belt at twelve",
        "Did you get your licence yet?",
        "If I pass the bar I'll celebrate",
        "I want to pass the bar next year",
        "nearly passed the bar, missed by two points",
        "I never got my licence",
        "We passed the bar on the corner and turned left",
        "got my licence suspended for speeding",
        "Got my licence key for the app but it won't activate",
        "Got my exam results back, still waiting to hear",
        "Finished my exams today, no idea how they went",
        "got my SSL certificate renewed on the server",
        "Got a new belt for the wedding suit",
    ],
)
def test_no_credential_of_the_speakers_is_read_here(text: str) -> None:
    found = signals(text)
    credited = [
        k for k in found if k.split(":")[0] in ("education", "skills", "identity") and found[k]
    ]
    assert not [k for k in credited if found[k].split()[0] in ("passed", "got", "finished")], found
