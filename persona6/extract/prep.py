"""Per-event text preparation shared by the style, task, decision and failure extractors.

Most cue patterns never match most messages, yet a failed regex search still walks the whole
text, once per pattern. ``CueList`` skips those searches without changing any result: from
each pattern's own syntax tree it derives clauses, sets of letter strings such that every match
contains at least one string of each clause (``\\b(?:sorry|apologi[sz]e)\\b`` needs "sorry" or
"apologi"), and searches a pattern only when the text satisfies all its clauses. Which clauses
a text satisfies is worked out once per distinct text (``prepared``), whichever extractor asks
first, from the text's whitespace-separated chunks, memoised per chunk (chunks repeat:
vocabulary). What the extractors read in a text alone (a message's mode, the spans its cues
cite, whether a cue list matches) is memoised on its ``Prepared`` too, so a text repeated
across events and sessions is read once.

A cue list may hold ``LazyPattern``s, sources compiled on first search: their clauses are read
from the source, so a new process compiles only the patterns its texts may match (compiling
every cue at first use was about a quarter of a 10,000-event build's CPU).

Soundness: a required string is a run of ASCII letters of the pattern, lower-cased, so it lies
inside one chunk of the text folded the same way (``fold``), which includes the four non-ASCII
letters that ``re.IGNORECASE`` matches to an ASCII letter (İ ı ſ K; a test checks every code
point). Optional parts, classes, anchors and lookarounds require nothing, and a syntax tree this
reading does not know gives no clause: such a pattern is always searched. Tests check on
generated and arbitrary texts that no pattern that matches is ever skipped.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import reduce
from operator import or_
from typing import Any, TypeVar

from persona6.extract.text import Span, is_question, sentences
from persona6.types import StoredEvent

T = TypeVar("T")

# re.IGNORECASE matches these to an ASCII letter; str.lower alone would miss or expand them.
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
#: Prepared texts kept in each of the two generations of ``_CACHE`` (``Recent``): a session
#: has far fewer, so every extractor of it shares them, and a log whose people repeat up to this
#: many distinct texts reads each of them once (the synthetic log of 1,000,000 events has
#: 24,313 distinct message texts).
CACHE_SIZE = 16384

# The regex parser is private API; if a future Python moves it, every pattern simply runs.
try:
    _parser: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - depends on the Python version
    _parser = None


def fold(text: str) -> str:
    """Lower case as ``re.IGNORECASE`` sees ASCII letters (see the module docstring)."""
    return text.lower() if text.isascii() else text.translate(_FOLD).lower()


def _clauses(items: Any) -> list[frozenset[str]]:
    """What a sequence of the syntax tree needs: each clause lists strings of which every match
    contains at least one (clauses are and-ed, strings in a clause or-ed)."""
    found: list[frozenset[str]] = []
    run: list[str] = []

    def close_run() -> None:
        if run:
            found.append(frozenset(["".join(run)]))
            run.clear()

    for index, (op, arg) in enumerate(items):
        name = op.name
        if name == "LITERAL" and chr(arg).isascii() and chr(arg).isalpha():
            run.append(chr(arg).lower())
            continue
        if name == "BRANCH" and len(run) == 1:
            # "a(?:dd|ll)", as text.word_alternation groups words by their first letter: the
            # letter is read into each alternative ("add" or "all"), not required alone.
            best = [_best(_clauses([items[index - 1], *branch])) for branch in arg[1]]
            if all(clause is not None for clause in best):
                run.clear()
                found.append(frozenset().union(*best))  # type: ignore[arg-type]
                continue
        close_run()
        if name == "SUBPATTERN":
            found += _clauses(arg[-1])
        elif name == "ATOMIC_GROUP":
            found += _clauses(arg)
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and arg[0] >= 1:
            found += _clauses(arg[2])
        elif name == "BRANCH":
            best = [_best(_clauses(branch)) for branch in arg[1]]
            if all(clause is not None for clause in best):
                found.append(frozenset().union(*best))  # type: ignore[arg-type]
        # Anything else (classes, anchors, lookarounds, back-references) needs nothing.
    close_run()
    return found


def _best(clauses: Sequence[frozenset[str]]) -> frozenset[str] | None:
    """The most selective clause: longest shortest string, then fewest strings."""
    if not clauses:
        return None
    return max(clauses, key=lambda c: (min(map(len, c)), -len(c)))


class LazyPattern:
    """A regular expression compiled on its first search (``re.compile(pattern, flags)``).

    Compiling is most of the cost of a new process's first build, and most cue patterns never
    match a small session's messages: a ``CueList`` reads what a ``LazyPattern`` requires from its
    source alone, and compiles it only when a text may match it. Searches as ``re.Pattern``
    does (``search``, ``match``, ``finditer``, with their ``pos`` and ``endpos``).

    A ``gate`` is a pattern that every match of this one contains, cheaper to search (the rest of
    a pattern after a long opening alternation, such as the verb after failure's report
    subject): where the gate finds nothing, the pattern is not run and finds nothing, as it
    would have. The gate is searched with the same flags, ``pos`` and ``endpos``; it must hold
    no group the pattern refers back to."""

    __slots__ = ("_compiled", "_gate", "flags", "gate", "pattern")

    def __init__(self, pattern: str, flags: int = 0, gate: str | None = None):
        self.pattern = pattern
        self.flags = flags
        self.gate = gate
        self._compiled: re.Pattern[str] | None = None
        self._gate: _Gate | None = None

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled once)."""
        found = self._compiled
        if found is None:
            found = self._compiled = re.compile(self.pattern, self.flags)
        return found

    def _shut(self, args: tuple[Any, ...]) -> bool:
        """True when the gate finds nothing in the searched text (no gate: never)."""
        if self.gate is None:
            return False
        gate = self._gate
        if gate is None:
            gate = self._gate = _Gate(self.gate, self.flags)
        return not gate.finds(*args)

    def search(self, *args: Any) -> re.Match[str] | None:
        return None if self._shut(args) else self.compiled().search(*args)

    def match(self, *args: Any) -> re.Match[str] | None:
        return None if self._shut(args) else self.compiled().match(*args)

    def finditer(self, *args: Any) -> Iterator[re.Match[str]]:
        return iter(()) if self._shut(args) else self.compiled().finditer(*args)


class _Gate:
    """A ``LazyPattern``'s gate, compiled. A case-insensitive gate whose every character means
    the same in any case (``_case_free``: lower-case letters, no flag groups, no back
    references) searches an ASCII text lower-cased with the case-sensitive pattern instead: the
    same text matches, at the same places, and the regex engine skips the alternatives that
    cannot start at a character, which it does not do for case-insensitive ones (a third of
    the time). The pattern as written is compiled only when a text needs it."""

    __slots__ = ("_any_case", "_flags", "_lower", "_source")

    def __init__(self, source: str, flags: int):
        self._source, self._flags = source, flags
        self._any_case: re.Pattern[str] | None = None
        self._lower = (
            re.compile(source, flags & ~re.IGNORECASE)
            if flags & re.IGNORECASE and not flags & (re.LOCALE | re.ASCII) and _case_free(source)
            else None
        )

    def finds(self, text: str, *span: int) -> bool:
        """The gate matches ``text`` (within ``span``, ``pos`` and ``endpos``)."""
        if self._lower is not None and text.isascii():
            return self._lower.search(text.lower(), *span) is not None
        any_case = self._any_case
        if any_case is None:
            any_case = self._any_case = re.compile(self._source, self._flags)
        return any_case.search(text, *span) is not None


def _case_free(source: str) -> bool:
    """Every character the pattern ``source`` names, alone or in a class, is one that case
    leaves alone (a digit, a sign, "’") or a lower-case ASCII letter; no group sets or clears a
    flag, and none is referred back to. Then, over an ASCII text, the pattern searched
    case-insensitively and the pattern searched case-sensitively over the text lower-cased
    match at the same places (an upper-case letter of the text matches as its lower case;
    the classes \\w, \\s, \\d and \\b hold a letter in either case)."""
    if _parser is None:
        return False
    try:
        tree = _parser.parse(source, 0)
    except re.error:
        return False
    return not tree.state.flags & ~re.UNICODE and _case_free_items(tree)


def _uncased(code: int) -> bool:
    char = chr(code)
    return "a" <= char <= "z" or char.lower() == char == char.upper()


def _case_free_items(items: Any) -> bool:
    for op, av in items:
        name = op.name
        if name in ("LITERAL", "NOT_LITERAL"):
            if not _uncased(av):
                return False
        elif name == "IN":
            for item_op, item_av in av:
                item = item_op.name
                if item in ("LITERAL", "NOT_LITERAL") and not _uncased(item_av):
                    return False
                if item == "RANGE":
                    low, high = item_av
                    if high - low > 1024 or not all(map(_uncased, range(low, high + 1))):
                        return False
                if item not in ("LITERAL", "NOT_LITERAL", "RANGE", "CATEGORY", "NEGATE"):
                    return False
        elif name == "SUBPATTERN":
            _group, add, clear, inner = av
            if add or clear or not _case_free_items(inner):
                return False
        elif name == "BRANCH":
            if not all(_case_free_items(branch) for branch in av[1]):
                return False
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            if not _case_free_items(av[2]):
                return False
        elif name in ("ASSERT", "ASSERT_NOT"):
            if not _case_free_items(av[1]):
                return False
        elif name == "ATOMIC_GROUP":
            if not _case_free_items(av):
                return False
        elif name not in ("AT", "ANY", "CATEGORY"):
            return False  # a back reference, a conditional group: searched as written
    return True


_LOOKAROUNDS = ("(?=", "(?!", "(?<=", "(?<!")
_VERBOSE = re.compile(r"\(\?[a-zA-Z]*x")
_SPECIAL = re.compile(r"[\\\[()]")


def lookarounds_emptied(source: str) -> str:
    """``source`` with the body of each outermost lookaround removed (``(?!(?:a|b)\\b)`` gives
    ``(?!)``), unless the body holds a group (its number would change).

    A lookaround requires nothing (``_clauses``), whatever its body, and still ends a run of
    literals as an empty one does: the clauses of the emptied source are those of the source.
    But its body is parsed all the same, and the word lists of the report patterns
    (``failures.yaml``: closed words, world nouns, persons) stand in lookaheads, most of the
    source of a long pattern."""
    removed: list[tuple[int, int]] = []
    stack: list[list[Any]] = []  # [body start, a lookaround, holds a group]
    at, end = 0, len(source)
    while (special := _SPECIAL.search(source, at)) is not None:
        at = special.start()
        char = source[at]
        if char == "\\":
            at += 2
            continue
        if char == "[":  # a class: "(" and ")" in it are characters ("[^]()]" too)
            at += 2 if source.startswith("[^", at) else 1
            at += 1 if source.startswith("]", at) else 0
            while at < end and source[at] != "]":
                at += 2 if source[at] == "\\" else 1
        elif char == "(":
            if source.startswith("(?#", at):  # a comment ends at its first ")"
                closing = source.find(")", at)
                at = end if closing < 0 else closing
            elif head := next((h for h in _LOOKAROUNDS if source.startswith(h, at)), None):
                stack.append([at + len(head), True, False])
                at += len(head) - 1
            else:
                group = not source.startswith("(?", at) or source.startswith("(?P<", at)
                if group:
                    for open_group in stack:
                        open_group[2] = True
                stack.append([at + 1, False, group])
        elif char == ")" and stack:
            start, lookaround, grouped = stack.pop()
            if lookaround and not grouped and not any(g[1] for g in stack):
                removed.append((start, at))
        at += 1
    if not removed:
        return source
    kept, parts = 0, []
    for start, stop in removed:
        parts.append(source[kept:start])
        kept = stop
    parts.append(source[kept:])
    return "".join(parts)


def _parse(source: str, flags: int) -> Any:
    """The syntax tree ``_clauses`` reads: of the source with its lookarounds emptied
    (``lookarounds_emptied``), which gives the same clauses at a fraction of the parsing; of the
    source itself if that does not parse, or in verbose mode (where "#" starts a comment)."""
    if not flags & re.VERBOSE and not _VERBOSE.search(source):
        try:
            return _parser.parse(lookarounds_emptied(source), flags)
        except re.error:
            pass
    return _parser.parse(source, flags)


#: Either kind of pattern a ``CueList`` holds.
AnyPattern = re.Pattern[str] | LazyPattern

# (source, flags) -> its clauses: one pattern in several cue lists is parsed once.
_REQUIREMENTS: dict[tuple[str, int], tuple[frozenset[str], ...]] = {}


def requirement(pattern: AnyPattern) -> tuple[frozenset[str], ...]:
    """The clauses every match of ``pattern`` satisfies, most selective first; () for none.
    Read from the source (parsed, not compiled): a ``LazyPattern`` stays uncompiled."""
    if _parser is None:
        return ()
    key = (pattern.pattern, pattern.flags)
    found = _REQUIREMENTS.get(key)
    if found is None:
        try:
            clauses = _clauses(_parse(pattern.pattern, pattern.flags))
        except Exception:  # an unknown tree shape: no requirement, the pattern always runs
            clauses = []
        found = tuple(sorted(set(clauses), key=lambda c: (-min(map(len, c)), len(c), sorted(c))))
        _REQUIREMENTS[key] = found
    return found


# The registry of clauses: clause n is bit n of an int, so that the clauses a text satisfies
# are the OR of those of its chunks (ints OR in C; frozenset unions cost several times more).
# The memo maps a chunk to its bits; registering patterns (cue lists load lazily) clears it.
_CLAUSES: list[frozenset[str]] = []
_BY_START: dict[str, list[tuple[str, int]]] = {}  # first two letters -> (string, bit)
_SINGLE: dict[str, int] = {}  # one-letter string -> bits
_CHUNK_BITS: dict[str, int] = {}
_version = 0


def _register(clause: frozenset[str]) -> int:
    """Registers a clause; returns its bit."""
    global _version
    bit = 1 << len(_CLAUSES)
    _CLAUSES.append(clause)
    for needed in clause:
        if len(needed) == 1:
            _SINGLE[needed] = _SINGLE.get(needed, 0) | bit
        else:
            _BY_START.setdefault(needed[:2], []).append((needed, bit))
    _CHUNK_BITS.clear()
    _version += 1
    return bit


def _learn(chunk: str) -> int:
    """The clauses a chunk satisfies, computed and memoised (``_CHUNK_BITS`` misses only)."""
    version = _version
    bits = 0
    for at in range(len(chunk)):
        bits |= _SINGLE.get(chunk[at], 0)
        for needed, bit in _BY_START.get(chunk[at : at + 2], ()):
            if chunk.startswith(needed, at):
                bits |= bit
    if len(_CHUNK_BITS) > 1 << 16:  # bounded: a long tail of rare chunks must not pile up
        _CHUNK_BITS.clear()
    if version == _version:  # not if a registration ran meanwhile (another thread)
        _CHUNK_BITS[chunk] = bits
    return bits


class Prepared:
    """One event's text and what the extractors derive from it, computed on first use."""

    __slots__ = ("_bits", "_questions", "_sentences", "_version", "chunks", "memo", "text")

    def __init__(self, text: str):
        self.text = text
        # Chunks, not words: a required string is letters only, so it lies inside one chunk,
        # and str.split is far cheaper than a regex.
        self.chunks = fold(text).split()
        self._bits = 0
        self._version = -1
        self._sentences: list[Span] | None = None
        self._questions: dict[int, bool] = {}
        #: What an extractor derives from this text alone and reads again, under a key of its
        #: own (a ``CueList`` keeps its ``search`` result under itself).
        self.memo: dict[object, Any] = {}

    def remember(self, key: object, compute: Callable[[Prepared], T]) -> T:
        """``compute(self)``, worked out once for this text and kept in ``memo`` under
        ``key`` (an extractor's own)."""
        try:
            found: T = self.memo[key]
        except KeyError:
            found = self.memo[key] = compute(self)
        return found

    def clauses(self) -> int:
        """The registered clauses this text satisfies, as bits."""
        if self._version != _version:
            version = _version
            # The memo lookups run in C; only unseen chunks go through _learn.
            known = list(map(_CHUNK_BITS.get, self.chunks))
            if None in known:
                known = [
                    _learn(chunk) if bits is None else bits
                    for chunk, bits in zip(self.chunks, known, strict=True)
                ]
            self._bits = reduce(or_, known, 0)
            self._version = version
        return self._bits

    def sentences(self) -> list[Span]:
        """``text.sentences`` of the text (the list is shared: do not modify it)."""
        if self._sentences is None:
            self._sentences = sentences(self.text)
        return self._sentences

    def asks(self, index: int) -> bool:
        """``text.is_question`` of the sentence at ``index`` of ``sentences()``."""
        found = self._questions.get(index)
        if found is None:
            found = self._questions[index] = is_question(self.text, self.sentences()[index])
        return found


class Recent:
    """A bounded memory of values by key that keeps the keys in use: two generations of at most
    ``size`` keys each. A key is looked up in the newer generation, then in the older one (and
    put back into the newer); when the newer is full it becomes the older, and the older is let
    go of. A key asked for again before ``size`` other keys were put is never dropped, so a
    working set of up to ``size`` keys is read once, at the cost of holding up to twice as many.

    A memory that is emptied whenever it is full drops its whole working set each time: the
    message texts of 1,000,000 synthetic events in session order (24,313 distinct) were
    prepared 77,418 times with 4,096 texts kept, and a text prepared again is read again by
    every extractor (its ``memo``); with two generations of 16,384, 24,469 times."""

    __slots__ = ("new", "old", "size")

    def __init__(self, size: int):
        self.size = size
        self.new: dict[Any, Any] = {}
        self.old: dict[Any, Any] = {}

    def get(self, key: Any) -> Any:
        """The value kept for ``key``, or None."""
        found = self.new.get(key)
        if found is None:
            found = self.old.get(key)
            if found is not None:
                self.put(key, found)
        return found

    def put(self, key: Any, value: Any) -> None:
        if len(self.new) >= self.size:
            self.old, self.new = self.new, {}
        self.new[key] = value

    def clear(self) -> None:
        self.new, self.old = {}, {}

    def __len__(self) -> int:
        """How many values are held (a key in both generations counts twice)."""
        return len(self.new) + len(self.old)


_CACHE = Recent(CACHE_SIZE)


def prepared(event: StoredEvent) -> Prepared:
    """The prepared text of ``event`` (its text or ""), shared by every extractor of a session.

    Keyed by the text itself: everything a ``Prepared`` holds (``memo`` included) depends on the
    text alone, and people repeat themselves across events and sessions ("ok", the same
    question), so a repeated text is read once (``Recent``: the texts in use are kept).
    """
    text = event.text or ""
    found = _CACHE.new.get(text)
    if found is None:
        found = _CACHE.get(text)
        if found is None:
            found = Prepared(text)
            _CACHE.put(text, found)
    return found


def prepare_text(text: str) -> Prepared:
    """A prepared text for callers that have no event (not cached)."""
    return Prepared(text)


class CueList:
    """An ordered list of patterns with the prefilter of the module docstring."""

    __slots__ = ("_always", "_compiled", "_first", "_index", "_needs", "patterns")

    def __init__(self, patterns: Iterable[AnyPattern]):
        #: As given: a ``LazyPattern`` is compiled only when a text may match it (``pattern``).
        self.patterns = tuple(patterns)
        self._compiled: list[AnyPattern | None] = [
            p if isinstance(p, re.Pattern) else None for p in self.patterns
        ]
        self._index: dict[int, int] = {}  # bit of a pattern's first clause -> its position
        self._needs: dict[int, int] = {}  # position -> bits of its other clauses
        always: list[int] = []
        for position, pattern in enumerate(self.patterns):
            clauses = requirement(pattern)
            if not clauses:
                always.append(position)
                continue
            self._index[_register(clauses[0])] = position
            if len(clauses) > 1:
                self._needs[position] = reduce(or_, map(_register, clauses[1:]), 0)
        self._always = tuple(always)
        self._first = reduce(or_, self._index, 0)

    def positions(self, text: Prepared) -> list[int]:
        """Positions of the patterns that may match ``text`` (a superset of those that do), in
        list order."""
        bits = text.clauses()
        woken = self._first & bits
        if not woken:
            return list(self._always)
        found = list(self._always)
        while woken:
            low = woken & -woken  # the lowest bit left
            found.append(self._index[low])
            woken ^= low
        found.sort()
        if not self._needs:
            return found
        needs = self._needs
        return [p for p in found if needs.get(p, 0) & bits == needs.get(p, 0)]

    def pattern(self, position: int) -> AnyPattern:
        """The pattern at ``position``, compiled (a gated ``LazyPattern`` stays itself: it
        searches its gate first)."""
        found = self._compiled[position]
        if found is None:
            lazy = self.patterns[position]
            found = self._compiled[position] = (
                lazy if isinstance(lazy, re.Pattern) or lazy.gate is not None else lazy.compiled()
            )
        return found

    def candidates(self, text: Prepared) -> list[AnyPattern]:
        """The patterns that may match ``text``, in list order, compiled."""
        return [self.pattern(p) for p in self.positions(text)]

    def search(self, text: Prepared) -> bool:
        """True when some pattern matches the text (``any(p.search(text))``), memoised on it."""
        return text.remember(self, lambda t: any(p.search(t.text) for p in self.candidates(t)))
