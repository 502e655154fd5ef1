"""Ids used both as a user_id and as an anonymous actor's only id, found while ingesting.

The actor of an event is its ``user_id``, else its ``anonymous_id`` (docs/events.md): one
namespace. An event with only ``"anonymous_id": "u-x"`` is therefore u-x's own event, with no
identify event and no link that ``persona6 unlink`` could undo. That is right when the exporter
put the user's id in the anonymous field, and wrong when two id spaces overlap (cookie 42 and
customer 42). Ingest cannot tell which, so it stores the event as the envelope says and warns,
naming the first such id: give the anonymous actor an id of its own, or send the event with
``user_id`` if it is that person. Both orders are caught: the anonymous event after the
person's, and the person's first event after anonymous ones (within one input or across).
"""

from __future__ import annotations

import logging
from collections import defaultdict

from persona6.store.base import EventRow, Store

log = logging.getLogger("persona6.ingest")


#: What to do about it (the CLI prints it after the first such id).
HINT = (
    "Give the anonymous actor an id of its own, or send the events with user_id if they are "
    "that person's"
)


class SharedIds:
    """Counts the ids an ingest finds used both ways, and words the first."""

    def __init__(self) -> None:
        self.found: set[tuple[str, str]] = set()  # (tenant, id)
        self.first: str | None = None

    @property
    def count(self) -> int:
        return len(self.found)

    def warn(self) -> None:
        """Log the warning (where no ``IngestReport`` carries it: ``ingest_events``)."""
        if self.first is not None:
            log.warning(
                "%d id(s) used both as a user_id and as an anonymous_id; first: %s. %s",
                self.count,
                self.first,
                HINT,
            )

    def check(self, store: Store, rows: list[EventRow]) -> None:
        """Look at a batch of rows before it is stored."""
        users: dict[str, dict[str, EventRow]] = defaultdict(dict)
        anonymous: dict[str, dict[str, EventRow]] = defaultdict(dict)
        for row in rows:
            tenant, user_id, anonymous_id = row[0], row[4], row[5]
            if user_id is not None:
                users[tenant].setdefault(user_id, row)
            elif anonymous_id is not None:
                anonymous[tenant].setdefault(anonymous_id, row)
        for tenant in sorted(users.keys() | anonymous.keys()):
            mine, theirs = users[tenant], anonymous[tenant]
            known = store.stored_actors(tenant, mine.keys() | theirs.keys(), known=True)
            # A person stored before is checked when an anonymous twin arrives; only a person's
            # first events look back for anonymous ones (a cheap probe, where a person with
            # many events would cost a read of them all).
            before = store.stored_actors(tenant, mine.keys() - known, known=False)
            both = theirs.keys() & (known | mine.keys()) | mine.keys() & before
            for name in sorted(both):
                if (tenant, name) in self.found:
                    continue
                self.found.add((tenant, name))
                if self.first is None:
                    row = theirs.get(name) or mine[name]
                    self.first = (
                        f"{row[12] or row[1]}: {name!r} is both a user_id and the anonymous_id "
                        "of events without one, so those events are that person's (no identify "
                        "event, no link to undo)"
                    )
