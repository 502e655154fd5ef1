"""persona6.disclosure.v22 (review 6: W6, W7, W10, W12, M7, M8, M9): a feeling, a word that is
no verb of the speaker's, data about them and another's act are no fact of their life; a debt
paid off is a plan, a condition in an aside of their own purchase is theirs, and a business they
order supplies for in trade quantities is their work.

- a clause that holds a feeling of the speaker's (``feeling_phrases``: "a knot in my stomach",
  "lying awake", "panic") and what follows it in the sentence ("every time I open our bank app",
  "thinking we'll never get there") are the concern extractor's;
- a subjectless clause opening on "not" ("..., not daily alerts.") or whose word is a plural
  noun ("Daily alerts make me panic") is no fact, so no "does not alerts", no "alertses";
- "my <noun> <data head>" names data about the speaker ("my phone number", "my browsing
  history", "my card information", "my home address": ``data_heads``), an activity after "for
  my" is what a thing is for ("for my bookkeeping": ``activity_nouns``);
- "I buy the camera strap." (a plain present with a definite object and no frequency) is about
  this order, no habit nor possession;
- a subjectless clause after a name and its aside in brackets is that one's ("Biscuit (my
  labrador) destroyed his bed");
- "I'm paying off my car loan, 8,400 left", "car loan 8400 left" -> ``plans:pay off car loan``;
- "Bought a CPAP machine this month (sleep apnea, ugh)" -> ``health:sleep apnea``;
- "Reordering for the bakery: 10 bags of ...", "8 cases of ... We go through it fast at the
  bakery" -> ``work:bakery``.
"""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import disclosure


def claims(text: str) -> set[tuple[str, str]]:
    return {(s.key, s.value) for s in extracted(disclosure.NAME, text, "u1")}


def keys(text: str) -> set[str]:
    return {key for key, _ in claims(text)}


def test_the_producer_is_v22() -> None:
    assert disclosure.NAME == "persona6.disclosure.v53"


@pytest.mark.parametrize(
    "text",
    [
        # W6: a fragment of contrast, a plural noun subject, feelings and what they are felt at
        "I'd like a weekly summary on Sunday evenings, not daily alerts. Daily alerts make me "
        "panic.",
        "Honestly I get a knot in my stomach every time I open our bank app",
        "I keep lying awake thinking we'll never get there",
        "I'm panicking about the deadline.",
        "Weekly reports, not daily pings.",
        # W7: data about the speaker in a question or a request; a present for this order
        "Why you ask my phone number?",
        "please delete my browsing history",
        "Do not keep my card information after.",
        "Can you update my phone number?",
        "I buy the camera strap.",
        "I order the blue one.",
        # W10, W12: an activity after "for my"; an address
        "Please email me the invoice, I need it for my bookkeeping.",
        "I need it for my records.",
        "Please ship the bookshelf to my home address",
        "What's my home address on file?",
    ],
)
def test_states_no_fact_of_the_speakers_life(text: str) -> None:
    assert claims(text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # M7: a debt paid off is a plan, as "saving for X" is
        (
            "I'm paying off my car loan, 8,400 left.",
            ("plans:pay off car loan", "is paying off car loan"),
        ),
        (
            "car loan 8400 left @ 6.9%. 600/mo. months to payoff?",
            ("plans:pay off car loan", "is paying off car loan"),
        ),
        (
            "We're paying off the mortgage early.",
            ("plans:pay off mortgage", "(with others) is paying off mortgage"),
        ),
        (
            "I want to pay off my student loans by 2027.",
            ("plans:pay off student loans", "plans to pay off student loans"),
        ),
        # M8: a condition in an aside of the speaker's own purchase
        (
            "Bought a CPAP machine this month (sleep apnea, ugh), 6,200 NOK, please file it "
            "under medical.",
            ("health:sleep apnea", "has sleep apnea"),
        ),
        (
            "I bought a new inhaler (asthma) yesterday.",
            ("health:asthma", "has asthma"),
        ),
        # M9: a business supplied in trade quantities
        (
            "Good morning! Reordering for the bakery: 10 bags of the 25kg bread flour please.",
            ("work:bakery", "works at a bakery"),
        ),
        (
            "Hello again, could I get 8 cases of the unsalted butter? We go through it fast at "
            "the bakery.",
            ("work:bakery", "works at a bakery"),
        ),
        (
            "Hi there, another 10 bags of bread flour - Christmas rush at the bakery!",
            ("work:bakery", "works at a bakery"),
        ),
        (
            "Please send 6 crates of tomatoes for the restaurant.",
            ("work:restaurant", "works at a restaurant"),
        ),
        (
            "Good morning, 300 cupcake liners and 6 piping bags for the shop please",
            ("work:shop", "works at a shop"),
        ),
    ],
)
def test_reads_the_fact(text: str, expected: tuple[str, str]) -> None:
    assert expected in claims(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # neighbours that stay as they were
        ("I need flour for my bakery.", {"work:bakery"}),
        ("I run a small bakery", {"work:run a small bakery"}),
        ("I'm saving for a house.", {"plans:saving for a house"}),
        ("I buy the newspaper every morning.", {"possessions:newspaper"}),
        ("I bought the camera strap.", {"possessions:camera strap"}),
        ("I lost my phone.", {"possessions:phone"}),
        ("I love my home.", {"home:home"}),
        ("I have sleep apnea.", {"health:sleep apnea"}),
        ("I have asthma (diagnosed last year).", {"health:asthma"}),
        ("Bought a CPAP machine this month for my sleep apnea.", {"health:sleep apnea"}),
        ("I run a bakery and I'm so scared it'll fail.", {"work:run a bakery"}),
        ("I walk my dog every day.", {"pets:dog", "habits:walk my dog every day"}),
        ("Biscuit is my labrador.", {"pets:labrador"}),
        ("I need it for my wedding.", {"personal:wedding"}),
        # W10: another's act (the speaker has the labrador, the sister; no "destroyed his bed")
        (
            "Hi! Biscuit (my labrador) destroyed his bed, so one large dog bed please",
            {"pets:labrador"},
        ),
        ("My sister (the vet) adopted a cat.", {"family:sister"}),
        # another's debt, another's condition, a customer's purchase
        ("My brother is paying off his loan.", {"family:brother is paying off his loan"}),
        (
            "Got my mum a walker (arthritis, poor thing).",
            {"family:mother", "family:mother a walker"},
        ),
        (
            "I bought 2 boxes of donuts at the bakery.",
            {"possessions:2 boxes of donuts at the bakery"},
        ),
        ("I paid off my car loan last year.", {"possessions:car"}),
        ("I need 2 bags for the office party.", set()),
        ("i carry all my history books in them", {"personal:history"}),
    ],
)
def test_neighbours_stay(text: str, expected: set[str]) -> None:
    assert keys(text) == expected


def test_no_value_pluralises_a_noun() -> None:
    """W6: "alertses" came from taking "alerts" for the speaker's verb."""
    for text in ("Daily alerts make me panic.", "Weekly emails remind me of it."):
        doubled = {f"{word}es" for word in text.lower().split() if word.endswith("s")}
        assert not any(set(value.split()) & doubled for _, value in claims(text))
