"""``persona6 continuity SESSION``: what a known person's session confirms, adds and contradicts.

For each actor of the session who is a known person (a user_id, or an anonymous actor linked to
one), the persona *before* the session is consolidated from the person's sessions that began
before it (graph.consolidate on their signals), and each claim the session makes is compared
with it by (kind, key):

- **confirms**: the persona holds it (same polarity for preferences and decisions; the same
  value for styles and failure reactions; any mention for disclosures, concerns, topics, tasks);
- **contradicts**: the persona holds the opposite polarity or another value (a value tied with
  the prevailing one in sessions is none), or the claim supersedes one of the persona's of
  another key, as the graph reads a change of mind ("I prefer light mode now" after "I love the
  dark theme");
- **new**: the persona holds nothing about it.

The language texture of the session is compared with the rest of the person's profile, next to
how alike the person's own sessions usually are.

Every known person of the session has an entry (a shared chat: each speaker's own claims against
their own persona). An anonymous actor no link resolves gets ``persona6 link``'s decision on it
(``link_of``: the best candidate at or above the threshold, else a new person); when that is a
known person, the session is compared with that person's persona as if the actor were them,
with ``person_id`` left null and the candidate and its probability beside it: nothing is linked.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable

from persona6.errors import NotFound
from persona6.graph.consolidate import config as graph_config
from persona6.graph.consolidate import consolidate, fold_key, statement
from persona6.graph.paths import fold, sequence_paths, steps_of
from persona6.identity.features import Profile, sum_profiles
from persona6.identity.model import LinkModel, similarities, vectorize
from persona6.identity.records import (
    ActorContinuity,
    ContinuityCandidate,
    ContinuityItem,
    ContinuityReport,
    LinkResult,
    Quote,
)
from persona6.store.base import EventQuery, IdentityLink, Store
from persona6.types import Signal, SignalKind, Trait

_VALUED = {SignalKind.STYLE, SignalKind.FAILURE}
_TEXTURE_BLOCKS = ("fw", "char", "surface")
#: Earlier sessions compared with the rest of the profile for the "typical" texture similarity.
TYPICAL_SAMPLE = 8


def continuity(
    store: Store,
    tenant: str,
    session_id: str,
    model: LinkModel,
    link_of: Callable[[str], LinkResult | None] | None = None,
) -> ContinuityReport:
    """``link_of`` (actor -> link's result without evidence, or None when it cannot be
    linked) gives an unresolved anonymous actor its best candidate's view."""
    events = list(store.iter_events(EventQuery(tenant=tenant, session_id=session_id)))
    if not events:
        raise NotFound(
            "session {session!r} has no events in tenant {tenant!r}. "
            "List sessions with: {>list_sessions}",
            session=session_id,
            tenant=tenant,
        )
    identity = store.identity_map(tenant)
    known = store.known_user_ids(tenant)
    links = {k.anonymous_id: k for k in store.identity_links(tenant)}
    actors = list(dict.fromkeys(e.actor for e in events if e.actor and e.type != "identify"))
    # One entry per person: an anonymous actor who logs in halfway through the session (an
    # identify event) is in it with the user_id it is linked to, and that is one person.
    entries: dict[str, list[str] | ActorContinuity] = {}
    for actor in actors:
        person = identity.get(actor, actor)
        if person not in known:
            found = link_of(actor) if link_of is not None else None
            entries[actor] = _unlinked(store, tenant, session_id, actor, found, identity, model)
            continue
        found = entries.setdefault(person, [])
        assert isinstance(found, list)
        found.append(actor)
    report: list[ActorContinuity] = []
    for person, entry in entries.items():
        if isinstance(entry, ActorContinuity):
            report.append(entry)
            continue
        ways = {a: "user_id" if a == person else _how(links.get(a)) for a in entry}
        report.append(_person(store, tenant, session_id, entry, person, ways, identity, model))
    return ContinuityReport(session_id=session_id, actors=report)


def _unlinked(
    store: Store,
    tenant: str,
    session_id: str,
    actor: str,
    found: LinkResult | None,
    identity: dict[str, str],
    model: LinkModel,
) -> ActorContinuity:
    """An anonymous actor no link resolves: link's decision on it, and when that is a known
    person, the session against that person's persona, marked as not linked."""
    if found is None:
        return ActorContinuity(
            actor=actor,
            actors=[actor],
            person_id=None,
            link="unresolved",
            note=f"an anonymous actor no link resolves; see who it may be with: "
            f"persona6 link {actor}",
        )
    best = found.candidates[0] if found.candidates else None
    candidate = ContinuityCandidate(
        decision=found.decision,
        best=best.person_id if best is not None else None,
        probability=best.probability if best is not None else 0.0,
        new_person_probability=found.new_person_probability,
        threshold=found.threshold,
        model_id=found.model_id,
    )
    odds = (
        f"threshold {found.threshold:g}, P(new person) {found.new_person_probability:.3f}, "
        f"model {found.model_id}"
    )
    if found.decision is None:
        closest = (
            f"the best candidate, {best.person_id} at {best.probability:.3f}, is below the "
            f"threshold"
            if best is not None
            else "no known person is a candidate"
        )
        return ActorContinuity(
            actor=actor,
            actors=[actor],
            person_id=None,
            link="unresolved",
            candidate=candidate,
            note=f"not linked, and link says a new person ({closest}; {odds}): no persona to "
            f"compare the session with; see why: persona6 link {actor}",
        )
    person = found.decision
    view = _person(
        store,
        tenant,
        session_id,
        [actor],
        person,
        {actor: "unresolved"},
        identity,
        model,
        unlinked=True,
    )
    return view.model_copy(
        update={
            "person_id": None,
            "link": "unresolved",
            "candidate": candidate,
            "note": f"not linked: link's best candidate is {person} at probability "
            f"{candidate.probability:.3f} ({odds}), and the session is compared with "
            f"{person}'s persona as if the actor were them. See why: persona6 link {actor}; "
            f"merge: persona6 link {actor} --to {person}",
        }
    )


def _how(link: IdentityLink | None) -> str:
    if link is None:
        return "?"
    return f"{link.method} {link.evidence_event_id}" if link.evidence_event_id else link.method


def _person(
    store: Store,
    tenant: str,
    session_id: str,
    actors: list[str],
    person: str,
    ways: dict[str, str],
    identity: dict[str, str],
    model: LinkModel,
    *,
    unlinked: bool = False,
) -> ActorContinuity:
    """The continuity of one person, who acted in the session as ``actors`` (known through
    ``ways``: user_id, or the link of an anonymous actor). ``unlinked``: ``actors`` are
    anonymous actors no link resolves, taken as the person's in this session only."""
    members = {person} | {a for a, u in identity.items() if u == person}
    signals = store.signals_of(
        tenant, members | set(actors), exclude_kinds=[SignalKind.TEXTURE.value]
    )
    if unlinked:  # the actors' other sessions are no more the person's than they are linked
        signals = [s for s in signals if s.actor in members or s.session_id == session_id]
    # The persona *before* the session: sessions that began before it, not every other one
    # (a first session confirms nothing that only later sessions say).
    opened: dict[str, str] = {}
    for signal in signals:
        if signal.session_id not in opened or signal.ts < opened[signal.session_id]:
            opened[signal.session_id] = signal.ts
    start = opened.get(session_id, "")
    earlier = [
        s
        for s in signals
        if s.session_id != session_id and (not start or opened[s.session_id] < start)
    ]
    before = consolidate(person, earlier)
    here = [s for s in signals if s.session_id == session_id and s.actor in actors]
    # By folded key (graph.consolidate.fold_key), as the graph consolidates them: a session's
    # "red-eye" meets the persona's "red-eyes".
    traits: dict[tuple[str, str], Trait] = {}
    for trait in before:
        if trait.valid_to is None:
            traits[_folded(trait.kind.value, trait.key)] = trait
    # A claim of another key may still replace one of the persona's: the graph reads "I prefer
    # light mode now" as superseding "loves dark theme" (graph.consolidate), and so does this.
    by_id = {t.id: t for t in traits.values()}
    replaced = {
        _folded(t.kind.value, t.key): by_id[t.supersedes]
        for t in consolidate(
            person, [*earlier, *(s for s in signals if s.session_id == session_id)]
        )
        if t.supersedes in by_id and _folded(t.kind.value, t.key) not in traits
    }
    # Per valued (kind, key), the sessions of each earlier value: a value tied with the
    # prevailing one ("morning 2, afternoon 2") is no contradiction of it.
    tallies: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for signal in earlier:
        if signal.kind in _VALUED:
            tallies[_folded(signal.kind.value, signal.key)][signal.value].add(signal.session_id)
    grouped: dict[tuple[SignalKind, str], list[Signal]] = defaultdict(list)
    for signal in here:
        grouped[(signal.kind, signal.key)].append(signal)
    actor = person if person in actors else actors[0]
    also = [a for a in actors if a != actor]
    result = ActorContinuity(
        actor=actor,
        actors=actors,
        person_id=person,
        link=ways[actor].split(" ")[0],
        note=(
            f"also acted in this session as {', '.join(f'{a} ({ways[a]})' for a in also)}: "
            "one person, compared as one"
            if also
            else ""
        ),
    )
    polar = graph_config().polar_kinds
    for (kind, key), found in sorted(grouped.items()):
        folded = _folded(kind.value, key)
        trait = traits.get(folded)
        quotes = [
            Quote(event_id=e.event_id, start=e.start, end=e.end, quote=e.quote)
            for s in found
            for e in s.evidence[:2]
        ][:3]
        value = _session_value(kind, found, trait.value if trait is not None else None)
        item = ContinuityItem(
            kind=kind.value,
            key=key,
            statement=statement(kind, key, found[-1].value, value),
            evidence=quotes,
        )
        if trait is None and folded in replaced:
            old = replaced[folded]
            result.contradicts.append(
                item.model_copy(
                    update={
                        "prior": old.statement,
                        "prior_sessions": old.sessions,
                        "trait_id": old.id,
                    }
                )
            )
            continue
        if trait is None:
            result.new.append(item)
            continue
        item = item.model_copy(
            update={
                "prior": trait.statement,
                "prior_sessions": trait.sessions,
                "trait_id": trait.id,
            }
        )
        if kind.value in polar:
            net = sum(s.polarity * max(s.weight, 1e-6) for s in found)
            agrees = net == 0 or trait.polarity == 0 or (net > 0) == (trait.polarity > 0)
        elif kind in _VALUED:
            tally = tallies[folded]
            agrees = value == trait.value or len(tally[value]) >= len(tally[trait.value])
        else:
            agrees = True
        (result.confirms if agrees else result.contradicts).append(item)
    # The session's steps as the paths it walks, not every bigram and trigram of them.
    shown = {t.key: t for t in sequence_paths(list(traits.values())) if steps_of(t.key)}
    for name in ("confirms", "new"):
        setattr(result, name, _paths(getattr(result, name), grouped, shown))
    similarity, typical = _texture(
        store, tenant, session_id, person, model, actors if unlinked else []
    )
    result.texture_similarity = similarity
    result.texture_typical = typical
    return result


def _folded(kind: str, key: str) -> tuple[str, str]:
    """(kind, key) with the key as the graph consolidates it: one for both numbers of a head
    noun (graph.yaml ``number_folding``)."""
    return kind, fold_key(kind, key)


def _paths(
    items: list[ContinuityItem],
    grouped: dict[tuple[SignalKind, str], list[Signal]],
    shown: dict[str, Trait],
) -> list[ContinuityItem]:
    """``items`` with their sequences folded as the graph shows a person's (graph/paths.py), in
    the one session: trigrams chained into a path where the steps they overlap on occur once,
    and a sequence inside a longer one of the same items left out. A path the persona showed
    before is its prior; otherwise the prior of its part held in the fewest sessions."""
    steps = {s: item for item in items if (s := steps_of(item.key))}
    if len(steps) < 2:
        return items
    stats = {}  # one session; a sequence of two of the person's actors there is not once
    for s, item in steps.items():
        found = grouped[(SignalKind.TASK, item.key)]
        stats[s] = (1, (found[0].measure or 0.0) if len(found) == 1 else 2.0)
    paths, hidden = fold(stats, 1.0)
    made: dict[str, ContinuityItem] = {}  # the key of a path's first trigram -> the path
    for path, parts in paths.items():
        key = "sequence:" + ">".join(path)
        members = [steps[p] for p in parts]
        quotes: dict[tuple[str, int, int], Quote] = {}
        for member in members:
            for quote in member.evidence:
                quotes.setdefault((quote.event_id, quote.start, quote.end), quote)
        prior = shown.get(key) or min(members, key=lambda m: (m.prior_sessions, m.key))
        held = isinstance(prior, Trait)
        made[members[0].key] = members[0].model_copy(
            update={
                "key": key,
                "statement": statement(SignalKind.TASK, key, f"{len(path)}-step", ""),
                "evidence": list(quotes.values())[:3],
                "prior": prior.statement if held else prior.prior,
                "prior_sessions": prior.sessions if held else prior.prior_sessions,
                "trait_id": prior.id if held else prior.trait_id,
            }
        )
    # Each path where its first trigram was; the sequences folded into others left out.
    return [
        made.get(item.key, item)
        for item in items
        if item.key in made or steps_of(item.key) not in hidden
    ]


def _session_value(kind: SignalKind, found: list[Signal], held: str | None) -> str:
    """The value the session shows most often; of values tied, the one the persona ``held``
    (the session's actors may show two: a short visit, then a brief one after logging in)."""
    if kind not in _VALUED:
        return found[-1].value
    tally: dict[str, int] = defaultdict(int)
    for signal in found:
        tally[signal.value] += 1
    return max(sorted(tally), key=lambda v: (tally[v], v == held))


def _texture(
    store: Store,
    tenant: str,
    session_id: str,
    person: str,
    model: LinkModel,
    unlinked: list[str],
) -> tuple[float | None, float | None]:
    """``unlinked``: anonymous actors taken as the person's in this session only."""
    # A session's units summed: a person may act in one session under two actors.
    sessions: dict[str, Profile] = {}
    units = store.identity_units(tenant, persons=[person])
    if unlinked:
        units += store.identity_units(tenant, actors=unlinked, session_id=session_id)
    for unit in units:
        profile = Profile.from_json(json.loads(unit.body))
        if unit.session_id in sessions:
            sessions[unit.session_id].add(profile)
        else:
            sessions[unit.session_id] = profile
    this = sessions.get(session_id)
    if this is None or len(sessions) < 2:
        return None, None
    total = sum_profiles(sessions.values())

    def against_rest(unit: Profile) -> float | None:
        rest = total.copy()
        rest.add(unit, sign=-1)
        sims = similarities(vectorize(unit, model), vectorize(rest, model))
        values = [sims[b] for b in _TEXTURE_BLOCKS if b in sims]
        return round(sum(values) / len(values), 4) if values else None

    similarity = against_rest(this)
    others = [p for s, p in sessions.items() if s != session_id][-TYPICAL_SAMPLE:]
    typical = [v for v in (against_rest(p) for p in others) if v is not None]
    return similarity, round(sum(typical) / len(typical), 4) if typical else None
