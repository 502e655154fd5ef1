"""preference.v50: contrasts outside the canonical frames, by word classes (preferences.yaml
``liking_comparatives``, ``dependability_comparatives``, ``comparison_degrees``,
``comparison_links``, ``choosing_phrases``, ``choice_nouns``; general_readings
``appeal_verbs``, ``standing_winning_verbs``, ``nominal_standing``, ``sensory_idioms``,
``dismissal_takes``/``dismissal_keepers``).

The evaluative comparative with any verb of being or seeming, degree and comparing link
("honestly merino is loads more comfortable for me compared with acrylic"), an adjective of
dependability only for the speaker ("... more reliable for me compared to tubes"), a verb of
appeal + "more than", a competitive verb with a tail of standing, a side alone "for me every
time", an idiom of satisfaction against another that never does, a dismissal ("I'll take X,
you can keep Y"), a pseudo-cleft of choosing and the speaker's noun of choice.

Unchanged (silent): a rating of a thing without the speaker ("The new bridge is far more
reliable than the old one"), a question, someone else's, a case supposed, a person beaten, a
payment's change, a past choice, a remark on the choice itself.
"""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import preference


def claims(text: str) -> list[tuple[str, float]]:
    return [(s.key, s.polarity) for s in extracted(preference.NAME, text, "u1")]


def test_the_producer_is_v50() -> None:
    assert preference.NAME == "persona6.preference.v57"


@pytest.mark.parametrize(
    ("text", "chosen", "other"),
    [
        (
            "honestly merino is loads more comfortable for me compared with acrylic",
            "merino",
            "acrylic",
        ),
        (
            "Paper forms feel way more dependable to me than the online portal",
            "paper forms",
            "online portal",
        ),
        (
            "Tubeless tyres are so much more reliable for me compared to tubes",
            "tubeless tyres",
            "tubes",
        ),
        (
            "spreadsheets r way more satisfying than tax software imo",
            "spreadsheets",
            "tax software",
        ),
        (
            "Next to plastic ones, live plants are way more enjoyable",
            "live plants",
            "plastic plants",
        ),
        (
            "Measuring in grams is loads more reliable for me compared with cups so stick to "
            "grams pls",
            "measuring in grams",
            "cups",
        ),
        ("Blitz appeals way more than classical", "blitz", "classical"),
        (
            "Foundationless frames win hands down against wired foundation as far as I'm "
            "concerned, the bees draw nicer comb on them",
            "foundationless frames",
            "wired foundation",
        ),
        ("Wool tops cotton every time", "wool", "cotton"),
        ("vinyl speaks to me way more than spotify ever could", "vinyl", "spotify"),
        ("You can keep your e-readers, I'll stick with paperbacks", "paperbacks", "e-readers"),
        ("co-op games appeal to me a lot more than party games", "co-op games", "party games"),
        (
            "Canister filters beat hang-on-back ones for me",
            "canister filters",
            "hang-on-back filters",
        ),
        (
            "Hot cocoa after a climb hits the spot in a way energy drinks never do",
            "hot cocoa",
            "energy drinks",
        ),
        (
            "I'll take circular needles, you can keep the straight ones",
            "circular needles",
            "straight needles",
        ),
    ],
)
def test_a_contrast_outside_the_frames_chooses(text: str, chosen: str, other: str) -> None:
    got = claims(text)
    assert (chosen, 1.0) in got, got
    assert (other, -1.0) in got, got


@pytest.mark.parametrize(
    ("text", "chosen"),
    [
        ("Bare-root roses for me every time", "bare-root roses"),
        ("shore dives for me every time, the boat ones make me seasick", "shore dives"),
        ("Bamboo needles are what I reach for when knitting socks", "bamboo needles"),
        ("what I go for is the Sicilian defence", "sicilian defence"),
        ("My preference is a small civil ceremony", "small civil ceremony"),
        ("my pick would be the hardtail", "hardtail"),
    ],
)
def test_one_side_chosen(text: str, chosen: str) -> None:
    assert (chosen, 1.0) in claims(text)


@pytest.mark.parametrize(
    "text",
    [
        "The new bridge is far more reliable than the old one",
        "Is a chain more reliable than a belt drive for me?",
        "My sister says wool is way more comfortable than cotton",
        "If I had the money, carbon would be way more fun than aluminium",
        "It is more fun than I expected",
        "She is way more fun than her brother",
        "Federer beat Nadal in the 2007 final",
        "He beat me at chess every time",
        "They beat us every time",
        "I'll take a flat white, you can keep the change",
        "What I picked was the blue one",
        "My choice was a mistake",
        "My preference is not important here",
        "Which appeals more to beginners, chess or checkers?",
        "Same for me every time",
        "Federer beat Nadal, hands down the best final",
    ],
)
def test_neighbours_stay_silent(text: str) -> None:
    assert claims(text) == []


def test_a_gate_word_without_letters_keeps_the_gate_a_prefilter() -> None:
    # nominal_standing's "100%" has no letter for prep to require: in the gate it left the
    # gate no requirement, so every message ran every general reading (a speed change only)
    own = preference._general_words_in("The weather was lovely and we walked to the beach.")
    assert own.gate is preference._NEVER
    assert claims("Bare-root roses for me, 100%.") == [("bare-root roses", 1.0)]
