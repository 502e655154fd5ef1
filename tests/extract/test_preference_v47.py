"""preference.v47: valuation verbs with no contrast cue, idioms of changing taste, standing
requests as bare noun phrases or imperatives, feared outcomes, learner negation and request
scopes said without a comma, each read by a word class (preferences.yaml, english.yaml).

- Valuation (``general_readings`` ``valuing_phrases``, ``winning_verbs``; the "nothing beats"
  frame): "X is worth ten of Y", "X makes more sense for us than Y", "X wins out over Y",
  "X knocks spots off Y", "you can't beat X". Not a price, a clause, someone else's, a question.
- Changing taste (frames): "I've come round to X", "X has grown on me", "I've fallen out of love
  with X", "I'm over X", "I've lost interest in X", "I've gone cold on X", "X isn't doing it for
  me anymore", "I've gotten really into X" (``entering.verbs``). Not "I'm over budget", "I came
  round to your place", "my sister has gone off coffee".
- Standing requests (frames ``answer_heads``, ``answer_acts``): "UK spelling please", "number
  the steps". Not the thing at hand ("the PDF please", "number these five steps for me").
- Feared outcomes (``feared_outcomes``): "I don't want my data leaked", "I'd hate to waste
  money" are worries, the concern extractor's; "I don't want meetings before 10" stays a taste.
- Learner negation (english.yaml ``learner_negations``): "I no like spicy food".
- A scope of a kind of thing before a request, with no comma (choice_fragments
  ``generic_scope_not``), and "not" with no comma before the other side (``bare_not_skip``).
"""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import preference


def claims(text: str) -> list[tuple[str, str, float]]:
    return [(s.key, s.value, s.polarity) for s in extracted(preference.NAME, text, "u1")]


def test_the_producer_is_v47() -> None:
    assert preference.NAME == "persona6.preference.v57"


@pytest.mark.parametrize(
    ("text", "chosen", "other"),
    [
        (
            "A good paper map is worth ten of those navigation apps to me.",
            "good paper map",
            "navigation apps",
        ),
        ("one decent chef's knife is worth a dozen gadgets", "decent chef's knife", "gadgets"),
        ("Renting makes more sense for us than buying at this stage", "renting", "buying"),
        ("postgres makes a lot more sense than mongo for our use case", "postgres", "mongo"),
        ("trains win over planes for anything under 500km", "trains", "planes"),
        ("Audiobooks win out over podcasts on my commute", "audiobooks", "podcasts"),
        ("Cast iron knocks spots off non-stick.", "cast iron", "non-stick"),
        (
            "Spreadsheets make more sense to me than these budgeting apps",
            "spreadsheets",
            "budgeting apps",
        ),
        ("Night trains are streets ahead of budget flights", "night trains", "budget flights"),
        ("Paper tickets trump e-tickets for festivals", "paper tickets", "e-tickets"),
    ],
)
def test_a_valuation_with_no_contrast_cue_chooses(text: str, chosen: str, other: str) -> None:
    found = claims(text)
    assert any(k == chosen and p > 0 for k, _, p in found), found
    assert any(k == other and p < 0 for k, _, p in found), found


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("You can't beat a roast on a Sunday", "roast"),
        ("Nothing comes close to a proper Neapolitan pizza", "proper neapolitan pizza"),
    ],
)
def test_nothing_wins_over_it(text: str, key: str) -> None:
    found = claims(text)
    assert any(k.startswith(key) and p > 0 for k, _, p in found), found


@pytest.mark.parametrize(
    "text",
    [
        "The house is worth more than we paid for it",
        "The ring is worth two thousand pounds",
        "Is this worth ten quid?",
        "Is the extended warranty worth it for a 300 pound TV?",
        "Which makes more sense, leasing or buying?",
        "My boss says spreadsheets make more sense than apps",
        "nothing beats me at chess, it's frustrating",
        "a snake . ohhh cnn just had trump on tv , he s so orange",
    ],
)
def test_no_valuation_of_a_price_a_clause_a_question_or_another(text: str) -> None:
    assert claims(text) == []


@pytest.mark.parametrize(
    ("text", "key", "sign"),
    [
        ("I've come round to oat milk in my coffee", "oat milk in my coffee", 1),
        ("i've come around to standing desks after all", "standing desks", 1),
        ("Jazz has really grown on me.", "jazz", 1),
        ("the new layout is growing on me", "new layout", 1),
        ("I've warmed to the idea of electric cars", "idea of electric cars", 1),
        ("I've taken a liking to green tea", "green tea", 1),
        ("Lately I've gotten really into fermenting vegetables", "fermenting vegetables", 1),
        ("I've fallen out of love with Instagram.", "instagram", -1),
        ("I'm over sourdough baking, too much faff", "sourdough baking", -1),
        ("honestly im so over group chats", "group chats", -1),
        ("Long runs aren't doing it for me anymore.", "long runs", -1),
        ("Crime novels just don't do it for me anymore", "crime novels", -1),
        ("I've lost interest in crypto", "crypto", -1),
        ("i've gone cold on marathon training", "marathon training", -1),
        ("We've grown tired of city breaks", "city breaks", -1),
        ("Podcasts have lost their appeal for me", "podcasts", -1),
    ],
)
def test_an_idiom_of_changing_taste_is_read(text: str, key: str, sign: int) -> None:
    found = claims(text)
    assert any(k == key and p * sign > 0 for k, _, p in found), found


@pytest.mark.parametrize(
    "text",
    [
        "My sister has gone off coffee completely.",
        "I came round to your place yesterday",
        "I'm over the moon with the results",
        "I'm over 60 and retired",
        "We're over budget already",
        "I'm not over the breakup yet",
        "i am all over social media , thumbing up posts like a boss !",
        "Mould has grown on the bathroom ceiling",
        "My wife has grown tired of the commute",
        "I've really grown fond of them",
    ],
)
def test_no_change_of_taste_in_these(text: str) -> None:
    assert claims(text) == []


def test_only_into_follows_adverbs_after_a_verb_of_becoming() -> None:
    # "so bored with" read as before (its degree kept); "too attached to" stays unread
    assert claims("i just get so bored with the homework") == [
        ("homework", "is so bored with homework", -1.0)
    ]
    assert claims("i got too attached to some of them .") == []


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("UK spelling please", "uk spelling"),
        ("24 hour times please", "24 hour times"),
        ("Sources with every answer please", "sources"),
        ("code blocks for any commands please", "code blocks"),
        ("Imperial units pls", "imperial units"),
        ("number the steps", "number the steps"),
        ("cite your sources", "cite your sources"),
        ("Label the axes please", "label the axes"),
    ],
)
def test_a_standing_request_as_a_noun_phrase_or_an_imperative(text: str, key: str) -> None:
    found = claims(text)
    assert any(k == key and p > 0 for k, _, p in found), found


@pytest.mark.parametrize(
    "text",
    [
        "the PDF please",
        "number these five steps for me",
        "Two large coffees please",
        "a table of these results please",
        "Table for two please",
        "Number the boxes before you pack them",
        "cite the source for that figure",
        "Three tickets please",
        "Directions to the station please",
    ],
)
def test_a_request_of_the_moment_is_no_standing_one(text: str) -> None:
    assert claims(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "I don't want my data leaked",
        "I don't want to miss the deadline",
        "I don't want my account hacked",
        "I'd hate for the tent to leak on the first night",
        "I really don't want to end up paying twice",
        "I don't want my photos deleted",
        "we don't want our booking cancelled",
        "I'd hate to get banned from the forum",
        "i dont want my card details stolen",
    ],
)
def test_a_feared_outcome_is_no_preference(text: str) -> None:
    assert claims(text) == []


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I don't want meetings before 10", "meetings before 10"),
        ("I'd hate to live in a big city", "live in a big city"),
        ("I don't want sugar in my tea", "sugar in my tea"),
        ("I don't want to fly with Ryanair", "fly with ryanair"),
    ],
)
def test_a_taste_against_stays(text: str, key: str) -> None:
    assert any(k == key and p < 0 for k, _, p in claims(text))


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I no like spicy food", "spicy food"),
        ("me not like horror films", "horror films"),
        ("i no want meetings in the morning", "meetings"),
        ("I no like the cold weather", "cold weather"),
    ],
)
def test_a_learner_negation_is_against(text: str, key: str) -> None:
    assert claims(text) == [(key, f"does not {text.split()[2]} {key}", -1.0)]


@pytest.mark.parametrize("text", ["My son no like vegetables", "why you no like my answer?"])
def test_a_learner_negation_of_another_is_not_the_speakers(text: str) -> None:
    assert claims(text) == []


@pytest.mark.parametrize(
    ("text", "chosen", "other"),
    [
        ("for code reviews pls just give me the diff not the whole file", "diff", "whole file"),
        ("for recipes please give me grams not cups", "grams", "cups"),
        ("for bank statements pls just send me the pdf not the paper copy", "pdf", "paper copy"),
    ],
)
def test_a_scope_and_not_without_commas(text: str, chosen: str, other: str) -> None:
    found = claims(text)
    assert any(k == chosen and p > 0 for k, _, p in found), found
    assert any(k == other and p < 0 for k, _, p in found), found


def test_a_scope_without_a_comma_before_an_imperative() -> None:
    assert claims("with maths questions please show the working") == [
        ("show the working", "asks to show the working", 1.0)
    ]
    assert claims("for the report pls show the working") == []
