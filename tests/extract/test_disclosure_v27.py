"""persona6.disclosure.v27 (review 7 R2): one fact, one key.

The graph merges signals by key and raises the confidence with each distinct session, so a
fact said in other words gets the same key:

- a kin term in any of its forms (``kin_forms``: mom, mum, mother; kids, children; hubby,
  husband; grandma, nan, grandmother; a digit before it as its word), in a family key and
  after a possessive elsewhere; not a compound ("mother-in-law"), nor "ma", "nan" before a noun;
- a condition in any frame (``conditions``, ``condition_leads``: "I have celiac disease",
  "I'm celiac", "as a coeliac", "my celiac", "diagnosed with") under its name, with one
  statement; another's condition stays theirs ("my mother's celiac");
- "a <family member or pet> of mine" is had, as "my <noun>" is.
"""

from __future__ import annotations

import pytest
from helpers import extracted, said

from persona6.extract import disclosure
from persona6.graph.consolidate import consolidate


def claims(text: str) -> set[tuple[str, str]]:
    return {(s.key, s.value) for s in extracted(disclosure.NAME, text, "u1")}


def keys(text: str) -> set[str]:
    return {key for key, _ in claims(text)}


def test_the_producer_is_v27() -> None:
    assert disclosure.NAME == "persona6.disclosure.v53"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # review 7: Hyejin's mother, in three words over five sessions
        (
            "Hello, I want to booking flight Seoul to Vancouver for me and my mother.",
            "family:mother",
        ),
        (
            "Hi. Please find flight to Sydney, I travel with my mom again, she is 72 years.",
            "family:mother",
        ),
        ("My mum is coming with me to Rome.", "family:mother is coming with me to rome"),
        ("I booked it for my mommy.", "family:mother"),
        ("my ma is great", "family:mother"),
        ("I visited my dad last week.", "family:father"),
        ("Me and my hubby went hiking.", "family:husband"),  # a joint subject: had (v41)
        ("The necklace was a gift from my grandma.", "family:grandmother"),
        ("my nan", "family:grandmother"),
        ("my granny died last year", "family:grandmother"),  # lost their grandmother (v29)
        ("I took my kids to the park.", "family:children"),
        ("I have 2 kids.", "family:two children"),
        ("I have two children.", "family:two children"),
        ("my mom-in-law visits on Sundays", "family:mother-in-law visits on sundays"),
        ("I'm a single mom.", "family:single mother"),
        # the relation is the same fact in "X of mine"
        ("A cousin of mine came over.", "family:cousin"),
        ("An old dog of ours died.", "pets:dog"),
        # a kin word people call their own parent by, bare with the speaker
        ("Hi. Searching flight to Taipei for two person, me and mom.", "family:mother"),
        ("Mom and I went to Paris.", "family:mother"),
        ("I went shopping with mum, it was fun.", "activities:went shopping with mother"),
    ],
)
def test_a_kin_term_is_keyed_by_one_word(text: str, key: str) -> None:
    assert key in keys(text)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # a different fact stays its own, with the kin word of its key
        ("I travel with my mom every year.", "habits:travel with my mother"),
        ("I live with my mum.", "home:with my mother"),
        ("My mother is tired easily.", "family:mother is tired easily"),
        # other people than the mother
        ("my mother-in-law visits", "family:mother-in-law visits"),
        ("my stepmom is nice", "family:stepmother is nice"),
        # another's pet or condition says only that the speaker has the mother
        ("my mom's dog is cute", "family:mother"),
        ("my mother's celiac is bad", "family:mother"),
        # "ma", "nan" before a noun, and "MA" without a possessive, are no kin
        ("I have an MA in history.", "possessions:ma in history"),
        ("my MA thesis is due", "personal:ma"),
        ("a friend of mine is a nurse", None),
        # a kin word before a noun, someone else's, or wished, names none of the speaker's
        ("dad jokes are the best", None),
        ("Your mom and I talked.", None),
        ("What if I moved in with mom?", None),
    ],
)
def test_neighbours_stay_distinct(text: str, key: str | None) -> None:
    found = keys(text)
    if key is None:
        assert not found
    else:
        assert key in found
    assert "pets:dog" not in found
    assert not any(k.startswith("health:") for k in found)


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("me and mom.", "family:mother", "has mother"),
        ("I visited my mum last week.", "family:mother", "has mother"),
        ("my nan", "family:grandmother", "has grandmother"),
        ("I have a mom.", "family:mother", "has a mom"),  # said with more words: as said
    ],
)
def test_the_kin_statement_is_one_too(text: str, key: str, value: str) -> None:
    assert (key, value) in claims(text)


@pytest.mark.parametrize(
    "text",
    [
        "I have celiac disease, so I need the gluten-free meal in the flight.",
        "Please order gluten-free meal for me, because my celiac.",
        "I'm celiac.",
        "I am coeliac.",
        "As a coeliac, I avoid bread.",
        "I have coeliac disease.",
        "I was diagnosed with celiac disease.",
        "I suffer from celiac disease.",
    ],
)
def test_a_condition_is_one_key_in_every_frame(text: str) -> None:
    assert ("health:celiac disease", "has celiac disease") in claims(text)


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("I'm diabetic.", "health:diabetes", "has diabetes"),
        ("I'm not diabetic.", "health:diabetes", "does not have diabetes"),
        ("I'm lactose intolerant.", "health:lactose intolerance", "has lactose intolerance"),
        ("We're both coeliac.", "health:celiac disease", "(with others) has celiac disease"),
        # a lead that only says the speaker has it; the words stay as said
        (
            "I was diagnosed with type 2 diabetes.",
            "health:type 2 diabetes",
            "was diagnosed with type 2 diabetes",
        ),
        ("I suffer from migraines.", "health:migraines", "suffers from migraines"),
    ],
)
def test_condition_frames(text: str, key: str, value: str) -> None:
    assert (key, value) in claims(text)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I'm recovering from a knee injury.", "health:recovering from a knee injury"),
        ("I'm autistic.", "health:autistic"),  # who one is, as said
        ("I have type 2 diabetes.", "health:type 2 diabetes"),
    ],
)
def test_other_health_facts_stay(text: str, key: str) -> None:
    assert key in keys(text)


def test_sessions_saying_it_in_other_words_meet_in_one_trait() -> None:
    """Review 7 R2: Hyejin's mother and celiac disease, one trait each, stronger with each
    session."""
    texts = [
        "Hello, I want to booking flight Seoul to Vancouver for me and my mother.",
        "Hi. Please find flight to Sydney, I travel with my mom again.",
        "Hello, flight Seoul to Honolulu please. My mother she come with me also.",
        "I have celiac disease, so I need the gluten-free meal in the flight.",
        "Please order gluten-free meal for me, because my celiac.",
        "I'm coeliac, so no bread please.",
    ]
    signals = [
        signal
        for number, text in enumerate(texts)
        for signal in disclosure.DisclosureExtractor().extract(
            [said(number, text).model_copy(update={"session_id": f"s{number}"})]
        )
    ]
    traits = {t.key: t for t in consolidate("p1", signals)}
    family = [k for k in traits if k.startswith("family:")]
    health = [k for k in traits if k.startswith("health:")]
    assert family == ["family:mother"]
    assert health == ["health:celiac disease"]
    assert traits["health:celiac disease"].value == "has celiac disease"
    assert traits["family:mother"].value == "has mother"
    assert traits["family:mother"].sessions == 3
    one = consolidate("p1", [s for s in signals if s.key == "health:celiac disease"][:1])
    assert traits["health:celiac disease"].confidence > one[0].confidence
