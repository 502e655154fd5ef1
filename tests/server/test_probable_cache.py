"""Who an anonymous actor probably is (the brief's "Probably a known person" line) is linked
once per actor while the tenant's linking data stands (hints.ProbableCache), over HTTP and
MCP: briefs in a row do not re-link; a build, a link, an unlink or a forget in between does,
and the answer is then what linking says now."""

from __future__ import annotations

import pytest
from server.conftest import Served

from persona6 import Persona6
from persona6.server import hints
from persona6.server.hints import ProbableCache


@pytest.fixture
def links(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The actors ``Persona6.link`` is called for, in order (every engine of the process)."""
    called: list[str] = []
    link = Persona6.link

    def counted(self: Persona6, anonymous_id: str, **kwargs: object):
        called.append(anonymous_id)
        return link(self, anonymous_id, **kwargs)

    monkeypatch.setattr(Persona6, "link", counted)
    return called


def _line(served: Served, actor: str, **params: object) -> str | None:
    response = served.client.get(f"/v1/persons/{actor}/context", params=params, headers=served.acme)
    assert response.status_code == 200, response.text
    lines = response.json()["text"].split("\n")
    return lines[2] if lines[1] == f"## {hints.PROBABLE_HEADING}" else None


def test_briefs_in_a_row_link_once_and_every_write_of_the_tenant_links_again(
    served: Served, links: list[str]
):
    person = served.truth["people"][0]
    actor, known = person["holdout_anonymous_id"], person["person_id"]
    first = _line(served, actor, task="export")
    assert first is not None and first.startswith(f"- Probably {known} (p ")
    assert _line(served, actor) == first
    assert _line(served, actor, task="renew the plan", budget=300) == first
    assert links == [actor]  # three briefs, one link

    # Recording an event moves no linking data (linking reads the built graph): no link.
    event = {
        "ts": "2030-01-01T00:00:00Z",
        "session_id": "s-probable-cache",
        "anonymous_id": "anon-probable-cache",
        "type": "message",
        "role": "user",
        "text": "Hello there, I need help with an export.",
    }
    later = {**event, "ts": "2030-01-01T00:01:00Z", "text": "Thanks, that worked."}
    sent = served.client.post("/v1/events", json=[event, later], headers=served.acme)
    assert sent.status_code == 200
    assert _line(served, actor) == first
    assert links == [actor]

    # A build does.
    assert served.client.post("/v1/build", headers=served.acme).status_code == 200
    assert _line(served, actor) == first
    assert links == [actor] * 2

    # A merge: the actor is the person now, and no line says "probably".
    body = {"anonymous_id": actor, "person_id": known}
    assert served.client.post("/v1/links", json=body, headers=served.acme).status_code == 200
    assert _line(served, actor) is None
    # Undone: linked again, and the line is back.
    unlink = served.client.post("/v1/unlink", json={"anonymous_id": actor}, headers=served.acme)
    assert unlink.status_code == 200, unlink.text
    assert _line(served, actor) == first
    calls = len(links)
    assert _line(served, actor) == first and len(links) == calls

    # A forget, of another actor's event (not the last recorded: SQLite would give the next
    # event its seq again, below the build's watermark).
    forgot = served.client.delete(
        "/v1/events/" + _event_of(served, "anon-probable-cache"), headers=served.acme
    )
    assert forgot.status_code == 200, forgot.text
    assert _line(served, actor) == first
    assert len(links) == calls + 1


def _event_of(served: Served, actor: str) -> str:
    found = served.client.get("/v1/events", params={"actor": actor}, headers=served.acme).json()
    return found[0]["event_id"]


def test_a_known_person_or_an_actor_linking_cannot_weigh_is_not_linked(
    served: Served, links: list[str]
):
    known = served.truth["people"][1]["person_id"]
    assert _line(served, known) is None
    assert links == []  # a known person: nothing to link


@pytest.mark.anyio
@pytest.mark.parametrize("anyio_backend", ["asyncio"])
async def test_mcp_briefs_in_a_row_link_once_and_a_build_links_again(
    served: Served, links: list[str], anyio_backend: str
):
    from mcp import Client

    from persona6.server.mcp import create_mcp_server

    person = served.truth["people"][1]
    actor, known = person["holdout_anonymous_id"], person["person_id"]
    with Persona6(db=served.db, tenant="acme") as p6:
        async with Client(create_mcp_server(p6)) as client:
            texts = [
                (
                    await client.call_tool("get_user_context", {"person_id": actor})
                ).structured_content["text"]
                for _ in range(3)
            ]
            assert links == [actor]
            assert p6.record([{**_event(), "session_id": "s-mcp-cache"}]) == 1
            again = await client.call_tool("get_user_context", {"person_id": actor})
    assert texts[0] == texts[1] == texts[2] == again.structured_content["text"]
    assert f"- Probably {known} (p " in texts[0]
    assert links == [actor] * 2


def _event() -> dict:
    return {
        "ts": "2030-01-03T00:00:00Z",
        "session_id": "s-probable-cache",
        "anonymous_id": "anon-probable-cache",
        "type": "message",
        "role": "user",
        "text": "Hello there, I need help with an export.",
    }


def test_the_cache_keeps_the_latest_answers_up_to_its_limit(served: Served):
    cache = ProbableCache(limit=2)
    made: list[str] = []

    def make(actor: str) -> hints.Probable:
        made.append(actor)
        return hints.Probable("u-1", 0.9, ())

    with Persona6(db=served.db, tenant="acme") as p6:
        for actor in ["a", "b", "a", "c", "b", "a"]:
            cache.get(p6, actor, lambda actor=actor: make(actor))
    # a, b made; a kept; c made (b dropped, least recently asked); b made (a dropped); a made
    assert made == ["a", "b", "c", "b", "a"]
