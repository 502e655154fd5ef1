"""The HTTP service's engines of one tenant share one linker (its identity index), lent to one
engine at a time (TenantEngines.linking): concurrent links give the serial answers, no pooled
engine keeps an index of its own, and a forget drops the shared one (it held the forgotten
evidence)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from fastapi.testclient import TestClient
from server.conftest import Served

from persona6.server.api import create_app


def _linkers(client: TestClient) -> tuple[object, list[object]]:
    """(the tenant's shared linker, the linkers its pooled engines hold)."""
    state = client.app.state.engines._tenants["acme"]
    return state.linker, [e.__dict__.get("_identity_linker") for e in state.idle]


def test_concurrent_links_share_one_index_and_give_the_serial_answers(served: Served):
    people = served.truth["people"]
    actors = [p["holdout_anonymous_id"] for p in people]
    with TestClient(create_app(served.db, engines_per_tenant=4)) as client:

        def link(actor: str) -> dict:
            response = client.post("/v1/link", json={"anonymous_id": actor}, headers=served.acme)
            assert response.status_code == 200, response.text
            return response.json()

        def brief(person: str) -> str:
            response = client.get(f"/v1/persons/{person}/context", headers=served.acme)
            assert response.status_code == 200, response.text
            return response.json()["text"]

        serial = {actor: link(actor) for actor in actors}
        shared, held = _linkers(client)
        assert shared is not None and held == [None]
        calls = [(link, a) for a in actors * 3] + [(brief, p["person_id"]) for p in people]
        calls += [(brief, a) for a in actors]
        with ThreadPoolExecutor(6) as threads:
            answers = list(threads.map(lambda c: (c[1], c[0](c[1])), calls))
        for actor, answer in answers:
            if isinstance(answer, dict):
                assert answer == serial[actor]
        state = client.app.state.engines._tenants["acme"]
        assert state.created > 1  # several engines served the tenant at once
        shared_after, held = _linkers(client)
        assert shared_after is shared  # one index for the tenant, kept between requests
        assert held == [None] * state.created  # none of the engines keeps one of its own
        assert client.get("/v1/links", headers=served.acme).status_code == 200
        assert _linkers(client)[0] is shared


def test_a_forget_drops_the_shared_linker_and_the_next_link_makes_one(served: Served):
    actor = served.truth["people"][2]["holdout_anonymous_id"]
    event = {
        "ts": "2030-02-01T00:00:00Z",
        "session_id": "s-pool-forget",
        "anonymous_id": "anon-pool-forget",
        "type": "message",
        "role": "user",
        "text": "Hi, please cancel my order.",
    }
    with TestClient(create_app(served.db)) as client:
        sent = client.post(
            "/v1/events",
            json=[event, {**event, "ts": "2030-02-01T00:01:00Z", "text": "Thanks."}],
            headers=served.acme,
        )
        assert sent.status_code == 200, sent.text
        first = client.post("/v1/link", json={"anonymous_id": actor}, headers=served.acme).json()
        shared = _linkers(client)[0]
        assert shared is not None
        found = client.get(
            "/v1/events", params={"actor": "anon-pool-forget"}, headers=served.acme
        ).json()
        forgot = client.delete(f"/v1/events/{found[0]['event_id']}", headers=served.acme)
        assert forgot.status_code == 200, forgot.text
        assert _linkers(client) == (None, [None])
        again = client.post("/v1/link", json={"anonymous_id": actor}, headers=served.acme).json()
        assert _linkers(client)[0] not in (None, shared)
        assert again == first
