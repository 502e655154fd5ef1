"""persona6.task.v9: a visitor who logs in midway is one person, not a conversation among two."""

from __future__ import annotations

from typing import Any

from helpers import built_from

from persona6.extract.task import TaskExtractor
from persona6.types import StoredEvent
from tests.extract.test_style_v10 import actor_event


def kinds(session: list[StoredEvent], person: str) -> set[str]:
    found = TaskExtractor().extract(session)
    return {s.key for s in found if s.actor == person and not s.key.startswith("sequence:")}


def logged_in_halfway(**second: Any) -> list[StoredEvent]:
    """No assistant answers in words (a form-like product): the visitor writes, logs in, goes on."""
    return [
        actor_event(1, "message", "how do I deploy the staging build?", anonymous_id="anon-q1"),
        actor_event(2, "identify", None, anonymous_id="anon-q1", user_id="u-quinn"),
        actor_event(3, "message", "and how do I deploy it to production after that?", **second),
    ]


def test_a_visitor_who_logs_in_midway_is_one_person_whose_words_are_tasks() -> None:
    session = logged_in_halfway(user_id="u-quinn")
    assert "deployment" in kinds(session, "u-quinn")
    assert "deployment" in kinds(session, "anon-q1")


def test_an_event_with_both_ids_links_them_too() -> None:
    session = logged_in_halfway(user_id="u-quinn", anonymous_id="anon-q1")
    session = [session[0], session[2]]  # no identify event: the message carries both ids
    assert "deployment" in kinds(session, "u-quinn")


def test_two_people_talking_among_themselves_still_ask_the_product_nothing() -> None:
    session = [
        *logged_in_halfway(user_id="u-quinn"),
        actor_event(4, "message", "how do I deploy mine?", user_id="u-rae"),
    ]
    assert kinds(session, "u-quinn") == set()
    assert kinds(session, "u-rae") == set()


def test_the_graph_of_a_visitor_who_logged_in_has_the_task() -> None:
    p6 = built_from(logged_in_halfway(user_id="u-quinn"))
    keys = {(t.kind.value, t.key) for t in p6.store.traits_of(p6.tenant, "u-quinn")}
    assert ("task", "deployment") in keys
    p6.close()
