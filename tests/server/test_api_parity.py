"""The HTTP API and the SDK do what the library does at runtime and for governance: listings
of sessions, actors and events (paged), continuity of a session, stitching, linking every
actor, merging by hand and undoing it, the links; each answer in the records of the CLI's
--json, another tenant's data answered as missing, and every error saying where, what and how
to fix it in the API's terms."""

from __future__ import annotations

import pytest
from server.conftest import Served, demo_events, serve_process
from server.test_api import RIVAL_CALLS as ROUTES_OF_TEST_API

from persona6 import Persona6
from persona6.client import Persona6Client
from persona6.errors import InvalidOption, NotFound
from persona6.server import keys
from persona6.server.api import MAX_PAGE, ErrorCode
from persona6.store import open_store


def _person(served: Served) -> dict:
    return served.truth["people"][0]


def _session_of(served: Served, person_id: str) -> str:
    return next(e["session_id"] for e in served.events if e.get("user_id") == person_id)


def _error(response, status: int) -> dict:
    assert response.status_code == status, response.text
    error = response.json()["error"]
    # in the API's terms: no command-line flags or commands
    assert "--" not in error["message"] and "persona6 " not in error["message"], error
    return error


def _library(served: Served) -> Persona6:
    return Persona6(db=served.db, tenant="acme")


def _all_pages(served: Served, path: str, params: dict, limit: int) -> list:
    found: list = []
    offset = 0
    while True:
        response = served.client.get(
            path, params={**params, "limit": limit, "offset": offset}, headers=served.acme
        )
        assert response.status_code == 200, response.text
        found += response.json()
        if "next" not in response.links:
            return found
        assert len(response.json()) == limit
        offset += limit
        assert response.links["next"]["url"].endswith(f"offset={offset}&limit={limit}")


# -- listings ---------------------------------------------------------------------------------


def test_sessions_are_the_librarys_most_recent_first_a_page_at_a_time(served: Served):
    with _library(served) as p6:
        expected = [s.model_dump(mode="json") for s in p6.sessions()]
        person_id = _person(served)["person_id"]
        theirs = [s.model_dump(mode="json") for s in p6.sessions(actor=person_id)]
    first = served.client.get("/v1/sessions", headers=served.acme)
    assert first.json() == expected[:100]
    assert set(first.json()[0]) == {
        "session_id",
        "events",
        "messages",
        "actions",
        "outcomes",
        "actors",
        "first_ts",
        "last_ts",
    }
    assert [s["last_ts"] for s in expected] == sorted(
        (s["last_ts"] for s in expected), reverse=True
    )
    assert _all_pages(served, "/v1/sessions", {}, 7) == expected
    assert _all_pages(served, "/v1/sessions", {"actor": person_id}, 2) == theirs
    assert theirs and len(theirs) < len(expected)  # theirs (under their aliases too), no other
    last = served.client.get("/v1/sessions", params={"limit": MAX_PAGE}, headers=served.acme)
    assert "link" not in last.headers  # the demo holds fewer sessions: one page


def test_actors_are_the_librarys_known_persons_first(served: Served):
    with _library(served) as p6:
        expected = [a.model_dump(mode="json") for a in p6.actors()]
    assert _all_pages(served, "/v1/actors", {}, 5) == expected
    kinds = [a["known"] for a in expected]
    assert kinds == sorted(kinds, reverse=True) and True in kinds and False in kinds


def test_events_are_the_librarys_in_time_order_by_session_or_actor(served: Served):
    person_id = _person(served)["person_id"]
    session_id = _session_of(served, person_id)
    with _library(served) as p6:
        in_session = [
            e.model_dump(mode="json", exclude_none=True) for e in p6.events(session_id=session_id)
        ]
        of_actor = [
            e.model_dump(mode="json", exclude_none=True)
            for e in p6.events(actor=person_id, type="message", since="2026-01-01T00:00:00Z")
        ]
    assert _all_pages(served, "/v1/events", {"session_id": session_id}, 9) == in_session
    assert in_session and {e["session_id"] for e in in_session} == {session_id}
    params = {"actor": person_id, "type": "message", "since": "2026-01-01T00:00:00Z"}
    assert _all_pages(served, "/v1/events", params, MAX_PAGE) == of_actor
    assert of_actor and {e["type"] for e in of_actor} == {"message"}
    page = served.client.get("/v1/events", headers=served.acme).json()
    assert len(page) == 100  # unless asked, a page of 100


@pytest.mark.parametrize(
    ("params", "status", "message"),
    [
        (
            {"type": "shout"},
            400,
            "type 'shout' is not an event type. Use one of: message, action, outcome, identify",
        ),
        (
            {"since": "yesterday"},
            400,
            "since 'yesterday' is not an ISO-8601 time. Write it like 2024-05-01T12:30:00Z or "
            "2024-05-01T14:30:00+02:00",
        ),
        (
            {"limit": MAX_PAGE + 1},
            422,
            "query limit: Input should be less than or equal to 1000. Fix the request as "
            "/openapi.json describes",
        ),
        (
            {"offset": -1},
            422,
            "query offset: Input should be greater than or equal to 0. Fix the request as "
            "/openapi.json describes",
        ),
    ],
)
def test_a_bad_listing_parameter_says_which_what_and_the_fix(served, params, status, message):
    error = _error(served.client.get("/v1/events", params=params, headers=served.acme), status)
    assert error["message"] == message
    assert error["code"] == ("invalid_option" if status == 400 else "invalid_request")


# -- continuity -------------------------------------------------------------------------------


def test_continuity_of_a_session_is_the_librarys(served: Served):
    person_id = _person(served)["person_id"]
    with _library(served) as p6:
        sessions = [s.session_id for s in p6.sessions(actor=person_id)]
        expected = p6.continuity(sessions[0]).model_dump(mode="json")
    response = served.client.get(f"/v1/sessions/{sessions[0]}/continuity", headers=served.acme)
    assert response.status_code == 200, response.text
    assert response.json() == expected
    assert expected["session_id"] == sessions[0]
    assert any(actor["person_id"] == person_id for actor in expected["actors"])


def test_continuity_of_an_unknown_session_says_how_to_list_sessions(served: Served):
    error = _error(served.client.get("/v1/sessions/s-nope/continuity", headers=served.acme), 404)
    assert error == {
        "code": "not_found",
        "message": "session 's-nope' has no events in tenant 'acme'. "
        "List sessions with: GET /v1/sessions",
    }


def test_continuity_asked_of_a_person_says_it_is_per_session(served: Served):
    person_id = _person(served)["person_id"]
    response = served.client.get(f"/v1/persons/{person_id}/continuity", headers=served.acme)
    assert _error(response, 404)["message"] == (
        f"person '{person_id}/continuity' is not known in tenant 'acme'; /continuity is no "
        "route under /v1/persons/PERSON: continuity is per session: "
        f"GET /v1/sessions/SESSION/continuity (GET /v1/sessions?actor={person_id} lists their "
        "sessions)"
    )


# -- the trait route: the person first ---------------------------------------------------------


def test_a_trait_of_an_unknown_person_says_the_person_is_not_known(served: Served):
    person_id = _person(served)["person_id"]
    with _library(served) as p6:
        trait_id = p6.person(person_id).traits[0].id
    for key, tenant in ((served.acme, "acme"), (served.rival, "rival")):
        response = served.client.get(f"/v1/persons/nobody/traits/{trait_id}", headers=key)
        assert _error(response, 404)["message"] == (
            f"person 'nobody' is not known in tenant {tenant!r}. List people with: GET /v1/persons"
        )
    # acme's person through rival's key: the same words as for a person never stored
    response = served.client.get(f"/v1/persons/{person_id}/traits/{trait_id}", headers=served.rival)
    assert _error(response, 404)["message"] == (
        f"person {person_id!r} is not known in tenant 'rival'. List people with: GET /v1/persons"
    )
    # a known person without that trait: the trait is what is missing
    response = served.client.get(f"/v1/persons/{person_id}/traits/tr_nope", headers=served.acme)
    assert _error(response, 404)["message"] == (
        f"trait 'tr_nope' is not a trait of {person_id!r}. List them with: "
        f"GET /v1/persons/{person_id}"
    )


# -- identity -----------------------------------------------------------------------------------


def test_stitch_answers_what_it_linked_and_refuses_an_empty_list(served: Served):
    response = served.client.post("/v1/stitch", headers=served.acme)
    assert response.status_code == 200, response.text
    assert set(response.json()) == {"linked", "conflicts"}
    again = served.client.post(
        "/v1/stitch", json={"identifier_attrs": ["email_sha256"]}, headers=served.acme
    )
    assert again.status_code == 200 and again.json()["linked"] == []  # nothing new to prove
    error = _error(
        served.client.post("/v1/stitch", json={"identifier_attrs": []}, headers=served.acme), 400
    )
    assert error["message"] == (
        'identifier_attrs [] names no attribute. Give attrs keys, e.g. {"identifier_attrs": '
        '["email_sha256"]}, or leave it out for the tenant\'s setting'
    )


def test_link_all_decides_every_unresolved_actor(served: Served):
    response = served.client.post("/v1/link/all", json={"threshold": 0.6}, headers=served.acme)
    assert response.status_code == 200, response.text
    report = response.json()
    assert set(report) == {"stitched", "results", "merged", "auto_merge_above"}
    assert report["merged"] == [] and report["auto_merge_above"] is None
    decided = {r["anonymous_id"]: r["decision"] for r in report["results"]}
    people = served.truth["people"]
    right = sum(decided.get(p["holdout_anonymous_id"]) == p["person_id"] for p in people)
    assert right >= len(people) - 1
    assert all(r["threshold"] == 0.6 for r in report["results"])
    for name, value in (("threshold", 2.0), ("auto_merge_above", 0.0)):
        response = served.client.post("/v1/link/all", json={name: value}, headers=served.acme)
        assert _error(response, 400) == {
            "code": "invalid_option",
            "message": f"{name} {value} is not a probability in (0, 1]. Give a number such as "
            f"{name} 0.9",
        }


def test_links_are_the_librarys_with_their_provenance(served: Served):
    with _library(served) as p6:
        expected = [k.model_dump(mode="json") for k in p6.links(include_revoked=True)]
    response = served.client.get("/v1/links", params={"include_revoked": True}, headers=served.acme)
    assert response.json() == expected
    assert expected and {"identify"} <= {k["method"] for k in expected}
    one = expected[0]["anonymous_id"]
    response = served.client.get("/v1/links", params={"anonymous_id": one}, headers=served.acme)
    assert [k["anonymous_id"] for k in response.json()] == [one]
    error = _error(
        served.client.get("/v1/links", params={"anonymous_id": "anon-nobody"}, headers=served.acme),
        404,
    )
    assert error["message"] == (
        "actor 'anon-nobody' is not stored in tenant 'acme'. List actors with: GET /v1/actors"
    )


def test_a_merge_by_hand_is_made_listed_refused_twice_and_undone_with_its_reason(served):
    person = served.truth["people"][1]
    person_id, anonymous = person["person_id"], person["holdout_anonymous_id"]
    client, acme = served.client, served.acme
    made = client.post(
        "/v1/links", json={"anonymous_id": anonymous, "person_id": person_id}, headers=acme
    )
    assert made.status_code == 200, made.text
    link = made.json()
    assert (link["anonymous_id"], link["person_id"], link["method"]) == (
        anonymous,
        person_id,
        "manual",
    )
    assert link["revoked_at"] is None
    view = client.get(f"/v1/persons/{person_id}", headers=acme).json()
    assert anonymous in view["person"]["aliases"]
    linked = client.post("/v1/link", json={"anonymous_id": anonymous}, headers=acme).json()
    assert linked["decision"] == person_id and linked["linked"]["link_id"] == link["link_id"]

    again = client.post(
        "/v1/links", json={"anonymous_id": anonymous, "person_id": person_id}, headers=acme
    )
    assert _error(again, 400)["message"] == (
        f"{anonymous!r} is already linked to {person_id!r} (manual, {link['link_id']}). "
        f"Undo it first: POST /v1/unlink (anonymous_id {anonymous!r})"
    )

    undone = client.post(
        "/v1/unlink", json={"anonymous_id": anonymous, "reason": "shared laptop"}, headers=acme
    )
    assert undone.status_code == 200, undone.text
    report = undone.json()
    assert report["anonymous_id"] == anonymous and person_id in report["persons_recomputed"]
    assert [k["link_id"] for k in report["revoked"]] == [link["link_id"]]
    assert report["revoked"][0]["revoked_reason"] == "shared laptop"
    view = client.get(f"/v1/persons/{person_id}", headers=acme).json()
    assert anonymous not in view["person"]["aliases"]
    history = client.get(
        "/v1/links", params={"anonymous_id": anonymous, "include_revoked": True}, headers=acme
    ).json()
    assert [(k["link_id"], k["revoked_reason"]) for k in history] == [
        (link["link_id"], "shared laptop")
    ]
    assert client.get("/v1/links", params={"anonymous_id": anonymous}, headers=acme).json() == []

    twice = client.post("/v1/unlink", json={"anonymous_id": anonymous}, headers=acme)
    assert _error(twice, 404)["message"] == (
        f"{anonymous!r} has no active link in tenant 'acme'. List links with: GET /v1/links"
    )
    revoked = client.post(
        "/v1/unlink", json={"anonymous_id": anonymous, "link_id": link["link_id"]}, headers=acme
    )
    assert _error(revoked, 400)["message"] == (
        f"link {link['link_id']!r} of {anonymous!r} is already revoked. See its history with: "
        f"GET /v1/links?anonymous_id={anonymous}&include_revoked=true"
    )


def test_a_merge_by_hand_refuses_what_it_cannot_merge(served: Served):
    person_id = _person(served)["person_id"]
    anonymous = _person(served)["holdout_anonymous_id"]
    expected = {
        (anonymous, "u-nobody"): (
            404,
            "person 'u-nobody' is not a known user_id in tenant 'acme'. List persons with: "
            "GET /v1/persons",
        ),
        ("anon-nobody", person_id): (
            404,
            "anonymous actor 'anon-nobody' is not stored in tenant 'acme'. List anonymous "
            "actors with: GET /v1/actors",
        ),
        (person_id, person_id): (
            400,
            f"{person_id!r} is a known person's user_id, not an anonymous actor. Link an "
            "anonymous id instead; list them with: GET /v1/actors. To see what a session of "
            f"{person_id!r} confirms, use: GET /v1/sessions/SESSION/continuity "
            f"(GET /v1/sessions?actor={person_id} lists the sessions)",
        ),
    }
    for (actor, person), (status, message) in expected.items():
        response = served.client.post(
            "/v1/links", json={"anonymous_id": actor, "person_id": person}, headers=served.acme
        )
        assert _error(response, status)["message"] == message
    missing = served.client.post("/v1/links", json={"anonymous_id": ""}, headers=served.acme)
    assert _error(missing, 422)["message"] == (
        "body anonymous_id: String should have at least 1 character; body person_id: Field "
        "required. Fix the request as /openapi.json describes"
    )


# -- tenant isolation: another tenant's key finds nothing, in the words of a missing thing -------

#: The routes of this file and how a rival tenant's key tries to reach acme's data through them.
RIVAL_CALLS = {
    ("GET", "/v1/sessions"): "sessions",
    ("GET", "/v1/actors"): "actors",
    ("GET", "/v1/events"): "events",
    ("GET", "/v1/sessions/{session_id}/continuity"): "continuity",
    ("POST", "/v1/stitch"): "stitch",
    ("POST", "/v1/link/all"): "link all",
    ("GET", "/v1/links"): "links",
    ("POST", "/v1/links"): "link to",
    ("POST", "/v1/unlink"): "unlink",
}


def test_the_isolation_tests_cover_every_endpoint(served: Served):
    paths = served.client.get("/openapi.json").json()["paths"]
    routes = {(m.upper(), path) for path, item in paths.items() for m in item if path != "/healthz"}
    assert routes == set(RIVAL_CALLS) | set(ROUTES_OF_TEST_API)


@pytest.mark.parametrize("route", sorted(RIVAL_CALLS), ids=lambda r: f"{r[0]} {r[1]}")
def test_a_key_never_reaches_another_tenants_identity_or_log(served: Served, route):
    client, rival = served.client, served.rival
    person = _person(served)
    person_id, anonymous = person["person_id"], person["holdout_anonymous_id"]
    session_id = _session_of(served, person_id)
    with _library(served) as p6:
        linked = next(k.anonymous_id for k in p6.links())
        links_before = p6.links(include_revoked=True)

    def call(what: str, name: str):
        """The call for acme's ``name`` (a session, an actor), or for one never stored."""
        return {
            "sessions": lambda: client.get("/v1/sessions", params={"actor": name}, headers=rival),
            "actors": lambda: client.get("/v1/actors", headers=rival),
            "events": lambda: client.get("/v1/events", params={"actor": name}, headers=rival),
            "continuity": lambda: client.get(f"/v1/sessions/{name}/continuity", headers=rival),
            "stitch": lambda: client.post("/v1/stitch", headers=rival),
            "link all": lambda: client.post("/v1/link/all", headers=rival),
            "links": lambda: client.get("/v1/links", params={"anonymous_id": name}, headers=rival),
            "link to": lambda: client.post(
                "/v1/links", json={"anonymous_id": name, "person_id": person_id}, headers=rival
            ),
            "unlink": lambda: client.post("/v1/unlink", json={"anonymous_id": name}, headers=rival),
        }[what]()

    what = RIVAL_CALLS[route]
    acmes = {
        "sessions": person_id,
        "events": person_id,
        "continuity": session_id,
        "links": anonymous,
        "link to": anonymous,
        "unlink": linked,
    }.get(what, person_id)
    response = call(what, acmes)
    if what in {"sessions", "actors", "events"}:
        assert response.status_code == 200 and response.json() == []
    elif what == "stitch":
        assert response.json() == {"linked": [], "conflicts": []}
    elif what == "link all":
        assert response.json()["results"] == [] and response.json()["merged"] == []
    else:
        error = _error(response, 404)
        assert error["code"] == "not_found"
        never = _error(call(what, "never-stored"), 404)
        assert error["message"] == never["message"].replace("never-stored", acmes)
        assert "acme" not in error["message"]
    # acme's data is untouched whatever the rival tried
    with _library(served) as p6:
        assert p6.links(include_revoked=True) == links_before
    own = client.get("/v1/sessions", params={"actor": person_id}, headers=served.acme).json()
    assert own and client.get("/v1/stats", headers=served.acme).json()["events"] == len(
        served.events
    )


# -- the OpenAPI document -----------------------------------------------------------------------

#: The error statuses each operation can answer with, beyond 401, 422 and 503 (every route with
#: a key: a bad key, a query parameter it does not take, the database unavailable).
ERRORS = {
    ("POST", "/v1/events"): {403, 413, 422},
    ("GET", "/v1/events"): {400, 422},
    ("GET", "/v1/stats"): set(),
    ("GET", "/v1/sessions"): {422},
    ("GET", "/v1/actors"): {422},
    ("POST", "/v1/build"): {400, 422},
    ("GET", "/v1/persons"): set(),
    ("GET", "/v1/persons/{person_id}/traits/{trait_id}"): {404},
    ("GET", "/v1/persons/{person_id}/context"): {400, 404, 422},
    ("GET", "/v1/persons/{person_id}/predict"): {400, 404},
    ("GET", "/v1/persons/{person_id}/archetypes"): {404},
    ("GET", "/v1/persons/{person_id}/export"): {404},
    ("GET", "/v1/persons/{person_id}"): {404},
    ("DELETE", "/v1/persons/{person_id}"): {404},
    ("GET", "/v1/sessions/{session_id}/continuity"): {404},
    ("DELETE", "/v1/sessions/{session_id}"): {404},
    ("DELETE", "/v1/events/{event_id}"): {404},
    ("POST", "/v1/stitch"): {400, 422},
    ("POST", "/v1/link"): {400, 404, 422},
    ("POST", "/v1/link/all"): {400, 422},
    ("GET", "/v1/links"): {404, 422},
    ("POST", "/v1/links"): {400, 404, 422},
    ("POST", "/v1/unlink"): {400, 404, 422},
}


def test_each_operation_declares_only_the_errors_it_can_answer_with(served: Served):
    spec = served.client.get("/openapi.json").json()
    assert spec["paths"]["/healthz"]["get"]["responses"].keys() == {"200"}
    declared = {
        (method.upper(), path): {int(s) for s in operation["responses"] if s != "200"}
        for path, item in spec["paths"].items()
        for method, operation in item.items()
        if path != "/healthz"
    }
    assert declared == {route: {401, 422, 503} | statuses for route, statuses in ERRORS.items()}
    for item in spec["paths"].values():
        for operation in item.values():
            for status, answer in operation["responses"].items():
                if status != "200":
                    schema = answer["content"]["application/json"]["schema"]
                    assert schema == {"$ref": "#/components/schemas/ErrorBody"}
    assert "HTTPValidationError" not in spec["components"]["schemas"]


def test_the_error_code_is_an_enum_of_every_code_the_service_answers_with(served: Served):
    spec = served.client.get("/openapi.json").json()
    schemas = spec["components"]["schemas"]
    assert schemas["ErrorDetail"]["properties"]["code"]["$ref"] == "#/components/schemas/ErrorCode"
    assert (
        set(schemas["ErrorCode"]["enum"])
        == {code.value for code in ErrorCode}
        >= {
            "unauthorized",
            "not_found",
            "invalid_event",
            "invalid_input",
            "invalid_option",
            "invalid_request",
            "tenant_mismatch",
            "too_large",
            "method_not_allowed",
            "store_unavailable",
            "internal",
        }
    )


def test_a_body_that_cannot_be_read_says_so_and_the_fix(served: Served):
    response = served.client.post(
        "/v1/unlink",
        content=b"\xff\xfe{",
        headers={**served.acme, "Content-Type": "application/json"},
    )
    error = _error(response, 400)
    assert error["code"] == "invalid_request"
    assert error["message"].startswith("request body: cannot be read (")
    assert error["message"].endswith("Send a UTF-8 JSON body as /openapi.json describes")


def test_a_listing_documents_its_next_page_header(served: Served):
    spec = served.client.get("/openapi.json").json()
    for path in ("/v1/sessions", "/v1/actors", "/v1/events"):
        assert "Link" in spec["paths"][path]["get"]["responses"]["200"]["headers"], path


# -- the SDK: the library's names and records over HTTP ----------------------------------------


@pytest.fixture(scope="module")
def remote(served_db: str):
    """(embedded engine, SDK client, truth) over one database with the built demo of tenant
    'sdk', served by a `persona6 serve` process."""
    events, truth = demo_events(seed=4, people=4)
    with Persona6(db=served_db, tenant="sdk") as p6:
        p6.record(events)
        p6.build()
    with open_store(served_db) as store:
        key = keys.create_key(store, "sdk").key
    with (
        serve_process(served_db) as url,
        Persona6Client(url, key=key) as client,
        Persona6(db=served_db, tenant="sdk") as local,
    ):
        yield local, client, truth


def test_the_sdk_lists_what_the_library_lists_page_by_page(remote, monkeypatch):
    import persona6.client as sdk

    local, client, truth = remote
    monkeypatch.setattr(sdk, "PAGE", 7)  # several pages, each a request
    person_id = truth["people"][0]["person_id"]
    assert client.sessions() == local.sessions()
    assert client.sessions(actor=person_id, limit=3) == local.sessions(actor=person_id, limit=3)
    assert client.actors() == local.actors()
    assert client.actors(limit=9) == local.actors(limit=9)
    session_id = local.sessions(actor=person_id)[0].session_id
    assert list(client.events(session_id=session_id)) == list(local.events(session_id=session_id))
    assert list(client.events(actor=person_id, type="outcome", limit=10)) == list(
        local.events(actor=person_id, type="outcome", limit=10)
    )
    everything = list(client.events())
    assert len(everything) == len(list(local.events())) > 7


def test_the_sdk_answers_continuity_and_links_as_the_library_does(remote):
    local, client, truth = remote
    person_id = truth["people"][0]["person_id"]
    for session in local.sessions(actor=person_id)[:2]:
        assert client.continuity(session.session_id) == local.continuity(session.session_id)
    assert client.links() == local.links()
    assert client.links(include_revoked=True) == local.links(include_revoked=True)
    assert client.stitch() == local.stitch()
    decided = {r.anonymous_id: r.decision for r in client.link_all().results}
    assert decided == {r.anonymous_id: r.decision for r in local.link_all().results}


def test_the_sdk_merges_by_hand_and_undoes_it(remote):
    local, client, truth = remote
    person = truth["people"][2]
    made = client.link_to(person["holdout_anonymous_id"], person["person_id"])
    assert made.method == "manual" and made in local.links(person["holdout_anonymous_id"])
    report = client.unlink(person["holdout_anonymous_id"], reason="wrong person")
    assert [k.link_id for k in report.revoked] == [made.link_id]
    assert report.revoked[0].revoked_reason == "wrong person"
    assert local.links(person["holdout_anonymous_id"]) == []


def test_the_sdk_raises_the_librarys_errors_for_the_new_calls(remote):
    local, client, _ = remote
    with pytest.raises(NotFound, match="session 's-nope' has no events in tenant 'sdk'"):
        client.continuity("s-nope")
    with pytest.raises(InvalidOption, match="type 'shout' is not an event type"):
        client.events(type="shout")  # at the call, as the library raises it
    with pytest.raises(InvalidOption, match="must be at least 1"):
        client.sessions(limit=0)
    with pytest.raises(NotFound, match="has no active link in tenant 'sdk'"):
        client.unlink("anon-nobody")
    with pytest.raises(InvalidOption, match="give a timezone-aware time"):
        from datetime import datetime

        client.events(since=datetime(2026, 1, 1))
    assert list(client.events(session_id="s-nope")) == list(local.events(session_id="s-nope"))


def test_a_key_of_one_tenant_reaches_nothing_of_another_through_the_sdk(remote, served_db):
    local, _, truth = remote
    with open_store(served_db) as store:
        stranger = keys.create_key(store, "stranger").key
    person_id = truth["people"][0]["person_id"]
    session_id = local.sessions(actor=person_id)[0].session_id
    url = remote[1].url
    with Persona6Client(url, key=stranger) as other:
        assert other.sessions() == [] and other.actors() == [] and list(other.events()) == []
        assert other.links() == []
        with pytest.raises(NotFound, match=f"session '{session_id}' has no events in tenant"):
            other.continuity(session_id)
