"""text.supposed: the one guard the extractors share against reading a case supposed as one
that is (english ``suppositions``). Phrases are read whole ("in case", "what if", "let's say"),
an inverted condition opening a sentence is one ("Were I", "Had I known", "Should you"), an
imagined case opening a sentence governs all of it, and a condition governs its own clause and
only those of its sentence that speak of what will be, of the unreal or ask: never past its
sentence, and not a present or past consequence (a habit, a fact)."""

from __future__ import annotations

import pytest

from persona6.extract import text as tx


def governed(text: str, words: str, kinds: tuple[str, ...] | None = None) -> str | None:
    """The kind of the supposition governing the first occurrence of ``words``, if any."""
    at = text.index(words)
    found = tx.supposed(text, at, kinds)
    return found.kind if found is not None else None


@pytest.mark.parametrize(
    ("text", "words", "kind"),
    [
        # a phrase of several words, read whole
        ("In case it rains I'll stay in. I hate driving in rain.", "rains", "condition"),
        ("I bring an umbrella just in case it rains.", "rains", "condition"),
        ("What if the backup fails?", "backup fails", "condition"),
        ("Even if it crashes I keep going.", "crashes", "condition"),
        ("If only it synced on time.", "synced", "wish"),
        # an imagined case opening its sentence: the whole sentence
        ("Suppose I crashed a rental car, what happens?", "crashed", "imagined"),
        ("Suppose I crashed a rental car, what happens?", "what happens", "imagined"),
        ("Ok so, let's say the import breaks, do I lose my photos?", "breaks", "imagined"),
        ("Say I crash the car, am I covered?", "crash", "imagined"),
        ("Imagine the server went down during the exam.", "went down", "imagined"),
        # an inverted condition opening its sentence
        ("Were I to lose my data, could I restore it?", "lose my data", "counterfactual"),
        ("Had I known, I would have sold my car.", "sold my car", "counterfactual"),
        ("Had the sync failed, I would have lost my work.", "sync failed", "counterfactual"),
        ("Should the payment fail, what do I do?", "payment fail", "condition"),
        ("Should you need anything, let me know.", "need anything", "condition"),
        # a consequence to come, in the unreal, or asked
        ("In case it rains I'll stay in.", "stay in", "condition"),
        ("If the sync fails again, what happens?", "what happens", "condition"),
        ("I'll stay in if it rains.", "stay in", "condition"),
        # a condition in the past with an unreal consequence says what is not so
        ("if i won the lottery , i would buy all the pizza", "buy all", "counterfactual"),
        ("If I lost my data, could I restore it?", "lost my data", "counterfactual"),
    ],
)
def test_a_case_supposed_is_governed(text: str, words: str, kind: str) -> None:
    assert governed(text, words) == kind, text


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # the scope ends with the sentence: the dislike after it stands
        ("In case it rains I'll stay in. I hate driving in rain.", "hate driving"),
        # a present or past consequence is a fact, a habit
        ("If it rains I always take the bus.", "always take the bus"),
        ("If it's cold, I prefer tea.", "prefer tea"),
        ("If the app crashes I lose everything.", "lose everything"),
        # what was said before a condition, in the past, stands
        ("The app keeps crashing, what if I reinstall?", "keeps crashing"),
        # "suppose" and "imagine" inside a sentence think or guess
        ("I suppose the price is too high for us.", "price is too high"),
        ("I can't imagine losing those photos.", "losing those photos"),
        # "say" opens a case only before a subject
        ("Say hi to mom for me.", "hi to mom"),
        # an inverted verb that asks, or is the main verb
        ("Should I use Postgres, or MySQL?", "use Postgres"),
        ("Were you at the party, Caroline?", "at the party"),
        ("Were you there, I didn't see you.", "didn't see you"),
        ("Had the best day ever, would recommend.", "best day"),
        ("Had a great time at the lake.", "great time"),
    ],
)
def test_what_is_said_so_is_not_governed(text: str, words: str) -> None:
    assert governed(text, words) is None, text


def test_a_past_that_may_be_is_a_condition_not_the_unreal() -> None:
    assert governed("If the sync failed, what happens?", "sync failed") == "condition"
    assert governed("If I need help, I'd ask.", "need help") == "condition"


def test_kinds_select_what_an_extractor_reads() -> None:
    text = "What if the backup fails?"
    assert tx.supposed(text, text.index("fails"), ("imagined",)) is None
    assert tx.supposed(text, text.index("fails"), ("condition",)) is not None


def test_every_supposition_is_listed_with_its_marker() -> None:
    text = "In case it rains I'll stay in. Suppose it snows, what then?"
    found = [(s.kind, text[slice(*s.marker)]) for s in tx.suppositions(text)]
    assert found == [("condition", "In case"), ("condition", "In case"), ("imagined", "Suppose")]
