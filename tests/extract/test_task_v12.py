"""persona6.task.v12: words of code and of debugging need their software sense; pasted material
gives the speaker no task; a task kind has a readable label.

"build", "code", "function", "class", "library", a bug, a thing that fails or does not work, an
error one gets and "fix" are building software or debugging beside words of code only: "I fix
the postal code myself", "I want to build an emergency fund", "WHY DOES THIS ALWAYS FAIL" (a
card declined at a shop), "i am not working", "my dance class" are not (review 6, W8). A word
in a phrase of its other sense is none even beside words of code ("the promo code ... in the
app"). Words of a forwarded email or of any pasted text are not the speaker's (review 6, W3).
"""

from __future__ import annotations

from typing import Any

import pytest

from persona6 import Persona6
from persona6.extract import task
from persona6.extract.task import NAME, TaskExtractor
from tests.extract.test_style_v10 import actor_event


def signals_of(text: str) -> dict[str, Any]:
    event = actor_event(1, "message", text, user_id="u1")
    return {s.key: s for s in TaskExtractor().extract([event]) if not s.key.startswith("sequence:")}


def kinds(text: str) -> set[str]:
    return set(signals_of(text))


def test_version() -> None:
    assert NAME == "persona6.task.v18"


@pytest.mark.parametrize(
    "text",
    [
        # the review's shoppers and savers
        "Ah, my mistake. I fix the postal code myself, it is 153-0061.",
        "Hei! I want to build an emergency fund of three months of expenses before anything else.",
        "OK, I fix it myself, I write shorter building name.",
        # other codes: of a place, of a shop's offer, of conduct, of colours
        "What's the dress code for the wedding?",
        "the promo code doesn't work in the app",
        "I entered the discount code on the website but nothing happened.",
        "Yes. I color-code achievements so I can easily track my progress and stay motivated.",
        # builds of other things, even beside a program
        "I want to build up my savings with the app.",
        "I'm looking for a new workout that will help me build endurance.",
        "By sharing our stories, we can build a strong, supportive community of hope.",
        "i love to build houses .",
        # classes, libraries, functions of other kinds
        "that is great . i just joined a new dance class , that is my passion",
        "i work at the library . you ?",
        "i sleep 8 hours regularly , it helps me function .",
        # implementing a plan, compiling a list
        "Take the first ten minutes of the meeting to implement some quiet journaling.",
        "Can you compile a list of restaurants near the hotel?",
    ],
)
def test_a_word_of_code_in_another_sense_is_no_building_software(text: str) -> None:
    assert "building_coding" not in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ah, my mistake. I fix the postal code myself, it is 153-0061.",
        # a service of the product that fails: a complaint (the failure extractor's)
        "WHY DOES THIS ALWAYS FAIL",
        "Why doesn't the sync work?",
        "I keep getting an error at checkout.",
        "the promo code doesn't work in the app",
        # not working, bugs and exceptions of other kinds
        "i recently broke my arm so i am not working",
        "i try to be athletic and fast . does not work all the time",
        "no video game for me . my parents bug me about it .",
        "better now that the bug is gone and my bacon is done cooking",
        "ll , me too . but kale is an exception for me !",
        "It's a mix of excitement and terror, thinking about my work getting noticed.",
        # fixing a thing of the shop
        "Can you fix my payment method? The package went to the old address.",
    ],
)
def test_a_word_of_debugging_in_another_sense_is_no_debugging(text: str) -> None:
    assert "debugging" not in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "I want to build an app for my bakery.",
        "c++ recursive code for fibonacci series",
        "What does the following Python code do?",
        "Why won't my code compile?",
        "That doesn't even compile.",
        "explain this function line by line: def compute_gradient(X, y, w, b):",
        "Why does the function add_numbers return the sum of a and b?",
        "in typescript how do i throw a new error with an extra property, but without using a "
        "custom class?",
        "how to implement isEmpty method in the Statistic class?\n\nimport java.util.*;\n\n"
        "public class Statistic {\n    private int count;\n}",
        # code written out anywhere in the message gives the words their sense
        "same for this code:\n# Choose values between 0 and 6\nx0 = np.arange(0,6)\n\n"
        "x1 = 3 - x0\nfig,ax = plt.subplots(1,1,figsize=(5,4))",
        "Is there a good Python library for parsing dates?",
        "Please refactor this.",
        # the work named, not a kind of thing named by it
        "i have been programming , getting some practice in after class .",
        "i freelance mostly website coding and such .",
    ],
)
def test_code_in_its_sense_is_still_building_software(text: str) -> None:
    assert "building_coding" in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "What's the best way to learn a new programming language?",
        "A Hamming distance of 3 is given for a particular coding scheme.",
    ],
)
def test_a_kind_of_thing_named_by_programming_is_no_building_software(text: str) -> None:
    assert "building_coding" not in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "Why doesn't my script work?",
        "why does my script always fail on the second run?",
        "The function is not working, it returns None.",
        "I'm getting an error when I run the script.",
        "There's a bug in my parser function.",
        "It raises an exception in utils.py.",
        "I won't merge until you fix the bug.",
        "fix this, it throws a TypeError",
        "The build is red again, can you fix it?",
        "Please fix my code, the tests fail.",
        "The app crashes with a NullPointerException.",
        "I need to debug this stack trace",
    ],
)
def test_debugging_in_its_sense_is_still_debugging(text: str) -> None:
    assert "debugging" in kinds(text)


FORWARDED = (
    "Got this confirmation, is it right?\n\n----- Forwarded message -----\n"
    "From: orders@shop.example\nSubject: Your order #88213 is confirmed!\n\nHi Oona,\n"
    "Thanks for shopping with us! You prefer fast shipping? Upgrade to Express for $9.99.\n"
    "I am excited to tell you about our loyalty club: members always buy in bulk and save "
    "20%.\nItems: Terracotta planter x3  $54.00\nDon't want these emails? Unsubscribe.\n"
)


@pytest.mark.parametrize(
    "text",
    [
        FORWARDED,
        "> Your refund of $20 has been issued to your card.\nthanks, all good",
        "Translate to French: Your invoice is attached, payment is due in 30 days.",
    ],
)
def test_pasted_material_gives_the_speaker_no_task(text: str) -> None:
    assert "purchasing_billing" not in kinds(text)


def test_the_speakers_own_words_beside_pasted_material_still_count_and_cite_only_them() -> None:
    text = "I was charged twice for this order.\n\n" + FORWARDED.split("\n\n", 1)[1]
    found = signals_of(text)["purchasing_billing"]
    assert [e.quote for e in found.evidence] == ["I was charged twice for this order."]


@pytest.mark.parametrize(
    "text",
    [
        'Traceback (most recent call last):\n  File "app.py", line 3, in <module>\n'
        "ValueError: I prefer integers over strings here",
        'log from the pod fyi:\n2026-09-09T21:02:12Z level=error msg="lease expired"\n'
        "panic: runtime error: invalid memory address or nil pointer dereference\n"
        "goroutine 1 [running]:\n\t/app/server.go:88 +0x1f4",
    ],
)
def test_a_pasted_stack_trace_is_still_debugged(text: str) -> None:
    """Debugging's cues count inside pasted material (``pasted: true``): what a person pastes
    to debug is theirs to debug."""
    assert "debugging" in kinds(text)


def test_pasted_code_gives_the_speakers_words_their_sense() -> None:
    text = "Can you fix this?\n```\ndef total(items):\n    return sum(items) +\n```"
    assert "debugging" in kinds(text)


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("I was charged twice", "purchasing_billing", "purchases and billing"),
        ("Please refactor this.", "building_coding", "building software"),
        ("How do I reset a router?", "learning_howto", "learning how to do things"),
        ("I need to debug this stack trace", "debugging", "debugging"),  # no label: its name
        ("Write a SQL query that counts users per day", "data_analysis", "data_analysis"),
    ],
)
def test_a_task_signal_carries_its_kinds_label(text: str, key: str, value: str) -> None:
    assert signals_of(text)[key].value == value


def test_every_label_is_words() -> None:
    for kind in task.taxonomy():
        assert kind.label.strip() and (kind.label == kind.name or "_" not in kind.label)


def test_a_sense_may_name_phrases_of_its_other_sense(monkeypatch: pytest.MonkeyPatch) -> None:
    """``unless`` of a sense: a phrase of the cue's sentence that holds the cue."""
    real = task.load_lexicon

    def lexicon(name: str) -> Any:
        data = dict(real(name))
        data["senses"] = [
            {"task": "planning", "cues": [r"\bnap\b"], "context": [r"\btoday\b"],
             "unless": [r"\bcat nap\b"]},
        ]  # fmt: skip
        return data

    monkeypatch.setattr(task, "load_lexicon", lexicon)
    task._index.cache_clear()
    try:
        assert "planning" in kinds("Plan a nap for today")
        assert "planning" not in kinds("Just a cat nap today")
    finally:
        monkeypatch.undo()
        task._index.cache_clear()


def test_shoppers_and_savers_have_no_software_task() -> None:
    """The review's shopdesk and budgetbuddy tenants: a postal code fixed, an emergency fund
    built and a shout at a declined card gave "works on building coding" and "works on
    debugging"; a forwarded order confirmation was cited for a purchase."""
    said = [
        ("u-kenji", "Ah, my mistake. I fix the postal code myself, it is 153-0061."),
        ("u-ingrid", "Hei! I want to build an emergency fund of three months of expenses."),
        ("u-trevor", "WHY DOES THIS ALWAYS FAIL"),
        ("u-oona", FORWARDED),
        ("u-dev", "My script throws an error on start, can you fix it?"),
    ]
    p6 = Persona6(db=":memory:")
    events: list[dict[str, Any]] = []
    for n, (person, text) in enumerate(said):
        events += [
            {"event_id": f"u{n}", "ts": f"2026-09-0{n + 1}T06:00:00Z", "session_id": f"s{n}",
             "type": "message", "role": "user", "user_id": person, "text": text},
            {"event_id": f"a{n}", "ts": f"2026-09-0{n + 1}T06:00:05Z", "session_id": f"s{n}",
             "type": "message", "role": "assistant", "text": "Sure."},
        ]  # fmt: skip
    p6.record(events)
    p6.build()
    tasks = {
        (person, t.key)
        for person, _ in said
        for t in p6.store.traits_of(p6.tenant, person)
        if t.kind.value == "task" and not t.key.startswith("sequence:")
    }
    assert tasks == {("u-dev", "debugging"), ("u-dev", "automation_scripting")}
    p6.close()
