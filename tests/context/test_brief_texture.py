"""The brief reads how the person writes (texture traits, data/brief.yaml texture_directives):
a formal register is not warmth; lower case, another language mixed in and so on change how
the agent answers."""

from __future__ import annotations

import pytest

from persona6 import Persona6
from persona6.context import count_tokens

FORMAL = [
    [
        "Good afternoon. I would be grateful for a full account of how the quarterly figures "
        "were reconciled, including any adjustments made.",
        "Thank you very much. That is a most helpful answer, although I would like one more "
        "example, if you would be so kind.",
    ],
    [
        "Good morning. I would like to request a copy of the audit trail for the past year, "
        "if that is possible within the current arrangements.",
        "Thank you very much. I shall review it carefully and return with any questions.",
    ],
    [
        "Good evening. Please send the revised statement to my office address rather than to "
        "the branch, as I am travelling for the remainder of the month.",
        "Thank you very much for your patience with these requests.",
    ],
]
CASUAL_WARM = [
    ["Hey! Thanks so much, that's great :)", "I'm trying the new layout now", "Love it!"],
    ["Thanks again! It's working", "Can't wait to show my team", "You're the best"],
    ["Hi again! Quick one: where's the export?", "Got it, thanks!", "That's perfect"],
]
LOWERCASE = [
    ["need help w the invoice", "which tab", "ok thx"],
    ["cant find export btn", "where is it", "found it"],
    ["report broke again", "pls fix", "ok"],
]
LEARNER = [
    ["I want to booking a hotel near to the station for two person.", "Why it is so expensive?"],
    ["I am need the receipt for my company, please send again.", "I not find the email."],
    ["My brother he come with me next week, is possible add one bed?", "Thank you very much."],
]
MIXED = [
    ["Ciao! I need the report per domani, grazie", "va bene, the chart is fine", "perfetto"],
    ["oggi sono stanco, only five minutes please", "the export non funziona ancora", "grazie"],
    ["Ciao di nuovo! can we fix the chart adesso?", "va bene, grazie mille", "a domani"],
]


def _brief(sessions: list[list[str]], budget: int = 400, task: str | None = None):
    events = []
    n = 0
    for s, texts in enumerate(sessions):
        for text in texts:
            n += 1
            base = f"2026-03-{s + 1:02d}T10:{n:02d}"
            events.append(
                {
                    "event_id": f"e{n}",
                    "ts": f"{base}:00Z",
                    "session_id": f"s{s}",
                    "user_id": "u-1",
                    "type": "message",
                    "text": text,
                }
            )
            events.append(
                {
                    "ts": f"{base}:30Z",
                    "session_id": f"s{s}",
                    "type": "message",
                    "role": "assistant",
                    "text": "Here is the answer.",
                }
            )
    with Persona6(db=":memory:") as p6:
        p6.record(events)
        p6.build()
        return p6.context("u-1", task=task, budget=budget)


def test_a_formal_register_is_not_read_as_warmth():
    brief = _brief(FORMAL)
    assert "They write formally" in brief.text
    assert "Match their warmth" not in brief.text
    # The formal directive says the tone that wins: no second line says it (brief.v10).
    assert "tone: the user layer wins" not in brief.text
    assert "(warm, not" not in brief.text


def test_casual_warmth_still_reads_as_warmth():
    brief = _brief(CASUAL_WARM)
    assert "Match their warmth" in brief.text
    assert "They write formally" not in brief.text


def test_lowercase_fragments_say_not_to_correct_them():
    brief = _brief(LOWERCASE)
    assert "They write in lower case" in brief.text
    directive = next(i for i in brief.items if i.statement.startswith("They write in lower"))
    assert directive.evidence  # the messages that show it


def test_another_language_mixed_in_asks_for_glosses_with_its_words():
    brief = _brief(MIXED)
    line = next(i.statement for i in brief.items if "another language" in i.statement)
    assert "'grazie'" in line
    assert "gloss" in line


@pytest.mark.parametrize("budget", [40, 80, 150, 400])
def test_texture_lines_keep_within_the_budget(budget):
    for sessions in (FORMAL, LOWERCASE, MIXED):
        brief = _brief(sessions, budget=budget, task="export the report")
        assert brief.tokens <= budget
        assert count_tokens(brief.text) == brief.tokens


def test_english_as_a_second_language_asks_for_plain_english_not_corrections():
    brief = _brief(LEARNER)
    [line] = [i for i in brief.items if "second language" in i.statement]
    assert line.statement.startswith(
        "They write English as a second language: use simple, unambiguous English; "
        "don't correct their grammar. (conf "
    )
    assert line.evidence
