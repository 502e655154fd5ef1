"""persona6.concern.v15 (first-user review 7): a concern is a worry or requirement, not a word of
its topic in another use. Conforming to a rule of one's own organisation is compliance in any
words, a personal document kept, shared or deleted is privacy, a carrier's punctuality is
reliability, asking for a result to be verified is correctness; a cue on the option turned down,
in the speaker's work history, of the speaker's own slowness, of a result's performance or in a
bid for a human is none."""

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


def values(text: str) -> set[str]:
    return {signal.value for signal in say(text)}


def test_the_producer_is_v15() -> None:
    assert concern.NAME == "persona6.concern.v31"
    assert load_lexicon("concerns")["version"] == 31


# --- conforming to a rule of one's own organisation is compliance ---------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # review 7, Amara (travel bookings)
        (
            "Please make sure the fare is within our corporate travel policy; I must be able to "
            "justify it to finance.",
            "worried about compliance",
        ),
        (
            "Is this within the company's policy cap for hotels? I cannot submit anything "
            "non-compliant.",
            "worried about compliance",
        ),
        (
            "Please verify that the car hire category is permitted under our travel policy "
            "before booking.",
            "mentions compliance",
        ),
        # IT procurement
        ("Is this laptop within our company's procurement guidelines?", "worried about compliance"),
        (
            "We can only order software that complies with our internal security policy.",
            "mentions compliance",
        ),
        # expenses
        ("Would this expense be allowed under company policy?", "worried about compliance"),
        ("I need to justify every booking to procurement.", "mentions compliance"),
        # a rule's breach in a word
        ("Is this fare out of policy?", "worried about compliance"),
    ],
)
def test_conforming_to_ones_organisations_rule_is_compliance(text: str, value: str) -> None:
    assert values(text) == {value}


@pytest.mark.parametrize(
    "text",
    [
        # an insurance cover, a vendor's terms
        "Is water damage covered under our home insurance policy?",
        "Is this within your return policy?",
        "The airline's cancellation policy allows free changes.",
        # no rule
        "Per our conversation yesterday, let's go ahead.",
        # justified to a person
        "I'm not sure I can justify it to my partner.",
    ],
)
def test_a_vendors_policy_or_a_person_is_no_compliance(text: str) -> None:
    assert "compliance" not in keys(text)


# --- a personal document kept, shared or deleted is privacy ----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # review 7, Ines (travel bookings): a request to tell is no report
        "Hello again. Before I enter our passport numbers, could you tell me where that data is "
        "stored and who can see it?",
        "Hi. Do you keep a copy of my passport after booking? I would prefer you delete it once "
        "the ticket is issued.",
        # health
        "Does the clinic keep my medical records after I leave?",
        "Will my date of birth be shared with the insurer?",
        # banking
        "Is my social security number stored anywhere?",
        "Please delete my ID scan once the account is verified.",
        # shopping (review 6, Kenji)
        "Do not keep my card information after.",
    ],
)
def test_a_personal_document_kept_shared_or_deleted_is_privacy(text: str) -> None:
    assert keys(text) == {"privacy"}


@pytest.mark.parametrize(
    "text",
    [
        # the speaker's own keeping, a request for convenience, a need of the booking
        "I keep my passport in the hotel safe.",
        "Can you save my card details for next time?",
        "Do you need my passport number to book?",
        "I lost my passport in Rome.",
        # reported speech stays reported
        "She told me the price is too high.",
    ],
)
def test_a_personal_document_named_is_no_privacy(text: str) -> None:
    assert "privacy" not in keys(text)


# --- a cue on the option turned down is none -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # review 7, Ines
        "Refundable again, please, instead of the cheapest non-refundable one.",
        # SaaS plans
        "Rather than the cheapest plan, give me the one with support.",
        # hardware
        "The sturdy one rather than the cheap one, please.",
    ],
)
def test_a_cost_word_on_the_rejected_side_is_no_cost_concern(text: str) -> None:
    assert "cost" not in keys(text)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # the chosen side, a negated wish, a rejected act naming the worry
        ("I want the cheapest flight.", "cost"),
        ("Show me the budget options instead of the luxury ones.", "cost"),
        ("Not expensive, please.", "cost"),
        ("I'd rather pay more than risk downtime.", "reliability"),
        ("Not the fastest one, the most reliable.", "reliability"),
    ],
)
def test_the_chosen_side_keeps_its_concern(text: str, key: str) -> None:
    assert key in keys(text)


def test_the_rejected_side_loses_only_its_own_concern() -> None:
    assert keys("Not the fastest one, the most reliable.") == {"reliability"}


# --- performance is speed only of a thing that runs -----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # review 7, Lena (marketing analytics)
        "hiii 🌸 campaign performance for march pls 📈",
        "Q3 sales performance by region please.",
        # finance, sport, the stage
        "How did the fund's performance compare to the index?",
        "Does strength training have a positive impact on your basketball performance?",
        "My dance studio is putting on an awesome night of performances.",
    ],
)
def test_a_results_performance_is_no_speed(text: str) -> None:
    assert "speed" not in keys(text)


@pytest.mark.parametrize(
    "text",
    [
        # review 7, Bogdan
        "Performance is bad. How to make it quick?",
        "The app's performance on older phones is terrible.",
        "Query performance dropped after the migration.",
        "I'm working on the performance issue right now.",
    ],
)
def test_a_systems_performance_is_speed(text: str) -> None:
    assert keys(text) == {"speed"}


# --- the speaker's own slowness is none ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # review 7, Lena
        "sorry bit slow today, long run this morning 🏃‍♀️ training for the half marathon in may!!",
        "I was a bit slow to reply, sorry.",
        "I'm a slow reader.",
    ],
)
def test_the_speakers_own_slowness_is_no_speed(text: str) -> None:
    assert "speed" not in keys(text)


@pytest.mark.parametrize(
    "text", ["My laptop is slow again.", "sorry, the app is slow again", "Why is it so slow?"]
)
def test_a_things_slowness_stays_speed(text: str) -> None:
    assert keys(text) == {"speed"}


# --- a carrier's punctuality is reliability, not time pressure -------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # review 7, Hyejin (travel bookings)
        "Which one is more on time? I am afraid of the delay again.",
        "This airline is often delay? I worry because last time we wait 5 hours.",
        "Please choose the airline with good on-time record, delay is very stressful for us.",
        # commuting, parcels
        "Is the 7:40 train usually on time?",
        "My parcel is always delayed with this courier.",
    ],
)
def test_a_carriers_punctuality_is_reliability(text: str) -> None:
    assert keys(text) == {"reliability"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the person's own time
        ("I need to be there on time for the meeting.", {"time"}),
        ("I'm never on time for anything.", {"time"}),
        ("Can you finish it on time?", {"time"}),
        # an apology, one's own act
        ("Sorry for the delay, I was busy.", set()),
        ("We delayed the launch by a week.", set()),
    ],
)
def test_the_persons_own_time_is_no_reliability(text: str, expected: set[str]) -> None:
    assert keys(text) == expected


# --- asking for a human is the escalate reaction, no concern ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # review 7, Tom
        "I want to talk to someone from support. Now.",
        "Escalate this to a real person.",
        # review 6, Marisol (shopping)
        "Can I speak to a real person please?",
        # a conversation between friends
        "Thanks, Maria! It's been great to talk to someone who understands these issues.",
    ],
)
def test_asking_for_a_human_is_no_support_concern(text: str) -> None:
    assert "support" not in keys(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "I'm worried I won't be able to talk to a real person if the payment fails.",
            "worried about support",
        ),
        ("Is customer support available on weekends?", "worried about support"),
        ("Your customer service is terrible.", "complains about support"),
    ],
)
def test_a_worry_about_reaching_support_stays(text: str, value: str) -> None:
    assert values(text) == {value}


# --- a cue in the speaker's work history is a disclosure -------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # review 7, Marcus (SQL analytics)
        "Good morning. I trained as a CPA and spent ten years in audit, so I read numbers closely.",
        # design, law, security
        "I spent six years in cybersecurity before switching to design.",
        "My background is in compliance, so I read contracts closely.",
        "i have trained as a security guard also . do you like working nights ?",
    ],
)
def test_a_cue_in_ones_work_history_is_no_concern(text: str) -> None:
    assert say(text) == []


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I worry about security because I spent years in IT.", "security"),
        ("I'm working on the performance issue right now.", "speed"),
        ("I spent ten years in audit, so compliance matters to me.", "compliance"),
    ],
)
def test_a_worry_beside_a_work_history_stays(text: str, key: str) -> None:
    assert key in keys(text)


# --- asking for a result to be verified is correctness ---------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # review 7, Priyanka (SQL analytics)
        ("How do I know this is right? Show me the row counts.", "worried about correctness"),
        (
            "Please verify the numbers — cross-check with last month's report.",
            "mentions correctness",
        ),
        ("Are you sure? Reconcile it with the raw events table first.", "mentions correctness"),
        ("I need these to be exactly right; validate against the ledger.", "mentions correctness"),
        # accounting, forecasting
        ("Please double-check the totals against the invoice.", "mentions correctness"),
        ("How can I know that the forecast is correct?", "worried about correctness"),
    ],
)
def test_asking_for_a_result_to_be_verified_is_correctness(text: str, value: str) -> None:
    assert values(text) == {value}


@pytest.mark.parametrize(
    "text",
    [
        "Can you verify my email address?",
        "I want to reconcile with my sister.",
        "I want to be right about this.",
    ],
)
def test_verifying_an_account_or_making_up_is_no_correctness(text: str) -> None:
    assert "correctness" not in keys(text)


# --- a record asked for without a verb names its subject -------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # review 7, Bogdan (SQL analytics)
        "Query for refunds by week. Only the SQL.",
        # finance, operations
        "Breakdown of costs by team, please.",
        "Report on the latency per region.",
    ],
)
def test_a_record_asked_for_without_a_verb_is_no_concern(text: str) -> None:
    assert say(text) == []


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # a list of options chooses by the cue
        ("A list of the cheapest hotels please.", "cost"),
        # a complaint beside the record
        ("Chart of prices, they are way too high!", "cost"),
        ("Query is so slow.", "speed"),
    ],
)
def test_a_record_with_a_worry_or_a_choice_stays(text: str, key: str) -> None:
    assert key in keys(text)
