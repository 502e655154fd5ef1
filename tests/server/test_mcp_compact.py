"""What the MCP tools answer by default is what an agent needs mid-conversation: a few claims,
strongest first, each with an event id and one short quote that the store bears out; the rest
behind arguments (``limit``, ``quotes``, ``kinds``, ``detail``, ``texts``). One JSON document per
call, argument errors in the HTTP API's shape, and a pointer to the probable person in the brief
of an anonymous actor no link ties to anyone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from mcp import Client

from persona6 import Persona6, synth
from persona6.server.mcp import QUOTE_CHARS, _rounded, create_mcp_server

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    """A built store of six synthetic people, each with a held-out anonymous session."""
    log = synth.generate(seed=4, people=6)
    path = tmp_path_factory.mktemp("mcp_compact") / "p6.db"
    with Persona6(db=path) as p6:
        p6.record(log.events)
        p6.build()
    return path, log.truth


@pytest.fixture
def p6(world, tmp_path):
    copy = tmp_path / "copy.db"
    copy.write_bytes(world[0].read_bytes())
    engine = Persona6(db=copy)
    yield engine
    engine.close()


@pytest.fixture
def person(world) -> dict:
    return world[1]["people"][0]


async def answer(client: Client, tool: str, **arguments: object) -> dict:
    """The result of a call that must succeed, checked to be one compact JSON text block that
    says what the structured content says."""
    result = await client.call_tool(tool, arguments)
    assert not result.is_error, result.content
    [block] = result.content
    assert json.loads(block.text) == result.structured_content
    assert "\n  " not in block.text  # not indented
    return result.structured_content


async def error_text(client: Client, tool: str, **arguments: object) -> str:
    result = await client.call_tool(tool, arguments)
    assert result.is_error
    return result.content[0].text


def assert_cited(p6: Persona6, cited: dict) -> None:
    """A quote is the event's own words (cut with … when long); an attribute, key=value that
    the event carries."""
    event = p6.store.event(p6.tenant, cited["event_id"])
    assert event is not None
    quote = cited["quote"]
    assert len(quote) <= QUOTE_CHARS + 1
    if quote.removesuffix("…") in (event.text or ""):
        return
    key, sep, value = quote.partition("=")
    assert sep and str(event.attrs.get(key)) == value, (quote, event)


async def test_get_person_shows_the_strongest_active_traits_with_one_quote_each(p6, person):
    who = person["person_id"]
    view = p6.person(who)
    active = [t for t in view.traits if t.status == "active"]
    async with Client(create_mcp_server(p6)) as client:
        digest = await answer(client, "get_person", person_id=who)
        styles = await answer(client, "get_person", person_id=who, kinds=["style"], quotes=3)
        everything = await answer(client, "get_person", person_id=who, limit=1000, inactive=True)
        full = await client.read_resource(f"persona6://persons/{who}")
    traits = digest["traits"]
    assert len(traits) == min(12, len(active)) and digest["matching"] == len(active)
    assert [t["confidence"] for t in traits] == sorted(
        (t["confidence"] for t in traits), reverse=True
    )
    assert traits[0]["confidence"] == max(t.confidence for t in active)
    assert {t["status"] for t in traits} == {"active"}
    assert all(len(t["evidence"]) == 1 for t in traits)
    for trait in traits:
        assert_cited(p6, trait["evidence"][0])
    assert sum(digest["by_kind"].values()) == len(active)
    assert digest["note"].startswith(f"{len(traits)} of {len(active)} active traits")
    assert styles["traits"] and {t["kind"] for t in styles["traits"]} == {"style"}
    assert any(len(t["evidence"]) > 1 for t in styles["traits"])
    assert len(everything["traits"]) == len(view.traits)
    # The resource keeps the whole view, for clients that attach it.
    assert len(json.loads(full.contents[0].text)["traits"]) == len(view.traits)


async def test_link_session_cites_matches_for_the_decided_person_only(p6, world):
    truth = {p["holdout_anonymous_id"]: p["person_id"] for p in world[1]["people"]}
    async with Client(create_mcp_server(p6)) as client:
        digests = {a: await answer(client, "link_session", anonymous_id=a) for a in truth}
        detailed = await answer(client, "link_session", anonymous_id=next(iter(truth)), detail=True)
    attributes = 0
    for actor, digest in digests.items():
        assert digest["decision"] == truth[actor]
        assert digest["detail"] is None
        assert digest["note"] == (
            f"Probably {truth[actor]}, not linked: briefs of {actor} hold their own history "
            "only. Merging them is the product's decision, not a tool here."
        )
        assert 1 <= len(digest["candidates"]) <= 3
        for candidate in digest["candidates"]:
            assert set(candidate["contributions"]) == {"texture", "content", "behaviour", "context"}
            if candidate["person_id"] != digest["decision"]:
                # Another person's words never reach the agent serving this actor.
                assert candidate["evidence"] == [], candidate
                continue
            assert 1 <= len(candidate["evidence"]) <= 3
            for item in candidate["evidence"]:
                # Every match shown is cited on both sides, attributes included.
                assert item["anonymous"] is not None and item["person"] is not None, item
                assert_cited(p6, item["anonymous"])
                assert_cited(p6, item["person"])
                assert p6.store.event(p6.tenant, item["anonymous"]["event_id"]).actor == actor
                attributes += "=" in item["feature"] and item["family"] == "context"
    assert attributes  # the synthetic log's device and locale attributes are among them
    assert detailed["detail"]["anonymous_id"] == detailed["anonymous_id"]
    assert len(detailed["detail"]["candidates"]) >= len(detailed["candidates"])


async def test_predict_reaction_gives_the_distribution_a_line_and_three_episodes(p6, world):
    who = next(p for p in world[1]["people"] if len(p["failure_episodes"]) > 3)["person_id"]
    async with Client(create_mcp_server(p6)) as client:
        digest = await answer(client, "predict_reaction", person_id=who, failure="timeout")
        detailed = await answer(
            client, "predict_reaction", person_id=who, failure="timeout", detail=True
        )
    probabilities = list(digest["distribution"].values())
    assert probabilities == sorted(probabilities, reverse=True)
    assert abs(sum(probabilities) - 1) < 0.01
    assert digest["failure"] == "timeout"
    assert digest["rests_on"].startswith(f"their own {digest['episodes_total']} past failures")
    assert len(digest["episodes"]) == 3 < digest["episodes_total"]
    assert digest["episodes"] == detailed["detail"]["evidence"][:3]
    assert digest["detail"] is None and set(detailed["detail"]["basis"]) >= {"person"}
    assert "tilts nothing" not in digest["rests_on"]


async def test_a_failure_name_no_episode_holds_is_said_in_the_line(p6, person):
    async with Client(create_mcp_server(p6)) as client:
        digest = await answer(
            client, "predict_reaction", person_id=person["person_id"], failure="time out"
        )
    assert digest["rests_on"].endswith(
        "; no failure 'time_out' is in this tenant's log, so what failed tilts nothing: the "
        "distribution is that of any failure. Check the name against the outcome names "
        "recorded (as the product records them, such as error or timeout)"
    )


async def test_explain_trait_leaves_whole_texts_out_unless_asked(p6, person):
    who = person["person_id"]
    trait = max(p6.person(who).traits, key=lambda t: len(t.evidence))
    async with Client(create_mcp_server(p6)) as client:
        short = await answer(client, "explain_trait", person_id=who, trait_id=trait.id, limit=2)
        whole = await answer(
            client, "explain_trait", person_id=who, trait_id=trait.id, limit=1000, texts=True
        )
    assert short["trait"]["id"] == trait.id and short["links"] == len(whole["chain"])
    assert len(short["chain"]) == min(2, short["links"])
    assert all(link["text"] is None for link in short["chain"])
    assert all(
        link["text"][link["start"] : link["end"]] == link["quote"] for link in whole["chain"]
    )


async def test_list_persons_is_one_json_document(p6):
    async with Client(create_mcp_server(p6)) as client:
        listed = await answer(client, "list_persons")
    assert listed["count"] == len(listed["persons"]) == len(p6.persons())


async def test_arguments_outside_the_schema_get_the_http_message_shape(p6, person):
    who = person["person_id"]
    async with Client(create_mcp_server(p6)) as client:
        budget = await error_text(client, "get_user_context", person_id=who, budget=5)
        missing = await error_text(client, "get_user_context")
        kind = await error_text(client, "get_person", person_id=who, kinds=["moods"])
    assert budget == (
        "Error executing tool get_user_context: budget: Input should be greater than or equal "
        "to 40 (given 5). Fix the arguments as the tool's input schema describes"
    )
    assert missing == (
        "Error executing tool get_user_context: person_id: Field required. Fix the arguments "
        "as the tool's input schema describes"
    )
    assert kind.startswith("Error executing tool get_person: kinds.0: Input should be ")
    assert "'moods'" in kind
    for text in (budget, missing, kind):
        assert "pydantic" not in text and "http" not in text and "\n" not in text


async def test_an_anonymous_actors_brief_names_who_they_probably_are_and_merges_nothing(
    p6, world, person
):
    actor, known = person["holdout_anonymous_id"], person["person_id"]
    async with Client(create_mcp_server(p6)) as client:
        brief = await answer(client, "get_user_context", person_id=actor, task="export")
        briefs = {
            budget: await answer(client, "get_user_context", person_id=actor, budget=budget)
            for budget in (120, 90, 60)
        }
        theirs = await answer(client, "get_user_context", person_id=known)
    heading, section, line, *_ = brief["text"].split("\n")
    assert (heading, section) == (f"# Brief: {actor}", "## Probably a known person")
    assert line.startswith(f"- Probably {known} (p 0.9")
    assert line.endswith(
        ", not linked): link_session says why. This brief is their own history only: "
        f"merging them into {known} is the product's decision, not a tool here."
    )
    assert "persona6 " not in brief["text"]  # no command line the agent cannot run
    note = brief["items"][0]
    assert note["kind"] == "note" and line == f"- {note['statement']}"
    assert note["evidence"]
    assert all(p6.store.event(p6.tenant, e).actor == actor for e in note["evidence"])
    assert brief["tokens"] <= 400
    # A smaller budget keeps a shorter line, then leaves it out.
    for budget, brief in briefs.items():
        assert brief["tokens"] <= budget
    assert "the product's decision" in briefs[120]["text"]
    assert "link_session says why.\n" in briefs[90]["text"]
    assert "Probably a known person" not in briefs[60]["text"]
    assert "Probably a known person" not in theirs["text"]
    assert p6.links(actor) == []  # nothing merged


# -- API review 7: arguments a tool does not take, the order of checks, notes, sizes ---------


async def test_an_argument_a_tool_does_not_take_is_refused_by_name(p6, person):
    async with Client(create_mcp_server(p6)) as client:
        misspelt = await error_text(
            client, "get_user_context", person_id=person["person_id"], taks="export CSV"
        )
        several = await error_text(client, "list_persons", limit=3, kinds=["style"])
    assert misspelt == (
        "Error executing tool get_user_context: argument 'taks': not an argument of "
        "get_user_context, which takes the arguments person_id, task, budget. Fix the "
        "arguments as the tool's input schema describes"
    )
    assert several == (
        "Error executing tool list_persons: arguments 'limit', 'kinds': not arguments of "
        "list_persons, which takes no arguments. Fix the arguments as the tool's input schema "
        "describes"
    )


async def test_explain_trait_names_an_unknown_person_before_the_trait(p6):
    async with Client(create_mcp_server(p6)) as client:
        text = await error_text(client, "explain_trait", person_id="u-nobody", trait_id="tr_x")
    assert text == (
        "Error executing tool explain_trait: person 'u-nobody' is not known in tenant "
        "'default'. List people with: the list_persons tool"
    )


async def test_a_linked_actors_link_note_is_one_sentence_for_the_agent(p6, person):
    actor = person["anonymous_ids"][0]  # identified in its first session
    [link] = p6.links(actor)
    async with Client(create_mcp_server(p6)) as client:
        digest = await answer(client, "link_session", anonymous_id=actor)
    assert digest["note"] == (
        f"{actor} is linked to {person['person_id']} already (by identify "
        f"{link.evidence_event_id}): get_user_context and predict_reaction answer for {actor} "
        f"as {person['person_id']}."
    )
    assert digest["linked"] == person["person_id"]


async def test_the_tool_definitions_are_compact(p6):
    async with Client(create_mcp_server(p6)) as client:
        tools = (await client.list_tools()).tools
    size = {
        tool.name: (len(json.dumps(tool.input_schema)), len(json.dumps(tool.output_schema)))
        for tool in tools
    }
    listed = json.dumps(
        [tool.model_dump(mode="json", by_alias=True, exclude_none=True) for tool in tools]
    )
    # Was 34 KB: record_event's input 5.7 KB (the envelope twice), link_session's output 8.3 KB
    # (the library's whole LinkResult spelt out for detail).
    assert len(listed) < 22_000
    assert size["record_event"][0] < 2_200
    assert size["link_session"][1] < 3_200
    assert all('"title"' not in json.dumps(tool.input_schema) for tool in tools)


async def test_the_other_side_of_a_contrast_comes_after_every_other_trait(tmp_path):
    """'I prefer bullet points over long paragraphs' is two traits resting on one span: the
    compact view gives the chosen side its slot and the other side the last one (API review
    7, D12: two facts took four of the twelve slots)."""
    lines = [
        "I prefer bullet points over long paragraphs.",
        "I would rather get CSV exports than Excel files.",
        "I manage a team of four analysts.",
        "Could you check the totals again?",
    ]
    events = [
        {
            "ts": f"2026-03-0{day}T10:0{n}:00Z",
            "session_id": f"s-{day}",
            "user_id": "u-1",
            "type": "message",
            "role": "user",
            "text": text,
        }
        for day in (1, 2, 3)
        for n, text in enumerate(lines)
    ]
    with Persona6(db=tmp_path / "p6.db") as p6:
        p6.record(events)
        p6.build()
        async with Client(create_mcp_server(p6)) as client:
            digest = await answer(client, "get_person", person_id="u-1", limit=1000)
    statements = [t["statement"] for t in digest["traits"]]
    against = [i for i, s in enumerate(statements) if s.startswith("against ")]
    assert against and len(against) < len(statements)
    assert against == list(range(len(statements) - len(against), len(statements)))
    assert f"The other side of {len(against)} contrast" in digest["note"]


def test_a_predicted_distribution_rounded_to_three_decimals_still_sums_to_one():
    # Each rounded alone, these eight sum to 1.003 (predict_reaction gave 1.001 on a demo).
    shares = [0.1256] * 7 + [0.1208]
    named = [(f"r{i}", p) for i, p in enumerate(shares)]
    assert round(sum(round(p, 3) for p in shares), 3) == 1.003
    rounded = _rounded(named, 3)
    assert list(rounded) == [name for name, _ in named]  # the order given
    assert round(sum(rounded.values()), 9) == 1.0
    assert all(abs(rounded[name] - p) < 0.001 for name, p in named)
    assert _rounded([("a", 0.5), ("b", 0.25), ("c", 0.25)], 3) == {"a": 0.5, "b": 0.25, "c": 0.25}


async def test_predict_reaction_counts_every_past_episode_not_the_ten_it_lists(p6, world):
    # episodes_total is all their past episodes (the basis's count, as rests_on says it), not
    # the length of the evidence, which stops at ten (a docs review: 10 against rests_on's 11).
    who = max(world[1]["people"], key=lambda p: len(p["failure_episodes"]))["person_id"]
    async with Client(create_mcp_server(p6)) as client:
        digest = await answer(client, "predict_reaction", person_id=who, detail=True)
    own = digest["detail"]["basis"]["person"]["episodes"]
    assert len(digest["detail"]["evidence"]) == 10 < own
    assert digest["episodes_total"] == own
    assert digest["rests_on"].startswith(f"their own {own} past failures")
