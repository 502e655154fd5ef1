"""persona6.style.v10: asking where a claim comes from, pushback without a subject or on the
system, one person under two ids in a session, a greeting alone is no warmth."""

from __future__ import annotations

from typing import Any

import pytest
from helpers import built_from

from persona6.types import StoredEvent, format_ts
from tests.extract.test_style import T0, bot, event, said, style


def keys(text: str, *, after_answer: bool) -> set[str]:
    """The observed style keys of ``text``, said after the assistant's answer or after another
    person's message."""
    before = (
        bot(1, "The usual dose is 5 ml per seam of bees.")
        if after_answer
        else said(1, "I went to the market yesterday and came back with something.", "u2")
    )
    return set(style([before, said(2, text)])) & {
        "asks_for_sources",
        "challenges_answers",
        "warmth",
    }


@pytest.mark.parametrize(
    "text",
    [
        "Where does that figure come from? I would like to see the source first.",
        "could you tell me where that advice comes from, please",
        "Where is this rate from? DAT or something else?",
        "is that from a real source?",
        "Where does that number come from?",
        "Where exactly do these numbers come from?",
        "I'd like to know where those figures came from",
        "Where's the 2.35 from?",
        "where did you get that estimate?",
        "Where did you read that?",
        "Are these figures from a reliable source?",
        "Is that backed by research?",
        "Does that have a source?",
        "do these numbers have any references?",
        "How would you know that?",
        "How did you come up with that estimate?",
    ],
)
def test_asking_where_a_claim_comes_from_asks_for_sources(text: str) -> None:
    assert "asks_for_sources" in keys(text, after_answer=True)
    assert "asks_for_sources" in keys(text, after_answer=False)


@pytest.mark.parametrize(
    "text",
    [
        "Where did you find it?",
        "Where did you get this tree?",
        "where did you get them?",
        "Where did you see that?",
        "Where did you get your ideas for them?",
        "Where does your family come from?",
        "Where are you from?",
        "How do you know him?",
        "how do you know when the honey is ready?",
        "Do you have a specific source of inspiration for your stories?",
        "Does the house have a link to the garden?",
        "Is this from the new season?",
    ],
)
def test_asking_where_a_person_got_a_thing_is_no_asking_for_sources(text: str) -> None:
    assert "asks_for_sources" not in keys(text, after_answer=False)


def test_where_did_you_get_that_said_to_the_assistant_asks_for_sources() -> None:
    # The assistant has only its words to have got from somewhere.
    for text in ("Where did you get that?", "where do you find this from?"):
        assert "asks_for_sources" in keys(text, after_answer=True)
        assert "asks_for_sources" not in keys(text, after_answer=False)


@pytest.mark.parametrize(
    "text",
    [
        "Is not correct, last week we got 2.60 on same lane. Please to check again.",
        "Last Friday broker offered 2.45, is not correct.",
        "Not true, it was 3.1 last week.",
        "isn't right, the lane is shorter",
        "wrong, it was 3.1",
        "Wrong. The file for driver 31 is complete, I uploaded it Friday.",
        "Incorrect.",
        "your system is wrong",
        "Your numbers are way off.",
        "the total is incorrect",
        "that's not right",
        "You got it wrong, the invoice was paid.",
        "You made a mistake in the sum.",
        "DAT or you made it up?",
    ],
)
def test_pushback_without_a_subject_or_on_the_system_challenges(text: str) -> None:
    assert "challenges_answers" in keys(text, after_answer=True)


@pytest.mark.parametrize(
    "text",
    [
        "Not right now, thanks.",
        "Sure, it's not right that some kids have nothing.",
        "Wrong file uploaded, sorry about that.",
        "What went wrong?",
        "Something is wrong with my hive.",
        "Did I do it wrong?",
        "I was wrong, you're right.",
        "it is not right for me to decide",
        "The address on my account is wrong, can you change it?",
        "Not yet.",
    ],
)
def test_a_wrong_that_judges_no_answer_is_no_challenge(text: str) -> None:
    assert "challenges_answers" not in keys(text, after_answer=True)


def test_pushback_on_an_outcomes_text_challenges() -> None:
    session = [
        said(1, "Plan the three loads for tomorrow."),
        event(2, "action", "plan 3 loads", "u1", name="submit"),
        event(3, "outcome", "Route failed: HOS constraint violated for driver D-07", "u1"),
        said(4, "Driver 7 has reset at 6am, your system is wrong."),
    ]
    quotes = [e.quote for e in style(session)["challenges_answers"].evidence]
    assert quotes == ["Driver 7 has reset at 6am, your system is wrong."]
    # Without the product's words before it, the same sentence answers nothing.
    assert "challenges_answers" not in style([session[0], session[3]])


def test_a_greeting_alone_is_no_warmth() -> None:
    assert "warmth" not in style([said(1, "Good morning."), said(2, "Rate for Joliet to Dallas.")])
    assert "warmth" not in style([said(1, "Hello. We need a quote for our fleet.")])


def test_a_greeting_adds_no_weight_to_another_kind_of_warmth() -> None:
    signal = style([said(1, "Good morning."), said(2, "Thanks.")])["warmth"]
    assert signal.weight == 0.5
    assert style([said(1, "Thanks! 🙂")])["warmth"].weight == 1.0


@pytest.mark.parametrize(
    "text",
    [
        "Hi again, always nice to come back here",
        "Good to see you",
        "hope you're doing well",
        "Hello friend, picking up where we left off yesterday",
    ],
)
def test_gladness_and_a_shared_past_with_a_greeting_are_warmth(text: str) -> None:
    assert "warmth" in style([said(1, text)])


def actor_event(n: int, kind: str, text: str | None, **ids: Any) -> StoredEvent:
    """Event ``e<n>`` with the ids given (``user_id``, ``anonymous_id``)."""
    return StoredEvent.model_validate(
        {
            "event_id": f"e{n}",
            "ts": format_ts(T0.replace(second=n)),
            "session_id": "s1",
            "tenant": "default",
            "type": kind,
            "text": text,
            "role": "user" if kind == "message" else None,
            **ids,
        }
    )


def logged_in_halfway() -> list[StoredEvent]:
    return [
        actor_event(1, "message", "do you guys sell my data?", anonymous_id="anon-pp01"),
        bot(2, "We don't sell data; location is optional."),
        actor_event(3, "identify", None, anonymous_id="anon-pp01", user_id="u-priya"),
        actor_event(4, "message", "ok made an account, i have 2 hives", user_id="u-priya"),
    ]


def test_logging_in_halfway_is_no_answering_oneself() -> None:
    session = logged_in_halfway()
    assert "helps_others" not in style(session, "u-priya")
    # An event that carries both ids links them as well.
    ids = {"user_id": "u-priya", "anonymous_id": "anon-pp01"}
    both = [*session[:2], actor_event(4, "message", "ok made an account, i have 2 hives", **ids)]
    assert "helps_others" not in style(both, "u-priya")


def test_another_person_answering_still_helps_others() -> None:
    session = [
        *logged_in_halfway(),
        actor_event(5, "message", "how do i add a third hive?", user_id="u-priya"),
        actor_event(6, "message", "Open Hives and press Add hive.", user_id="u-sam"),
    ]
    assert "helps_others" not in style(session, "u-priya")
    assert [e.event_id for e in style(session, "u-sam")["helps_others"].evidence] == ["e6"]


def test_the_graph_of_a_person_who_logged_in_halfway_has_no_helping_others() -> None:
    p6 = built_from(logged_in_halfway())
    assert "helps_others" not in {t.key for t in p6.store.traits_of(p6.tenant, "u-priya")}
