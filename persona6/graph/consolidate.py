"""Consolidation: a person's signals, from every session, become traits.

A pure function of the signal set: the same signals give the same traits, whatever order the
sessions were built in, which is what makes an incremental build equal a full one.

Per (kind, key):

- **confidence** = E x (1 - C), where E = 1 - prod_s (1 - r * w_s) over the distinct sessions s
  that support the claim, w_s the strongest signal weight in s (at most 1), r the kind's
  reliability (data/graph.yaml); C is the same product over the sessions that speak against it.
  Repeating a thing inside one session does not raise it; saying it in another session does.
- **polar kinds** (preferences, decisions): each session's net polarity gives it a sign; runs of
  the same sign in time order are read as one claim (one run), a change of mind (two runs: the
  first trait gets ``valid_to``, the second ``supersedes`` it) or a contradiction (more runs: one
  ``contested`` trait whose counter-evidence stays visible). A statement of change ("switched
  to", "changed my mind", "stop with the X") also supersedes an earlier preference that it
  names, that is its opposite by form ("foundationless frames" -> "foundation"), that shares
  its head noun, or that is an alternative of the same group (data/alternatives.yaml), and
  the other side of the same thing under another key ("stop with the tables" ends "give me
  numbers in a table").
- **valued kinds** (style, failure reactions): each session votes for the value it showed; the
  trait is the most voted value, other values are counter-evidence. A style key of things
  asked side by side (``ASKED_SIDE_BY_SIDE``: the format answers are asked in) makes a trait
  of each value, with nothing against it.
- **set kinds** (disclosures, concerns, topics, tasks): every session that mentions the key
  supports it; task sequences and topics must recur in ``min_sessions`` sessions. A plan
  announced as a change ("my goal is now ...", "change of plan", "instead") supersedes an
  earlier plan of the same disclosure category (``plan_changes``, ``_plan_change``).

A key is folded with its other number first (``fold_key``, graph.yaml ``number_folding``):
"red-eyes" and "red-eye" are one key, so a "red-eyes" against and a later "red-eye" for are a
change of mind of one trait, whose key is the form said most (the first said among equals).

All of it is a fold over each key's sessions in session order (``KeyState``): builds store the
fold and add new sessions to it (graph/build.py), which gives the same floats as folding
everything at once because the terms are added in the same order.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from functools import cache
from importlib import resources
from operator import itemgetter
from typing import Any

import pydantic_core

from persona6.extract.common import name_words
from persona6.extract.failure import cues as failure_cues
from persona6.extract.preference import lexicon as preference_lexicon
from persona6.extract.text import english_set, given_names, load_lexicon, packaged_yaml, singular
from persona6.types import (
    KIND_NAMES,
    Evidence,
    Signal,
    SignalKind,
    StoredSignal,
    Trait,
    TraitStatus,
)

#: Consolidation reads signals fresh from extractors (Signal) or back from the store
#: (StoredSignal); both have the fields it uses.
AnySignal = Signal | StoredSignal

PRODUCER = "persona6.graph.v1"

_VALUED = {SignalKind.STYLE, SignalKind.FAILURE}
#: Style keys whose values are requests that stand side by side, each its own trait (a valued
#: kind's other values are no counter-evidence for them): the format answers are asked in
#: (style.v22 ``format``). Bullet points asked in one session and a formal tone in another are
#: two standing requests; voted as one key, the second made the first counter-evidence and
#: the brief said only one of them. A session votes once for each format it asked (style.v26),
#: each supported by the signals of its own requests.
ASKED_SIDE_BY_SIDE = frozenset({"format"})
#: The kinds the fold asks about per signal, held here (as ``types.KIND_NAMES`` holds each
#: kind's name): in Python 3.11 ``SignalKind.TEXTURE`` and ``kind.value`` each run an enum
#: descriptor written in Python, and a build asked them several times per signal.
_TEXTURE, _FAILURE = SignalKind.TEXTURE, SignalKind.FAILURE
_DISCLOSURE = SignalKind.DISCLOSURE.value
_WORD = re.compile(r"[a-z0-9+#]+")
_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "my",
        "our",
        "your",
        "their",
        "his",
        "her",
        "its",
        "of",
        "for",
        "to",
        "in",
        "on",
        "at",
        "by",
        "with",
        "and",
        "or",
        "it",
        "this",
        "that",
        "these",
        "those",
        "i",
        "me",
        "we",
        "you",
        "them",
        "now",
        "over",
        "than",
    ]
)


@dataclass(frozen=True, slots=True)
class GraphConfig:
    reliability: dict[str, float]
    polar_kinds: frozenset[str]
    min_sessions: dict[str, int]
    max_evidence: int
    change_cues: tuple[re.Pattern[str], ...]
    #: The words the change cues are made of ("changed", "mind", "now", ...): they say that
    #: something changed, never what it was (``_relation``; ``_cue_words``).
    cue_words: frozenset[str]
    #: The preference extractor's frames of an idiom of changing taste ("I've gone off X",
    #: "I'm so over X", "X has grown on me"; graph.yaml ``taste_change_frames``): a statement
    #: one matches ends only the other side of the same thing (``_preference_change``).
    taste_cues: tuple[re.Pattern[str], ...]
    alternatives: dict[str, str]  # member -> group
    failure_labels: dict[str, str]  # a failure key -> how it reads after "after"
    #: ``failure_acts``: a reaction's act is said when one act decided more than this share
    #: of its episodes, unless the reaction is one of ``attempt_reactions`` (``said_act``).
    act_share: float
    attempt_reactions: frozenset[str]
    #: ``sequence_paths.fold_share``: checked where it is read (graph/paths.py ``fold_share``).
    fold_share: float
    #: Each member as a whole word (``_group``), compiled once, in the order of ``alternatives``.
    members: tuple[tuple[re.Pattern[str], str], ...]
    #: Forms of a key that is without a thing ("foundationless", "sugar-free"): group ``thing``.
    opposites: tuple[re.Pattern[str], ...]
    #: alternatives.yaml ``same``: each name of an alternative that has several, as a whole
    #: word, with the number of its set of names (``_alternatives_named``).
    same: tuple[tuple[re.Pattern[str], int], ...]
    #: Disclosure categories of plans and goals (``plans``): a new one announced as a change
    #: supersedes an earlier one of the same category (``plan_changes``).
    plan_categories: frozenset[str]
    plan_cues: tuple[re.Pattern[str], ...]
    #: The nouns a plan is stated with ("my goal is ...", "the plan is ...").
    plan_frames: frozenset[str]
    #: The words of the plan cues and frames: they say that a plan changed, never what it was.
    plan_words: frozenset[str]


@cache
def config() -> GraphConfig:
    data = packaged_yaml("graph.yaml")
    lexicon = packaged_yaml("alternatives.yaml")
    groups = lexicon["groups"]
    alternatives = {m.lower(): g for g, members in groups.items() for m in members}
    plans = data["plan_changes"]
    cues = change_cues()
    return GraphConfig(
        reliability={k: float(v) for k, v in data["reliability"].items()},
        polar_kinds=frozenset(data["polar_kinds"]),
        min_sessions={k: int(v) for k, v in data["min_sessions"].items()},
        max_evidence=int(data["max_evidence"]),
        change_cues=tuple(re.compile(p, re.IGNORECASE) for p in cues),
        cue_words=_cue_words(cues, data["change_amounts"]),
        taste_cues=tuple(re.compile(p, re.IGNORECASE) for p in taste_change_cues()),
        alternatives=alternatives,
        failure_labels={str(k): str(v) for k, v in data["failure_labels"].items()},
        act_share=float(data["failure_acts"]["share"]),
        attempt_reactions=frozenset(str(r) for r in data["failure_acts"]["attempt_reactions"]),
        fold_share=float(data["sequence_paths"]["fold_share"]),
        members=tuple(
            (re.compile(rf"(?<![\w+#]){re.escape(member)}(?![\w+#])"), group)
            for member, group in alternatives.items()
        ),
        opposites=tuple(re.compile(p) for p in data["opposites"]),
        same=tuple(
            (re.compile(rf"(?<![\w+#]){re.escape(str(name).lower())}(?![\w+#])"), number)
            for number, names in enumerate(lexicon.get("same", []))
            for name in names
        ),
        plan_categories=frozenset(plans["categories"]),
        plan_cues=tuple(re.compile(p, re.IGNORECASE) for p in plans["cues"]),
        plan_frames=frozenset(w.lower() for w in plans["frames"]),
        plan_words=frozenset(
            {w.lower() for w in plans["frames"]}
            | {w.lower() for p in plans["cues"] for w in re.findall(r"(?<!\\)[A-Za-z]{2,}", p)}
        ),
    )


#: Bump when the stored fold (KeyState.to_json) changes meaning or form, or when the traits it
#: stores would read differently (their statements): stored states of another version are
#: ignored and recomputed from the signals. 2: a switch reads "switched from X to Y". 3: a
#: failure the person reported reads "after a breakage they reported". 4: a change of mind
#: across keys also ends the opposite side of the same thing and a thing's opposite by form
#: (the changes applied, stored with the states, read differently). 5: a plan announced as a
#: change supersedes an earlier plan (plan disclosures store their traits, the changes applied
#: are stored by group). 6: a failure trait says the act its reaction was ("switch (revert
#: change, 3 of 3 episodes)"): the state counts each reaction's acts. 7: one thing in either
#: number is one key (``fold_key``): states are kept by the folded key and count the forms said.
#: 8: the statement of a change of mind across keys counts as a session against the trait it
#: ends (its ``counter_sessions``), as it is its counter-evidence. 9: each format a session asks
#: (style.v26: a signal per format) votes, supported by its own signals only. 10: a change of
#: mind of one key said as a change ("I've changed my mind, I prefer cups now") has nothing
#: against the new trait: the sessions before it support the trait it ends.
STATE_FORMAT = 10


#: A word class in a change cue: ``{from_to_verbs}`` (graph.yaml ``change_cues``).
_CLASS = re.compile(r"\{([a-z_]+)\}")


@cache
def change_cues() -> tuple[str, ...]:
    """graph.yaml ``change_cues`` with their word classes filled in: ``{name}`` is any phrase
    of preferences.yaml ``general_readings`` ``name`` (the one list the preference extractor
    reads too), ``{change_amounts}`` one of graph.yaml's ``change_amounts``. Longest phrase
    first, its words apart by any whitespace."""
    data = packaged_yaml("graph.yaml")
    classes = {
        **load_lexicon("preferences")["general_readings"],
        "change_amounts": data["change_amounts"],
    }

    def fill(found: re.Match[str]) -> str:
        name = found.group(1)
        words = classes.get(name)
        if not isinstance(words, list) or not words:
            available = ", ".join(sorted(k for k, v in classes.items() if isinstance(v, list)))
            raise ValueError(
                f"persona6/data/graph.yaml: change_cues: {{{name}}} names no word class. "
                "Use a list of preferences.yaml general_readings or change_amounts "
                f"(available: {available})"
            )
        phrases = sorted({str(w).lower() for w in words}, key=lambda w: (-len(w), w))
        return "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases)

    return tuple(_CLASS.sub(fill, str(p)) for p in data["change_cues"])


@cache
def taste_change_cues() -> tuple[str, ...]:
    """The patterns of the preference extractor's frames that graph.yaml
    ``taste_change_frames`` names by what they say (preferences.yaml ``frames`` ``says``: one
    list of the idioms of changing taste, with the frames' exclusions), each from a word's
    start. Not in ``state_version``: an edit of a frame is one of the preference extractor,
    whose version it bumps, and a build made with other extractors is a full one
    (build.py ``made_with``)."""
    names = [str(n) for n in packaged_yaml("graph.yaml")["taste_change_frames"]]
    frames = preference_lexicon().frames
    said = {frame.says for frame in frames}
    if missing := [n for n in names if n not in said]:
        raise ValueError(
            f"persona6/data/graph.yaml: taste_change_frames: {missing} is what no frame of "
            "preferences.yaml says. Name a frame by its `says` value, or remove the name"
        )
    return tuple(
        rf"(?<![\w'’-])(?:{frame.pattern.pattern})" for frame in frames if frame.says in names
    )


#: What in a change cue is no word of it: a lookaround, with one level of groups inside
#: ("(?<!n't )", "(?<!days )", "(?! than)": what the cue must not be next to).
_LOOKAROUND = re.compile(r"\(\?<?[=!](?:[^()]|\([^()]*\))*\)")
#: An escape of a cue (\b, \w, \s): no word of it.
_ESCAPE = re.compile(r"\\[A-Za-z]")
#: A word of a cue, once its escapes are out: letters not after a quantifier (\w+ing), nor
#: before an optional letter ("favou?r").
_CUE_WORD = re.compile(r"(?<![A-Za-z+*?])[A-Za-z]{2,}(?![A-Za-z?])")


def _cue_words(cues: Sequence[str], amounts: Sequence[str]) -> frozenset[str]:
    """The words the change cues are made of, lower case: not what a cue must not be next to
    (a lookaround: "n't", "days", "never"), not an amount (graph.yaml ``change_amounts``: "two",
    "half", which name what is taken now), not a fragment of a word ("ing" of "\\w+ing")."""
    said = {
        w.lower()
        for p in cues
        for w in _CUE_WORD.findall(_ESCAPE.sub(" ", _LOOKAROUND.sub(" ", p)))
    }
    return frozenset(said - {str(a).lower() for a in amounts})


@cache
def state_version() -> str:
    """What a stored KeyState was folded with: the fold's format and the graph settings
    (reliabilities, evidence limit, change cues) with the groups of alternatives a change of
    mind relates keys by, so that editing data/graph.yaml or data/alternatives.yaml recomputes
    the states (the changes applied are stored with them); and the change cues as filled from
    preferences.yaml's word classes (``change_cues``), so that a change to one of those
    classes does too, and no other edit of preferences.yaml."""
    data = resources.files("persona6.data")
    text = "".join(data.joinpath(name).read_text() for name in ("graph.yaml", "alternatives.yaml"))
    # the cues as filled from preferences.yaml's word classes: a change there re-folds too
    text += "\n".join(change_cues())
    digest = hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()
    return f"{PRODUCER}/{STATE_FORMAT}/{digest}"


# -- one thing in either number -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NumberFolding:
    """graph.yaml ``number_folding``, with the word lists it reads."""

    kinds: frozenset[str]
    head_before: frozenset[str]
    keep_endings: tuple[str, ...]
    not_plurals: frozenset[str]
    irregular: dict[str, str]  # plural -> singular
    #: Common English words, lower case (data/english_words.txt): no product or brand names.
    words: frozenset[str]
    #: Given names and places (names.yaml, places.yaml): proper names, never folded.
    names: frozenset[str]
    #: Whole keys of alternatives.yaml that keep their number (``_lexicon_kept``).
    kept: frozenset[str]


@cache
def number_folding() -> NumberFolding:
    data = packaged_yaml("graph.yaml")["number_folding"]
    data_dir = resources.files("persona6.data")
    words = frozenset(
        line.strip()
        for line in data_dir.joinpath("english_words.txt").read_text("utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    )
    places = packaged_yaml("places.yaml")
    names = frozenset(
        str(n).lower()
        for n in [
            *given_names(),
            *places["regions"],
            *places["countries"],
            *places["cities"],
        ]
    )
    base = NumberFolding(
        kinds=frozenset(data["kinds"]),
        head_before=frozenset(data["head_before"]),
        keep_endings=tuple(data["keep_endings"]),
        not_plurals=frozenset(data["not_plurals"]),
        irregular={str(k): str(v) for k, v in data["irregular"].items()},
        words=words,
        names=names,
        kept=frozenset(),
    )
    return replace(base, kept=_lexicon_kept(base))


def _lexicon_kept(nf: NumberFolding) -> frozenset[str]:
    """The things of alternatives.yaml that keep their number: a one-word member whose other
    number is not a member of its group (a name: "teams", "windows", "slides"), and both
    numbers when they are members of different groups (two things)."""
    groups = packaged_yaml("alternatives.yaml")["groups"]
    by_stem: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for group, members in groups.items():
        for member in members:
            member = str(member).lower()
            stem = _folded(member, nf)
            if stem is not None:
                by_stem[stem][group].add(member)
    kept: set[str] = set()
    for found in by_stem.values():
        members = {m for ms in found.values() for m in ms}
        if len(found) > 1 or (len(members) == 1 and " " not in next(iter(members))):
            kept |= members
    return frozenset(kept)


def _number_stem(word: str, nf: NumberFolding) -> str | None:
    """One form of ``word`` for both its numbers ("summary", "summaries" -> "summari";
    "red-eye", "red-eyes" -> "red-eye"), or None when its number is not folded."""
    last = word.rsplit("-", 1)[-1]
    if not last.isalpha() or last in nf.names or last not in nf.words:
        return None
    if last in nf.irregular:
        base = nf.irregular[last]
    elif (
        last.endswith("s")
        and len(last) > 3
        and last not in nf.not_plurals
        and not last.endswith(nf.keep_endings)
    ):
        base = last[:-1]
    else:
        base = last
    if base.endswith("ie") and len(base) > 2:  # movie(s), summarie(s)
        base = base[:-1]
    elif base.endswith("y") and len(base) > 2 and base[-2] not in "aeiouy":  # summary
        base = base[:-1] + "i"
    elif base.endswith(("che", "she", "xe", "ze")):  # watche(s), boxe(s)
        base = base[:-1]
    return word[: len(word) - len(last)] + base


def _folded(body: str, nf: NumberFolding) -> str | None:
    """``body`` with its head noun in the one form of both numbers, or None when its number
    is not folded."""
    words = body.split(" ")
    cut = next((i for i, w in enumerate(words) if i and w in nf.head_before), len(words))
    stem = _number_stem(words[cut - 1], nf)
    if stem is None:
        return None
    return " ".join([*words[: cut - 1], stem, *words[cut:]])


@cache
def fold_key(kind: str, key: str) -> str:
    """The key a signal is consolidated under: the same for two keys that differ only in the
    number of their head noun (graph.yaml ``number_folding``), else the key itself. A
    disclosure's category ("possessions:") stays as it is. Never a key shown: a trait's key is
    the form said most (``KeyState.shown_key``)."""
    nf = number_folding()
    if kind not in nf.kinds:
        return key
    category, colon, body = key.partition(":")
    if not colon or " " in category:
        category, body = "", key
    else:
        category += ":"
    if not body or body in nf.kept:
        return key
    folded = _folded(body, nf)
    # Marked, so that it is never a key of its own: "car" (kept, a thing of the lexicon) is
    # not the fold of "cars".
    return key if folded is None else f"{category}{folded}{_FOLDED}"


#: The end of a folded key (``fold_key``): no extractor's key holds it.
_FOLDED = " #n"


#: One cited evidence item: (event_id, start, end, quote).
Item = tuple[str, int, int, str]


class _Cited:
    """One signal's place in time order (``_order``) and the evidence items it cites, parsed
    only when the evidence walk reaches the signal (most of a person's signals it never does).

    ``in_order``: the items are the parse of the evidence JSON that ends the order (a stored
    signal with evidence), so a stored state need not write them twice."""

    __slots__ = ("_items", "_signal", "in_order", "order")

    def __init__(
        self,
        order: tuple[str, ...],
        signal: AnySignal | None = None,
        items: tuple[Item, ...] | None = None,
    ):
        self.order = order
        self._signal = signal
        self._items = items
        if signal is not None:
            self.in_order = isinstance(signal, StoredSignal) and signal.evidence_json != "[]"
        else:
            self.in_order = items is None

    @property
    def items(self) -> tuple[Item, ...]:
        if self._items is None:
            if self._signal is None:
                self._items = _parse_evidence(self.order[6])
            else:
                self._items = _cited(self._signal)
                self._signal = None
        return self._items

    @property
    def session_id(self) -> str:
        return self.order[1]


class SessionSay:
    """One session's say on one (kind, key): its signals in time order, read once."""

    __slots__ = ("cited", "first_ts", "last_ts", "session_id", "signals")

    def __init__(
        self,
        session_id: str,
        signals: list[AnySignal],
        orders: list[tuple[str, ...]] | None = None,
    ):
        """``signals`` in ``_order``; ``orders`` their orders, if known already."""
        self.session_id = session_id
        self.signals = signals
        if orders is None:
            orders = [_order(s) for s in signals]
        self.cited = [_Cited(order, s) for order, s in zip(orders, signals, strict=True)]
        self.first_ts = signals[0].ts
        self.last_ts = signals[-1].ts

    @property
    def place(self) -> tuple[str, str]:
        """Where the session sorts among the key's sessions."""
        return (self.first_ts, self.session_id)


def sessions_by_key(
    signals: Sequence[AnySignal], keys: Collection[tuple[str, str]] | None = None
) -> dict[tuple[SignalKind, str], list[SessionSay]]:
    """Each (kind, folded key)'s sessions (only these keys', if given: folded keys,
    ``fold_key``) in the order consolidation folds them: by first signal time, then session
    id; each session's signals in ``_order``. Texture is left out (a profile for identity
    linking, not a claim)."""
    names = KIND_NAMES
    folded_signals = (
        (signal, names[signal.kind], fold_key(names[signal.kind], signal.key))
        for signal in signals
        if signal.kind is not _TEXTURE
    )
    ordered = sorted(
        (
            (_order(signal), signal, folded)
            for signal, name, folded in folded_signals
            if keys is None or (name, folded) in keys  # only these are sorted
        ),
        key=itemgetter(0),  # stored signals come in this order: a linear pass
    )
    grouped: dict[tuple[SignalKind, str], dict[str, tuple[list, list]]] = defaultdict(dict)
    for order, signal, folded in ordered:
        found = grouped[(signal.kind, folded)].get(signal.session_id)
        if found is None:
            found = grouped[(signal.kind, folded)][signal.session_id] = ([], [])
        found[0].append(signal)
        found[1].append(order)
    return {
        pair: sorted(
            (SessionSay(session, found, orders) for session, (found, orders) in by_session.items()),
            key=lambda s: s.place,
        )
        for pair, by_session in grouped.items()
    }


class _Side:
    """The sessions on one side of a claim (its support, or what speaks against it), folded
    in session order: everything a trait needs of them, without their signals.

    Every sum and product is accumulated in the order the trait formula walks the sessions
    and their signals, so a state folded session by session gives the same floats as one
    folded at once. Evidence keeps only the signals the newest-first walk of ``evidence``
    can reach: a signal added later (newer or older) never makes that walk go further back.
    """

    __slots__ = (
        "first_ts",
        "last_seen",
        "latest",
        "measure_sum",
        "measures",
        "missing",
        "oldest",
        "polarity",
        "producers",
        "recent",
        "sessions",
        "signals",
        "values",
    )

    def __init__(self) -> None:
        self.sessions = 0
        self.first_ts = ""
        self.last_seen = ""
        self.missing = 1.0  # prod (1 - r * w_s): the confidence is 1 - missing
        self.signals = 0
        self.polarity: float = 0
        self.measure_sum: float = 0
        self.measures = 0
        self.latest: tuple[str, str] = ("", "")  # (ts, value) of the newest signal
        self.producers: set[str] = set()
        self.values: dict[str, int] = {}
        self.recent: list[_Cited] = []  # in _order; the newest ones the evidence walk reaches
        self.oldest: _Cited | None = None  # the oldest signal citing anything

    def copy(self) -> _Side:
        twin = _Side()
        for name in _Side.__slots__:
            setattr(twin, name, getattr(self, name))
        twin.producers = set(self.producers)
        twin.values = dict(self.values)
        twin.recent = list(self.recent)
        return twin

    def add(
        self,
        first_ts: str,
        last_ts: str,
        signals: Sequence[AnySignal],
        cited: Sequence[_Cited],
        reliability: float,
        limit: int,
        summary: _Summary | None = None,
    ) -> None:
        """Fold one session's signals (all of them, or those of one value) into this side;
        ``summary`` is theirs, if known already."""
        strength, tally, producers, latest = summary or _summary(signals)
        if not self.sessions:
            self.first_ts = first_ts
        self.sessions += 1
        if last_ts > self.last_seen:
            self.last_seen = last_ts
        self.missing *= 1.0 - reliability * strength
        self.signals += len(signals)
        for signal in signals:  # one by one: a float sum depends on the order of its terms
            self.polarity += signal.polarity
            if signal.measure is not None:
                self.measure_sum += signal.measure
                self.measures += 1
        if latest > self.latest:
            self.latest = latest
        self.producers |= producers
        values = self.values
        for value, count in tally.items():
            values[value] = values.get(value, 0) + count
        for entry in cited:
            if (self.oldest is None or entry.order < self.oldest.order) and entry.items:
                self.oldest = entry
        if self.recent and cited[0].order < self.recent[-1].order:
            self.recent = sorted([*self.recent, *cited], key=lambda e: e.order)
        else:
            self.recent.extend(cited)

    def compact(self, limit: int) -> None:
        """Forget the signals the evidence walk can no longer reach (done before storing, not
        after each session: the walk parses the evidence of every signal it passes)."""
        self.recent = self.recent[_reached(self.recent, limit) :]

    def evidence(self, limit: int) -> tuple[list[Evidence], dict[str, str]]:
        """The oldest item and the newest ones (``limit`` in all), deduplicated, oldest
        first; and the session of each cited event."""
        # An item is told apart by (event_id, start, end); the whole item is as good a key,
        # since the quote is text[start:end] of the event.
        chosen: list[tuple[Item, str]] = []
        seen: set[Item] = set()
        for entry in reversed(self.recent):
            if len(chosen) >= limit - 1:
                break
            for item in entry.items:
                if item not in seen:
                    seen.add(item)
                    chosen.append((item, entry.session_id))
        newest = chosen[: limit - 1]
        ordered = list(reversed(newest))
        if self.oldest is not None:
            first = self.oldest.items[0]
            if first not in {item for item, _ in newest}:
                ordered.insert(0, (first, self.oldest.session_id))
        return [_evidence_item(item) for item, _ in ordered], {
            item[0]: session_id for item, session_id in ordered
        }


#: What a side takes from a session's signals at once: (strength, value counts, producers,
#: (ts, value) of the newest).
_Summary = tuple[float, dict[str, int], set[str], tuple[str, str]]


def _summary(signals: Sequence[AnySignal]) -> _Summary:
    if len(signals) == 1:  # most sessions say a thing once
        (only,) = signals
        return (min(1.0, only.weight), {only.value: 1}, {only.producer}, (only.ts, only.value))
    return (
        min(1.0, max(s.weight for s in signals)),
        _tally(signals),
        {s.producer for s in signals},
        max((s.ts, s.value) for s in signals),
    )


def _reached(recent: list[_Cited], limit: int) -> int:
    """Index of the oldest entry the newest-first evidence walk reaches (0: all of them)."""
    seen: set[Item] = set()
    for index in range(len(recent) - 1, -1, -1):
        if len(seen) >= limit - 1:
            return index + 1
        seen.update(recent[index].items)
    return 0


class KeyState:
    """Consolidation of one person's (kind, key), folded session by session in session order.

    ``traits()`` gives what ``consolidate`` gives for the key before changes of mind across
    keys are applied. Builds store the state (``to_json``) and fold new sessions into it
    instead of reading every past signal again; folding in order is what makes that exact.
    """

    __slots__ = (
        "acts",
        "against",
        "all",
        "first_signed",
        "forms",
        "key",
        "kind",
        "last",
        "latest",
        "runs",
        "second_run",
        "sides",
        "sign",
        "votes",
    )

    def __init__(self, kind: SignalKind, key: str):
        self.kind = kind
        self.key = key  # the folded key (``fold_key``)
        #: The keys its signals were said with, each with how many signals said it, in the
        #: order first said (``shown_key``).
        self.forms: dict[str, int] = {}
        self.last: tuple[str, str] | None = None  # the place of the last session folded
        self.all = _Side()  # every session
        #: Polar kinds: "+" and "-", the sessions of each sign. Valued kinds: the sessions
        #: voting (style) or showing (failure) each value, with only that value's signals
        #: for failure episodes.
        self.sides: dict[str, _Side] = {}
        self.runs = 0  # polar: runs of one sign, in session order
        self.sign = ""  # polar: the sign of the last run
        self.first_signed = ""  # polar: first_ts of the first session with a sign
        self.second_run = ""  # polar: first_ts of the first session of the second run
        self.votes: dict[str, int] = {}  # valued: votes (or episodes) per value, first seen first
        self.latest: dict[str, str] = {}  # valued: the newest signal's ts per value
        self.against: dict[str, _Side] = {}  # valued: the sessions not voting/showing each value
        #: failure: per reaction, its episodes per act (``reaction_act``, "" for none)
        self.acts: dict[str, dict[str, int]] = {}

    def add(self, session: SessionSay) -> None:
        """Fold the next session (it must sort after every session folded before)."""
        if self.last is not None and session.place <= self.last:
            raise ValueError(f"session {session.session_id!r} folded out of order")
        self.last = session.place
        forms = self.forms
        for signal in session.signals:
            forms[signal.key] = forms.get(signal.key, 0) + 1
        cfg = config()
        r, limit = cfg.reliability.get(self.kind, 0.3), cfg.max_evidence
        whole = (
            session.first_ts,
            session.last_ts,
            session.signals,
            session.cited,
            r,
            limit,
            _summary(session.signals),
        )
        if self.kind in _VALUED:
            self._vote(session, whole, r, limit)
        elif self.kind in cfg.polar_kinds:
            net = sum(s.polarity * max(s.weight, 1e-6) for s in session.signals)
            if net != 0:
                sign = "+" if net > 0 else "-"
                if sign != self.sign:
                    self.runs += 1
                    if self.runs == 1:
                        self.first_signed = session.first_ts
                    elif self.runs == 2:
                        self.second_run = session.first_ts
                    self.sign = sign
                self.sides.setdefault(sign, _Side()).add(*whole)
        self.all.add(*whole)

    def _vote(self, session: SessionSay, whole: tuple, r: float, limit: int) -> None:
        tally = _tally(session.signals)
        if self.kind is _FAILURE:  # each episode votes; the session shows them all
            shown = list(tally)
            for value, count in tally.items():
                self.votes[value] = self.votes.get(value, 0) + count
            for signal in session.signals:
                acts = self.acts.setdefault(signal.value, {})
                act = signal.context.get("reaction_act") or ""
                acts[act] = acts.get(act, 0) + 1
        else:
            # A style key of things asked side by side: each format the session asked (style.v26:
            # "bullet points please, and keep it short" asks two) votes, on its own signals.
            side_by_side = self.key in ASKED_SIDE_BY_SIDE
            shown = list(tally) if side_by_side else [max(sorted(tally), key=lambda v: tally[v])]
            for value in shown:
                self.votes[value] = self.votes.get(value, 0) + 1
        for value in shown:
            if value not in self.against:  # no session before this one showed it
                self.against[value] = self.all.copy()
            if self.kind is _FAILURE or (len(shown) > 1 and self.key in ASKED_SIDE_BY_SIDE):
                kept = [i for i, s in enumerate(session.signals) if s.value == value]
                signals = [session.signals[i] for i in kept]
                cited = [session.cited[i] for i in kept]
                only = (signals[0].ts, signals[-1].ts, signals, cited, r, limit)
                self.sides.setdefault(value, _Side()).add(*only)
            else:
                self.sides.setdefault(value, _Side()).add(*whole)
        for value, side in self.against.items():
            if value not in shown:
                side.add(*whole)
        for signal in session.signals:
            self.latest[signal.value] = max(self.latest.get(signal.value, ""), signal.ts)

    def traits(self, person_id: str) -> list[Trait]:
        """The key's traits, before changes of mind across keys (``finish``)."""
        if not self.all.sessions:
            return []
        kind, key = self.kind, self.shown_key()
        cfg = config()
        if kind in _VALUED:
            if kind is SignalKind.STYLE and self.key in ASKED_SIDE_BY_SIDE:
                return [self._asked(person_id, value) for value in self.votes]
            return [self._valued(person_id)]
        if KIND_NAMES[kind] in cfg.polar_kinds:
            if not self.runs:
                return [_trait(person_id, kind, key, self.all, _Side())]
            latest = self.sides[self.sign]
            other = self.sides.get("-" if self.sign == "+" else "+", _Side())
            if self.runs == 1:
                return [_trait(person_id, kind, key, latest, _Side())]
            if self.runs == 2:
                old = _trait(person_id, kind, key, other, _Side(), valid_to=self.second_run)
                new = _trait(person_id, kind, key, latest, other, supersedes=old.id)
                if any(_is_change(e.quote, cfg) for e in new.evidence):
                    # The person said they changed their mind (format 10): what they said before
                    # is the old trait's support, not evidence against what they say now.
                    new = _trait(person_id, kind, key, latest, _Side(), supersedes=old.id)
                return [old, new]
            return [
                _trait(
                    person_id,
                    kind,
                    key,
                    latest,
                    other,
                    valid_from=self.first_signed,
                    status=TraitStatus.CONTESTED,
                )
            ]
        if self.all.sessions >= self.sessions_needed():
            return [_trait(person_id, kind, key, self.all, _Side())]
        return []

    def shown_key(self) -> str:
        """The key its traits have: the form said most, of those its signals were said with
        (one thing in either number, ``fold_key``); the one said first among equals."""
        forms = self.forms
        if len(forms) == 1:
            return next(iter(forms))
        if not forms:
            return self.key
        return max(forms, key=lambda form: forms[form])  # max keeps the first of equals

    def sessions_needed(self) -> int:
        """The fewest sessions a trait of this key rests on (the kinds that must recur)."""
        name = KIND_NAMES[self.kind]
        if self.kind in _VALUED or name in config().polar_kinds:
            return 1
        name = "task_sequence" if self.key.startswith("sequence:") else name
        return config().min_sessions.get(name, 1)

    def _valued(self, person_id: str) -> Trait:
        """Style: each session votes once. Failure reactions: each episode votes once, and a
        session supports the winner if any of its episodes showed it."""
        counts = Counter(self.votes)  # insertion order kept: most_common breaks ties by it
        winner = max(sorted(counts), key=lambda v: (counts[v], self.latest[v]))  # ties: newest
        unit = "episodes" if self.kind is SignalKind.FAILURE else "sessions"
        total = sum(counts.values())
        detail = ", ".join(f"{v} {n}" for v, n in counts.most_common())
        # What the person did, when it says more than the reaction's kind (``said_act``).
        act = said_act(winner, self.acts.get(winner, {}))
        act = f"{act}, " if act else ""
        if len(counts) > 1:
            tally = f" ({act}{counts[winner]} of {total} {unit}: {detail})"
        elif self.kind is SignalKind.FAILURE:
            tally = f" ({act}{total} of {total} {unit})"
        else:
            tally = ""  # one value throughout: the session count says it all
        return _trait(
            person_id,
            self.kind,
            self.shown_key(),
            self.sides[winner],
            self.against[winner],
            valid_from=self.all.first_ts,
            value=winner,
            tally=tally,
        )

    def _asked(self, person_id: str, value: str) -> Trait:
        """A value of a style key of things asked for side by side (``ASKED_SIDE_BY_SIDE``):
        a trait of its own, from the sessions that asked it, with nothing against it (another
        session asking another format asks for that too, it takes nothing back)."""
        support = self.sides[value]
        return _trait(
            person_id,
            self.kind,
            self.shown_key(),
            support,
            _Side(),
            valid_from=support.first_ts,
            value=value,
            named_by=value,
        )

    # -- storage ---------------------------------------------------------------------------

    def to_json(self, tail: SessionSay | None = None) -> str:
        """The state as JSON text, with the signals of ``tail`` (the session a build folds in
        after it: ``from_json`` gives it back). Cited signals shared by several sides are
        written once, without the kind and key (the state's) and without items that are
        their evidence JSON."""
        if self.last is None:  # nothing folded yet: the same body for every key
            return f"{_empty_body()}{'null' if tail is None else _tail_json(tail)}}}"
        return self._json(tail)

    def _json(self, tail: SessionSay | None) -> str:
        limit = config().max_evidence
        pool: dict[int, int] = {}
        entries: list[list[Any]] = []

        def ref(entry: _Cited | None) -> int:
            if entry is None:
                return -1
            index = pool.get(id(entry))
            if index is None:
                index = pool[id(entry)] = len(entries)
                ts, session_id, actor, _, key, value, evidence = entry.order
                items = None if entry.in_order else entry.items
                said = [key] if key != self.key else []  # the form, when folded
                entries.append([ts, session_id, actor, value, evidence, items, *said])
            return index

        def side(s: _Side) -> list[Any]:
            s.compact(limit)
            return [
                s.sessions,
                s.first_ts,
                s.last_seen,
                s.missing,
                s.signals,
                s.polarity,
                s.measure_sum,
                s.measures,
                list(s.latest),
                sorted(s.producers),
                s.values,
                [ref(e) for e in s.recent],
                ref(s.oldest),
            ]

        body = {
            "last": self.last,
            "all": side(self.all),
            "sides": {name: side(s) for name, s in self.sides.items()},
            "runs": [self.runs, self.sign, self.first_signed, self.second_run],
            "votes": list(self.votes.items()),
            "latest": self.latest,
            "against": {name: side(s) for name, s in self.against.items()},
            "acts": self.acts,
            "forms": list(self.forms.items()),
            "pool": entries,
            "tail": None,
        }
        # pydantic-core's JSON: several times faster than json's, floats written in their
        # shortest exact form and read back bit for bit (the fold depends on it). The tail
        # comes last, written alone: the same text as inside the body.
        text = pydantic_core.to_json(body).decode("utf-8")
        return text if tail is None else f"{text[: -len('null}')]}{_tail_json(tail)}}}"

    @classmethod
    def from_json(cls, kind: SignalKind, key: str, text: str) -> tuple[KeyState, SessionSay | None]:
        """The state ``to_json`` wrote, and the tail session written with it."""
        body = pydantic_core.from_json(text)
        entries = [
            _Cited(
                (ts, session_id, actor, kind, said[0] if said else key, value, evidence),
                items=None if items is None else tuple(tuple(item) for item in items),
            )
            for ts, session_id, actor, value, evidence, items, *said in body["pool"]
        ]

        def side(fields: list[Any]) -> _Side:
            s = _Side()
            (
                s.sessions,
                s.first_ts,
                s.last_seen,
                s.missing,
                s.signals,
                s.polarity,
                s.measure_sum,
                s.measures,
                latest,
                producers,
                s.values,
                recent,
                oldest,
            ) = fields
            s.latest = (latest[0], latest[1])
            s.producers = set(producers)
            s.recent = [entries[i] for i in recent]
            s.oldest = entries[oldest] if oldest >= 0 else None
            return s

        state = cls(kind, key)
        state.last = None if body["last"] is None else (body["last"][0], body["last"][1])
        state.all = side(body["all"])
        state.sides = {name: side(f) for name, f in body["sides"].items()}
        state.runs, state.sign, state.first_signed, state.second_run = body["runs"]
        state.votes = dict(body["votes"])
        state.latest = body["latest"]
        state.against = {name: side(f) for name, f in body["against"].items()}
        state.acts = {value: dict(acts) for value, acts in body["acts"].items()}
        state.forms = {form: count for form, count in body["forms"]}
        tail = None
        if body["tail"]:
            signals: list[AnySignal] = [
                StoredSignal(row[0], row[1], kind, *row[3:]) for row in body["tail"]
            ]
            tail = SessionSay(signals[0].session_id, signals)
        return state, tail


def said_forms(kind: str, key: str, text: str) -> set[str]:
    """The keys the signals of a stored state (``to_json``: ``text``) were said with, its
    tail's too: every key its traits may have had (``KeyState.shown_key``). Only a folded key
    (``fold_key``) has others than itself."""
    if not key.endswith(_FOLDED):
        return {key}
    body = pydantic_core.from_json(text)
    return {form for form, _ in body["forms"]} | {row[3] for row in body["tail"] or ()}


def _tail_json(tail: SessionSay) -> str:
    return pydantic_core.to_json([_stored_fields(s) for s in tail.signals]).decode("utf-8")


def _stored_fields(signal: AnySignal) -> list[Any]:
    assert isinstance(signal, StoredSignal), "a build stores states of stored signals only"
    return [
        signal.session_id,
        signal.actor,
        KIND_NAMES[signal.kind],
        signal.key,
        signal.value,
        signal.polarity,
        signal.weight,
        signal.measure,
        signal.ts,
        signal.producer,
        signal.evidence_json,
        signal.context_json,
    ]


@cache
def _empty_body() -> str:
    """``to_json`` of a state with nothing folded, up to its tail (``null}``, or the tail's
    JSON and ``}``): the same for every kind and key. Half the keys of a full build hold a
    single session (task sequences seen once), stored as this state and that session."""
    return KeyState(SignalKind.TASK, "")._json(None).removesuffix("null}")


def consolidate(person_id: str, signals: Sequence[AnySignal]) -> list[Trait]:
    """Every trait of one person, from all signals about the actors that are this person."""
    traits: list[Trait] = []
    for (kind, key), sessions in sorted(sessions_by_key(signals).items()):
        state = KeyState(kind, key)
        for session in sessions:
            state.add(session)
        traits.extend(state.traits(person_id))
    return finish(traits)


def finish(traits: list[Trait]) -> list[Trait]:
    """The traits of every key of a person, with changes of mind across keys applied, in the
    order they are shown. ``traits`` must hold every polar trait of the person."""
    changes_of_mind(traits)
    names = KIND_NAMES
    return sorted(traits, key=lambda t: (names[t.kind], -t.confidence, t.key, t.valid_from))


def _tally(signals: Sequence[AnySignal]) -> dict[str, int]:
    """Counter(s.value for s in signals), as a plain dict (most sessions hold one signal)."""
    if len(signals) == 1:
        return {signals[0].value: 1}
    tally: dict[str, int] = {}
    for signal in signals:
        tally[signal.value] = tally.get(signal.value, 0) + 1
    return tally


def _trait(
    person_id: str,
    kind: SignalKind,
    key: str,
    support: _Side,
    against: _Side,
    *,
    valid_from: str | None = None,
    valid_to: str | None = None,
    supersedes: str | None = None,
    status: TraitStatus | None = None,
    value: str | None = None,
    tally: str = "",
    named_by: str = "",
) -> Trait:
    """The trait ``support`` makes against ``against``; ``status`` and ``value`` replace what
    it would have otherwise, and ``tally`` follows its statement. ``named_by`` (a value asked
    side by side) is in its id beside the key: two formats first asked in one session are two
    traits."""
    limit = config().max_evidence
    first_seen, last_seen = support.first_ts, support.last_seen
    start = valid_from or first_seen
    evidence, where = support.evidence(limit)
    counter, counter_where = against.evidence(limit)
    majority = _majority_value(support.values) if kind in _VALUED else ""
    latest_value = support.latest[1]
    return Trait(
        id=_trait_id(person_id, kind, f"{key}\x1f{named_by}" if named_by else key, start),
        person_id=person_id,
        kind=kind,
        key=key,
        value=value if value is not None else latest_value if kind not in _VALUED else majority,
        statement=_cased(_their(statement(kind, key, latest_value, majority), kind), kind, evidence)
        + tally,
        polarity=round(support.polarity / support.signals, 4),
        measure=round(support.measure_sum / support.measures, 4) if support.measures else None,
        confidence=round((1.0 - support.missing) * (1.0 - (1.0 - against.missing)), 4),
        status=status or (TraitStatus.SUPERSEDED if valid_to else TraitStatus.ACTIVE),
        sessions=support.sessions,
        counter_sessions=against.sessions,
        signals=support.signals,
        first_seen=first_seen,
        last_seen=last_seen,
        span_days=round(_days(first_seen, last_seen), 3),
        valid_from=start,
        valid_to=valid_to,
        producers=sorted(support.producers),
        evidence=evidence,
        counter_evidence=counter,
        evidence_sessions={**where, **counter_where},
        supersedes=supersedes,
    )


#: Kinds whose statements are the person's words, lower-cased by the extractors.
_WORDED = {SignalKind.PREFERENCE, SignalKind.DISCLOSURE, SignalKind.DECISION, SignalKind.TOPIC}
_NAME_WORD = re.compile(r"[^\W\d_][\w'-]*")


#: The speaker's own words in a statement about them, as a third person says them.
_THEIR = {
    "i": "they",
    "me": "them",
    "my": "their",
    "mine": "theirs",
    "myself": "themselves",
    "i'm": "they're",
    "im": "they're",
    "i've": "they've",
    "ive": "they've",
    "i'd": "they'd",
    "i'll": "they'll",
    # The speaker for their household or team ("works from our Chicago office"). Not "us":
    # a lower-cased value cannot tell it from "US".
    "we": "they",
    "our": "their",
    "ours": "theirs",
    "ourselves": "themselves",
    "we're": "they're",
    "we've": "they've",
    "we'd": "they'd",
    "we'll": "they'll",
}
#: A verb after "I" that changes with "they".
_AFTER_THEY = {"am": "are", "was": "were", "'m": "'re"}
_FIRST_PERSON = re.compile(
    r"(?<![\w'-])(?:i'm|i've|i'd|i'll|im|ive|i|me|my|mine|myself"
    r"|we're|we've|we'd|we'll|we|our|ours|ourselves)(?![\w'-])"
)
_THEY_VERB = re.compile(r"(?<![\w'-])they (am|was)(?![\w'-])")


def _their(said: str, kind: SignalKind) -> str:
    """A statement with the speaker's first person said as a third person does: the value is
    the person's own words ("asks not to keep my card information", "looks for a coupon before
    i buy anything") and the statement speaks about them ("... their card information", "...
    before they buy anything"; "I am" -> "they are")."""
    if kind not in _WORDED or not _FIRST_PERSON.search(said):
        return said

    def swap(match: re.Match[str]) -> str:
        return _THEIR[match.group()]

    shifted = _FIRST_PERSON.sub(swap, said)
    return _THEY_VERB.sub(lambda m: f"they {_AFTER_THEY[m.group(1)]}", shifted)


def _cased(said: str, kind: SignalKind, evidence: Sequence[Evidence]) -> str:
    """``said`` with the words the quotes write capitalised written so ("prefers Slack for
    summaries", "runs the billing database for the EU region", "their CTO hates long emails"):
    the extractors' values are lower case, a brief echoes the statement. Only a form seen in
    mid-sentence and never in lower case counts; a quote mostly in capitals (shouting) or in
    title case says nothing of names, nor does one written all in lower case ("i love harry
    potter" keeps no "Harry" of another quote from being written so)."""
    if kind not in _WORDED or not evidence:
        return said
    forms: dict[str, str] = {}
    lower: set[str] = set()
    for item in evidence:
        quote = item.quote
        found = list(_NAME_WORD.finditer(quote))
        words = [m.group() for m in found]
        capital = [w for w in words if not w.islower()]
        if not words or (len(capital) * 5 > len(words) * 3 and len(words) > 2):
            continue  # "I Love The New Dashboard", "WHY IS IT DOWN AGAIN"
        named = [
            m
            for i, m in enumerate(found)
            if not m.group().islower()
            and (
                not _opens_sentence(quote, m.start())
                or (m.group().isupper() and len(m.group()) > 1)
                or _name_goes_on(quote, found, i)
            )
        ]
        if not named:
            continue  # written in lower case throughout (but for sentence openers)
        for match in named:
            forms.setdefault(match.group().lower(), match.group())
        lower.update(w for w in words if w.islower())
    if not forms:
        return said

    def case(match: re.Match[str]) -> str:
        word = match.group()
        return forms.get(word, word) if word not in lower else word

    return _NAME_WORD.sub(case, said)


def _name_goes_on(quote: str, found: list[re.Match[str]], i: int) -> bool:
    """Whether the capitalised sentence opener ``found[i]`` begins a name that goes on: the
    next word follows it after a space and is capitalised too ("Harry Potter is my favourite
    book")."""
    after = found[i + 1] if i + 1 < len(found) else None
    return (
        after is not None
        and quote[found[i].end() : after.start()] == " "
        and after.group()[:1].isupper()
        and after.group() != "I"
    )


def _opens_sentence(text: str, at: int) -> bool:
    """Whether the word at ``at`` opens a sentence (a capital there says nothing)."""
    before = text[:at].rstrip(" \t\"'“‘(*-")
    return not before or before[-1] in ".!?\n:;"


def chosen_sides(traits: Sequence[Trait]) -> dict[str, Trait]:
    """The other side of each contrast among ``traits``, by id, to the side chosen: a
    preference against Y each of whose messages shares a span with a preference for X ("I
    prefer charts over tables" -> ``tables`` "against tables (prefers charts instead)" to
    ``charts``). A reader that says the person's tastes once (a brief, the demo's digest)
    says the chosen side only."""
    backing: dict[tuple[str, int, int], Trait] = {}
    for t in traits:
        if t.kind is SignalKind.PREFERENCE and t.polarity > 0:
            for e in t.evidence:
                backing.setdefault((e.event_id, e.start, e.end), t)
    found: dict[str, Trait] = {}
    for t in traits:
        if t.kind is not SignalKind.PREFERENCE or t.polarity >= 0 or not t.evidence:
            continue
        # Every message the trait cites shares a span with the chosen side; a span of its own
        # beside it (", not daily alerts." after "I'd like a weekly summary") is the contrast.
        sides: dict[str, Trait] = {}
        for e in t.evidence:
            side = backing.get((e.event_id, e.start, e.end))
            if side is not None:
                sides[e.event_id] = side
        if all(e.event_id in sides for e in t.evidence):
            found[t.id] = sides[t.evidence[-1].event_id]
    return found


def said_act(reaction: str, acts: dict[str, int]) -> str:
    """The act a failure reaction was, as a failure trait says it ("revert change"), or "":
    the act (``reaction_act``) that decided more than ``failure_acts.share`` of the reaction's
    episodes (``acts``: episodes per act, "" for none), when its name says more than the
    reaction's kind. Not said: the act of a reaction that does the failed attempt again
    (``attempt_reactions``: "retry" of "book" names what failed), an act whose name only says
    what carried it (the failure lexicon's ``command_actions`` and ``text_actions``: "run",
    "submit", whose text is the act) and an act named as the kind ("escalate", "escalated")."""
    cfg = config()
    if reaction in cfg.attempt_reactions or not acts:
        return ""
    act = max(sorted(acts), key=lambda a: acts[a])
    if not act or acts[act] <= cfg.act_share * sum(acts.values()):
        return ""
    words = name_words(act)
    joined = "_".join(words)
    cues = failure_cues()
    if joined in cues.command_actions or joined in cues.text_actions:
        return ""
    if joined in (reaction, f"{reaction}d", f"{reaction}ed"):
        return ""
    return " ".join(words)


def _majority_value(tally: dict[str, int]) -> str:
    return max(sorted(tally), key=lambda v: tally[v])


def statement(kind: SignalKind, key: str, latest: str, majority: str) -> str:
    """A trait's readable statement. ``latest`` is the newest supporting signal's value;
    ``majority`` the most frequent one for the valued kinds (style, failure)."""
    label = key.replace("_", " ")
    if kind is SignalKind.FAILURE:
        labels = config().failure_labels
        if key in labels:
            return f"after {labels[key]}: {majority}"
        return f"after {'an' if label[:1] in 'aeiou' else 'a'} {label}: {majority}"
    if kind is SignalKind.STYLE:
        value = majority
        return label if not value or value.replace(" ", "_") == key else f"{label}: {value}"
    if kind is SignalKind.TASK:
        if key.startswith("sequence:"):
            return "recurring steps: " + key.removeprefix("sequence:").replace(">", " → ")
        return f"works on {(latest or key).replace('_', ' ')}"
    if kind is SignalKind.DECISION and latest in ("switched", "decided to switch") and "->" in key:
        # the decision extractor's key: "from->to", from optional
        old, new = (" ".join(part.split()) for part in key.split("->", 1))
        return f"{latest} from {old} to {new}" if old else f"{latest} to {new}"
    head, colon, detail = key.partition(": ")
    if kind is SignalKind.DECISION and colon and "->" not in key and " " not in head:
        # an action's key, "name: detail" ("upgrade: photonest", "cancel: speaking b1"): the
        # act says the decision; its kind ("switched", "rejected") would misname an upgrade
        return f"{head.replace('_', ' ')}: {detail}"
    if kind is SignalKind.DECISION and latest and latest not in key:
        return f"{latest}: {key}"
    return latest or f"{kind.value}: {key}"


#: Evidence records by item: traits of the same person cite the same items build after build.
_EVIDENCE: dict[Item, Evidence] = {}

#: Parsed evidence of stored signals, by its JSON text: builds of the same person read the
#: same signals again. Bounded, like _EVIDENCE.
_PARSED: dict[str, tuple[Item, ...]] = {}
_CACHE_LIMIT = 1 << 16


def _evidence_item(item: Item) -> Evidence:
    found = _EVIDENCE.get(item)
    if found is None:
        if len(_EVIDENCE) >= _CACHE_LIMIT:
            _EVIDENCE.clear()
        # Validated, not model_construct: pydantic-core builds it in a quarter of the time
        # that model_construct's Python loop over the fields takes.
        found = _EVIDENCE[item] = Evidence(
            event_id=item[0], start=item[1], end=item[2], quote=item[3]
        )
    return found


def _cited(signal: AnySignal) -> tuple[Item, ...]:
    """The items a signal cites: its evidence, or else each event it rests on (a named
    action, a bare outcome) with an empty span; a stored signal's JSON is parsed once."""
    if not isinstance(signal, StoredSignal):
        if signal.evidence:
            return tuple((e.event_id, e.start, e.end, e.quote) for e in signal.evidence)
        return _whole_events(signal.context)
    if signal.evidence_json != "[]":
        found = _parse_evidence(signal.evidence_json)
        if found:
            return found
    return _whole_events(json.loads(signal.context_json))


def _parse_evidence(text: str) -> tuple[Item, ...]:
    """The items of a stored signal's evidence JSON, parsed once."""
    found = _PARSED.get(text)
    if found is None:
        found = tuple((e["event_id"], e["start"], e["end"], e["quote"]) for e in json.loads(text))
        if len(_PARSED) >= _CACHE_LIMIT:
            _PARSED.clear()
        _PARSED[text] = found
    return found


def _order(signal: AnySignal) -> tuple[str, ...]:
    if isinstance(signal, StoredSignal):
        # StoredSignal.order(), with the kind as the string it is (a StrEnum): the same order.
        return (
            signal.ts,
            signal.session_id,
            signal.actor,
            signal.kind,
            signal.key,
            signal.value,
            signal.evidence_json,
        )
    evidence = ",".join(f"{e.event_id}:{e.start}:{e.end}" for e in signal.evidence)
    return (
        signal.ts,
        signal.session_id,
        signal.actor,
        KIND_NAMES[signal.kind],
        signal.key,
        signal.value,
        evidence,
    )


def _whole_events(context: dict[str, Any]) -> tuple[Item, ...]:
    """A signal resting on events without text cites each event with an empty span: the
    quote is still exactly text[start:end]."""
    return tuple((event_id, 0, 0, "") for event_id in context.get("event_ids", []))


def _trait_id(person_id: str, kind: SignalKind, key: str, valid_from: str) -> str:
    blob = "\x1f".join((person_id, KIND_NAMES[kind], key, valid_from)).encode("utf-8")
    return "tr_" + hashlib.blake2b(blob, digest_size=8).hexdigest()


def _days(first: str, last: str) -> float:
    a = datetime.fromisoformat(first.replace("Z", "+00:00"))
    b = datetime.fromisoformat(last.replace("Z", "+00:00"))
    return (b - a).total_seconds() / 86400


# -- changes of mind across keys ----------------------------------------------------------


#: One change of mind across keys: (old trait, new trait, what the old one was given:
#: valid_to, the change statement's event_id, start, end, quote, and session).
Change = tuple[str, str, str, str, int, int, str, str]


#: The groups of traits among which a change of mind across keys is read: ``POLAR`` (the
#: polar kinds: preferences, decisions) and ``PLANS`` (disclosures of a plan category). A
#: change never crosses groups, so a build reads only the groups a session touched.
POLAR, PLANS = "polar", "plans"
CHANGE_GROUPS = (POLAR, PLANS)


def change_group(kind: SignalKind | str, key: str) -> str | None:
    """The group of traits a trait of (kind, key) may change within (``changes_of_mind``),
    or None when no change across keys touches it."""
    cfg = config()
    name = KIND_NAMES.get(kind, kind)  # a kind, or its name
    if name in cfg.polar_kinds:
        return POLAR
    if name == _DISCLOSURE and _category(key) in cfg.plan_categories:
        return PLANS
    return None


def changes_of_mind(traits: list[Trait], groups: Collection[str] = CHANGE_GROUPS) -> list[Change]:
    """A preference stated as a change supersedes the one it replaced, and a plan announced
    as a change the earlier plan it replaced: the old trait in ``traits`` is replaced by its
    superseded copy, the new one by a copy that names it. Only changes within ``groups``
    (``change_group``) are read.

    A preference for something ends an earlier one for something else that it is related to
    (``_relation``), and either side of a thing ends the other side of the same thing under
    another key ("stop with the tables" ends "give me numbers in a table", ``_against``); an
    aversion ends no other aversion. A plan ends one earlier plan of its category
    (``_plan_change``). Returns what was applied: a trait of a key is the same as after
    another call when its key's traits were the same before and its changes are the same."""
    cfg = config()
    applied: list[Change] = []
    by_id = {t.id: i for i, t in enumerate(traits)}
    if POLAR in groups:
        for index, new in enumerate(list(traits)):
            if new.kind.value not in cfg.polar_kinds or new.polarity == 0:
                continue
            found = _preference_change(new, traits, cfg)
            if found is not None:
                _apply(traits, by_id, index, *found, applied)
        # Then a decision stated as a change ends the earlier preferences still active, so a
        # preference that states the same switch ("I've switched to spreadsheets now") is the
        # one that supersedes them.
        for index, new in enumerate(list(traits)):
            if new.kind is _DECISION_KIND and new.polarity != 0:
                found = _preference_change(traits[index], traits, cfg, across=True)
                if found is not None:
                    _apply(traits, by_id, index, *found, applied)
    if PLANS in groups:
        # In time order: each plan ends what was active when it was announced.
        planned = sorted(
            (t.valid_from, t.key, index)
            for index, t in enumerate(traits)
            if change_group(t.kind, t.key) == PLANS
        )
        for _, _, index in planned:
            found = _plan_change(traits[index], traits, cfg)
            if found is not None:
                _apply(traits, by_id, index, *found, applied)
    return applied


def _apply(
    traits: list[Trait],
    by_id: dict[str, int],
    index: int,
    best: Trait,
    ended: list[Trait],
    statement: Evidence,
    applied: list[Change],
) -> None:
    """Make ``traits[index]`` name ``best`` (unless it already replaced its own key's other
    side) and end every trait of ``ended`` where it begins, citing the change statement."""
    new = traits[index]
    # A trait that already replaced its own key's other side ("likes PDF less" -> "PDF is
    # better now") keeps naming that one; the other keys' traits still end here.
    if not new.supersedes:
        traits[index] = new.model_copy(update={"supersedes": best.id})
    session_id = new.evidence_sessions.get(statement.event_id, "")
    for old in ended:
        # The statement is counter-evidence of the old trait, and its session a session
        # against it: counted once, as the sessions of the counter-evidence it cites already
        # are (``why`` shows the count above the rows).
        counted = {old.evidence_sessions.get(e.event_id) for e in old.counter_evidence}
        traits[by_id[old.id]] = old.model_copy(
            update={
                "valid_to": new.valid_from,
                "status": TraitStatus.SUPERSEDED,
                "counter_evidence": old.counter_evidence
                if statement in old.counter_evidence
                else [*old.counter_evidence, statement],
                "counter_sessions": old.counter_sessions + (session_id not in counted),
                "evidence_sessions": {**old.evidence_sessions, statement.event_id: session_id},
            }
        )
        applied.append(
            (
                old.id,
                new.id,
                new.valid_from,
                statement.event_id,
                statement.start,
                statement.end,
                statement.quote,
                session_id,
            )
        )


def _preference_change(
    new: Trait, traits: list[Trait], cfg: GraphConfig, across: bool = False
) -> tuple[Trait, list[Trait], Evidence] | None:
    """The preference ``new`` replaces (the one it names), every trait it ends, and the
    statement of change; None when it is no change or replaces nothing. Traits of its own
    kind, or with ``across`` the preferences a decision ends.

    A decision stated as a change ends the person's earlier preferences too, across kinds (a
    switch made, "we switched from gas to induction", ends "likes cooking on gas"; "I ditched
    Trello" ends "likes Trello for tasks"), but not a switch only decided ("we're moving to
    Linear next quarter": value "decided to switch"). A switch relates by the side it took
    (``_taken``): "induction" of "gas->induction", so the side it left is what it names."""
    if across and (new.kind is not _DECISION_KIND or new.value == _PLANNED_SWITCH):
        return None
    statement = next((e for e in new.evidence if _is_change(e.quote, cfg)), None)
    # An idiom of changing taste ("I've gone off spin classes") turns the person against, or
    # for, the thing itself: it ends the other side of it, no related thing (``taste_cues``).
    turned = statement is None and not across and new.kind is _PREFERENCE_KIND
    if turned:
        statement = next((e for e in new.evidence if _is_taste_change(e.quote, cfg)), None)
    if statement is None:
        return None
    taken = _taken(new)
    earlier = [
        old
        for old in traits
        if (
            (not across and old.kind is new.kind and old.key != new.key)
            # a preference for the side taken is not left ("loves iPhone", "android->iphone")
            or (
                across
                and old.kind is _PREFERENCE_KIND
                and not (new.polarity > 0 and _within(old.key, taken))
            )
        )
        and old.polarity != 0
        and old.valid_to is None
        and old.last_seen < new.valid_from
    ]
    # The other side of the same thing, most recent first: each of them ends.
    against = sorted(
        (
            old
            for old in earlier
            if (old.polarity > 0) != (new.polarity > 0)
            and _against(old.key, old.polarity, taken, new.polarity)
        ),
        key=lambda old: (old.last_seen, old.key),
        reverse=True,
    )
    # Each related earlier preference, ranked: the strongest relation first (named, then
    # opposite by form, then same head noun, then same group of alternatives), the most
    # recent among equals. Only a preference for something replaces one.
    candidates = [
        ((relation, old.last_seen, old.key), old)
        for old in earlier
        if new.polarity > 0
        and old.polarity > 0
        and not turned
        and (relation := _relation(old.key, taken, statement.quote, cfg))
    ]
    if not candidates and not against:
        return None
    candidates.sort(key=lambda ranked: ranked[0], reverse=True)
    ended = list(against)
    if candidates:
        best = candidates[0][1]
        # One thing may have been stated under two keys ("JSON output from your tool",
        # "JSON output"; "in person" and "see doctor face to face", two names of one
        # alternative): those end too, as does each preference named by the word of the
        # statement that names the best one.
        words = _content_words(best.key)
        named = words & (_named(statement.quote, cfg) - _content_words(taken))
        alike = _alternatives_named(best.key, cfg) - _alternatives_named(taken, cfg)
        ended += [best] + [
            old
            for rank, old in candidates[1:]
            if words <= _content_words(old.key)
            or _content_words(old.key) <= words
            or (rank[0] == NAMED and _content_words(old.key) & named)
            or alike & _alternatives_named(old.key, cfg)
        ]
    else:
        best = against[0]
    return best, ended, statement


def _plan_change(
    new: Trait, traits: list[Trait], cfg: GraphConfig
) -> tuple[Trait, list[Trait], Evidence] | None:
    """The plan ``new`` replaces, every trait it ends, and the statement of change; None
    when it is not announced as a change (``plan_changes.cues``) or no earlier plan of its
    category is active when it begins.

    It replaces one earlier active plan of the same category, ranked: the strongest relation
    of the two plans first (``_relation`` of what they plan: the statement names the old one,
    opposite by form, same head, same group of alternatives), then one stated with a frame
    noun the statement uses too ("my goal is to lose 5 kg", "my goal is now running the
    half"), then the most recent. A plan stated under two keys, one inside the other ("lose
    5 kg", "lose 5 kg before christmas"), ends whole."""
    statement = next((e for e in new.evidence if _is_plan_change(e.quote, cfg)), None)
    if statement is None:
        return None
    category = _category(new.key)
    earlier = [
        old
        for old in traits
        if old.kind is new.kind
        and old.key != new.key
        and _category(old.key) == category
        and old.valid_to is None
        and old.last_seen < new.valid_from
    ]
    if not earlier:
        return None
    frames = _words(statement.quote) & cfg.plan_frames
    planned = _planned(new.key)
    named = _content_words(statement.quote) - cfg.plan_words - cfg.cue_words

    def rank(old: Trait) -> tuple[int, bool, str, str]:
        relation = _relation(_planned(old.key), planned, statement.quote, cfg, named)
        framed = any(frames & _words(e.quote) for e in old.evidence)
        return (relation, framed, old.last_seen, old.key)

    best = max(earlier, key=rank)
    words = _content_words(_planned(best.key))
    ended = [best] + [
        old
        for old in earlier
        if old is not best
        and (
            words <= _content_words(_planned(old.key)) or _content_words(_planned(old.key)) <= words
        )
    ]
    return best, ended, statement


def _category(key: str) -> str:
    """A disclosure key's category: ``plans`` of ``plans:run a marathon``."""
    return key.split(":", 1)[0] if ":" in key else ""


def _planned(key: str) -> str:
    """What a disclosure key says, without its category (``run a marathon``)."""
    return key.split(":", 1)[1] if ":" in key else key


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def _is_plan_change(quote: str, cfg: GraphConfig) -> bool:
    return any(p.search(quote) for p in cfg.plan_cues)


def _against(old_key: str, old_polarity: float, new_key: str, new_polarity: float) -> bool:
    """Whether two traits of opposite signs are the two sides of one thing: every word of the
    side against it is in the side for it, singular or plural ("tables" against, "numbers in
    a table" for). Not a narrower aversion ("tables in emails" leaves "tables")."""
    aversion, liking = (new_key, old_key) if new_polarity < 0 else (old_key, new_key)
    return _within(aversion, liking)


_DECISION_KIND, _PREFERENCE_KIND = SignalKind.DECISION, SignalKind.PREFERENCE
#: The value of a decision trait whose switch is decided but not yet made (decision.v13).
_PLANNED_SWITCH = "decided to switch"


def _within(key: str, other: str) -> bool:
    """Whether every content word of ``key`` is one of ``other``'s."""
    words = _content_words(key)
    return bool(words) and words <= _content_words(other)


def _taken(trait: Trait) -> str:
    """What a trait is for, as a change relates it: a decision's switch by the side it took
    ("induction" of "gas->induction", "linear" of "->linear"), any other trait by its key."""
    if trait.kind is _DECISION_KIND and "->" in trait.key:
        return trait.key.rpartition("->")[2]
    return trait.key


def _is_change(quote: str, cfg: GraphConfig) -> bool:
    return any(p.search(quote) for p in cfg.change_cues)


def _is_taste_change(quote: str, cfg: GraphConfig) -> bool:
    """Whether ``quote`` says an idiom of changing taste, as the preference extractor reads it."""
    return any(p.search(quote) for p in cfg.taste_cues)


def _content_words(text: str) -> set[str]:
    """The words of ``text`` that name things, singular ("summaries" and "summary" are one)."""
    return {singular(w) for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 1}


def _named(statement: str, cfg: GraphConfig) -> set[str]:
    """The words of a change statement that may name what changed: its content words but the
    change cues' own ("I changed my mind" names no "mind maps")."""
    return _content_words(statement) - cfg.cue_words


#: ``_relation`` of a preference the change statement names, of a thing's opposite by form
#: ("foundationless frames" -> "foundation"), of the same head noun and of the same group.
NAMED, OPPOSITE, HEAD, GROUP = 4, 3, 2, 1


def _relation(
    old_key: str, new_key: str, statement: str, cfg: GraphConfig, named: set[str] | None = None
) -> int:
    """How surely a change to ``new_key`` replaces ``old_key``: ``NAMED`` when the change
    statement names the old thing, ``OPPOSITE`` when one key is without what the other names
    (``_opposite``), ``HEAD`` when both share a head noun (dark mode -> light mode, ``_head``),
    ``GROUP`` when both are in one group of alternatives (``data/alternatives.yaml``), 0 when
    unrelated. ``named``: the words of the statement that may name what changed, if not
    ``_named``'s."""
    old_words, new_words = _content_words(old_key), _content_words(new_key)
    if old_words & (_named(statement, cfg) if named is None else named) - new_words:
        return NAMED
    if _opposite(old_key, new_key, cfg) or _opposite(new_key, old_key, cfg):
        return OPPOSITE
    old_head, new_head = _head(old_key), _head(new_key)
    if old_head and old_head == new_head:
        return HEAD
    old_group = _group(old_key, cfg)
    return GROUP if old_group is not None and old_group == _group(new_key, cfg) else 0


def _opposite(key: str, other: str, cfg: GraphConfig) -> bool:
    """Whether ``key`` is without a thing that ``other`` names, by the form of one of its
    words (``opposites``: "foundationless frames" and "foundation", "non-dairy milk" and "dairy
    milk"), and ``other`` is not without it too."""
    text, other_text = key.lower(), other.lower()
    other_words = _content_words(other_text)
    for pattern in cfg.opposites:
        for found in pattern.finditer(text):
            thing = _content_words(found.group("thing"))
            if thing and thing <= other_words and not pattern.search(other_text):
                return True
    return False


def _head(key: str) -> str:
    """A key's head noun: its last word before a phrase that follows the head ("json output
    from your tool" -> "output"), singular by a trailing "s"."""
    after_head = english_set("prepositions") - {"like", "than", "as"}
    words = key.lower().split()
    cut = next((i for i, w in enumerate(words) if i and w in after_head), len(words))
    return singular(words[cut - 1]) if words else ""


def _alternatives_named(key: str, cfg: GraphConfig) -> set[int]:
    """The alternatives of several names (alternatives.yaml ``same``) that ``key`` names by
    one of them, as a whole word ("see doctor face to face": the one of "in person")."""
    text = key.lower()
    return {number for name, number in cfg.same if name.search(text)}


def _group(key: str, cfg: GraphConfig) -> str | None:
    text = key.lower()
    if text in cfg.alternatives:
        return cfg.alternatives[text]
    for member, group in cfg.members:
        if member.search(text):
            return group
    return None
