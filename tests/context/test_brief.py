"""The brief: shape, relevance to the task, budget, conflicts, no history, bad input."""

from __future__ import annotations

import re

import pytest
from helpers import built_demo, polite_openai_chats

from persona6 import Persona6
from persona6.context import count_tokens
from persona6.context.relevance import brief_data, rank, stem
from persona6.errors import InvalidInput, InvalidOption


@pytest.fixture(scope="module")
def demo():
    yield from built_demo(0, 12)


def _by(truth, archetype):
    return next(p for p in truth["people"] if p["archetype"] == archetype)


def _chat(turns: list[tuple[str, str]], user: str = "u-1") -> list[dict]:
    events = []
    for n, (session, text) in enumerate(turns):
        events.append(
            {
                "event_id": f"e{n}",
                "ts": f"2026-03-01T10:{n:02d}:00Z",
                "session_id": session,
                "user_id": user,
                "type": "message",
                "text": text,
            }
        )
        events.append(
            {
                "ts": f"2026-03-01T10:{n:02d}:30Z",
                "session_id": session,
                "type": "message",
                "role": "assistant",
                "text": "Sure, here are some ideas.",
            }
        )
    return events


def _brief(turns: list[tuple[str, str]], task: str, budget: int):
    """The brief of the user of ``turns`` (one person chatting, built) for ``task``."""
    with Persona6(db=":memory:") as p6:
        p6.record(_chat(turns))
        p6.build()
        return p6.context("u-1", task=task, budget=budget)


def test_json_has_exactly_the_documented_keys(demo):
    p6, truth = demo
    brief = p6.context(_by(truth, "skeptic")["person_id"], task="check the churn report")
    shown = brief.model_dump(mode="json")
    assert set(shown) == {"person_id", "text", "tokens", "items"}
    assert all(set(i) == {"kind", "statement", "evidence"} for i in shown["items"])
    assert shown["tokens"] == count_tokens(shown["text"])


@pytest.mark.parametrize("budget", [40, 60, 100, 200, 400, 1000])
def test_the_brief_never_exceeds_its_budget(demo, budget):
    p6, truth = demo
    for person in truth["people"][:4]:
        brief = p6.context(person["person_id"], task="export the weekly report", budget=budget)
        assert brief.tokens <= budget
        assert count_tokens(brief.text) == brief.tokens


def test_user_items_cite_their_evidence_and_the_failure_plan_is_there(demo):
    p6, truth = demo
    brief = p6.context(_by(truth, "operator")["person_id"], budget=600)
    kinds = {i.kind for i in brief.items}
    assert {"archetype", "directive", "failure_plan"} <= kinds
    for item in brief.items:
        if item.kind not in ("assistant", "boundary", "note"):
            assert item.evidence, item
            assert item.evidence[0] in brief.text  # the JSON has them all


def test_directives_follow_the_archetype(demo):
    p6, truth = demo
    operator = p6.context(_by(truth, "operator")["person_id"], budget=600).text
    skeptic = p6.context(_by(truth, "skeptic")["person_id"], budget=600).text
    assert "Likely an operator" in operator and "lead with the command" in operator
    assert "Likely a skeptic" in skeptic and "Cite sources" in skeptic


def test_a_preference_said_in_passing_surfaces_for_a_task_that_touches_it():
    turns = [
        ("s-1", "Can you suggest some books about birds for my nephew?"),
        ("s-1", "I usually avoid places without gluten-free options because of my intolerance."),
        ("s-2", "I prefer spreadsheets over PDFs for the monthly numbers."),
        ("s-3", "I like to keep meetings short."),
        ("s-4", "I prefer dark mode in every app."),
    ]
    brief = _brief(turns, "Which restaurants in Rome should I try?", budget=80)
    known = [i for i in brief.items if i.kind in ("preference", "concern", "fact")]
    assert "e1" in known[0].evidence
    assert "e1" in brief.text


def test_a_standing_request_on_how_to_answer_is_kept_whatever_the_task():
    """ "No emojis" bears on every answer: it outranks traits the task does not touch."""
    turns = [
        ("s-1", "Draft the weekly report. No emojis."),
        ("s-2", "I prefer spreadsheets over PDFs for the monthly numbers."),
        ("s-3", "I like to keep meetings short."),
        ("s-4", "I prefer dark mode in every app."),
        ("s-5", "I love hiking in the Alps."),
    ]
    brief = _brief(turns, "Which restaurants in Rome should I try?", budget=120)
    assert "asks for no emojis" in brief.text
    assert "hiking" not in brief.text


def test_a_statement_backed_by_two_keys_is_said_once():
    turns = [
        ("s-1", "I prefer dark mode over light mode."),
        ("s-2", "Again: I prefer dark mode over light mode."),
    ]
    with Persona6(db=":memory:") as p6:
        p6.record(_chat(turns))
        p6.build()
        statements = {t.statement for t in p6.person("u-1").traits if t.kind == "preference"}
        brief = p6.context("u-1", task="pick a theme for the dashboard", budget=400)
    shown = [i.statement for i in brief.items if i.kind == "preference"]
    assert statements and len(shown) == len(set(shown))
    assert sum("dark mode over light mode" in s for s in shown) == 1


def test_the_user_layer_wins_a_conflict_on_strong_evidence_and_says_why(demo, tmp_path):
    p6, truth = demo
    pid = _by(truth, "operator")["person_id"]
    brief = p6.context(pid, budget=2000)
    # Their terseness wins over the default 'moderate', and "Keep answers short" says so: the
    # layer-composition line would say it twice (brief.v10).
    directives = [i.statement for i in brief.items if i.kind == "directive"]
    assert any(d.startswith("Keep answers short") for d in directives)
    assert not any(i.statement.startswith("verbosity:") for i in brief.items)
    spec = tmp_path / "strict.yaml"
    spec.write_text(
        "name: strict bot\nvoice: Formal.\ndefaults: {verbosity: moderate}\nuser_wins_at: 1.0\n"
    )
    brief = p6.context(pid, budget=2000, assistant=spec)
    assert "Voice (strict bot): Formal." in brief.text
    # The default wins on verbosity, so no directive says the opposite of it, and nothing
    # changes what the agent does by default: no line about it.
    directives = [i.statement for i in brief.items if i.kind == "directive"]
    assert not any(d.startswith("Keep answers short") for d in directives)
    assert not any(i.statement.startswith("verbosity:") for i in brief.items)
    # A value of theirs that changes the default and that no directive says gets its line.
    regular = _by(truth, "community_regular")["person_id"]
    spec.write_text("name: terse bot\nvoice: Terse.\ndefaults: {verbosity: concise}\n")
    brief = p6.context(regular, budget=2000, assistant=spec)
    conflict = next(i for i in brief.items if i.statement.startswith("verbosity:"))
    assert conflict.statement.startswith(
        "verbosity: the user layer wins (moderate, not the default 'concise'): their own "
        "evidence (conf "
    )


def test_a_person_with_no_history_gets_a_graceful_brief():
    with Persona6(db=":memory:") as p6:
        p6.record(
            [
                {
                    "ts": "2026-03-01T10:00:00Z",
                    "session_id": "s",
                    "user_id": "u-new",
                    "type": "outcome",
                    "name": "success",
                }
            ]
        )
        p6.build()
        brief = p6.context("u-new", task="set up billing", budget=200)
    assert brief.items[0].kind == "note"
    assert "No history yet" in brief.text
    assert brief.tokens <= 200


@pytest.mark.parametrize("budget", [0, 10, -5, 10**9])
def test_a_bad_budget_is_refused_with_the_fix(demo, budget):
    p6, truth = demo
    with pytest.raises(InvalidOption) as caught:
        p6.context(truth["people"][0]["person_id"], budget=budget)
    assert str(caught.value) == (
        f"--budget {budget!r} is not a token count from 40 to 100,000. Give the tokens the "
        "brief may use, e.g. --budget 400"
    )
    assert caught.value.render("http") == (
        f"budget {budget!r} is not a token count from 40 to 100,000. Give the tokens the "
        "brief may use, e.g. budget 400"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("voice: calm\n", "field 'name' is missing. Write e.g. name: support bot"),
        ("name: bot\nvoice: 3\n", "field 'voice' is 3, not text. Write e.g. voice: Calm, precise."),
        (
            "name: bot\nvoice: calm\ndefaults: {colour: blue}\n",
            "field 'defaults.colour' is not a dimension. Use one of: verbosity, lead, sources, "
            "tone",
        ),
        (
            "name: bot\nvoice: calm\nuser_wins_at: 2\n",
            "field 'user_wins_at' is 2, not a number from 0 to 1. Write e.g. 0.5",
        ),
        (
            "name: bot\nvoice: calm\nboundaries: never lie\n",
            "field 'boundaries' is not a list of sentences. Write e.g. boundaries: [Never ...]",
        ),
        (
            "name: bot\nvoice: calm\ntone: warm\n",
            "field 'tone' is not a spec field. Use only: name, voice, defaults, user_wins_at, "
            "boundaries",
        ),
    ],
)
def test_a_malformed_assistant_spec_names_file_field_and_fix(demo, tmp_path, text, message):
    p6, truth = demo
    path = tmp_path / "spec.yaml"
    path.write_text(text)
    with pytest.raises(InvalidInput) as caught:
        p6.context(truth["people"][0]["person_id"], assistant=path)
    assert str(caught.value) == f"{path}: {message}"


def test_an_assistant_spec_that_is_not_yaml_or_missing_is_named(demo, tmp_path):
    p6, truth = demo
    pid = truth["people"][0]["person_id"]
    path = tmp_path / "broken.yaml"
    path.write_text("name: [bot\n")
    with pytest.raises(InvalidInput) as caught:
        p6.context(pid, assistant=path)
    assert str(caught.value).startswith(f"{path}:2: is not valid YAML (")
    with pytest.raises(InvalidInput) as caught:
        p6.context(pid, assistant=tmp_path / "none.yaml")
    assert str(caught.value) == (
        f"{tmp_path / 'none.yaml'}: no such file. Check the path of the assistant spec, or "
        "leave --assistant out"
    )


def test_token_count_is_documented_and_additive_over_lines():
    assert count_tokens("Hello, world!") == 4
    assert count_tokens("internationalization") == 4
    assert count_tokens("evt-12345") == 4
    text = "- first line [e1]\n- second, longer line"
    assert count_tokens(text) == sum(count_tokens(line) for line in text.splitlines())


def test_word_forms_meet_and_concepts_expand():
    assert stem("allergies") == stem("allergy")
    assert stem("running") == stem("run")
    assert stem("restaurants") == stem("restaurant")
    scores = rank("good restaurants in Rome", ["I avoid gluten", "I prefer dark mode"])
    assert scores[0] > 0 and scores[1] == 0


def test_what_does_not_bear_on_the_task_is_not_said_to():
    """A fact with no word of the task is "also known", not under "What bears on the task"."""
    turns = [("s-1", "I prefer PDF exports for the portfolio."), ("s-2", "I'm vegetarian.")]
    text = _brief(turns, "export the portfolio as a PDF", budget=400).text
    bears = text.partition("## What bears on the task\n")[2].partition("## ")[0]
    assert "PDF exports" in bears and "vegetarian" not in bears
    assert "## Also known\n- is vegetarian (fact" in text
    # Without a task everything known is what they care about.
    whole = _brief(turns, "", budget=400).text
    assert "## What they care about" in whole and "Also known" not in whole


# At a small budget, what the task needs comes first (hand-written people, docs/context.md).

_EXPORTER = [
    ("s-1", "I work as an accountant and I write the monthly report for our board."),
    ("s-2", "The report export costs us too much on the current plan."),
    ("s-3", "I prefer PDF over Excel."),
    ("s-4", "I'm vegetarian."),
]


@pytest.mark.parametrize("budget", [40, 50, 70, 100, 150])
def test_the_form_the_task_needs_comes_before_facts_that_share_more_words(budget):
    """A fact and a cost mention share "report" and "export" with the task; the format the
    export should take shares only a word of its concept group, and still comes first."""
    brief = _brief(_EXPORTER, "export the report", budget=budget)
    assert brief.items[0].statement.startswith("prefers PDF over Excel (preference")
    if budget >= 50:
        assert brief.text.index("prefers PDF over Excel") < brief.text.index("mentions cost")


def test_a_form_of_output_bears_only_on_a_task_that_touches_it():
    text = _brief(_EXPORTER, "Which restaurants in Rome should I try?", budget=400).text
    assert "prefers PDF over Excel" in text.partition("## Also known\n")[2].partition("## ")[0]


def test_how_they_want_answers_bears_on_every_task():
    turns = [("s-1", "I prefer bullet points over long paragraphs."), ("s-2", "I'm vegetarian.")]
    text = _brief(turns, "plan a weekend in Lisbon", budget=60).text
    bears = text.partition("## What bears on the task\n")[2].partition("## ")[0]
    assert "prefers bullet points over long paragraphs" in bears
    assert "vegetarian" not in text  # known, but not worth a line of 60 tokens


def test_also_known_gets_only_what_is_left(tmp_path):
    """No "Also known" line while anything ranked before it was left out, even when the line
    would fit in the room a longer item left (here the assistant's long boundary)."""
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        "name: support bot\nvoice: Calm.\nboundaries:\n  - Never change, export or delete "
        "anything in a customer's workspace without first confirming the exact scope of the "
        "change with them in writing, in this conversation.\n"
    )
    turns = [
        ("s-1", "I prefer PDF over Excel."),
        ("s-2", "I'm vegan."),
        ("s-3", "The report export costs us too much."),
    ]
    with Persona6(db=":memory:") as p6:
        p6.record(_chat(turns))
        p6.build()
        whole = p6.context("u-1", task="export the report", budget=3000, assistant=spec)
        also = whole.text.partition("## Also known\n")[2].partition("## ")[0]
        assert "is vegan" in also
        before = {i.statement for i in whole.items if f"- {i.statement}" not in also}
        for budget in range(120, 220, 5):
            brief = p6.context("u-1", task="export the report", budget=budget, assistant=spec)
            shown = {i.statement for i in brief.items}
            if "Also known" in brief.text:
                assert before <= shown, budget


def _polite_brief(tmp_path, timed: bool) -> str:
    with Persona6(db=":memory:") as p6:
        p6.ingest(polite_openai_chats(tmp_path / "chats.jsonl", timed=timed), format="openai")
        p6.build()
        return p6.context("u-polite", task="add a label").text


def test_invented_message_times_say_nothing_of_speed_and_keep_what_was_said(tmp_path):
    # OpenAI chats without message times: the ingest spaces the messages one second apart.
    text = _polite_brief(tmp_path, timed=False)
    assert "They move fast" not in text and "within about" not in text
    assert "Likely a newcomer" in text and "Match their warmth" in text


def test_message_times_of_their_own_still_show_speed(tmp_path):
    text = _polite_brief(tmp_path, timed=True)
    assert "They move fast" in text and "within about 1 s" in text


# What was said once in passing is worth less to the agent than a stronger trait or a line that
# changes what it does (``passing_below`` in data/brief.yaml, docs/context.md).

_PASSING = [("s-1", "My history class loved the museum."), ("s-2", "I'm vegetarian.")]


_KNOWN_KINDS = ("preference", "concern", "fact", "decision", "topic")


def _passing(item) -> bool:
    if item.kind not in _KNOWN_KINDS:
        return False
    # "(preference, conf 0.84)", or with notes after it ("conf 0.84; replaces earlier ...")
    confidence = float(re.findall(r"conf (\d\.\d+)", item.statement)[0])
    return confidence < float(brief_data()["passing_below"])


@pytest.mark.parametrize("budget", [40, 50, 60, 80, 100, 150, 400])
def test_a_passing_mention_comes_after_stronger_traits_and_directives(budget):
    """ "my history class" (a weak signal) shares four words with the task, being vegetarian
    only a word of its concept group; the directive and the conflict the user wins change what
    the agent does. The passing mention gets only what is left after them."""
    brief = _brief(_PASSING, "Book lunch for the history class field trip", budget=budget)
    text = brief.text
    assert "is vegetarian (fact" in text
    passing = [i for i in brief.items if i.statement.startswith("has history class (fact")]
    assert all(_passing(i) for i in passing)
    if budget == 400:
        assert passing  # the whole brief says it
    if passing:
        assert "Keep answers short" in text  # says what the user layer wins: said once
        assert "verbosity: the user layer wins" not in text
        assert text.index("is vegetarian") < text.index("has history class")


@pytest.mark.parametrize("budget", [100, 150, 200, 300, 400])
def test_a_passing_mention_takes_no_room_a_stronger_line_needs(demo, budget):
    """Whenever a brief holds a passing mention, it holds every directive, conflict and
    stronger trait bearing on the task that the whole brief holds."""
    p6, truth = demo
    passing_in_whole = 0
    for person in truth["people"]:
        for task in ("export the weekly report", "plan a team offsite"):
            whole = p6.context(person["person_id"], task=task, budget=5000)
            bears = whole.text.partition("## What bears on the task\n")[2].partition("## ")[0]
            # Beside a stronger trait that bears on the task, a passing mention is known only
            # ("Also known", brief.v13): it takes the room left all the same.
            passing_in_whole += sum(_passing(i) for i in whole.items)
            brief = p6.context(person["person_id"], task=task, budget=budget)
            if not any(_passing(i) for i in brief.items):
                continue
            shown = {i.statement for i in brief.items}
            for item in whole.items:
                stronger = not _passing(item) and f"- {item.statement}" in bears
                if item.kind in ("directive", "conflict") or stronger:
                    assert item.statement in shown, (person["person_id"], task)
    assert passing_in_whole  # the demo's people have passing mentions


@pytest.mark.parametrize(
    ("preference", "statement"),
    [
        (
            "I prefer small patches with a test per change over one big refactor.",
            "prefers small patches with a test per change over one big refactor",
        ),
        (
            "I prefer explanations with a short example over final code.",
            "prefers explanations with a short example over final code",
        ),
        ("I prefer a unified diff over the whole file.", "prefers unified diff over whole file"),
    ],
)
def test_how_a_coding_answer_comes_bears_on_every_coding_task(
    preference: str, statement: str
) -> None:
    """A patch, a diff or a worked example is how a coding assistant answers (brief.v5): it
    bears on a fix that shares no word with it."""
    turns = [("s-1", preference), ("s-2", "I'm vegetarian."), ("s-3", preference)]
    text = _brief(turns, "fix the failing build in the payment module", budget=80).text
    bears = text.partition("## What bears on the task\n")[2].partition("## ")[0]
    assert statement in bears, text


def test_a_restriction_on_the_body_bears_on_planning_workouts() -> None:
    """What a trainer told the person to avoid, and why, shares no word with "plan next week's
    dinners and workouts"; the fitness and health concepts (brief.yaml, brief.v6: trainer,
    shoulder, presses, impingement) make it bear on the plan."""
    turns = [
        (
            "s-1",
            "My trainer told me to avoid overhead presses because of my right shoulder "
            "impingement.",
        ),
        ("s-2", "I collect vintage postcards from Lisbon."),
    ]
    text = _brief(turns, "plan next week's dinners and workouts", budget=120).text
    bears = text.partition("## What bears on the task\n")[2].partition("## ")[0]
    assert "avoid overhead presses" in bears, text
    assert "postcards" not in bears


def test_a_preference_for_thorough_explanations_bears_on_every_task() -> None:
    """Explanations and summaries are what an answer is made of (brief.v7): "prefers thorough
    explanations to short summaries" bears on a lesson that shares no word with it."""
    turns = [
        ("s-1", "I prefer thorough explanations to short summaries."),
        ("s-2", "I collect vintage postcards from Lisbon."),
    ]
    text = _brief(turns, "prepare today's lesson", budget=80).text
    bears = text.partition("## What bears on the task\n")[2].partition("## ")[0]
    assert "prefers thorough explanations to short summaries" in bears, text
