"""persona6.task.v18: what kinds of task a person does, and the action sequences they repeat.

Two families of TASK signals per (session, actor):

- key = a task kind of ``data/tasks.yaml`` (debugging, deployment, configuration, ...), when the
  actor's own messages match one of its cues (not in a conversation among people with no assistant
  taking part: people there ask each other, not the product; one visitor who logs in midway is one
  person, v9; and not where the sentence only mentions the word, negated or as a source: "the
  exact wording, not a summary", "or just in a blog post?", ``mention_frames``, v7; nor a standard
  the speaker refuses to break: "I won't merge untested code", v10; and a cue of ``senses`` only
  beside words of its sense in its sentence or one next to it, other than its own: "my plans" is a
  price plan beside "upgrade" or "per month", a workout plan otherwise, v10; every word of buying
  or of access with another sense is such a cue: "does that order make sense?", "scale checkout to
  12", "every upgrade breaks something", "access to education", v11; nor a one-word cue that names
  a system or its data, ``name_frames``: "losing invoice data", "the login latency", v11; nor a
  cue of a kind's own ``mention_frames``: "skip the essay", v11; nor words someone else says,
  ``reports``: "my husband says we should pay for Google Photos", v11; words of code and of
  debugging with another sense are cues of ``senses``: "I fix the postal code", "build an
  emergency fund", "WHY DOES THIS ALWAYS FAIL" at a shop, "i am not working", v12; code written
  out anywhere in the message gives such a cue its sense (a sense's ``anywhere``: "same for this
  code:" above lines of code), a phrase of the other sense that holds the cue takes it (a sense's
  ``unless``: "the promo code doesn't work in the app"), v12; nor words of material the person
  pasted, ``text.material_spans``: a forwarded order confirmation, but for a kind whose cues
  count there, ``pasted``: a stack trace pasted is debugged, v12; nor a case imagined or unreal
  said as a statement, the shared guard ``text.supposed``: "if i won the lottery, i would buy
  all the pizza in the world", while one asked or under a plain condition is a task, "Suppose I
  buy the annual plan, can I get a refund?", "Let me know if the deploy fails", v14), or the
  actor's actions carry one of its action words in their name ("Deploy Started"; an action word of
  ``action_senses`` unless its text says the other sense: an "upgrade" of "photonest 1.7.4 ->
  1.8.0", v11) or, for command-line actions, one of its command heads (``kubectl``). ``value`` =
  the kind's ``label`` ("purchases and billing", v12), or its name; ``measure`` = events that
  matched; evidence = the matching sentence of each message and the text of each matching action
  (at most ``MAX_EVIDENCE``).
- key = ``sequence:<a>><b>`` and ``sequence:<a>><b>><c>``: every distinct bigram and trigram of
  the actor's own action and outcome tokens in the session, in time order (a token is the event
  name in snake case, or for a command action the command head: ``git``, ``ls``); ``measure`` =
  occurrences in the session. The graph stage finds those that recur across sessions.

v15 (tasks.yaml v11, v12): words with several senses need their sense: words of analysis beside
words of data ("the average of these numbers", not "Who else can see her chart?"), "set up" and
"setup" beside a thing configured ("set up the router", not "I set up a 5K charity run" nor "a
slightly clunkier setup"), a summary beside a text ("a summary of this article", not "a weekly
summary emailed"); an action named by "report" alone is no analysis ("report_outage"), nor
"schedule" alone automation ("set_schedule" of a thermostat); a device as the subject of an
upload does it, not the speaker ("Does this thermostat upload occupancy data?").

v16 (tasks.yaml v13): a text named ("a story", "an essay", "a letter") is writing only beside an
act of writing, editing or drafting it ("I am writing a story", "help me with my cover letter"),
not a story told or an article read; ideas had are no text written ("it could spark ideas for
your studio"); a bare "setting" is configuration only beside words of a thing configured ("the
eco setting on the thermostat", not "a professional setting"); a device's schedule is its
setting, no planning ("the cooling schedule" is configuration; a ``set_schedule`` action with
"bedroom 18C 09:00-17:00" plans nothing: a sense with no ``context``, only ``unless``); a verb of
saying in its "-ing" form reports ("my sister keeps saying ... I should buy one": ``reports``
``progressive_leads``).

v17 (tasks.yaml v14, review 9 #17): more words need their sense: "production", "release",
"staging", "pipeline" beside words of software ("a whole production" of getting a car to the
inspection centre is none), "deploy" not of troops, "script", "batch", "workflow" and a time
repeated ("every day") beside words of automation ("Batch them into one digest at 5pm" is
none), "trip" of a trip to come ("I told her a story about my trip" is none), "upload" not of a
document handed in ("upload the repair estimate"). A product's own work is a kind where it is
general: ``claims_forms`` (a claim, an appeal, a reimbursement, a form filed; ``start_claim``)
and ``coursework`` (homework, quizzes, exams, grading; ``submit_assignment``). An action sense
reads the action's name and its file names too (``upload_document`` "police_report_1.pdf" is no
file management) and may need words of its sense (``context``: a ``set_schedule`` of "bedroom
18C 09:00-17:00" is configuration).

v18 (tasks.yaml v15, session 16): a task the speaker says they have not done is none
(``negated``, ``_undone``): "I've never filed a claim", "never deployed anything to production";
not "I never got a claim number" (pending), "I can't submit the form" (a try that failed), a
question or someone else's verb. A kind's ``step_of`` names the kinds whose sentence makes its
cue a step of theirs: "I uploaded the photos of the water damage for my claim" is claims work,
no file management, and so is an ``upload_photos`` action in a session of the claim (an action
names no purpose); evidence uploaded or sent for a claim, an application or an appeal is
claims work ("uploading the scans for my visa application").

Evidence is the actor's own text only: their messages and the text of their own actions. An
outcome carries its actor but its text is the product's (an error message): it is a step of a
sequence, never cited (v6). A step without text of the actor's has no span to cite: a signal
resting only on such events is emitted with empty evidence and the events it rests on in
``context["event_ids"]``, so that product event streams (names, no text) are not ignored.

Speed: each event is read once for every kind (``prep.CueList`` runs only the cues whose words
occur in a message, and the spans a message's cues cite are memoised per distinct text; action
names and command heads map to kinds through memoised tables).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from persona6.extract import text as tx
from persona6.extract.base import is_person_message, registered
from persona6.extract.common import (
    Cite,
    command_head,
    is_command_name,
    name_words,
    names_match,
    sentence_cite,
    session_aliases,
    signal_for,
    whole_cite,
    with_neighbours,
)
from persona6.extract.prep import CueList, LazyPattern, prepared
from persona6.extract.text import Span, load_lexicon
from persona6.types import Signal, SignalKind, StoredEvent

__all__ = ["NAME", "TaskExtractor", "TaskKind", "command_head", "name_words", "sequence_token"]

NAME = "persona6.task.v18"


@dataclass(frozen=True, slots=True)
class TaskKind:
    name: str
    cues: tuple[LazyPattern, ...]  # compiled when a message may match them (``prep.CueList``)
    actions: frozenset[str]
    commands: frozenset[str]
    #: The shared ``mention_frames`` and the kind's own (v11: "skip the essay").
    frames: re.Pattern[str]
    #: The signal's value: the kind's readable ``label`` (v12: "purchases and billing"), or
    #: its name.
    label: str
    #: Whether its cues count inside material the person pasted (v12: a stack trace, code).
    pasted: bool
    #: The kinds whose sentence makes this kind's cue a step of theirs (v18: an upload of the
    #: photos for a claim is the claim's work, no file management).
    step_of: frozenset[str] = frozenset()


def _alternation(patterns: Sequence[str]) -> re.Pattern[str]:
    """One pattern matching where any of ``patterns`` does; never matching for none."""
    return re.compile("|".join(f"(?:{p})" for p in patterns) or "(?!)", re.IGNORECASE)


@cache
def taxonomy() -> tuple[TaskKind, ...]:
    data = load_lexicon("tasks")
    shared = [str(f) for f in data.get("mention_frames", [])]
    return tuple(
        TaskKind(
            name=str(name),
            cues=tuple(LazyPattern(p, re.IGNORECASE) for p in spec.get("cues", [])),
            actions=frozenset(str(a).lower() for a in spec.get("actions", [])),
            commands=frozenset(str(c) for c in spec.get("commands", [])),
            frames=_alternation(shared + [str(f) for f in spec.get("mention_frames", [])]),
            label=str(spec.get("label") or name),
            pasted=spec.get("pasted") is True,
            step_of=frozenset(str(k) for k in spec.get("step_of", [])),
        )
        for name, spec in data["tasks"].items()
    )


@cache
def _name_frames() -> re.Pattern[str]:
    """What follows a cue where it only names a system or its data (matched at the cue's end:
    "invoice data", "login latency", v11)."""
    return _alternation([str(f) for f in load_lexicon("tasks").get("name_frames", [])])


@dataclass(frozen=True, slots=True)
class _ActionSense:
    kind: int  # position in the taxonomy
    actions: frozenset[str]
    unless: re.Pattern[str]  # an action text in another sense
    # words the action's name or text must hold for the kind to show; None: none needed (v17)
    context: re.Pattern[str] | None


@dataclass(frozen=True, slots=True)
class _Reports:
    asked: frozenset[str]  # the subject of a verb of saying put to the assistant ("you")
    own: frozenset[str]  # the speaker as its subject ("I")
    handed: tuple[tuple[str, ...], ...]  # words after one that hands the speaker a task
    no_clause: frozenset[str]  # a word after one that takes no clause ("think about")
    saying: frozenset[str]  # the "-ing" forms of verbs of saying ("saying", "telling"; v16)
    # words between a subject and such a form ("keeps saying", "was telling"; v16)
    progressive: frozenset[str]


@cache
def _reports() -> _Reports:
    data = load_lexicon("tasks").get("reports", {})
    return _Reports(
        asked=frozenset(str(w).lower() for w in data.get("asked", [])),
        own=frozenset(str(w).lower() for w in data.get("own", [])),
        handed=tuple(tuple(str(p).lower().split()) for p in data.get("handed", [])),
        no_clause=frozenset(str(w).lower() for w in data.get("no_clause", [])),
        saying=frozenset(str(w).lower() for w in data.get("saying", [])),
        progressive=frozenset(
            w for lead in data.get("progressive_leads", []) for w in str(lead).lower().split()
        ),
    )


@dataclass(frozen=True, slots=True)
class _Index:
    cues: CueList  # every kind's cues, kind after kind, then the cues of each sense
    kind_of: tuple[int, ...]  # cue position -> kind position in the taxonomy
    # cue position -> the words its sentence or one next to it must hold (a sense's cue, v10)
    context_of: tuple[re.Pattern[str] | None, ...]
    # cue position -> words anywhere in the message that give a sense's cue its sense (v12)
    anywhere_of: tuple[re.Pattern[str] | None, ...]
    # cue position -> phrases of its sentence that hold the cue in another sense (v12)
    unless_of: tuple[re.Pattern[str] | None, ...]
    by_command: dict[str, frozenset[int]]  # command head -> kind positions


def _kind_position(section: str, task: str) -> int:
    """Position of the task kind ``task`` named in ``section`` of ``data/tasks.yaml``."""
    position = {kind.name: i for i, kind in enumerate(taxonomy())}
    if task not in position:
        raise ValueError(
            f"data/tasks.yaml {section}: task {task!r} is no task kind; use one of "
            f"{', '.join(sorted(position))}"
        )
    return position[task]


@dataclass(frozen=True, slots=True)
class _SenseCue:
    kind: int  # position in the taxonomy
    cue: LazyPattern
    context: re.Pattern[str] | None  # words of the sense beside the cue; None: none needed
    anywhere: re.Pattern[str] | None  # words of the sense anywhere in the message (v12)
    unless: re.Pattern[str] | None  # a phrase holding the cue in another sense (v12)


def _senses() -> list[_SenseCue]:
    """The cues of ``senses`` in ``data/tasks.yaml``."""
    found = []
    for sense in load_lexicon("tasks").get("senses", []):
        kind = _kind_position("senses", str(sense["task"]))
        # A sense with no ``context`` counts wherever its ``unless`` does not hold it (v16).
        context = _alternation([str(c) for c in sense["context"]]) if sense.get("context") else None
        anywhere, unless = (
            _alternation([str(p) for p in sense[part]]) if sense.get(part) else None
            for part in ("anywhere", "unless")
        )
        found += [
            _SenseCue(kind, LazyPattern(c, re.IGNORECASE), context, anywhere, unless)
            for c in sense["cues"]
        ]
    return found


@cache
def _action_senses() -> tuple[_ActionSense, ...]:
    """The ``action_senses`` of ``data/tasks.yaml``."""
    return tuple(
        _ActionSense(
            kind=_kind_position("action_senses", str(sense["task"])),
            actions=frozenset(str(a).lower() for a in sense["actions"]),
            unless=_alternation([str(u) for u in sense.get("unless", [])]),
            context=_alternation([str(c) for c in sense["context"]])
            if sense.get("context")
            else None,
        )
        for sense in load_lexicon("tasks").get("action_senses", [])
    )


@cache
def _index() -> _Index:
    kinds = taxonomy()
    by_command: dict[str, set[int]] = {}
    for position, kind in enumerate(kinds):
        for command in kind.commands:
            by_command.setdefault(command, set()).add(position)
    plain = [(position, cue) for position, kind in enumerate(kinds) for cue in kind.cues]
    senses = _senses()
    return _Index(
        cues=CueList([cue for _, cue in plain] + [sense.cue for sense in senses]),
        kind_of=tuple(p for p, _ in plain) + tuple(sense.kind for sense in senses),
        context_of=(None,) * len(plain) + tuple(sense.context for sense in senses),
        anywhere_of=(None,) * len(plain) + tuple(sense.anywhere for sense in senses),
        unless_of=(None,) * len(plain) + tuple(sense.unless for sense in senses),
        by_command={head: frozenset(found) for head, found in by_command.items()},
    )


def _sentence_index(sentences: Sequence[Span], at: int) -> int:
    """Index of the sentence holding offset ``at`` (the last one past the end; -1 for none)."""
    for i, sentence in enumerate(sentences):
        if at < sentence.end:
            return i
    return len(sentences) - 1


def _confirmed(context: re.Pattern[str], text: str, around: Span, cue: re.Match[str]) -> bool:
    """Words of ``context`` in ``around`` other than the cue's own: "every upgrade breaks
    something" has no word of money but its "upgrade" (v11)."""
    return any(
        found.end() <= cue.start() or found.start() >= cue.end()
        for found in context.finditer(text, *around)
    )


def _other_sense(unless: re.Pattern[str], text: str, sentence: Span, cue: re.Match[str]) -> bool:
    """A phrase of ``unless`` in the cue's sentence holds the cue: "I fix the postal code",
    "build an emergency fund" (v12)."""
    return any(
        found.start() <= cue.start() and cue.end() <= found.end()
        for found in unless.finditer(text, *sentence)
    )


def _material_of(spans: Sequence[Span], at: int) -> Span | None:
    """The widest span of material the person pasted that holds offset ``at`` (v12), if any."""
    holding = [span for span in spans if span.start <= at < span.end]
    return max(holding, key=lambda span: span.end - span.start) if holding else None


def _names_system(text: str, sentence: Span | None, cue: re.Match[str]) -> bool:
    """A one-word cue that names a system or its data (``name_frames``: "losing invoice data",
    "the login latency"), not a verb taking it as its object ("deploy worker 1.9 prod": the
    cue opens its sentence or follows a word of ``verb_leads``, v11)."""
    if " " in cue.group().strip() or not _name_frames().match(text, cue.end()):
        return False
    before = tx.tokens(text, sentence.start if sentence else 0, cue.start())
    return bool(before) and not (before[-1].word.isdigit() or before[-1].word in _verb_leads())


@cache
def _verb_leads() -> frozenset[str]:
    return frozenset(str(w).lower() for w in load_lexicon("tasks").get("verb_leads", []))


def _reported(text: str, sentence: Span, at: int) -> bool:
    """The words at ``at`` are someone else's (``text.is_reported``): "my husband says we
    should just pay for it". A verb of saying put to the assistant ("can you tell me how",
    "do you think I should"), said by the speaker ("I figured out a schedule") or handing the
    speaker a task ("my boss asked me to draft") reports nothing of another: the words after it
    are read on their own (``reports``, v11)."""
    start = sentence.start
    words = tx.tokens(text, sentence.start, at)
    for i, word in enumerate(words):
        if tx.is_report_verb(word.word) and (_not_another(words, i) or _handed(words, i)):
            start = word.end
    return tx.is_reported(text, Span(start, sentence.end), at) or _reported_progressive(
        text, Span(start, sentence.end), at
    )


def _reported_progressive(text: str, sentence: Span, at: int) -> bool:
    """Someone else is saying the words at ``at`` (v16): "my sister keeps saying the Nest is
    better and I should buy one", "he was telling me we should upgrade". The words after the
    last turn back to the speaker ("..., but honestly I ...") are the speaker's."""
    words = tx.tokens(text, sentence.start, at)
    turns = [i for i, t in enumerate(words) if t.word in tx.english_set("contrast_turns")]
    words = words[turns[-1] + 1 :] if turns else words
    reports, skippable = _reports(), _skippable()
    for index, word in enumerate(words):
        if word.word not in reports.saying:
            continue
        back = index - 1
        while back >= 0 and (
            words[back].word in skippable or words[back].word in reports.progressive
        ):
            back -= 1
        if back < 0 or words[back].word in reports.asked | reports.own or _handed(words, index):
            continue  # "I keep saying", "you keep telling me", "she keeps asking me to"
        # a lead between ("keeps saying") or one in the subject ("she's saying"); not "thanks
        # for saying"
        if back < index - 1 or words[back].word.endswith(("'s", "'re")):
            return True
    return False


@dataclass(frozen=True, slots=True)
class _NegatedWords:
    within: int  # words after the negated verb a cue may stand and be negated by it
    speakers: frozenset[str]  # subjects of the speaker's own verb
    through: frozenset[str]  # verbs that pass the negation on before "to" ("never had to")
    keeps: frozenset[str]  # a negated verb of these leaves the task pending ("never got")
    failing: frozenset[str]  # a negation with one of these is a try that failed ("can't")
    skipped: frozenset[str]  # words between "be" and the word it denies ("not really sure")


@cache
def _negated_words() -> _NegatedWords:
    data = load_lexicon("tasks")["negated"]

    def of(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data.get(key, []))

    keeps = of("keeps")
    skipped = (tx.english_set("negations") | tx.english_words("adverbs", "be_forms")) - keeps
    return _NegatedWords(
        int(data["within"]), of("speakers"), of("through"), keeps, of("failing"), skipped
    )


#: A verb of another subject than a left-out "I" (v18).
_THIRD_PERSON = frozenset({"is", "was", "has", "does", "isn't", "wasn't", "hasn't", "doesn't"})


def _undone(text: str, sentence: Span, at: int) -> bool:
    """The speaker says they have not done what the words at ``at`` name (v18): a negation of
    their verb reaches its object and what follows it in the clause, within ``within`` words
    ("I've never filed a claim", "never deployed anything to production", "I have never had
    to file an insurance claim"), not through a verb of ``keeps`` ("I never got a claim
    number", "I'm not sure how to study for the midterm"), nor with a word of ``failing`` ("I
    can't submit the form": a try that failed), nor in a question ("Why hasn't my claim been
    approved?"), nor of someone else's verb ("the adjuster never filed my claim")."""
    negations = tx.english_set("negations")
    before = tx.tokens(text, sentence.start, at)
    if not any(t.word in negations or t.word == "never" for t in before):
        return False
    if tx.is_question(text, sentence):
        return False
    lexicon = _negated_words()
    cuts = tx.english_words("subordinators", "coordinators")
    for clause in tx.clauses(text, sentence):
        if not clause.start <= at < clause.end:
            continue
        for p in tx.predicates(text, clause, subjects=lexicon.speakers, implied=True):
            if not p.negated or not (p.verb.start <= at < max(p.rest.end, p.verb.end)):
                continue
            if p.implied and p.verb.word in _THIRD_PERSON:
                continue  # "Not much is new other than the screenplay": no "I" left out
            if lexicon.failing & set(p.lead):
                continue  # "I can't submit the form": the task, tried
            # After "be" the word denied follows it ("I'm not sure", "haven't been able").
            words = tx.tokens(text, p.verb.end if p.is_be else p.verb.start, at)
            i = 0
            while p.is_be and i < len(words) and words[i].word in lexicon.skipped:
                i += 1  # "I'm not really sure", "haven't been able"
            while (
                i + 1 < len(words)
                and words[i].word in lexicon.through
                and (words[i + 1].word == "to")
            ):
                i += 2  # "never had to file", "don't want to submit"
            if i < len(words) and (
                words[i].word in lexicon.keeps or words[i].word in lexicon.failing
            ):
                continue  # "I never got a claim number": pending, not undone
            if p.is_be and i < len(words) and not tx.is_gerund(words[i].word):
                continue  # "I'm not happy with how the claim went": a state, no act denied
            if len(words) - i - 1 <= lexicon.within and not any(
                t.word in cuts for t in words[i + 1 :]
            ):
                return True  # "since the claim was denied" is a clause of its own
    return False


#: The kinds of ``text.supposed`` that leave a statement no task done (v14).
_SUPPOSED_KINDS = ("imagined", "counterfactual")


def _supposed(text: str, sentence: Span, at: int) -> bool:
    """The words at ``at`` are in a case the speaker imagines or says is not so, in a sentence
    that does not ask (v14, ``text.supposed``): "if i won the lottery, i would buy all the
    pizza in the world", "Had I known, I would have booked the train". Asked, a case supposed
    is a task of its kind ("Suppose I crashed a rental car, what happens?"); a condition is
    one too ("Let me know if the deploy fails", "I'd like to book a table if possible")."""
    return not tx.is_question(text, sentence) and tx.supposed(text, at, _SUPPOSED_KINDS) is not None


def _not_another(words: Sequence[tx.Token], index: int) -> bool:
    """The verb of saying at ``index`` is put to the assistant ("can you tell me", "do you
    think", "please tell me": no subject) or said by the speaker ("I think", "we've said")."""
    skippable = _skippable()
    back = index - 1
    while back >= 0 and words[back].word in skippable:
        back -= 1
    reports = _reports()
    return back < 0 or words[back].word in reports.asked | reports.own


@cache
def _skippable() -> frozenset[str]:
    """Words between a verb of saying and its subject ("can you please tell me")."""
    return tx.english_words("adverbs", "modals", "negations") | {"please", "do", "does"}


def _handed(words: Sequence[tx.Token], index: int) -> bool:
    """The verb of saying at ``index`` hands the speaker a task ("she asked me to") or takes
    no clause ("a lot to think about")."""
    reports = _reports()
    after = tuple(t.word for t in words[index + 1 : index + 3])
    return any(after[: len(phrase)] == phrase for phrase in reports.handed) or (
        bool(after) and after[0] in reports.no_clause
    )


@lru_cache(maxsize=4096)
def _kinds_named(name: str | None) -> frozenset[int]:
    """Positions of the kinds whose action words the event name carries."""
    return frozenset(i for i, kind in enumerate(taxonomy()) if names_match(name, kind.actions))


def _kinds_in_sense(name: str | None, text: str) -> frozenset[int]:
    """Positions of the kinds an action word of ``action_senses`` in the event name shows,
    unless the action's name or text says the word's other sense (v11; the name's other words
    and a file name's parts count, v17: ``upload_document``, "police_report_88231.pdf"), and
    for a sense with ``context`` only when they hold one of its words (v17: a
    ``set_schedule`` of "bedroom 18C 09:00-17:00" configures a device)."""
    senses = [sense for sense in _action_senses() if names_match(name, sense.actions)]
    if not senses:
        return frozenset()
    said = " ".join(name_words(name)) + " " + text.replace("_", " ")
    return frozenset(
        sense.kind
        for sense in senses
        if not sense.unless.search(said)
        and (sense.context is None or sense.context.search(said) is not None)
    )


def sequence_token(event: StoredEvent) -> str:
    """An action or outcome as a token of a sequence (never contains ">")."""
    return _token(event.type == "action", event.name, event.text or "") or event.type.value


@lru_cache(maxsize=8192)
def _token(action: bool, name: str | None, text: str) -> str:
    # Memoised: product events repeat a few names and commands. "" when the name is empty.
    if action and is_command_name(name) and command_head(text):
        return command_head(text).replace(">", "_")
    return "_".join(name_words(name))


@lru_cache(maxsize=8192)
def _action_kinds(name: str | None, text: str) -> tuple[int, ...]:
    """Kind positions an action shows by its name, or for a command line by its head."""
    kinds = _kinds_named(name) | _kinds_in_sense(name, text)
    if is_command_name(name):
        kinds = kinds | _index().by_command.get(command_head(text), frozenset())
    return tuple(sorted(kinds))


def _event_matches(event: StoredEvent) -> dict[int, list[Cite]]:
    """Kind position -> the spans by which ``event`` shows it ([] for a textless match)."""
    if is_person_message(event):
        return {
            kind: [Cite(event, *span) for span in found]
            for kind, found in _message_spans(event).items()
        }
    if event.type != "action":
        return {}
    kinds = _action_kinds(event.name, event.text or "")
    if not kinds:
        return {}
    whole = whole_cite(event)
    return {kind: [whole] if whole else [] for kind in kinds}


def _message_spans(event: StoredEvent) -> dict[int, list[tuple[int, int]]]:
    """Kind position -> the sentence spans of the person message that show it, sorted;
    memoised on the text, which alone decides them."""
    prep = prepared(event)
    found: dict[int, list[tuple[int, int]]] | None = prep.memo.get(NAME)
    if found is not None:
        return found
    index, text, kinds = _index(), prep.text, taxonomy()
    pasted = tx.material_spans(text)
    spans: dict[int, dict[tuple[int, int], None]] = {}
    said_in: dict[int, dict[tuple[int, int], int]] = {}  # kind -> span -> its sentence
    for position in index.cues.positions(prep):
        pattern, context = index.cues.pattern(position), index.context_of[position]
        kind, unless = index.kind_of[position], index.unless_of[position]
        for match in pattern.finditer(text):
            material = _material_of(pasted, match.start())
            if material is not None and not kinds[kind].pasted:
                continue  # a forwarded email, a pasted text: not the speaker's words
            cite = sentence_cite(event, *match.span())
            if kinds[kind].frames.search(text, cite.start, match.start()):
                continue  # the word named, no task asked for
            sentences = prep.sentences()
            at = _sentence_index(sentences, match.start())
            if _names_system(text, sentences[at] if at >= 0 else None, match):
                continue  # "invoice data": a system named by the word
            if material is not None and context is not None:
                # A word of pasted material has the material's sense (v13): only words of its
                # sense in the material itself confirm it, not the speaker's beside it ("got
                # this on the app" above a pasted "... business class upgrade").
                anywhere = index.anywhere_of[position]
                if not any(
                    c is not None and _confirmed(c, text, material, match)
                    for c in (context, anywhere)
                ):
                    continue
            elif context is not None and not (
                at >= 0 and _confirmed(context, text, with_neighbours(sentences, at), match)
            ):
                anywhere = index.anywhere_of[position]
                if anywhere is None or not _confirmed(anywhere, text, Span(0, len(text)), match):
                    continue  # "my meal plans": the word in another sense
            if unless is not None and at >= 0 and _other_sense(unless, text, sentences[at], match):
                continue  # "the postal code": the word in another sense beside its sense too
            if at >= 0 and _reported(text, sentences[at], match.start()):
                continue  # "my husband says we should pay for it": not the speaker's
            if at >= 0 and _supposed(text, sentences[at], match.start()):
                continue  # "if i won the lottery, i would buy a boat": no task done (v14)
            if at >= 0 and _undone(text, sentences[at], match.start()):
                continue  # "I've never filed a claim": no task done (v18)
            spans.setdefault(kind, {})[cite.start, cite.end] = None
            said_in.setdefault(kind, {})[cite.start, cite.end] = at
    _steps_of_others(spans, said_in)
    # Sorted by start as before; the end orders spans that share a start (set order did).
    found = prep.memo[NAME] = {kind: sorted(ends) for kind, ends in spans.items() if ends}
    return found


def _steps_of_others(
    spans: dict[int, dict[tuple[int, int], None]], said_in: dict[int, dict[tuple[int, int], int]]
) -> None:
    """Drops a kind's spans whose sentence, or the one before it, shows a kind it is a step of
    (``step_of``, v18): "I uploaded the photos of the water damage for my claim" and "The
    adjuster wants more pictures. Uploading them now." are the claim's work, no file
    management; "Can I upload the CSV here?" stays."""
    for kind, found in spans.items():
        # the sentence of the work, and the one after it ("The adjuster wants more pictures of
        # the trunk lid. Uploading them now.")
        served = {
            at + after
            for served_by in _steps_of()[kind]
            for at in said_in.get(served_by, {}).values()
            for after in (0, 1)
        }
        if served:
            for span in [span for span in found if said_in[kind][span] in served]:
                del found[span]


@cache
def _steps_of() -> tuple[frozenset[int], ...]:
    """By taxonomy position, the positions of the kinds each kind is a step of (``step_of``)."""
    return tuple(
        frozenset(_kind_position("step_of", name) for name in kind.step_of) for kind in taxonomy()
    )


def _between_people(session: Sequence[StoredEvent]) -> bool:
    """A conversation among people: several of them write and no assistant takes part. Actors
    the session shows to be one person (``session_aliases``: an anonymous visitor who logs in)
    are one (v9)."""
    if any(e.type == "message" and e.role not in (None, "user") for e in session):
        return False
    same = session_aliases(session)
    people = {same.get(e.actor or "", e.actor) for e in session if is_person_message(e)}
    return len(people) > 1


@registered
class TaskExtractor:
    name = NAME

    def extract(self, session: Sequence[StoredEvent]) -> Iterator[Signal]:
        actors = dict.fromkeys(e.actor for e in session if e.actor and e.type != "identify")
        talk = _between_people(session)
        for actor in actors:
            own = [e for e in session if e.actor == actor and e.type != "identify"]
            # People talking among themselves ask each other nothing of the product: their
            # words are no task, only their actions are.
            yield from self._kinds(actor, [e for e in own if not (talk and is_person_message(e))])
            yield from self._sequences(actor, [e for e in own if e.type in ("action", "outcome")])

    def _kinds(self, actor: str, own: Sequence[StoredEvent]) -> Iterator[Signal]:
        matched: dict[int, list[StoredEvent]] = {}
        evidence: dict[int, list[Cite]] = {}
        for event in own:
            for kind, spans in _event_matches(event).items():
                matched.setdefault(kind, []).append(event)
                evidence.setdefault(kind, []).extend(spans)
        kinds = taxonomy()
        for position, steps in enumerate(_steps_of()):
            # An action names no purpose: in a session of the work it is a step of (a claim
            # filed, coursework), an upload of photos is that work's (v18, ``step_of``).
            if position in matched and any(served_by in matched for served_by in steps):
                matched[position] = [e for e in matched[position] if e.type != "action"]
                evidence[position] = [c for c in evidence[position] if c.event.type != "action"]
                if not matched[position]:
                    del matched[position]
        for position in sorted(matched):
            yield signal_for(
                actor,
                kinds[position].name,
                matched[position],
                evidence[position],
                producer=NAME,
                kind=SignalKind.TASK,
                value=kinds[position].label,
                measure=float(len(matched[position])),
            )

    def _sequences(self, actor: str, steps: Sequence[StoredEvent]) -> Iterator[Signal]:
        tokens = [sequence_token(e) for e in steps]
        # An outcome is a step of the sequence, but its text is the product's: not cited.
        wholes = [whole_cite(e) if e.type == "action" else None for e in steps]
        for size in (2, 3):
            grams = list(zip(*(tokens[i:] for i in range(size)), strict=False))
            counts = Counter(grams)  # in order of first occurrence, as the signals are
            first: dict[tuple[str, ...], int] = {}
            for i, gram in enumerate(grams):
                first.setdefault(gram, i)
            for gram, count in counts.items():
                at = first[gram]
                yield signal_for(
                    actor,
                    "sequence:" + ">".join(gram),
                    steps[at : at + size],
                    [cite for cite in wholes[at : at + size] if cite is not None],
                    producer=NAME,
                    kind=SignalKind.TASK,
                    value=f"{size}-step",
                    measure=float(count),
                )
