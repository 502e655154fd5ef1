"""The HTTP API as an integrator's review (API review 7) found it wanting: a query parameter or
body field a route does not take is refused, naming it and what the route takes, not ignored
(a misspelt filter answered the whole log); an anonymous actor's brief says who linking finds
they probably are, as MCP's does; POST /v1/link answers the likely candidates, not the whole
tenant with every match quoted; a linked actor's note names the endpoint that undoes the link;
/v1/persons is paged; a key sent under another scheme than Bearer is named as such."""

from __future__ import annotations

import pytest
from server.conftest import Served

from persona6 import Persona6
from persona6.server.api import LINK_CANDIDATES, LINK_FLOOR

EVENTS_QUERY = "session_id, actor, user_id, anonymous_id, type, since, until, limit, offset"


def _error(response) -> tuple[int, str, str]:
    body = response.json()["error"]
    return response.status_code, body["code"], body["message"]


@pytest.mark.parametrize(
    ("path", "message"),
    [
        (
            "/v1/events?user=u-1",
            "query parameter 'user': not a parameter of GET /v1/events, which takes the query "
            f"parameters {EVENTS_QUERY}. Fix the request as /openapi.json describes",
        ),
        (
            "/v1/persons?limit=1&bogus=1&sort=name",
            "query parameters 'bogus', 'sort': not parameters of GET /v1/persons, which takes "
            "the query parameters limit, offset. Fix the request as /openapi.json describes",
        ),
        (
            "/v1/stats?tenant=rival",
            "query parameter 'tenant': not a parameter of GET /v1/stats, which takes no query "
            "parameters. Fix the request as /openapi.json describes",
        ),
        (
            "/v1/persons/someone/context?taks=export",
            "query parameter 'taks': not a parameter of GET /v1/persons/{person_id}/context, "
            "which takes the query parameters task, budget. Fix the request as /openapi.json "
            "describes",
        ),
    ],
)
def test_a_query_parameter_a_route_does_not_take_is_refused_by_name(
    served: Served, path: str, message: str
):
    response = served.client.get(path, headers=served.acme)
    assert _error(response) == (422, "invalid_request", message)


def test_the_key_is_checked_before_the_query(served: Served):
    response = served.client.get("/v1/events?user=u-1", headers={"Authorization": "Bearer x"})
    assert response.status_code == 401


def test_the_parameters_a_route_takes_still_filter(served: Served):
    person = served.truth["people"][0]["person_id"]
    response = served.client.get(
        "/v1/events", params={"user_id": person, "limit": 5}, headers=served.acme
    )
    assert response.status_code == 200
    assert {event["user_id"] for event in response.json()} == {person}


@pytest.mark.parametrize(
    ("path", "body", "message"),
    [
        (
            "/v1/build",
            {"ful": True},
            "body field 'ful': not a field of POST /v1/build, whose fields are full",
        ),
        (
            "/v1/link",
            {"anonymous_id": "anon-x", "treshold": 0.9},
            "body field 'treshold': not a field of POST /v1/link, whose fields are "
            "anonymous_id, threshold, detail",
        ),
        (
            "/v1/links",
            {"anonymous_id": "anon-x", "person_id": "u-1", "user_id": "u-1"},
            "body field 'user_id': not a field of POST /v1/links, whose fields are "
            "anonymous_id, person_id",
        ),
        (
            "/v1/unlink",
            {"anonymous_id": "anon-x", "why": "test"},
            "body field 'why': not a field of POST /v1/unlink, whose fields are anonymous_id, "
            "link_id, reason",
        ),
        (
            "/v1/stitch",
            {"identifier_attr": ["email"]},
            "body field 'identifier_attr': not a field of POST /v1/stitch, whose fields are "
            "identifier_attrs",
        ),
        (
            "/v1/link/all",
            {"auto_merge": 0.99},
            "body field 'auto_merge': not a field of POST /v1/link/all, whose fields are "
            "threshold, auto_merge_above",
        ),
    ],
)
def test_a_body_field_a_route_does_not_take_is_refused_by_name(
    served: Served, path: str, body: dict, message: str
):
    response = served.client.post(path, json=body, headers=served.acme)
    assert _error(response) == (
        422,
        "invalid_request",
        message + ". Fix the request as /openapi.json describes",
    )


def test_a_body_that_is_not_json_says_so(served: Served):
    response = served.client.post(
        "/v1/build", content=b"nope", headers={**served.acme, "Content-Type": "application/json"}
    )
    assert _error(response) == (
        422,
        "invalid_request",
        "request body: is not valid JSON (Expecting value). Fix the request as /openapi.json "
        "describes",
    )
    response = served.client.post("/v1/build", json=[1], headers=served.acme)
    assert _error(response)[2] == (
        "request body: is not a JSON object. Fix the request as /openapi.json describes"
    )


def test_a_key_sent_under_another_scheme_is_named(served: Served):
    response = served.client.get("/v1/stats", headers={"Authorization": "Basic abc"})
    assert _error(response) == (
        401,
        "unauthorized",
        "the Authorization header uses the scheme 'Basic', not Bearer. Send the header "
        "'Authorization: Bearer KEY' with a key from: persona6 keys create --tenant TENANT",
    )
    response = served.client.get("/v1/stats", headers={"Authorization": "Bearer"})
    assert _error(response)[2].startswith("no API key was sent. ")


def test_persons_are_paged_like_the_other_listings(served: Served):
    every = served.client.get("/v1/persons", headers=served.acme).json()
    assert len(every) > 2
    first = served.client.get("/v1/persons?limit=2", headers=served.acme)
    assert first.json() == every[:2]
    assert first.headers["link"] == '</v1/persons?offset=2&limit=2>; rel="next"'
    rest = served.client.get("/v1/persons?limit=2&offset=2", headers=served.acme).json()
    assert rest == every[2:4]


def test_an_anonymous_actors_brief_says_who_they_probably_are_with_the_endpoints(
    served: Served,
):
    person = served.truth["people"][0]
    actor, known = person["holdout_anonymous_id"], person["person_id"]
    brief = served.client.get(
        f"/v1/persons/{actor}/context", params={"task": "export"}, headers=served.acme
    ).json()
    heading, section, line, *_ = brief["text"].split("\n")
    assert (heading, section) == (f"# Brief: {actor}", "## Probably a known person")
    assert line.startswith(f"- Probably {known} (p ")
    assert line.endswith(
        f', not linked): POST /v1/link says why; to merge: POST /v1/links {{"anonymous_id": '
        f'"{actor}", "person_id": "{known}"}}.'
    )
    assert brief["items"][0]["kind"] == "note" and brief["tokens"] <= 400
    small = served.client.get(
        f"/v1/persons/{actor}/context", params={"budget": 90}, headers=served.acme
    ).json()
    assert small["tokens"] <= 90
    theirs = served.client.get(f"/v1/persons/{known}/context", headers=served.acme).json()
    assert "Probably a known person" not in theirs["text"]
    links = served.client.get(f"/v1/links?anonymous_id={actor}", headers=served.acme).json()
    assert links == []  # nothing merged


def test_link_answers_the_likely_candidates_and_every_one_with_detail(served: Served):
    actor = served.truth["people"][0]["holdout_anonymous_id"]
    with Persona6(db=served.db, tenant="acme") as p6:
        whole = p6.link(actor)
    assert len(whole.candidates) > LINK_CANDIDATES  # the demo tenant: 6 persons
    answer = served.client.post(
        "/v1/link", json={"anonymous_id": actor}, headers=served.acme
    ).json()
    kept = [
        c
        for rank, c in enumerate(whole.candidates)
        if rank < LINK_CANDIDATES or c.probability >= LINK_FLOOR
    ]
    assert [c["person_id"] for c in answer["candidates"]] == [c.person_id for c in kept]
    assert answer["candidates_omitted"] == len(whole.candidates) - len(kept)
    for shown, held in zip(answer["candidates"], kept, strict=True):
        quoted = held.probability >= LINK_FLOOR or held.person_id == whole.decision
        assert bool(shown["evidence"]) == (quoted and bool(held.evidence))
    assert answer["evidence_omitted"] == [
        c.person_id for c in kept if c.evidence and c.probability < LINK_FLOOR
    ]
    detail = served.client.post(
        "/v1/link", json={"anonymous_id": actor, "detail": True}, headers=served.acme
    ).json()
    assert detail["candidates"] == [c.model_dump(mode="json") for c in whole.candidates]
    assert (detail["candidates_omitted"], detail["evidence_omitted"]) == (0, [])


def test_a_linked_actors_note_names_the_endpoint_that_undoes_the_link(served: Served):
    person = served.truth["people"][0]
    actor = person["anonymous_ids"][0]  # identified in its first session
    answer = served.client.post(
        "/v1/link", json={"anonymous_id": actor}, headers=served.acme
    ).json()
    assert answer["linked"]["person_id"] == person["person_id"]
    assert answer["note"].endswith(
        f"; to weigh it afresh, undo the link first: POST /v1/unlink (anonymous_id {actor!r})"
    )
    assert "persona6 " not in answer["note"]


@pytest.mark.parametrize("failure", ["time out", "123"])
def test_a_failure_name_no_episode_holds_is_predicted_with_a_note(served: Served, failure: str):
    person = served.truth["people"][0]["person_id"]
    answer = served.client.get(
        f"/v1/persons/{person}/predict", params={"failure": failure}, headers=served.acme
    ).json()
    name = answer["basis"]["context"]["failure"]
    assert answer["note"] == (
        f"no failure {name!r} is in this tenant's log, so what failed tilts nothing: the "
        "distribution is that of any failure. Check the name against the outcome names "
        "recorded (GET /v1/events?type=outcome)"
    )
    known = served.client.get(
        f"/v1/persons/{person}/predict", params={"failure": "timeout"}, headers=served.acme
    ).json()
    assert known["note"] is None


def test_a_json_array_sent_as_ndjson_says_which_content_type_it_needs(served: Served):
    response = served.client.post(
        "/v1/events",
        content=b'[{"ts": "2026-01-01T00:00:00Z"}]',
        headers={**served.acme, "Content-Type": "application/x-ndjson"},
    )
    status, code, message = _error(response)
    assert (status, code) == (422, "invalid_event")
    assert message.startswith("events[0]: ")
    assert message.endswith(
        "is a JSON list, not an object. A JSON array of events is sent with Content-Type: "
        "application/json; with application/x-ndjson, send one event object per line"
    )
