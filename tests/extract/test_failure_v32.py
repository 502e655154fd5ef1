"""persona6.failure.v32: an interjection of annoyance complains only alone
(``complain_interjections``): beside an act the message names it is that act's mood ("ugh.
paying someone to do it" is switch). A third party fetched to do the job (``fetch_verbs``,
``job_verbs``: "I'll get a mechanic to do it", "having the venue coordinator do it") is a
switch as a hire is; the product's people stay an escalation."""

from __future__ import annotations

import pytest
from helpers import stored_event

from persona6.extract.failure import FailureExtractor


def test_the_producer_is_v32() -> None:
    assert FailureExtractor.name == "persona6.failure.v38"


def reaction(*texts: str) -> list[str]:
    events = [stored_event(i + 1, "message", t, "u1", role="user") for i, t in enumerate(texts)]
    return [str(s.value) for s in FailureExtractor().extract(events)]


SWITCHES = [
    ("the tax app keeps crashing when i upload my receipts", "ugh. paying someone to do it"),
    ("the car diagnostic app froze again", "I'll get a mechanic to do it"),
    ("the seating tool crashed", "fine. having the venue coordinator do it"),
    ("the knitting pattern app won't load", "argh. asking my aunt to do it for me"),
    ("the bike fitting app keeps freezing", "ugh. paying the shop to do it"),
    ("the aquarium controller app crashed again", "sigh, i'll just have the fish store guy do it"),
    ("the watering app crashed again", "ugh, I'll ask the gardener to handle it"),
    ("the car app froze again", "smh. letting the garage sort it"),
]


@pytest.mark.parametrize(("failure", "react"), SWITCHES)
def test_the_act_named_outranks_the_interjection(failure: str, react: str) -> None:
    assert reaction(failure, react) == ["switch"]


OTHERS = [
    ("the tax app keeps crashing", "I'll get someone from your team to look at it", "escalate"),
    ("the app froze again", "get someone from support to fix this", "escalate"),
    ("the app crashed again", "ugh can you get someone from your team to look", "escalate"),
    ("the app froze again", "ugh. forget it", "abandon"),
    ("the app crashed again", "ugh", "complain"),
    ("the app crashed again", "ffs not again", "complain"),
    ("the app crashed again", "argh. restarted it and it went through", "self_fix"),
]


@pytest.mark.parametrize(("failure", "react", "label"), OTHERS)
def test_the_product_s_people_escalate_an_interjection_alone_complains(
    failure: str, react: str, label: str
) -> None:
    assert reaction(failure, react) == [label]
