"""brief.v14 (docs/context.md, review 9 #16): what coursework is made of is a learning task's
vocabulary; a task word that says only what the agent is to do ("book", "check") weighs less than
one that says what the task is about ("INR"); a recurring open topic (concern.v22) is known, and
bears on a task that names it."""

from __future__ import annotations

import pytest

from persona6.context.brief import PRODUCER
from persona6.context.relevance import expand
from persona6.types import SignalKind
from tests.context.test_brief_v10 import _bears, _brief, _said
from tests.context.test_brief_v13 import _MARGARET, _with_trait


def test_the_producer_is_v14():
    assert PRODUCER.startswith("persona6.brief.v1") and PRODUCER >= "persona6.brief.v14"


# -- a learning task's vocabulary -----------------------------------------------------------------

_VIDEOS = (SignalKind.PREFERENCE, "videos", "rates highly: videos", 1.0, 0.30, "on")
_SHIFT = (SignalKind.DISCLOSURE, "work:shift", "got a shift till 11", 1.0, 0.65, "on")


@pytest.mark.parametrize(
    "task",
    [
        "Help him prepare for the midterm on hypothesis testing",
        "Go over the quiz answers with him",
        "Help with chapter 3 of the textbook",
    ],
)
def test_a_way_of_learning_bears_on_coursework(task):
    """Jamal's "rates highly: videos" (0.30) was "Also known" for midterm prep: the midterm, a
    quiz, a textbook chapter are coursework, and a video is how he learns it (learning)."""
    text = _with_trait(_MARGARET, [_VIDEOS, _SHIFT], task).text
    assert "rates highly: videos (preference" in _bears(text), text
    assert "shift" not in _bears(text), text


@pytest.mark.parametrize(
    "task", ["Fix the failing unit test in the payment module", "Send her the final invoice"]
)
def test_a_way_of_learning_does_not_bear_on_a_software_test_or_an_invoice(task):
    """The neighbours: "test" and "final" are no coursework."""
    text = _with_trait(_MARGARET, [_VIDEOS], task).text
    assert "videos" not in _bears(text), text


# -- a task's verb says less than its subject ---------------------------------------------------


def test_a_task_verb_weighs_less_than_what_the_task_is_about():
    weights = expand("help her book an INR check")
    assert weights["inr"] == 1.0
    assert weights["book"] < 1.0 and weights["check"] < 1.0
    assert expand("check the tarp")["tarp"] == 1.0  # the thing checked weighs in full


_HEARING = (SignalKind.DISCLOSURE, "abilities:hearing", "can not hear properly", 1.0, 0.65, "on")
_COMPUTERS = (
    SignalKind.DISCLOSURE,
    "skills:computers",
    "is not good with computers",
    1.0,
    0.65,
    "on",
)
_WARFARIN = (SignalKind.DISCLOSURE, "health:warfarin", "takes warfarin", 1.0, 0.52, "warfarin")
_CHECKS = (
    SignalKind.DISCLOSURE,
    "family:daughter",
    "their daughter Sofia checks on them",
    1.0,
    0.65,
    "on",
)


def test_the_drug_for_the_check_comes_before_a_word_of_booking():
    """Margaret's "help her book an INR check": "takes warfarin" (care, by "INR") was last of
    the lines bearing on it while "can not hear properly" (appointments, by "book") was among
    the two conditions said first, and "their daughter Sofia checks on them" led by "check"."""
    text = _with_trait(
        _MARGARET,
        [_HEARING, _CHECKS],  # and "takes warfarin", "is not good with computers"
        "Her portal login failed again; help her book an INR check",
    ).text
    bears = _bears(text)
    first = {line.partition(" (")[0] for line in bears.splitlines()[:2]}
    assert first == {"- is not good with computers", "- takes warfarin"}, text
    assert bears.index("takes warfarin") < bears.index("Sofia checks"), text
    assert "can not hear properly" in bears, text  # still bears on booking, after


def test_a_hearing_loss_still_comes_first_for_an_appointment():
    """The neighbour: the appointment is what the task is about, and hearing bears on it."""
    text = _with_trait(
        _MARGARET, [_HEARING, _CHECKS], "Book her appointment with the audiologist"
    ).text
    assert _bears(text).startswith("- can not hear properly"), text


def test_a_verb_of_the_task_still_bears_alone():
    """The neighbour: a trait that shares only the task's verb with it still bears on it when
    nothing else does (the verb weighs less, it is not dropped)."""
    text = _with_trait(_MARGARET, [_CHECKS], "Check in on her").text
    assert "Sofia checks on them (fact" in _bears(text), text


# -- open topics ----------------------------------------------------------------------------------

_TARP = _said(
    "Another storm is forecast for Thursday and I'm worried the tarp won't hold.",
    "I have two dogs.",
    "The wind picked up again and I'm worried the tarp won't hold overnight.",
    "I prefer email over phone calls.",
)


@pytest.mark.parametrize(
    "task", ["Check the tarp on the roof before the storm", "Replace the tarp"]
)
def test_a_recurring_topic_bears_on_a_task_that_names_it(task):
    """A worry no concern names, said in two sessions ("worried the tarp won't hold"), is a
    topic trait (concern.v22): the brief said nothing of it."""
    text = _brief(_TARP, task, 400).text
    assert "worried that the tarp won't hold overnight (topic, conf" in _bears(text), text


def test_a_recurring_topic_is_known_for_another_task():
    text = _brief(_TARP, "Recommend a podcast for the commute", 400).text
    assert "tarp" not in _bears(text), text
    also = text.partition("## Also known\n")[2].partition("## ")[0]
    assert "worried that the tarp won't hold overnight (topic" in also, text


def test_a_topic_said_once_is_no_trait():
    """The neighbour: said in one session, the worry is no trait, and the brief says nothing."""
    text = _brief(_TARP[:2], "Check the tarp on the roof before the storm", 400).text
    assert "tarp" not in text, text


# -- a visit to the home is an appointment ------------------------------------------------------

_BAD_BACK = (SignalKind.DISCLOSURE, "health:back", "has a bad back", 1.0, 0.65, "on")
_SATURDAY = (SignalKind.PREFERENCE, "saturday", "prefers Saturday", 1.0, 0.6, "on")


@pytest.mark.parametrize(
    "task", ["Arrange the reinspection of the kitchen", "Schedule the roof inspection"]
)
def test_a_condition_bears_on_an_inspection_at_home(task):
    """Walt's "has a bad back" (he will not crawl under the sink) was "Also known" for
    "arrange the reinspection": an inspection is a visit, an appointment (mobility)."""
    text = _with_trait(_MARGARET, [_BAD_BACK], task).text
    assert "has a bad back (fact" in _bears(text), text


def test_a_day_bears_on_an_inspection():
    text = _with_trait(_MARGARET, [_SATURDAY], "Schedule the roof inspection").text
    assert "prefers Saturday (preference" in _bears(text), text


def test_a_condition_does_not_bear_on_explaining_a_decision():
    """The neighbour: explaining an appraisal involves no visit."""
    text = _with_trait(_MARGARET, [_BAD_BACK], "Explain the appraisal decision").text
    assert "bad back" not in _bears(text), text
