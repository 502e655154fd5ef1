"""Small builders of valid records that tests modify."""

from __future__ import annotations


def message(n: int = 0, **overrides: object) -> dict[str, object]:
    """A valid user message; overrides replace fields (None removes one)."""
    event: dict[str, object] = {
        "ts": f"2026-03-01T10:00:{n:02d}Z",
        "session_id": "s-1",
        "user_id": "u-1",
        "type": "message",
        "text": f"message number {n}",
    }
    for key, value in overrides.items():
        if value is None:
            event.pop(key, None)
        else:
            event[key] = value
    return event
