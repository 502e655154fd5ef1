"""How the rule extractors read a person's spelling of apostrophes (english.yaml v15, v16).

People type one apostrophe as several characters ("I’ve" on a phone, "I've" on a keyboard) and
in chat often none at all ("ive", "dont", "thats"). The rule extractors' patterns are written
with "'"; ``reading`` gives the text they read: each typographic apostrophe as "'", one
character for one (``typographic_apostrophes``), and an apostrophe put back into each contraction
written without one (``apostrophe_less_contractions``: "ive" -> "i've", "Dont" -> "Don't"). The
positions where one was put back are kept, so a span of the text read maps back to a span of
the original (``original_span``) and every quote is cut from what the person wrote.
"""

from __future__ import annotations

import re
import string
from bisect import bisect_left
from functools import cache

from persona6.extract.text import load_lexicon

#: Where ``reading`` put an apostrophe back: positions in the text read, ascending.
Inserted = tuple[int, ...]


def _fail(key: str, what: str, found: object) -> ValueError:
    return ValueError(
        f"persona6/data/english.yaml: {key} must be {what}, got {found!r}; fix the list"
    )


@cache
def _apostrophes() -> dict[int, str]:
    """Each typographic apostrophe as the ASCII one (a ``str.translate`` table)."""
    found = load_lexicon("english")["typographic_apostrophes"]
    if not isinstance(found, list) or not all(isinstance(c, str) and len(c) == 1 for c in found):
        raise _fail(
            "typographic_apostrophes", 'a list of single characters (each read as "\'")', found
        )
    return {ord(c): "'" for c in found}


#: ASCII punctuation as a space, but for the apostrophe and the hyphen (they join a word, as the
#: pattern's edges say): an ASCII text's words, split at spaces, are then the pattern's words.
_SPACED = bytes.maketrans(
    "".join(c for c in string.punctuation if c not in "'-").encode(),
    b" " * (len(string.punctuation) - 2),
)


@cache
def _contraction_words() -> frozenset[bytes]:
    return frozenset(word.encode() for word in _contractions()[1])


def _may_hold_one(text: str) -> bool:
    """Whether ``text`` may hold a contraction written without its apostrophe: for an ASCII
    text a look at its words (about a sixth of a search); any other text may (``reading``'s
    search decides, once)."""
    if text.isascii():
        words = text.encode().lower().translate(_SPACED).split()
        return not _contraction_words().isdisjoint(words)
    return True


@cache
def _contractions() -> tuple[re.Pattern[str], dict[str, int]]:
    """A pattern finding the contractions written without their apostrophe, and where in each
    (lower case, without it) the apostrophe goes."""
    found = load_lexicon("english")["apostrophe_less_contractions"]
    at: dict[str, int] = {}
    for form in found if isinstance(found, list) else [found]:
        if not isinstance(form, str) or form.count("'") != 1 or form != form.lower():
            raise _fail(
                "apostrophe_less_contractions",
                'a list of contractions in lower case, each with one "\'" ("i\'ve", "don\'t")',
                form,
            )
        at[form.replace("'", "")] = form.index("'")
    words = "|".join(sorted(at, key=len, reverse=True))
    return re.compile(rf"(?<![\w'’-])(?:{words})(?![\w'’-])", re.IGNORECASE), at


def reading(text: str) -> tuple[str, Inserted]:
    """The text as the rule extractors read it, and where an apostrophe was put back."""
    if not text.isascii():
        text = text.translate(_apostrophes())
    if not _may_hold_one(text):
        return text, ()
    pattern, at = _contractions()
    parts: list[str] = []
    inserted: list[int] = []
    last = 0
    for match in pattern.finditer(text):
        word = match.group()
        if word.isupper() and len(word) == 2:  # "IM" is an instant message, not "I'M"
            continue
        split = match.start() + at[word.lower()]
        parts.append(text[last:split])
        inserted.append(split + len(inserted))
        parts.append("'")
        last = split
    if not inserted:
        return text, ()
    parts.append(text[last:])
    return "".join(parts), tuple(inserted)


def original_span(start: int, end: int, inserted: Inserted, length: int) -> tuple[int, int]:
    """The span of the original text (``length`` long) that ``start:end`` of its reading covers."""
    begin = start - bisect_left(inserted, start)
    finish = end - bisect_left(inserted, end)
    if finish <= begin:  # a span of a put-back apostrophe alone: the letter after it
        finish = min(begin + 1, length)
    return begin, finish
