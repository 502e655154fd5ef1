"""The HTTP API over each backend: keys, tenant isolation on every endpoint, ingest, the graph,
the runtime answers and forgetting."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from server.conftest import Served, bearer

from persona6.server import keys
from persona6.server.api import MAX_EVENTS_PER_REQUEST, create_app
from persona6.store import open_store


def _person(served: Served) -> dict:
    return served.truth["people"][0]


def _trait_id(served: Served, person_id: str) -> str:
    view = served.client.get(f"/v1/persons/{person_id}", headers=served.acme).json()
    return view["traits"][0]["id"]


# -- keys ---------------------------------------------------------------------------------------


def test_a_request_without_a_key_gets_401_saying_how_to_get_one(served: Served):
    response = served.client.get("/v1/persons")
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    error = response.json()["error"]
    assert error["code"] == "unauthorized"
    assert "Authorization: Bearer KEY" in error["message"]
    assert "persona6 keys create --tenant" in error["message"]


@pytest.mark.parametrize(
    "key",
    ["nonsense", "p6_0000000000000000_" + "a" * 43, "p6_zz_short"],
)
def test_an_unknown_or_malformed_key_gets_401(served: Served, key: str):
    response = served.client.get("/v1/persons", headers=bearer(key))
    assert response.status_code == 401
    assert "unknown, malformed or revoked" in response.json()["error"]["message"]


def test_a_revoked_key_stops_working(served: Served):
    with open_store(served.db) as store:
        made = keys.create_key(store, "acme", "short-lived")
    assert served.client.get("/v1/stats", headers=bearer(made.key)).status_code == 200
    with open_store(served.db) as store:
        keys.revoke_key(store, made.key_id)
    assert served.client.get("/v1/stats", headers=bearer(made.key)).status_code == 401


def test_only_the_hash_of_a_key_is_stored(served: Served):
    with open_store(served.db) as store:
        made = keys.create_key(store, "acme")
        rows = store.api_keys("acme")
    stored = next(row for row in rows if row.key_id == made.key_id)
    # the secret is all after "p6_<key_id>_": token_urlsafe may hold "_" itself, so splitting
    # at the last "_" could leave a character or two, found in any hex digest by chance
    secret = made.key.removeprefix(f"p6_{made.key_id}_")
    assert len(secret) >= 40
    assert secret not in stored.secret_hash and made.key != stored.secret_hash
    assert len(stored.secret_hash) == 64


# -- tenant isolation: every endpoint -------------------------------------------------------------

# Each route and how a rival tenant's key tries to reach acme's data through it.
RIVAL_CALLS = {
    ("POST", "/v1/events"): "events",
    ("POST", "/v1/build"): "build",
    ("GET", "/v1/stats"): "stats",
    ("GET", "/v1/persons"): "persons",
    ("GET", "/v1/persons/{person_id}"): "person",
    ("GET", "/v1/persons/{person_id}/traits/{trait_id}"): "trait",
    ("GET", "/v1/persons/{person_id}/context"): "context",
    ("GET", "/v1/persons/{person_id}/predict"): "predict",
    ("GET", "/v1/persons/{person_id}/archetypes"): "archetypes",
    ("GET", "/v1/persons/{person_id}/export"): "export",
    ("POST", "/v1/link"): "link",
    ("DELETE", "/v1/persons/{person_id}"): "delete person",
    ("DELETE", "/v1/sessions/{session_id}"): "delete session",
    ("DELETE", "/v1/events/{event_id}"): "delete event",
}


def test_the_isolation_tests_cover_every_endpoint(served: Served):
    paths = served.client.get("/openapi.json").json()["paths"]
    routes = {
        (method.upper(), path)
        for path, item in paths.items()
        for method in item
        if path != "/healthz"
    }
    assert set(RIVAL_CALLS) <= routes  # the rest: test_api_parity.py, which checks them all


@pytest.mark.parametrize("route", sorted(RIVAL_CALLS), ids=lambda r: f"{r[0]} {r[1]}")
def test_a_key_never_reaches_another_tenants_data(served: Served, route):
    client, rival = served.client, served.rival
    person = _person(served)
    person_id = person["person_id"]
    session_id = served.events[0]["session_id"]
    event_id = served.events[0]["event_id"]
    what = RIVAL_CALLS[route]
    failure = next(
        e["event_id"]
        for e in served.events
        if e["type"] == "outcome" and e.get("user_id") == person_id
    )
    calls = {
        "events": lambda: client.post(
            "/v1/events", json=[{**served.events[0], "tenant": "acme"}], headers=rival
        ),
        "build": lambda: client.post("/v1/build", headers=rival),
        "stats": lambda: client.get("/v1/stats", headers=rival),
        "persons": lambda: client.get("/v1/persons", headers=rival),
        "person": lambda: client.get(f"/v1/persons/{person_id}", headers=rival),
        "trait": lambda: client.get(
            f"/v1/persons/{person_id}/traits/{_trait_id(served, person_id)}", headers=rival
        ),
        "context": lambda: client.get(f"/v1/persons/{person_id}/context", headers=rival),
        "predict": lambda: client.get(
            f"/v1/persons/{person_id}/predict", params={"event": failure}, headers=rival
        ),
        "archetypes": lambda: client.get(f"/v1/persons/{person_id}/archetypes", headers=rival),
        "export": lambda: client.get(f"/v1/persons/{person_id}/export", headers=rival),
        "link": lambda: client.post(
            "/v1/link", json={"anonymous_id": person["holdout_anonymous_id"]}, headers=rival
        ),
        "delete person": lambda: client.delete(f"/v1/persons/{person_id}", headers=rival),
        "delete session": lambda: client.delete(f"/v1/sessions/{session_id}", headers=rival),
        "delete event": lambda: client.delete(f"/v1/events/{event_id}", headers=rival),
    }
    response = calls[what]()
    body = response.json()
    if what == "events":
        assert response.status_code == 403
        assert body["error"]["code"] == "tenant_mismatch"
        assert body["error"]["message"].endswith(
            "names another tenant than the API key's tenant 'rival'. Send each tenant's "
            "events with an API key of that tenant, or drop the field"
        )
    elif what == "build":
        assert response.status_code == 200 and body["tenant"] == "rival"
        assert body["events"] == 0 and body["traits"] == 0
    elif what == "stats":
        assert body["tenant"] == "rival" and body["events"] == 0
    elif what == "persons":
        assert body == []
    else:
        assert response.status_code == 404, (what, body)
        assert body["error"]["code"] == "not_found"
        assert "acme" not in body["error"]["message"]
        # in the API's terms: no command-line flags or commands
        assert "--" not in body["error"]["message"], body
        assert "persona6 " not in body["error"]["message"], body
    # acme's data is untouched whatever the rival tried
    own = client.get(f"/v1/persons/{person_id}", headers=served.acme)
    assert own.status_code == 200 and own.json()["traits"]
    assert client.get("/v1/stats", headers=served.acme).json()["events"] == len(served.events)


# -- ingest ---------------------------------------------------------------------------------------


def _fresh_event(n: int, **fields) -> dict:
    return {
        "event_id": f"api-{n}",
        "ts": "2026-01-01T10:00:00Z",
        "session_id": "api-session",
        "user_id": "api-user",
        "type": "message",
        "role": "user",
        "text": f"message number {n}",
        **fields,
    }


def test_events_are_accepted_as_ndjson_and_stored_once(served: Served):
    body = "\n".join(json.dumps(_fresh_event(n)) for n in range(3)) + "\n"
    headers = {**served.rival, "Content-Type": "application/x-ndjson"}
    first = served.client.post("/v1/events", content=body, headers=headers).json()
    assert first == {
        "received": 3,
        "stored": 3,
        "duplicates": 0,
        "conflicts": 0,
        "first_conflict": None,
        "pending_events": 3,
    }
    again = served.client.post("/v1/events", content=body, headers=headers).json()
    assert again["stored"] == 0 and again["duplicates"] == 3 and again["conflicts"] == 0
    served.client.delete("/v1/sessions/api-session", headers=served.rival)


def test_an_event_id_reused_for_other_content_is_reported_not_stored(served: Served):
    headers = served.rival
    served.client.post("/v1/events", json=[_fresh_event(20)], headers=headers)
    reused = _fresh_event(20, text="something else entirely")
    answer = served.client.post("/v1/events", json=[reused], headers=headers).json()
    assert answer["stored"] == 0 and answer["duplicates"] == 1
    assert answer["conflicts"] == 1
    assert answer["first_conflict"] == (
        "events[0]: event_id 'api-20' is already stored (from events[0]) with another text"
    )
    served.client.delete("/v1/sessions/api-session", headers=served.rival)


def test_a_bad_event_is_refused_with_where_and_what_and_nothing_is_stored(served: Served):
    events = [_fresh_event(10), _fresh_event(11, ts="yesterday at noon")]
    response = served.client.post("/v1/events", json=events, headers=served.rival)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "invalid_event"
    assert error["message"].startswith("events[1]: field 'ts' 'yesterday at noon'")
    stats = served.client.get("/v1/stats", headers=served.rival).json()
    assert stats["events"] == 0  # all or none: the good event before it was not kept


@pytest.mark.parametrize(
    ("body", "content_type", "message"),
    [
        (b"", "application/json", "request body: is empty. Send a JSON array of events"),
        (b'[{"event_id": ', "application/json", "request body: is not valid JSON"),
        (b"\xff\xfe", "application/json", "request body: is not UTF-8"),
        (b"[1, 2]", "application/json", "events[0]: is a JSON int, not an object"),
        (b'{"a": 1}\nnot json\n', "application/x-ndjson", "request body, line 2: is not valid"),
        (
            b"[" * 100_000 + b"]" * 100_000,
            "application/json",
            "request body: is nested too deeply to read (hundreds of levels of brackets). "
            "Send events whose attrs nest a few levels, not hundreds",
        ),
        (
            b'[{"ts": "2026-01-01T00:00:00Z", "session_id": "s", "user_id": "u", "type": '
            b'"message", "attrs": {"a": ' + b"[" * 500 + b"]" * 500 + b"}}]",
            "application/json",
            "events[0]: field 'attrs' is nested too deeply to read (hundreds of levels of "
            "brackets)",
        ),
        (
            b'[{"ts": "0001-01-01T00:00:00+01:00", "session_id": "s", "user_id": "u", '
            b'"type": "message"}]',
            "application/json",
            "events[0]: field 'ts' '0001-01-01T00:00:00+01:00' is out of range: in UTC it "
            "falls before 0001-01-01 or after 9999-12-31",
        ),
    ],
)
def test_an_unreadable_body_gets_422_with_a_fix(served, body, content_type, message):
    response = served.client.post(
        "/v1/events", content=body, headers={**served.rival, "Content-Type": content_type}
    )
    assert response.status_code == 422
    assert response.json()["error"]["message"].startswith(message)


def test_too_many_events_in_one_request_get_413(served: Served):
    events = [{"event_id": str(n)} for n in range(MAX_EVENTS_PER_REQUEST + 1)]
    response = served.client.post("/v1/events", json=events, headers=served.rival)
    assert response.status_code == 413
    assert "Send them in several requests" in response.json()["error"]["message"]


# -- the graph and the runtime answers ------------------------------------------------------------


def test_a_persons_traits_quote_their_events_exactly(served: Served):
    person_id = _person(served)["person_id"]
    view = served.client.get(f"/v1/persons/{person_id}", headers=served.acme).json()
    texts = {e["event_id"]: e.get("text") for e in served.events}
    assert view["person"]["person_id"] == person_id
    quoted = [ev for trait in view["traits"] for ev in trait["evidence"] if ev["quote"]]
    assert quoted
    for evidence in quoted:
        assert (
            texts[evidence["event_id"]][evidence["start"] : evidence["end"]] == (evidence["quote"])
        )
    trait = view["traits"][0]
    why = served.client.get(
        f"/v1/persons/{person_id}/traits/{trait['id']}", headers=served.acme
    ).json()
    assert why["trait"]["id"] == trait["id"] and why["chain"]


def test_the_context_cites_stored_events_within_its_budget(served: Served):
    person_id = _person(served)["person_id"]
    response = served.client.get(
        f"/v1/persons/{person_id}/context",
        params={"task": "fix the failing export", "budget": 200},
        headers=served.acme,
    )
    brief = response.json()
    assert response.status_code == 200
    assert brief["person_id"] == person_id and brief["tokens"] <= 200
    ids = {e["event_id"] for e in served.events}
    cited = [i for item in brief["items"] for i in item["evidence"]]
    assert cited and set(cited) <= ids


def test_a_budget_out_of_range_is_refused_with_the_range(served: Served):
    person_id = _person(served)["person_id"]
    response = served.client.get(
        f"/v1/persons/{person_id}/context", params={"budget": 5}, headers=served.acme
    )
    assert response.status_code == 422
    assert response.json()["error"]["message"].startswith(
        "query budget: Input should be greater than or equal to 40"
    )
    response = served.client.get(
        f"/v1/persons/{person_id}/context", params={"budget": 100_001}, headers=served.acme
    )
    assert response.status_code == 422
    assert "less than or equal to 100000" in response.json()["error"]["message"]
    response = served.client.get(
        f"/v1/persons/{person_id}/context", params={"budget": "lots"}, headers=served.acme
    )
    assert response.status_code == 422
    assert response.json()["error"]["message"].startswith("query budget: Input should be")


def test_linking_a_held_out_session_finds_its_person(served: Served):
    people = served.truth["people"]
    right = 0
    for person in people:
        result = served.client.post(
            "/v1/link", json={"anonymous_id": person["holdout_anonymous_id"]}, headers=served.acme
        ).json()
        assert {"decision", "candidates", "anonymous_id"} <= set(result)
        right += result["decision"] == person["person_id"]
    assert right >= len(people) - 1


def test_link_refuses_known_and_unknown_actors_in_http_terms(served: Served):
    person_id = _person(served)["person_id"]
    expected = {
        person_id: (
            400,
            f"{person_id!r} is a known person's user_id, not an anonymous actor. Link an "
            "anonymous id instead; list them with: GET /v1/actors. To see what a session of "
            f"{person_id!r} confirms, use: GET /v1/sessions/SESSION/continuity "
            f"(GET /v1/sessions?actor={person_id} lists the sessions)",
        ),
        "anon-nobody": (
            404,
            "anonymous actor 'anon-nobody' is not stored in tenant 'acme'. List anonymous "
            "actors with: GET /v1/actors",
        ),
    }
    holdout = served.truth["people"][0]["holdout_anonymous_id"]
    response = served.client.post(
        "/v1/link", json={"anonymous_id": holdout, "threshold": 5}, headers=served.acme
    )
    assert response.status_code == 400
    assert response.json()["error"]["message"] == (
        "threshold 5.0 is not a probability in (0, 1]. Give a number such as threshold 0.9"
    )
    for actor, (status, message) in expected.items():
        response = served.client.post("/v1/link", json={"anonymous_id": actor}, headers=served.acme)
        assert response.status_code == status, actor
        assert response.json()["error"]["message"] == message
        assert "--" not in message and "persona6 " not in message


def test_predict_gives_a_distribution_and_refuses_an_unknown_event(served: Served):
    person_id = _person(served)["person_id"]
    prediction = served.client.get(f"/v1/persons/{person_id}/predict", headers=served.acme).json()
    assert prediction["person_id"] == person_id
    assert sum(prediction["distribution"].values()) == pytest.approx(1.0, abs=1e-3)
    response = served.client.get(
        f"/v1/persons/{person_id}/predict", params={"event": "no-such-event"}, headers=served.acme
    )
    assert response.status_code == 404
    assert "is not stored in tenant" in response.json()["error"]["message"]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        (
            {"failure": "timeout", "event": "e-1"},
            "predict: give failure or event, not both. event already says what failed",
        ),
        (
            {"failure": "!!"},
            "failure '!!' is not a failure name. Pass one like error, timeout or assistant_error",
        ),
    ],
)
def test_predict_refuses_bad_parameters_in_http_terms(served: Served, params, message):
    person_id = _person(served)["person_id"]
    response = served.client.get(
        f"/v1/persons/{person_id}/predict", params=params, headers=served.acme
    )
    assert response.status_code == 400
    assert response.json()["error"] == {"code": "invalid_option", "message": message}


def test_errors_name_query_parameters_and_endpoints_not_cli_flags_and_commands(served: Served):
    people = served.truth["people"]
    first, second = people[1], people[2]
    failure = first["failure_episodes"][0]["failure_event_id"]
    person_id = _person(served)["person_id"]
    expected = {
        f"/v1/persons/{second['person_id']}/predict?event={failure}": (
            400,
            f"event {failure!r} is a failure of {first['person_id']!r}, not of "
            f"{second['person_id']!r}. Run: GET /v1/persons/{first['person_id']}/predict"
            f"?event={failure}",
        ),
        f"/v1/persons/{person_id}/predict?event=evt-missing": (
            404,
            "event 'evt-missing' is not stored in tenant 'acme'. List the person's failures "
            f"with: GET /v1/persons/{person_id}/predict (its evidence cites their past failures)",
        ),
        "/v1/persons/u-nobody": (
            404,
            "person 'u-nobody' is not known in tenant 'acme'. List people with: GET /v1/persons",
        ),
        f"/v1/persons/{person_id}/traits/tr_nope": (
            404,
            f"trait 'tr_nope' is not a trait of {person_id!r}. List them with: "
            f"GET /v1/persons/{person_id}",
        ),
    }
    for path, (status, message) in expected.items():
        response = served.client.get(path, headers=served.acme)
        assert response.status_code == status, path
        assert response.json()["error"]["message"] == message
        assert "--" not in message and "persona6 " not in message


def test_export_holds_the_persons_events_traits_and_links(served: Served):
    person = _person(served)
    record = served.client.get(
        f"/v1/persons/{person['person_id']}/export", headers=served.acme
    ).json()
    own = [
        e
        for e in served.events
        if e.get("user_id") == person["person_id"]
        or (e.get("user_id") is None and e.get("anonymous_id") in record["person"]["aliases"])
    ]
    assert {e["event_id"] for e in record["events"]} >= {e["event_id"] for e in own}
    assert record["traits"]


def test_ids_holding_a_slash_reach_every_route(served: Served):
    with open_store(served.db) as store:
        key = bearer(keys.create_key(store, "slashes", "tests").key)
    texts = [
        "I prefer short answers with links to the sources.",
        "Please don't ask me to confirm every step.",
        "I always do a dry run first before a deploy.",
    ]
    events = [
        _fresh_event(
            n,
            event_id=f"ev/{session}/{n}",
            session_id=f"chat/{session}",
            user_id="team/alice",
            text=text,
            ts=f"2026-01-0{session}T10:0{n}:00Z",
        )
        for session in (1, 2, 3)
        for n, text in enumerate(texts)
    ]
    client = served.client
    assert client.post("/v1/events", json=events, headers=key).status_code == 200
    assert client.post("/v1/build", headers=key).status_code == 200
    # raw and percent-encoded slashes name the same person
    for path in ("/v1/persons/team/alice", "/v1/persons/team%2Falice"):
        view = client.get(path, headers=key)
        assert view.status_code == 200, view.text
        assert view.json()["person"]["person_id"] == "team/alice"
    trait_id = view.json()["traits"][0]["id"]
    for suffix in (f"traits/{trait_id}", "context", "archetypes", "export"):
        answer = client.get(f"/v1/persons/team%2Falice/{suffix}", headers=key)
        assert answer.status_code == 200, (suffix, answer.text)
    assert client.get("/v1/persons/team%2Fbob", headers=key).json()["error"]["code"] == (
        "not_found"
    )
    forgot = client.delete("/v1/events/ev%2F1%2F0", headers=key)
    assert forgot.status_code == 200 and forgot.json()["events"] == 1, forgot.text
    forgot = client.delete("/v1/sessions/chat/2", headers=key)
    assert forgot.status_code == 200 and forgot.json()["events"] == 3, forgot.text
    forgot = client.delete("/v1/persons/team%2Falice", headers=key)
    assert forgot.status_code == 200 and forgot.json()["events"] == 5, forgot.text
    assert client.get("/v1/stats", headers=key).json()["events"] == 0


def test_unknown_paths_and_methods_get_error_bodies(served: Served):
    missing = served.client.get("/v2/nothing", headers=served.acme)
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "not_found"
    assert "/openapi.json" in missing.json()["error"]["message"]
    wrong = served.client.put("/v1/persons", headers=served.acme)
    assert wrong.status_code == 405
    assert wrong.json()["error"]["code"] == "method_not_allowed"


def test_openapi_describes_the_event_body(served: Served):
    spec = served.client.get("/openapi.json").json()
    body = spec["paths"]["/v1/events"]["post"]["requestBody"]["content"]
    assert body["application/json"]["schema"]["items"]["$ref"] == "#/components/schemas/Event"
    assert "Event" in spec["components"]["schemas"]
    assert "HTTPBearer" in spec["components"]["securitySchemes"]


# -- forgetting (last: it deletes data the tests above read) --------------------------------------


def test_forgetting_a_session_removes_every_trait_resting_only_on_it(served_db: str):
    # A database of its own, so the shared fixture's data stays whole.
    from server.conftest import demo_events

    events, truth = demo_events(seed=5, people=3)
    with open_store(served_db) as store:
        key = bearer(keys.create_key(store, "forgetful").key)
    with TestClient(create_app(served_db)) as client:
        assert client.post("/v1/events", json=events, headers=key).status_code == 200
        client.post("/v1/build", headers=key)
        person_id = truth["people"][0]["person_id"]
        session_id = next(e["session_id"] for e in events if e.get("user_id") == person_id)
        in_session = {e["event_id"] for e in events if e["session_id"] == session_id}
        report = client.delete(f"/v1/sessions/{session_id}", headers=key).json()
        assert report["events"] == len(in_session)
        view = client.get(f"/v1/persons/{person_id}", headers=key).json()
        cited = {e["event_id"] for t in view["traits"] for e in t["evidence"]}
        assert not cited & in_session
        assert client.delete(f"/v1/persons/{person_id}", headers=key).status_code == 200
        gone = client.get(f"/v1/persons/{person_id}", headers=key)
        assert gone.status_code == 404
        assert client.delete(f"/v1/sessions/{session_id}", headers=key).status_code == 404


def test_a_build_worker_that_dies_is_reported_and_replaced(served_db: str):
    import os
    import signal

    from server.conftest import demo_events

    events, _ = demo_events(seed=8, people=2)
    with open_store(served_db) as store:
        key = bearer(keys.create_key(store, "crashy").key)
    with TestClient(create_app(served_db)) as client:
        client.post("/v1/events", json=events[:50], headers=key)
        assert client.post("/v1/build", headers=key).status_code == 200
        worker = client.app.state.builds._executor
        for pid in list(worker._processes):
            os.kill(pid, signal.SIGKILL)
        client.post("/v1/events", json=events[50:], headers=key)
        response = client.post("/v1/build", headers=key)
        assert response.status_code == 503
        assert (
            "the build worker process stopped before the build finished"
            in (response.json()["error"]["message"])
        )
        again = client.post("/v1/build", headers=key)
        assert again.status_code == 200 and again.json()["events"] > 0


def test_a_build_error_crosses_from_the_worker_as_a_template_the_api_renders(tmp_path):
    from persona6.server.api import _ERROR_KINDS, _build

    kind, template, values = _build(str(tmp_path / "missing" / "p6.db"), "acme", False)
    exc = _ERROR_KINDS[kind](template, **values)
    assert str(exc).endswith("Create it first, or pass another --db path")
    assert exc.render("http").endswith("Create it first, or pass another db path")
