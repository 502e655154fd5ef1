"""Composing the brief: the user layer (who the person is, what bears on the task, how to work
with them, what to do when something breaks) with the assistant layer (voice, defaults,
boundaries), within a token budget. docs/context.md describes the rules.

Items are chosen greedily in priority order and kept only while the rendered text fits the
budget (``persona6.tokens.v1``): the header; what the task needs of its result (a preference on
the form of an answer or of an output that bears on the task); the two items most relevant to
the task and the standing requests on how to answer; the top archetype and the first
directive; the failure plan, the conflicts and the assistant's voice and boundaries; then the
rest of what is relevant, what was said only in passing (``passing_below``) last; and "Also
known" only with what is left once nothing before it was left out. They are rendered in
section order. The text is counted after rendering, so the count is exact.

The user layer and the assistant layer compose once per dimension (verbosity, lead, sources,
tone; ``data/brief.yaml`` ``dimensions``): a standing request of the person's ("asks for no
explanations") wins over the assistant's default, a value read from how they write wins at the
spec's ``user_wins_at``. The conflict item says the user layer wins only where that changes the
default and no directive (or the request itself) says the value already; where the default wins
nothing is said. No directive then says another value: a style or texture directive of the
losing value is left out, and so is an archetype directive's clause that says it (``says``);
two directives that pull apart when both hold are said as one (``joint_directives``).

What bears on the task (brief.v10): relevance weighed by confidence; a decision's words include
the actions of the sessions it was made in; a condition that constrains a service the task
involves comes first (``constraints``). A line cites its first event id, a second only when
both are short (``cite``); the JSON item has them all. brief.v11: of two sides of one thing the
newer is said and the older not (``_outdated``); a limit stated with a condition is said with
it, and a limit that names what the task is about constrains it (``limits``); an action of
every session is no context of a decision made once (``routine_actions``). brief.v13: the
person's own health facts (``health:`` keys) bear on medical care (``keys``); a trait said in
passing bears on the task only when nothing held firmly does; two traits worded alike are one
line. brief.v14: a task word that says only what the agent is to do weighs less
(``task_verbs``), coursework is a learning task, and a recurring open topic is known (``topic``).
brief.v15: a preference touches a boundary by words of content (``boundary_generic`` do not
count), a trait said by the very words of another's line is folded into it (``_folded``), and a
request whose own words meet the task ranks with the most relevant. brief.v16: the assistant's
boundaries are kept first once all of them fit in ``boundary_share`` of the budget
(``_reserved``). brief.v17: asking for simple explanations (style.v19) is directed. brief.v18:
each format asked for (style.v22 ``format``, a trait per format) is directed with its
``{value}``, once: not beside their request's own line, not once turned down; a tone asked for
is a request on the tone dimension (``asked``). brief.v19: a format asked and a preference for
it worded otherwise are said once: a request on how to answer naming a length or a tone in its
own words (``format_words``: "asks to keep answers short" for short answers) carries it and the
dimension value it names; a format liked by its bare noun ("loves tables") is said by the
format's directive, citing both.

The failure plan leads with the person's own episodes and gives advice only for a reaction
they showed, or, with none of theirs, for the population's lead when the population is large
enough to speak for people like them (``population_plan``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from persona6.behavior import BehaviorState
from persona6.behavior.predict import config as behavior_config
from persona6.behavior.predict import habit as habit_of
from persona6.context.assistant import AssistantSpec, load_spec
from persona6.context.relevance import (
    bag,
    brief_data,
    expand,
    index,
    names_any,
    phrases,
    rank_index,
    specificity,
    word_groups,
    wording,
    words,
)
from persona6.context.tokens import cached_count, count_tokens
from persona6.errors import InvalidOption
from persona6.extract.text import load_lexicon
from persona6.graph.consolidate import ASKED_SIDE_BY_SIDE, chosen_sides
from persona6.graph.texture import person_texture_traits
from persona6.store.base import Store
from persona6.types import SignalKind, Trait, TraitStatus

PRODUCER = "persona6.brief.v19"
DEFAULT_BUDGET = 400
#: Marks a word of an action taken in the session of a decision (``_decision_domains``).
ACT = "act:"
MIN_BUDGET = 40
MAX_BUDGET = 100_000
#: Below this membership the brief names no archetype (four archetypes: 0.25 is chance).
ARCHETYPE_SHOWN_AT = 0.4
#: ... and none whose cues are this weak (a weighted mean cue strength; docs/behavior.md).
ARCHETYPE_SCORE_AT = 0.25
#: The kinds of trait said as what is known. An open topic (a worry no concern names, kept
#: once it recurs: concern.v22, "worried that the tarp won't hold") since brief.v14.
_KNOWN = (
    SignalKind.PREFERENCE,
    SignalKind.CONCERN,
    SignalKind.DISCLOSURE,
    SignalKind.DECISION,
    SignalKind.TOPIC,
)
_LABEL = {
    SignalKind.PREFERENCE: "preference",
    SignalKind.CONCERN: "concern",
    SignalKind.DISCLOSURE: "fact",
    SignalKind.DECISION: "decision",
    SignalKind.TOPIC: "topic",
}
SECTIONS = (
    ("archetype", "Who they are"),
    ("note", "Who they are"),
    ("known", "What bears on the task"),
    ("also", "Also known"),  # traits with no word of the task: known, but not bearing on it
    ("directive", "How to work with them"),
    ("conflict", "How to work with them"),
    ("failure_plan", "If something breaks"),
    ("assistant", "Assistant layer"),
    ("boundary", "Assistant layer"),
)


class BriefItem(BaseModel):
    kind: str = Field(
        description="archetype, preference, concern, fact, decision, topic, directive, conflict, "
        "failure_plan, assistant, boundary or note."
    )
    statement: str
    evidence: list[str] = Field(description="Event ids the item rests on.")


class Brief(BaseModel):
    """``persona6 context --json``."""

    person_id: str
    text: str = Field(description="The brief as Markdown, for a system prompt.")
    tokens: int = Field(description="Its length by persona6.tokens.v1 (docs/context.md).")
    items: list[BriefItem] = Field(description="What the text says, each with its evidence.")


@dataclass(slots=True)
class _Line:
    kind: str
    statement: str
    evidence: list[str]


@dataclass(slots=True)
class _Candidate:
    item: _Line
    section: str
    priority: tuple[Any, ...]
    leftover: bool = False  # only with what is left once nothing before it was left out


@dataclass(frozen=True, slots=True)
class _Known:
    trait: Trait
    bag: Counter[str]
    quotes: tuple[tuple[str, Counter[str]], ...]  # (event id, words of its quote)
    newest: list[str]  # evidence event ids, newest first (at most 5)
    answers: bool  # a preference on how to answer: bears on every task
    form: bool  # ... or on the form of an output: comes first when it bears on the task
    terms: frozenset[str]  # the constraint terms its statement names (``constraints``)
    bears_on: frozenset[str]  # ... and the concept groups of the services they constrain
    limit: str  # the clause of a limit stated beside it ("the house can't get above 80"), or ""


def _folded(known: list[_Known], unsaid: set[str]) -> dict[str, str]:
    """The traits said by another's line (brief.v15, review 9 end #3): a trait whose evidence
    is the very words of another trait of its kind and polarity (each span overlaps one of the
    other's in the same message), and whose words of content are a part of the other's
    ("retired" beside "was a claims paralegal for twenty-two years before they retired", both
    from "I was a claims paralegal for twenty-two years before I retired"), says nothing that
    line does not: it is folded into it (its id -> the other's), rather than take a line of the
    budget. Not across kinds or polarities ("likes dogs" is no part of "does not like dogs"),
    not from other words or messages (a second saying is its own evidence: "prefers morning"
    and "prefers morning visits" said apart stay two lines), not into a trait the brief does
    not say."""
    shapes = []
    for k in known:
        t = k.trait
        content = frozenset(words(t.statement))
        spans = [(e.event_id, e.start, e.end) for e in t.evidence]
        if content and spans:
            shapes.append((t, content, spans))

    def within(spans: list[tuple[str, int, int]], others: list[tuple[str, int, int]]) -> bool:
        return all(any(i == j and s < e2 and s2 < e for j, s2, e2 in others) for i, s, e in spans)

    folded: dict[str, str] = {}
    for t, content, spans in shapes:
        for other, other_content, other_spans in shapes:
            if (
                other.id != t.id
                and other.id not in unsaid
                and other.kind is t.kind
                and (other.polarity >= 0) == (t.polarity >= 0)
                and content < other_content
                and within(spans, other_spans)
            ):
                folded[t.id] = other.id
                break
    return folded


def _named(top: Any) -> bool:
    """Whether the brief names the person's top archetype."""
    return (
        top is not None
        and top.membership >= ARCHETYPE_SHOWN_AT
        and (top.score >= ARCHETYPE_SCORE_AT)
    )


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def _conf(value: float) -> str:
    return f"{value:.2f}"


def _shown(ids: list[str]) -> list[str]:
    """The event ids a line cites in the Markdown (``cite`` in data/brief.yaml): the first
    always, more while they cost at most ``cite.tokens`` in all; the JSON item has them all."""
    cite = brief_data()["cite"]
    shown = ids[:1]
    for i in ids[1 : int(cite["ids"])]:
        if sum(cached_count(x) for x in (*shown, i)) > int(cite["tokens"]):
            break
        shown.append(i)
    return shown


def _ids(ids: list[str]) -> str:
    return f" [{', '.join(_shown(ids))}]" if ids else ""


def render(person_id: str, chosen: list[_Candidate], task: str | None) -> str:
    lines = [f"# Brief: {person_id}"]
    order = [s for s, _ in SECTIONS]
    titles = dict(SECTIONS)
    last_title = None
    for candidate in sorted(chosen, key=lambda c: (order.index(c.section), c.priority)):
        title = titles[candidate.section]
        if candidate.section == "known" and not task:
            title = "What they care about"
        if title != last_title:
            lines.append(f"## {title}")
            last_title = title
        lines.append(f"- {candidate.item.statement}{_ids(candidate.item.evidence)}")
    return "\n".join(lines) + "\n"


def _known_items(
    store: Store, tenant: str, state: BehaviorState, person_id: str, traits: list[Trait]
) -> list[_Known]:
    def make() -> list[_Known]:
        domain = _decision_domains(state, person_id)
        limits = _limits(store, tenant, traits)
        found = []
        for t in traits:
            if t.kind not in _KNOWN or t.valid_to is not None:
                continue
            quotes = tuple((e.event_id, bag(e.quote)) for e in t.evidence if e.quote)
            text_bag = bag(f"{t.statement} {t.key}")
            for _, quote_bag in quotes:
                text_bag.update(quote_bag)
            if t.kind is SignalKind.DECISION:
                # What they were doing when they decided: the actions of those sessions, met
                # by the task's own words only (``act:``; "book" a flight is no book to read).
                session_of, actions, routine, acting = domain
                sessions = {session_of.get(e.event_id) for e in t.evidence} - {None}
                acts = set().union(*(actions[s] for s in sessions)) - set(text_bag)
                if len(sessions) < acting:
                    acts -= routine  # their routine is no context of a decision made once
                text_bag.update(f"{ACT}{w}" for w in acts)
            newest = list(reversed(list(dict.fromkeys(e.event_id for e in t.evidence))))[:5]
            answers, form = _forms(t)
            terms, bears_on = _constraint(
                t.statement, t.key if t.kind is SignalKind.DISCLOSURE else ""
            )
            limit = limits.get(t.id, "")
            found.append(_Known(t, text_bag, quotes, newest, answers, form, terms, bears_on, limit))
        return found

    return state.cached(("brief.known", person_id), make)


def _decision_domains(
    state: BehaviorState, person_id: str
) -> tuple[dict[str, str], dict[str, set[str]], set[str], int]:
    """The session of each of the person's events, and the words of the actions they took in
    each session ("search_flights", "book": search, flight, book). A decision bears on a task
    of what they were doing when they made it (brief.v10): "select seat: aisle", made while
    searching and booking flights, bears on "book a flight to Berlin" though it shares no word
    with it. Also the words of their routine: the actions they take in every session they act
    in, once there are ``routine_actions`` such sessions. The routine is no context of a
    decision made in fewer sessions than it (brief.v11, review 8 BR3: a rate-plan and a battery
    decision, made once each, came before a cooling preference and a lung condition for "set
    up the summer cooling schedule" by the words of ``set_schedule``, run in all six sessions);
    a decision made every time, as the routine is, keeps it."""
    acts = state.history().person(person_id).acts
    session_of = {a.event_id: a.session_id for a in acts}
    actions: dict[str, set[str]] = {}
    for a in acts:
        found = actions.setdefault(a.session_id, set())
        if a.type == "action" and a.name:
            found.update(words(a.name.replace("_", " ")))
    acted = [found for found in actions.values() if found]
    routine: set[str] = set()
    if len(acted) >= int(brief_data()["routine_actions"]):
        routine = set.intersection(*acted)
    return session_of, actions, routine, len(acted)


@cache
def _limit_pattern() -> re.Pattern[str]:
    """One pattern of a stated limit (``limits`` in data/brief.yaml): a negation and a
    comparison before a number, within ``gap`` characters of one clause, or a bound."""
    data = brief_data()["limits"]

    def alternation(name: str) -> str:
        listed = sorted((str(p).lower() for p in data[name]), key=len, reverse=True)
        return "|".join(re.escape(p) for p in listed)

    number = r"\s+(?:of\s+)?[$£€]?\d"
    return re.compile(
        rf"(?<!\w)(?:{alternation('negations')})(?!\w)[^.;,:!?\n]{{0,{int(data['gap'])}}}?"
        rf"(?<!\w)(?:{alternation('comparisons')}){number}"
        rf"|(?<!\w)(?:{alternation('bounds')}){number}"
    )


def stated_limit(text: str, start: int, end: int) -> str:
    """The clause of a limit stated in the sentence of ``text`` that holds ``text[start:end]``
    ("My wife has COPD, so the house can't get above 80 in the afternoon." -> "the house can't
    get above 80 in the afternoon"), or "" when the sentence states none. A limit belongs to
    a quote said before it in the sentence, or after it with "because", "since", "due to";
    not to a quote that holds it (a whole sentence that says "..., whatever it costs" too)."""
    low = text.lower().replace("\u2019", "'")
    opening = max(low.rfind(c, 0, start) for c in ".!?\n") + 1
    closing = min((i for c in ".!?\n" if (i := low.find(c, end)) >= 0), default=len(low))
    found = _limit_pattern().search(low, opening, closing)
    if found is None:
        return ""
    before = end <= found.start()
    if not before and not (start >= found.end() and _REASON_AFTER.match(low[found.end() : start])):
        return ""  # a limit is said after its reason, or with "because" before it
    left = max(low.rfind(c, opening, found.start()) for c in ",;:(") + 1
    right = min(
        (i for c in ",;:)" if (i := low.find(c, found.end(), closing)) >= 0), default=closing
    )
    clause = text[max(left, opening) : right].strip()
    clause = re.sub(r"(?i)^(?:so|and|but|because|which means|as)\s+", "", clause)
    return clause if len(clause) <= 120 else ""


def _limits(store: Store, tenant: str, traits: list[Trait]) -> dict[str, str]:
    """The limit stated beside each trait (``stated_limit`` of the first of its quotes whose
    sentence states one), by trait id; the messages are read once for the person."""
    wanted = [t for t in traits if t.kind in _KNOWN and t.valid_to is None]
    ids = sorted({e.event_id for t in wanted for e in t.evidence})
    texts = {i: e.text or "" for i, e in store.events_by_id(tenant, ids).items()} if ids else {}
    found: dict[str, str] = {}
    for t in wanted:
        for e in t.evidence:
            text = texts.get(e.event_id, "")
            if not any(c.isdigit() for c in text):
                continue
            limit = stated_limit(text, e.start, e.end)
            if limit:
                found[t.id] = limit
                break
    return found


#: What joins a limit to a reason said after it ("keep it below 20 because of my asthma").
_REASON_AFTER = re.compile(r"(?i)^[^.!?]*?(?<!\w)(?:because|since|due to|given)(?!\w)")


def _constraint(statement: str, key: str = "") -> tuple[frozenset[str], frozenset[str]]:
    """The constraint terms a statement names, and the concept groups of the services they
    constrain (``constraints`` in data/brief.yaml): "has celiac disease" names celiac, which
    constrains food and travel. A fact's ``key`` under one of a sense's ``keys`` names the
    sense too, by the key (brief.v13: ``health:warfarin`` "takes warfarin" bears on booking an
    INR check and on a refill, whatever the drug is called)."""
    terms: set[str] = set()
    groups: set[str] = set()
    low = statement.lower()
    for name, pattern, bears_on, keys in _senses():
        named = {f"{name}:{m.group(0)}" for m in pattern.finditer(low)} if pattern else set()
        if key and key.lower().startswith(keys):
            named.add(f"{name}:{key.lower()}")
        if named:
            terms |= named
            groups |= bears_on
    return frozenset(terms), frozenset(groups)


@cache
def _senses() -> tuple[tuple[str, re.Pattern[str] | None, frozenset[str], tuple[str, ...]], ...]:
    """Each constraint sense: its name, one pattern of its terms (whole words, longest first;
    None without terms), the concept groups it bears on and the fact keys it names."""
    found = []
    for name, sense in brief_data()["constraints"]["senses"].items():
        terms = sorted((str(t).lower() for t in sense.get("terms") or ()), key=len, reverse=True)
        alternation = "|".join(re.escape(t) for t in terms)
        pattern = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)") if terms else None
        keys = tuple(str(k).lower() for k in sense.get("keys") or ())
        found.append((str(name), pattern, frozenset(str(g) for g in sense["bears_on"]), keys))
    return tuple(found)


@cache
def _others() -> dict[str, re.Pattern[str]]:
    """The senses of the person's own that do not bear on another person's task (``others``
    in data/brief.yaml), each with one pattern of a task that says whose it is: "her
    mother's", "for my son"."""
    found = {}
    for name, sense in brief_data()["constraints"]["senses"].items():
        listed = sorted((str(w).lower() for w in sense.get("others") or ()), key=len, reverse=True)
        if listed:
            who = "|".join(re.escape(w) for w in listed)
            found[str(name)] = re.compile(
                rf"(?<!\w)(?:(?:{who})'s|for\s+(?:my|her|his|their|our|your)\s+(?:{who}))(?!\w)"
            )
    return found


def _outdated(traits: list[Trait]) -> dict[str, Trait]:
    """The active preferences a newer trait says the opposite of, each with the newer one
    (brief.v11, review 8 BR1). Of two active polar traits that are the two sides of one thing
    (every word of the key against it is in the key for it: "asks not to push" and "asks for
    push notifications", as consolidation's ``_against``), the one said last is what the
    person wants now; the older side, if a preference, is out of date. So is what a side that
    lost, or that consolidation ended (``valid_to``), was said with: the side its message
    chose ("asks for in-person, not video" with "against video"), and an older preference for
    the same thing under another key ("in-person" with "in-person visits"). Two sides said
    last in one message are a contrast, not a change: neither is out of date."""
    polar = [
        t
        for t in traits
        if t.kind in (SignalKind.PREFERENCE, SignalKind.DECISION) and t.polarity != 0
    ]
    active = [t for t in polar if t.valid_to is None]
    stems = {t.id: frozenset(words(t.key)) for t in polar}
    sides = chosen_sides(traits)
    found: dict[str, Trait] = {}
    for against in active:
        if against.polarity > 0 or not stems[against.id]:
            continue
        for liking in active:
            if liking.polarity < 0 or not stems[against.id] <= stems[liking.id]:
                continue
            if sides.get(against.id) is liking or against.last_seen == liking.last_seen:
                continue
            old, new = sorted((against, liking), key=lambda t: t.last_seen)
            if old.kind is SignalKind.PREFERENCE and (
                old.id not in found or found[old.id].last_seen < new.last_seen
            ):
                found[old.id] = new
    # What consolidation ended, with the trait that began where it ended.
    lost: dict[str, tuple[Trait, Trait]] = {}
    for t in polar:
        if t.valid_to is None or t.kind is not SignalKind.PREFERENCE:
            continue
        new = next((a for a in active if a.supersedes == t.id), None) or next(
            (a for a in active if a.valid_from == t.valid_to), None
        )
        if new is not None:
            lost[t.id] = (t, new)
    by_id = {t.id: t for t in polar}
    lost |= {i: (by_id[i], new) for i, new in found.items()}
    for old, new in list(lost.values()):
        chosen = sides.get(old.id)
        if (
            chosen is not None
            and chosen.valid_to is None
            and chosen.id != new.id
            and chosen.last_seen < new.last_seen
        ):
            found.setdefault(chosen.id, new)
            lost.setdefault(chosen.id, (chosen, new))
    likings = [t for t in active if t.kind is SignalKind.PREFERENCE and t.polarity > 0]
    for old, new in list(lost.values()):
        if old.polarity < 0:
            continue
        for other in likings:
            if other.id in found or other.id == new.id or other.last_seen >= new.last_seen:
                continue
            a, b = stems[old.id], stems[other.id]
            if a and b and (a <= b or b <= a) and not b & stems.get(new.id, frozenset()):
                found[other.id] = new
    return found


def _constraints_first(
    ranked: list[tuple[float, _Known]], task: str | None, passing_below: float, data: dict[str, Any]
) -> dict[str, bool]:
    """The traits that constrain a service the task involves (``constraints``), each with
    whether it comes with the two most relevant items: the strongest ``first`` of them that
    name terms no stronger one named ("has celiac" next to "has celiac disease" does not)."""
    if not task:
        return {}
    near = set(expand(task))
    # What of the task each bears on: the task's words in a group the condition constrains,
    # or the words a stated limit's clause shares with the task and its neighbours.
    hits: dict[str, float] = {}
    terms: dict[str, frozenset[str]] = {}
    # Each task word in its groups, weighed by how much it says what the task is about
    # (brief.v14): "book" counts less than "INR" ("can not hear properly" bears on booking,
    # "takes warfarin" on the INR check, and the check is what the task is about).
    task_groups = [(word_groups(w), specificity(w)) for w in words(task)]  # once, not per trait
    involved = frozenset().union(*(groups for groups, _ in task_groups))
    # The terms of a sense that bears on the task, by the sense's name: "has celiac disease"
    # names health (by its key) and diet, and only diet bears on a flight.
    # A sense of the person's own (their health) bears on nothing when the task is another
    # person's ("refill her mother's warfarin": ``others``).
    low = task.lower().replace("\u2019", "'")
    theirs = {name for name, pattern in _others().items() if pattern.search(low)}
    senses = {
        name: frozenset() if name in theirs else bears_on & involved
        for name, _, bears_on, _ in _senses()
    }
    for _, k in ranked:
        groups_of_k = k.bears_on
        if theirs:
            groups_of_k = frozenset().union(*(senses[t.partition(":")[0]] for t in k.terms))
        bears = sum(weight for groups, weight in task_groups if groups & groups_of_k)
        limited = len(near & set(words(k.limit))) if k.limit else 0
        if bears or limited:
            hits[k.trait.id] = bears + limited
            own = frozenset(t for t in k.terms if senses.get(t.partition(":")[0]))
            terms[k.trait.id] = own or frozenset({f"limit:{k.limit.lower()}"})
    found = [k for _, k in ranked if k.trait.id in hits]
    found.sort(
        key=lambda k: (hits[k.trait.id], k.trait.confidence, k.trait.last_seen), reverse=True
    )
    named: list[frozenset[str]] = []
    constrains: dict[str, bool] = {}
    for k in found:
        own = terms[k.trait.id]
        first = (
            k.trait.confidence >= passing_below
            and len(named) < int(data["constraints"]["first"])
            and not any(own <= other for other in named)
        )
        if first:
            named.append(own)
        constrains[k.trait.id] = first
    return constrains


def _forms(trait: Trait) -> tuple[bool, bool]:
    """Whether a preference says how to answer ("asks for no emojis", a standing request;
    "prefers bullet points over long paragraphs", ``answer_forms``), and whether it says that
    or the form of an output ("prefers PDF over Excel", ``output_forms``)."""
    if trait.kind is not SignalKind.PREFERENCE:
        return False, False
    standing = tuple(str(p) for p in brief_data()["standing_requests"])
    answers = trait.statement.startswith(standing) or names_any(
        trait.statement, phrases("answer_forms")
    )
    return answers, answers or names_any(trait.statement, phrases("output_forms"))


def _evidence_for_task(known: _Known, task_words: set[str]) -> list[str]:
    """The item's evidence ids, those whose quotes share most task words first (newest first
    without a task)."""
    if not task_words:
        return known.newest
    ids = [event_id for event_id, _ in known.quotes] or [e.event_id for e in known.trait.evidence]
    hits = {i: sum(q[w] for w in task_words) for i, q in known.quotes}
    return sorted(dict.fromkeys(ids), key=lambda i: -hits.get(i, 0))[:5]


def _active_styles(traits: list[Trait]) -> tuple[dict[str, Trait], dict[str, list[Trait]]]:
    """The active style traits, filtered once: the strongest of each key (the first of equals),
    and of each key asked side by side (consolidation's ``ASKED_SIDE_BY_SIDE``: bullet points
    and a formal tone, two formats asked, are two traits) all of them, strongest first
    (brief.v18)."""
    every: dict[str, list[Trait]] = {}
    for t in traits:
        if t.kind is SignalKind.STYLE and t.valid_to is None and t.status.value == "active":
            every.setdefault(t.key, []).append(t)
    strongest = {key: max(listed, key=lambda t: t.confidence) for key, listed in every.items()}
    asked = {
        key: sorted(listed, key=lambda t: (-t.confidence, t.valid_from))
        for key, listed in every.items()
        if key in ASKED_SIDE_BY_SIDE
    }
    return strongest, asked


@cache
def _format_nouns() -> dict[str, re.Pattern[str]]:
    """Each format the style extractor reads (``data/style.yaml`` ``format_requests``), with one
    pattern of its nouns as whole words: "bullets" and "bullet points" name bullet points; and
    each format asked in words of a length or a tone (``format_words`` in data/brief.yaml,
    brief.v19), "short", "concise" naming short answers."""
    formats = load_lexicon("style").get("format_requests", {}).get("formats", {})
    named = {str(name): [str(n) for n in nouns] for name, nouns in formats.items()} | {
        str(name): [re.escape(str(w)) for w in said] for name, said in _format_words().items()
    }
    return {
        name: re.compile(rf"(?<!\w)(?:{'|'.join(nouns)})(?!\w)") for name, nouns in named.items()
    }


def _format_words() -> dict[str, list[str]]:
    return brief_data().get("format_words") or {}


#: What may follow a format's noun in a preference's key that names the format itself: another
#: form it is set against ("tables over paragraphs"), or nothing ("bullet points"). Not a
#: thing of the same name ("table by the window at Luigis", "headers on my car"; brief.v19).
_BARE_TAIL = re.compile(r"\s*(?:(?:over|instead\s+of|rather\s+than|to|than|not)\s+\S.*)?")


#: A negation before a length's or a tone's word: "not so formal" names no formal tone.
_NEGATED = re.compile(r"\b(?:no|not|never|less|without|too|nor)\b", re.IGNORECASE)


def _names_format(k: _Known, value: str) -> tuple[bool, str]:
    """Whether a preference's key names the format ``value`` (by the format's nouns, by the
    words of a length or a tone only in a request on how to answer, or by the value itself when
    the lexicon has no such format), and how it names the format itself: "request" in a
    request on how to answer ("asks for bullet points"), "bare" by its noun alone ("likes
    tables", "prefers tables over paragraphs"; not "likes table by the window at Luigis"),
    else "" (brief.v19)."""
    pattern = _format_nouns().get(value)
    low = k.trait.key.lower().replace("_", " ").strip()
    if pattern is None:
        found = bool(re.search(rf"(?<!\w){re.escape(value.lower())}(?!\w)", low))
        return found, "request" if found and k.answers else ""
    if value in _format_words():  # "short", "formal": a length or a tone of answers only,
        # not negated ("asks not to be so formal", "less formal")
        hits = pattern.finditer(low)
        found = k.answers and any(not _NEGATED.search(low[: m.start()]) for m in hits)
        return found, "request" if found else ""
    hits = list(pattern.finditer(low))
    if not hits:
        return False, ""
    if k.answers:
        return True, "request"
    bare = any(m.start() == 0 and _BARE_TAIL.fullmatch(low, m.end()) for m in hits)
    return True, "bare" if bare else ""


@dataclass
class _FormatSaid:
    """How a format asked for stands against the preferences' lines (``_format_said``)."""

    down: bool = False  # turned down since
    carrier: _Line | None = None  # the line of a request for it, which says it
    liked: _Line | None = None  # the line of the format liked, bare, which the directive says


def _format_said(trait: Trait, known: list[_Known], lines: dict[str, _Line]) -> _FormatSaid:
    """How a format they asked for (style ``format``) stands against their preferences
    (brief.v18): turned down, when a preference against the same format was said as late or
    later ("no more tables, bullets please": against tables); said already, by the line of an
    active request for it ("asks for bullet points", from the same words the style read; "asks
    to keep answers short" for short answers, brief.v19), which carries the format's evidence;
    or liked in other words, bare ("loves tables", brief.v19), a line the format's directive
    says instead, with its evidence: the brief says it once."""
    said = _FormatSaid()
    for k in known:
        t = k.trait
        if t.kind is not SignalKind.PREFERENCE:
            continue
        names, how = _names_format(k, trait.value or "")
        if not names:
            continue
        if t.polarity < 0 and t.last_seen >= trait.last_seen:
            return _FormatSaid(down=True)
        if t.polarity <= 0 or t.id not in lines:
            continue
        if how == "request" and said.carrier is None:
            said.carrier = lines[t.id]
        elif how == "bare" and said.liked is None:
            said.liked = lines[t.id]
    if said.carrier is not None:
        said.liked = None
    return said


def _asked_value(
    dimension: dict[str, Any], asked: dict[str, list[Trait]]
) -> tuple[str, Trait] | None:
    """The dimension's value a format they asked for names (``asked`` in data/brief.yaml:
    "formal tone" names tone: formal), strongest first: a request, as a preference's is."""
    for key, values in (dimension.get("asked") or {}).items():
        for t in asked.get(key, []):
            if t.value in values:
                return str(values[t.value]), t
    return None


def _held(
    rule: dict[str, Any], styles: dict[str, Trait], textures: dict[str, Trait]
) -> Trait | None:
    """The trait a directive rule names (``style`` or ``texture``, with its ``value`` if
    given) when it holds and no trait its ``unless`` names does, else None."""
    kind = "style" if "style" in rule else "texture"
    trait = (styles if kind == "style" else textures).get(rule[kind])
    if trait is None or ("value" in rule and trait.value != rule["value"]):
        return None
    for other, values in (rule.get("unless") or {}).items():
        held = styles if other == "style" else textures
        for key, value in values.items():
            if key in held and held[key].value == value:
                return None
    return trait


def _user_value(
    dimension: dict[str, Any], styles: dict[str, Trait], textures: dict[str, Trait]
) -> tuple[str, Trait] | None:
    for key, values in (dimension.get("texture") or {}).items():
        said = textures.get(key)
        if said is not None and said.value in values:
            return values[said.value], said  # how they write says it first
    trait = styles.get(dimension["style"])
    if trait is None:
        return None
    values = dimension["values"]
    value = values.get(trait.value) or values.get("shown")
    return (value, trait) if value else None


def compose_brief(
    store: Store,
    tenant: str,
    state: BehaviorState,
    person_id: str,
    *,
    task: str | None = None,
    budget: int = DEFAULT_BUDGET,
    assistant: str | Path | None = None,
    taxonomy_path: str | Path | None = None,
) -> Brief:
    if (
        isinstance(budget, bool)
        or not isinstance(budget, int)
        or not (MIN_BUDGET <= budget <= MAX_BUDGET)
    ):
        raise InvalidOption(
            "{--budget} {budget!r} is not a token count from {low} to {high:,}. "
            "Give the tokens the brief may use, e.g. {--budget} {default}",
            budget=budget,
            low=MIN_BUDGET,
            high=MAX_BUDGET,
            default=DEFAULT_BUDGET,
        )
    spec = load_spec(assistant)
    state.require_person(person_id)
    traits: list[Trait] = state.cached(
        ("brief.traits", person_id), lambda: store.traits_of(tenant, person_id)
    )
    data = brief_data()
    candidates: list[_Candidate] = []

    def add(
        kind: str,
        section: str,
        statement: str,
        evidence: list[str],
        *priority: Any,
        leftover: bool = False,
    ) -> None:
        item = _Line(kind, statement, list(dict.fromkeys(evidence)))
        leftover = leftover or section == "also"
        candidates.append(_Candidate(item, section, tuple(priority), leftover))

    # Who they are.
    archetypes = state.archetypes(person_id, taxonomy_path)
    history = state.history().person(person_id)
    empty = not traits and not history.acts and not history.episodes
    top = archetypes[0] if archetypes else None
    if empty:
        add(
            "note",
            "note",
            "No history yet: nothing is known about this person. Follow the assistant "
            "defaults and learn as you go.",
            [],
            0,
        )
    elif _named(top):
        shown = [c for c in top.cues if c.strength > 0]
        shown.sort(key=lambda c: -c.strength * c.weight)
        why = "; ".join(c.cue for c in shown[:3])
        evidence = [i for c in shown[:3] for i in c.evidence[-2:]]
        add(
            "archetype",
            "archetype",
            f"Likely {_article(top.archetype)} {top.archetype.replace('_', ' ')} "
            f"(membership {_conf(top.membership)}): {why}.",
            evidence,
            2,  # after what bears on the task, with the first directive
        )

    # What bears on the task: what was said in passing last, then relevance, confidence and
    # recency.
    known = _known_items(store, tenant, state, person_id, traits)
    idx = state.cached(("brief.index", person_id), lambda: index([k.bag for k in known]))
    scores = rank_index(task or "", idx, {f"{ACT}{w}": 1.0 for w in words(task)} if task else None)
    task_words = set(expand(task)) if task else set()
    passing_below = float(data["passing_below"])

    # Relevance weighed by how sure we are of the trait (brief.v10): a decision made in six
    # sessions (0.98) outranks a fact said once (0.39) that shares as many words with the task.
    # Whether a trait's own words (statement, key), not only the rest of the message it was said
    # in, meet the task (brief.v15: a request on the very thing the task does, below).
    def itself(k: _Known) -> bool:
        return bool(set(words(f"{k.trait.statement} {k.trait.key}")) & task_words)

    ranked = sorted(
        zip(scores, known, strict=True),
        key=lambda x: (
            x[1].trait.confidence >= passing_below,
            round(x[0] * x[1].trait.confidence, 6),
            x[1].trait.confidence,
            x[1].trait.last_seen,
        ),
        reverse=True,
    )
    constrains = _constraints_first(ranked, task, passing_below, data)
    stated: set[str] = set()
    # The other side of a contrast ("against light mode (prefers dark mode instead)", preference
    # v25) rests on the very spans of the side chosen: the brief says the chosen side only.
    other_sides = chosen_sides([k.trait for _, k in ranked])
    # The older side of one thing said both ways is out of date: the newer one says so.
    outdated: dict[str, Trait] = state.cached(
        ("brief.outdated", person_id), lambda: _outdated(traits)
    )
    replaces: dict[str, Trait] = {}
    for lost_id, new in outdated.items():
        lost = next(k.trait for k in known if k.trait.id == lost_id)
        if new.id not in replaces or (lost.polarity > 0 and replaces[new.id].polarity < 0):
            replaces[new.id] = lost  # name the side they chose then, if one lost
    # A preference consolidation ended where this one began ("from now on ..."): the person
    # changed their mind, and the line says from what (brief.v12), as for a side out of date.
    ended = {t.id: t for t in traits if t.valid_to is not None}
    for t in traits:
        old = ended.get(t.supersedes) if t.supersedes else None
        if old is not None and old.kind is SignalKind.PREFERENCE and t.id not in replaces:
            replaces[t.id] = old
    relevant = 0  # items ranked before this one that share a word with the task
    # Whether a trait held firmly (not said in passing) bears on the task's words or on a
    # service it involves: then what was said once in passing does not (below).
    firm = any(
        k.trait.confidence >= passing_below
        and (score > 0 or k.trait.id in constrains)
        and k.trait.id not in other_sides
        and k.trait.id not in outdated
        for score, k in ranked
    )
    # The line said for each wording (word forms, every word kept): a second trait worded
    # alike ("prefers mornings" next to "prefers morning", two keys) adds its evidence to it.
    worded: dict[tuple[Any, ...], _Line] = {}
    line_of: dict[str, _Line] = {}  # the line each said trait is said by
    folded = _folded(known, set(other_sides) | set(outdated))
    folds: dict[str, list[str]] = {}  # container trait id -> evidence of what folds into it
    for _, k in ranked:
        if k.trait.id in folded:
            folds.setdefault(folded[k.trait.id], []).extend(k.newest)
    for position, (score, k) in enumerate(ranked):
        t = k.trait
        if t.statement in stated or t.id in other_sides or t.id in outdated:
            # One message can back traits of two keys with one statement: said once.
            continue
        if t.id in folded:
            continue  # said by the line of the trait it is part of (brief.v15, ``_folded``)
        stated.add(t.statement)
        said_as = (t.kind, t.polarity, *wording(t.statement))
        if said_as in worded:
            line = worded[said_as]
            line.evidence = list(dict.fromkeys([*line.evidence, *k.newest]))
            line_of[t.id] = line
            continue
        label = _LABEL[t.kind]
        passing = t.confidence < passing_below
        order = position
        if passing:
            # Said once in passing ("has history class"): worth less than any stronger trait,
            # directive or conflict, however many words it shares with the task.
            tier = 7 if score > 0 else 8
        elif constrains.get(t.id):
            # A condition that constrains a service the task involves (celiac disease and a
            # flight): before the two most relevant items, whatever words it shares.
            tier, order = 1, position - len(ranked)
        elif score > 0:
            # The form the task's result should take first ("prefers PDF over Excel" for an
            # export), however few words it shares with the task; then the most relevant.
            # A request whose own words meet the task says how they want this very thing done
            # (brief.v15: "wants human adjuster, not video call" for arranging a reinspection):
            # with the most relevant, as a standing request is, before the facts that bear on it.
            asked = t.kind is SignalKind.PREFERENCE and itself(k)
            tier = 0 if k.form else 1 if position < 2 or asked else 6 if position < 3 else 7
        else:
            tier = 1 if k.answers else 8  # "asks for no emojis" bears on every answer
        bears = score > 0 or not task or k.answers or t.id in constrains
        if passing and firm and t.id not in constrains:
            # A single weak observation ("went out and power-cycled it at the breaker", 0.20,
            # one session; a request said so: "asks for push, not text messages", 0.19) bears
            # on the task only when nothing held firmly does (brief.v13): beside what does, it
            # is known, and comes last among what is known. A condition still bears.
            bears, tier = not task, 8
        said = t.statement
        if k.limit and t.id in constrains and k.limit.lower() not in said.lower():
            said = f'{said}: "{k.limit}"'  # the limit they stated with it, in their words
        notes = ""
        if t.status is TraitStatus.CONTESTED:
            notes = ", contested"  # their sessions went back and forth: this is the latest
        if t.id in replaces:
            notes += f'; replaces earlier "{replaces[t.id].statement}"'
        statement = f"{said} ({label}, conf {_conf(t.confidence)}{notes})"
        # Ordering quotes by the task costs a pass over them: only for items that can be shown.
        ids = _evidence_for_task(k, task_words if score > 0 and relevant < 20 else set())
        ids = list(dict.fromkeys([*ids, *folds.get(t.id, [])]))
        relevant += score > 0
        section = "known" if bears else "also"
        add(label, section, statement, ids, tier, order, leftover=passing)
        worded[said_as] = candidates[-1].item
        line_of[t.id] = candidates[-1].item

    # How to work with them: style directives, the archetype's, and the conflicts.
    styles, asked = state.cached(("brief.styles", person_id), lambda: _active_styles(traits))
    # How they write (graph/texture.py): read from their messages, one trait per key.
    textures: dict[str, Trait] = state.cached(
        ("brief.textures", person_id),
        lambda: {t.key: t for t in person_texture_traits(store, tenant, person_id)},
    )
    # How the user layer and the assistant layer compose, per dimension: the conflict item
    # says which wins, once, and no directive says otherwise (brief.yaml ``dimensions``).
    outcomes, conflicts = state.cached(
        (
            "brief.conflicts",
            person_id,
            spec.source,
            spec.user_wins_at,
            spec.boundaries,
            tuple(sorted(spec.defaults.items())),
        ),
        lambda: _conflicts(spec, styles, textures, known, asked),
    )
    dimension_of = {("style", d["style"]): n for n, d in data["dimensions"].items()} | {
        ("texture", key): n for n, d in data["dimensions"].items() for key in d.get("texture") or {}
    }
    # A format asked for that names a dimension's value ("formal tone": tone formal).
    asked_of = {
        (key, value): (n, str(said))
        for n, d in data["dimensions"].items()
        for key, values in (d.get("asked") or {}).items()
        for value, said in values.items()
    }
    # (confidence, directive, evidence, the rule's (kind, key, value))
    directives: list[tuple[float, str, list[str], tuple[str, str, Any]]] = []
    # The value of a dimension each directive says (a rule's own: "Cite sources ..." says
    # sources: always), so that the conflict the user wins is not said a second time.
    said_by: dict[tuple[str, str, Any], set[tuple[str, str]]] = {}
    held: list[tuple[dict[str, Any], Trait]] = []
    # brief.v19: a format asked that a request's line says, with the dimension value it names;
    # the lines of formats liked bare that their directive says instead, and their evidence
    carried: list[tuple[tuple[str, str], _Line]] = []
    unsaid: set[int] = set()
    liked: dict[str, list[str]] = {}
    for rule in [*data["style_directives"], *data.get("texture_directives", [])]:
        side_by_side = rule.get("style") in ASKED_SIDE_BY_SIDE
        # Each format asked for is a trait of its own: each its directive (brief.v18).
        for t in asked.get(rule["style"], []) if side_by_side else [None]:
            trait = _held(rule, styles if t is None else {**styles, rule["style"]: t}, textures)
            if trait is None:
                continue
            if side_by_side:
                said = _format_said(trait, known, line_of)
                carrier = said.carrier
                if carrier is not None:  # the request's own line says it: one line
                    carrier.evidence = list(
                        dict.fromkeys([*carrier.evidence, *(e.event_id for e in trait.evidence)])
                    )
                    named = asked_of.get((rule["style"], trait.value))
                    if named:  # ... and the dimension's value the format names (brief.v19)
                        carried.append((named, carrier))
                if said.down or carrier is not None:
                    continue
                if said.liked is not None:  # the directive says the format liked (brief.v19)
                    unsaid.add(id(said.liked))
                    liked[trait.id] = said.liked.evidence
            held.append((rule, trait))
    for rule, trait in held:
        kind = "style" if "style" in rule else "texture"
        # The dimension's value the directive says, if it is a dimension's, and its outcome.
        if rule.get("style") in ASKED_SIDE_BY_SIDE:
            named = asked_of.get((rule[kind], trait.value))
            rule_key = (kind, rule[kind], trait.value)  # one per format asked for
            outcome = outcomes.get(named[0]) if named else None
            says = named[1] if named else None
        else:
            rule_key = _rule_key(rule)
            outcome = outcomes.get(dimension_of.get((kind, rule[kind]), ""))
            says, named = None, None
            if outcome is not None:
                dimension = data["dimensions"][outcome.name]
                says = _rule_value(dimension, kind, rule[kind], trait)
                named = (outcome.name, says) if says else None
        if outcome is not None and not outcome.allows(says, trait.confidence, spec.user_wins_at):
            continue
        quoted = re.findall(r"'([^']+)'", trait.statement) if kind == "texture" else []
        directive = rule["directive"].replace("{examples}", ", ".join(f"'{w}'" for w in quoted))
        directive = directive.replace("{value}", trait.value or "")
        evidence = [e.event_id for e in trait.evidence][-3:]
        evidence = list(dict.fromkeys([*evidence, *liked.get(trait.id, [])]))
        directives.append((trait.confidence, directive, evidence, rule_key))
        if rule.get("style") in ASKED_SIDE_BY_SIDE or outcome is not None:
            said_by[rule_key] = {named} if named else set()
    joints = data.get("joint_directives") or []
    for joint in joints:
        keys = [_rule_key(rule) for rule in joint["when"]]
        said_by[("joint", str(joint["directive"]), None)] = set().union(
            *(said_by.get(key, set()) for key in keys)
        )
    directives = _joined(directives, joints, styles, textures)
    directives.sort(key=lambda d: -d[0])
    sayers: list[tuple[set[tuple[str, str]], _Candidate]] = []
    for rank_, (confidence, directive, evidence, key) in enumerate(directives):
        add(
            "directive",
            "directive",
            f"{directive} (conf {_conf(confidence)})",
            evidence,
            2 if rank_ < 1 else 6,
            rank_,
        )
        key = ("joint", directive, None) if key[0] == "joint" else key
        said = said_by.get(key, set()) | _said_values(directive, data["dimensions"])
        sayers.append((said, candidates[-1]))
    for named, line in carried:  # the request's line says the dimension's value (brief.v19)
        sayers += [({named}, c) for c in candidates if c.item is line]
    if unsaid:
        candidates = [c for c in candidates if id(c.item) not in unsaid]
    if _named(top) and not empty:
        taxonomy = state.taxonomy(taxonomy_path)
        archetype = next(a for a in taxonomy.archetypes if a.name == top.archetype)
        evidence = [i for c in top.cues for i in c.evidence[-1:]]
        said = [set(words(d)) for _, d, _, _ in directives]
        for i, directive in enumerate(archetype.directives):
            kept = _composed(directive, outcomes, data["dimensions"])
            own = set(words(kept))
            if not kept or any(len(own & other) >= 0.5 * len(own) for other in said):
                continue  # a style directive already says it, or the layer that wins does not
            add("directive", "directive", kept, evidence, 2 if i == 0 else 6, 10 + i)
            sayers.append((_said_values(kept, data["dimensions"]), candidates[-1]))
    for i, conflict in enumerate(conflicts):
        if conflict.winner == "default":
            # The assistant's default stands: the line would change nothing the agent does
            # (brief.v10); the directive of the losing value is left out all the same.
            continue
        if conflict.winner == "user":
            # Said already by a directive, or by the request itself ("asks to keep answers
            # short"): that line carries it, at the conflict's rank if it had a lower one.
            carriers = [c for said, c in sayers if (conflict.dimension, conflict.value) in said]
            carriers += [c for c in candidates if c.item.statement == conflict.request]
            if carriers:
                best = min(carriers, key=lambda c: c.priority)
                best.priority = min(best.priority, (4, i))
                continue
        add(
            "conflict",
            "conflict",
            conflict.text,
            conflict.evidence,
            4 if conflict.winner == "user" else 6,
            i,
        )

    # If something breaks.
    add(*_failure_plan(state, person_id, taxonomy_path, data), 3)

    # The assistant layer.
    add("assistant", "assistant", f"Voice ({spec.name}): {spec.voice}", [], 5, 0)
    # The boundaries are the product's rules: reserved, first, once all of them fit in
    # ``boundary_share`` of the budget (brief.v16); in a smaller brief they rank as before.
    bounds = [_Line("boundary", f"Always: {boundary}", []) for boundary in spec.boundaries]
    reserved = _reserved(bounds, budget, float(data["boundary_share"]))
    for i, line in enumerate(bounds):
        add("boundary", "boundary", line.statement, [], -1 if reserved else 6, 1 + i)

    chosen = _fit(person_id, candidates, task, budget)
    text = render(person_id, chosen, task)
    order = [s for s, _ in SECTIONS]
    chosen.sort(key=lambda c: (order.index(c.section), c.priority))
    return Brief(
        person_id=person_id,
        text=text,
        tokens=count_tokens(text),
        items=[
            BriefItem(kind=c.item.kind, statement=c.item.statement, evidence=c.item.evidence)
            for c in chosen
        ],
    )


def _line_tokens(item: _Line) -> int:
    """Tokens of the item's rendered line. Pieces never span white space, so a text's count
    is the sum of its lines' and a line's the sum of its parts' (each part's count cached)."""
    shown = _shown(item.evidence)
    ids = sum(cached_count(i) for i in shown) + 2 + max(0, len(shown) - 1) if shown else 0
    return 1 + cached_count(item.statement) + ids


def _reserved(bounds: list[_Line], budget: int, share: float) -> bool:
    """Whether the assistant's boundaries are kept before anything else (brief.v16): all of
    them, with their section title, take at most ``share`` of the budget. A boundary the
    budget cut left the agent without a rule of the product (Walt's 400-token reinspection
    brief lost "Ask before any destructive or irreversible action" once his requests ranked
    up); kept first in every brief, they were most of a 40-100-token one, which is a sketch of
    what the task needs (the product's own prompt carries its rules). Whole or not at all: the
    spec's rules are one set, and a brief that says some of them does not say the others do
    not hold."""
    if not bounds:
        return False
    cost = sum(_line_tokens(line) for line in bounds) + cached_count("## Assistant layer")
    return cost <= share * budget


def _fit(
    person_id: str, candidates: list[_Candidate], task: str | None, budget: int
) -> list[_Candidate]:
    """Greedy by priority: keep each item whose line (and section title, if new) still fits.
    "Also known" and what was said in passing get only what is left: none of it once an item
    before it was left out (a short fact must not take the place of a longer item the task
    needed)."""
    titles = dict(SECTIONS)

    def title(c: _Candidate) -> str:
        return "What they care about" if c.section == "known" and not task else titles[c.section]

    used = cached_count(f"# Brief: {person_id}")
    shown_titles: set[str] = set()
    chosen: list[_Candidate] = []
    left_out = False
    for candidate in sorted(candidates, key=lambda c: c.priority):
        if budget - used < 4:
            break
        if left_out and candidate.leftover:
            continue
        heading = title(candidate)
        cost = _line_tokens(candidate.item)
        if heading not in shown_titles:
            cost += cached_count(f"## {heading}")
        if used + cost <= budget:
            chosen.append(candidate)
            used += cost
            shown_titles.add(heading)
        else:
            left_out = True
    # The sum is exact by construction; the check guards against a renderer change.
    while chosen and count_tokens(render(person_id, chosen, task)) > budget:
        chosen.remove(max(chosen, key=lambda c: c.priority))
    return chosen


def prior_owner(basis: dict[str, Any]) -> tuple[str, list[tuple[str, float, float]]]:
    """Whose failures the prior a person's own episodes stand against is mostly made of, in the
    model's terms (persona6/behavior/predict.py): the mixture pA = sum_a m_a pa, each archetype's
    pa its other members' pooled episodes n_a over kappa_a pseudo-episodes of the population's.
    So archetype a carries m_a n_a / (n_a + kappa_a) of the prior, the population the rest.
    Returns ("the skeptic archetype's", [(name, membership, pooled)]) for the archetypes that
    carry at least a tenth of it when together they carry more than the population, else
    ("the population's", [])."""
    kappa_a = behavior_config().kappa_archetype
    archetype = basis.get("archetype") or {}
    pooled: dict[str, float] = archetype.get("episodes") or {}
    shares = {
        name: m * pooled.get(name, 0.0) / (pooled.get(name, 0.0) + kappa_a)
        for name, m in (archetype.get("membership") or {}).items()
    }
    if sum(shares.values()) <= 0.5:
        return "the population's", []
    makers = sorted(
        (name for name, share in shares.items() if share >= 0.1), key=lambda n: -shares[n]
    )
    if not makers:  # many archetypes, none carrying a tenth
        return "their archetypes'", []
    members = archetype["membership"]
    named = [(n, float(members[n]), float(pooled.get(n, 0.0))) for n in makers]
    names = " and ".join(makers)
    return (f"the {names} archetypes'" if len(makers) > 1 else f"the {names} archetype's"), named


def _failure_plan(
    state: BehaviorState, person_id: str, taxonomy_path: str | Path | None, data: dict[str, Any]
) -> tuple[str, str, str, list[str]]:
    """What to do when something breaks. The plan leads with what the person's own episodes
    show and gives the advice only for a reaction they showed:

    - their habit (their most frequent reaction, seen at least twice, more than any other) is
      the model's lead too: "Likely retry 48%, ... (3 past failures: retry 2, ...): <plan>";
    - their habit is not the model's lead (two episodes of theirs against the population's
      pseudo-episodes, docs/behavior.md): their habit leads with its plan, then the model's
      lead as the population's ("Their own 2 past failures: self_fix 2 of 2: <plan>. The
      model's lead, switch 34%, ... rests mostly on the population's failures", or on the
      archetype's whose episodes carry most of the prior, ``prior_owner``);
    - no habit: the model's lead with its advice when they showed it, else what they showed,
      with the advice for the one of those the model ranks first;
    - none of theirs: the population's lead "from people like them" when the population has
      enough episodes from enough persons (``population_plan``), else no evidence and no
      directive.
    """
    prediction = state.predict(person_id, taxonomy_path=taxonomy_path)
    ranked = list(prediction.distribution.items())
    (first, p1), (second, p2) = ranked[0], ranked[1]
    plans: dict[str, str] = dict(data["reaction_plans"])
    switches = [e for e in state.history().person(person_id).episodes if e.reaction == "switch"]
    if switches and 2 * sum(e.undoes for e in switches) > len(switches):
        plans["switch"] = data["switch_undo"]  # their switches are rollbacks (failure.v10)
    plan = plans.get(first, "")
    own = prediction.basis["person"]["episodes"]
    latency = prediction.expected_latency_s
    when = f", within about {latency:.0f} s" if latency is not None else ""
    likely = f"Likely {first} {p1:.0%}, {second} {p2:.0%}{when}"
    past = f"{own} past failure{'s' if own != 1 else ''}"
    counts: dict[str, int] = dict(prediction.basis["person"].get("reactions", {}))
    mine = sorted(counts.items(), key=lambda rc: (-rc[1], rc[0]))  # most frequent first
    shown = ", ".join(f"{r} {n}" for r, n in mine)
    evidence = [e.failure_event_id for e in prediction.evidence[:3]]
    # kappa_p pseudo-episodes of the population's (through the archetypes) stand against the
    # person's own: with fewer of theirs, the lead is mostly the prior's, named by whose
    # episodes carry most of it (an archetype's or the population's: prior_owner).
    person = prediction.basis["person"]
    kappa = float(person.get("prior_weight", person.get("kappa", {}).get("value", 0.0)))
    owner = f"{prior_owner(prediction.basis)[0]} failures"
    whose = f"mostly on {owner}" if kappa >= own else f"on {owner} and theirs"
    habit = habit_of(counts)  # their most frequent reaction, twice at least
    if not own or not mine:
        episodes = int(prediction.basis["population"]["episodes"])
        persons = len({e.person_id for e in state.history().episodes})
        need = data["population_plan"]
        if episodes >= int(need["min_episodes"]) and persons >= int(need["min_persons"]):
            statement = f"{likely} (none of theirs yet; from people like them): {plan}."
        elif not episodes:
            statement = "No failures yet, theirs or anyone's here: no evidence of how they react."
        else:
            statement = (
                f"No failures of theirs yet, and this tenant's {episodes} failures from "
                f"{persons} persons are too few to say how people like them react (at least "
                f"{need['min_episodes']} from {need['min_persons']} persons): no evidence yet; "
                "watch how they react."
            )
    elif habit == first:
        statement = f"{likely} ({past}: {shown}): {plan}."
    elif habit is not None:
        others = ", ".join(f"{r} {n}" for r, n in mine[1:])
        theirs = f"{counts[first]} of their {own}" if counts.get(first) else "they never showed it"
        statement = (
            f"Their own {past}: {habit} {counts[habit]} of {own}"
            f"{f' ({others})' if others else ''}: {plans.get(habit, habit)}. "
            f"The model's lead, {first} {p1:.0%}{when}, rests {whose} ({theirs})."
        )
    elif counts.get(first):
        advice = plan.split(": ", 1)[-1]
        statement = (
            f"{likely}. Their own {past}: {shown}. "
            f"{first.capitalize()} leads, resting {whose}; they showed it in {counts[first]} "
            f"of their {own}: {advice}."
        )
    else:
        # Never shown by them: the advice is for the reaction of theirs the model ranks first.
        best = max(counts, key=lambda r: (prediction.distribution.get(r, 0.0), counts[r]))
        statement = (
            f"Their own {past}: {shown} (no habit yet; likelier of these: {best} "
            f"{prediction.distribution.get(best, 0.0):.0%}): {plans.get(best, best)}. "
            f"The model's lead, {first} {p1:.0%}{when}, rests {whose} (they never showed it)."
        )
    return "failure_plan", "failure_plan", statement, evidence


@dataclass(frozen=True, slots=True)
class _Outcome:
    """How one dimension composes: the person's value (None: nothing of theirs says one), from
    what (``request``, ``texture`` or ``style``), the assistant's default, and the value that
    wins (None: neither says one)."""

    name: str
    user: str | None
    source: str
    default: str | None
    value: str | None

    @property
    def requested(self) -> bool:
        return self.user is not None and self.source == "request" and self.value == self.user

    def allows(self, says: str | None, confidence: float, user_wins_at: float) -> bool:
        """Whether a style or texture directive that says ``says`` (held at ``confidence``)
        agrees with the winner: never one for another value than the winning one, and, on a
        dimension with a default, none held too weakly to win over it unless they asked for it
        ("Match their warmth" at 0.17 next to "the assistant default wins for tone")."""
        if self.user is not None and says is not None and says != self.value:
            return False
        return self.default is None or confidence >= user_wins_at or self.requested


@dataclass(frozen=True, slots=True)
class _Conflict:
    """Where the user layer and the assistant's defaults (or boundaries) disagree: the line,
    its evidence, who wins (``user``, ``default`` or ``boundary``), and the dimension and value
    the user layer says; ``request`` is the line of the request it rests on, if one."""

    text: str
    evidence: list[str]
    winner: str
    dimension: str = ""
    value: str = ""
    request: str = ""


def _said_values(text: str, dimensions: dict[str, Any]) -> set[tuple[str, str]]:
    """The (dimension, value) pairs a directive's text says (``says`` in data/brief.yaml)."""
    return {
        (name, value)
        for name, dimension in dimensions.items()
        for value, listed in (dimension.get("says") or {}).items()
        if _says(text, listed)
    }


def _rule_key(rule: dict[str, Any]) -> tuple[str, str, Any]:
    kind = "style" if "style" in rule else "texture"
    return kind, str(rule[kind]), rule.get("value")


def _rule_value(dimension: dict[str, Any], kind: str, key: str, trait: Trait) -> str | None:
    """The dimension's value a style or texture directive of ``trait`` says."""
    if kind == "texture":
        return (dimension.get("texture") or {}).get(key, {}).get(trait.value)
    values = dimension["values"]
    return values.get(trait.value) or values.get("shown")


def _says(text: str, listed: Any) -> bool:
    """Whether ``text`` holds one of the ``listed`` phrases as whole words (stop words kept:
    "no explanations" must not match "detailed explanations")."""
    low = text.lower()
    return any(re.search(rf"(?<!\w){re.escape(str(p).lower())}(?!\w)", low) for p in listed)


def _requested(dimension: dict[str, Any], known: list[_Known]) -> tuple[str, Trait] | None:
    """The value a standing request of theirs names (``requests``), strongest first; a request
    naming two values, or opening with a negation, names none."""
    requests: dict[str, list[str]] = dimension.get("requests") or {}
    negations = tuple(str(n) for n in brief_data()["request_negations"])
    floor = float(brief_data()["passing_below"])
    found: list[tuple[float, str, Trait]] = []
    for k in known:
        t = k.trait
        if not k.answers or t.confidence < floor or t.statement.startswith(negations):
            continue
        named = [value for value, listed in requests.items() if _says(t.statement, listed)]
        if len(named) == 1:
            found.append((t.confidence, named[0], t))
    if not found:
        return None
    _, value, trait = max(found, key=lambda f: f[0])
    return value, trait


def _composed(directive: str, outcomes: dict[str, _Outcome], dimensions: dict[str, Any]) -> str:
    """An archetype's directive without its clauses that say another value of a dimension than
    the one that wins ("Be warm and personal; refer back to ..." where the default tone wins:
    "Refer back to ...")."""
    kept = []
    for clause in directive.rstrip(".").split("; "):
        against = any(
            o.user is not None  # the person's own value, or the default that wins over it
            and o.value != value
            and _says(clause, listed)
            for name, o in outcomes.items()
            for value, listed in (dimensions[name].get("says") or {}).items()
        )
        if not against:
            kept.append(clause)
    if len(kept) == len(directive.rstrip(".").split("; ")):
        return directive
    text = "; ".join(kept)
    return f"{text[:1].upper()}{text[1:]}." if text else ""


def _joined(
    directives: list[tuple[float, str, list[str], tuple[str, str, Any]]],
    joints: list[dict[str, Any]],
    styles: dict[str, Trait],
    textures: dict[str, Trait],
) -> list[tuple[float, str, list[str], tuple[str, str, Any]]]:
    """Directives that pull apart when both hold, said once (``joint_directives``)."""
    for joint in joints:
        keys = [_rule_key(rule) for rule in joint["when"]]
        if any(_held(rule, styles, textures) is None for rule in joint["when"]):
            continue
        parts = [d for d in directives if d[3] in keys]
        if len(parts) < len(keys):
            continue  # one of them is not said (the winning layer left it out): nothing to join
        evidence = [i for d in parts for i in d[2][-2:]]
        directives = [d for d in directives if d[3] not in keys]
        confidence = min(d[0] for d in parts)
        directives.append((confidence, str(joint["directive"]), evidence, ("joint", "", None)))
    return directives


def _conflicts(
    spec: AssistantSpec,
    styles: dict[str, Trait],
    textures: dict[str, Trait],
    known: list[_Known],
    asked_styles: dict[str, list[Trait]],
) -> tuple[dict[str, _Outcome], list[_Conflict]]:
    """How each dimension composes, and where the user layer and the assistant's defaults
    disagree: which wins and why. A request of theirs wins over a default (their own word);
    a value read from how they write wins at ``user_wins_at``."""
    found: list[_Conflict] = []
    outcomes: dict[str, _Outcome] = {}
    for name, dimension in brief_data()["dimensions"].items():
        default = spec.defaults.get(name)
        asked = _requested(dimension, known) or _asked_value(dimension, asked_styles)
        inferred = _user_value(dimension, styles, textures)
        if (
            asked is not None
            and inferred is not None
            and inferred[0] == asked[0]
            and inferred[1].confidence >= spec.user_wins_at
        ):
            asked = None  # what they show already wins, and says the same: cite that
        user = asked or inferred
        source = "request" if asked else "inferred"
        if user is None:
            outcomes[name] = _Outcome(name, None, "", default, None)
            continue
        value, trait = user
        wins = default is None or asked is not None or trait.confidence >= spec.user_wins_at
        outcomes[name] = _Outcome(name, value, source, default, value if wins else default)
        if default is None or value == default:
            continue
        evidence = [e.event_id for e in trait.evidence][-3:]
        if asked is not None:
            found.append(
                _Conflict(
                    f"{name}: the user layer wins ({value}, not the default {default!r}): they "
                    f"asked for it ({trait.statement!r}, conf {_conf(trait.confidence)}).",
                    evidence,
                    "user",
                    name,
                    value,
                    f"{trait.statement} (preference, conf {_conf(trait.confidence)})",
                )
            )
        elif wins:
            found.append(
                _Conflict(
                    f"{name}: the user layer wins ({value}, not the default {default!r}): "
                    f"their own evidence (conf {_conf(trait.confidence)}) beats a generic "
                    "default.",
                    evidence,
                    "user",
                    name,
                    value,
                )
            )
        else:
            found.append(
                _Conflict(
                    f"{name}: the assistant default wins ({default!r}, not {value}): the "
                    f"evidence for {value} is weak (conf {_conf(trait.confidence)} < "
                    f"{_conf(spec.user_wins_at)}).",
                    evidence,
                    "default",
                    name,
                    value,
                )
            )
    # A preference that touches a boundary: the boundary wins, always. Touching is sharing
    # words of content (brief.v15): "ask" and "before" are how a rule or a request is put, not
    # what it is about ("asks for night-before reminders" is no destructive action).
    data = brief_data()
    generic = {w for g in data["boundary_generic"] for w in words(str(g))}
    overlap = int(data["boundary_overlap"])
    for boundary in spec.boundaries:
        boundary_words = set(words(boundary)) - generic
        for k in known:
            shared = boundary_words & set(k.bag)
            if k.trait.kind is SignalKind.PREFERENCE and len(shared) >= overlap:
                found.append(
                    _Conflict(
                        f"the boundary wins over the preference {k.trait.statement!r}: "
                        f"{boundary!r} holds whatever the user layer says.",
                        [e.event_id for e in k.trait.evidence][-2:],
                        "boundary",
                    )
                )
    return outcomes, found
