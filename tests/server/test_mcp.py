"""The MCP server through the ``mcp`` client library: the tools and their schemas, briefs whose
evidence is in the store, recording then reading, linking a holdout session, errors as tool
errors; then the same server over stdio and streamable HTTP, launched as ``persona6 mcp``."""

from __future__ import annotations

import json
import math
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import anyio
import pytest
from click.testing import CliRunner
from mcp import Client, StdioServerParameters
from mcp.shared.exceptions import MCPError

from persona6 import Persona6, synth
from persona6.cli import main
from persona6.server.mcp import create_mcp_server

pytestmark = pytest.mark.anyio

PEOPLE = 6
TOOLS = {
    "get_user_context",
    "link_session",
    "predict_reaction",
    "record_event",
    "explain_trait",
    "get_person",
    "list_persons",
}
# Bounds every wire test: a hung server fails the test instead of the suite.
TIMEOUT_S = 20


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    """A built store of six synthetic people on file (each test works on its own copy)."""
    log = synth.generate(seed=4, people=PEOPLE)
    path = tmp_path_factory.mktemp("mcp") / "p6.db"
    with Persona6(db=path) as p6:
        p6.record(log.events)
        p6.build()
    return path, log.truth


@pytest.fixture
def db(world, tmp_path) -> Path:
    copy = tmp_path / "copy.db"
    copy.write_bytes(world[0].read_bytes())
    return copy


@pytest.fixture
def p6(db):
    engine = Persona6(db=db)
    yield engine
    engine.close()


@pytest.fixture
def person(world) -> dict:
    return world[1]["people"][0]


async def call(client: Client, tool: str, **arguments: object) -> dict:
    """The structured result of a tool call that must succeed."""
    result = await client.call_tool(tool, arguments)
    assert not result.is_error, result.content
    assert result.structured_content is not None
    return result.structured_content


async def error_text(client: Client, tool: str, **arguments: object) -> str:
    """The message of a tool call that must fail as a tool error."""
    result = await client.call_tool(tool, arguments)
    assert result.is_error
    return result.content[0].text


# -- the tools, in process -----------------------------------------------------------------


async def test_tools_are_listed_with_precise_schemas(p6):
    async with Client(create_mcp_server(p6)) as client:
        tools = {tool.name: tool for tool in (await client.list_tools()).tools}
    assert set(tools) == TOOLS
    assert all(tool.description for tool in tools.values())
    context = tools["get_user_context"].input_schema
    assert context["required"] == ["person_id"]
    assert context["properties"]["budget"] | {"description": ""} == {
        "type": "integer",
        "minimum": 40,
        "maximum": 100_000,
        "default": 400,
        "description": "",
    }
    threshold = tools["link_session"].input_schema["properties"]["threshold"]
    assert (threshold["exclusiveMinimum"], threshold["maximum"]) == (0.0, 1.0)
    one, many = tools["record_event"].input_schema["properties"]["event"]["anyOf"]
    assert set(one["required"]) == {"ts", "session_id", "type"}
    assert one["additionalProperties"] is False
    assert one["properties"]["type"]["enum"] == ["message", "action", "outcome", "identify"]
    assert many == {"type": "array", "items": {"type": "object"}, "minItems": 1}
    assert all(tool.input_schema["additionalProperties"] is False for tool in tools.values())
    outputs = {name: (tool.output_schema or {}).get("title") for name, tool in tools.items()}
    assert outputs["get_user_context"] == "Brief"
    assert outputs["link_session"] == "LinkDigest"
    assert outputs["predict_reaction"] == "ReactionDigest"
    assert outputs["explain_trait"] == "TraitChain"
    assert outputs["get_person"] == "PersonDigest"
    assert outputs["list_persons"] == "PersonList"
    assert outputs["record_event"] == "RecordReport"
    assert tools["get_user_context"].annotations.read_only_hint is True
    assert tools["record_event"].annotations.read_only_hint is False


async def test_context_items_cite_events_that_are_stored(p6, person):
    async with Client(create_mcp_server(p6)) as client:
        brief = await call(
            client, "get_user_context", person_id=person["person_id"], task="export the report"
        )
    assert brief["person_id"] == person["person_id"]
    assert brief["text"].startswith(f"# Brief: {person['person_id']}")
    assert 0 < brief["tokens"] <= 400
    cited = [event_id for item in brief["items"] for event_id in item["evidence"]]
    assert cited
    assert all(p6.store.event(p6.tenant, event_id) is not None for event_id in cited)


async def test_a_recorded_preference_is_in_the_next_context(p6, person):
    said = {
        "event_id": "evt-mcp-dark",
        "ts": "2026-06-01T09:00:00Z",
        "session_id": "s-mcp-1",
        "user_id": person["person_id"],
        "type": "message",
        "text": "I prefer dark mode over light mode.",
    }
    async with Client(create_mcp_server(p6)) as client:
        before = await call(client, "get_user_context", person_id=person["person_id"])
        recorded = await call(client, "record_event", event=said)
        again = await call(client, "record_event", event=[said])
        brief = await call(
            client,
            "get_user_context",
            person_id=person["person_id"],
            task="switch the theme to dark mode",
        )
    assert "evt-mcp-dark" not in json.dumps(before)
    assert recorded == {"received": 1, "stored": 1, "duplicates": 0, "conflict": None}
    assert again == {"received": 1, "stored": 0, "duplicates": 1, "conflict": None}
    assert p6.pending_events() == 0
    [item, *_] = [i for i in brief["items"] if "evt-mcp-dark" in i["evidence"]]
    assert item["kind"] == "preference"
    assert "prefers dark mode over light mode" in item["statement"]


async def test_link_session_decides_the_holdout_person(p6, world):
    truth = {p["holdout_anonymous_id"]: p["person_id"] for p in world[1]["people"]}
    async with Client(create_mcp_server(p6)) as client:
        results = {
            actor: await call(client, "link_session", anonymous_id=actor, detail=True)
            for actor in truth
        }
    assert sum(r["decision"] == truth[actor] for actor, r in results.items()) >= PEOPLE - 1
    first, digest = next(iter(results.items()))
    result = digest["detail"]
    assert digest["decision"] == result["decision"] == truth[first]
    assert [c["person_id"] for c in digest["candidates"]] == [
        c["person_id"] for c in result["candidates"][:3]
    ]
    best = result["candidates"][0]
    assert best["person_id"] == truth[first]
    assert best["probability"] >= result["threshold"]
    assert set(best["contributions"]) == {"texture", "content", "behaviour", "context"}
    quoted = [q for e in best["evidence"] for q in (*e["anonymous"], *e["person"])]
    assert quoted
    for quote in quoted:
        event = p6.store.event(p6.tenant, quote["event_id"])
        assert (event.text or "")[quote["start"] : quote["end"]] == quote["quote"]


async def test_predict_reaction_is_a_distribution_over_reactions(p6, person):
    async with Client(create_mcp_server(p6)) as client:
        prediction = await call(
            client, "predict_reaction", person_id=person["person_id"], failure="timeout"
        )
    assert prediction["person_id"] == person["person_id"]
    assert math.isclose(sum(prediction["distribution"].values()), 1.0, abs_tol=1e-4)
    assert "retry" in prediction["distribution"]
    assert prediction["episodes"]
    assert {"failure_event_id", "reaction"} <= set(prediction["episodes"][0])


async def test_explain_trait_gives_the_evidence_chain_of_a_listed_trait(p6, person):
    async with Client(create_mcp_server(p6)) as client:
        persons = await call(client, "list_persons")
        view = await call(client, "get_person", person_id=person["person_id"])
        trait = view["traits"][0]
        explanation = await call(
            client,
            "explain_trait",
            person_id=person["person_id"],
            trait_id=trait["id"],
            texts=True,
        )
    assert person["person_id"] in {p["person_id"] for p in persons["persons"]}
    assert explanation["trait"]["id"] == trait["id"]
    assert explanation["chain"]
    for link in explanation["chain"]:
        assert link["text"][link["start"] : link["end"]] == link["quote"]


async def test_person_resource_is_the_show_json_view(p6, person):
    async with Client(create_mcp_server(p6)) as client:
        read = await client.read_resource(f"persona6://persons/{person['person_id']}")
        with pytest.raises(MCPError, match="person 'u-nobody' is not known in tenant 'default'"):
            await client.read_resource("persona6://persons/u-nobody")
    view = json.loads(read.contents[0].text)
    assert view["person"]["person_id"] == person["person_id"]
    assert view["traits"]


async def test_library_errors_are_tool_errors_and_the_server_goes_on(p6, person):
    who = person["person_id"]
    async with Client(create_mcp_server(p6)) as client:
        unknown = await error_text(client, "get_user_context", person_id="u-nobody")
        no_trait = await error_text(client, "explain_trait", person_id=who, trait_id="tr_nope")
        known = await error_text(client, "link_session", anonymous_id=who)
        both = await error_text(
            client, "predict_reaction", person_id=who, failure="timeout", event_id="evt-1"
        )
        still = await call(client, "get_user_context", person_id=who)
    assert unknown == (
        "Error executing tool get_user_context: person 'u-nobody' is not known in tenant "
        "'default'. List people with: the list_persons tool"
    )
    assert no_trait.endswith(
        f"trait 'tr_nope' is not a trait of '{who}'. List them with: the get_person tool"
    )
    assert f"{who!r} is a known person's user_id, not an anonymous actor" in known
    assert known.endswith(
        "list them with: the list_persons tool (anonymous actors with traits are listed too). "
        f"To see what a session of {who!r} confirms, use: the get_person tool (the traits its "
        "sessions built)"
    )
    assert both.endswith(
        "predict: give failure or event_id, not both. event_id already says what failed"
    )
    assert still["person_id"] == who


async def test_errors_name_the_tools_arguments_and_tools_not_cli_flags_and_commands(p6, world):
    people = world[1]["people"]
    first, second = people[1], people[2]
    failure = first["failure_episodes"][0]["failure_event_id"]
    event = {
        "ts": "2026-06-01T09:00:00Z",
        "session_id": "s-mcp-3",
        "user_id": first["person_id"],
        "type": "message",
        "text": "hello",
        "tenant": "other",
    }
    async with Client(create_mcp_server(p6)) as client:
        bad_name = await error_text(
            client, "predict_reaction", person_id=first["person_id"], failure="!!"
        )
        not_theirs = await error_text(
            client, "predict_reaction", person_id=second["person_id"], event_id=failure
        )
        missing = await error_text(
            client, "predict_reaction", person_id=first["person_id"], event_id="evt-missing"
        )
        other_tenant = await error_text(client, "record_event", event=event)
    assert bad_name.endswith(
        "failure '!!' is not a failure name. Pass one like error, timeout or assistant_error"
    )
    assert not_theirs.endswith(
        f"event {failure!r} is a failure of {first['person_id']!r}, not of "
        f"{second['person_id']!r}. Run: predict_reaction with person_id "
        f"{first['person_id']!r} and event_id {failure!r}"
    )
    assert missing.endswith(
        "List the person's failures with: predict_reaction without event_id (its evidence "
        "cites their past failures)"
    )
    assert other_tenant == (
        "Error executing tool record_event: event: field 'tenant' 'other' names another "
        "tenant than the server's tenant 'default'. Record each tenant's events through a "
        "server of that tenant, or drop the field"
    )
    for text in (bad_name, not_theirs, missing, other_tenant):
        assert "--" not in text and "persona6 " not in text


async def test_a_bad_event_names_the_field_and_the_fix_and_stores_nothing(p6, person):
    good = {
        "ts": "2026-06-01T09:00:00Z",
        "session_id": "s-mcp-2",
        "user_id": person["person_id"],
        "type": "message",
        "text": "hello",
    }
    events_before = p6.stats().events
    async with Client(create_mcp_server(p6)) as client:
        bad_time = await error_text(client, "record_event", event=good | {"ts": "yesterday"})
        no_name = await error_text(
            client, "record_event", event=[good, good | {"type": "action", "text": None}]
        )
        typo = await error_text(client, "record_event", event=good | {"sesion_id": "s"})
    assert bad_time == (
        "Error executing tool record_event: event: field 'ts' 'yesterday' is not an ISO-8601 "
        "time. Write it like 2024-05-01T12:30:00Z or 2024-05-01T14:30:00+02:00"
    )
    assert no_name == (
        "Error executing tool record_event: event[1]: field 'name' is missing: an action event "
        "needs a name. Say what happened, e.g. command, submit, retry, error, timeout, success"
    )
    assert "event: field 'sesion_id'" in typo
    assert p6.stats().events == events_before


async def test_a_factory_engine_is_made_on_first_use_and_closed_with_the_server(db, person):
    made: list[Persona6] = []
    closed: list[Persona6] = []

    class Tracked(Persona6):
        def close(self) -> None:
            closed.append(self)
            super().close()

    def factory() -> Persona6:
        made.append(Tracked(db=db))
        return made[-1]

    server = create_mcp_server(factory)
    async with Client(server) as client:
        await client.list_tools()
        assert made == []
        await call(client, "get_user_context", person_id=person["person_id"])
        await call(client, "list_persons")
        assert len(made) == 1 and closed == []
    assert closed == made


def test_without_the_extra_the_command_names_the_install(monkeypatch, tmp_path):
    monkeypatch.delitem(sys.modules, "persona6.server.mcp")
    monkeypatch.setitem(sys.modules, "mcp.server.mcpserver", None)
    result = CliRunner().invoke(main, ["mcp", "--db", str(tmp_path / "p6.db")])
    assert result.exit_code == 6
    assert result.stderr == (
        "persona6: error: persona6 mcp needs the optional extra 'server'. Install it with: "
        "pip install 'persona6[server]'\n"
    )


# -- over the wire: `persona6 mcp` in a subprocess -----------------------------------------


async def test_stdio_transport_serves_the_tools(db, person):
    params = StdioServerParameters(
        command=sys.executable, args=["-m", "persona6", "mcp", "--db", str(db)]
    )
    with anyio.fail_after(TIMEOUT_S):
        async with Client(params) as client:
            names = {tool.name for tool in (await client.list_tools()).tools}
            brief = await call(client, "get_user_context", person_id=person["person_id"])
    assert names == TOOLS
    assert brief["items"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def test_streamable_http_serves_on_loopback_and_stops_on_interrupt(db, person):
    port = free_port()
    command = ["mcp", "--db", str(db), "--transport", "http", "--port", str(port)]
    server = subprocess.Popen(
        [sys.executable, "-m", "persona6", *command],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + TIMEOUT_S
        while True:
            assert server.poll() is None, server.stderr.read()
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "the server did not start listening"
                await anyio.sleep(0.1)
        with anyio.fail_after(TIMEOUT_S):
            async with Client(f"http://127.0.0.1:{port}/mcp") as client:
                recorded = await call(
                    client,
                    "record_event",
                    event={
                        "ts": "2026-06-01T09:00:00Z",
                        "session_id": "s-mcp-http",
                        "user_id": person["person_id"],
                        "type": "message",
                        "text": "Please keep answers short.",
                    },
                )
                brief = await call(client, "get_user_context", person_id=person["person_id"])
        server.send_signal(signal.SIGINT)
        assert server.wait(timeout=TIMEOUT_S) == 0
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    stderr = server.stderr.read()
    assert f"serving tenant 'default' of {db} at http://127.0.0.1:{port}/mcp" in stderr
    assert "Traceback" not in stderr
    assert recorded["stored"] == 1
    assert brief["person_id"] == person["person_id"]


async def test_an_event_id_reused_for_other_content_is_said_to_the_agent(p6, person):
    said = {
        "event_id": "evt-mcp-reused",
        "ts": "2026-06-02T09:00:00Z",
        "session_id": "s-mcp-2",
        "user_id": person["person_id"],
        "type": "message",
        "text": "first words",
    }
    async with Client(create_mcp_server(p6)) as client:
        await call(client, "record_event", event=said)
        again = await call(client, "record_event", event={**said, "text": "other words"})
    assert again["stored"] == 0
    assert again["conflict"] == (
        "api[0]: event_id 'evt-mcp-reused' is already stored (from api[0]) with another text"
    )
