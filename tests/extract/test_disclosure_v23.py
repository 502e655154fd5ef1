"""persona6.disclosure.v23 (review 6b, items 6 and 8): a feeling in more words and what it is
felt at are the concern extractor's; a verb on only a reflexive names no fact; a plain present
after "I <act> it" goes on with the act at hand; "my home", "my office" as the place a thing is
sent to are no home nor office had.

- ``feeling_phrases`` hold the feeling in the body and in sleep ("I feel sick every time I
  check my credit card balance", "a sinking feeling", "my stomach drops", "a cold sweat");
- "every time I enter myself" (``reflexives``) is no fact; "I enter myself in competitions"
  says more;
- "OK, I fix it myself, I write shorter building name." (``act_at_hand_verbs``) is no habit;
  "I write poems", "I love it, I write poems" stay;
- "Can you send the planters to my home?" (``delivery_verbs``, ``delivery_places``) is no home
  had; "my home is in Leeds", "I work from home" stay.
"""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import disclosure


def claims(text: str) -> set[tuple[str, str]]:
    return {(s.key, s.value) for s in extracted(disclosure.NAME, text, "u1")}


def keys(text: str) -> set[str]:
    return {key for key, _ in claims(text)}


def test_the_producer_is_v23() -> None:
    assert disclosure.NAME == "persona6.disclosure.v53"


@pytest.mark.parametrize(
    "text",
    [
        # a feeling in more words, and what it is felt at
        "Honestly I feel sick every time I check my credit card balance.",
        "I get this sinking feeling every time I open my banking app.",
        "My stomach drops every time I look at the balance.",
        # a verb on only a reflexive
        "It logs me out every time I enter myself.",
        "I push myself again.",
        # a plain present after "I <act> it": the act at hand
        "OK, I fix it myself, I write shorter building name.",
        "I try it again, I put new address.",
        # the place a thing is sent to
        "Can you send the planters to my home?",
        "Please ship it to my office.",
        "Send it to my work instead.",
        "I'll have it delivered to my home.",
    ],
)
def test_no_fact(text: str) -> None:
    assert claims(text) == set()


def test_a_cold_sweat_is_no_habit() -> None:
    found = keys("I break out in a cold sweat every time I log into my bank.")
    assert not {key for key in found if key.startswith("habits:")}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I write poems.", "habits:write poems"),
        ("I love it, I write poems.", "habits:write poems"),
        ("I fixed it, I write poems every week.", "habits:write poems"),
        ("I sweat a lot when I run.", "habits:run"),
        ("I taught myself Spanish.", "work:taught myself spanish"),
        ("my home is in Leeds", "home:home is in leeds"),
        ("I work from home", "work:work from home"),
        ("I drive to my office every day.", "work:office"),
        ("I have insomnia.", "health:insomnia"),
    ],
)
def test_neighbours_stay(text: str, key: str) -> None:
    assert key in keys(text)
