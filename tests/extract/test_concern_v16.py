"""persona6.concern.v16 (review 7b's fresh-wording probe): a concern's class is told by its
shape in any domain. A service failing said with worry, repetition or distrust is reliability;
a verb of conforming before a rule an organisation or a regulator owns, or such a rule binding,
is compliance; a record of one's health, studies or pay shown to others is privacy. A failure
of one's own or of a person one knows, a bidding, a case imagined, a rule named as a task's
topic and the product's own terms are none."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import concern
from persona6.extract.text import load_lexicon
from persona6.types import Signal


def say(text: str) -> list[Signal]:
    return extracted(concern.NAME, text)


def keys(text: str) -> set[str]:
    return {signal.key for signal in say(text)}


def test_the_producer_is_v16() -> None:
    assert concern.NAME == "persona6.concern.v31"
    assert load_lexicon("concerns")["version"] == 31


# --- a service failing, said with worry, repetition or distrust, is reliability --------------


@pytest.mark.parametrize(
    "text",
    [
        # review 7b's probe (meal kits, university, insurance)
        "This courier is always late with deliveries, I'm worried the ingredients won't arrive "
        "in time.",
        "The shuttle bus never runs on schedule, I keep missing the first lecture.",
        "I'm nervous the adjuster will postpone the inspection again.",
        "The delivery slots keep getting cancelled at the last minute and it worries me.",
        "I'm afraid the exam server will go down again during the test.",
        "Your app lost my saved recipes twice already; can I trust it?",
        # other domains
        "The pharmacy keeps losing my prescription refills and I'm fed up.",
        "My gym class got cancelled again, third week in a row.",
        "I'm worried the caterer will be late again for the wedding.",
        "The payroll portal went down again right before payday.",
        "Every time I book with them the plumber shows up late.",
        "The library website never works when I need to renew my books.",
        "Is the tutoring platform going to drop my booking again?",
        "I'm scared the moving company will postpone us again.",
        "The cloud drive deleted my scanned receipts twice this month, how can I rely on it?",
        "Our internet keeps disconnecting during video calls.",
        "The vet clinic rescheduled my dog's appointment again without telling me.",
    ],
)
def test_a_service_failing_with_worry_or_repetition_is_reliability(text: str) -> None:
    # concern.v23: the data a service lost is data loss as well (probe 11 cn04)
    lost = ("lost my saved recipes", "deleted my scanned receipts")
    assert keys(text) == {"reliability"} | (
        {"data_loss"} if any(w in text for w in lost) else set()
    )


@pytest.mark.parametrize(
    "text",
    [
        # said once and plainly: an event, the failure extractor's
        "The flight was cancelled.",
        "Was the 9:15 ferry cancelled?",
        "When does the courier usually arrive?",
        # the speaker's own doing, or a person's
        "I was late again this morning, sorry.",
        "I'm afraid I'll be late again.",
        "I keep losing my keys.",
        "I lost my wallet again.",
        "We had to postpone the trip again because of the kids.",
        "My sister is always late to dinner.",
        # a bidding, a report, a story asked for
        "Can you cancel my booking again? I changed my mind.",
        "Cancel the order again, please.",
        "Please reschedule the meeting again to Friday.",
        "My teacher said the bus is always late.",
        # a case imagined
        "Suppose the flight were cancelled, would I get a refund?",
        "Imagine the server went down during the exam, what would happen?",
        "Suppose I crashed a rental car abroad, would this cover it?",
    ],
)
def test_an_event_ones_own_doing_a_bidding_or_a_case_imagined_is_no_reliability(
    text: str,
) -> None:
    assert keys(text) == set()


def test_a_service_arriving_in_time_is_no_time_pressure() -> None:
    text = "This courier is always late, I'm worried the ingredients won't arrive in time."
    assert keys(text) == {"reliability"}
    # the person's own arrival stays their hurry
    assert keys("I'm worried we won't arrive in time for the ceremony.") == {"time"}


# --- a rule of an organisation or a regulator conformed to is compliance ---------------------


@pytest.mark.parametrize(
    "text",
    [
        # review 7b's probe
        "Check that the menu meets the school's nutrition guidelines before I publish it.",
        "I need the claim to conform to our underwriting standards.",
        "Our HR policy forbids sharing salary data, so keep that out of the report.",
        "The claim has to follow the regulator's guidelines or it will be thrown out.",
        # other domains
        "Does this ad copy comply with the state's advertising rules?",
        "Make sure the lesson plan meets the district's curriculum standards.",
        "Our bank's code of conduct forbids accepting gifts over 50 euros.",
        "I must follow the hospital's hygiene guidelines when I prepare the trays.",
        "Will this renovation breach the council's building regulations?",
        "The invoice has to conform to our procurement requirements.",
        "Is it allowed under the university's research ethics rules to record interviews?",
        "The company policy doesn't allow personal use of the fuel card.",
        "Please check that the label follows the food agency's labelling regulations.",
        "Please make sure every dish meets the health department's standards.",
    ],
)
def test_conforming_to_an_organisations_or_regulators_rule_is_compliance(text: str) -> None:
    assert keys(text) == {"compliance"}


@pytest.mark.parametrize(
    "text",
    [
        # a rule named as a task's topic
        "Write a summary of the new rules.",
        "Explain the school's grading policy to me.",
        "I read the university's new guidelines yesterday, they're long.",
        # the product's own terms, a vendor's, a game's, a recipe's
        "Please follow your community guidelines when you moderate.",
        "Can I return it within your return policy?",
        "Does my bag meet the airline's baggage rules?",
        "The game's rules forbid trading cards after round three.",
        "Follow the recipe exactly.",
        # a person's rules, a standard of quality or of values (PrefEval's texts)
        "Remind them to follow their doctor's guidelines.",
        "Every dish meets our high standards.",
        "Find brands that meet the user's ethical standards.",
        # a report, a case imagined
        "My boss said our policy forbids it.",
        "Suppose the rules changed, what would we do?",
    ],
)
def test_a_rule_named_a_vendors_terms_or_a_report_is_no_compliance(text: str) -> None:
    assert keys(text) == set()


# --- a record of one's health, studies or pay shown to others is privacy ---------------------


@pytest.mark.parametrize(
    "text",
    [
        # review 7b's probe
        "Who at your company can see the medical records I uploaded with the claim?",
        "Can other students see my grades on this dashboard?",
        "Please don't share my diagnosis with the insurer's marketing team.",
        # other domains
        "Who at the clinic can read my therapy notes?",
        "Can other parents see my son's test scores in the class app?",
        "Please don't share my salary with the rest of the team.",
        "I don't want my diagnosis shown to my employer.",
        "Who in your support team can view my tax documents?",
        "Don't forward my lab results to anyone but my doctor.",
        "Can other tenants see my payment history on the portal?",
        "Don't show my grades to the other students.",
    ],
)
def test_a_personal_record_shown_to_others_is_privacy(text: str) -> None:
    assert keys(text) == {"privacy"}


@pytest.mark.parametrize(
    "text",
    [
        "Send my essay to the teacher.",
        "My grades improved this term.",
        "Share the grades spreadsheet with the teaching assistant.",
        "Can other students join the study group?",
        "Who at your company can help me with the claim?",
        "I told my manager my salary expectations.",
    ],
)
def test_a_record_sent_as_work_or_a_person_asked_about_is_no_privacy(text: str) -> None:
    assert keys(text) == set()
