"""The demo: generate a realistic log, ingest it, build, show the personas found."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from persona6.cli import (
    LocalDates,
    acts_named,
    cited,
    count,
    err,
    json_option,
    main,
    open_engine,
    out,
    print_json,
    safe,
    store_options,
)
from persona6.graph.consolidate import chosen_sides
from persona6.outputs import check_output


@main.command()
@click.option(
    "--out", "out_dir", default="persona6-demo", show_default=True, help="Folder for the log."
)
@click.option("--seed", default=7, show_default=True, help="Random seed of the generator.")
@click.option("--people", type=click.IntRange(min=4), default=12, show_default=True)
@store_options
@json_option
def demo(
    out_dir: str, seed: int, people: int, db: str | None, tenant: str | None, as_json: bool
) -> None:
    """Generate a realistic multi-session product log, ingest it, build and show the personas.

    The log (events.jsonl) and its ground truth (truth.json) are written to --out; each
    person's latent archetype from the ground truth is shown beside what Persona6 found.

    \b
    Example:
      persona6 demo --db demo.db --seed 7
    """
    from persona6 import synth

    with open_engine(db, tenant) as p6:
        # Checked before anything is generated: the folder, and the two files written in it.
        check_output("{--out}", out_dir, db=p6.db, folder=True)
        # A folder still to be created holds no file that could be the database.
        for name in ("events.jsonl", "truth.json") if Path(out_dir).is_dir() else ():
            check_output("{--out}", Path(out_dir) / name, db=p6.db)
        log = synth.generate(seed=seed, people=people)
        events_path, truth_path = synth.write(log, Path(out_dir))
        report = p6.ingest(events_path)
        built = p6.build()
        holds = p6.stats()
        views = [p6.person(p["person_id"]) for p in log.truth["people"]]
        # the act each digest quote is of, read once (the digest quotes each trait's last)
        acts = acts_named(
            p6, [t.evidence[-1].event_id for v in views for t in v.traits if t.evidence]
        )
        digests = {
            v.person.person_id: persona_digest(v, LocalDates(p6, [v.person.person_id]), acts=acts)
            for v in views
        }
        found = {v.person.person_id: p6.archetypes(v.person.person_id).archetypes[0] for v in views}
        holdouts = {p["holdout_anonymous_id"]: p["person_id"] for p in log.truth["people"]}
        links = {anon: p6.link(anon) for anon in sorted(holdouts)}
    if as_json:
        print_json(
            {
                "log": str(events_path),
                "truth": str(truth_path),
                "ingest": report.model_dump(mode="json"),
                "build": built.model_dump(mode="json"),
                "stats": holds.model_dump(mode="json"),
                "persons": [v.model_dump(mode="json") for v in views],
                "archetypes": {k: v.model_dump(mode="json") for k, v in found.items()},
                "links": {k: v.spec_json() for k, v in links.items()},
            }
        )
        return
    err.print(
        f"wrote {safe(events_path)} ({count(len(log.events), 'event')}) and {safe(truth_path)}"
    )
    # a demo run again on its database: its events are stored and built already
    built_line = (
        f"Built {built.traits} traits from {built.signals} signals in {built.seconds:.1f}s."
        if built.sessions
        else "Nothing new to build: the graph already holds these events."
    )
    out.print(
        f"Ingested [bold]{report.read}[/] events ({report.stored} new) into "
        f"[bold]{safe(p6.location)}[/]: "
        f"{holds.sessions} sessions, {holds.persons} people, {holds.identify_links} identify "
        f"links. {built_line}"
    )
    latent = {p["person_id"]: p["archetype"] for p in log.truth["people"]}
    for view in views:
        who = view.person
        top = found[who.person_id]
        out.print(
            f"\n[bold]{who.person_id}[/]: {top.archetype} ({top.membership:.2f}) "
            f"[dim](generator's latent archetype: {latent[who.person_id]}; "
            f"{who.sessions} sessions, {who.events} events)[/]"
        )
        for line in digests[who.person_id]:
            out.print(f"  {line}")
    right = sum(1 for anon, result in links.items() if result.decision == holdouts[anon])
    out.print(
        f"\n[bold]Identity[/]: each person's last session was anonymous, with no identify "
        f"event. Linked to the right person: {right} of {len(links)}."
    )
    for anon, result in links.items():
        best = result.candidates[0] if result.candidates else None
        verdict = "right" if result.decision == holdouts[anon] else "wrong"
        shown = f"{best.person_id} p={best.probability:.2f}" if best else "no candidate"
        out.print(
            f"  {anon} -> {result.decision or 'a new person'} [dim]({shown}; truly "
            f"{holdouts[anon]}: {verdict})[/]"
        )
    db_hint = f" --db {safe(p6.location)}" if db else ""
    out.print(
        f"\nNext: persona6 show PERSON{db_hint} (every trait with its quotes), "
        f"persona6 why PERSON TRAIT_ID{db_hint}, persona6 link ANONYMOUS_ID{db_hint}, "
        f"persona6 predict PERSON{db_hint}, persona6 context PERSON --task TEXT{db_hint}."
    )


#: Trait kinds in the order a digest shows them, with how many of each.
_DIGEST = (
    ("preference", 2),
    ("concern", 1),
    ("style", 2),
    ("failure", 1),
    ("disclosure", 1),
    ("decision", 1),
    ("task", 1),
)


def persona_digest(
    view: Any,
    date: Callable[[str], str] = lambda ts: ts[:10],
    quote_width: int = 60,
    acts: dict[str, str] | None = None,
) -> list[str]:
    """A few strongest traits of a person, one line each, with one quote (an act's after its
    name: ``acts``, from ``acts_named``); changes of mind, dated by ``date`` (``LocalDates``:
    on the person's clock)."""
    lines: list[str] = []
    said: set[str] = set()  # "X over Y" supports two traits with one statement
    other_sides = chosen_sides(view.traits)  # ... and says the chosen side once
    active = [t for t in view.traits if t.valid_to is None and t.id not in other_sides]
    for kind, most in _DIGEST:
        ranked = sorted(
            (t for t in active if t.kind.value == kind),
            key=lambda t: (-t.sessions, -t.confidence, t.key),
        )
        chosen = []
        for t in ranked:
            if t.statement not in said and len(chosen) < most:
                said.add(t.statement)
                chosen.append(t)
        for t in chosen:
            quote = ""
            if t.evidence:
                act, text = cited(
                    t.evidence[-1].quote, t.evidence[-1].event_id, acts or {}, quote_width
                )
                quote = f" {safe(act)}“{safe(text)}”"
            lines.append(
                f"{kind:<10} {safe(t.statement)} [dim]({t.confidence:.2f}, {t.sessions} "
                f"session{'' if t.sessions == 1 else 's'})"
                f"{quote}[/]"
            )
    by_id = {t.id: t for t in view.traits}
    for t in view.traits:
        if t.supersedes and t.supersedes in by_id:
            old = by_id[t.supersedes]
            on = date(t.valid_from)
            now = other_sides.get(t.id, t)  # "against email (...)": the side chosen instead
            lines.append(
                f"{'changed':<10} {safe(old.statement)} -> {safe(now.statement)} [dim](on {on})[/]"
            )
    return lines
