"""preference.v49: a preference stated inside a case imagined is not the speaker's, as one
under "if" ("if I liked X") already is not. The case is english's shared ``imagined`` openers
(text.supposed, kind "imagined"), read by the predicate clauses and by the general contrast
("X over Y") alike: "Assume I hate crowds, where should I go?", "Let's pretend I love spicy
food, ...", "In a world where ...", "For argument's sake, say I prefer tea over coffee".

Unchanged: an opener later in the sentence ("I love spicy food, imagine how happy I was"), the
speaker's own "I assume ..." ("I assume you know I hate crowds"), and a taste stated in the
sentence before an imagined one ("I prefer window seats. Suppose the flight is full, ...").
"""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import preference


def claims(text: str) -> list[tuple[str, str]]:
    return [(s.key, s.value) for s in extracted(preference.NAME, text, "u1")]


def test_the_producer_is_v49() -> None:
    assert preference.NAME == "persona6.preference.v57"


@pytest.mark.parametrize(
    "text",
    [
        "Assume I hate crowds, where should I go?",
        "Let's pretend I love spicy food, what would you order?",
        "In a world where I loved running, which shoes would I need?",
        "For argument's sake, say I prefer tea over coffee. What then?",
        "Let's assume I can't stand cilantro, what dish would you cook?",
        "Pretend I'm a huge fan of horror movies, what should I watch tonight?",
        "Hypothetically, I love cold weather; where would I live?",
        "For the sake of argument, I prefer paper books to e-readers.",
        "Assume we only like vegetarian food, plan a menu for Friday.",
        "lets pretend we hate camping what else could we do on the weekend",
        "In a scenario where I prefer remote work, what jobs fit?",
    ],
)
def test_a_preference_in_a_case_imagined_is_none(text: str) -> None:
    assert claims(text) == []


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I love spicy food, imagine how happy I was", "spicy food"),
        ("I assume you know I hate crowds", "crowds"),
        ("I hate crowds, so where should I go?", "crowds"),
        ("I prefer window seats. Suppose the flight is full, what then?", "window seats"),
        ("I really like jazz, imagine my surprise when the band cancelled.", "jazz"),
        ("I'd assume you know I prefer aisle seats.", "aisle seats"),
        ("I prefer trains to planes. Suppose the train is late, what then?", "trains"),
    ],
)
def test_a_preference_beside_an_imagined_word_stays(text: str, key: str) -> None:
    assert key in [k for k, _ in claims(text)]
