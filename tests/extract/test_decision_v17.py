"""persona6.decision.v17: the grammar of choosing one thing over another, whole. Every verb of
``over_verbs`` is one a ``chose`` pattern reads ("preferred" and "ended up with", which none
read, are gone; "voted for" is read now); a choice made as it is said rejects the other side
as a past one does ("I'll go with Stripe over PayPal", "let's take the window seat over the
aisle", "I'm choosing X over Y"); ", not Y" names the thing not taken when it names a thing
("I went with Spanish, not French"); "took", "went for" and a subjectless "picked" choose only
with the thing not taken named ("I took the train instead of the plane")."""

from __future__ import annotations

import re

import pytest
from helpers import extracted

from persona6.extract import decision
from persona6.extract.text import load_lexicon


def _decisions(text: str) -> set[tuple[str, str]]:
    return {(s.value, s.key) for s in extracted(decision.NAME, text)}


def test_the_producer_is_v17() -> None:
    assert decision.NAME == "persona6.decision.v21"


#: One sentence per entry of ``over_verbs``, its thing chosen and its thing not taken.
BY_VERB = {
    "chose": ("I chose yoga over pilates", "yoga", "pilates"),
    "chosen": (
        "we've chosen the public school over the private one",
        "public school",
        "private one",
    ),
    "choose": (
        "I'll choose the vegetarian menu over the tasting menu",
        "vegetarian menu",
        "tasting menu",
    ),
    "choosing": ("ended up choosing Lightroom over Capture One", "lightroom", "capture one"),
    "picked": ("We picked the Subaru over the Honda", "subaru", "honda"),
    "pick": ("I'll pick the blue sofa over the grey one", "blue sofa", "grey one"),
    "picking": ("I'm picking the aisle seat over the window", "aisle seat", "window"),
    "selected": (
        "I selected the annual plan over monthly billing",
        "annual plan",
        "monthly billing",
    ),
    "select": ("we'll select the local caterer over the chain", "local caterer", "chain"),
    "selecting": ("I'm selecting the matte finish over gloss", "matte finish", "gloss"),
    "opted for": ("i opted for physio over surgery", "physio", "surgery"),
    "opt for": ("let's opt for the ferry over the flight", "ferry", "flight"),
    "opting for": ("we're opting for a fixed rate over a tracker", "fixed rate", "tracker"),
    "went with": ("we went with Postgres over MySQL", "postgres", "mysql"),
    "gone with": ("we've gone with Vue over React", "vue", "react"),
    "go with": ("I'll go with Stripe over PayPal", "stripe", "paypal"),
    "going with": (
        "I'm going with the 10 day itinerary over the 7 day one",
        "10 day itinerary",
        "7 day one",
    ),
    "settled on": ("we settled on Lisbon over Porto", "lisbon", "porto"),
    "settle on": ("I'll settle on the green paint over the beige", "green paint", "beige"),
    "settling on": ("we're settling on a small venue over the hotel", "small venue", "hotel"),
    "decided on": ("I decided on the used car over a new one", "used car", "new one"),
    "voted for": ("i voted for the blue logo over the orange one", "blue logo", "orange one"),
    "vote for": ("I'll vote for the Friday slot over Monday", "friday slot", "monday"),
    "voting for": ("I'm voting for the hike over the museum", "hike", "museum"),
    "take": ("I'll take the window seat over the aisle", "window seat", "aisle"),
    "stick with": ("I'll stick with Excel over Airtable", "excel", "airtable"),
    "sticking with": (
        "we're sticking with Jenkins over GitHub Actions",
        "jenkins",
        "github actions",
    ),
}


def test_every_verb_of_over_verbs_has_a_sentence_here() -> None:
    listed = {str(v) for v in load_lexicon("decisions")["over_verbs"]}
    assert listed == set(BY_VERB), "a verb of over_verbs needs a sentence a pattern reads"


@pytest.mark.parametrize("verb", sorted(BY_VERB))
def test_each_verb_of_over_verbs_is_read_with_its_other_side(verb: str) -> None:
    text, chosen, rejected = BY_VERB[verb]
    assert re.search(rf"\b{verb}\b", text, re.IGNORECASE)
    got = _decisions(text)
    assert ("chose", chosen) in got and ("rejected", rejected) in got, got


@pytest.mark.parametrize(
    ("text", "chosen", "rejected"),
    [
        ("I went with Spanish, not French", "spanish", "french"),
        ("we settled on a small wedding, not a big party", "small wedding", "big party"),
        ("I have picked the evening class, not the morning one", "evening class", "morning one"),
        ("I booked the Hilton, not the Marriott", "hilton", "marriott"),
        ("I took the train instead of the plane", "train", "plane"),
        ("Took the bus rather than the car", "bus", "car"),
        ("Picked Kotlin over Java for the new app", "kotlin", "java"),
        (
            "we voted for the later start time instead of the early one",
            "later start time",
            "early one",
        ),
        ("let's go with the oak flooring over the laminate", "oak flooring", "laminate"),
    ],
)
def test_the_other_side_of_a_choice_is_rejected(text: str, chosen: str, rejected: str) -> None:
    got = _decisions(text)
    assert ("chose", chosen) in got and ("rejected", rejected) in got, got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a remark after ", not", no thing named
        ("I went with the blue one, not sure why", {("chose", "blue one")}),
        ("I picked Rust, not that it matters", {("chose", "rust")}),
        ("We ordered pizza, not bad", {("chose", "pizza")}),
        ("we chose the red one, not because it was cheaper", {("chose", "red one")}),
        # "took", "went for" and a subjectless "picked" alone choose nothing
        ("I took the kids to school", set()),
        ("I went for a walk over the bridge", set()),
        ("Picked up the kids over the weekend", set()),
        ("Selected rows over the limit are deleted", set()),
        # "over" before a particle of movement, a stretch of time: a preposition
        ("we'll take the ferry over to France", {("chose", "ferry")}),
        ("I picked the tiles over the weekend", {("chose", "tiles")}),
        ("We booked a cabin over the lake", {("chose", "cabin")}),
        # weighed, asked, supposed or someone else's: no decision
        ("I'm leaning towards Figma over Sketch", set()),
        ("I'm choosing between Figma and Sketch", set()),
        ("Should I go with Stripe over PayPal?", set()),
        ("If I go with Stripe over PayPal, will fees change?", set()),
        ("My sister chose Figma over Sketch", set()),
        ("I preferred tea over coffee as a kid", set()),
        ("I'll decide on the venue over the weekend", set()),
    ],
)
def test_neighbours_stay(text: str, expected: set[tuple[str, str]]) -> None:
    assert _decisions(text) == expected


@pytest.mark.parametrize(
    ("text", "chosen", "rejected"),
    [
        ("Our team settled on GraphQL instead of REST", "graphql", "rest"),
        ("Chose Rust over Go for the CLI", "rust", "go"),
    ],
)
def test_a_name_is_no_vague_word(text: str, chosen: str, rejected: str) -> None:
    # "rest" and "go" name nothing after a verb of taking up ("take a rest", "give it a go");
    # written with a capital inside a sentence they are names
    got = _decisions(text)
    assert ("chose", chosen) in got and ("rejected", rejected) in got, got


@pytest.mark.parametrize(
    "text", ["I'll take It", "we chose This one", "I'll go with Both", "I'll take a Break"]
)
def test_a_capitalised_pronoun_names_nothing(text: str) -> None:
    assert _decisions(text) == set()


def test_a_chosen_thing_ends_at_not() -> None:
    assert _decisions("I chose tea not coffee") == {("chose", "tea")}
