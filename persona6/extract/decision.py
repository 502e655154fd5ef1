"""persona6.decision.v21: what a person chooses, accepts, rejects or switches, per session.

DECISION signals, one per (session, actor, key, decision kind): ``value`` = the kind (chose,
accepted, rejected, switched), ``polarity`` +1 for what was chosen, accepted or switched to and -1
for what was rejected, ``measure`` = how many times in the session. The graph stage finds the
decisions a person repeats across sessions.

From a person's own messages, by the patterns of ``data/decisions.yaml`` ("I'll go with X", "let's
use X", "I picked X", "I'll pass on X", "no thanks, not X", "we switched from X to Y", "I accept",
"approved"; a past act without its subject at the start of a sentence, as chat writes it,
"ditched Trello last month", "went with the fondant": v8; a verb of taking up after "decided
to", ``taking_up``, "I have decided to enrol in X rather than Y", chooses X and rejects Y, the
thing named after "rather than" or "instead of" any chosen thing, ``alternatives``: v10;
"over" after a verb of choosing, "Our team chose Figma over Sketch", ``over_verbs``: v16; a
choice made as it is said too, "I'll go with Stripe over PayPal", "I'm choosing X over Y", ", not
Y" naming a thing, "I went with Spanish, not French", ``not_alternative``, and "took", "went
for" or a subjectless "picked" only with the thing not taken named, "I took the train instead
of the plane", ``contrast``: v17; a capitalised object is a name, no vague word, "instead of
REST", "Rust over Go": v17): key =
the object phrase, normalised and cut at the first stop word ("because", "instead", ...) or
time phrase (the disclosure extractor's ``fact_stops``: "in january", "a few weeks ago",
"since 2021": v9), or ``X->Y`` for a switch (``->Y`` when the old thing is not named), or the
pattern's own key when it has no object ("I accept" -> approval).
A thing given up for another is a switch, whatever the verb of exchange ("I traded the moka pot
in for an aeropress", "ditched X for Y", "gave up X for Y": ``exchange_verbs``), and so is a
change of state named by its verb ("I converted to X", "downgraded to X", "switched back to X",
"went from X to Y"); neither side a person, a time, a purpose or money (``not_things``: "gave up
chocolate for Lent"); "plumped for", "passed on", "binned", "said no to", "accepted X", "took
the offer" by their word classes (v18).
A switch decided on, by a team too, is one ("We decided to move the search cluster to
blue-green deploys next quarter" -> ``->blue-green deploys``; "we've agreed to switch from Jira
to Linear"); a thing moved between the verb and "to" makes a switch only in a message that
speaks of software or to a tool's or capitalised name ("we decided to move the meeting to
Friday" switches nothing: v12).
Questions, what the speaker fears they did ("I fear we bought the wrong panels": a worry, as the
disclosure extractor's ``worried_at`` reads it; v11), hypotheticals ("if I go with X"), a time
or a condition still to come ("I'd like to export my notes before I cancel", "when we switch to
Linear, ...": the subject of the cue opens a clause of time or condition and the cue is not
past; "after we switched to Linear, ..." stands), a step of a plan laid out ("..., and then I'll
order parts", "first we'll measure, then we'll buy tiles": ``plan_steps`` before the cue's
subject, its verb not past; v14: it orders acts to come, it chooses between no options),
quoted words and objects that name nothing ("I'll take it") are skipped, and so is a move of home,
as the disclosure extractor reads it ("I moved to Leeds", "I'm moving to a new flat": v6; "I moved
from Dundee to Harrogate", a name shaped like a town's: v7). Evidence = the span from the cue to
the end of the object.

A place or a time taken for once, with no other option named, is no decision (v21,
``one_off_heads``, ``one_off_times``, ``position_heads``): "I'll take the 3pm slot", "I chose the
2:30 appointment", "we swapped seats for the second half"; "I picked the aisle seat" (a kind) and
"I'll vote for the Friday slot over Monday" stay.

An explicit decision to do anything is one (v15, ``decided``): "I've decided to appeal the
parking fine", "we made up our minds to sell the boat", "I've decided I'll resign" give the act
as key and value, read as the statement "decided to appeal the parking fine"; "decided not to
X" rejects the act; "final decision: X" chooses X. Read after every other cue, so a thing taken
up, cancelled or switched to reads as before. Not an act that only puts the choice off
(``deferrals``: "decided to think it over"), nor one whose object points or names nothing
("decided to give it a go", "take a break"). A decision someone else reports ("my manager said
we're going with Postgres") is none, for every cue (v15).

From actions whose name says a decision by its verb, in any of its forms (accept, approve,
grant, invoke, waive, select, choose, opt in, enrol, purchase, reject, decline, deny, refuse,
cancel, opt out, switch, upgrade, ...; v15 by the verb; ``data/decisions.yaml``; "change" or
"convert" with a word of an option, "Plan Changed", "Trial Converted", ``option_actions``, and
never the product's verdict on a payment or a login, "Card Declined", "Login Denied",
``verdicts``: v19): key =
``<name>: <text>`` (the name alone when there is no text), evidence = the action's text. The
text's words that mark one occurrence (a number, a date, an id: ``occurrence_marks``, v10) are no
part of the key: cancelling lessons "speaking_b1_00" and "speaking_b1_02" is one decision,
"cancel: speaking b1", made twice. An arrow in the text joins the states before and after, no
switch of tools ("photonest 1.7.4 -> 1.8.0" -> ``upgrade: photonest``, "basic -> pro" ->
``upgrade: basic to pro``: ``arrows``, v12). A decision whose key leaves a slot empty
(``empty_slot``) is never emitted. An action without text has no span to cite: its signal
carries empty evidence and the event in ``context["event_ids"]``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from persona6.extract import disclosure
from persona6.extract.base import is_person_message, registered
from persona6.extract.common import Cite, name_words, signal_for, whole_cite
from persona6.extract.prep import CueList, LazyPattern, Prepared, prepared
from persona6.extract.text import (
    Span,
    adverb_run,
    english_words,
    inflections,
    inside,
    is_conditional,
    is_hypothetical,
    is_past,
    is_reported,
    load_lexicon,
    normalise_phrase,
    quoted_spans,
    says_future,
    singular,
    tokens,
)
from persona6.types import Signal, SignalKind, StoredEvent

NAME = "persona6.decision.v21"

#: What {phrase} and {lazy} stand for in the patterns: words up to the next punctuation.
PHRASE = r"[^.,;:!?\n\"“”()]+"
_WORD = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class DecisionRule:
    kind: str
    pattern: LazyPattern  # compiled when a message may match it (``prep.CueList``)
    key: str  # the key of a pattern without an object ("I accept")
    #: A verb that chooses only with the thing not taken named ("I took the train instead of
    #: the plane"): the decision stands only with its rejected side (v17).
    contrast: bool = False
    #: A move from one thing to another by a verb of going ("we went from X to Y"): none when a
    #: side is a name that is no known tool, a trip ("from Rome to Florence", v18).
    travel: bool = False


@dataclass(frozen=True, slots=True)
class DecisionCues:
    rules: tuple[DecisionRule, ...]
    patterns: CueList  # the rules' patterns, in rule order
    stops: re.Pattern[str]
    max_words: int
    vague: frozenset[str]
    #: The words of ``vague``, one by one ("deep", "breath", "it"): after an act's verb (v15).
    vague_words: frozenset[str]
    #: A verb's words, each form of its first word -> decision kind ("granted" -> accepted),
    #: longest first (v15).
    actions: tuple[tuple[tuple[frozenset[str], ...], str], ...]
    polarity: dict[str, float]
    #: After a chosen object: the thing not taken follows ("rather than Y", v10).
    alternatives: re.Pattern[str]
    #: "over Y" after a chosen object, only after a verb of choosing (``over_verbs``, v16).
    over: re.Pattern[str]
    over_verbs: re.Pattern[str]
    #: ", not Y" after a chosen object, Y a thing named (``not_alternative``, v17).
    not_alternative: re.Pattern[str]
    #: A word of an action's text that marks one occurrence ("00", "2026-09-01", v10).
    occurrence: re.Pattern[str]
    #: An arrow between the states before and after in an action's text ("1.7.4 -> 1.8.0", v12).
    arrows: re.Pattern[str]
    #: What before a cue's subject makes its act a step of a plan ("and then I'll", v14).
    plan_steps: re.Pattern[str]
    #: An act decided that only puts the choice off ("think about it", v15).
    deferrals: re.Pattern[str]
    max_act_words: int
    #: A verb that decides only with a word of an option ("change" + "plan": v19), its forms,
    #: the option's words, the kind.
    option_actions: tuple[tuple[frozenset[str], frozenset[str], str], ...]
    #: A refusal that is the product's verdict ("Card Declined": v19): the verbs' forms, nouns.
    verdict_verbs: frozenset[str]
    verdict_nouns: frozenset[str]
    #: What is no thing on a side of a switch or as the thing rejected: a person, a time, a
    #: purpose, money ("for Lent", "my boyfriend": ``not_things``, v18).
    not_things: re.Pattern[str]
    #: A place or a time taken for once, no option decided (v21): heads and clock times.
    one_off_heads: frozenset[str]
    position_heads: frozenset[str]
    one_off_times: re.Pattern[str]


def _alternation(phrases: list[Any]) -> str:
    """A regex alternation of a lexicon's phrases, longest first, their words apart by any
    space ("gave up" before "gave")."""
    split = sorted((str(v).split() for v in phrases), key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, words)) for words in split)


@cache
def cues() -> DecisionCues:
    data: dict[str, Any] = load_lexicon("decisions")
    rules, early = [], []
    take_up = _alternation(data["taking_up"])
    exchange, exchange_link = (
        _alternation(data["exchange_verbs"]),
        _alternation(data["exchange_links"]),
    )
    for kind, entries in data["patterns"].items():
        for entry in entries:
            entry = {"pattern": entry} if isinstance(entry, str) else entry
            pattern, key = entry["pattern"], str(entry.get("key", ""))
            source = pattern.replace("{phrase}", PHRASE).replace("{lazy}", PHRASE + "?")
            source = source.replace("{adv}", adverb_run(by_form=False))  # any adverbs
            source = source.replace("{take_up}", take_up)
            source = source.replace("{exchange}", exchange)  # v18
            source = source.replace("{exchange_link}", exchange_link)
            # an entry marked `early` is tried before every other kind's (v18)
            (early if entry.get("early") else rules).append(
                DecisionRule(
                    str(kind),
                    LazyPattern(source, re.IGNORECASE),
                    key,
                    bool(entry.get("contrast", False)),
                    bool(entry.get("travel", False)),
                )
            )
    rules = early + rules
    actions = sorted(
        (
            (_verb_forms(str(w)), str(kind))
            for kind, words in data["actions"].items()
            for w in words
        ),
        key=lambda entry: len(entry[0]),
        reverse=True,
    )
    return DecisionCues(
        rules=tuple(rules),
        patterns=CueList(rule.pattern for rule in rules),
        # A time phrase ends the object as it ends a fact: "to Motive in January" (v9).
        stops=re.compile(data["stops"] + r"|\s" + disclosure.lexicon().fact_stops, re.IGNORECASE),
        max_words=int(data["max_words"]),
        vague=frozenset(str(v) for v in data["vague_objects"]),
        vague_words=frozenset(w for v in data["vague_objects"] for w in str(v).split()),
        actions=tuple(actions),
        polarity={str(k): float(v) for k, v in data["polarity"].items()},
        alternatives=re.compile(data["alternatives"], re.IGNORECASE),
        over=re.compile(data["over"], re.IGNORECASE),
        over_verbs=re.compile(
            r"\b(?:"
            + "|".join(r"\s+".join(map(re.escape, str(v).split())) for v in data["over_verbs"])
            + r")\s*$",
            re.IGNORECASE,
        ),
        not_alternative=re.compile(data["not_alternative"]),
        occurrence=re.compile(data["occurrence_marks"]),
        arrows=re.compile(data["arrows"]),
        plan_steps=re.compile(data["plan_steps"], re.IGNORECASE),
        deferrals=re.compile(data["deferrals"], re.IGNORECASE),
        max_act_words=int(data["max_act_words"]),
        not_things=re.compile(data["not_things"], re.IGNORECASE),
        one_off_heads=frozenset(str(w).lower() for w in data["one_off_heads"]),
        position_heads=frozenset(str(w).lower() for w in data["position_heads"]),
        one_off_times=re.compile(data["one_off_times"], re.IGNORECASE),
        option_actions=tuple(
            (_verb_forms(str(verb))[0], frozenset(map(str, nouns)), str(kind))
            for kind, verbs in data["option_actions"].items()
            for verb, nouns in verbs.items()
        ),
        verdict_verbs=frozenset(
            form for verb in data["verdicts"]["verbs"] for form in _verb_forms(str(verb))[0]
        ),
        verdict_nouns=frozenset(str(n) for n in data["verdicts"]["nouns"]),
    )


def _verb_forms(verb: str) -> tuple[frozenset[str], ...]:
    """The words of a listed action verb, its first in each of its forms: "grant" ->
    grant, grants, granted, granting; "cancel" -> cancelled too (v15)."""
    head, *rest = verb.split()
    forms = inflections(head)
    if re.search(r"[aeiou]l$", head):  # cancel -> cancelled, enrol -> enrolled
        forms |= {head + "led", head + "ling"}
    return (frozenset(forms), *(frozenset([word]) for word in rest))


@dataclass(frozen=True, slots=True)
class Decision:
    """One decision found in one event, before it becomes a signal."""

    kind: str
    key: str
    evidence: Cite | None
    #: A switch decided but not yet made (v13): "we decided to move X to Y next quarter",
    #: "we're moving to Linear" (its verb not past); "we switched to Linear" was made.
    planned: bool = False
    #: An act decided (v15): the key is its statement, "decided to invoke the appraisal clause".
    stated: bool = False


def object_span(text: str, start: int, end: int) -> Span | None:
    """The object phrase in ``text[start:end]``: cut at the first stop word and at
    ``max_words`` words, surrounding spaces left out; None when nothing is left."""
    found = cues()
    cut = found.stops.search(text, start, end)
    if cut is not None:
        end = cut.start()
    words = list(_WORD.finditer(text, start, end))[: found.max_words]
    if not words:
        return None
    return Span(words[0].start(), words[-1].end())


def _object_key(text: str, span: Span | None) -> str:
    if span is None:
        return ""
    said = text[span.start : span.end]
    key = normalise_phrase(said)
    if (
        said[:1].isupper()
        and not text.isupper()
        and said.split(maxsplit=1)[0].lower() not in _NO_NAMES
    ):
        return key  # a name ("instead of REST", "Rust over Go"), no vague word (v17)
    return "" if key in cues().vague or said.lower() in cues().vague else key


#: Words that open no name, capitalised or not ("This one", "It", "Both"): the pronouns and
#: determiners of ``vague_objects`` (v17).
_NO_NAMES = frozenset(
    [
        "it",
        "that",
        "this",
        "them",
        "those",
        "these",
        "one",
        "both",
        "either",
        "neither",
        "all",
        "none",
        "him",
        "her",
        "something",
        "anything",
        "the",
        "a",
        "an",
        "some",
        "any",
        "my",
    ]
)


def message_decisions(event: StoredEvent) -> list[Decision]:
    """The decisions a person states in one message."""
    prep: Prepared = prepared(event)
    # Only the rules whose words the message has can match one of its sentences.
    rules = [cues().rules[i] for i in cues().patterns.positions(prep)]
    if not rules:
        return []
    text = prep.text
    quoted = quoted_spans(text)
    found: list[Decision] = []
    for index, sentence in enumerate(prep.sentences()):
        if prep.asks(index):
            continue
        part = text[sentence.start : sentence.end]
        taken: list[Span] = []
        for rule in rules:
            for match in rule.pattern.finditer(part):
                start = sentence.start + match.start()
                if (
                    inside(quoted, start)
                    or is_hypothetical(text, sentence, start)
                    or is_conditional(text, sentence, start, says_future(match.group()))
                    or _time_to_come(text, sentence, start, match)
                    or _plan_step(text, sentence, start, match)
                    or disclosure.worried_at(text, sentence, start)
                    or is_reported(text, sentence, start)
                ):
                    continue  # ... or what the speaker fears they did (v11), or one reports (v15)
                decision = _decision(event, rule, match, sentence.start)
                if decision is None or decision.evidence is None:
                    continue
                span = Span(decision.evidence.start, decision.evidence.end)
                if any(span.start < other.end and other.start < span.end for other in taken):
                    continue
                chosen_by = (
                    match.group()[: match.start("obj") - match.start()]
                    if "obj" in match.re.groupindex
                    else ""
                )
                other = _alternative(event, rule, span.end, sentence.end, chosen_by)
                if other is None and rule.contrast:
                    continue  # "I took the kids to school": no choice without the other side
                if other is None and decision.kind == "chose" and _one_off(text, span, True):
                    continue  # "I'll take the 3pm slot": a time taken once, no option (v21)
                taken.append(span)
                found.append(decision)
                if other is not None and other.evidence is not None:
                    taken.append(Span(other.evidence.start, other.evidence.end))
                    found.append(other)
    return found


_PHRASE = re.compile(PHRASE)
#: What ends the thing not taken after "over" (v16): what the choice was for, where, when.
_OVER_SIDE_END = re.compile(r"\s(?:for|in|on|at|during|with|because|since|as|when)\s", re.I)


def _alternative(
    event: StoredEvent, rule: DecisionRule, end: int, limit: int, chosen_by: str = ""
) -> Decision | None:
    """The thing not taken, named right after what was chosen ("... the advanced writing course
    rather than the conversation course": ``alternatives``; "chose Figma over Sketch" after a
    verb of choosing, ``over``, v16), as a rejected decision."""
    text = event.text or ""
    if rule.kind != "chose":
        return None
    marker = cues().alternatives.match(text, end, limit) or cues().not_alternative.match(
        text, end, limit
    )
    if marker is None and cues().over_verbs.search(chosen_by.strip()):
        marker = cues().over.match(text, end, limit)
        found = _OVER_SIDE_END.search(text, marker.end(), limit) if marker else None
        limit = found.start() if found else limit  # "Barcelona for our honeymoon": Barcelona
    if marker is None:
        return None
    phrase = _PHRASE.match(text, marker.end(), limit)
    obj = None if phrase is None else object_span(text, phrase.start(), phrase.end())
    key = _object_key(text, obj)
    if not key or obj is None:
        return None
    start = marker.start() + len(marker.group()) - len(marker.group().lstrip(" \t\n,"))
    return Decision("rejected", key, Cite(event, start, obj.end))


def _time_to_come(text: str, sentence: Span, start: int, match: re.Match[str]) -> bool:
    """The cue's subject opens a clause of time or condition (``temporal_markers``,
    ``condition_markers``) and its verb is not past: "before I cancel", "until we switch to
    Linear", "unless we go with X" name an act still to come, not a decision taken. "After we
    switched to Linear, ..." tells one that was."""
    words = [t.word for t in tokens(text, sentence.start, start)[-3:]]
    markers = english_words("temporal_markers", "condition_markers")
    if not any(" ".join(words[-size:]) in markers for size in (1, 2, 3) if size <= len(words)):
        return False
    # the cue's own words, not its object: "before I dropped" is past, "before I drop X" not
    return not _cue_past(match)


def _plan_step(text: str, sentence: Span, start: int, match: re.Match[str]) -> bool:
    """The cue is one step of a plan the speaker lays out (``plan_steps`` right before its
    subject: "..., and then I'll order parts", "first we'll measure") and its verb is not past:
    acts put in order, no choice between options (v14). "And then we bought the blue one"
    tells a choice made."""
    if not cues().plan_steps.search(text[sentence.start : start]):
        return False
    return not _cue_past(match)


def _cue_past(match: re.Match[str]) -> bool:
    """Whether a verb of the cue's own words (not its object) is past: "before I dropped"."""
    cue_end = min(
        (match.start(g) for g in ("obj", "from", "to") if match.groupdict().get(g)),
        default=match.end(),
    )
    cue = tokens(match.string, match.start(), cue_end)
    return any(is_past(t.word) or t.word == "had" for t in cue[1:])


def _decision(
    event: StoredEvent, rule: DecisionRule, match: re.Match[str], offset: int
) -> Decision | None:
    text = event.text or ""
    groups = match.groupdict()

    def span_of(group: str) -> Span | None:
        if groups.get(group) is None:
            return None
        return object_span(text, offset + match.start(group), offset + match.end(group))

    end, planned = offset + match.end(), False
    if groups.get("thing") and not _moves_software(text, span_of("to")):
        return None  # "we decided to move the meeting to Friday" switches no tool (v12)
    if rule.kind == "switched" and "to" in groups:
        old, new = span_of("from"), span_of("to")
        old_key, new_key = _object_key(text, old), _object_key(text, new)
        if not new_key or (old is not None and not old_key):
            return None
        if any(side is not None and _no_thing(text, side) for side in (old, new)):
            return None  # "gave up chocolate for Lent", "dumped my boyfriend for ..." (v18)
        if any(side is not None and _one_off(text, side) for side in (old, new)):
            return None  # "swapped my aisle seat for a window seat": a place, once (v21)
        if rule.travel and any(
            side is not None and _travel_side(text, side) for side in (old, new)
        ):
            return None  # "we went from Rome to Florence": a trip (v18)
        if _moved_home(text, match, offset, new):
            return None
        key = f"{old_key}->{new_key}"
        end = new.end if new is not None else end
        cue_end = min(
            (match.start(g) for g in ("thing", "from", "to") if groups.get(g)), default=match.end()
        )
        verbs = [
            t.word
            for t in tokens(text, offset + match.start(), offset + cue_end)
            if t.word.startswith(_SWITCH_STEMS)
        ]
        planned = bool(verbs) and not is_past(verbs[-1])
    elif "act" in groups:
        act = act_span(text, offset + match.start("act"), offset + match.end("act"))
        if act is None:
            return None
        key, end = f"{rule.key} {normalise_phrase(text[act.start : act.end])}", act.end
    elif "obj" in groups:
        obj = span_of("obj")
        key = _object_key(text, obj)
        if not key or obj is None:
            return None
        if rule.kind == "rejected" and _no_thing(text, obj):
            return None  # "I said no to my boss": a person, no thing rejected (v18)
        if rule.kind == "switched" and _one_off(text, obj):
            return None  # "we swapped seats": a place exchanged once (v21)
        end = obj.end
    else:
        key = rule.key
    start = offset + match.start()
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in " \t\n,;:":
        end -= 1
    if not key or end <= start:
        return None
    return Decision(rule.kind, key, Cite(event, start, end), planned, stated="act" in groups)


def _no_thing(text: str, side: Span) -> bool:
    """Whether a side of a switch or a thing rejected is no thing: a person, a time, a
    purpose or money (``not_things``, v18: "for Lent", "for my health", "my boyfriend")."""
    said = text[side.start : side.end].strip()
    head = _HEAD_END.split(said, maxsplit=1)[0]  # "my boyfriend for his best mate"
    return any(cues().not_things.match(part) is not None for part in {said, head})


def _one_off(text: str, side: Span, cue: bool = False) -> bool:
    """Whether a thing chosen or exchanged is a place or a time taken for once (v21,
    ``one_off_heads``, ``one_off_times``, ``position_heads``): "I'll take the 3pm slot", "I
    chose the 2:30 appointment", "we swapped seats"; "I picked the aisle seat" (a kind of seat)
    and "I went with Postgres" stay. With ``cue`` the span opens on the cue ("I'll take the 3pm
    slot"): the object is what follows the verb of choosing. The object's head is its last
    word before a preposition; a clock time may run past the span ("the 2:30 appointment")."""
    found = cues()
    said = text[side.start : side.end]
    if cue:
        verb = re.match(
            r".*?\b(?:take|took|taken|taking|go(?:ing)?\s+with|went\s+with|gone\s+with|"
            r"pick(?:ed|ing)?|cho(?:o?se|sen|osing)|book(?:ed|ing)?|grab(?:bed|bing)?|"
            r"opt(?:ed|ing)?\s+for|settled?\s+on|reserved?)\s+",
            said,
            re.I,
        )
        if verb is None:
            return False
        side = Span(side.start + verb.end(), side.end)
        said = text[side.start : side.end]
    if found.one_off_times.match(text, side.start) is not None:
        return True
    head_part = _HEAD_END.split(said.strip(), maxsplit=1)[0]
    words = [w.strip("'’") for w in head_part.lower().split()]
    if not words:
        return False
    if words[-1] in found.one_off_heads or " ".join(words[-2:]) in found.one_off_heads:
        return True
    bare = all(w in _NO_NAMES or w in ("our", "their", "his", "her") for w in words[:-1])
    return bare and words[-1] in found.position_heads


#: Where the head of a side ends: a preposition after it ("my boyfriend for his best mate").
_HEAD_END = re.compile(r"\s+(?:for|to|with|from|at|in|on|of|by|over)\s+", re.IGNORECASE)


def _travel_side(text: str, side: Span) -> bool:
    """Whether a side of a move by a verb of going is a name that is no known tool, as a
    place's is ("we went from Rome to Florence"; "went from Evernote to Notion" is a switch,
    v18). A sentence in capitals shows no name."""
    first = tokens(text, side.start, side.end)[:1]
    if not first or text.isupper():
        return False
    return text[first[0].start].isupper() and first[0].word not in disclosure.tool_names()


def act_span(text: str, start: int, end: int) -> Span | None:
    """The act decided in ``text[start:end]`` (v15), from its verb: cut as an object is (not
    at the verb's own particle: "take over the shop", "go back to school") and at
    ``max_act_words``; None for an act that only puts the choice off (``deferrals``: "think
    about it") or whose words after the verb name nothing (``vague_objects``: "go for it",
    "take a break", "do that")."""
    found = cues()
    words = tokens(text, start, end)
    if not words or found.deferrals.search(text[words[0].start : end]):
        return None
    verb = 2 if len(words) > 1 and words[1].word in _particles() else 1
    cut = found.stops.search(text, words[verb - 1].end, end)
    if cut is not None:
        end = cut.start()
    kept = [w for w in _WORD.finditer(text, start, end)][: found.max_act_words]
    if not kept:
        return None
    rest = [t.word for t in tokens(text, start, kept[-1].end())[verb:]]
    rest = [w for w in rest if w not in _PARTICLES]
    if rest and rest[0] in _POINTING:
        return None  # "include this at the beginning", "sell it to Tom": names what was said
    if rest and all(w in found.vague_words for w in rest):
        return None  # "take a break", "take a deep breath": nothing named after the verb
    return Span(kept[0].start(), kept[-1].end())


#: An act's object that points at what was said rather than naming it (v15).
_POINTING = frozenset(["it", "this", "that", "them", "these", "those"])


#: Words that name nothing after an act's verb, beside ``vague_objects`` (v15).
_PARTICLES = frozenset(
    [
        "a",
        "an",
        "the",
        "my",
        "our",
        "your",
        "his",
        "her",
        "their",
        "some",
        "any",
        "for",
        "with",
        "on",
        "in",
        "to",
        "at",
        "of",
        "about",
        "up",
        "out",
    ]
)


def _particles() -> frozenset[str]:
    return disclosure.lexicon().words["verb_particles"]


#: The verbs of a switch, by their stems: "switch", "switching", "move", "moving", "migrate".
_SWITCH_STEMS = ("switch", "mov", "migrat")


def _moves_software(text: str, new: Span | None) -> bool:
    """Whether a thing moved to ``new`` ("the search cluster to blue-green deploys") is a
    switch of tools: the message speaks of software (``switch_context`` of disclosures.yaml:
    "cluster", "database", "deploys") or the new thing is a tool's or a capitalised name ("we
    moved our tickets to Linear"). "We decided to move the meeting to Friday" is none (v12)."""
    said = {t.word for t in tokens(text)}
    if said & disclosure.lexicon().words["switch_context"]:
        return True
    first = tokens(text, new.start, new.end)[:1] if new is not None else ()
    if not first or first[0].word in disclosure.lexicon().words["calendar_names"]:
        return False
    return text[first[0].start].isupper() or first[0].word in disclosure.tool_names()


def _moved_home(text: str, match: re.Match[str], offset: int, new: Span | None) -> bool:
    """ "We moved to Denver", "I moved to Leeds", "I'm moving to a new flat": a move of home,
    as the disclosure extractor reads it (``disclosure.moves_home``), is no switch of tools."""
    words = tokens(text, offset + match.start(), offset + match.end())
    verb = next((t for t in words if t.word.startswith("mov")), None)
    if new is None or verb is None:
        return False
    return disclosure.moves_home(text, words[0], verb)


def action_decision(event: StoredEvent) -> Decision | None:
    """The decision an action's name says (Plan Upgraded, reject_offer), or None."""
    words = name_words(event.name)
    kind = _action_kind(words)
    if kind is None:
        return None
    name = "_".join(words)
    # "photonest 1.7.4 -> 1.8.0": the states before and after, no switch of tools (v12)
    parts = [_action_detail(part) for part in cues().arrows.split(event.text or "")]
    detail = " to ".join(part for part in parts if part)
    return Decision(kind, f"{name}: {detail}" if detail else name, whole_cite(event))


@lru_cache(maxsize=4096)
def _action_kind(words: tuple[str, ...]) -> str | None:
    """The kind of decision an action name's words say: the first verb of ``actions`` found
    in them in one of its forms. Kept per name: a log repeats its few action names, and every
    action event asks."""
    found = cues()
    if set(words) & found.verdict_verbs and set(words) & found.verdict_nouns:
        return None  # "Card Declined", "Login Denied": the product's verdict (v19)
    kind = next(
        (
            kind
            for forms, kind in found.actions
            for at in range(len(words) - len(forms) + 1)
            if all(words[at + i] in form for i, form in enumerate(forms))
        ),
        None,
    )
    if kind is not None:
        return kind
    # "Plan Changed", "Trial Converted": a verb that decides with a word of an option (v19)
    options = {singular(w) for w in words} | set(words)
    return next(
        (
            kind
            for forms, nouns, kind in found.option_actions
            if forms & set(words) and options & nouns
        ),
        None,
    )


def _action_detail(text: str) -> str:
    """An action's text as a key's words: normalised, without its occurrence marks
    ("speaking_b1_00": the lesson "speaking b1", its number one occurrence of it) nor words
    with no letter or digit."""
    found = normalise_phrase(text).split()
    kept = (w for w in found if not cues().occurrence.match(w) and _SLOT.search(w))
    return " ".join(kept)


#: What a slot of a key must hold: a letter or a digit.
_SLOT = re.compile(r"[^\W_]")


def empty_slot(key: str) -> bool:
    """Whether a decision's key leaves a slot empty (v12): nothing named, an action's name with
    nothing after its colon, or a switch with no new thing ("upgrade: photonest ->"); the
    old thing of a switch may be left out ("->linear")."""
    if not _SLOT.search(key):
        return True
    _, colon, detail = key.partition(": ")
    if colon and not _SLOT.search(detail):
        return True
    if "->" not in key:
        return False
    old, _, new = key.partition("->")
    return not _SLOT.search(new) or "->" in new or (bool(old) and not _SLOT.search(old))


@registered
class DecisionExtractor:
    name = NAME

    def extract(self, session: Sequence[StoredEvent]) -> Iterator[Signal]:
        grouped: dict[tuple[str, str, str], list[tuple[StoredEvent, Decision]]] = {}
        for event in session:
            if event.actor is None:
                continue
            if is_person_message(event):
                decisions = message_decisions(event)
            elif event.type == "action":
                single = action_decision(event)
                decisions = [single] if single is not None else []
            else:
                continue
            for decision in decisions:
                if empty_slot(decision.key):
                    continue  # a claim with an empty slot says nothing (v12)
                slot = (event.actor, decision.key, decision.kind)
                grouped.setdefault(slot, []).append((event, decision))
        for (actor, key, kind), found in grouped.items():
            events = list({e.event_id: e for e, _ in found}.values())
            # a switch only decided in every event that says it reads as one (v13)
            planned = kind == "switched" and all(d.planned for _, d in found)
            # an act decided is stated by its key, "decided to invoke the appraisal clause" (v15)
            stated = all(d.stated for _, d in found)
            yield signal_for(
                actor,
                key,
                events,
                [d.evidence for _, d in found if d.evidence is not None],
                producer=NAME,
                kind=SignalKind.DECISION,
                value=key if stated else "decided to switch" if planned else kind,
                polarity=cues().polarity.get(kind, 0.0),
                measure=float(len(found)),
            )
