"""persona6.style.v27: how a person operates, per (session, actor).

STYLE signals, keys:

- measured once per (session, actor), citing the events that show the value (a key with
  nothing to cite is not emitted): ``verbosity`` (terse / moderate / elaborate; measure = words
  of the median message, elaborate from the texture traits' long-message norm, v11; cites the
  ``examples_per_session`` shortest messages when terse, else the most typical, nearest the
  mean length, v11),
  ``mode`` (asking / commanding / mixed; measure = share of questions among messages that ask
  or order; "can you fix it?", "status of last deploy" are orders, and a complaint or a request
  for a person put as a question does not ask; cites questions when asking, orders when commanding,
  one of each when mixed), ``pace`` (fast / steady / slow;
  measure = median seconds between the actor's consecutive acts, two acts needed; cites
  two consecutive acts as far apart as the median), ``time_of_day`` (morning / afternoon /
  evening / night by the local hour of the actor's first act: in the offset its time was
  written in (``attrs["utc_offset"]``), else its ``attrs["timezone"]`` when that is a known IANA
  zone, else UTC; measure = local hour; cites that event),
  ``session_length`` (brief / short / long / marathon; measure = seconds first to last act;
  cites the first and the last). These three are read from the person's own acts, their
  messages and actions, never from an outcome: its time is when the product answered, and
  counted among the person's events it shortened their gaps to the product's response time
  (v9). They read only times the input gave: an act whose time was invented
  (``StoredEvent.ts_invented``, an OpenAI message timed by its conversation) counts in no gap,
  the hour is the first act's with a time of its own, and the length needs the first and the
  last act's times; without them the key is not emitted (v7);
- emitted only when it happens, evidence = the sentences that show it, measure = how many
  messages: ``asks_for_sources`` (where a claim, a figure or advice comes from, whether it has
  a source, how the answerer knows; "where did you get that?" only said to the product: asked
  of a person, it asks where a thing was found, v10), ``challenges_answers`` (pushback in a
  message that follows the product's answer: an assistant message or an outcome's text, v10;
  a "no" answering the assistant's question is none; v12: pushback that names what it
  challenges, a restatement of what the product said before a contradiction, "You said X.
  That's not true ...", or a bare demand for proof, "Prove it.", needs no answer just before it
  in a session where only one person speaks, and the product conceding an error right after a
  person's message, "You're right, apologies", confirms that message's pushback wherever it
  stands, and a gentle doubt's, "I thought it was 5?"; the concession is read, never cited;
  v15: a doubt about a claim of the answer as a negated or impossible fit, "That dosage doesn't
  look right to me", "those estimates can't be right", "your total is way off", and "how did
  you get that number?" asking for its derivation; not a doubt about one's own work),
  ``moderates`` (v12: keeping a channel's rules towards others, "please keep it civil",
  "please use threads", "Pinning this", "I've moved this to #support", "read the FAQ before
  posting", read only in a session where several people speak; value "keeps the channel's
  rules"), ``asks_for_simple_explanations`` (v19: a request to be told things simply, in any
  of the ways English says it: "Explain it like I'm five", "in plain English", "no jargon",
  "dumb it down", "I'm not technical"; value "asks for simple explanations"),
  ``format`` (v22: the format answers are asked in, "bullet points", "table", "formal tone"),
  ``plans_before_acting`` (plan markers;
  weight 1 when one of the actor's actions follows the plan, 0.5 when none does), ``warmth``
  (thanks, gladness, emoji, "!", shared history, and greetings and "we", which make none by
  themselves; measure = share of messages with a cue; weight 0.5 for one kind of cue, 1 for
  several, a greeting not counted, v10; a courtesy formula, "Thank you very much", is thanks in
  the chat register and routine politeness in a message of the formal register, as a letter's
  closing, "Kind regards", is everywhere, v11) and ``helps_others`` (a statement answering another
  person's question in a session with several people; ids the session shows to be one person,
  by an identify event or an event with both ids, are one, v10; v13: not when the product
  answered the question in between, as for two people sharing an account).

v13: every cue is read in the person's own words only: the material they pasted
(``text.material_spans``: a forwarded email with its ``From:``/``Subject:`` header, a line
quoted with ">", a code block, machine output) is blanked out, its offsets kept, and a message
that is pasted material alone shows no style (it still times an act); a cited span never
reaches into the material.

v14: a figure of the answer disputed as it seems to the speaker ("That figure seems wrong to
me") or by a disputing verb ("I do not accept that number") challenges it, and a demand for the
derivation of the answer ("Show me how you arrived at it", "walk me through the calculation")
asks for its source, both also with a message of the person's own between, in a session where
only one person speaks; a message that only acknowledges with thanks ("ok thx",
``acknowledgements``) is routine, as a letter's closing is, and no warmth by itself (thanks
alone still is); a reply to a proposal to work together ("can we pull the campaign attribution
together?", ``joint_proposals``) helps no one.

v16: whether a person writes at length (``verbosity`` elaborate) is read in the messages whose
length is theirs to choose, not in a reply to the product's question nor in thanks that close
("Thanks, that's clear."), which are short whoever writes them; terse is read in every message.

v17 (end-to-end probe 10): a figure of the answer doubted as it seems ("that seems way too high
for 32mm tyres, no?") challenges it; the steps asked for before the speaker acts ("Outline the
whole process for me before I start") plan before acting; the reasoning behind what was just
said asked for ("explain the reasoning behind it") asks for its derivation.

v18 (end-to-end review 9): a source in a domain's document is asked for as a source is: the
place in it a thing said is from ("which slide of lecture 4 is this formula from?", "where in
the lease is this?"), the source checked by the speaker ("I want to check the source myself"),
its own words demanded ("show me the rubric line", "quote me the exact policy language"), "where
does it say otherwise?"; a contradiction setting a document's words against what it contradicts
("That's wrong. The rubric says ...", ``challenges_citing_grounds``) names its grounds, as a
restated answer does, and "that's not what the policy says" disputes; a doubt then "show me the
calculation" challenges the answer, and the calculation asked for bare asks for its derivation;
a "no" before the speaker's own refusal or giving up ("nah not doing this again tonight") disputes
nothing.

v20 (end-to-end probe 12): the grounds of what was just said asked for in the other words of
English, with or without apostrophes ("what are you basing that on", "whats that based on",
"where r u getting this from", "any studies on that?", "is that official or just your guess",
"who says so"), and pushback in them ("I really dont think thats correct", "thats not what the
box says", "you sure about that?", "everything I've read says the opposite", "hmm no, it opens
at 10"); "are you sure you can make it tonight?" asks of the person's own doing, no pushback.

v21 (end-to-end probe 13): a thing agreed before the product acts plans before acting, in the
words of settling it ("Let's agree the schedule first before you start listing ingredients",
"before you start, can we settle on a budget?", "before u start pls tell me the plan"); the way
from what was given to the answer asked for in the other words of English asks for its
derivation ("How did you get from the unity formula to those numbers?", "walk me through how
you got that", "explain how you came up with that price", "show ur working"), not a way between
places ("how did you get to the venue?"); the answer asked to be checked again ("can u double
check it", "could you verify that figure?") is a doubt of it (``challenges_answers``), no
request for sources; and a suspicion put as a question ("How do I know the app isn't selling my
data?") asks for no source.

v22 (end-to-end probe 13 st07): a format asked for is a standing preference of how answers are
laid out or worded, ``format`` (value: the format, "bullet points", "table", "numbered list",
"formal tone", ...; measure = how many messages ask it; ``format_requests``): named alone as a
request ("Bullet points, no waffle", "bullets please"), wished for ("A table would be great"),
or asked with a verb of laying out ("in emails pls use a formal tone", "put the openings in a
table", "keep it in bullets"); not a thing of the same name ("a table for six", "table tennis")
nor the speaker's own habit ("I used bullet points in my essay").

v25 (end-to-end probe 14 st03/st04, by grammar): a length of answer asked for is a ``format``
too, "short answers" or "detailed answers" (``length_requests``: whole patterns, not frames of
a noun): kept short, a most of lines, tl;dr, the last answer too long, just the thing without
the explanation, being concise; going into detail, being thorough, long answers not minded.
``verbosity`` stays the measured length of the person's own messages: a terse writer may ask
for detail.
A plan asked as a question ("should we plan this first?"), a beginner named without "like I'm"
("explain it to a novice") and a tone asked in other words ("can you be less formal", "keep it
professional please"; ``tone_requests``, added to the format's frames) are read too.

v26 (session 19): each format asked is a ``format`` signal of its own, citing only the requests
for it ("bullet points please, and keep it short": bullet points and short answers; v22-v25 kept
the one asked most). Requests said in other words are read by frames, a request verb, an
imperative or a wish with a word of the answer's shape, not by phrases: a short shape said to be
enough ("one line is fine", "yes or no will do"), tl;dr as a verb, "make it snappier", "trim
that down"; going as deep as you like, the simplification refused ("don't dumb it down": detail,
not simplicity), the nitty gritty or the long version wanted, getting technical allowed; the plan
shown before the product acts ("show me your plan before changing the config", "shouldn't we
outline the chapters before writing?"); never having done it pretended ("pretend I've never
touched a spreadsheet"), kept beginner-friendly; "show me where you read that", "which website
says ..."; "you don't have to sound like a bank", "be chattier", "maintain a formal register".
Not another's or a thing's ("my sister wants the long version", "the gist of the movie was",
"no need to be formal at the wedding").

v27 (session 19): a request of the answer's shape counts only where it is asked of the answer
(``request_guards``, ``_asked``): not refused ("Please don't use a table"), not the speaker's own
summing-up ("to put it in a nutshell, we're moving"), not another's order reported or advice for
another audience ("my boss told me to keep it short"), not with another object right after a
format ("boil it down to a syrup"). A second format joined by "and" is read where another format
is asked ("use a numbered list and a casual tone").

Thresholds and cue lists are in ``data/style.yaml``. Assistant text is read only to see what a
person answers; it is never cited. Nor is an outcome's text (the product's own words, such as an
error message, though the outcome carries the person as its actor): a measure of time reads and
cites only the person's own messages and actions, and a key with none of them to cite is not
emitted (v8). Cue lists are searched through
``prep.CueList``, which skips the patterns whose words a message lacks.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import chain, pairwise
from typing import Any

from persona6.extract.base import is_person_message, registered
from persona6.extract.common import Cite, sentence_cite, session_aliases, signal_for, whole_cite
from persona6.extract.failure import cues as failure_cues
from persona6.extract.prep import CueList, LazyPattern, Prepared, prepare_text, prepared
from persona6.extract.text import load_lexicon, material_spans
from persona6.extract.texture import EMOJI
from persona6.extract.texture_counts import own_text
from persona6.types import Signal, SignalKind, StoredEvent, parse_ts

NAME = "persona6.style.v27"

_WORDS = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
#: Cue family -> the key of the signal it shows (and every "warmth:<kind>", warmth).
_OBSERVED = {
    "sources": "asks_for_sources",
    "sources_of_answer": "asks_for_sources",  # but only said to the product (after its answer)
    "challenges": "challenges_answers",
    "answer_no": "challenges_answers",  # but for a "no" answering the assistant's question
    "plans": "plans_before_acting",
    # v12: a demand for proof, and a doubt the product concedes right after ("I thought ...")
    "demands_proof": "challenges_answers",
    "conceded_doubts": "challenges_answers",  # but only when the product concedes
    "moderation": "moderates",  # but only in a session where several people speak
    # v14: pushback naming a claim of the answer ("That figure seems wrong to me"), and a
    # demand for the answer's derivation ("Show me how you arrived at it")
    "names_claim": "challenges_answers",
    "derivation": "asks_for_sources",  # but only where "you" is the product
    # v19: a request to be told things simply ("Explain it like I'm five", "in plain English")
    "simple": "asks_for_simple_explanations",
}
_EXCLAMATION = re.compile(r"!+")
#: The value of the ``moderates`` signal (v12).
MODERATES = "keeps the channel's rules"


@dataclass(frozen=True, slots=True)
class StyleCues:
    terse_below: float
    elaborate_from: float
    closing_words: int  # a message of thanks that closes has at most these words (v16)
    pace_buckets: tuple[tuple[float | None, str], ...]
    length_buckets: tuple[tuple[float | None, str], ...]
    day_parts: tuple[tuple[int, int, str], ...]
    examples: int  # messages a measured trait cites as examples of the value, per session
    imperative_verbs: frozenset[str]
    imperative_lead: frozenset[str]
    request_nouns: frozenset[str]
    request_prepositions: frozenset[str]
    statement_words: frozenset[str]
    # Every cue list of a message in one CueList, so that a message is sifted once: the
    # family of each pattern is "indirect", "sources", "challenges", "answer_no", "exclusions",
    # "restates", "demands_proof", "conceded_doubts", "moderation", "plans", "names_claim",
    # "derivation" (v14), "grounds" (v18) or "warmth:<kind>"
    # (the emoji and "!" kinds of warmth are looked for in code).
    scan: CueList
    families: tuple[str, ...]
    observed: dict[str, str]  # family -> the key of the signal it shows (see _OBSERVED)
    weak_warmth: frozenset[str]  # warmth kinds that make no warmth by themselves ("we")
    routine_warmth: frozenset[str]  # nor count as a kind for the weight ("Good morning.")
    informal: tuple[re.Pattern[str], ...]  # marks of the chat register (case-sensitive, v11)
    closing: tuple[re.Pattern[str], ...]  # a letter's closing at the end ("Kind regards, Ingrid")
    concessions: tuple[re.Pattern[str], ...]  # the product conceding an error (v12)
    acknowledgements: tuple[re.Pattern[str], ...]  # "ok thx": thanks that closes (v14)
    proposals: tuple[re.Pattern[str], ...]  # "can we do it together?": joint work (v14)
    addressed: re.Pattern[str]  # "did you have pets?": a question about the person asked (v23)
    asker: re.Pattern[str]  # ... unless the asker or a request for help is in it
    guards: dict[str, tuple[re.Pattern[str], ...]]  # a request not asked of the answer (v27)


def _compile(patterns: Sequence[str], claim: str = "") -> list[re.Pattern[str]]:
    """The patterns, ``{claim}`` standing for the alternation ``claim``."""
    return [re.compile(p.replace("{claim}", claim), re.IGNORECASE) for p in patterns]


def _lazy(patterns: Sequence[str], claim: str = "", chat: bool = False) -> list[LazyPattern]:
    """``_compile``, each pattern compiled only when a message may match it (``scan``); with
    ``chat``, as chat spells its words too (``_chat_spelled``, v20)."""
    spell = _chat_spelled if chat else str
    return [LazyPattern(spell(p.replace("{claim}", claim)), re.IGNORECASE) for p in patterns]


#: A contraction's apostrophe in a pattern, straight or curly or either (``'``, ``['’]``), before
#: the endings chat writes without it: n't, 's, 're, 'm, 've ("dont", "thats", "youre", "im",
#: "ive"); not 'd and 'll, whose bare forms are words of their own ("wed", "well", "ill").
_CONTRACTION = re.compile(r"(?:'|\[['’]{1,2}\])(?=(?:t|s|re|m|ve)(?![a-z]))")
#: The word "you" standing alone in a pattern, which chat writes "u" ("r u sure", "how do u know").
_YOU = re.compile(r"(?<![\w\\])you(?![\w'’\[])")


def _chat_spelled(pattern: str) -> str:
    """A pattern of the words a person writes, made to read them as chat spells them too (v20,
    ``chat_spelled`` in style.yaml): a contraction without its apostrophe ("dont", "thats",
    "doesnt", "wheres") and "you" as "u", so "that doesnt sound right" and "how do u know"
    read as "that doesn't sound right" and "how do you know" do."""
    return _YOU.sub("(?:you|u)", _CONTRACTION.sub("['’]?", pattern))


def _format_patterns(data: dict[str, Any], nouns: Sequence[str]) -> list[str]:
    """The patterns of one format of ``format_requests`` (v22): each of its ``frames`` with
    ``{format}`` standing for the alternation of the format's nouns."""
    alternation = "|".join(str(n) for n in sorted(nouns, key=len, reverse=True))
    return [
        str(f).replace("{format}", f"(?:{alternation})") for f in data["format_requests"]["frames"]
    ]


@cache
def cues() -> StyleCues:
    data: dict[str, Any] = load_lexicon("style")

    def buckets(key: str) -> tuple[tuple[float | None, str], ...]:
        return tuple((b.get("below"), str(b["label"])) for b in data[key])

    warmth = {f"warmth:{name}": _lazy(ps) for name, ps in data["warmth"].items()}
    # v22: "format:<the format asked for>" (``format_requests``)
    formats = {
        f"format:{name}": _lazy(_format_patterns(data, ps))
        for name, ps in data["format_requests"]["formats"].items()
    }
    # v27: a second format joined by "and", counted beside another format asked
    conjoined = {
        f"conjoined:{name}": _lazy(
            [
                str(f).replace(
                    "{format}", "(?:" + "|".join(sorted(map(str, ps), key=len)[::-1]) + ")"
                )
                for f in data["format_requests"]["conjoined"]
            ]
        )
        for name, ps in data["format_requests"]["formats"].items()
    }
    # v25: a length of answer asked for, in whole sentences of its own (``length_requests``)
    # and a tone asked for in words other than "<tone> tone" (``tone_requests``)
    for section in ("length_requests", "tone_requests"):
        for name, ps in data[section].items():
            # a tone of ``format_requests`` keeps its frames: these are added to them
            formats[f"format:{name}"] = formats.get(f"format:{name}", []) + _lazy(ps)
    # A claim word or its plural, or a number ("the 2.35", "that 18%").
    words = "|".join(
        sorted((re.escape(str(w)) for w in data["source_claims"]), key=len, reverse=True)
    )
    claim = rf"(?:(?:{words})s?|[$€£]?\d[\d.,]*%?)"
    chat = frozenset(str(k) for k in data["chat_spelled"])
    lists = {
        "indirect": _lazy(data["indirect_requests"]),
        **{
            family: _lazy(data[key], claim, key in chat)
            for family, key in (
                ("sources", "asks_for_sources"),
                ("sources_of_answer", "asks_for_sources_of_answer"),
                ("challenges", "challenges"),
                ("names_claim", "challenges_naming_claim"),
                ("derivation", "asks_for_derivation"),
                ("answer_no", "challenges_by_no"),
                ("exclusions", "challenge_exclusions"),
                ("restates", "restates_answer"),
                ("grounds", "challenges_citing_grounds"),
                ("demands_proof", "demands_proof"),
                ("conceded_doubts", "challenges_if_conceded"),
            )
        },
        "moderation": _lazy(data["moderation"]),
        "plans": _lazy(data["plan_markers"]),
        **formats,
        **conjoined,
        "simple": _lazy(data["asks_for_simple_explanations"]),
        **warmth,
    }
    return StyleCues(
        terse_below=float(data["verbosity"]["terse_below"]),
        elaborate_from=float(data["verbosity"]["elaborate_from"]),
        closing_words=int(data["verbosity"]["closing_words"]),
        pace_buckets=buckets("pace_buckets"),
        length_buckets=buckets("session_length_buckets"),
        day_parts=tuple(
            (int(p["from"]), int(p["to"]), str(p["label"])) for p in data["time_of_day"]
        ),
        examples=int(data["examples_per_session"]),
        imperative_verbs=frozenset(str(v) for v in data["imperative_verbs"]),
        imperative_lead=frozenset(str(v) for v in data["imperative_lead"]),
        request_nouns=frozenset(str(v) for v in data["request_nouns"]),
        request_prepositions=frozenset(str(v) for v in data["request_prepositions"]),
        statement_words=frozenset(str(v) for v in data["statement_words"]),
        scan=CueList(p for patterns in lists.values() for p in patterns),
        families=tuple(family for family, patterns in lists.items() for _ in patterns),
        observed={
            **_OBSERVED,
            **dict.fromkeys(warmth, "warmth"),
            **dict.fromkeys(formats, "format"),
            **dict.fromkeys(conjoined, "format"),
        },
        weak_warmth=frozenset(str(k) for k in data["weak_warmth"]),
        routine_warmth=frozenset(str(k) for k in data["routine_warmth"]),
        informal=tuple(re.compile(str(p)) for p in data["informal_marks"]),
        closing=tuple(_compile(data["warmth"]["closing"])),
        concessions=tuple(_compile(data["concessions"])),
        acknowledgements=tuple(_compile(data["acknowledgements"])),
        proposals=tuple(_compile(data["joint_proposals"])),
        addressed=re.compile(str(data["personal_questions"]["addressed"]), re.IGNORECASE),
        asker=re.compile(str(data["personal_questions"]["asker"]), re.IGNORECASE),
        guards={
            name: tuple(_compile(patterns)) for name, patterns in data["request_guards"].items()
        },
    )


def _sifted(prep: Prepared) -> dict[str, list[re.Pattern[str]]]:
    """Family -> the patterns of it that may match the message, in order (memoised on it)."""
    return prep.remember(NAME, _sift)


def _sift(prep: Prepared) -> dict[str, list[re.Pattern[str]]]:
    style = cues()
    found: dict[str, list[re.Pattern[str]]] = {}
    for position in style.scan.positions(prep):
        found.setdefault(style.families[position], []).append(style.scan.pattern(position))
    return found


def _bucket(value: float, buckets: Sequence[tuple[float | None, str]]) -> str:
    for below, label in buckets:
        if below is None or value < below:
            return label
    return buckets[-1][1]


def word_count(text: str) -> int:
    return len(_WORDS.findall(text))


def _word_count(prep: Prepared) -> int:
    """``word_count`` of the prepared text, memoised on it."""
    return prep.remember((NAME, "words"), lambda p: word_count(p.text))


def message_mode(text: str) -> str | None:
    """ "question", "command" or None, by the first sentence that asks or orders."""
    return _mode(prepare_text(text))


def _mode(prep: Prepared) -> str | None:
    """``message_mode`` of the prepared text, memoised on it (people repeat themselves)."""
    return prep.remember((NAME, "mode"), _read_mode)


def _read_mode(prep: Prepared) -> str | None:
    style, text = cues(), prep.text
    indirect = _sifted(prep).get("indirect", [])
    for index, sentence in enumerate(prep.sentences()):
        # The slice, not pos/endpos: the requests are anchored at the sentence start (^).
        part = text[sentence.start : sentence.end] if indirect else ""
        if any(p.search(part) for p in indirect):
            return "command"
        if prep.asks(index):
            return "question"
        # The first word that is not an opener ("please", "ok", ...) decides.
        for word in _WORDS.finditer(text, sentence.start, sentence.end):
            lowered = word.group().lower()
            if lowered in style.imperative_lead:
                continue
            if lowered in style.imperative_verbs or lowered in style.request_nouns:
                # "list open incidents" orders; "list of ..." names a thing (maybe a request)
                rest = [lowered] + [
                    w.group().lower() for w in _WORDS.finditer(text, word.end(), sentence.end)
                ]
                verb = lowered in style.imperative_verbs and rest[1:2] != ["of"]
                if verb or _names_request(rest):
                    return "command"
            break
    return None


def _reacts(prep: Prepared) -> bool:
    """A complaint or a request for a person (the failure extractor's ``complain`` and
    ``escalate`` cues): put as a question ("why does this keep failing?", "can I talk to a
    human?"), a reaction to something that went wrong, not a question about the work."""
    reactions = failure_cues()
    return reactions.escalate.search(prep) or reactions.complain.search(prep)


def _names_request(words: Sequence[str]) -> bool:
    """A verbless request: "status of last deploy", "logs for worker 3"."""
    style = cues()
    return (
        len(words) > 2
        and words[0] in style.request_nouns
        and words[1] in style.request_prepositions
        and style.statement_words.isdisjoint(words)
    )


def _asks(prep: Prepared) -> bool:
    return any(prep.asks(index) for index in range(len(prep.sentences())))


def local_time(event: StoredEvent) -> tuple[float, str]:
    """The hour (with minutes as a fraction) of the event on the actor's clock, and the zone it
    is read in: an IANA name, ``UTC+05:30`` for an offset alone, or ``UTC`` (``local_ts``)."""
    moment = event.local_ts
    return moment.hour + moment.minute / 60, str(moment.tzinfo)


def _whole(events: Iterable[StoredEvent]) -> list[Cite]:
    """Whole-text spans of the events that have text, in the order given."""
    return [c for c in map(whole_cite, events) if c is not None]


def _authored(event: StoredEvent) -> bool:
    """An act of the person's own (a message or an action), whose text they wrote and may be
    cited as theirs; an outcome is the product's (its text an error message, its time when the
    product answered)."""
    return event.type == "action" or is_person_message(event)


@registered
class StyleExtractor:
    name = NAME

    def extract(self, session: Sequence[StoredEvent]) -> Iterator[Signal]:
        # v13: the cues are read in the person's own words only: material they pasted (a
        # forwarded email, a line quoted with ">", a code block) is blanked out, offsets kept,
        # and a message that is pasted material alone shows no style (it still times an act).
        originals = {e.event_id: e for e in session}
        owned = [_own(e) for e in session]
        pasted = {e.event_id for e, o in zip(session, owned, strict=True) if e is not o}
        for signal in self._extract(owned):
            if pasted and any(item.event_id in pasted for item in signal.evidence):
                signal = _restored(signal, originals)
            yield signal

    def _extract(self, session: Sequence[StoredEvent]) -> Iterator[Signal]:
        helped = _helps_others(session)
        after_answer = _after_answer(session)
        heard = _Heard(after_answer, _conceded(session), _people(session) > 1)
        actors = dict.fromkeys(e.actor for e in session if e.actor and e.type != "identify")
        for actor in actors:
            own = [
                e
                for e in session
                if e.actor == actor
                and e.type in ("action", "outcome", "message")
                and (e.type != "message" or e.role in (None, "user"))
            ]
            if not own:
                continue
            yield from self._measured(actor, own, after_answer)
            yield from self._observed(actor, own, heard)
            if actor in helped:
                answers = [a for a, _ in helped[actor]]
                yield self._signal(
                    actor,
                    "helps_others",
                    answers,
                    [s for s in (whole_cite(a) for a in answers) if s],
                    value="answers others",
                    measure=float(len(answers)),
                    context={"question_event_ids": [q.event_id for _, q in helped[actor]]},
                )

    def _signal(
        self,
        actor: str,
        key: str,
        events: Sequence[StoredEvent],
        evidence: Sequence[Cite],
        **fields: Any,
    ) -> Signal:
        return signal_for(
            actor, key, events, evidence, producer=NAME, kind=SignalKind.STYLE, **fields
        )

    def _measured(
        self, actor: str, own: Sequence[StoredEvent], after_answer: dict[str, bool]
    ) -> Iterator[Signal]:
        style = cues()
        messages = [e for e in own if _worded(e)]
        # Which messages have text to cite (whole_cite is not None), without building the spans.
        spoken = [not (e.text or " ").isspace() for e in messages]
        if any(spoken):
            counts = [_word_count(prepared(e)) for e in messages]
            # The median message: one pasted log or one "ok" does not decide it (v11).
            median = float(statistics.median(counts))
            # v16: whether they write at length is read in the messages whose length is theirs
            # to choose: not a message of thanks that closes ("Thanks, that's clear.", "ok
            # thx") nor a reply to the product's question ("sms", "Morning, please."), which
            # are short whoever writes them. Terse is read in every message, as before: a
            # terse writer's closings and answers are as short as the rest ("thx", "k"). What
            # is left out lifts only a session in the upper half of moderate (its median of all
            # at least halfway to elaborate): two long messages among short answers and thanks
            # are no habit of length.
            shown = list(range(len(messages)))
            if median < style.terse_below:
                value = "terse"
            elif median >= style.elaborate_from:
                value = "elaborate"
            else:
                value = "moderate"
            if value == "moderate" and median >= (style.terse_below + style.elaborate_from) / 2:
                # v16: read only where the length is theirs to choose, an upper moderate median
                # may be elaborate (read only here: the closings are looked at once it matters)
                chosen_by_them = [
                    i
                    for i, e in enumerate(messages)
                    if not after_answer.get(e.event_id) and not _closes(prepared(e))
                ] or shown
                theirs = float(statistics.median(counts[i] for i in chosen_by_them))
                if theirs >= style.elaborate_from:
                    value, median, shown = "elaborate", theirs, chosen_by_them
            # The messages that show it most: the shortest when terse, else the most typical,
            # nearest the mean length (v11: not the longest when elaborate, which can be the
            # one-off paste the median leaves out; v16: of their own choosing when lifted).
            mean = statistics.fmean(counts[i] for i in shown)
            typical = {
                "terse": lambda n: n,
                "elaborate": lambda n: abs(n - mean),
                "moderate": lambda n: abs(n - mean),
            }[value]
            ranked = sorted(shown, key=lambda i: (typical(counts[i]), i))
            chosen = sorted([i for i in ranked if spoken[i]][: style.examples])
            evidence = _whole(messages[i] for i in chosen)
            yield self._signal(actor, "verbosity", messages, evidence, value=value, measure=median)
        modes = [_mode(prepared(e)) for e in messages]
        # A complaint or a request for a person put as a question does not ask.
        modes = [
            None if m == "question" and _reacts(prepared(e)) else m
            for e, m in zip(messages, modes, strict=True)
        ]
        moded = [e for e, mode in zip(messages, modes, strict=True) if mode]
        if moded:
            share = sum(mode == "question" for mode in modes) / len(moded)
            value = "asking" if share > 0.5 else "commanding" if share < 0.5 else "mixed"
            # The messages that ask (or order) when that is the mode; one of each when mixed.
            shown = {
                kind: [
                    e
                    for e, h, mode in zip(messages, spoken, modes, strict=True)
                    if h and mode == kind
                ]
                for kind in ("question", "command")
            }
            if value == "mixed":
                evidence = _whole(shown["question"][:1] + shown["command"][:1])
            else:
                kind = "question" if value == "asking" else "command"
                evidence = _whole(shown[kind][: style.examples])
            yield self._signal(actor, "mode", moded, evidence, value=value, measure=share)
        # Measures of time are read from the person's own acts (messages and actions): an
        # outcome is the product's, and its response time shortened the gaps of a person who
        # waited on it (v9). They cite the events they are read from, and are read only from
        # times the input gave: an invented time (ts_invented) keeps the events in order, no more.
        acts = [e for e in own if _authored(e)]
        has = [not (e.text or " ").isspace() for e in acts]
        texted = [i for i, h in enumerate(has) if h]
        if not texted:
            return
        times = [parse_ts(e.ts) for e in acts]
        clocked = [not e.ts_invented for e in acts]
        gaps = [
            ((b - a).total_seconds(), i)
            for i, (a, b) in enumerate(pairwise(times))
            if clocked[i] and clocked[i + 1]
        ]
        # The first two consecutive acts (with text) as far apart as the median gap.
        citable = [(gap, i) for gap, i in gaps if has[i] or has[i + 1]]
        if citable:
            pace = float(statistics.median(gap for gap, _ in gaps))
            value = _bucket(pace, style.pace_buckets)
            best = min((abs(gap - pace), i) for gap, i in citable)
            at = best[1]
            evidence = _whole(acts[i] for i in (at, at + 1) if has[i])
            yield self._signal(actor, "pace", acts, evidence, value=value, measure=pace)
        first, last = texted[0], texted[-1]
        start = next((i for i, known in enumerate(clocked) if known), None)
        if start is not None:
            hour, zone = local_time(acts[start])
            part = next((label for lo, hi, label in style.day_parts if lo <= hour < hi), "night")
            yield self._signal(
                actor,
                "time_of_day",
                acts,
                _whole([acts[start if has[start] else first]]),  # the hour is that event's
                value=part,
                measure=hour,
                context={"timezone": zone},
            )
        if clocked[0] and clocked[-1]:
            length = (times[-1] - times[0]).total_seconds()
            value = _bucket(length, style.length_buckets)
            evidence = _whole([acts[first]] if first == last else [acts[first], acts[last]])
            yield self._signal(actor, "session_length", acts, evidence, value=value, measure=length)

    def _observed(self, actor: str, own: Sequence[StoredEvent], heard: _Heard) -> Iterator[Signal]:
        observed = cues().observed
        after_answer = heard.after_answer
        messages = [e for e in own if _worded(e)]
        found: dict[str, list[Cite]] = defaultdict(list)
        warmth_kinds: Counter[str] = Counter()
        formats: dict[str, list[Cite]] = defaultdict(list)
        conceded: list[str] = []
        for event in messages:
            prep = prepared(event)
            sifted = _sifted(prep)
            for family, patterns in sifted.items():
                key = observed.get(family)
                if key is None:  # requests and exclusions only qualify other cues
                    continue
                if key == "moderates" and not heard.several:
                    continue  # no others to keep the rules for: a task, an order (v12)
                if family == "sources_of_answer" and event.event_id not in after_answer:
                    continue  # "where did you find it?" of a thing
                if family == "derivation" and heard.several and event.event_id not in after_answer:
                    continue  # "walk me through the numbers" to a colleague (v14)
                if key == "challenges_answers":
                    if not _challenges(family, event, prep, sifted, heard):
                        continue
                    if event.event_id in heard.conceded:
                        conceded.append(event.event_id)
                if key in _GUARDED:
                    if family.startswith("conjoined:") and not any(
                        c.event.event_id == event.event_id for c in chain(*formats.values())
                    ):
                        continue  # "a chair and a table": no format asked beside it
                    hits = _asked(event, prep, patterns, objects=key == "format")
                else:
                    hits = _cite(event, prep, patterns)
                if key == "warmth":
                    kind = family.removeprefix("warmth:")
                    if kind == "courtesy" and not _formal(prep):
                        kind = "thanks"  # "thank you so much :)": thanks in the chat register
                    if kind in ("thanks", "courtesy") and _acknowledges(prep):
                        kind = "acknowledgement"  # "ok thx": it closes the exchange (v14)
                    warmth_kinds[kind] += len(hits)
                if key == "format":
                    # each format asked is its own request (v26): "bullet points please, and
                    # keep it short" asks two
                    if hits:
                        formats[family.split(":", 1)[1]] += hits
                    continue
                found[key] += hits
            # Every emoji is outside ASCII, and "!" can only match where there is one.
            if not prep.text.isascii():
                hits = _cite(event, prep, [EMOJI])
                warmth_kinds["emoji"] += len(hits)
                found["warmth"] += hits
            if "!" in prep.text:
                hits = _cite(event, prep, [_EXCLAMATION])
                warmth_kinds["exclamation"] += len(hits)
                found["warmth"] += hits
        order = {e.event_id: i for i, e in enumerate(own)}
        for key in (
            "asks_for_sources",
            "challenges_answers",
            "plans_before_acting",
            "asks_for_simple_explanations",
            "warmth",
            "moderates",
        ):
            if not found[key]:
                continue
            events = list({c.event.event_id: c.event for c in found[key]}.values())
            # Distinct spans by event then start (then end, where set order used to decide).
            spans = {(order[c.event.event_id], c.start, c.end): c for c in found[key]}
            evidence = [spans[span] for span in sorted(spans)]
            fields: dict[str, Any] = {"measure": float(len(events)), "value": key.replace("_", " ")}
            if key == "challenges_answers" and conceded:
                # the product conceded right after these messages (v12)
                fields["context"] = {"conceded_after": list(dict.fromkeys(conceded))}
            if key == "moderates":
                fields["value"] = MODERATES
            if key == "plans_before_acting":
                first_plan = min(order[p.event_id] for p in events)
                acted = any(e.type == "action" for e in own[first_plan + 1 :])
                fields.update(weight=1.0 if acted else 0.5, context={"followed_by_action": acted})
            if key == "warmth":
                kinds = {k: n for k, n in sorted(warmth_kinds.items()) if n}
                if set(kinds) <= cues().weak_warmth:
                    continue  # "we moved from jira to linear": a team; "Good morning.": routine
                # A greeting beside thanks is one kind of warmth, not several (v10).
                counted = set(kinds) - cues().routine_warmth
                fields.update(
                    value="warm",
                    measure=len(events) / len(messages),
                    weight=1.0 if len(counted) > 1 else 0.5,
                    context={"cues": kinds},
                )
            yield self._signal(actor, key, events, evidence, **fields)
        # v26: a signal per format asked, each citing only its own requests, the first asked
        # first
        for value, hits in formats.items():
            events = list({c.event.event_id: c.event for c in hits}.values())
            spans = {(order[c.event.event_id], c.start, c.end): c for c in hits}
            evidence = [spans[span] for span in sorted(spans)]
            yield self._signal(
                actor, "format", events, evidence, value=value, measure=float(len(events))
            )


def _worded(event: StoredEvent) -> bool:
    """A person's message with words of their own (not blank, nor pasted material alone)."""
    return is_person_message(event) and not (event.text or " ").isspace()


def _own(event: StoredEvent) -> StoredEvent:
    """The person's message with the material they pasted blanked out (``own_text``; v13), or
    the event itself when it has none. A message of pasted material alone is blank: it times
    an act but shows no style (``_worded``)."""
    if not is_person_message(event):
        return event
    text = event.text or ""
    mine = own_text(text)
    if mine is text:
        return event
    return event.model_copy(update={"text": mine})


def _restored(signal: Signal, originals: dict[str, StoredEvent]) -> Signal:
    """The signal citing the events as they were, each span kept to the person's own words: a
    span across pasted material (a whole message with a forward in it) becomes its first own
    piece."""
    evidence = []
    for item in signal.evidence:
        text = originals[item.event_id].text or ""
        start, end = _own_piece(text, item.start, item.end)
        evidence.append(
            item.model_copy(update={"start": start, "end": end, "quote": text[start:end]})
        )
    return signal.model_copy(update={"evidence": tuple(evidence)})


def _own_piece(text: str, start: int, end: int) -> tuple[int, int]:
    """The first piece of ``text[start:end]`` outside pasted material, trimmed (the span itself
    when it has none with a word)."""
    at = start
    for span in material_spans(text):  # in order of start
        if span.end <= at or span.start >= end:
            continue
        piece = text[at : span.start]
        if piece.strip() and re.search(r"\w", piece):
            return _trimmed(text, at, span.start)
        at = max(at, span.end)
    if at < end and re.search(r"\w", text[at:end]):
        return _trimmed(text, at, end)
    return start, end


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@dataclass(frozen=True, slots=True)
class _Heard:
    """What the session shows of whom a person's message answers (v12)."""

    after_answer: dict[str, bool]  # messages after the product's answer (``_after_answer``)
    conceded: frozenset[str]  # messages the product conceded right after (``_conceded``)
    several: bool  # whether several people speak in the session (``_people``)


def _challenges(
    family: str,
    event: StoredEvent,
    prep: Prepared,
    sifted: dict[str, list[re.Pattern[str]]],
    heard: _Heard,
) -> bool:
    """Whether a cue of ``family`` in the message is pushback on the product's answer. A
    "no, ..." that is no pushback ("no thanks") never is. Pushback the product concedes right
    after always is; a gentle doubt ("I thought ...") only then. Otherwise pushback follows the
    product's answer (a "no" not answering its question), or names what it challenges: a
    restatement of what the product said before a contradiction ("You said X. That's not true
    ..."), a bare demand for proof ("Prove it.") or a claim of the answer named and disputed
    ("That figure seems wrong to me", "I do not accept that number", v14), or a contradiction
    that sets a document's words against it ("That's wrong. The rubric says ...", v18), in a
    session where only one person speaks, so "you" is the product (v12)."""
    text = prep.text
    if any(p.search(text) for p in sifted.get("exclusions", ())):
        return False
    if event.event_id in heard.conceded:
        return True
    if family == "conceded_doubts":
        return False
    after = heard.after_answer.get(event.event_id)
    if family == "answer_no":
        return after is False  # "Shall I use TypeScript?" / "No, plain JavaScript": an answer
    if after is not None:
        return True
    if heard.several:
        return False
    if family in ("demands_proof", "names_claim"):
        return True  # "Prove it.", "That figure seems wrong to me" (v14): the product's claim
    if family != "challenges":
        return False
    # "That's wrong. The rubric says ...": the grounds named (v18)
    return _restated(text, sifted) or any(p.search(text) for p in sifted.get("grounds", ()))


def _restated(text: str, sifted: dict[str, list[re.Pattern[str]]]) -> bool:
    """Whether a contradiction (``challenges``) follows a restatement of what the product said
    ("You said ...", ``restates_answer``) in the text."""
    said = [m.start() for p in sifted.get("restates", ()) for m in p.finditer(text)]
    if not said:
        return False
    first = min(said)
    return any(m.start() >= first for p in sifted.get("challenges", ()) for m in p.finditer(text))


def _proposes(prep: Prepared) -> bool:
    """Whether the message proposes doing something together ("can we pull it together?",
    ``joint_proposals``, v14): a reply to it takes up joint work, and helps no one."""
    return any(p.search(prep.text) for p in cues().proposals)


def _asks_about_them(prep: Prepared) -> bool:
    """Whether each question of the message asks about the person addressed, their life, doings
    or tastes ("Did you have any pets growing up?", "What made you name her Tilly?",
    ``personal_questions``, v23), with no word of the asker and no request for help: its answer
    tells about the answerer and helps no one."""
    style = cues()
    asked = [
        prep.text[span.start : span.end]
        for index, span in enumerate(prep.sentences())
        if prep.asks(index)
    ]
    return bool(asked) and all(
        style.addressed.search(q) and not style.asker.search(q) for q in asked
    )


def _acknowledges(prep: Prepared) -> bool:
    """Whether the message only acknowledges and thanks ("ok thx", "Thanks.", v14:
    ``acknowledgements``)."""
    return any(p.search(prep.text) for p in cues().acknowledgements)


def _closes(prep: Prepared) -> bool:
    """Whether the message is thanks that closes an exchange (v16): an acknowledgement ("ok
    thx", ``acknowledgements``), or thanks (warmth ``thanks``, ``courtesy``, a letter's
    ``closing``) in at most ``verbosity.closing_words`` words that neither asks nor orders
    ("Thanks, that's clear.", "Thank you so much, you've been very kind."; not "Thanks, but
    why is it 12?")."""
    if _acknowledges(prep):
        return True
    sifted = _sifted(prep)
    thanks = [
        p for kind in ("thanks", "courtesy", "closing") for p in sifted.get(f"warmth:{kind}", ())
    ]
    return (
        _word_count(prep) <= cues().closing_words
        and any(p.search(prep.text) for p in thanks)
        and _mode(prep) is None
    )


def _formal(prep: Prepared) -> bool:
    """Whether the message is written in the formal register (v11): it opens upper case, ends
    with a full stop or a question mark (before a letter's closing, "Kind regards, Ingrid"),
    and has no mark of the chat register
    (``informal_marks``: a contraction, "!", a lower-case "i", a chat abbreviation, an
    emoticon) and no emoji. Memoised on the text."""
    return prep.remember((NAME, "formal"), _read_formal)


def _read_formal(prep: Prepared) -> bool:
    text = prep.text.strip()
    for closing in cues().closing:  # "..., if you would be so kind. Kind regards, Ingrid"
        text = closing.sub("", text).rstrip(" ,\n")
    first = next((c for c in text if c.isalpha()), "")
    if not first.isupper() or text[-1:] not in (".", "?") or EMOJI.search(text):
        return False
    return not any(p.search(text) for p in cues().informal)


#: The keys of requests made of the answer, read only where asked of it (``_asked``, v27).
_GUARDED = frozenset(
    ("format", "asks_for_simple_explanations", "asks_for_sources", "plans_before_acting")
)
_CLAUSE_END = re.compile(r"[,;:.!?\n]")


def _asked(
    event: StoredEvent, prep: Prepared, patterns: Sequence[re.Pattern[str]], objects: bool
) -> list[Cite]:
    """``_cite`` of the matches that ask something of the answer (v27, ``request_guards``): not
    refused in the clause before ("Please don't use a table"), not the speaker's own summing-up
    ("to put it in a nutshell, we're moving"), not another's order reported or advice for another
    audience in its sentence ("my boss told me to keep it short"), nor with a thing other than
    the answer as its object right after ("boil it down to a syrup"; with ``objects``, for a
    format: "What are your sources for the dates?" has the dates as its object)."""
    key = (NAME, "asked", objects, *patterns)
    spans: list[tuple[int, int]] | None = prep.memo.get(key)
    if spans is not None:
        return [Cite(event, begin, finish) for begin, finish in spans]
    guards = cues().guards
    text = prep.text
    cites = []
    for pattern in patterns:
        for match in pattern.finditer(text):
            start, end = match.span()
            clause = max((m.end() for m in _CLAUSE_END.finditer(text, 0, start)), default=0)
            before = text[clause:start]
            if any(g.search(before) for name in ("negated", "own_words") for g in guards[name]):
                continue
            if objects and any(g.match(text, end) for g in guards["object_after"]):
                continue
            cite = sentence_cite(event, start, end)
            sentence = text[cite.start : cite.end]
            if any(g.search(sentence) for g in guards["others"]):
                continue
            cites.append(cite)
    prep.memo[key] = [(c.start, c.end) for c in cites]
    return cites


def _cite(
    event: StoredEvent, prep: Prepared, patterns: Sequence[re.Pattern[str]] | None
) -> list[Cite]:
    """The sentence around every match of ``patterns`` in the event's text."""
    if not patterns:
        return []
    # The spans depend on the text alone: found once per distinct text and pattern list.
    key = (NAME, "cite", *patterns)
    spans: list[tuple[int, int]] | None = prep.memo.get(key)
    if spans is None:
        text = prep.text
        cites = [sentence_cite(event, *m.span()) for p in patterns for m in p.finditer(text)]
        prep.memo[key] = [(c.start, c.end) for c in cites]
        return cites
    return [Cite(event, begin, finish) for begin, finish in spans]


def _after_answer(session: Sequence[StoredEvent]) -> dict[str, bool]:
    """Ids of the messages that follow the product's answer -> whether it ended on a question
    (a "no" that answers it is no pushback). The product answers by an assistant message, or
    by an outcome's text ("Route calculation failed: HOS constraint violated for driver D-07"
    / "Driver 7 has reset at 6am, your system is wrong", v10); the person's actions between
    change nothing."""
    found: dict[str, bool] = {}
    previous: StoredEvent | None = None
    for event in session:
        said = event.type == "outcome" and not (event.text or " ").isspace()
        if event.type == "message" or said:
            if event.type == "message" and previous is not None and _answers(previous):
                found[event.event_id] = (previous.text or "").rstrip().endswith("?")
            previous = event
    return found


def _conceded(session: Sequence[StoredEvent]) -> frozenset[str]:
    """Ids of the person messages the product's next message concedes an error after ("You're
    right, apologies: ...", ``concessions``, v12): the assistant message right after a person's
    message (actions between change nothing). Its words only confirm the person's pushback;
    they are read, never cited."""
    found: set[str] = set()
    concessions = cues().concessions
    previous: StoredEvent | None = None
    for event in session:
        if event.type != "message" or not event.text:
            continue
        if (
            event.role == "assistant"
            and previous is not None
            and is_person_message(previous)
            and any(p.search(event.text) for p in concessions)
        ):
            found.add(previous.event_id)
        previous = event
    return frozenset(found)


def _people(session: Sequence[StoredEvent]) -> int:
    """How many people write in the session: ids the session shows to be one person
    (``session_aliases``) are one."""
    same = session_aliases(session)
    return len({same.get(e.actor or "", e.actor) for e in session if is_person_message(e)})


def _answers(event: StoredEvent) -> bool:
    """The product's words: an assistant message, or an outcome's text."""
    return event.role == "assistant" or event.type == "outcome"


def _helps_others(
    session: Sequence[StoredEvent],
) -> dict[str, list[tuple[StoredEvent, StoredEvent]]]:
    """Actor -> (their answer, the other person's question), in sessions with several people:
    actors the session shows to be one person (``session_aliases``) are one. A statement
    answers the latest question of another person only when the product has not answered it in
    between (v13): a question the product answered was put to the product, and what another
    person says next ("Only 9,800... I keep lying awake") takes up its answer, as two people
    sharing an account do. Nor does a reply to a proposal to work together ("can we pull the
    campaign attribution together?" / "Sure. First, let's agree on the window ...", v14):
    co-workers in one chat take up joint work, and no one asked for help."""
    people = [e for e in session if is_person_message(e)]
    same = session_aliases(session)
    who = [same.get(e.actor or "", e.actor) for e in people]  # each message's person
    if len(set(who)) < 2:
        return {}
    # Where each person message stands, and how many product answers came before each event.
    at = {id(e): i for i, e in enumerate(session)}
    answers_before: list[int] = []
    count = 0
    for event in session:
        answers_before.append(count)
        count += event.type == "message" and _answers(event) and bool(event.text)
    helped: dict[str, list[tuple[StoredEvent, StoredEvent]]] = defaultdict(list)
    answered: set[tuple[str | None, str]] = set()
    for index, message in enumerate(people):
        prep = prepared(message)
        if _word_count(prep) < 3 or _asks(prep):
            continue
        asked = next((people[i] for i in range(index - 1, -1, -1) if who[i] != who[index]), None)
        if (
            asked is None
            or (message.actor, asked.event_id) in answered
            or not _asks(prepared(asked))
            or _proposes(prepared(asked))
            or _asks_about_them(prepared(asked))
            or answers_before[at[id(message)]] > answers_before[at[id(asked)] + 1]
        ):
            continue
        answered.add((message.actor, asked.event_id))
        helped[message.actor or ""].append((message, asked))
    return helped
