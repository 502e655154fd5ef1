"""The MCP ``forget`` tool: absent unless the server is started to allow it; then it forgets an
event, a session or a person as the library does, with messages in the tools' own terms."""

from __future__ import annotations

import sys
from pathlib import Path

import anyio
import pytest
from mcp import Client, StdioServerParameters

from persona6 import Persona6, synth
from persona6.server.mcp import create_mcp_server

pytestmark = pytest.mark.anyio

TIMEOUT_S = 20


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    log = synth.generate(seed=5, people=3)
    path = tmp_path_factory.mktemp("mcp_forget") / "p6.db"
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
def who(world) -> str:
    return world[1]["people"][0]["person_id"]


async def _tools(server) -> dict:
    async with Client(server) as client:
        return {tool.name: tool for tool in (await client.list_tools()).tools}


async def _error(client: Client, **arguments: object) -> str:
    result = await client.call_tool("forget", arguments)
    assert result.is_error
    return result.content[0].text


async def test_forget_is_not_served_unless_allowed(p6):
    assert "forget" not in await _tools(create_mcp_server(p6))
    tool = (await _tools(create_mcp_server(p6, allow_forget=True)))["forget"]
    assert tool.annotations.destructive_hint is True
    assert tool.annotations.read_only_hint is False
    assert set(tool.input_schema["properties"]) == {"event_id", "session_id", "person_id"}
    assert tool.input_schema["additionalProperties"] is False
    assert tool.output_schema["title"] == "ForgetReport"


async def test_forgetting_a_session_removes_what_rested_on_it(p6, who):
    view = p6.person(who)
    trait = next(
        t for t in view.traits if len({e.session_id for e in p6.why(who, t.id).chain}) == 1
    )
    [session] = {link.session_id for link in p6.why(who, trait.id).chain}
    async with Client(create_mcp_server(p6, allow_forget=True)) as client:
        result = await client.call_tool("forget", {"session_id": session})
        assert not result.is_error, result.content
        report = result.structured_content
        again = await _error(client, session_id=session)
    assert report["events"] > 0 and report["sessions"] == 1 and report["persons"] >= 1
    assert trait.id not in {t.id for t in p6.person(who).traits}
    assert f"session {session!r}" in again


async def test_forgetting_a_person_leaves_nothing_of_them(p6, who):
    async with Client(create_mcp_server(p6, allow_forget=True)) as client:
        result = await client.call_tool("forget", {"person_id": who})
        assert not result.is_error, result.content
        gone = await client.call_tool("get_person", {"person_id": who})
    assert result.structured_content["events"] > 0
    assert gone.is_error
    assert who not in {p.person_id for p in p6.persons()}


async def test_forget_errors_name_the_tools_arguments(p6, who):
    async with Client(create_mcp_server(p6, allow_forget=True)) as client:
        none = await _error(client)
        both = await _error(client, event_id="evt-x", person_id=who)
        unknown = await _error(client, event_id="evt-nope")
    for message in (none, both):
        assert message == (
            "Error executing tool forget: give exactly one of event_id, session_id or person_id"
        )
    assert "--" not in unknown and "persona6 " not in unknown
    assert unknown.startswith("Error executing tool forget: event 'evt-nope' is not stored")
    assert unknown.endswith("List event ids with: the get_person tool (its traits cite event ids)")


async def test_the_command_serves_forget_only_with_its_flag(world):
    async def names(*flags: str) -> set[str]:
        params = StdioServerParameters(
            command=sys.executable, args=["-m", "persona6", "mcp", "--db", str(world[0]), *flags]
        )
        with anyio.fail_after(TIMEOUT_S):
            async with Client(params) as client:
                return {tool.name for tool in (await client.list_tools()).tools}

    assert "forget" not in await names()
    assert "forget" in await names("--allow-forget")
