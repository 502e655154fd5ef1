"""persona6.disclosure.v41 (session 17): a family member named inside a subject that includes the
speaker is had, keyed at the member; a joint subject after an opening phrase is read by the verb
phrase after it; "shift" moves home to a place or a dwelling (Indian and learners' English)."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import disclosure


def facts(text: str) -> dict[str, str]:
    return {s.key: s.value for s in extracted(disclosure.NAME, text, "u1")}


def test_the_producer_is_v41() -> None:
    assert disclosure.NAME == "persona6.disclosure.v53"


@pytest.mark.parametrize(
    ("text", "member"),
    [
        ("me and my wife are moving to Cork", "family:wife"),
        ("Me and my husband moved to Lyon in May", "family:husband"),
        ("me and my kids moved to Porto", "family:children"),
        ("me and my wife love hiking", "family:wife"),
    ],
)
def test_a_member_of_a_joint_subject_is_had_and_keyed_at_the_member(text: str, member: str) -> None:
    found = facts(text)
    assert member in found and found[member].startswith("has ")
    assert not [key for key in found if key.startswith(f"{member} ")]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("after the wedding me and my husband moved to Lyon", "home:lyon"),
        ("In 2019 me and my partner moved to Berlin", "home:berlin"),
        ("during the pandemic our whole family moved to Vermont", "home:vermont"),
        ("two years after the divorce me and the kids relocated to Austin", "home:austin"),
    ],
)
def test_a_joint_subject_after_an_opening_phrase_moves_home(text: str, key: str) -> None:
    assert key in facts(text)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("We are shifted to Chennai", "home:chennai"),
        ("we shifted to a bigger flat", "home:bigger flat"),
        ("I shifted to Bangalore last year for my job", "home:bangalore"),
    ],
)
def test_shifted_to_a_place_is_a_move_of_home(text: str, key: str) -> None:
    assert key in facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "I shifted to a new job",
        "we shifted to Python last sprint",
        "our team shifted to Linear",
        "I shifted my weight to the other leg",
        "my parents moved to Spain",
        "she sent me and my wife to Paris",
        "he told me and my wife to move to Leeds",
        "after the meeting my boss moved to Berlin",
    ],
)
def test_no_home_of_the_speaker(text: str) -> None:
    assert not [key for key in facts(text) if key.startswith(("home:", "plans:"))]


def test_a_family_member_as_a_subject_alone_keeps_its_fact() -> None:
    assert "family:wife is a nurse" in facts("my wife is a nurse")
