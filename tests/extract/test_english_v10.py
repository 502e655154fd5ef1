"""english v10: machine output pasted bare is the program's words for every text extractor, by
the general shapes of such output, not by one program's words; and an emoji between two clauses
cuts them.

- Output lines: an error with its code or status and a colon or dash ("Error 409: ...", "ERROR
  1045 (28000): ...", "error[E0308]: ..."), a tool's lower-case level ("fatal: ..."), a
  compiler's file:line: error, an error code of capitals and digits ("ORA-00942: ..."), an HTTP
  status line. The lines that frame such a line below it ("HINT: ...", "DETAIL: ..." under an
  "ERROR:", a header under an HTTP status line, an indented line) are output too, up to a blank
  line or the person's own line. A sentence that announces output below it ("I get this when
  run in console:", "getting this error:") makes the lines below material.
- An emoji between clauses: "long run this morning 🏃‍♀️ training for the half marathon in
  may!!" (review 7, M4.2); not where the emoji stands for a word ("I ❤️ pizza", "my 🐶 is sick").
"""

from __future__ import annotations

import pytest

from persona6.extract import EXTRACTORS, concern, decision, disclosure, preference
from persona6.extract.text import clauses, load_lexicon, material_spans, sentences
from persona6.types import Signal, StoredEvent

MINE = (preference.NAME, disclosure.NAME, concern.NAME, decision.NAME)


def event(text: str) -> StoredEvent:
    return StoredEvent(
        event_id="e1",
        ts="2026-01-01T00:00:01.000000Z",
        session_id="s1",
        tenant="default",
        type="message",
        role="user",
        text=text,
        user_id="u1",
    )


def run(text: str) -> list[Signal]:
    return [signal for name in MINE for signal in EXTRACTORS[name].extract([event(text)])]


def keys(text: str) -> set[str]:
    return {signal.key for signal in run(text)}


def test_the_lexicon_is_v10_or_later() -> None:
    assert load_lexicon("english")["version"] >= 10


@pytest.mark.parametrize(
    "text",
    [
        # the review's: an unfenced console output under "I get this when ..."
        "I get this when run in console:\nERROR: canceling statement due to user request\n"
        "HINT: I prefer to use the replica for heavy reports\n",
        # the framing lines of an error, whatever the program
        "ERROR: relation does not exist\nDETAIL: I love the new dashboard\nHINT: I have two dogs",
        "Error 409: I prefer aisle seats - retry later",
        "ERROR 1045 (28000): I hate passwords and I live in Berlin",
        "error[E0308]: I prefer integers here\n  --> src/main.rs:4:5",
        "fatal: I love tags and I hate merges",
        "warning: I prefer tabs over spaces",
        "src/app.c:12:5: error: I love semicolons",
        "ORA-00942: I prefer tables or views",
        "HTTP/1.1 503 Service Unavailable\nRetry-After: 30\nX-Reason: I'm vegan and I love tea",
        "404 Not Found\nX-Hint: I prefer the mirror",
        "npm ERR! I hate peer dependencies",
        # announced output below, in the person's own sentence
        "getting this error when I deploy:\nI prefer staging over prod\nI have two dogs",
        "we see the following on startup:\nthe cache always wins over the db\nI love caching",
    ],
)
def test_machine_output_says_nothing_of_the_person(text: str) -> None:
    found = run(text)
    assert found == [], [(s.key, [e.quote for e in s.evidence]) for s in found]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # a capital key alone, no output above it, is the person's own framing
        ("HINT: I prefer the replica for heavy reports", "replica for heavy reports"),
        ("NOTE: I'm vegan.", "diet:vegan"),
        # the person's own line under output, or after a blank line
        ("ERROR: relation does not exist\nI love the new dashboard though.", "new dashboard"),
        ("ERROR: relation does not exist\n\nHINT: I love the new dashboard", "new dashboard"),
        # an error named in the person's own sentence
        ("Error 404 again, I'm worried about data loss.", "data_loss"),
        # "I got this:" alone may list what one got
        ("I got these for my birthday:\nI love the new bike", "new bike"),
    ],
)
def test_the_persons_own_lines_around_output_still_count(text: str, key: str) -> None:
    assert key in keys(text), keys(text)


@pytest.mark.parametrize(
    "text",
    [
        "Error 409: PREFERRED_SEAT_REQUIRED - customer prefers business class upgrade",
        "Error 409: not unique\n  DETAIL: Key (id)=(7) already exists.",
        "503 Service Unavailable",
    ],
)
def test_every_line_of_output_is_material(text: str) -> None:
    found = material_spans(text)
    covered = {i for span in found for i in range(span.start, span.end)}
    assert all(i in covered for i, c in enumerate(text) if not c.isspace()), found


def parts(text: str) -> list[str]:
    return [text[c.start : c.end] for s in sentences(text) for c in clauses(text, s)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "long run this morning 🏃‍♀️ training for the half marathon in may!!",
            ["long run this morning", "training for the half marathon in may!!"],
        ),
        ("my 🐶 is sick 😢 need a vet", ["my 🐶 is sick", "need a vet"]),
        ("hi 👋 I'm new here", ["hi", "I'm new here"]),
        # the emoji stands for a word of the clause, or ends it
        ("I ❤️ pizza", ["I ❤️ pizza"]),
        ("I'm 🙌 so excited about my new job", ["I'm 🙌 so excited about my new job"]),
        ("tables make my eyes glaze over 😵‍💫", ["tables make my eyes glaze over 😵‍💫"]),
        # before a coordinator or subordinator, which decides as it would without it
        ("I love hiking 🥾 and camping", ["I love hiking 🥾 and camping"]),
        (
            "studying architecture 🏛️ so always from LIS",
            ["studying architecture 🏛️ so always from LIS"],
        ),
    ],
)
def test_an_emoji_between_clauses_cuts_them(text: str, expected: list[str]) -> None:
    assert parts(text) == expected


def test_a_plan_after_an_emoji_is_found() -> None:
    text = "long run this morning 🏃‍♀️ training for the half marathon in may!!"
    assert any(key.endswith(":training for the half marathon") for key in keys(text))
