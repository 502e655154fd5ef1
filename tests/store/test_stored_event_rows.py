"""A stored event read back is built without validation when its row is usual
(``sql._stored_event``): it must be the event validation makes, and an unusual row must still
be validated."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from persona6.store.sql import _stored_event, _validated_event
from persona6.types import EventType, Role

_ROWS = [
    # event_id, ts, session_id, user_id, anonymous_id, tenant, type, role, name, text, attrs,
    # source
    (
        "e1",
        "2026-01-01T00:00:00Z",
        "s1",
        "u1",
        None,
        "t",
        "message",
        "user",
        None,
        "hi",
        "{}",
        "f:1",
    ),
    (
        "e2",
        "2026-01-01T00:00:01Z",
        "s1",
        None,
        "a1",
        "t",
        "action",
        None,
        "export",
        None,
        "{}",
        None,
    ),
    ("e3", "2026-01-01T00:00:02Z", "s1", "u1", "a1", "t", "identify", None, None, None, "{}", None),
    (
        "e4",
        "2026-01-01T00:00:03Z",
        "s2",
        "u1",
        None,
        "t",
        "outcome",
        "tool",
        "run",
        "error: failed",
        '{"utc_offset": "+02:00", "ok": false, "n": 3}',
        "f:9",
    ),
]


@pytest.mark.parametrize("row", _ROWS, ids=[row[0] for row in _ROWS])
def test_a_row_read_back_is_the_event_validation_makes(row):
    built, validated = _stored_event(row), _validated_event(row)
    assert built == validated
    assert built.__dict__ == validated.__dict__
    assert built.model_fields_set == validated.model_fields_set
    assert built.model_dump_json() == validated.model_dump_json()
    assert type(built.type) is EventType
    assert built.role is None or type(built.role) is Role
    built.attrs["x"] = 1  # each event its own attrs
    assert "x" not in _stored_event(row).attrs


def test_every_type_and_role_is_built_as_validation_makes_it():
    for kind in EventType:
        for role in [None, *Role]:
            row = (
                "e",
                "2026-01-01T00:00:00Z",
                "s",
                "u",
                None,
                "t",
                kind.value,
                role,
                None,
                "x",
                "{}",
                None,
            )
            assert _stored_event(row).__dict__ == _validated_event(row).__dict__


def test_an_unknown_type_or_role_is_still_validated():
    for bad in (
        ("e", "2026-01-01T00:00:00Z", "s", "u", None, "t", "click", None, None, None, "{}", None),
        ("e", "2026-01-01T00:00:00Z", "s", "u", None, "t", "message", "bot", None, "x", "{}", None),
    ):
        with pytest.raises(ValidationError):
            _stored_event(bad)
