"""persona6.disclosure.v41 (session 17): a subject that includes the speaker ("me and my wife",
"my girlfriend and me", "our family") is the speaker's home as "we" is, at we's weight; a
learner's "we are moved to Pune" is the move done. A subject without the speaker is not."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import disclosure


def facts(text: str) -> dict[str, str]:
    return {s.key: s.value for s in extracted(disclosure.NAME, text, "u1")}


def test_the_producer_is_v41() -> None:
    assert disclosure.NAME == "persona6.disclosure.v53"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("our family moved to Halifax", "home:halifax"),
        ("me and my wife are moving to Cork", "plans:moving to cork"),
        ("My girlfriend and me moved to Lisbon", "home:lisbon"),
        ("me and the kids relocated to Austin last spring", "home:austin"),
        ("Me and my husband live in Bristol", "home:bristol"),
        ("our household moved to Tampere in 2019", "home:tampere"),
        ("me & my boyfriend just moved to Porto", "home:porto"),
        ("my mum and me moved to Glasgow when I was ten", "home:glasgow"),
        ("our whole family relocated to Perth", "home:perth"),
        ("me n my partner live in leeds now", "home:leeds"),
        ("Jake and me moved to Denver", "home:denver"),
        ("so me and my fiancé relocated to Calgary", "home:calgary"),
    ],
)
def test_a_subject_with_the_speaker_says_the_home_as_we_does(text: str, key: str) -> None:
    found = facts(text)
    assert key in found, found
    assert found[key].startswith("(with others) "), found


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("we are moved to Pune", "home:pune"),
        ("We are move to Toulouse", "home:toulouse"),
        ("i am moved to Nairobi last year", "home:nairobi"),
    ],
)
def test_a_learner_be_before_a_move_is_the_move(text: str, key: str) -> None:
    assert key in facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "my parents moved to Spain",
        "our team moved to Linear",
        "my wife and I love hiking",
        "me and my wife love hiking",
        "our family loves camping",
        "I was moved to tears by it",
        "my brother and his wife moved to Rome",
        "we are moved by the story",
        "me and my team moved to Jira",
        "she sent me and my wife to Paris",
        "our company moved to Slack",
    ],
)
def test_a_subject_without_the_speaker_or_no_move_says_no_home(text: str) -> None:
    found = facts(text)
    assert not any(k.startswith(("home:", "plans:")) for k in found), found


def test_a_speaker_s_own_move_with_i_is_unchanged() -> None:
    found = facts("my partner and I relocated to Denver")
    assert found["home:denver"] == "relocated to denver"
    assert "family:partner" in found
