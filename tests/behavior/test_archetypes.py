"""Archetypes: soft membership from the taxonomy, user taxonomies, and malformed files."""

from __future__ import annotations

import pytest
from helpers import built_demo, polite_openai_chats

from persona6 import Persona6
from persona6.behavior.archetypes import load_taxonomy, packaged
from persona6.errors import InvalidInput


@pytest.fixture(scope="module")
def demo():
    yield from built_demo(0, 12)


def test_the_top_archetype_is_the_generators_for_most_people(demo):
    p6, truth = demo
    right = sum(
        p6.archetypes(p["person_id"]).archetypes[0].archetype == p["archetype"]
        for p in truth["people"]
    )
    assert right / len(truth["people"]) >= 0.9


def test_memberships_sum_to_one_and_cues_cite_evidence(demo):
    p6, truth = demo
    found = p6.archetypes(truth["people"][0]["person_id"])
    assert abs(sum(a.membership for a in found.archetypes) - 1) < 1e-3
    top = found.archetypes[0]
    shown = [c for c in top.cues if c.strength > 0]
    assert shown and all(c.evidence for c in shown)
    assert any(c.traits for c in shown)  # style cues name the trait they rest on


def test_a_user_taxonomy_adds_an_archetype_without_code(demo, tmp_path):
    p6, truth = demo
    path = tmp_path / "mine.yaml"
    path.write_text(
        "archetypes:\n"
        "  night_owl:\n"
        "    description: works late\n"
        "    cues:\n"
        "      - {name: works in the evening, style: time_of_day, value: evening}\n"
    )
    found = p6.archetypes(truth["people"][2]["person_id"], archetypes=path)
    names = {a.archetype for a in found.archetypes}
    assert names == {
        "skeptic",
        "operator",
        "community_regular",
        "newcomer",
        "moderator",
        "night_owl",
    }
    assert found.taxonomy.endswith(str(path))


def test_replace_true_keeps_only_the_users_archetypes(tmp_path):
    path = tmp_path / "only.yaml"
    path.write_text("replace: true\narchetypes:\n  a: {cues: [{reaction: retry}]}\n")
    assert [a.name for a in load_taxonomy(path).archetypes] == ["a"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "archetypes:\n  a: {cues: [{reaction: retry, weight: heavy}]}\n",
            "field 'archetypes.a.cues[0].weight' is 'heavy', not a number. Write a number, "
            "e.g. 1.0",
        ),
        (
            "archetypes:\n  a: {cues: [{mood: happy}]}\n",
            "field 'archetypes.a.cues[0]' names 0 cue kinds (none). Give exactly one of: "
            "style, reaction, fast_reaction_s, sessions, action_share, says",
        ),
        (
            "archetypes:\n  a: {cues: [{says: ['(unclosed']}]}\n",
            "field 'archetypes.a.cues[0].says[0]' is not a valid regular expression "
            "(missing ), unterminated subpattern at position 0). Fix the pattern (Python re "
            "syntax)",
        ),
        (
            "archetypes:\n  a: {cues: [{sessions: {from: 3}}]}\n",
            "field 'archetypes.a.cues[0].sessions' is {'from': 3}, not a ramp. Write it as "
            "{from: 2, to: 10}",
        ),
        (
            "archetypes:\n  a: {cues: [{style: asks_for_sources, weight: .nan}]}\n",
            "field 'archetypes.a.cues[0].weight' is nan, not a finite number. Write a number, "
            "e.g. 1.0",
        ),
        (
            "archetypes:\n  a: {cues: []}\n",
            "field 'archetypes.a.cues' is missing or empty. List at least one cue",
        ),
        (
            "colour: blue\narchetypes: {}\n",
            "field 'colour' is not a taxonomy field. Use version, temperature, reliability, "
            "replace and archetypes",
        ),
    ],
)
def test_a_malformed_taxonomy_names_file_field_and_fix(tmp_path, text, message):
    path = tmp_path / "bad.yaml"
    path.write_text(text)
    with pytest.raises(InvalidInput) as caught:
        load_taxonomy(path)
    assert str(caught.value) == f"{path}: {message}"


def test_a_taxonomy_that_is_not_yaml_says_the_line(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("archetypes:\n  a: [unclosed\n")
    with pytest.raises(InvalidInput) as caught:
        load_taxonomy(path)
    assert str(caught.value).startswith(f"{path}:3: is not valid YAML (")
    assert str(caught.value).endswith("). Fix the YAML syntax")


def test_a_missing_taxonomy_file_is_named(tmp_path):
    with pytest.raises(InvalidInput) as caught:
        load_taxonomy(tmp_path / "nope.yaml")
    assert str(caught.value) == (
        f"{tmp_path / 'nope.yaml'}: no such file. Check the path of the archetype file"
    )


@pytest.mark.parametrize(
    ("text", "shared"),
    [
        ("Good to see you again!", True),
        ("As we discussed last time, the export is monthly.", True),
        ("Okay, I'll try again.", False),
        ("It failed again.", False),
    ],
)
def test_shared_history_is_meeting_again_not_trying_again(text: str, shared: bool) -> None:
    regular = next(a for a in packaged().archetypes if a.name == "community_regular")
    cue = next(c for c in regular.cues if c.name == "refers to shared history")
    assert any(p.search(text) for p in cue.patterns) is shared


@pytest.mark.parametrize(
    ("text", "shared"),
    [
        ("Last time we talked you suggested the digest.", True),
        ("You helped me with this exact export last week.", True),
        ("Like we did last month, send it to everyone.", True),
        ("Remember the afternoon we spent on that bug?", True),
        ("Good to be back! The chart we made together was a hit.", True),
        ("Hi again, nice to be here.", True),
        ("Can you total last week's invoices?", False),
        ("The import crashed last time I ran it.", False),
        ("It broke like last time.", False),
        ("The bug is back again.", False),
        ("Put together a summary of the tickets.", False),
        ("SELECT region, SUM(amount) FROM invoices GROUP BY region", False),
        ("Add the auditor to the group.", False),
        ("We're on the community edition.", False),
    ],
)
def test_shared_history_is_a_past_shared_with_others_not_a_time_of_things(
    text: str, shared: bool
) -> None:
    regular = next(a for a in packaged().archetypes if a.name == "community_regular")
    cue = next(c for c in regular.cues if c.name == "refers to shared history")
    assert any(p.search(text) for p in cue.patterns) is shared


def test_a_taxonomy_path_that_is_a_folder_is_named(tmp_path):
    with pytest.raises(InvalidInput) as caught:
        load_taxonomy(tmp_path)
    assert (
        str(caught.value) == f"{tmp_path}: is a folder, not a file. Pass the path of one YAML file"
    )


def test_a_taxonomy_that_is_not_utf8_names_the_line_and_the_fix(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("archetypes:\n  caf\xe9: {cues: []}\n".encode("latin-1"))
    with pytest.raises(InvalidInput) as caught:
        load_taxonomy(path)
    assert str(caught.value) == (
        f"{path}:2: is not valid UTF-8 (byte b'\\xe9' at byte offset 17). Re-encode the file "
        "as UTF-8, e.g. iconv -f latin1 -t utf-8 IN > OUT"
    )


# A short history is not a behaviour: five sessions of a skeptic's or an operator's ways are
# not a newcomer's (hand-written people; docs/behavior.md, "Few sessions").

_ADMIN = [
    "Where is the data retention period documented? I need it for the audit.",
    "Please set the EU workspace to keep logs for 90 days.",
    "What's the source for the claim that backups are encrypted?",
    "Add the new auditor to the compliance group.",
    "Where is it written down that deleted records are purged?",
]
_NEWCOMER = [
    "Sorry if this is a dumb question, how do I connect my spreadsheet?",
    "How do I invite my teammate?",
    "Is there a tutorial for beginners?",
]


def _event(ts: str, session: str, user: str | None, kind: str, text: str, **more: str) -> dict:
    """One event; no user makes it the assistant's message."""
    role = {"role": "assistant"} if user is None else {"user_id": user}
    return {"ts": ts, "session_id": session, "type": kind, "text": text, **role, **more}


def _it_admin(user: str = "u-admin") -> list[dict]:
    """Five sessions: asks where things are documented and for sources, sets things up."""
    events = []
    for n, text in enumerate(_ADMIN):
        day, session = f"2026-03-0{n + 1}T09:00", f"adm-{n}"
        events.append(_event(f"{day}:00Z", session, user, "message", text))
        events.append(_event(f"{day}:30Z", session, None, "message", "Done: see Settings > Data."))
    return events


def _cli_user(user: str = "u-cli") -> list[dict]:
    """Five sessions: runs a command, gets an error, fixes it without asking."""
    events = []
    for n in range(5):
        day, session = f"2026-03-1{n}T22", f"cli-{n}"
        command = "p6 export invoices --since 7d --format csv"
        fixed = "My mistake, the flag is --from, not --since. Fixed it myself."
        events += [
            _event(f"{day}:00:00Z", session, user, "action", command, name="command"),
            _event(f"{day}:00:30Z", session, user, "outcome", "unknown flag --since", name="error"),
            _event(f"{day}:02:40Z", session, user, "message", fixed),
            _event(f"{day}:05:30Z", session, user, "outcome", "exported 212 rows", name="success"),
        ]
    return events


def _newcomer(user: str, sessions: int) -> list[dict]:
    """How-to questions, one a session."""
    events = []
    for n in range(sessions):
        day, session = f"2026-04-0{n + 1}T14:00", f"{user}-{n}"
        events.append(_event(f"{day}:00Z", session, user, "message", _NEWCOMER[n % 3]))
        events.append(
            _event(f"{day}:30Z", session, None, "message", "Open Settings, then Members.")
        )
    return events


@pytest.fixture(scope="module")
def five_sessions():
    with Persona6(db=":memory:") as p6:
        p6.record(_it_admin() + _cli_user() + _newcomer("u-new", 5) + _newcomer("u-new2", 2))
        p6.build()
        yield p6


@pytest.mark.parametrize(("person", "archetype"), [("u-admin", "skeptic"), ("u-cli", "operator")])
def test_five_sessions_do_not_make_a_newcomer_of_another_archetype(
    five_sessions, person, archetype
):
    found = five_sessions.archetypes(person).archetypes
    assert found[0].archetype == archetype
    newcomer = next(a for a in found if a.archetype == "newcomer")
    few = next(c for c in newcomer.cues if c.cue == "few sessions")
    assert (few.strength, few.detail) == (round(0.65**5, 4), "5 sessions")


@pytest.mark.parametrize("person", ["u-new", "u-new2"])
def test_a_newcomer_with_a_short_history_is_still_one(five_sessions, person):
    assert five_sessions.archetypes(person).archetypes[0].archetype == "newcomer"


def test_sessions_few_is_what_behaviour_cannot_show_yet(tmp_path):
    path = tmp_path / "few.yaml"
    path.write_text("archetypes:\n  new: {cues: [{name: new here, sessions: few}]}\n")
    (cue,) = next(a for a in load_taxonomy(path).archetypes if a.name == "new").cues
    assert (cue.kind, cue.key) == ("sessions", "few")
    path.write_text("archetypes:\n  new: {cues: [{sessions: many}]}\n")
    with pytest.raises(InvalidInput) as caught:
        load_taxonomy(path)
    assert str(caught.value) == (
        f"{path}: field 'archetypes.new.cues[0].sessions' is 'many', not a ramp or few. Write "
        "it as {from: 2, to: 10}, or few"
    )


# A courteous newcomer greets and thanks in every session: courtesy is no community, and saying
# one is new is a newcomer's own word for it (archetypes.v4; docs/behavior.md, "Saying one is new").

_POLITE_NEWCOMER = [
    ("Hi there! I only just registered, could you explain what a board is?", "Thanks a lot!"),
    ("Good afternoon! Is there a way to change the colour of a card?", "Thank you so much!"),
    ("Hello! Sorry to bother you again, could you show me where the archive is?", "Thanks!"),
    ("Hi! I'm fairly new to project tools. Would you walk me through adding a due date?", "Great!"),
    ("Good morning! I'm still getting the hang of it. Can you tell me how labels work?", "Thanks!"),
]


def _polite_newcomer(user: str = "u-polite") -> list[dict]:
    events = []
    for n, (ask, thanks) in enumerate(_POLITE_NEWCOMER):
        day, session = f"2026-05-0{n + 1}T18", f"pol-{n}"
        events.append(_event(f"{day}:00:00Z", session, user, "message", ask))
        events.append(_event(f"{day}:01:00Z", session, None, "message", "Open the menu, top left."))
        events.append(_event(f"{day}:03:30Z", session, user, "message", thanks))
    return events


def test_a_courteous_newcomer_is_no_community_regular():
    with Persona6(db=":memory:") as p6:
        p6.record(_polite_newcomer())
        p6.build()
        found = p6.archetypes("u-polite").archetypes
    assert found[0].archetype == "newcomer"
    newcomer = next(a for a in found if a.archetype == "newcomer")
    new = next(c for c in newcomer.cues if c.cue == "says they are new")
    assert new.detail == "3 of 5 sessions with messages"


# Chats in the OpenAI format with no time per message: the ingest spaces the messages one second
# apart to keep their order, which once made the polite newcomer above an operator "at a fast
# pace" who "reacts within seconds" (0.38). Those seconds measure nothing.


def _archetypes(tmp_path, timed: bool) -> tuple[str, dict[str, tuple[float, str]]]:
    """The polite newcomer's top archetype, and the operator's cues (strength, detail)."""
    with Persona6(db=":memory:") as p6:
        p6.ingest(polite_openai_chats(tmp_path / "chats.jsonl", timed=timed), format="openai")
        p6.build()
        found = p6.archetypes("u-polite").archetypes
    operator = next(a for a in found if a.archetype == "operator")
    return found[0].archetype, {c.cue: (c.strength, c.detail) for c in operator.cues}


def test_invented_message_times_show_no_fast_pace_and_no_fast_reactions(tmp_path):
    top, cues = _archetypes(tmp_path, timed=False)
    assert top == "newcomer"
    assert cues["works at a fast pace"] == (0.0, "0 of 5 sessions")
    assert cues["reacts within seconds"] == (0.0, "0 of 0 reactions within 10 s")


def test_message_times_of_their_own_one_second_apart_are_fast(tmp_path):
    _, cues = _archetypes(tmp_path, timed=True)
    assert cues["works at a fast pace"][1] == "5 of 5 sessions"
    assert cues["reacts within seconds"][1] == "5 of 5 reactions within 10 s"


@pytest.mark.parametrize(
    ("text", "new"),
    [
        ("I just signed up yesterday.", True),
        ("I'm still learning.", True),
        ("Sorry, I'm quite new here.", True),
        ("I'm new to SQL, how do I join two tables?", True),
        ("We're a new customer, where do I add users?", True),
        ("I'm a complete beginner with spreadsheets.", True),
        ("I've never used a CRM before.", True),
        ("This is my first week using it.", True),
        ("I'm looking for the new dashboard.", False),
        ("Is the new export ready?", False),
        ("I just started the import, it's running.", False),
        ("I'm learning Spanish in the evenings.", False),
    ],
)
def test_saying_one_is_new_is_read_in_general_forms(text: str, new: bool) -> None:
    newcomer = next(a for a in packaged().archetypes if a.name == "newcomer")
    cue = next(c for c in newcomer.cues if c.name == "says they are new")
    assert any(p.search(text) for p in cue.patterns) is new
