"""persona6.task.v11: a task kind needs its sense, not one word that has several.

Words of buying or of access with another sense count only beside a word that confirms theirs
("does that order make sense?", "every upgrade breaks something", "access to education"); a
word that names a system or its data is no task ("losing invoice data", "the login latency"); a
form of text the speaker declines for the answer is no writing task ("skip the essay"); words
someone else says are no task of the speaker ("my husband says we should pay for Google
Photos"); and an "upgrade" action of a software version buys nothing.
"""

from __future__ import annotations

from typing import Any

import pytest

from persona6 import Persona6
from persona6.extract import task
from persona6.extract.task import NAME, TaskExtractor
from persona6.types import StoredEvent
from tests.extract.test_style_v10 import actor_event


def kinds_of(events: list[StoredEvent]) -> set[str]:
    found = TaskExtractor().extract(events)
    return {s.key for s in found if not s.key.startswith("sequence:")}


def kinds(text: str) -> set[str]:
    return kinds_of([actor_event(1, "message", text, user_id="u1")])


def test_version() -> None:
    assert NAME == "persona6.task.v18"


@pytest.mark.parametrize(
    "text",
    [
        # a service, a sequence, a software upgrade, effort, a name
        "scale checkout to 12",
        "the checkout pods keep restarting",
        "Plan for today:\n1. deploy search-svc 4.1 to staging\n2. run the smoke tests\n"
        "Does that order make sense?",
        "Please list the steps in the order you would run them.",
        "I prefer docker compose over the snap, it's much easier to upgrade",
        "every upgrade breaks something on my setup, honestly",
        "Should I upgrade to 1.8 first or wait for the patch?",
        "definitely an upgrade!",
        "Your hard work will pay off, I promise.",
        "Please pay close attention to the error handling.",
        "That tool fits the bill.",
        "my given name is william, but i go by bill.",
        "I'm in charge of the release this week.",
        # a system or its data named by the word
        "I'm not willing to risk losing invoice data on this.",
        "I run the billing database for the whole EU region.",
        "The payment service is timing out.",
        # another's words
        "my husband says we should just pay for Google Photos instead",
        "My manager thinks we should upgrade our plan.",
    ],
)
def test_one_word_of_another_sense_is_no_purchasing(text: str) -> None:
    assert "purchasing_billing" not in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "I need to pay my invoice",
        "upgrade my plan to Pro",
        "cancel my subscription",
        "Where is my order? The tracking says it was delivered.",
        "I added it to the cart but the coupon didn't apply at checkout.",
        "The bill is $40 this month, why?",
        "My phone bill went up again.",
        "I want to upgrade to premium.",
        "Is it worth upgrading for $10 a month?",
        "I definitely need to upgrade my mattress.",
        "We're due for a bulk order of hard hats.",
        "Can I pay by card?",
        "i hate paying bills",
        # a verb of saying put to the assistant, or the speaker's own
        "Can you tell me how to upgrade to premium?",
        "Do you think I should upgrade my plan?",
        "I think I need to pay the bill today.",
    ],
)
def test_buying_in_its_sense_is_still_purchasing(text: str) -> None:
    assert "purchasing_billing" in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "it says permission denied?? can someone help me",
        "The import failed: permission denied on IMG_0412.CR3.",
        "Could you open an incident for the login latency? thanks!",
        "It's important that everyone has access to affordable housing.",
        "how do i access `message` for example?",
    ],
)
def test_access_of_another_sense_is_no_account_access(text: str) -> None:
    assert "account_access" not in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "I can't log in since yesterday.",
        "Please give my teammate access to the workspace.",
        "I lost access to my account.",
        "How do I change the permissions of a user role?",
        "I reset my password but still can't get access.",
    ],
)
def test_account_access_is_still_account_access(text: str) -> None:
    assert "account_access" in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "just the kubectl line next time, skip the essay",
        "Prove it. Paste the exact output of pg_stat_replication, don't summarise it.",
        "Spare me the essay, what's the command?",
    ],
)
def test_a_form_of_text_declined_for_the_answer_is_no_writing(text: str) -> None:
    assert "writing" not in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "Can you summarise this article for me?",
        "Don't forget to proofread my essay before I send it.",
        "I don't have a draft yet, can you write an intro?",
        "Write a summary of the incident for the team.",
        # a task handed to the speaker is theirs
        "My boss asked me to draft the quarterly report.",
    ],
)
def test_writing_asked_for_is_still_writing(text: str) -> None:
    assert "writing" in kinds(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Gus said he deploys to staging every night.", "deployment"),
        ("One of the actors told me how much she liked my script!", "automation_scripting"),
        ("Laura wrote us a letter expressing her gratitude.", "writing"),
    ],
)
def test_someone_elses_words_are_no_task_of_the_speaker(text: str, kind: str) -> None:
    assert kind not in kinds(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Tell me how to deploy this to staging.", "deployment"),
        ("I figured out a schedule for the sprint.", "planning"),
        ("This gives me a lot to think about for our next meeting.", "planning"),
    ],
)
def test_the_speakers_own_words_of_saying_keep_the_task(text: str, kind: str) -> None:
    assert kind in kinds(text)


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("deploy worker 1.9 prod, no emojis in replies pls", "deployment", None),
        ("I need to deploy worker 1.9 today.", "deployment", None),
        ("deploy search-svc 4.1 to staging", "deployment", "search_lookup"),
        (
            "We will move the search cluster to blue-green deployment.",
            "deployment",
            "search_lookup",
        ),
        ("search the logs for the request id", "search_lookup", None),
    ],
)
def test_a_word_naming_a_system_is_no_task_but_a_verb_taking_it_is(
    text: str, present: str, absent: str | None
) -> None:
    found = kinds(text)
    assert present in found
    assert absent is None or absent not in found


@pytest.mark.parametrize(
    ("name", "text", "billing"),
    [
        ("upgrade", "photonest 1.7.4 -> 1.8.0", False),
        ("upgrade", "api v2 to v3", False),
        ("Downgrade", "postgres 16.2 -> 15.6", False),
        ("upgrade", "Pro", True),
        ("upgrade", None, True),
        ("Plan Upgraded", "team plan, 5 seats", False),  # "upgraded" is no action word
        ("checkout", "2 items", True),
    ],
)
def test_an_upgrade_action_of_a_software_version_buys_nothing(
    name: str, text: str | None, billing: bool
) -> None:
    event = actor_event(1, "action", text, user_id="u1", name=name)
    assert ("purchasing_billing" in kinds_of([event])) is billing


def test_an_action_sense_of_an_unknown_task_says_which_kinds_there_are(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = task.load_lexicon

    def lexicon(name: str) -> Any:
        data = dict(real(name))
        data["action_senses"] = [{"task": "billing", "actions": ["upgrade"], "unless": ["v1"]}]
        return data

    monkeypatch.setattr(task, "load_lexicon", lexicon)
    task._action_senses.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"action_senses: task 'billing' is no task kind"):
            task._action_senses()
    finally:
        monkeypatch.undo()
        task._action_senses.cache_clear()


def test_self_hosters_upgrading_software_have_no_billing_task() -> None:
    """The review's community tenant: a software upgrade, a service named "checkout" and a
    husband's advice gave three people "works on purchasing billing"."""
    said = [
        ("u-bart", "message", "every upgrade breaks something on my setup, honestly", None),
        ("u-bart", "action", "photonest 1.7.4 -> 1.8.0", "upgrade"),
        ("u-lena", "message", "my husband says we should just pay for Google Photos instead", None),
        ("u-dmitri", "message", "scale checkout to 12", None),
        ("u-mia", "message", "I was charged twice, please refund my subscription.", None),
    ]
    p6 = Persona6(db=":memory:")
    events: list[dict[str, Any]] = []
    for n, (person, kind, text, name) in enumerate(said):
        events += [
            {"event_id": f"u{n}", "ts": f"2026-09-0{n + 1}T06:00:00Z", "session_id": f"s{n}",
             "type": kind, "name": name, "role": "user" if kind == "message" else None,
             "user_id": person, "text": text},
            {"event_id": f"a{n}", "ts": f"2026-09-0{n + 1}T06:00:05Z", "session_id": f"s{n}",
             "type": "message", "role": "assistant", "text": "Done."},
        ]  # fmt: skip
    p6.record([{k: v for k, v in e.items() if v is not None} for e in events])
    p6.build()
    billing = {
        person
        for person in ("u-bart", "u-lena", "u-dmitri", "u-mia")
        for t in p6.store.traits_of(p6.tenant, person)
        if t.key == "purchasing_billing"
    }
    assert billing == {"u-mia"}
    p6.close()
