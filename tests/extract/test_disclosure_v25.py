"""persona6.disclosure.v25 (first-user review 7, W5, M4, R3): what is no fact about the speaker,
and statements without chat debris.

- a word already in its "-s" form is never inflected again ("planses", "walkses"), and a
  dropped or shared "I" takes no "-s" form: such a word is a noun ("plans can change");
- a word with letters beyond ASCII keeps them ("has friend chlo" was "Chloé");
- a clause split at a quote in mid-phrase is joined again ('regular "me-time" walks');
- "my plan is:" frames a plan of the task; "must be able to" is a need, no ability;
  "I'm a <noun> after" a passing state; "make my eyes ..." an idiom; "row 32" a label;
  measures compared ("X vs Y") a query; "anything" names nothing; the speaker fixing the task
  at hand themselves ("... myself") is a reaction to a failure; "My mother she come" repeats
  the subject;
- leave with a time to come is a plan ("I'm off on maternity leave from next month");
- a statement ends at a chat filler, an emoji or a clause of reason; a move "there" names no
  place; a verb spelled alike in present and past with a manner adverb is a present habit.
"""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import disclosure


def claims(text: str) -> set[tuple[str, str]]:
    return {(s.key, s.value) for s in extracted(disclosure.NAME, text, "u1")}


def test_the_producer_is_v26() -> None:
    assert disclosure.NAME == "persona6.disclosure.v53"


@pytest.mark.parametrize(
    "text",
    [
        # a noun in "-s" where a dropped "I" would be
        "I booked the lodge; hikes can wait.",
        "I'd rather pay more than save on it; plans can change.",
        # a plan frame, a need, a passing state, an idiom of the body
        "Honestly my goal is: ship first, polish later.",
        "My job is: triage, then fixes.",
        "I have to be able to present it to the board.",
        "Please keep it cheap; I must be able to justify it to finance.",
        "no early meetings pls, i'm a mess before noon",
        "I'm a monster before coffee",
        "a chart please, tables make my eyes glaze over",
        # a label and its number, measures compared, an act on nothing named
        "Fine, I sit myself, row 12.",
        "hey 👋 weekly churn vs plan tier 📊",
        "paid search spend vs trials",
        "Before we cook anything, let me check the pantry.",
        # the task at hand fixed by the speaker themselves
        "I changed rooms by myself",
        "I cleaned the data myself by dropping the nulls.",
        "I'll add an index on user_id myself and rerun.",
        # a move to a place pointed at, not named
        "Lyon, Friday. Moving there next year with the kids.",
    ],
)
def test_no_fact_about_the_speaker(text: str) -> None:
    assert claims(text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # letters beyond ASCII stay part of their word
        ("My friend Zoë swears by it.", {("personal:friend zoë", "has friend zoë")}),
        # a noun in "-s" after a shared "I" is no verb
        ("So I can just enjoy my films and games", {("personal:films", "has films")}),
        ("I work at Nestlé.", {("work:work at nestlé", "works at nestlé")}),
        ("my café is busy", {("personal:café", "has café")}),
        # a clause split at a quote in mid-phrase is one clause again
        (
            'I took regular "me-time" walks',
            {("activities:took regular me-time walks", 'took regular "me-time" walks')},
        ),
        (
            'I run a "zero waste" shop in Leeds.',
            {("work:run a zero waste shop in leeds", 'runs a "zero waste" shop in leeds')},
        ),
        (
            'I teach "intro to python" on weekends',
            {("work:teach intro to python", "teaches intro to python on weekends")},
        ),
        # the repeated subject pronoun is left out, with what was copied after it
        ("My father he work in a factory.", {("family:father", "has father")}),
        # leave with a time to come
        (
            "I'm off on maternity leave from next month.",
            {("plans:maternity leave", "will go on maternity leave from next month")},
        ),
        (
            "I'm going on paternity leave in March.",
            {("plans:paternity leave", "will go on paternity leave in march")},
        ),
        # a statement ends at a filler, an emoji, a clause of reason
        (
            "i live in porto btw, studying law ⚖️ so always from OPO",
            {("home:porto", "lives in porto"), ("education:studying law", "is studying law")},
        ),
        ("i work in berlin tbh", {("work:work in berlin", "works in berlin")}),
        (
            "I'm starting a bakery 'cause I love bread",
            {("activities:starting a bakery", "is starting a bakery")},
        ),
        (
            "i usually comes up with different styles",
            {("habits:comes up with different styles", "comes up with different styles")},
        ),
        # a verb spelled alike in present and past, with a manner adverb: a present habit
        (
            "I spent years in sales, so I read contracts carefully.",
            {
                ("activities:spent years in sales", "spent years in sales"),
                ("habits:read contracts carefully", "reads contracts carefully"),
            },
        ),
    ],
)
def test_the_statement_as_said(text: str, expected: set[tuple[str, str]]) -> None:
    assert claims(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # neighbours that stay as they were
        ("I'm a night owl", {("identity:night owl", "is a night owl")}),
        (
            "My colleague Zoë is a nurse.",
            {("work:colleague zoë is a nurse", "their colleague zoë is a nurse")},
        ),
        ("I'm a nurse after all", {("work:nurse after all", "is a nurse after all")}),
        ("I can swim", {("skills:swim", "can swim")}),
        ("i can cook anything", {("skills:cook anything", "can cook anything")}),
        ("my eyes are blue", {("appearance:eyes are blue", "their eyes are blue")}),
        ("My mother says she will visit", {("family:mother", "has mother")}),
        (
            "my plan is to move to Spain next year",
            {("plans:move to spain next year", "wants to move to spain next year")},
        ),
        ("I moved to Lisbon myself", {("home:lisbon", "moved to lisbon")}),
        (
            "I fix bikes myself every weekend",
            {("habits:fix bikes", "fixes bikes myself every weekend")},
        ),
        ("Ran 5 miles", {("activities:ran 5 miles", "ran 5 miles")}),
        ("Just turned 30.", {("activities:turned 30", "turned 30")}),
        (
            "I read a great book last week",
            {("activities:read a great book", "read a great book last week")},
        ),
        ("I live in Leeds because of work", {("home:leeds", "lives in leeds")}),
        (
            'I just watched "Little Women" and it was amazing!',
            {("activities:watched little women", "watched little women")},
        ),
        ("but I moved here from Ohio.", {("home:here from ohio", "moved here from ohio")}),
        ("I was on sick leave last month", set()),
        ("spreadsheets make my head spin", set()),
    ],
)
def test_neighbours_stay(text: str, expected: set[tuple[str, str]]) -> None:
    assert claims(text) == expected
