"""persona6.texture.v1: stylometric profiles of messages and of action texts."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from itertools import pairwise

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from persona6.extract.texture import (
    ACTION_LAYOUT,
    TEXTURE_BLOCKS,
    TEXTURE_LAYOUT,
    ActionCounts,
    TextureCounts,
    TextureExtractor,
    action_vector,
    texture_distance,
    texture_vector,
)
from persona6.types import Signal, StoredEvent, format_ts

T0 = datetime(2026, 1, 1, tzinfo=UTC)

CASUAL_1 = [
    "ok so i tried that... didnt work lol",
    "yeah idk... maybe the cache?",
    "hmm ok ill try",
]
CASUAL_2 = ["ok that worked i think...", "lol no the other one...", "idk why its slow tbh..."]
FORMAL_1 = [
    "Good afternoon. Could you please explain how the quarterly report should be formatted?",
    "Thank you. I would also appreciate a brief summary of the main findings.",
]
FORMAL_2 = [
    "Thank you for your assistance. Would you kindly review the attached paragraph?",
    "I appreciate the detailed explanation; however, I have a further question.",
]


def event(
    n: int, kind: str, text: str | None, actor: str | None, role: str | None = None
) -> StoredEvent:
    return StoredEvent.model_validate(
        {
            "event_id": f"e{n}",
            "ts": format_ts(T0 + timedelta(seconds=n * 10)),
            "session_id": "s1",
            "user_id": actor,
            "tenant": "default",
            "type": kind,
            "role": role,
            "name": "command" if kind == "action" else None,
            "text": text,
        }
    )


def said(n: int, text: str, actor: str = "u1") -> StoredEvent:
    return event(n, "message", text, actor, role="user")


def bot(n: int, text: str) -> StoredEvent:
    return event(n, "message", text, None, role="assistant")


def typed(n: int, command: str, actor: str = "u1") -> StoredEvent:
    return event(n, "action", command, actor)


def profiles(session: list[StoredEvent]) -> dict[tuple[str, str], Signal]:
    return {(s.actor, s.key): s for s in TextureExtractor().extract(session)}


def test_layout_names_every_dimension_once() -> None:
    assert len(TEXTURE_LAYOUT) == len(set(TEXTURE_LAYOUT)) == len(texture_vector(["Hi there"]))
    assert len(ACTION_LAYOUT) == len(set(ACTION_LAYOUT)) == len(action_vector(["ls -la"]))
    assert 300 <= len(TEXTURE_LAYOUT) <= 600


def test_blocks_cover_the_layout_in_order() -> None:
    blocks = list(TEXTURE_BLOCKS.values())
    assert blocks[0].start == 0 and blocks[-1].stop == len(TEXTURE_LAYOUT)
    assert all(a.stop == b.start for a, b in pairwise(blocks))


def test_function_words_are_relative_frequencies() -> None:
    vector = texture_vector(["The cat and the dog"])
    assert vector[TEXTURE_LAYOUT.index("fw:the")] == 2 / 5
    assert vector[TEXTURE_LAYOUT.index("fw:and")] == 1 / 5


def test_ellipsis_is_not_counted_as_full_stops() -> None:
    vector = texture_vector(["wait... ok."])
    assert vector[TEXTURE_LAYOUT.index("punct:...")] == 1 / 11
    assert vector[TEXTURE_LAYOUT.index("punct:.")] == 1 / 11


def test_lowercase_writer_shows_in_the_case_dimensions() -> None:
    vector = texture_vector(["i think so", "yes i do"])
    assert vector[TEXTURE_LAYOUT.index("case:lowercase_message_start")] == 1.0
    assert vector[TEXTURE_LAYOUT.index("case:lowercase_i_share")] == 1.0


def test_summed_counts_equal_the_profile_of_all_texts() -> None:
    pooled = TextureCounts.from_texts(CASUAL_1) + TextureCounts.from_texts(FORMAL_1)
    assert np.array_equal(pooled.vector(), texture_vector(CASUAL_1 + FORMAL_1))


def test_same_author_is_closer_than_a_different_author() -> None:
    casual_1, casual_2 = texture_vector(CASUAL_1), texture_vector(CASUAL_2)
    formal_1, formal_2 = texture_vector(FORMAL_1), texture_vector(FORMAL_2)
    assert texture_distance(casual_1, casual_2) < texture_distance(casual_1, formal_1)
    assert texture_distance(formal_1, formal_2) < texture_distance(formal_1, casual_2)


def test_same_command_habits_are_closer_than_different_ones() -> None:
    lister_1 = action_vector(["ls -la", "cd src", "ls -la", "vim main.c"])
    lister_2 = action_vector(["ls -la", "cd ..", "ls -l", "vim notes.txt"])
    gitter = action_vector(["git status", "git commit --amend", "git push --force-with-lease"])
    assert np.linalg.norm(lister_1 - lister_2) < np.linalg.norm(lister_1 - gitter)


def test_vector_does_not_depend_on_the_process_hash_seed() -> None:
    code = "from persona6.extract.texture import texture_vector as t; print(list(t(['Hey you!'])))"
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outputs) == 1


def test_one_profile_per_actor_resting_on_their_words() -> None:
    session = [said(1, "Hello there friend", "u1"), said(2, "yo", "u2"), said(3, "Bye now", "u1")]
    found = profiles(session)
    assert set(found) == {("u1", "profile"), ("u2", "profile")}
    signal = found[("u1", "profile")]
    assert (signal.measure, signal.value, signal.kind) == (5.0, "", "texture")
    assert signal.vector is not None and len(signal.vector) == len(TEXTURE_LAYOUT)


def test_evidence_is_the_three_longest_messages() -> None:
    texts = ["a", "a bb", "a bb ccc", "a bb ccc dddd"]
    found = profiles([said(n, text) for n, text in enumerate(texts)])
    assert [e.quote for e in found[("u1", "profile")].evidence] == texts[:0:-1]


def test_assistant_messages_do_not_change_the_profile() -> None:
    alone = profiles([said(1, "so i think... maybe")])
    chatted = profiles([said(1, "so i think... maybe"), bot(2, "CERTAINLY! Here is MORE.")])
    assert alone[("u1", "profile")].vector == chatted[("u1", "profile")].vector


def test_command_user_gets_an_actions_profile_and_no_message_profile() -> None:
    found = profiles([typed(1, "ls -la"), typed(2, "cd /tmp")])
    assert set(found) == {("u1", "actions")}
    signal = found[("u1", "actions")]
    assert signal.measure == 2.0 and signal.vector is not None
    assert len(signal.vector) == len(ACTION_LAYOUT)


def test_extraction_is_deterministic() -> None:
    session = [said(1, CASUAL_1[0]), typed(2, "make -j4"), said(3, FORMAL_1[0], "u2")]
    assert list(TextureExtractor().extract(session)) == list(TextureExtractor().extract(session))


@st.composite
def sessions(draw: st.DrawFn) -> list[StoredEvent]:
    found = []
    for n in range(draw(st.integers(1, 8))):
        text = draw(st.one_of(st.sampled_from(CASUAL_1 + FORMAL_1 + ["", "  "]), st.text()))
        actor = draw(st.sampled_from(["u1", "u2"]))
        kind = draw(st.sampled_from(["user", "assistant", "action"]))
        if kind == "user":
            found.append(said(n, text, actor))
        elif kind == "assistant":
            found.append(bot(n, text))
        else:
            found.append(typed(n, text, actor))
    return found


@settings(max_examples=80, deadline=None)
@given(sessions())
def test_every_profile_cites_the_actors_own_exact_spans(session: list[StoredEvent]) -> None:
    by_id = {e.event_id: e for e in session}
    for signal in TextureExtractor().extract(session):
        assert signal.evidence and signal.vector is not None
        assert all(np.isfinite(signal.vector))
        for evidence in signal.evidence:
            cited = by_id[evidence.event_id]
            assert evidence.quote == (cited.text or "")[evidence.start : evidence.end]
            assert cited.actor == signal.actor and cited.role in (None, "user")


def summed(texts: list[str]) -> TextureCounts:
    return sum((TextureCounts.from_text(text) for text in texts), TextureCounts())


TEXTURE_PIECES = [
    "I think",
    "A BIT",
    "kind of",
    "if you don't mind",
    "Would you",
    "i’m",
    "Maybe",
    "PLEASE",
    "thank you",
    "dont",
    "n't",
    ":)",
    "...",
    "…",
    "😀",
    "²",
    "İ",
    "\n",
    " ",
    ". ",
    "?",
    "“quoted”",
    "\x00",
]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.lists(st.one_of(st.sampled_from(TEXTURE_PIECES), st.text(max_size=5)), max_size=8).map(
            "".join
        ),
        max_size=6,
    )
)
def test_pooled_counts_equal_the_sum_of_each_texts_counts(texts: list[str]) -> None:
    pooled, reference = TextureCounts.from_texts(texts), summed(texts)
    assert pooled == reference
    assert pooled.vector().tolist() == reference.vector().tolist()


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(["ls -la", "sudo git push --force", "A=1 make -j4", "cat x | wc"]),
            st.text(max_size=12),
        ),
        max_size=6,
    )
)
def test_pooled_action_counts_equal_the_sum_of_each_texts_counts(texts: list[str]) -> None:
    reference = sum((ActionCounts.from_text(text) for text in texts), ActionCounts())
    assert ActionCounts.from_texts(texts) == reference
    assert action_vector(texts).tolist() == reference.vector().tolist()


def test_remembered_ngram_counts_equal_fresh_ones(monkeypatch) -> None:
    """Each text's n-gram counts are remembered (bounded): a text counted before, counted
    twice in one call, or counted again after the memory was cleared counts the same."""
    from persona6.extract import texture_counts

    texts = ["Hello there!", "ok", "Hello there!", "naïve café", "", "ok  then\nbye"]
    fresh = [summed(texts[:n]) for n in range(1, len(texts) + 1)]
    monkeypatch.setattr(texture_counts, "_NGRAMS_LIMIT", 3)
    for _ in range(2):
        texture_counts._NGRAMS.clear()
        for n in range(1, len(texts) + 1):
            assert TextureCounts.from_texts(texts[:n]) == fresh[n - 1]
            assert len(texture_counts._NGRAMS) <= max(3, len(set(texts[:n])))
