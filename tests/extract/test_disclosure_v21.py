"""persona6.disclosure.v21: what is said to the listener or of a thing is no fact of the
speaker's life, and a role at work is one.

A subjectless clause with no verb ("just the kubectl line next time"), an order after a
semicolon or a colon ("...; schedule the prod rollout for Friday morning"), a heading before a
colon ("Weekly reminder:"), "(it) worked on the second try", an object that is only an anaphor
("I learn better that way") and a nominalised act of the task ("my import of the Sorensen
wedding") state nothing; a role taken ("I just became team lead") and a system looked after
("I maintain the arm64 docker image", "I own the billing service") are work. Every word of a
value comes from the text, or is a word of the value's own frame ("has", "is", "will be") or a
form of a verb of the text ("runs")."""

from __future__ import annotations

import re
from itertools import product

import pytest
from helpers import extracted

from persona6.extract import disclosure
from persona6.extract import text as tx


def claims(text: str) -> set[tuple[str, str]]:
    return {(s.key, s.value) for s in extracted(disclosure.NAME, text, "u1")}


def keys(text: str) -> set[str]:
    return {key for key, _ in claims(text)}


def test_the_producer_is_v21() -> None:
    assert disclosure.NAME == "persona6.disclosure.v53"


@pytest.mark.parametrize(
    "text",
    [
        # A7: a fragment with no verb asks for a thing ("thes kubectl line next time")
        "just the kubectl line next time, skip the essay",
        "only the error line please",
        "just the diff, no commentary",
        # A8: an order after a semicolon or a colon is the listener's to do
        "My daughter's recital is on Thursday so I'll be off; schedule the prod rollout for "
        "Friday morning.",
        "Weekly reminder: read the FAQ before posting, and please use threads.",
        "Quick note: book the meeting room for Monday.",
        # a thing worked, not the speaker
        "phew, worked on the second try :)",
        "worked the first time, thanks",
        "worked fine after a restart",
        "worked like a charm",
        # an object that is only an anaphor
        "could someone explain step by step with screenshots? I learn better that way",
        "I'll be reading a lot more of these.",
        "I've been doing that for years.",
        # a nominalised act of the task at hand is no thing had
        "help, my import of the Sorensen wedding stopped halfway",
        "my upload failed again",
        # a place after "had to" is no act ("had to california")
        "a special vacation we had to California- a gorgeous sunset",
    ],
)
def test_requests_headings_outcomes_and_anaphors_state_nothing(text: str) -> None:
    found = {key for key in keys(text) if not key.startswith("family:")}
    assert found - {"plans:off"} == set()


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # neighbours that stay
        ("I schedule shifts for a hospital", "plans:schedule shifts for a hospital"),
        ("I worked on the second floor", "work:worked on the second floor"),
        ("I learn Spanish", "education:learn spanish"),
        ("worked on my thesis all night", "work:worked on my thesis all night"),
        ("worked part time at a bakery", "work:worked part time at a bakery"),
        ("I'll be off", "plans:off"),
        ("I was tired; finished the report anyway", "activities:finished the report"),
        # v34: "I learn better with examples" is a way of learning, a preference, no fact
        ("I learn French from films", "education:learn french from films"),
        ("I had to take a break from pottery", "activities:take a break from pottery"),
        ("I own a bakery", "possessions:bakery"),
        ("I run marathons", "habits:run marathons"),
    ],
)
def test_neighbours_stay(text: str, key: str) -> None:
    assert key in keys(text)


def test_a_be_split_off_by_a_semicolon_is_no_order() -> None:
    assert any(
        key.startswith("education:in high school") for key in keys("i ; m still in high school")
    )


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # B5: a role taken is a job
        (
            "I just became team lead for the platform group, so I'll be reading a lot more of "
            "these.",
            "work:team lead for the platform group",
        ),
        ("I was promoted to staff engineer", "work:promoted to staff engineer"),
        ("I'm now the on-call lead", "work:on-call lead"),
        ("I'm team lead now", "work:team lead"),
        ("i am park ranger i hike in nature for my job", "work:park ranger"),
        # B6: a system looked after is a role at work
        (
            "nice Yuki. I maintain the arm64 docker image, ping me if it misbehaves",
            "work:maintain the arm64 docker image",
        ),
        ("I own the billing service", "work:own the billing service"),
        ("I run the billing database", "work:run the billing database"),
        ("We've run the search cluster for two years", "work:run the search cluster"),
        ("I run an antiques shop", "work:run an antiques shop"),
    ],
)
def test_roles_at_work(text: str, key: str) -> None:
    assert key in keys(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'm no writer like you",
        "i guess i will win when i become manager at this casino",
        "maintain the arm64 docker image",
        "I ran the database migration",
        "I'll run the billing database",
    ],
)
def test_no_role_denied_to_come_ordered_or_done_once(text: str) -> None:
    assert not {key for key in keys(text) if key.startswith("work:")}


def test_the_plan_of_a_past_tense_keeps_its_words() -> None:
    assert ("plans:lord of the rings", "will be lord of the rings") in claims(
        "i wanna write fantasy but for now i will just was lord of the rings"
    )


#: Words a value's frame adds to the text's: "has", "(with others)", "will be", "no longer".
_FRAME = frozenset(
    {
        "has",
        "have",
        "had",
        "is",
        "was",
        "were",
        "be",
        "been",
        "will",
        "would",
        "can",
        "not",
        "does",
        "did",
        "no",
        "longer",
        "with",
        "others",
        "their",
        "wants",
        "to",
        "used",
        "works",
        "as",
        "at",
        "named",
        "aims",
        "trouble",
    }
)

_OPENERS = ["", "just ", "so ", "honestly, ", "phew, ", "Weekly reminder: ", "ok; ", "btw "]
_BODIES = [
    "the kubectl line next time, skip the essay",
    "schedule the prod rollout for Friday morning",
    "read the FAQ before posting, and please use threads",
    "worked on the second try :)",
    "I'll be reading a lot more of these",
    "I learn better that way",
    "my import of the Sorensen wedding stopped halfway",
    "I just became team lead for the platform group",
    "I maintain the arm64 docker image, ping me if it misbehaves",
    "I own the billing service",
    "I run the billing database",
    "I'm now the on-call lead",
    "we're moving to Linear next quarter",
    "We decided to move the search cluster to blue-green deploys next quarter",
    "I have two dogs and a cat",
    "I work as a nurse at the county hospital",
    "I moved to Leeds last year with my wife",
    "I've been painting since I was a kid",
    "I'm going to run the half marathon in May",
    "I broke my left ankle last year",
    "my daughter's recital is on Thursday so I'll be off",
    "we went camping with the kids last weekend",
    "I used to play the guitar in a band",
    "I don't have kids",
    "I'm allergic to peanuts",
    "my goal is to save up for a house",
    "I sold my car last month",
    "I'm a software engineer at a startup",
    "I volunteer at the homeless shelter every Sunday",
    "I'd love to visit Japan one day",
    "the first try failed, the second worked",
    "I just the thing",
    "a special vacation we had to California- a gorgeous sunset",
    "i will just was lord of the rings",
]


def _value_words_from_text(text: str) -> list[str]:
    """The words of every value for ``text`` that neither the text, nor a value's frame, nor a
    form of one of the text's verbs ("runs", "ran" -> "run") accounts for."""
    said = {w.lower() for w in re.findall(r"[A-Za-z0-9]+(?:[-'][A-Za-z0-9]+)*", text)}
    said |= {w.removesuffix("'s") for w in said}
    function = tx.english_words("determiners", "prepositions", "subject_words")
    forms = {tx.third_person(w) for w in said if w not in function}
    lemmas = disclosure.lexicon().lemmas
    forms |= {lemmas[w] for w in said if w in lemmas}
    stray = []
    for _, value in claims(text):
        for word in re.findall(r"[a-z0-9]+(?:[-'][a-z0-9]+)*", value.lower()):
            if word not in said and word not in forms and word not in _FRAME:
                stray.append(word)
    return stray


@pytest.mark.parametrize(("opener", "body"), list(product(_OPENERS, _BODIES)))
def test_every_word_of_a_value_comes_from_the_text(opener: str, body: str) -> None:
    assert _value_words_from_text(opener + body) == []
