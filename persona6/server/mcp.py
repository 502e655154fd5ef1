"""The MCP server: the tools an agent needs mid-conversation, over the ``Persona6`` facade.

Built on the official ``mcp`` package's high-level server (``MCPServer``, mcp 2.x); the
command ``persona6 mcp`` serves it over stdio or streamable HTTP (docs/mcp.md).

    get_user_context   the brief for a person: Markdown plus items citing event ids
    link_session       which known person an anonymous actor is, how sure, and why
    predict_reaction   how a person will react to a failure
    record_event       store one event or a list of them (the graph catches up on the next read)
    explain_trait      the evidence chain of one trait
    get_person         a person's traits with their evidence (also the resource
                       ``persona6://persons/{person_id}``)
    list_persons       everyone the graph holds traits about

Each tool returns the model the matching command's ``--json`` prints (for ``link_session``
the whole ``LinkResult``, of which ``persona6 link --json`` prints three fields), as structured
content with its JSON Schema as the tool's output schema. A ``Persona6Error`` becomes a tool
error (``isError``) carrying the library's message rendered for ``"mcp"``: options are named
as the tool's arguments (``event_id``, not ``--event``) and next steps as tools; the server
itself keeps running.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, Field, WithJsonSchema

from persona6 import __version__
from persona6.behavior import Prediction
from persona6.context import DEFAULT_BUDGET, Brief
from persona6.context.brief import MAX_BUDGET, MIN_BUDGET
from persona6.engine import Persona6
from persona6.errors import InvalidEvent, MissingExtra, NotFound, Persona6Error
from persona6.identity import LinkResult
from persona6.types import Event, PersonSummary, PersonView, TraitExplanation

try:
    from mcp.server.mcpserver import MCPServer
    from mcp.server.mcpserver.exceptions import ResourceError, ResourceNotFoundError, ToolError
    from mcp.types import ToolAnnotations
except ImportError as exc:  # the optional extra is not installed
    raise MissingExtra("persona6 mcp", "server") from exc

__all__ = ["RecordReport", "create_mcp_server"]

T = TypeVar("T")

INSTRUCTIONS = """\
Persona6 holds an evidence-backed persona graph of the people in this product's logs.
At the start of a conversation, call get_user_context with the person's id (and the task, if
known) and follow the brief. If the user is anonymous, link_session says which known person
they are, if anyone. While the conversation goes on, store what the user says or does with
record_event, so the next brief reflects it. Before a risky step, predict_reaction says how
this person tends to react when something fails. get_person lists a person's traits and
explain_trait shows the quotes behind one. Every claim cites the ids of the events it rests
on."""


class RecordReport(BaseModel):
    """What ``record_event`` stored."""

    received: int = Field(description="Events given.")
    stored: int = Field(description="Events newly stored.")
    duplicates: int = Field(
        description="Events already stored (same event_id, given or derived): unchanged."
    )


class _Engine:
    """The one engine every session of a server shares.

    Calls are serialized: the engine's SQLite connection and its caches are not thread-safe,
    and the SDK runs each (synchronous) tool on a worker thread. An engine given is used as it
    is and never closed (its owner closes it); one made by a factory is made on first use and
    closed when the server stops.
    """

    def __init__(self, source: Persona6 | Callable[[], Persona6]):
        self._factory = None if isinstance(source, Persona6) else source
        self._engine = source if isinstance(source, Persona6) else None
        self._lock = threading.Lock()
        self._runs = 0

    def call(
        self,
        action: Callable[[Persona6], T],
        *,
        refresh: bool = True,
        error: type[Exception] = ToolError,
        names: dict[str, str] | None = None,
    ) -> T:
        """Run ``action`` on the engine, the graph first brought up to date with the log
        (``refresh``), and turn a ``Persona6Error`` into ``error`` with its message rendered
        for MCP (``names``: the tool's argument for a library parameter, where it differs)."""
        with self._lock:
            try:
                if self._engine is None:
                    assert self._factory is not None
                    self._engine = self._factory()
                engine = self._engine
                # So that an event recorded earlier in the conversation (by this server or
                # by anyone writing to the same store) is in the answer.
                if refresh and engine.pending_events():
                    engine.build()
                return action(engine)
            except Persona6Error as exc:
                message = exc.render("mcp", MCP_NAMES | (names or {}))
                if error is ResourceError and isinstance(exc, NotFound):
                    raise ResourceNotFoundError(message) from exc
                raise error(message) from exc

    @asynccontextmanager
    async def lifespan(self, _server: MCPServer[Any]) -> AsyncIterator[dict[str, Any]]:
        self._runs += 1
        try:
            yield {}
        finally:
            self._runs -= 1
            if self._runs == 0 and self._factory is not None:
                with self._lock:
                    if self._engine is not None:
                        self._engine.close()
                        self._engine = None


def _inline_refs(schema: dict[str, Any]) -> dict[str, Any]:
    """A model's JSON Schema with its ``$defs`` inlined, so it can sit inside another."""
    defs = schema.pop("$defs", {})

    def inline(node: Any) -> Any:
        if isinstance(node, dict):
            if "$ref" in node:
                rest = {k: v for k, v in node.items() if k != "$ref"}
                return {**inline(defs[node["$ref"].rsplit("/", 1)[-1]]), **inline(rest)}
            return {key: inline(value) for key, value in node.items()}
        if isinstance(node, list):
            return [inline(value) for value in node]
        return node

    return inline(schema)


_EVENT_SCHEMA = _inline_refs(Event.model_json_schema())

# The input schema shows the event envelope exactly, but the tool takes plain objects: ingest
# validates them, so a bad field is reported with the envelope's own message and fix
# (docs/events.md), not as a generic schema violation.
EventArgument = Annotated[
    dict[str, Any] | list[dict[str, Any]],
    WithJsonSchema(
        {
            "anyOf": [_EVENT_SCHEMA, {"type": "array", "items": _EVENT_SCHEMA, "minItems": 1}],
            "description": "One event of the native envelope (docs/events.md), or a list of "
            "them, stored all or none.",
        }
    ),
]
PersonId = Annotated[
    str,
    Field(
        min_length=1,
        description="The person: a user_id, or an anonymous actor's id that no identify "
        "event links to a person.",
    ),
]

#: How the tools name a library parameter where they call it otherwise (errors.py): the tenant
#: is the server's (``persona6 mcp --tenant``), not an argument.
MCP_NAMES = {"tenant": "the server's tenant"}

_READS = ToolAnnotations(read_only_hint=True, open_world_hint=False)


def create_mcp_server(
    engine: Persona6 | Callable[[], Persona6], *, name: str = "persona6"
) -> MCPServer[Any]:
    """An MCP server over ``engine``, or over the engine ``engine()`` makes on first use.

    Run it with ``.run("stdio")`` or ``.run("streamable-http", host=..., port=...)``, mount
    ``.streamable_http_app()`` in an ASGI app, or connect ``mcp.Client(server)`` to it in
    process (tests).
    """
    shared = _Engine(engine)
    server: MCPServer[Any] = MCPServer(
        name,
        title="Persona6",
        description="Evidence-backed persona graphs of the people in a product's logs.",
        instructions=INSTRUCTIONS,
        version=__version__,
        lifespan=shared.lifespan,
        log_level="WARNING",
    )

    @server.tool(annotations=_READS)
    def get_user_context(
        person_id: PersonId,
        task: Annotated[
            str | None,
            Field(description="What the agent is about to do; items are ranked by relevance."),
        ] = None,
        budget: Annotated[
            int,
            Field(
                ge=MIN_BUDGET,
                le=MAX_BUDGET,
                description="Most tokens the brief may use (counted by persona6.tokens.v1).",
            ),
        ] = DEFAULT_BUDGET,
    ) -> Brief:
        """The brief for serving a person, for the system prompt: who they are, what bears on
        the task, how to work with them, what to do if something breaks, and the assistant
        layer, with conflicts resolved. `text` is Markdown; each of `items` cites the ids of
        the events it rests on. Events recorded earlier are taken into account."""
        return shared.call(lambda p6: p6.context(person_id, task=task, budget=budget))

    @server.tool(annotations=_READS)
    def link_session(
        anonymous_id: Annotated[
            str, Field(min_length=1, description="The anonymous actor (anonymous_id).")
        ],
        threshold: Annotated[
            float | None,
            Field(
                gt=0.0,
                le=1.0,
                description="Probability the decision needs. Default: the tenant setting (0.5).",
            ),
        ] = None,
    ) -> LinkResult:
        """Which known person an anonymous actor is, or a new person (`decision` null): the
        candidates ranked by calibrated probability, each evidence family's log-likelihood
        ratio in `contributions`, and the matches quoted on both sides with event ids. Persons
        who acted in one of the actor's sessions are ruled out (`excluded`). Nothing is
        merged."""
        return shared.call(lambda p6: p6.link(anonymous_id, threshold=threshold))

    @server.tool(annotations=_READS)
    def predict_reaction(
        person_id: PersonId,
        failure: Annotated[
            str | None,
            Field(description="A failure name, e.g. error, timeout or assistant_error."),
        ] = None,
        event_id: Annotated[
            str | None,
            Field(
                description="A stored failure event: predicted from its own context and from "
                "what was known before it. Not together with failure."
            ),
        ] = None,
    ) -> Prediction:
        """How the person will react when something fails: the probability of each reaction
        (retry, rephrase, switch, abandon, escalate, complain, self_fix, feedback), the
        expected seconds until they react, the episode counts it rests on per level (person,
        archetype, population, context) and the person's past failure episodes with their
        event ids."""
        return shared.call(
            lambda p6: p6.predict(person_id, failure=failure, event=event_id),
            names={"event": "event_id"},
        )

    @server.tool(
        annotations=ToolAnnotations(
            read_only_hint=False,
            destructive_hint=False,
            idempotent_hint=True,
            open_world_hint=False,
        )
    )
    def record_event(event: EventArgument) -> RecordReport:
        """Store what a person said or did, or what happened to them: one event of the native
        envelope (ts with a timezone, session_id, type message|action|outcome|identify,
        user_id or anonymous_id, text, name for actions and outcomes), or a list of them.
        All or none are stored; an event already stored (same event_id) changes nothing. The
        next read (get_user_context, ...) brings the persona up to date. A bad field is an
        error that names the field and the fix."""
        events = event if isinstance(event, list) else [event]

        def record(p6: Persona6) -> RecordReport:
            try:
                stored = p6.record(events)
            except InvalidEvent as exc:
                raise _reworded(exc, single=not isinstance(event, list)) from exc
            return RecordReport(
                received=len(events), stored=stored, duplicates=len(events) - stored
            )

        return shared.call(record, refresh=False)

    @server.tool(annotations=_READS)
    def explain_trait(
        person_id: PersonId,
        trait_id: Annotated[
            str,
            Field(
                min_length=1,
                description="A trait id (tr_...), as get_person lists them.",
            ),
        ],
    ) -> TraitExplanation:
        """The evidence chain of one trait: the trait, then every cited event with its stance
        (supports or against), session, time, the quote and the whole text."""
        return shared.call(lambda p6: p6.why(person_id, trait_id))

    @server.tool(annotations=_READS)
    def get_person(person_id: PersonId) -> PersonView:
        """Everything the graph holds about a person: their summary and every trait (kind,
        statement, confidence, supporting sessions, validity, trait id) with its evidence
        quotes and event ids. Pass a trait id to explain_trait for its whole chain."""
        return shared.call(lambda p6: p6.person(person_id))

    @server.tool(annotations=_READS)
    def list_persons() -> list[PersonSummary]:
        """Everyone the graph holds traits about (known persons, and anonymous actors no
        identify event links to anyone), most traits first, with sessions, events and
        aliases."""
        return shared.call(lambda p6: p6.persons())

    @server.resource(
        "persona6://persons/{person_id}",
        name="person",
        description="A person's traits with their evidence (the `persona6 show --json` view).",
        mime_type="application/json",
    )
    def person(person_id: str) -> str:
        view: PersonView = shared.call(lambda p6: p6.person(person_id), error=ResourceError)
        return view.model_dump_json(indent=2)

    return server


def _reworded(exc: InvalidEvent, *, single: bool) -> InvalidEvent:
    """The same error, placed in the tool's argument (``event``, or ``event[2]`` of a list)
    instead of the library's ``api[2]``."""
    if not exc.where.startswith("api["):
        return exc
    where = "event" if single else "event" + exc.where.removeprefix("api")
    return InvalidEvent(where, exc.field, exc.problem, exc.hint, exc.value, **exc.values)
