"""What the command line says about how far a figure can be trusted, and where a person is:
``backtest reactions`` on few episodes gives the interval ``backtest linking`` gives; ``link``
says how far its probabilities hold on this tenant (the figures of its saved backtest when they
are poor, or that none was kept); a person unknown in the tenant acted on but known in another
is named with the command to run there."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from persona6.store import open_store

START = datetime(2026, 3, 1, tzinfo=UTC)


def _event(person: str, session: str, at: datetime, **fields: object) -> dict:
    return {"ts": at.isoformat(), "session_id": session, "user_id": person, **fields}


def _failures(person: str, reactions: int, day0: int = 0) -> list[dict]:
    """``reactions`` failures of ``person``, each retried: a run, an error, the run again."""
    found = []
    for day in range(reactions):
        t = START + timedelta(days=day0 + day)
        session = f"{person}-{day}"
        found += [
            _event(person, session, t, type="action", name="run", text="export report"),
            _event(person, session, t + timedelta(seconds=1), type="outcome", name="error"),
            _event(person, session, t + timedelta(seconds=5), type="action", name="run", text="x"),
        ]
    return found


def _ingest(run, write_lines, events: list[dict], *tenant: str) -> None:
    assert run("ingest", str(write_lines(events)), *tenant).exit_code == 0
    assert run("build", *tenant).exit_code == 0


def test_backtest_reactions_on_few_episodes_says_how_little_they_measure(run, write_lines):
    _ingest(run, write_lines, _failures("u-a", 3) + _failures("u-b", 2, 5))
    result = run("backtest", "reactions")
    assert result.exit_code == 0
    lines = [line for line in result.output.splitlines() if "few episodes" in line]
    assert len(lines) == 1
    assert lines[0].startswith("few episodes to measure on: ")
    assert (
        "(95% interval), and the log-loss change is no measurement below 30 episodes" in (lines[0])
    )
    # The header counts in words that agree with the number.
    assert result.output.splitlines()[0].startswith(("1 episode of 1 person", "2 episodes of"))


def test_backtest_reactions_with_nothing_after_the_history_says_so(run, write_lines):
    _linkable(run, write_lines)  # people who talk, with no failure at all
    result = run("backtest", "reactions")
    assert result.exit_code == 0
    said = " ".join(result.output.split())
    assert "nothing to measure yet: no failure episode comes after its person's history" in said
    assert "log-loss" not in said and "predictor" not in said


def _linkable(run, write_lines) -> None:
    events = []
    for n, person in enumerate(("u-1", "u-2", "u-3")):
        for day in range(3):
            t = START + timedelta(days=day, hours=n)
            events.append(
                _event(person, f"{person}-{day}", t, type="message", text=f"I prefer tea {n}.")
            )
    events.append(
        {
            "ts": (START + timedelta(days=9)).isoformat(),
            "session_id": "anon-s",
            "anonymous_id": "anon-1",
            "type": "message",
            "text": "I prefer tea 1.",
        }
    )
    _ingest(run, write_lines, events)


def test_link_without_a_saved_backtest_says_its_probabilities_are_unmeasured(run, write_lines):
    _linkable(run, write_lines)
    for args in (("link", "anon-1"), ("link", "--all")):
        result = run(*args)
        assert result.exit_code == 0
        assert (
            "how far to trust these probabilities: unknown here (the packaged model, never "
            "measured on this tenant's people); persona6 --tenant default backtest linking --save"
        ) in " ".join(result.stderr.split())
    # --json stays one JSON document on stdout, with nothing added.
    json.loads(run("link", "anon-1", "--json").output)


def _save_backtest(tmp_path, figures: dict) -> None:
    from persona6.identity.linking import default_model

    body = default_model().to_json()
    body["fitted_on"] = {**body["fitted_on"], "tenant": "default", "backtest": figures}
    with open_store(str(tmp_path / "persona6.db")) as store, store.transaction():
        store.save_identity_model("default", "lm_test", body)


def test_link_under_a_poor_saved_backtest_gives_its_figures(run, write_lines, tmp_path):
    _linkable(run, write_lines)
    _save_backtest(tmp_path, {"top1": 0.5, "ece": 0.673, "queries": 4})
    result = run("link", "--all")
    said = " ".join(result.stderr.split())
    assert (
        "how far to trust these probabilities: this tenant's backtest gave top-1 50% of 4 "
        "held-out sessions (15%-85%) and calibration error 0.673: read a probability as a "
        "ranking, not as its value"
    ) in said


def test_link_under_a_good_saved_backtest_says_nothing_more(run, write_lines, tmp_path):
    _linkable(run, write_lines)
    _save_backtest(tmp_path, {"top1": 0.95, "ece": 0.04, "queries": 120})
    result = run("link", "--all")
    assert result.exit_code == 0
    assert "how far to trust" not in result.stderr


def test_a_person_of_another_tenant_is_named_with_the_command(run, write_lines):
    _ingest(run, write_lines, _failures("u-dmitri", 2), "--tenant", "opsbot")
    for command in ("show", "context", "predict"):
        result = run(command, "u-dmitri")
        assert result.exit_code == 4
        assert " ".join(result.stderr.split()) == (
            "persona6: error: person 'u-dmitri' is not known in tenant 'default' (no --tenant "
            "given: $PERSONA6_TENANT or 'default'); tenant 'opsbot' knows them: persona6 "
            f"{command} u-dmitri --tenant opsbot"
        )
    # A tenant given on the command line is not "no --tenant given".
    result = run("show", "u-dmitri", "--tenant", "other")
    assert "is not known in tenant 'other'; tenant 'opsbot' knows them" in result.stderr
    # Nobody anywhere: the message as before.
    result = run("show", "u-nobody")
    assert result.exit_code == 4
    assert "List people with: persona6 persons" in result.stderr
    assert "knows them" not in result.stderr


def test_why_in_the_wrong_tenant_names_the_tenant_that_knows_the_person(run, write_lines):
    """End-to-end review 8, I3: ``why u-lin TRAIT --tenant homewise`` said the trait "is not a
    trait of 'u-lin'", as though u-lin had other traits there; u-lin is carenote's."""
    _ingest(run, write_lines, _failures("u-dmitri", 2), "--tenant", "opsbot")
    shown = json.loads(run("show", "u-dmitri", "--tenant", "opsbot", "--json").output)
    trait = shown["traits"][0]["id"]
    assert run("why", "u-dmitri", trait, "--tenant", "opsbot").exit_code == 0
    result = run("why", "u-dmitri", trait, "--tenant", "homewise")
    assert result.exit_code == 4
    assert " ".join(result.stderr.split()) == (
        "persona6: error: person 'u-dmitri' is not known in tenant 'homewise'; tenant 'opsbot' "
        f"knows them: persona6 why u-dmitri {trait} --tenant opsbot"
    )
    # Known here, the trait not theirs: the message as before.
    _ingest(run, write_lines, _failures("u-dmitri", 1, 9), "--tenant", "homewise")
    result = run("why", "u-dmitri", "tr_nope", "--tenant", "homewise")
    assert result.exit_code == 4
    assert "trait 'tr_nope' is not a trait of 'u-dmitri'" in result.stderr


def test_a_saved_backtest_keeps_its_figures_for_link_to_give() -> None:
    from persona6 import Persona6, synth

    with Persona6(db=":memory:") as p6:
        p6.record(synth.generate(seed=0, people=4).events)
        p6.build()
        report = p6.backtest_linking(save=True)
        saved = p6.store.latest_identity_model(p6.tenant)
    assert saved is not None
    assert saved["fitted_on"]["backtest"] == {
        "top1": report.top1,
        "ece": report.ece,
        "ece_bound": report.ece_bound,
        "queries": report.queries,
    }
