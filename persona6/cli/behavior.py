"""Commands over behaviour and the agent brief: predict, archetypes, context, backtest."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import click

from persona6.behavior.predict import PersonStrength, config, habit
from persona6.cli import (
    count,
    json_option,
    main,
    open_engine,
    out,
    print_json,
    print_table,
    safe,
    store_options,
    utc_time,
)
from persona6.cli.graph import person_elsewhere, warn_if_stale
from persona6.context.brief import prior_owner
from persona6.engine import Persona6
from persona6.errors import NotFound


@contextmanager
def _known_elsewhere(p6: Persona6, person: str, tenant: str | None, command: str) -> Iterator[None]:
    """A person not known in this tenant but in others: the error says which, and how to run
    ``command`` there."""
    try:
        yield
    except NotFound as error:
        if error.values.get("person") != person:
            raise
        raise person_elsewhere(p6, person, tenant, command) or error from None


_ARCHETYPES = click.option(
    "--archetypes",
    "archetypes_path",
    default=None,
    help="A YAML of archetypes merged over the packaged ones (docs/behavior.md).",
)


@main.command()
@click.argument("person")
@click.option("--failure", default=None, help="Predict the reaction to failures of this name.")
@click.option(
    "--event",
    default=None,
    help="Predict the reaction to this stored failure, from what came before it only.",
)
@_ARCHETYPES
@store_options
@json_option
def predict(
    person: str,
    failure: str | None,
    event: str | None,
    archetypes_path: str | None,
    db: str | None,
    tenant: str | None,
    as_json: bool,
) -> None:
    """The probability of each reaction of PERSON to a failure, and what it rests on.

    Hierarchical shrinkage person -> archetype -> population, tilted by the failure's context
    (docs/behavior.md). With --event, only episodes known before that failure are used.

    \b
    Example:
      persona6 predict u-42 --event evt-9f1c --json
    """
    with open_engine(db, tenant) as p6:
        warn_if_stale(p6)
        with _known_elsewhere(p6, person, tenant, "predict"):
            prediction = p6.predict(
                person, failure=failure, event=event, archetypes=archetypes_path
            )
    if as_json:
        print_json(prediction)
        return
    basis = prediction.basis
    latency = prediction.expected_latency_s
    own, population = basis["person"]["episodes"], basis["population"]["episodes"]
    out.print(
        f"[bold]{safe(person)}[/]: {count(own, 'own failure episode')}, "
        f"{population} in the population"
        + (f"; expected reaction after {latency:.1f} s" if latency is not None else "")
    )
    kind, kind_line = _kind_level(basis["person"], basis.get("context", {}))
    same_kind = int((basis["person"].get("same_kind") or {}).get("episodes", 0))
    _print_strength(
        basis["person"].get("kappa"),
        basis["person"].get("prior_weight"),
        own - same_kind if kind is not None else None,
    )
    # What their reactions were, where the act says more than the kind (as ``show`` says it).
    acts: dict[str, str] = basis["person"].get("acts", {})
    print_table(
        None,
        ["reaction", "probability"],
        [[_with_act(r, acts.get(r, "")), f"{p:.1%}"] for r, p in prediction.distribution.items()],
    )
    if kind_line:
        out.print(kind_line)
    _print_habit(basis, next(iter(prediction.distribution.items())))
    _print_context(basis.get("context", {}), kind)
    if prediction.evidence:
        print_table(
            "past episodes it rests on",
            ["time", "failure", "reaction", "latency s", "event"],
            [
                [
                    utc_time(e.ts),
                    e.failure,
                    _with_act(e.reaction, e.act),
                    e.latency_s,
                    e.failure_event_id,
                ]
                for e in prediction.evidence
            ],
        )
    if acts:
        out.print("[dim](in brackets: the act their own episodes of that reaction were)[/]")


def _with_act(reaction: str, act: str) -> str:
    """A reaction with the act it was, as a failure trait says it: "switch (rollback)"."""
    return f"{reaction} ({act})" if act else reaction


#: What ``basis.person.kappa.fitted_for`` says kappa_p was fitted for, as predict prints it.
_FITTED_FOR = {
    "what failed": "predictions from what failed only",
    "the failure's context": "predictions from the failure's whole context",
}


def _print_strength(
    kappa: dict[str, Any] | None, weight: float | None = None, other_kinds: int | None = None
) -> None:
    """How much the person's own reactions count against their archetypes' (kappa_p, or the
    weight it was discounted to on a tenant too small to test it: ``prior_weight``): a
    consistent person's own habit leads only where the tenant's people show that it should.
    The packaged kappa_p is either kept for want of episodes (nothing was fitted: the
    discount says what it weighs) or tested on the tenant's episodes and found plausible.
    ``other_kinds``: a kind of failure was named, whose own episodes the kind level weighs
    (``_kind_level``), so this level has their episodes of other failures, this many."""
    if not kappa:
        return
    tested = PersonStrength(
        float(kappa["value"]),
        kappa["source"] == "estimated",
        int(kappa["persons"]),
        int(kappa["episodes"]),
    )
    on = (
        f"{count(kappa['episodes'], 'episode')} of {count(kappa['persons'], 'person')} "
        "of this tenant"
    )
    fitted = _FITTED_FOR.get(kappa.get("fitted_for", ""), "")
    if tested.estimated:
        how = f"estimated on {on}" + (f", for {fitted}" if fitted else "")
    elif tested.too_few():
        need = config().person_fit
        how = (
            "the packaged default: too few episodes to estimate it, "
            f"{count(tested.episodes, 'episode')} of {count(tested.persons, 'person')} with two "
            f"or more each, where it needs {count(need.min_episodes, 'episode')} of at least "
            f"{count(need.min_persons, 'person')}"
        )
    else:
        how = (
            f"the packaged default, {kappa['value']:g}: tested on {on}, which found no value "
            "clearly better" + (f", for {fitted}" if fitted else "")
        )
    value = float(kappa["value"]) if weight is None else float(weight)
    if weight is not None and abs(float(weight) - float(kappa["value"])) > 1e-9:
        how += (
            f"; {kappa['value']:g} discounted to {value:.3g}: the others' few episodes behind "
            "the prior back it no more than that"
        )
    whose = "own reactions"
    if other_kinds is not None:
        episodes = count(other_kinds, "episode") if other_kinds else "none"
        whose = f"own reactions to other failures ({episodes})"
    out.print(f"{whose} weigh against {value:.3g} archetype episodes ({how})")


def _kind_level(person: dict[str, Any], context: dict[str, Any]) -> tuple[str | None, str]:
    """What failed, as the kind level used it (docs/behavior.md): the other persons' episodes
    of it tilt the prior (when its lift is used: ``context.tilting``), and the person's own
    episodes of it update that prior, each counted once, against ``kind_prior_weight`` of it.
    The feature (None: no kind named, or one neither their own nor the others' episodes
    shape) and the line that says so, as markup."""
    same = person.get("same_kind") or {}
    failure = same.get("failure")
    feature = f"failure:{failure}"
    tilting: dict[str, int] = context.get("tilting", {})
    own = int(same.get("episodes", 0))
    if failure is None or (feature not in tilting and not own):
        return None, ""
    if feature not in tilting:  # left out (their own are all there is): _print_context says why
        tilt = "the others' episodes of it do not tilt the prior (left out, below)"
    elif others := tilting[feature]:
        by = "another person" if others == 1 else "other persons"
        tilt = f"the prior is tilted by {count(others, 'episode')} of it by {by}"
    else:
        tilt = "no other person's episode of it tilts the prior"
    weight = float(person.get("kind_prior_weight", person.get("prior_weight", 0.0)))
    if own:
        reactions = ", ".join(
            f"{r} {n}"
            for r, n in sorted(same.get("reactions", {}).items(), key=lambda rn: (-rn[1], rn[0]))
        )
        weigh = "weighs" if own == 1 else "weigh"
        mine = f"their own {own} ({reactions}) {weigh} against {weight:.3g} episodes of that prior"
        above = float(person.get("prior_weight", weight))
        if abs(weight - above) > 1e-9:
            others = tilting.get(feature, 0)
            backing = (
                f"the others' {count(others, 'episode')} of it "
                f"{'backs' if others == 1 else 'back'} the prior no more than that"
                if others
                else "no other person's episode of it backs the prior"
            )
            mine += f" ({above:.3g} discounted to {weight:.3g}: {backing})"
    else:
        mine = "they have none of their own"
    return feature, f"after {safe(failure)}: {safe(tilt)}; {safe(mine)}"


def _print_habit(basis: dict[str, Any], lead: tuple[str, float]) -> None:
    """When the person's own habit (of the kind named, when they have episodes of it) is not
    the model's lead, say so and what the lead rests on: whose episodes carry most of the
    prior (an archetype's or the population's, ``prior_owner``), and how much that prior
    weighs against theirs (end-to-end review 8, B1)."""
    person = basis["person"]
    same = person.get("same_kind") or {}
    counts: dict[str, int] = same.get("reactions") or person.get("reactions", {})
    after = f" after {same['failure']}" if same.get("reactions") else ""
    mine = habit(counts)
    first, p = lead
    if mine is None or mine == first:
        return
    own = sum(counts.values())
    population: dict[str, int] = basis["population"]["reactions"]
    theirs: dict[str, int] = person.get("reactions", {})
    others = {r: n - theirs.get(r, 0) for r, n in population.items()}
    total = sum(others.values())
    weight = float(person.get("kind_prior_weight" if after else "prior_weight", 0.0))
    owner, makers = prior_owner(basis)
    if makers:
        kappa_a = config().kappa_archetype
        pools = "; ".join(
            f"membership {name} {m:.2f}, its other members' {n:.3g} episodes"
            for name, m, n in makers
        )
        made = (
            f"({pools}, each against {kappa_a:.3g} pseudo-episodes of the population's; the "
            f"other persons' {first} {others.get(first, 0)} of {total} in all)"
        )
    else:
        made = f"(the other persons' {first} {others.get(first, 0)} of {total})"
    out.print(
        f"their own habit{safe(after)} is {mine} ({counts[mine]} of their {own}), not the lead: "
        f"{first} {p:.1%} leads on the prior, made mostly of {safe(owner)} episodes {safe(made)}, "
        f"which weighs {weight:.3g} episodes against their "
        f'{own} (docs/behavior.md, "How much a person\'s own episodes count")'
    )


def _print_context(context: dict[str, Any], kind: str | None = None) -> None:
    """Which features of the failure tilted the prediction, and which were left out and why:
    without it, a prediction for a named failure can read the same as one for any failure.
    ``kind``: what failed, said already by ``_kind_level``. Each feature's count is the
    episodes its lift is made of (``tilting``)."""
    features: dict[str, int] = context.get("features", {})
    tilting: dict[str, int] = context.get("tilting", {})
    ignored = set(context.get("ignored", []))
    used = [
        f"{name} ({count(tilting.get(name, n), 'past episode')})"
        for name, n in features.items()
        if name not in ignored and name != kind
    ]
    if used:
        out.print(f"tilted by the failure's context: {safe(', '.join(used))}")
    unseen = [name for name in features if name in ignored and not features[name]]
    noise = [
        f"{name} ({count(features[name], 'past episode')})"
        for name in features
        if name in ignored and features[name]
    ]
    if unseen:
        out.print(
            f"[dim]no past episode has {safe(', '.join(unseen))}, so "
            f"{'it does' if len(unseen) == 1 else 'they do'} not tilt the prediction[/]"
        )
    if noise:
        out.print(
            f"[dim]left out: {safe(', '.join(noise))}: on this tenant's history such features have "
            "not told reactions apart (docs/behavior.md)[/]"
        )


@main.command()
@click.argument("person")
@_ARCHETYPES
@store_options
@json_option
def archetypes(
    person: str, archetypes_path: str | None, db: str | None, tenant: str | None, as_json: bool
) -> None:
    """PERSON's soft membership in each archetype, with the cues, traits and evidence behind it.

    \b
    Example:
      persona6 archetypes u-42 --archetypes my_archetypes.yaml
    """
    with open_engine(db, tenant) as p6:
        warn_if_stale(p6)
        with _known_elsewhere(p6, person, tenant, "archetypes"):
            found = p6.archetypes(person, archetypes=archetypes_path)
    if as_json:
        print_json(found)
        return
    for score in found.archetypes:
        out.print(
            f"[bold]{score.archetype}[/] membership {score.membership:.2f} "
            f"(score {score.score:.2f}) [dim]{score.description}[/]"
        )
        for cue in score.cues:
            if cue.strength > 0:
                ids = ", ".join(cue.evidence[-2:])
                out.print(
                    f"  {cue.cue}: strength {cue.strength:.2f} × weight {cue.weight:g} "
                    f"[dim]· {safe(cue.detail)} · {safe(ids)}[/]"
                )


@main.command()
@click.argument("person")
@click.option("--task", default=None, help="What the agent is about to do for the person.")
@click.option(
    "--budget", type=int, default=400, show_default=True, help="Most tokens the brief may use."
)
@click.option("--assistant", default=None, help="An assistant persona spec (YAML).")
@_ARCHETYPES
@store_options
@json_option
def context(
    person: str,
    task: str | None,
    budget: int,
    assistant: str | None,
    archetypes_path: str | None,
    db: str | None,
    tenant: str | None,
    as_json: bool,
) -> None:
    """A brief for an agent's system prompt: who PERSON is, what bears on the task, how to work
    with them, what to do if something breaks, composed with the assistant's spec.

    Markdown on stdout; --json gives {person_id, text, tokens, items}. Never over --budget
    tokens (docs/context.md gives the count).

    \b
    Example:
      persona6 context u-42 --task "set up the weekly export" --budget 300
    """
    with open_engine(db, tenant) as p6:
        warn_if_stale(p6)
        with _known_elsewhere(p6, person, tenant, "context"):
            brief = p6.context(
                person, task=task, budget=budget, assistant=assistant, archetypes=archetypes_path
            )
    if as_json:
        print_json(brief)
        return
    click.echo(brief.text, nl=False)


@main.group()
def backtest() -> None:
    """Measure predictions on your own data.

    \b
    Example:
      persona6 backtest reactions --json
    """


@backtest.command("reactions")
@click.option(
    "--split",
    type=float,
    default=0.6,
    show_default=True,
    help="Share of each person's failure episodes used as history only.",
)
@_ARCHETYPES
@store_options
@json_option
def backtest_reactions(
    split: float, archetypes_path: str | None, db: str | None, tenant: str | None, as_json: bool
) -> None:
    """Predict each person's later failure episodes from what came before them; log-loss,
    accuracy and calibration against the population prior, in the same run.

    \b
    Example:
      persona6 backtest reactions --split 0.6
    """
    with open_engine(db, tenant) as p6:
        warn_if_stale(p6)
        report = p6.backtest_reactions(split=split, archetypes=archetypes_path)
    if as_json:
        print_json(report)
        return
    out.print(
        f"{count(report.episodes, 'episode')} of {count(report.persons, 'person')} predicted "
        f"({report.history_episodes} used as history only, split {report.split:g})"
    )
    if not report.episodes:
        out.print(
            "[yellow]nothing to measure yet[/]: no failure episode comes after its person's "
            "history at this split; rerun as more failures come in, or with a lower --split"
        )
        return
    print_table(
        None,
        ["predictor", "log-loss", "accuracy", "brier"],
        [
            [name, s.log_loss, f"{s.accuracy:.1%}", s.brier]
            for name, s in (
                ("persona6", report.model),
                ("population prior", report.population_prior),
                ("person frequency", report.person_frequency),
            )
        ],
    )
    out.print(
        f"log-loss {report.log_loss_reduction:+.1%} vs the population prior; expected "
        f"calibration error {report.calibration_error:.3f}"
    )
    # Imported here: cli/identity.py makes the ``backtest`` group if nobody has yet, so it
    # must not be imported before this module has made it.
    from persona6.cli.identity import SMALL_BACKTEST, wilson_interval

    if report.episodes < SMALL_BACKTEST:
        # As backtest linking does: a share of a few trials says little (a Wilson interval).
        low, high = wilson_interval(report.model.accuracy, report.episodes)
        out.print(
            f"[yellow]few episodes to measure on[/]: {count(report.episodes, 'episode')} of "
            f"{count(report.persons, 'person')}; accuracy {report.model.accuracy:.1%} is anywhere "
            f"from {low:.0%} to {high:.0%} (95% interval), and the log-loss change is no "
            f"measurement below {SMALL_BACKTEST} episodes; rerun as more failures come in"
        )
