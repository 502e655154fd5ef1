"""english v13: a full stop inside a name or an abbreviation ends no sentence, for every text
extractor (``text.sentences``).

- Initials, letters each with a full stop, go on before a name, another initial or (two letters
  or more) a word in lower case: "a quote by J.K. Rowling that I really like" (LoCoMo conv-43)
  was cut at "J.K.", and the taste was lost. Before a closed-class word in capitals they end
  the sentence: "I went to the U.S. It was great.", "I got an A. Then I left."
- Titles and abbreviations that go on with a name or what they introduce (``abbreviations``):
  "Dr. Smith", "Mt. Fuji", "Lakers vs. Celtics", "e.g. pasta", "approx. 5 miles".
- Some only before a number (``abbreviations_before_number``): "No. 5"; "No. I don't" ends one.
- Some only before a word in lower case or a number (``abbreviations_before_lowercase``): "etc.
  and more", "at 5 p.m. on Friday"; "etc. Then ...", "at 5 p.m. Then we left." end one.
- Decimals and versions were never cut ("3.5 stars", "v1.2").
"""

from __future__ import annotations

import pytest

from persona6.extract import EXTRACTORS, preference
from persona6.extract.text import load_lexicon, sentences
from tests.extract.test_english_v10 import event


def split(text: str) -> list[str]:
    return [text[span.start : span.end] for span in sentences(text)]


def test_the_lexicon_is_v13_or_later() -> None:
    assert load_lexicon("english")["version"] >= 13


@pytest.mark.parametrize(
    "text",
    [
        "There's a quote by J.K. Rowling that I really like.",
        "There's a quote by J. K. Rowling that I really like.",
        "I grew up on C.S. Lewis and his Narnia books.",
        "My favourite author is J.R.R. Tolkien by far.",
        "Have you read all of George R. R. Martin's books?",
        "I like Michael J. Fox a lot.",
        "i read j.k. rowling every summer.",
        "My cousin serves in the U.S. Army now.",
    ],
)
def test_initials_before_a_name_go_on(text: str) -> None:
    assert split(text) == [text]


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("I went to the U.S. It was great.", ["I went to the U.S.", "It was great."]),
        ("I got an A. Then I left.", ["I got an A.", "Then I left."]),
        ("I moved to the U.K. My sister followed.", ["I moved to the U.K.", "My sister followed."]),
        ("shouldn't I. That seems useful", ["shouldn't I.", "That seems useful"]),
        ("we picked plan a. then we left", ["we picked plan a.", "then we left"]),
        ("I met Michael J. Fox. He was kind.", ["I met Michael J. Fox.", "He was kind."]),
    ],
)
def test_initials_before_a_new_sentence_end_it(text: str, parts: list[str]) -> None:
    assert split(text) == parts


@pytest.mark.parametrize(
    "text",
    [
        "I saw Dr. Smith yesterday and she was kind.",
        "Mr. and Mrs. Lee live next door.",
        "Ms. Patel teaches my son.",
        "We climbed Mt. Fuji last summer.",
        "I grew up in St. Louis and I love it.",
        "The Lakers vs. Celtics game was great.",
        "I like hearty food, e.g. pasta and stews.",
        "I like quiet places, i.e. libraries.",
        "It is approx. 5 miles away.",
        "I live at No. 5 Elm Street.",
        "I'm your No. 1 fan.",
    ],
)
def test_a_title_or_abbreviation_goes_on(text: str) -> None:
    assert split(text) == [text]


@pytest.mark.parametrize(
    "text",
    [
        "I bought pears, plums etc. and some bread.",
        "We leave at 5 p.m. on Friday.",
        "I woke up at 6 a.m. and went running.",
        "I work at Acme Inc. and I like it.",
        "We left at 5 p.m. sharp.",
    ],
)
def test_an_abbreviation_before_lower_case_goes_on(text: str) -> None:
    assert split(text) == [text]


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("We stayed until 5 p.m. Then we left.", ["We stayed until 5 p.m.", "Then we left."]),
        ("I woke at 6 a.m. It was cold.", ["I woke at 6 a.m.", "It was cold."]),
        (
            "I bought pears, plums etc. Then I went home.",
            ["I bought pears, plums etc.", "Then I went home."],
        ),
        ("I work at Acme Inc. It's great.", ["I work at Acme Inc.", "It's great."]),
        ("No. I don't like it.", ["No.", "I don't like it."]),
        ("lol no. i hate olives", ["lol no.", "i hate olives"]),
    ],
)
def test_an_abbreviation_before_a_new_sentence_ends_it(text: str, parts: list[str]) -> None:
    assert split(text) == parts


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("I rated it 3.5 stars. It was fine.", ["I rated it 3.5 stars.", "It was fine."]),
        ("I use v1.2 of the app. It works.", ["I use v1.2 of the app.", "It works."]),
        ("I upgraded to v1.2. Then it broke.", ["I upgraded to v1.2.", "Then it broke."]),
        ("it costs 4.99 a month", ["it costs 4.99 a month"]),
    ],
)
def test_decimals_and_versions_are_not_cut(text: str, parts: list[str]) -> None:
    assert split(text) == parts


def test_the_locomo_quote_keeps_its_taste() -> None:
    text = (
        "Yeah! There's a quote by J.K. Rowling that I really like: \"Turn on the light - "
        'happiness hides in the darkest of times." That one always reminds me to stay positive.'
    )
    signals = list(EXTRACTORS[preference.NAME].extract([event(text)]))
    assert any("rowling" in signal.key for signal in signals)
