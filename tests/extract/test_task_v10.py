"""persona6.task.v10: task words read in their sense.

A plan is a price plan only beside words of money, a request to fix something is debugging only
beside words of code or of a program's error, and a standard the speaker refuses to break ("I
won't merge untested code") is no task they do.
"""

from __future__ import annotations

from typing import Any

import pytest

from persona6 import Persona6
from persona6.extract import task
from persona6.extract.task import NAME, TaskExtractor
from tests.extract.test_style_v10 import actor_event


def kinds(text: str) -> set[str]:
    found = TaskExtractor().extract([actor_event(1, "message", text, user_id="u1")])
    return {s.key for s in found if not s.key.startswith("sequence:")}


def test_version() -> None:
    assert NAME == "persona6.task.v18"


@pytest.mark.parametrize(
    "text",
    [
        "My trainer told me to avoid overhead presses. Please leave them out of my plans.",
        "I'm vegetarian, so please don't suggest meat or fish in my meal plans.",
        "I'm wrapping up the business plan and looking for investors.",
        "Thanks, I just like helping people. Do you have any plans for the weekend?",
        "What are some healthy meal plans I can follow?",
    ],
)
def test_a_plan_without_words_of_money_is_no_price_plan(text: str) -> None:
    assert "purchasing_billing" not in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "I want to upgrade my plan.",
        "Which plan is cheaper?",
        "How much is my plan per month?",
        "My plan renews monthly and I was charged twice.",
        # the money in the sentence next to it
        "I'd like to change my plan. The annual one costs too much.",
        "Is the team plan $12 per seat?",
        # a plan named by what one pays for needs no more
        "How many lessons are in the free plan?",
        "i switch to premium plan yesterday",
        "My data plan ran out.",
    ],
)
def test_a_price_plan_is_still_purchasing(text: str) -> None:
    assert "purchasing_billing" in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "The sync failed again. My left knee is still sore from the old ACL injury so I need "
        "the run data to track load, please fix this.",
        "my twin brother works on cars , maybe he can fix it",
        "i use to be late to class trying to fix my black curly hair .",
        "Can you fix this?",
    ],
)
def test_a_request_to_fix_a_thing_that_is_no_code_is_no_debugging(text: str) -> None:
    assert "debugging" not in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "fix this, it throws a TypeError",
        "Please fix the function in utils.py",
        "The test fails. Fix it.",
        "The build is red again, can you fix it?",
        "Fix this: my script prints nothing.",
        # debugging by its own cues, as before
        "The app crashes with a NullPointerException.",
        # a thing that does not work is debugging beside a word of code (task.v12: "Why doesn't
        # the sync work?" asks about the product's service, test_task_v12)
        "Why doesn't my script work?",
    ],
)
def test_a_request_to_fix_code_is_still_debugging(text: str) -> None:
    assert "debugging" in kinds(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("That doesn't even compile. I won't merge untested code.", "version_control"),
        ("I won't merge untested code.", "building_coding"),
        ("I never merge code without a review.", "version_control"),
        ("We'd never deploy on a Friday.", "deployment"),
        ("I refuse to purchase clothing made from animal-derived fabrics.", "purchasing_billing"),
    ],
)
def test_a_standard_the_speaker_refuses_to_break_is_no_task(text: str, kind: str) -> None:
    assert kind not in kinds(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Please merge my branch into main.", "version_control"),
        ("I merged the feature branch into main and now the code is broken.", "version_control"),
        ("I can't push to the remote repo.", "version_control"),
        ("Why won't my code compile?", "building_coding"),
        ("That doesn't even compile.", "building_coding"),
        # a clause after a conjunction is a task again
        ("I won't merge until you fix the bug.", "debugging"),
        ("We won't release before the pipeline is green, so can you set up staging?", "deployment"),
    ],
)
def test_a_task_beside_a_refusal_is_still_a_task(text: str, kind: str) -> None:
    assert kind in kinds(text)


def test_asking_for_an_explanation_is_still_learning() -> None:
    text = "Could you explain why it behaves this way before changing anything?"
    assert kinds(text) == {"learning_howto"}


def test_a_sense_of_an_unknown_task_says_which_kinds_there_are(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = task.load_lexicon

    def lexicon(name: str) -> Any:
        data = dict(real(name))
        data["senses"] = [{"task": "billing", "cues": ["plan"], "context": ["price"]}]
        return data

    monkeypatch.setattr(task, "load_lexicon", lexicon)
    with pytest.raises(ValueError, match=r"task 'billing' is no task kind; use one of .*debugging"):
        task._senses()


def test_a_fitness_member_has_no_billing_nor_debugging_task() -> None:
    said = [
        "I'm vegetarian, so please don't suggest meat or fish in my meal plans.",
        "The sync failed again. My knee is still sore so I need the run data, please fix this.",
    ]
    p6 = Persona6(db=":memory:")
    events: list[dict[str, Any]] = []
    for n, text in enumerate(said):
        events += [
            {"event_id": f"u{n}", "ts": f"2026-09-0{n + 1}T06:00:00Z", "session_id": f"s{n}",
             "type": "message", "role": "user", "user_id": "mem-sam", "text": text},
            {"event_id": f"a{n}", "ts": f"2026-09-0{n + 1}T06:00:05Z", "session_id": f"s{n}",
             "type": "message", "role": "assistant", "text": "Noted."},
        ]  # fmt: skip
    p6.record(events)
    p6.build()
    tasks = {t.key for t in p6.store.traits_of(p6.tenant, "mem-sam") if str(t.kind) == "task"}
    assert not tasks & {"purchasing_billing", "debugging"}
    p6.close()
