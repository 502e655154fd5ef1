"""persona6.preference.v29 (review 7b probe): a choice of two noun phrases joined by a contrast
(", not", "over", "rather than", "instead of", fronted or not) is for the first side and against
the other, for any thing; a standing choice said to change ("from now on", "going forward",
"switch me to", "no more X", "I used to want X, but ... Y") likewise, at full weight, so the
other side's earlier trait ends. A bare "Y, not X" answering the other speaker's question is an
answer; one-offs, questions, reports, hypotheticals and idioms stay nothing."""

from __future__ import annotations

import pytest
from helpers import bot, extracted, said, said_traits

from persona6.extract import EXTRACTORS, preference
from persona6.extract.text import load_lexicon


def read(text: str) -> dict[str, tuple[str, float, float]]:
    return {s.key: (s.value, s.polarity, s.weight) for s in extracted(preference.NAME, text, "u1")}


def test_the_producer_is_v29() -> None:
    assert preference.NAME == "persona6.preference.v57"
    assert load_lexicon("preferences")["version"] == 45


# A change of a standing choice: for the new side, against the old, at full weight.
@pytest.mark.parametrize(
    ("text", "chosen", "other"),
    [
        (
            "Going forward, weekly digests rather than daily ones.",
            "weekly digests",
            "daily digests",
        ),
        (
            "Switch me to the vegetarian menu from now on, no more meat dishes.",
            "vegetarian menu",
            "meat dishes",
        ),
        ("Grams rather than cups from now on, please.", "grams", "cups"),
        ("I used to want PDFs, but from now on send Word files instead.", "word files", "pdf"),
        (
            "From now on, aisle seats instead of window seats, please.",
            "aisle seats",
            "window seats",
        ),
        (
            "No more push notifications, email digests from now on.",
            "email digests",
            "push notifications",
        ),
        (
            "I used to want long explanations, but now short answers please.",
            "short answers",
            "long explanations",
        ),
        (
            "Switch me to paperless statements, no more paper ones.",
            "paperless statements",
            "paper statements",
        ),
        ("From today on, oat milk, not dairy.", "oat milk", "dairy"),
        ("Moving forward, hardcovers over paperbacks.", "hardcovers", "paperbacks"),
    ],
)
def test_a_change_of_standing_choice(text: str, chosen: str, other: str) -> None:
    found = read(text)
    assert {key: polarity for key, (_, polarity, _) in found.items()} == {chosen: 1.0, other: -1.0}
    assert found[other][0].startswith(f"against {other.split()[0]}")
    assert found[chosen][2] == 1.0


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Switch me to decaf from now on.", "decaf"),
        ("Going forward, switch us to the annual plan.", "annual plan"),
    ],
)
def test_a_switch_said_to_last_asks_for_the_thing(text: str, key: str) -> None:
    assert read(text) == {key: (f"asks for {key}", 1.0, 1.0)}


# A contrast of two noun phrases, for any thing.
@pytest.mark.parametrize(
    ("text", "chosen", "other"),
    [
        ("Metric units, not cups.", "metric units", "cups"),
        ("Audio notes, not long emails.", "audio notes", "long emails"),
        ("Paper forms over the online portal, every time.", "paper forms", "online portal"),
        ("Bullet points over paragraphs, always.", "bullet points", "paragraphs"),
        ("Instead of connecting flight, direct one please.", "direct flight", "connecting flight"),
        (
            "Instead of the video tutorials, written steps please.",
            "written steps",
            "video tutorials",
        ),
        ("CTEs please, not subqueries inside subqueries.", "ctes", "subqueries inside subqueries"),
        ("Use CTEs over nested selects.", "ctes", "nested selects"),
        ("The aisle, as ever. Not the middle.", "aisle seat", "middle seat"),
        ("Decaf please, not regular.", "decaf", "regular"),
        ("Brown rice over white rice, always.", "brown rice", "white rice"),
        ("Instead of the gym plan, yoga sessions please.", "yoga sessions", "gym plan"),
        ("Phone support rather than chat, please.", "phone support", "chat"),
        ("Give me summaries over full transcripts.", "summaries", "full transcripts"),
        ("Hardcover editions, not paperbacks.", "hardcover editions", "paperbacks"),
        ("Green tea instead of black tea, as usual.", "green tea", "black tea"),
        ("Window seat please. Not the aisle.", "window seat", "aisle seat"),
    ],
)
def test_a_contrast_of_two_noun_phrases(text: str, chosen: str, other: str) -> None:
    found = read(text)
    assert {key: polarity for key, (_, polarity, _) in found.items()} == {chosen: 1.0, other: -1.0}
    assert found[other][0].startswith(f"against {other.split()[0]}")


@pytest.mark.parametrize(
    "text",
    [
        "Just this once, tea instead of coffee please.",
        "Only for this order, oat milk instead of dairy.",
        "Tea instead of coffee, just this once.",
        "Only for this order, the small box rather than the large one.",
        "If I picked trains over planes, would it be cheaper?",
        "If I switched to evening classes, would I still get the discount?",
        "My boss wants charts, not tables.",
        "My sister says from now on she wants oat milk instead of dairy.",
        "Is it parquet over CSV for big files?",
        "Should I switch to the vegetarian menu from now on?",
        "From now on I'll be working from Denver.",
        "Going forward, the meeting is on Tuesdays.",
        "Switch me to the next page.",
        "Thanks, not now.",
        "Sorry, not today.",
        "Not bad, not great.",
        "Game over, not again.",
        "Over the weekend, lots of rain.",
        "A walk over the bridge.",
        "Rather than waiting, I booked a new flight.",
        "Instead of complaining, I fixed it myself.",
    ],
)
def test_one_offs_questions_reports_and_idioms_stay_nothing(text: str) -> None:
    assert read(text) == {}


def answered(question: str, answer: str) -> dict[str, float]:
    found = EXTRACTORS[preference.NAME].extract([bot(1, question), said(2, answer)])
    return {s.key: s.polarity for s in found}


def test_a_bare_choice_answering_a_question_is_an_answer() -> None:
    assert answered("Tea or coffee?", "Tea, not coffee.") == {}
    assert answered("Slack or email for this one?", "Slack, not email.") == {}
    # marked as standing, it is a preference even as an answer
    assert answered("Tea or coffee?", "Tea, not coffee, always.") == {"tea": 1.0, "coffee": -1.0}
    # said unasked, the bare choice stands
    assert read("Tea, not coffee.")["coffee"][1] == -1.0


def _preferences(messages: list[tuple[int, str]]) -> dict[str, tuple[str, str]]:
    """The preference traits after a build of ``messages`` (day, text), one session a day, by
    statement: (key, status); built by the shared ``said_traits``."""
    said = [(f"s{day}", f"2026-03-{day:02d}T10:00:00Z", text) for day, text in messages]
    return {t.statement: (t.key, t.status.value) for t in said_traits(said)}


def test_a_change_of_standing_choice_ends_the_earlier_one() -> None:
    traits = _preferences(
        [
            (1, "Cups please, as usual."),
            (3, "Cups please, as usual."),
            (9, "Grams rather than cups from now on, please."),
        ]
    )
    assert traits["asks for cups"] == ("cups", "superseded")
    assert traits["asks for grams rather than cups"] == ("grams", "active")
