"""predict, archetypes, context and backtest on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from persona6 import synth
from persona6.behavior.predict import PersonStrength
from persona6.cli import main


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "p6.db"
    log = synth.generate(seed=5, people=4)
    events = tmp_path_factory.mktemp("in") / "events.jsonl"
    synth.write(log, events.parent)
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(events), "--db", str(path)]).exit_code == 0
    assert runner.invoke(main, ["build", "--db", str(path)]).exit_code == 0
    return str(path), log.truth


def _run(*args):
    return CliRunner().invoke(main, list(args))


def test_predict_json(db):
    path, truth = db
    person = truth["people"][1]
    identified = {s["session_id"] for s in person["sessions"] if s["kind"] == "identified"}
    failure = [
        e["failure_event_id"] for e in person["failure_episodes"] if e["session_id"] in identified
    ][-1]
    result = _run("predict", person["person_id"], "--event", failure, "--json", "--db", path)
    assert result.exit_code == 0, result.output
    shown = json.loads(result.output)
    assert set(shown) == {"person_id", "distribution", "expected_latency_s", "basis", "evidence"}


def test_context_markdown_and_json(db):
    path, truth = db
    pid = truth["people"][0]["person_id"]
    text = _run("context", pid, "--task", "check the numbers", "--db", path)
    assert text.exit_code == 0 and text.output.startswith(f"# Brief: {pid}\n")
    shown = json.loads(_run("context", pid, "--budget", "150", "--json", "--db", path).output)
    assert set(shown) == {"person_id", "text", "tokens", "items"} and shown["tokens"] <= 150


def test_archetypes_and_backtest_print_tables(db):
    path, truth = db
    result = _run("archetypes", truth["people"][0]["person_id"], "--db", path)
    assert result.exit_code == 0 and "membership" in result.output
    cues = [line for line in result.output.splitlines() if line.startswith("  ")]
    assert cues and all(": strength " in line and " × weight " in line for line in cues)
    result = _run("backtest", "reactions", "--db", path)
    assert result.exit_code == 0 and "population prior" in result.output


def test_errors_are_one_line_with_their_exit_codes(db):
    path, truth = db
    result = _run("predict", "nobody", "--db", path)
    assert result.exit_code == 4
    assert result.output.startswith("persona6: error: person 'nobody' is not known")
    result = _run("context", truth["people"][0]["person_id"], "--budget", "5", "--db", path)
    assert result.exit_code == 2
    assert "--budget 5 is not a token count from 40 to 100,000" in result.output
    assert "Traceback" not in result.output


def test_predict_says_what_the_failure_named_did_to_the_prediction(db):
    """A named failure that no past episode shares, or whose kind has not told reactions
    apart here, leaves the prediction as for any failure: the output says which, and why."""
    path, truth = db
    pid = truth["people"][0]["person_id"]
    unseen = _run("predict", pid, "--failure", "no_such_failure", "--db", path)
    assert unseen.exit_code == 0, unseen.output
    assert (
        "no past episode has failure:no_such_failure, so it does not tilt the prediction"
        in " ".join(unseen.output.split())
    )
    shown = json.loads(_run("predict", pid, "--failure", "timeout", "--json", "--db", path).output)
    context = shown["basis"]["context"]
    text = " ".join(_run("predict", pid, "--failure", "timeout", "--db", path).output.split())
    n = context["features"]["failure:timeout"]
    if "failure:timeout" in context["ignored"]:
        assert f"left out: failure:timeout ({n} past episodes)" in text
    else:
        assert f"tilted by the failure's context: failure:timeout ({n} past episodes)" in text


def test_one_episode_is_said_in_the_singular(tmp_path):
    log = Path(__file__).parent.parent / "identity" / "data" / "four_people.jsonl"
    path = str(tmp_path / "p6.db")
    assert _run("ingest", str(log), "--db", path).exit_code == 0
    assert _run("build", "--db", path).exit_code == 0
    result = _run("predict", "u-mara", "--db", path)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("u-mara: 1 own failure episode, ")


def test_predict_says_how_much_the_persons_own_reactions_weigh(db):
    """The strength of a person's own habit (kappa_p) is the tenant's: the table says what it is
    and what it was estimated on, as the JSON's basis does."""
    path, truth = db
    pid = truth["people"][0]["person_id"]
    shown = json.loads(_run("predict", pid, "--json", "--db", path).output)
    kappa = shown["basis"]["person"]["kappa"]
    text = _run("predict", pid, "--db", path).output
    weight = shown["basis"]["person"]["prior_weight"]
    assert f"own reactions weigh against {weight:.3g} archetype episodes" in text
    strength = PersonStrength(
        float(kappa["value"]),
        kappa["source"] == "estimated",
        int(kappa["persons"]),
        int(kappa["episodes"]),
    )
    if strength.estimated:
        assert f"episodes of {kappa['persons']} persons of this tenant" in text
    elif strength.too_few():
        assert "the packaged default: too few episodes to estimate it" in text
    else:  # tested on the tenant's episodes and kept
        assert (
            f"the packaged default, {kappa['value']:g}: tested on {kappa['episodes']} episodes "
            f"of {kappa['persons']} persons of this tenant"
        ) in text
