"""persona6.preference.v13: readings that were no taste, from defects seen on two-person chat.

Each rule is probed with sentences of the project's own beside the ones it was found on: what
is no taste, and the neighbouring taste that still stands.
"""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import EXTRACTORS, preference

EXTRACTOR = EXTRACTORS[preference.NAME]


def keyed(text: str) -> dict[str, float]:
    return {s.key: s.polarity for s in extracted(EXTRACTOR.name, text, "u1")}


# A subjectless cue opening its clause may head the clause's subject: a noun ("Love and ..."),
# or a gerund whose object ends at the clause's own verb.


@pytest.mark.parametrize(
    "text",
    [
        "Love and acceptance really can be found everywhere.",
        "Love and patience will get you through anything.",
        "Love sure does bring us joy, huh?",
        "Love and hugs to all of you!",
    ],
)
def test_love_heading_the_subject_is_a_noun(text: str) -> None:
    assert keyed(text) == {}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Enjoying the ride is key.", "ride"),
        ("Enjoying these special family times is why life is great.", "special family times"),
        ("Enjoying the little things is the secret to happiness", "little things"),
        ("Love the new dashboard!", "new dashboard"),
        ("Loving the inclusivity and support.", "inclusivity and support"),
    ],
)
def test_a_gerund_subjects_object_ends_at_the_clauses_verb(text: str, key: str) -> None:
    assert keyed(text) == {key: 1.0}


# Only "it" stands for a "when"/"if" clause after it, and not after "than".


@pytest.mark.parametrize(
    "text",
    [
        "I usually like them a lot more then if I were to just watch some random one.",
        "I like it a lot more than when it rains",
        "I love them when they're fresh",
    ],
)
def test_a_when_clause_is_no_object_after_them_or_than(text: str) -> None:
    assert keyed(text) == {}


def test_it_when_still_takes_the_clause() -> None:
    assert keyed("I hate it when people are late") == {"people are late": -1.0}


def test_them_points_back_to_what_the_listener_gives() -> None:
    text = (
        "That's why I love when you give me movie recommendations, "
        "I usually like them a lot more then if I were to just watch some random one."
    )
    assert keyed(text) == {"movie recommendations": 1.0}


# A cue in a clause of time in the past says when something else happened.


@pytest.mark.parametrize(
    "text",
    [
        "Yeah, our trip got off to a bad start. I was really scared when we got into the accident.",
        "I cried when I got into the car after the funeral.",
        "We were so relieved after we got into the shelter.",
    ],
)
def test_a_cue_in_a_past_clause_of_time_is_no_taste(text: str) -> None:
    assert keyed(text) == {}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("When I was a kid I loved hiking", "hiking"),
        ("I got into the show", "show"),
        ("I got into jazz last year", "jazz"),
    ],
)
def test_a_taste_beside_a_clause_of_time_stands(text: str, key: str) -> None:
    assert keyed(text) == {key: 1.0}


@pytest.mark.parametrize(
    "text",
    [
        "I went hiking last week and got into a bad spot with some people.",
        "I got into a fight at school",
        "We got into an argument about money",
    ],
)
def test_getting_into_a_single_thing_is_no_taste_begun(text: str) -> None:
    assert keyed(text) == {}


# "always" / "never" in a statement of fact or ability is no habit and no request.


@pytest.mark.parametrize(
    "text",
    [
        "Animals bring us peace, plus we can always count on them.",
        "I can always borrow my sister's car",
        "My face gets puffy around animals, so I've always just stayed away.",
        "I quit that job and I've never looked back",
    ],
)
def test_ability_or_history_is_no_habit(text: str) -> None:
    assert keyed(text) == {}


@pytest.mark.parametrize(
    ("text", "key", "sign"),
    [
        ("I usually take the train to work", "take the train to work", 1.0),
        ("I've always taken the bus to work", "taken the bus to work", 1.0),
        ("I never drive at night", "drive", -1.0),
    ],
)
def test_a_habit_still_stands(text: str, key: str, sign: float) -> None:
    assert keyed(text) == {key: sign}


@pytest.mark.parametrize(
    "text",
    [
        "They're my little buddies, always calm and peaceful.",
        "My dad is the best, always joking around.",
        "Thanks! Appreciate your support. Always staying filled with self-belief.",
        "Never giving up!",
    ],
)
def test_always_describing_is_no_request(text: str) -> None:
    assert keyed(text) == {}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Thanks, always cite sources", "cite sources"),
        ("Always answer in English, please.", "answer in english"),
        ("Please always include the command", "command"),
    ],
)
def test_always_asking_the_listener_stands(text: str, key: str) -> None:
    assert keyed(text) == {key: 1.0}


def test_always_after_a_judgement_is_no_list_item() -> None:
    text = "Trips like these are great - always full of amazing memories!"
    assert keyed(text) == {"trips like these": 1.0}


def test_mostly_after_a_taste_is_still_an_item() -> None:
    text = "i love listening to music , mostly nickelback ."
    assert keyed(text) == {"listening to music": 1.0, "nickelback": 1.0}


# Judgements of a thing at hand.


@pytest.mark.parametrize(
    "text",
    [
        "Wow, having that is so cool!",
        "Seeing this is great",
        "It must feel good",
        "Must feel great to turn your passion into a career.",
        "It must feel incredible to have a supportive team like that.",
        "Coco looks so adorable!",
        "Chicago sounds great!",
        "The kids look so cute",
        "Glad my encouragement helped! These are amazing - like walking on clouds!",
    ],
)
def test_a_comment_on_what_is_at_hand_is_no_taste(text: str) -> None:
    assert keyed(text) == {}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Having a dog is great", "having a dog"),
        ("Pizza is amazing", "pizza"),
        ("Fresh bread smells amazing", "fresh bread"),
        ("May is the best month", "may"),
        ("I love hiking. It is the best", "hiking"),
        ("I finally tried oat milk, that is great", "oat milk"),
    ],
)
def test_a_judgement_of_a_kind_still_stands(text: str, key: str) -> None:
    assert keyed(text) == {key: 1.0}


@pytest.mark.parametrize(
    "text",
    [
        "I love how you use it to tell your stories and teach people about trans folks.",
        "I like the way you write",
        "I love what you do for the community",
    ],
)
def test_any_act_of_the_listener_after_how_or_what_is_a_reaction(text: str) -> None:
    assert keyed(text) == {}


def test_how_a_thing_is_still_a_taste() -> None:
    text = "I love how the light hits the water"
    assert keyed(text) == {"how the light hits the water": 1.0}


# Anticipation of one thing to come, and a feeling about one's own situation.


@pytest.mark.parametrize(
    "text",
    [
        "Can't wait to make more memories at your dance studio!",
        "Can't wait to try it.",
        "can't wait to try them out!",
        "Can't wait for tomorrow's grand opening!",
        "Really looking forward to what's coming next!",
        "Can't wait for Mel's party!",
    ],
)
def test_anticipating_one_thing_is_no_taste(text: str) -> None:
    assert keyed(text) == {}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Can't wait to meet new people and learn about them!", "meet new people"),
        ("We always look forward to our family camping trip.", "family camping trip"),
        ("I can't wait for the summer holidays", "summer holidays"),
    ],
)
def test_anticipating_a_kind_or_kept_up_stands(text: str, key: str) -> None:
    (found,) = keyed(text)
    assert found.startswith(key)


@pytest.mark.parametrize(
    "text",
    [
        "I'm really excited about this new journey!",
        "I'm really happy with my progress.",
        "It was a fun project and I'm really happy with how it turned out.",
        "I'm so excited about the move",
    ],
)
def test_a_feeling_about_ones_own_situation_is_no_taste(text: str) -> None:
    assert keyed(text) == {}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I'm excited about painting", "painting"),
        ("I'm happy with simple things", "simple things"),
    ],
)
def test_a_feeling_about_a_kind_of_thing_stands(text: str, key: str) -> None:
    assert keyed(text) == {key: 1.0}


@pytest.mark.parametrize(
    "text",
    [
        "Dance is pretty much my go-to for stress relief.",
        "I love creating art!",
        "I do love watching classics.",
        "Most fiction series are great reads",
    ],
)
def test_tastes_the_annotators_skipped_stand(text: str) -> None:
    assert keyed(text)
