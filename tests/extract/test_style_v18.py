"""persona6.style.v18 (end-to-end review 9, #10): a source in a domain's document is asked for as a
source is (the place in it a thing said is from, the source checked by the speaker, the
document's own words demanded, "where does it say otherwise?"); a contradiction that sets a
document's words against what it contradicts names its grounds (``challenges_citing_grounds``),
and "that's not what the policy says" disputes; a doubt then "show me the calculation"
challenges, the calculation asked for bare asks for its derivation; a "no" before the
speaker's own refusal or giving up disputes nothing. Each rule is checked on sentences of other
domains than the review's, and on neighbours that must stay unchanged."""

from __future__ import annotations

import pytest

from persona6.extract import style as style_module
from persona6.extract.text import load_lexicon
from tests.extract.test_style import bot, did, event, said, style


def test_the_producer_is_v18() -> None:
    assert style_module.NAME == "persona6.style.v27"
    assert load_lexicon("style")["version"] == 22


def _alone(*texts: str) -> dict:
    """A session where only the person speaks."""
    return style([said(n, text) for n, text in enumerate(texts, 1)])


def _after_answer(text: str, answer: str = "The deposit is two months' rent.") -> dict:
    return style([said(1, "How big is the deposit?"), bot(2, answer), said(3, text)])


# --- a source in a domain's document ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # the place in a document a thing said is from
        "Which page of the handbook is that rule on?",
        "which clause of the lease is this from?",
        "Which section of the manual is that torque value from?",
        "Where in the contract is this? I can't find it.",
        "where in the syllabus is that, which week?",
        # the source checked by the speaker
        "I'd like to read the original source before I cite it.",
        "Can you link it, so I can check the source?",
        "Give me the study name, I want to verify the source myself.",
        # the document's own words demanded
        "Quote me the exact wording of the warranty.",
        "show me the lease clause",
        "Please paste the contract wording here.",
        "send me the relevant clause",
        "Before we go on, quote the clause.",
        # where a document says otherwise
        "Where in the docs does it say otherwise?",
    ],
)
def test_a_source_in_a_domains_document_is_asked_for(text: str) -> None:
    assert "asks_for_sources" in _alone(text)


@pytest.mark.parametrize(
    "text",
    [
        "Which page is the export button on?",
        "which section is my seat in?",
        "Which slide is this? I lost my place.",
        "I read the source code and found the bug.",
        "I want to check the source of the leak under the sink.",
        "let me see the sources tab",
        "Give me the opening line for my speech.",
        "show me the line chart for March",
        "Quote the price for two nights, please.",
        "Draft a clause for the NDA about confidentiality.",
        "Where does it say the address?",
    ],
)
def test_a_thing_found_or_written_asks_for_no_source(text: str) -> None:
    assert "asks_for_sources" not in _alone(text)


# --- the grounds named, and "that's not what the policy says" ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "That's not right, the syllabus says the quiz closes Friday.",
        "Wrong. According to my lease the deposit is one month.",
        "This is wrong: clause 7 says the warranty runs two years.",
        "That's incorrect. The label clearly says two tablets a day.",
    ],
)
def test_a_contradiction_citing_a_document_challenges_with_no_answer_before(text: str) -> None:
    assert "challenges_answers" in _alone("Hi, about my case.", text)


@pytest.mark.parametrize(
    "session",
    [
        # a document quoted alone disputes nothing
        ["The syllabus says the quiz closes Friday."],
        ["According to my lease the deposit is one month, can you draft the letter?"],
        # a contradiction alone, nothing before it and no grounds: what is wrong is unknown
        ["That's wrong."],
    ],
)
def test_a_document_quoted_alone_or_a_bare_verdict_challenges_nothing(session: list) -> None:
    assert "challenges_answers" not in _alone(*session)


def test_among_several_people_the_grounds_count_only_after_the_answer() -> None:
    got = style(
        [
            said(1, "Shall we meet Friday?", actor="u2"),
            said(2, "That's wrong, the timetable says the room is booked.", actor="u1"),
        ]
    )
    assert "challenges_answers" not in got


@pytest.mark.parametrize(
    "text",
    [
        "That isn't what your own FAQ said.",
        "That's not what my doctor's letter says.",
        "that's not what the timetable shows",
    ],
)
def test_not_what_a_document_says_disputes_the_answer(text: str) -> None:
    assert "challenges_answers" in _after_answer(text)


@pytest.mark.parametrize(
    "text",
    ["That's what the manual says, thanks.", "That is exactly what the timetable shows."],
)
def test_agreeing_with_a_document_disputes_nothing(text: str) -> None:
    assert "challenges_answers" not in _after_answer(text)


# --- a doubt, then the calculation ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Are you sure about 14%? Show me the math.",
        "I don't think that's right. Give me the working.",
        "Are you certain the dose is 5 ml? Show me the calculation.",
    ],
)
def test_a_doubt_then_the_calculation_challenges_with_a_message_between(text: str) -> None:
    got = style(
        [
            said(1, "How much should she take?"),
            bot(2, "5 ml twice a day."),
            said(3, "She is 4."),
            said(4, text),
        ]
    )
    assert "challenges_answers" in got


@pytest.mark.parametrize("text", ["Show me the calculation.", "show me the math please"])
def test_the_calculation_asked_for_bare_asks_for_its_derivation(text: str) -> None:
    assert "asks_for_sources" in _after_answer(text, "Your monthly payment is 1,240.")


def test_the_calculation_of_a_topic_is_a_lesson() -> None:
    assert "asks_for_sources" not in _alone("show me the calculation for compound interest")


# --- a "no" before the speaker's own refusal --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "nope, not trying that again",
        "No, I'll pass.",
        "nah, forget it",
        "no, not bothering with it tonight",
    ],
)
def test_a_no_before_giving_up_after_a_failure_is_no_challenge(text: str) -> None:
    got = style(
        [
            did(1, "upload_file", "hw5.pdf"),
            event(2, "outcome", "Upload failed (server busy)", "u1", name="upload_failed"),
            said(3, text),
        ]
    )
    assert "challenges_answers" not in got


@pytest.mark.parametrize(
    "text",
    ["No, not according to the manual.", "no, not true", "Nope, that's wrong."],
)
def test_a_no_that_disputes_still_challenges(text: str) -> None:
    assert "challenges_answers" in _after_answer(text)
