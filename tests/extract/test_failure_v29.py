"""persona6.failure.v29: a third party the person pays or hires to do the job, or the job
outsourced, is a switch, not an escalation (``hire_verbs``, ``third_parties``,
``paid_amounts``): the job goes on without the product or its people, and giving up beside
it names the way (docs/behavior.md: the way named outranks giving up). The product's people
asked for, paying for the product, a hire negated or asked stay as they were."""

from __future__ import annotations

import pytest
from helpers import stored_event

from persona6.extract.failure import FailureExtractor


def test_the_producer_is_v29() -> None:
    assert FailureExtractor.name == "persona6.failure.v38"


def reaction(*texts: str) -> list[str]:
    events = [stored_event(i + 1, "message", t, "u1", role="user") for i, t in enumerate(texts)]
    return [s.value for s in FailureExtractor().extract(events)]


HIRED = [
    "I give up, I'm paying an agent to deal with the whole thing",  # was escalate
    "forget it, paying an accountant to file it",  # was abandon
    "im hiring a wedding planner to sort the bookings instead",
    "giving up, we'll pay a landscaper to draw it up",
    "I give up, hiring a lawyer to handle the application",
    "giving up and paying the venue coordinator to do the seating",
    "ok I'm outsourcing it to a local shop",
]


@pytest.mark.parametrize("text", HIRED)
def test_a_third_party_hired_is_a_switch(text: str) -> None:
    assert reaction("the tax return upload failed again", text) == ["switch"]


ESCALATIONS = [
    "can I talk to an agent please",
    "I need a human agent to look at this",
    "I'm paying for this service, I want someone from support to look at it",
    "can someone from your support team fix it, I'm not paying an agent",
    "I'm not paying an agent, put me through to support",
]


@pytest.mark.parametrize("text", ESCALATIONS)
def test_the_products_people_asked_for_stay_escalate(text: str) -> None:
    assert reaction("the upload failed again", text) == ["escalate"]


def test_giving_up_alone_stays_abandon() -> None:
    assert reaction("the upload failed again", "I give up") == ["abandon"]


def test_a_sum_paid_is_no_one_hired() -> None:
    assert reaction("the upload failed", "I'm paying the extra to get it done, whatever") == [
        "abandon"
    ]
