"""brief.v11 (docs/context.md, review 8 BR1-BR4): the newer of two sides of one thing wins and
the older is not said; a limit stated with a condition is said with it, and a condition
constrains the indoor climate, a login, an appointment; the actions of a decision's sessions
weigh less than the task's own words; pronouns bear on nothing."""

from __future__ import annotations

import pytest

from persona6.context.brief import PRODUCER, _constraint, stated_limit
from persona6.context.relevance import words
from tests.context.test_brief_v10 import _bears, _brief, _said


def test_the_producer_is_v11():
    assert PRODUCER.startswith("persona6.brief.v1") and PRODUCER >= "persona6.brief.v11"


# -- BR1: the newer side of one thing wins -------------------------------------------------------

_PUSH_THEN_NOT = [
    "Text me, don't push.",
    "The hallway plug keeps dropping.",
    "I prefer push notifications.",
]


def test_an_older_aversion_the_person_reversed_is_not_said():
    """ "asks not to push" (first session) and "prefers push notifications" (last session)
    are two sides of one thing: the newer one is what they want now, and says what it
    replaces; the older one is not served as current."""
    text = _brief(
        _said(*_PUSH_THEN_NOT), "Notify them that the hallway plug went offline", 400
    ).text
    # The older side names its thing as the channel group does ("push notifications",
    # preference.v39); a weak newer side sits under "Also known" when a firmer trait bears
    # (brief.v13): it is said, with what it replaces, wherever it ranks.
    replaced = 'replaces earlier "asks not to push notifications"'
    assert replaced in text, text
    assert "asks not to push" not in text.replace(replaced, ""), text
    assert "prefers push notifications (preference, conf" in text, text


def test_the_other_order_keeps_the_aversion():
    """The neighbour: said the other way round, the aversion is the newer side."""
    sessions = _said(
        "I prefer push notifications.", "The hallway plug keeps dropping.", "Text me, don't push."
    )
    text = _brief(sessions, "Notify them that the hallway plug went offline", 400).text
    assert "asks not to push" in text
    assert "prefers push notifications (" not in text.replace('"prefers push notifications"', "")


def test_unrelated_likes_and_dislikes_both_stay():
    """An aversion to one thing and a liking for another are no change of mind."""
    sessions = _said(
        "I don't want email.", "The hallway plug keeps dropping.", "I prefer push notifications."
    )
    text = _brief(sessions, "Notify them that the hallway plug went offline", 400).text
    assert "does not want email" in text and "prefers push notifications" in text, text
    assert "replaces earlier" not in text


def test_what_an_ended_side_was_said_with_is_out_of_date_too():
    """ "against video" ends when they prefer video visits; "asks for in-person, not video",
    said in the message that was against video, is out of date with it."""
    sessions = _said(
        "I prefer in-person visits, not video.",
        "My therapy notes are private.",
        "In-person please, not video.",
        "I moved to Fremont last month.",
        "I prefer video visits now.",
    )
    text = _brief(sessions, "Book my follow-up appointment with Dr. Gomez", 400).text
    assert "prefers video visits" in _bears(text), text
    assert "asks for in-person, not video (" not in text, text


def test_a_contested_preference_says_so():
    """Their sessions went back and forth (three runs): the latest side, marked contested."""
    sessions = _said("I prefer dark mode.", "I don't want dark mode.", "I prefer dark mode again.")
    text = _brief(sessions, "Set up my editor theme", 400).text
    assert "prefers dark mode (preference, conf 0.54, contested)" in text, text


# -- BR3: a condition with a stated limit ----------------------------------------------------------

_COPD = _said(
    "My wife has COPD, so the house can't get above 80 in the afternoon.",
    "Our June bill came to $412, which seems absurd. The bill is my main worry.",
    "I've decided to switch to the time-of-use plan.",
    "I've decided against the battery quote.",
    "I work from home as a civil engineer, and I read the tariff.",
    "We have 9 kW of panels on the roof and two cars.",
)


@pytest.mark.parametrize("budget", [120, 400])
def test_a_lung_condition_and_its_limit_bear_on_a_cooling_schedule(budget):
    """ "Set up the summer cooling schedule" shares no word with "their wife has COPD": the
    condition constrains the indoor climate, and the limit they stated with it is quoted."""
    text = _brief(_COPD, "Set up the summer cooling schedule", budget).text
    assert (
        'their wife has copd: "the house can\'t get above 80 in the afternoon"'
        in _bears(text).lower()
    ), text


def test_a_lung_condition_does_not_bear_on_a_report():
    text = _brief(_COPD, "Export the monthly usage report as a PDF", 400).text
    assert "copd" not in _bears(text).lower()


def test_a_limit_that_names_what_the_task_is_about_bears_on_it():
    """ "has dog" names no condition; the limit said with it ("don't let the apartment go
    over 26") names the apartment the task sets."""
    sessions = _said(
        "Miso (my dog) is alone during the day, don't let the apartment go over 26.",
        "I work nights in the ICU.",
        "My sister keeps saying the Nest is better.",
    )
    text = _brief(sessions, "Set the apartment to 24 while I'm at work", 400).text
    assert 'has dog: "don\'t let the apartment go over 26"' in _bears(text), text


@pytest.mark.parametrize(
    ("text", "quote", "limit"),
    [
        (
            "My wife has COPD, so the house can't get above 80 in the afternoon, whatever it"
            " costs.",
            "My wife has COPD",
            "the house can't get above 80 in the afternoon",
        ),
        (
            "Keep it below 20 because of my asthma.",
            "asthma",
            "Keep it below 20 because of my asthma",
        ),
        (
            "I have a bad back, no more than 2 hours in the car.",
            "bad back",
            "no more than 2 hours in the car",
        ),
        # neighbours: the quote that holds the limit, a quote after it with no reason word, no
        # number, another sentence
        (
            "My wife has COPD, so the house can't get above 80 in the afternoon, whatever it"
            " costs.",
            "whatever it costs",
            "",
        ),
        ("Keep it below 20, I have a dog.", "dog", ""),
        ("My wife has COPD, so the house can't get too hot.", "My wife has COPD", ""),
        ("My wife has COPD. The house can't get above 80.", "My wife has COPD", ""),
        ("We have 9 kW of panels on the roof.", "panels", ""),
    ],
)
def test_a_stated_limit_is_read_in_the_sentence_of_its_quote(text, quote, limit):
    start = text.index(quote)
    assert stated_limit(text, start, start + len(quote)) == limit


# -- BR2: what bears on a login task ---------------------------------------------------------------

_MARGARET = _said(
    "My daughter set this up for me but I'm not very good with computers. I need my INR check.",
    "I need to refill my warfarin.",
    "Time for my INR again.",
    "I really have to watch the pennies.",
    "I would much rather someone telephone me than write in that portal inbox.",
    "Morning is better for me.",
)


def test_computer_skills_bear_on_a_portal_login():
    """ "is not good with computers" is how the login must be explained: it comes first,
    before what was said in passing ("has INR")."""
    text = _brief(_MARGARET, "Her portal login failed again; help her book an INR check", 400).text
    bears = _bears(text)
    assert bears.startswith("- is not good with computers"), text


def test_computer_skills_do_not_bear_on_a_refill():
    text = _brief(_MARGARET, "Refill her warfarin", 400).text
    assert "good with computers" not in _bears(text)


@pytest.mark.parametrize(
    ("statement", "sense"),
    [
        ("their wife has COPD", "breathing"),
        ("is not good with computers", "digital_skills"),
        ("can not hear properly", "sensory"),
        ("does not manage the stairs at the old building", "mobility"),
    ],
)
def test_v11_conditions_are_named_by_their_sense(statement, sense):
    terms, _ = _constraint(statement)
    assert {t.partition(":")[0] for t in terms} == {sense}


@pytest.mark.parametrize("statement", ["is good with computers", "can hear the neighbours"])
def test_skills_and_hearing_without_a_limit_are_no_condition(statement):
    assert _constraint(statement) == (frozenset(), frozenset())


# -- BR4: pronouns bear on nothing -------------------------------------------------------------


def test_pronouns_and_again_are_stop_words():
    assert words("her his him hers herself again") == []


def test_a_fact_sharing_only_her_does_not_bear_on_the_task():
    sessions = _said(
        "I'll drive her to the station.",
        "I teach high school.",
        "Three months supply, not monthly.",
    )  # "to the clinic" would bear by the clinic, a neighbour of a refill (care, brief.v13)
    text = _brief(sessions, "Refill her mother's warfarin", 400).text
    assert "drive her" not in _bears(text)


# -- the actions of a decision's sessions --------------------------------------------------------


def test_a_routine_action_is_no_context_of_a_decision():
    """``set_schedule`` is run in every session they act in: its words do not make the rate and
    battery decisions bear on a cooling schedule, and the preference that names the cooling
    comes first."""
    sessions = [
        [
            ("message", "", "I've decided to switch to the time-of-use plan."),
            ("action", "set_schedule", "precool 13:00"),
            ("action", "switch_rate_plan", "TOU-E"),
        ],
        [
            ("message", "", "No, I'm not going ahead with the battery quote."),
            ("action", "set_schedule", "precool 13:00"),
        ],
        [
            (
                "message",
                "",
                "I prefer to bank the cooling at midday instead of paying peak prices.",
            ),
            ("action", "set_schedule", "precool 13:00"),
        ],
    ]
    brief = _brief(sessions, "Set up the summer cooling schedule", 400)
    bears = _bears(brief.text)
    assert bears.startswith("- prefers to bank the cooling at midday"), brief.text
    assert "decided to switch" not in bears


def test_an_action_of_some_sessions_still_bears():
    """The neighbour: ``switch_rate_plan``, run in one session of three, is the context of the
    decision made in it (brief.v10)."""
    sessions = [
        [
            ("message", "", "I've decided to switch to the time-of-use plan."),
            ("action", "set_schedule", "precool 13:00"),
            ("action", "switch_rate_plan", "TOU-E"),
        ],
        [("message", "", "Our bill is high."), ("action", "set_schedule", "precool 13:00")],
        [("message", "", "Hello again."), ("action", "set_schedule", "precool 13:00")],
    ]
    brief = _brief(sessions, "Switch my rate plan", 400)
    assert "decided to switch to time-of-use plan" in _bears(brief.text), brief.text
