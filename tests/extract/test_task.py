"""persona6.task.v7: task kinds and repeated action sequences per (session, actor)."""

from __future__ import annotations

import pytest
from helpers import bot, did, said
from helpers import stored_event as event
from hypothesis import given, settings
from hypothesis import strategies as st

from persona6.extract.task import TaskExtractor, command_head, name_words, sequence_token
from persona6.types import Signal, StoredEvent


def got(n: int, name: str, text: str | None = None, actor: str = "u1") -> StoredEvent:
    return event(n, "outcome", text, actor, name=name)


def tasks(session: list[StoredEvent], actor: str = "u1") -> dict[str, Signal]:
    return {s.key: s for s in TaskExtractor().extract(session) if s.actor == actor}


def test_debugging_message_cites_the_sentence_that_says_it() -> None:
    found = tasks([said(1, "Hello. My script throws an error on start. Any idea?")])
    assert [e.quote for e in found["debugging"].evidence] == ["My script throws an error on start."]


def test_command_head_gives_the_task_kind() -> None:
    signal = tasks([did(1, "command", "git commit -m wip"), did(2, "command", "git push")])
    assert signal["version_control"].measure == 2.0


def test_action_name_without_text_gives_the_kind_with_empty_evidence() -> None:
    signal = tasks([did(1, "CheckoutCompleted")])["purchasing_billing"]
    assert (signal.evidence, signal.context["event_ids"]) == ((), ["e1"])


def test_every_distinct_bigram_and_trigram_is_counted() -> None:
    session = [did(n, "command", cmd) for n, cmd in enumerate(["ls", "cd a", "ls", "cd b", "ls"])]
    found = tasks(session)
    assert found["sequence:ls>cd"].measure == 2.0
    assert found["sequence:cd>ls"].measure == 2.0
    assert found["sequence:ls>cd>ls"].measure == 2.0
    assert found["sequence:cd>ls>cd"].measure == 1.0


def test_sequences_include_outcomes_and_skip_messages() -> None:
    session = [did(1, "submit"), said(2, "hmm"), got(3, "ValidationError"), did(4, "retry")]
    keys = {k for k in tasks(session) if k.startswith("sequence:")}
    assert keys == {
        "sequence:submit>validation_error",
        "sequence:validation_error>retry",
        "sequence:submit>validation_error>retry",
    }


def test_sequences_are_per_actor_in_a_shared_session() -> None:
    session = [did(1, "open", actor="u1"), did(2, "edit", actor="u2"), did(3, "save", actor="u1")]
    assert "sequence:open>save" in tasks(session, "u1")
    assert {k for k in tasks(session, "u2") if k.startswith("sequence:")} == set()


def test_assistant_text_never_makes_a_task() -> None:
    found = tasks([said(1, "hi"), bot(2, "Let's deploy to production and debug the crash.")])
    assert "deployment" not in found and "debugging" not in found


def test_command_head_skips_prefixes_paths_and_assignments() -> None:
    assert command_head("sudo /usr/bin/git push") == "git"
    assert command_head("CC=clang make -j4") == "make"
    assert command_head("   ") == ""


def test_name_words_split_camel_case_and_separators() -> None:
    assert name_words("PaymentDeclined") == ("payment", "declined")
    assert name_words("thumbs-down.clicked") == ("thumbs", "down", "clicked")


def test_sequence_token_never_contains_the_separator() -> None:
    assert ">" not in sequence_token(did(1, "command", "a>b"))


def test_extraction_is_deterministic() -> None:
    session = [said(1, "how do I deploy?"), did(2, "command", "kubectl apply -f x.yaml")]
    assert list(TaskExtractor().extract(session)) == list(TaskExtractor().extract(session))


TEXTS = ["git status", "ls -la", "why does it crash?", "deploy to staging", "", "buy the plan"]


@st.composite
def sessions(draw: st.DrawFn) -> list[StoredEvent]:
    found = []
    for n in range(draw(st.integers(1, 10))):
        text = draw(st.one_of(st.sampled_from(TEXTS), st.text(max_size=40)))
        actor = draw(st.sampled_from(["u1", "u2"]))
        name = draw(st.sampled_from(["command", "Deploy Started", "error", "click"]))
        kind = draw(st.sampled_from(["user", "assistant", "action", "outcome"]))
        if kind == "user":
            found.append(said(n, text, actor))
        elif kind == "assistant":
            found.append(bot(n, text))
        elif kind == "action":
            found.append(did(n, name, text or None, actor))
        else:
            found.append(got(n, name, text or None, actor))
    return found


@settings(max_examples=80, deadline=None)
@given(sessions())
def test_every_task_signal_cites_the_actors_own_exact_spans(session: list[StoredEvent]) -> None:
    by_id = {e.event_id: e for e in session}
    for signal in TaskExtractor().extract(session):
        assert all(by_id[i].actor == signal.actor for i in signal.context["event_ids"])
        for evidence in signal.evidence:
            cited = by_id[evidence.event_id]
            assert evidence.quote == (cited.text or "")[evidence.start : evidence.end]
            assert cited.actor == signal.actor and cited.role in (None, "user")
            assert cited.type != "outcome"  # an outcome's text is the product's


def test_a_sequence_cites_the_actors_acts_never_the_outcomes_text() -> None:
    session = [
        did(1, "command", "npm run build"),
        got(2, "error", "ERR! missing script: build"),
        did(3, "command", "npm run compile"),
    ]
    found = tasks(session)
    assert [e.quote for e in found["sequence:npm>error"].evidence] == ["npm run build"]
    assert [e.quote for e in found["sequence:npm>error>npm"].evidence] == [
        "npm run build",
        "npm run compile",
    ]


def test_people_talking_among_themselves_set_no_task_by_their_words() -> None:
    session = [
        said(1, "I need to debug my bike's gears this weekend", actor="u1"),
        said(2, "Good luck! Deploy the new saddle too", actor="u2"),
    ]
    assert tasks(session, "u1") == {}
    assert tasks(session, "u2") == {}


def test_a_shared_session_with_the_assistant_still_reads_tasks() -> None:
    session = [
        said(1, "I need to debug this stack trace", actor="u1"),
        said(2, "me too", actor="u2"),
        bot(3, "Let's look at it."),
    ]
    assert "debugging" in tasks(session, "u1")


def test_actions_in_a_conversation_among_people_still_show_tasks() -> None:
    session = [
        did(1, "Deploy Started", actor="u1"),
        said(2, "nice", actor="u2"),
        said(3, "thanks", actor="u1"),
    ]
    assert "deployment" in tasks(session, "u1")


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Help me plan a 3-day trip to Rome", {"planning"}),  # "plan" is no price plan here
        ("How much is the pro plan?", {"purchasing_billing"}),
        ("Fix this Python error: KeyError 'id'", {"debugging"}),
        ("Write a SQL query that counts users per day", {"data_analysis"}),  # not prose
        ("Write me a cover letter", {"writing"}),
        ("Brainstorm names for my bakery", {"writing"}),
        ("help me with an email to my boss", {"writing"}),
        ("I can't find my invoice", {"search_lookup", "purchasing_billing"}),
        ("I pushed to main and CI broke", {"version_control"}),
        ("open a pull request", {"version_control"}),
        # mentions and opinions are no task
        ("I don't trust vague wording like that.", set()),
        ("Text is best, I never check email", set()),
        ("I find it too chatty", set()),
        ("PDFs are harder to diff", set()),
        ("What's the diff between these two ideas?", set()),
        ("Guilty as charged.", set()),
        ("I was charged twice", {"purchasing_billing"}),
    ],
)
def test_task_kinds_in_other_words(text: str, kinds: set[str]) -> None:
    assert set(tasks([said(1, text), bot(2, "Sure.")])) == kinds


@pytest.mark.parametrize(
    ("text", "kind", "shown"),
    [
        ("Is churn counted per active account or per seat?", "account_access", False),
        ("Please take the refunds into account.", "account_access", False),
        ("I can't get into my account since yesterday.", "account_access", True),
        ("I'd like to create an account for my assistant.", "account_access", True),
        ("How do you know that? Which table?", "learning_howto", False),
        ("How can you be sure the numbers match?", "learning_howto", False),
        ("How do you add a filter to a chart?", "learning_howto", True),
        ("And verify it: how do I know the export includes every note?", "learning_howto", False),
        ("How can we be sure nothing was dropped?", "learning_howto", False),
        ("How do I add a filter to a chart?", "learning_howto", True),
    ],
)
def test_a_single_word_makes_no_task_without_its_sense(text: str, kind: str, shown: bool) -> None:
    assert (kind in tasks([said(0, text)])) is shown


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("I want the exact wording, not a summary.", False),
        ("Is that in the contract or just in a blog post?", False),
        ("According to the article, the limit is 10 GB. Is that right?", False),
        ("I don't need a long summary, only the numbers.", False),
        ("Answer without a story this time.", False),
        ("Can you write a summary of this thread?", True),
        ("Please fix the typos in the article before Friday.", True),
        ("Help me turn my notes into a blog post.", True),
        ("Not the intro: rewrite the last paragraph.", True),
    ],
)
def test_a_task_word_only_mentioned_is_no_task(text: str, shown: bool) -> None:
    """A writing word negated or named as a source asks for no writing (task.v7)."""
    assert ("writing" in tasks([said(0, text), bot(1, "Sure.")])) is shown
