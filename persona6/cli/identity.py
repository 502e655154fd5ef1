"""Commands over identity: stitch, link, unlink, links, continuity, identity-settings, and
``backtest linking``."""

from __future__ import annotations

from typing import Any

import click

from persona6.cli import (
    acts_named,
    cited,
    clip,
    count,
    err,
    json_option,
    main,
    nothing_listed,
    open_engine,
    out,
    print_json,
    print_table,
    safe,
    store_options,
    utc_time,
)
from persona6.cli.graph import warn_if_stale
from persona6.errors import InvalidOption
from persona6.identity.records import LinkRecord, LinkResult


def _probability_or_off(value: str | None, option: str) -> float | str | None:
    if value is None:
        return None
    if value.strip().lower() == "off":
        return "off"
    try:
        return float(value)
    except ValueError:
        raise InvalidOption(
            f"{option} {value!r} is not a number. Give a probability such as {option} 0.95, or off"
        ) from None


def _print_result(result: LinkResult, quotes: int) -> None:
    if result.linked is not None:
        out.print(
            f"[bold]{safe(result.anonymous_id)}[/] is [bold green]{safe(result.decision)}[/]: "
            f"{safe(result.note)}"
        )
        return
    decided = (
        f"[bold green]{safe(result.decision)}[/]"
        if result.decision
        else "[bold yellow]a new person[/] (no candidate reaches the threshold)"
    )
    out.print(
        f"[bold]{safe(result.anonymous_id)}[/] is {decided}  [dim]threshold {result.threshold:g} · "
        f"P(new person) {result.new_person_probability:.3f} · model {result.model_id}[/]"
    )
    for person, why in result.excluded.items():
        out.print(f"  [dim]ruled out {safe(person)}: {safe(why)}[/]")
    print_table(
        None,
        ["person", "probability", "texture", "content", "behaviour", "context"],
        [
            [
                c.person_id,
                f"{c.probability:.3f}",
                *(f"{c.contributions.get(f, 0.0):+.2f}" for f in ("texture", "content")),
                *(f"{c.contributions.get(f, 0.0):+.2f}" for f in ("behaviour", "context")),
            ]
            for c in result.candidates[:5]
        ],
    )
    for candidate in result.candidates[:1]:
        if not candidate.evidence:
            continue
        out.print(f"\n[bold]why {safe(candidate.person_id)}[/] (log-likelihood ratios above)")
        for item in candidate.evidence:
            mark = "[green]+[/]" if item.stance == "for" else "[red]−[/]"
            out.print(f"  {mark} [dim]{item.family}[/] {safe(item.summary)}")
            for label, side in (("here", item.anonymous), ("before", item.person)):
                for quote in side[:quotes]:
                    shown = clip(quote.quote, 80, around=item.feature)
                    out.print(
                        f"      {label}: [green]“{safe(shown)}”[/] [dim]{safe(quote.event_id)}[/]"
                    )


def _print_links(links: list[LinkRecord]) -> None:
    print_table(
        None,
        ["link", "anonymous", "person", "method", "probability", "evidence", "created", "revoked"],
        [
            [
                k.link_id,
                k.anonymous_id,
                k.person_id,
                k.method,
                "" if k.probability is None else f"{k.probability:.3f}",
                k.evidence_event_id or "",
                utc_time(k.created_at),
                f"{utc_time(k.revoked_at)} ({k.revoked_reason})" if k.revoked_at else "",
            ]
            for k in links
        ],
    )


@main.command()
@click.option(
    "--identifier-attrs",
    default=None,
    help="Comma-separated attrs keys that identify a person (default: the tenant setting, "
    "e.g. email_sha256,customer_id).",
)
@store_options
@json_option
def stitch(identifier_attrs: str | None, db: str | None, tenant: str | None, as_json: bool) -> None:
    """Link anonymous actors with certainty: identify events, events with both ids, and
    identifier attrs (a hashed e-mail) shared with exactly one known person.

    Every link records the event that proves it; undo one with persona6 unlink.

    \b
    Example:
      persona6 stitch --identifier-attrs email_sha256
    """
    attrs = [a for a in identifier_attrs.split(",") if a.strip()] if identifier_attrs else None
    if identifier_attrs is not None and not attrs:
        raise InvalidOption(
            f"--identifier-attrs {identifier_attrs!r} names no attribute. "
            "Give comma-separated attrs keys, e.g. --identifier-attrs email_sha256"
        )
    with open_engine(db, tenant) as p6:
        warn_if_stale(p6)
        report = p6.stitch(identifier_attrs=attrs)
        before = {link.anonymous_id for link in p6.links()} - {
            link.anonymous_id for link in report.linked
        }
    if as_json:
        print_json(report)
        return
    # Ingest and build stitch as they go: say what was already linked, or "stitched 0" reads
    # as if identify events had been missed.
    already = f"; {count(len(before), 'anonymous actor')} already linked (persona6 links)"
    err.print(f"stitched {count(len(report.linked), 'anonymous actor')}{already if before else ''}")
    if report.linked:
        _print_links(report.linked)
    for conflict in report.conflicts:
        err.print(f"[yellow]not linked[/]: {safe(conflict)}")


@main.command()
@click.argument("anonymous_id", required=False)
@click.option("--all", "link_every", is_flag=True, help="Link every unresolved anonymous actor.")
@click.option(
    "--threshold",
    type=float,
    default=None,
    help="Probability the best candidate needs to be the decision (default: the tenant "
    "setting, 0.5); below it the decision is a new person.",
)
@click.option(
    "--auto-merge",
    default=None,
    help="With --all: merge decisions at or above this probability (undo with persona6 "
    "unlink); 'off' merges nothing. Default: the tenant setting, off.",
)
@click.option("--to", "to_person", default=None, help="Merge ANONYMOUS_ID into this person.")
@click.option(
    "--quotes", type=click.IntRange(min=0), default=1, show_default=True, help="Quotes per side."
)
@store_options
@json_option
def link(
    anonymous_id: str | None,
    link_every: bool,
    threshold: float | None,
    auto_merge: str | None,
    to_person: str | None,
    quotes: int,
    db: str | None,
    tenant: str | None,
    as_json: bool,
) -> None:
    """Which known person an anonymous actor is, how sure, and the evidence on both sides.

    Candidates come ranked by calibrated probability with each evidence family's
    log-likelihood ratio (texture, content, behaviour, context); the decision is null (a new
    person) when no candidate reaches the threshold. People who acted in the same session as
    the actor are ruled out.

    \b
    Example:
      persona6 link anon-9f2 --json
      persona6 link --all --auto-merge 0.98
      persona6 link anon-9f2 --to u-42
    """
    auto = _probability_or_off(auto_merge, "--auto-merge")
    if link_every and anonymous_id is not None:
        raise InvalidOption(
            "give either ANONYMOUS_ID or --all, not both. Example: persona6 link anon-9f2"
        )
    if not link_every and anonymous_id is None:
        raise InvalidOption(
            "give the anonymous actor to link, or --all. Example: persona6 link anon-9f2 "
            "(persona6 actors lists anonymous actors)"
        )
    if auto is not None and not link_every:
        raise InvalidOption(
            "--auto-merge only applies with --all. Example: persona6 link --all --auto-merge 0.98"
        )
    if to_person is not None and (link_every or anonymous_id is None):
        raise InvalidOption("--to merges one actor: persona6 link ANONYMOUS_ID --to PERSON")
    with open_engine(db, tenant) as p6:
        warn_if_stale(p6)
        if to_person is not None:
            assert anonymous_id is not None
            made = p6.link_to(anonymous_id, to_person)
            if as_json:
                print_json(made)
            else:
                err.print(
                    f"linked {safe(made.anonymous_id)} to {safe(made.person_id)} ({made.link_id})"
                )
            return
        if anonymous_id is not None:
            result = p6.link(anonymous_id, threshold=threshold)
            if as_json:
                print_json(result.spec_json())
            else:
                _print_result(result, quotes)
                if result.candidates:  # an actor already linked shows no probability to trust
                    _print_trust(p6.store.latest_identity_model(p6.tenant), p6.tenant)
            return
        report = p6.link_all(
            # "off" merges nothing whatever the tenant setting; None leaves it to the setting
            auto_merge_above=None if auto is None else "off" if auto == "off" else float(auto),
            threshold=threshold,
        )
        saved = p6.store.latest_identity_model(p6.tenant)
        where = p6.tenant
    if as_json:
        print_json(
            {
                "stitched": report.stitched,
                "auto_merge_above": report.auto_merge_above,
                "results": [r.spec_json() for r in report.results],
                "merged": [m.model_dump(mode="json") for m in report.merged],
            }
        )
        return
    err.print(
        f"stitched {report.stitched}; linked {count(len(report.results), 'unresolved actor')}; "
        f"merged {len(report.merged)}"
        + (f" (auto-merge at {report.auto_merge_above:g})" if report.auto_merge_above else "")
    )
    if not report.results:
        err.print(
            "no anonymous actor is left unresolved: each is linked (persona6 links), "
            "or none is stored (persona6 actors)",
            markup=False,
            highlight=False,
        )
        return
    # with automatic merges on, which decisions were merged (the count alone left the reader
    # to compare each probability with the bar)
    merging = report.auto_merge_above is not None
    merged = {m.anonymous_id: m.link_id for m in report.merged}
    print_table(
        None,
        ["anonymous", "decision", "best", "probability", "P(new)"]
        + (["merged"] if merging else []),
        [
            [
                r.anonymous_id,
                r.decision or "new person",
                r.candidates[0].person_id if r.candidates else "",
                f"{r.candidates[0].probability:.3f}" if r.candidates else "",
                f"{r.new_person_probability:.3f}",
            ]
            + ([merged.get(r.anonymous_id, "no")] if merging else [])
            for r in report.results
        ],
    )
    if report.results:
        _print_trust(saved, where)


#: A saved backtest of the tenant below TRUSTED_TOP1, with a calibration error its sessions do
#: not explain (above its ``ece_bound``, or TRUSTED_ECE when a backtest kept none), or measured
#: on fewer than SMALL_BACKTEST sessions, is too poor to take link's probabilities at their word.
TRUSTED_TOP1 = 0.9
TRUSTED_ECE = 0.1


def _print_trust(saved: dict[str, Any] | None, tenant: str) -> None:
    """One line on how far link's probabilities can be trusted here: the figures of the
    tenant's saved backtest (``backtest linking --save`` keeps them with the model it fits, in
    ``fitted_on.backtest``) when they are poor, or that there is none. A calibrated-looking
    0.99 means little where the tenant's own backtest says top-1 50%, ECE 0.673.

    The calibration error is read against ``ece_bound``, the ECE a perfectly calibrated model
    exceeds one time in 20 at the same confidences on as many sessions (docs/identity.md): 0.15
    on 10 sessions is chance, 0.08 on 1,000 is not. A backtest saved before it was kept is read
    against the fixed TRUSTED_ECE."""
    fitted = (saved or {}).get("fitted_on") or {}
    figures = fitted.get("backtest") if isinstance(fitted.get("backtest"), dict) else None
    run = f"persona6 --tenant {tenant} backtest linking --save"
    if figures is None:
        how = (
            "a model fitted on this tenant, with no backtest figures kept"
            if saved
            else "the packaged model, never measured on this tenant's people"
        )
        err.print(
            f"[yellow]how far to trust these probabilities[/]: unknown here ({how}); {run} "
            "measures top-1 and calibration on your own people"
        )
        return
    top1, ece, n = float(figures["top1"]), float(figures["ece"]), int(figures["queries"])
    bound = figures.get("ece_bound")
    limit = float(bound) if bound is not None else TRUSTED_ECE
    if top1 >= TRUSTED_TOP1 and ece <= limit and n >= SMALL_BACKTEST:
        return
    low, high = wilson_interval(top1, n)
    calibration = f"calibration error {ece:.3f}"
    if bound is not None:
        calibration += (
            f" ({'over' if ece > limit else 'within'} the {limit:.3f} a calibrated model "
            f"reaches by chance on {n} sessions"
            + ("; the probabilities are off)" if ece > limit else ")")
        )
    err.print(
        f"[yellow]how far to trust these probabilities[/]: this tenant's backtest gave top-1 "
        f"{top1:.0%} of {n} held-out sessions ({low:.0%}-{high:.0%}) and {calibration}: read a "
        f"probability as a ranking, not as its value; "
        + (
            f"its reliability bins ({run} --json: reliability) show how far, before any "
            "--auto-merge"
            if ece > limit and n >= SMALL_BACKTEST
            else f"rerun {run} as more people come back"
        )
    )


@main.command()
@click.argument("anonymous_id")
@click.option("--link", "link_id", default=None, help="Revoke only this link id.")
@click.option("--reason", default=None, help="Why, kept with the revoked link.")
@store_options
@json_option
def unlink(
    anonymous_id: str,
    link_id: str | None,
    reason: str | None,
    db: str | None,
    tenant: str | None,
    as_json: bool,
) -> None:
    """Undo a merge: revoke the anonymous actor's links (they stay, marked revoked, with the
    reason) and recompute the persons on both sides.

    \b
    Example:
      persona6 unlink anon-9f2 --reason "shared laptop"
    """
    with open_engine(db, tenant) as p6:
        report = p6.unlink(anonymous_id, link_id=link_id, reason=reason)
    if as_json:
        print_json(report)
        return
    err.print(
        f"revoked {count(len(report.revoked), 'link')} of {safe(report.anonymous_id)}; recomputed "
        f"{safe(', '.join(report.persons_recomputed))}"
    )


@main.command()
@click.argument("anonymous_id", required=False)
@click.option("--all", "include_revoked", is_flag=True, help="Also revoked links.")
@store_options
@json_option
def links(
    anonymous_id: str | None,
    include_revoked: bool,
    db: str | None,
    tenant: str | None,
    as_json: bool,
) -> None:
    """Identity links with their provenance: method, proving event, probability, revocation.

    \b
    Example:
      persona6 links anon-9f2 --all
    """
    with open_engine(db, tenant) as p6:
        found = p6.links(anonymous_id, include_revoked=include_revoked)
        if not found and not as_json:
            what = "identity links" if include_revoked else "active identity links"
            hint = "Links come from identify events, persona6 stitch and persona6 link --to" + (
                "" if include_revoked else "; revoked ones: persona6 links --all"
            )
            if anonymous_id is not None:
                what += f" of {anonymous_id!r}"
            nothing_listed(p6, what, {}, hint)
            return
    if as_json:
        print_json(found)
        return
    _print_links(found)


@main.command()
@click.argument("session")
@store_options
@json_option
def continuity(session: str, db: str | None, tenant: str | None, as_json: bool) -> None:
    """What a known person's session confirms in their persona, what is new, and what it
    contradicts, with quotes.

    \b
    Example:
      persona6 continuity s-193
    """
    with open_engine(db, tenant) as p6:
        warn_if_stale(p6)
        report = p6.continuity(session)
        # what each act quoted was, read once for all: an act's quote is only its argument
        acts = (
            {}
            if as_json
            else acts_named(
                p6,
                [
                    quote.event_id
                    for actor in report.actors
                    for items in (actor.confirms, actor.new, actor.contradicts)
                    for item in items
                    for quote in item.evidence[:1]
                ],
            )
        )
    if as_json:
        print_json(report)
        return
    for actor in report.actors:
        candidate = actor.candidate
        if actor.person_id is None and (candidate is None or candidate.decision is None):
            out.print(f"[bold]{safe(actor.actor)}[/]: {safe(actor.note)}")
            continue
        texture = ""
        if actor.texture_similarity is not None:
            texture = f" · texture {actor.texture_similarity:.2f}"
            if actor.texture_typical is not None:
                texture += f" (usually {actor.texture_typical:.2f})"
        who = (
            f"[yellow]is not linked[/]: compared with {safe(candidate.decision)}, link's best "
            f"candidate at {candidate.probability:.3f}"
            if actor.person_id is None and candidate is not None
            else f"known by its {safe(actor.link)}"
            if actor.actor == actor.person_id
            else f"is {safe(actor.person_id)} ({safe(actor.link)})"
        )
        out.print(f"[bold]{safe(actor.actor)}[/] {who}{texture}")
        if actor.note:
            out.print(f"  [dim]{safe(actor.note)}[/]")
        for title, items, colour in (
            ("confirms", actor.confirms, "green"),
            ("new", actor.new, "cyan"),
            ("contradicts", actor.contradicts, "red"),
        ):
            if not items:
                continue
            out.print(f"  [bold {colour}]{title}[/]")
            shown: set[tuple[str, str | None]] = set()
            for item in items:
                # Claims of two keys that read the same: say it once (--json has each key).
                if (item.statement, item.prior) in shown:
                    continue
                shown.add((item.statement, item.prior))
                prior = (
                    f"  [dim](before: {safe(item.prior)}; "
                    f"{count(item.prior_sessions, 'session')})[/]"
                )
                out.print(f"    {safe(item.statement)}{prior if item.prior else ''}")
                for quote in item.evidence[:1]:
                    act, text = cited(quote.quote, quote.event_id, acts, 80)
                    out.print(
                        f"      {safe(act)}[{colour}]“{safe(text)}”[/] "
                        f"[dim]{safe(quote.event_id)}[/]"
                    )


@main.command("identity-settings")
@click.option("--identifier-attrs", default=None, help="attrs keys that identify a person.")
@click.option("--threshold", default=None, help="Probability a link decision needs.")
@click.option("--auto-merge", default=None, help="Probability for automatic merges, or off.")
@click.option("--candidates", type=int, default=None, help="Candidates re-scored per link.")
@click.option("--prior-new", default=None, help="Prior probability that an actor is new.")
@click.option("--reset", "reset", multiple=True, help="Return this setting to its default.")
@store_options
@json_option
def identity_settings(
    identifier_attrs: str | None,
    threshold: str | None,
    auto_merge: str | None,
    candidates: int | None,
    prior_new: str | None,
    reset: tuple[str, ...],
    db: str | None,
    tenant: str | None,
    as_json: bool,
) -> None:
    """Show or set the tenant's identity settings (defaults: persona6/data/identity.yaml).

    \b
    Example:
      persona6 identity-settings --threshold 0.7 --auto-merge 0.98
    """
    changes: dict[str, Any] = {
        "identifier_attrs": identifier_attrs,
        "new_person_threshold": _number(threshold, "--threshold"),
        "auto_merge_above": _probability_or_off(auto_merge, "--auto-merge"),
        "candidates": candidates,
        "prior_new": _number(prior_new, "--prior-new"),
    }
    for name in reset:
        changes[name.replace("-", "_")] = "default"
    with open_engine(db, tenant) as p6:
        current = p6.identity_settings(**changes)
    if as_json:
        print_json(current)
        return
    print_table(None, ["setting", "value"], [[k, _setting(k, v)] for k, v in current.items()])


def _setting(name: str, value: Any) -> str:
    """A setting's value as the options take it: ``email_sha256, customer_id`` rather than a
    Python tuple, ``off`` for automatic merges that are off (``null`` in ``--json``), and a
    block of settings as ``name=value`` pairs."""
    if value is None:
        return "off" if name == "auto_merge_above" else "(none)"
    if isinstance(value, dict):
        return ", ".join(f"{k}={_setting(k, v)}" for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value) or "(none)"
    return str(value)


def _number(value: str | None, option: str) -> float | None:
    if value is None:
        return None
    try:
        return float(value)
    except ValueError:
        raise InvalidOption(f"{option} {value!r} is not a number. Give e.g. {option} 0.7") from None


def _backtest_group() -> click.Group:
    """``persona6 backtest`` is shared with other stages; make it if nobody has yet."""
    found = main.commands.get("backtest")
    if isinstance(found, click.Group):
        return found

    @main.group()
    def backtest() -> None:
        """Measure predictions on your own data.

        \b
        Example:
          persona6 backtest linking --json
        """

    return backtest


#: Below this many held-out sessions the backtest says how uncertain its top-1 is.
SMALL_BACKTEST = 30


def wilson_interval(share: float, n: int, z: float = 1.96) -> tuple[float, float]:
    """The Wilson score interval of a share measured on ``n`` trials (95% for z = 1.96): unlike
    share ± z·se it stays inside [0, 1] and is not zero-width at 0% or 100%."""
    if n <= 0:
        return 0.0, 1.0
    centre = (share + z * z / (2 * n)) / (1 + z * z / n)
    half = z * ((share * (1 - share) / n + z * z / (4 * n * n)) ** 0.5) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


@_backtest_group().command("linking")
@click.option(
    "--save",
    is_flag=True,
    help="Make the model fitted on your people the tenant's linking model.",
)
@store_options
@json_option
def backtest_linking(save: bool, db: str | None, tenant: str | None, as_json: bool) -> None:
    """Hold out each known person's latest session as if anonymous (and some persons
    entirely, as new people), link them, and report top-1, top-3, new-person precision and
    recall, and calibration error; cross-fitted, so no figure is measured on data its model saw.

    \b
    Example:
      persona6 backtest linking --save
    """
    with open_engine(db, tenant) as p6:
        warn_if_stale(p6)
        report = p6.backtest_linking(save=save)
    if as_json:
        print_json(report)
        return
    out.print(
        f"{count(report.queries, 'held-out session')} of {count(report.persons, 'known person')}"
        f", and {count(report.new_queries, 'session')} of persons held out entirely (they "
        "must come out new)"
    )
    print_table(
        None,
        ["top-1", "top-3", "new: precision", "new: recall", "ECE", "threshold"],
        [
            [
                f"{report.top1:.1%}",
                f"{report.top3:.1%}",
                "-"
                if report.new_person_precision is None
                else f"{report.new_person_precision:.1%}",
                "-" if report.new_person_recall is None else f"{report.new_person_recall:.1%}",
                f"{report.ece:.3f}",
                report.threshold,
            ]
        ],
    )
    print_table(
        None,
        ["held out", "session", "truth", "decision", "probability", "P(new)", "right"],
        [
            [
                r.person,
                r.session_id,
                r.truth or "new",
                r.decision or "new",
                f"{r.probability:.3f}" + ("" if r.decision else f" ({r.best})"),
                f"{r.new_person_probability:.3f}",
                "yes" if r.right else "NO",
            ]
            for r in report.rows
        ],
    )
    below = [r for r in report.rows if r.truth and r.best == r.truth and not r.decision]
    if below:
        # top-1 ranks; "right" is link's decision: a NO beside a top-1 of 100% needs saying
        out.print(
            "top-1 counts the best candidate whatever its probability; right is link's decision"
            f" at the threshold {report.threshold:g}: {len(below)} of "
            f"{count(report.queries, 'held-out session')} had the right person first but under "
            "it, and came out new ("
            + ", ".join(
                f"{safe(r.session_id)}: {safe(r.best)} at {r.probability:.3f}" for r in below
            )
            + ")"
        )
    if report.passed_over:
        out.print(
            f"{count(report.passed_over, 'held-out session')} in place of a later one shared "
            "with another known person (a shared chat is no one's anonymous visit)"
        )
    if report.queries < SMALL_BACKTEST:
        low, high = wilson_interval(report.top1, report.queries)
        out.print(
            f"[yellow]few sessions to measure on[/]: top-1 {report.top1:.1%} of "
            f"{report.queries} is anywhere from {low:.0%} to {high:.0%} (95% interval); "
            "rerun as more people come back"
        )
    if report.later_top1 is not None:
        out.print(
            f"later sessions, after a gap from the history: top-1 {report.later_top1:.1%} "
            f"of {report.later_queries} (expect this when people come back long after)"
        )
    weight = float(report.model.get("separation", 0.0) or 0.0)
    out.print(
        f"closest candidates told apart by their own past sessions: weight {weight:g}"
        if weight
        else "closest candidates told apart by their own past sessions: not here (weight 0: "
        "it did not help on these people's later sessions)"
    )
    err.print(
        "saved: the fitted model is now this tenant's linking model"
        if report.saved
        else "not saved; run with --save to use the fitted model for linking"
    )
