"""Small builders of valid records that tests modify."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from persona6 import Persona6, synth
from persona6.extract.failure import FailureExtractor, Reaction, reaction_labels
from persona6.types import Signal, StoredEvent, format_ts


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


def user_message(text: str, actor: str = "u1") -> StoredEvent:
    """One stored user message, as a session of one event for an extractor."""
    return StoredEvent(
        event_id="e1",
        ts="2026-01-01T00:00:00.000000Z",
        session_id="s1",
        user_id=actor,
        tenant="default",
        type="message",
        role="user",
        text=text,
    )


def extracted(extractor_name: str, text: str, actor: str = "u1") -> list[Signal]:
    """What one registered extractor finds in one user message."""
    from persona6.extract import EXTRACTORS

    return list(EXTRACTORS[extractor_name].extract([user_message(text, actor)]))


T0 = datetime(2026, 1, 1, tzinfo=UTC)


def stored_event(
    n: int,
    kind: str,
    text: str | None,
    actor: str | None,
    role: str | None = None,
    name: str | None = None,
) -> StoredEvent:
    """Event number ``n`` of session s1, ten seconds after the one before."""
    return StoredEvent.model_validate(
        {
            "event_id": f"e{n}",
            "ts": format_ts(T0 + timedelta(seconds=n * 10)),
            "session_id": "s1",
            "user_id": actor,
            "tenant": "default",
            "type": kind,
            "role": role,
            "name": name,
            "text": text,
        }
    )


def said(n: int, text: str, actor: str = "u1") -> StoredEvent:
    return stored_event(n, "message", text, actor, role="user")


def bot(n: int, text: str) -> StoredEvent:
    return stored_event(n, "message", text, None, role="assistant")


def did(n: int, name: str, text: str | None = None, actor: str = "u1") -> StoredEvent:
    return stored_event(n, "action", text, actor, name=name)


def got(n: int, name: str, text: str | None = None, actor: str = "u1") -> StoredEvent:
    """An outcome event named ``name`` (what the product reported back)."""
    return stored_event(n, "outcome", text, actor, name=name)


def failure_episodes(session: list[StoredEvent]) -> list[tuple[str, str]]:
    """The (key, value) of each failure episode the failure extractor finds in ``session``."""
    return [(s.key, s.value) for s in FailureExtractor().extract(session)]


def failure_labels(text: str) -> set[Reaction]:
    """The reactions the failure extractor reads in one user message."""
    return reaction_labels(said(1, text))


def said_traits(said: Iterable[tuple[str, str, str]], kind: str = "preference") -> list:
    """The traits of ``kind`` of person u-1 after a build of their messages, each (session,
    ts, text): how a change of mind across sessions is tested."""
    with Persona6(db=":memory:") as p6:
        p6.record(
            [
                {
                    "event_id": f"e{n}",
                    "ts": ts,
                    "session_id": session,
                    "user_id": "u-1",
                    "type": "message",
                    "role": "user",
                    "text": text,
                }
                for n, (session, ts, text) in enumerate(said)
            ]
        )
        p6.build()
        return [t for t in p6.person("u-1").traits if t.kind.value == kind]


def built_from(events: Iterable[StoredEvent]) -> Persona6:
    """An in-memory graph built from stored-event fixtures, recorded as native events (the
    caller closes it)."""
    fields = ("event_id", "ts", "session_id", "type", "text", "role", "user_id", "anonymous_id")
    p6 = Persona6(db=":memory:")
    p6.record([{f: getattr(e, f) for f in fields} for e in events])
    p6.build()
    return p6


def built_demo(seed: int, people: int) -> Iterator[tuple[Persona6, dict]]:
    """A built in-memory graph of generated people and their ground truth (for module fixtures:
    ``yield from built_demo(0, 12)``)."""
    log = synth.generate(seed=seed, people=people)
    p6 = Persona6(db=":memory:")
    p6.record(log.events)
    p6.build()
    yield p6, log.truth
    p6.close()


#: A courteous newcomer's five chats: a how-to question, an apology of the assistant's, thanks.
POLITE_CHATS = [
    ("Hi there! I only just registered, could you explain what a board is?", "Thanks a lot!"),
    ("Good afternoon! Is there a way to change the colour of a card?", "Thank you so much!"),
    ("Hello! Sorry to bother you again, could you show me where the archive is?", "Thanks!"),
    ("Hi! I'm fairly new to project tools. Would you walk me through adding a due date?", "Great!"),
    ("Good morning! I'm still getting the hang of it. Can you tell me how labels work?", "Thanks!"),
]


def polite_openai_chats(path: Path, *, timed: bool, user: str = "u-polite") -> Path:
    """``POLITE_CHATS`` as an OpenAI-format file at ``path``. Untimed, only each conversation
    has a time (the ingest invents the messages', one second apart); timed, each message has
    its own, one second apart as well, so that only where the times come from differs."""
    lines = []
    for n, (ask, thanks) in enumerate(POLITE_CHATS):
        start = datetime(2026, 5, n + 1, 18, tzinfo=UTC)
        texts = [
            ("user", ask),
            ("assistant", "Sorry, I couldn't find that."),
            ("user", f"Oh, no problem. {thanks}"),
            ("assistant", "Open the menu, top left."),
            ("user", thanks),
        ]
        messages: list[dict[str, object]] = [{"role": r, "content": t} for r, t in texts]
        if timed:
            for i, message in enumerate(messages):
                message["timestamp"] = format_ts(start + timedelta(seconds=i))
        chat = {"id": f"pol-{n}", "user": user, "created_at": format_ts(start)}
        lines.append({**chat, "messages": messages})
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path
