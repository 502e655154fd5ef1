"""persona6.concern.v24 (end-to-end probe 12): an outcome not wanted is feared, in the grammar of
aversion ("I don't want to", "I'd hate (for X) to", "the last thing I need is", "I'd rather not",
"God forbid", "I don't like the idea of"), and is the concern it would hurt, by the class of the
outcome: money lost or wasted is cost, a fine or a rule broken compliance, a thing stolen or
broken into security, a deadline missed time pressure, getting hurt safety. Said plainly each is
an event, no worry. A person's data kept in another country is privacy, asked or feared, and a
statement closed by a tag asks without its "?". Each rule is checked on sentences of several
domains, and on neighbours that must stay unchanged."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import concern
from persona6.extract.text import load_lexicon
from persona6.types import Signal, SignalKind


def say(text: str) -> list[Signal]:
    return extracted(concern.NAME, text)


def worries(text: str) -> dict[str, str]:
    return {s.key: s.value for s in say(text) if s.kind is SignalKind.CONCERN}


def test_the_producer_is_v24() -> None:
    assert concern.NAME == "persona6.concern.v31"
    assert load_lexicon("concerns")["version"] == 31


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # money lost, wasted or paid over the odds
        ("I really don't want to lose my deposit on the flat", "cost"),
        ("i'd hate to waste 200 bucks on a course that's useless", "cost"),
        ("I dont wanna throw money away on a lens I won't use", "cost"),
        ("Honestly I'd rather not lose the booking money if we cancel.", "cost"),
        ("im scared we end up paying way more than the quote", "cost"),
        ("they won't charge me twice will they", "cost"),
        # a sanction of the law or a rule
        ("I'd hate to get fined for parking there", "compliance"),
        ("i really dont want to get sued by the photographer", "compliance"),
        ("The last thing I need is a penalty from the tax office", "compliance"),
        ("what if the council fines us for the extension", "compliance"),
        ("we don't want to break any rules with the raffle", "compliance"),
        # a thing of the speaker's stolen or broken into
        ("last thing I need is my account hacked", "security"),
        ("I don't want anyone getting into my email", "security"),
        ("im afraid my card details get stolen if i pay here", "security"),
        ("Scared my identity gets stolen after that leak", "security"),
        # data lost
        ("i'd hate to lose three months of notes", "data_loss"),
        ("what if the update wipes my saved games", "data_loss"),
        # a deadline missed, harm
        ("I'd hate to be late with the visa paperwork", "time"),
        ("what if we miss the cutoff for the school application", "time"),
        ("I'd hate for the kids to get hurt on that trampoline", "safety"),
        ("what if the dog eats one of the berries and gets sick", "safety"),
    ],
)
def test_an_outcome_not_wanted_is_a_worry_of_its_class(text: str, key: str) -> None:
    assert worries(text).get(key, "").startswith("worried about")


@pytest.mark.parametrize(
    "text",
    [
        # an outcome said plainly is an event
        "I lost my deposit last year when I moved out",
        "he got a fine for speeding",
        "we missed the cutoff so we applied next year",
        "I got sick on the boat last summer",
        # an aversion to no outcome of a concern, or of another kind
        "I don't want to go to the party",
        "The last thing I need is another hobby",
        "I'd hate to miss your birthday party",
        "don't want to break my streak of early mornings",
        "I'd rather not lose touch with my old friends",
        "I don't want to waste your time",
        "I hate to think what my grandma would say",
        "I don't want to pay attention to the haters",
        "can you report me the numbers for last month",
        "I dread Mondays",
    ],
)
def test_plain_outcomes_and_other_aversions_are_none(text: str) -> None:
    assert worries(text) == {}


def test_an_aversion_frames_its_own_clause_only() -> None:
    # the allergy is the reason, not an outcome not wanted: a mention, as before
    text = (
        "Unfortunately, allergies make it so I don't really want to get any, and I'm too lazy "
        "to research alternative pets for my allergies."
    )
    assert worries(text) == {"safety": "mentions safety"}


@pytest.mark.parametrize(
    "text",
    [
        "is my data stored abroad?",
        "are the recordings kept outside the EU",
        "so my medical notes end up on a server overseas?",
        "I don't like the idea of my photos sitting on some server in another country",
    ],
)
def test_data_kept_in_another_country_is_privacy(text: str) -> None:
    assert "privacy" in worries(text)


@pytest.mark.parametrize(
    "text",
    [
        "our backups are kept offsite in Frankfurt",
        "my sister moved abroad last year",
        "I keep my photos on a hard drive",
    ],
)
def test_data_kept_at_home_or_people_abroad_are_none(text: str) -> None:
    assert "privacy" not in worries(text)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("i cant get sued for this can i", "compliance"),
        ("the fees are high, right", "cost"),
    ],
)
def test_a_tag_asks_without_its_question_mark(text: str, key: str) -> None:
    assert worries(text).get(key, "").startswith("worried about")


@pytest.mark.parametrize(
    "text",
    [
        "I paid the fee, so did we",
        "the fee is what it is",
        "they got sued last year",
    ],
)
def test_agreement_and_statements_ask_nothing(text: str) -> None:
    assert not any(v.startswith("worried") for v in worries(text).values())


@pytest.mark.parametrize(
    "text",
    [
        "How sure are you that this rope is ok for abseiling?",
        "how confident are you that the dose is right",
    ],
)
def test_how_sure_the_answerer_is_asked_is_correctness(text: str) -> None:
    assert "correctness" in worries(text)


def test_the_speakers_own_certainty_is_none() -> None:
    assert worries("I'm sure that he is fine") == {}


@pytest.mark.parametrize(
    "text",
    [
        "I'm wary of putting my kids' photos into the app",
        "not comfortable uploading my tax returns to a chatbot",
        "im a bit uneasy about typing my address into this site",
        "I'm hesitant to give my medical history to an AI tool",
        "reluctant to share our customer list with this platform tbh",
        "don't feel great about storing my passport scan in your cloud",
        "not comfortable uploading payslips and my ID card to a chatbot",
        "I'm wary of putting hive locations into the app",
    ],
)
def test_reluctance_to_hand_a_record_to_a_product_is_privacy(text: str) -> None:
    assert worries(text).get("privacy", "").startswith("worried about")


@pytest.mark.parametrize(
    "text",
    [
        "I'm wary of dogs since I got bitten",
        "not comfortable speaking in public",
        "I'm hesitant to start a new job right now",
        "uploading my photos to the app now",
        "I'm reluctant to leave my cat alone for a week",
    ],
)
def test_reluctance_to_other_things_and_a_plain_upload_are_none(text: str) -> None:
    assert worries(text) == {}
