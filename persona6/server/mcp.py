"""The MCP server: the tools an agent needs mid-conversation, over the ``Persona6`` facade.

Built on the official ``mcp`` package's high-level server (``MCPServer``, mcp 2.x); the
command ``persona6 mcp`` serves it over stdio or streamable HTTP (docs/mcp.md).

    get_user_context   the brief for a person: Markdown plus items citing event ids; for an
                       anonymous actor no link ties to anyone, who linking says they probably are
    link_session       which known person an anonymous actor is, how sure, and why
    predict_reaction   how a person will react to a failure
    record_event       store one event or a list of them (the graph catches up on the next read)
    explain_trait      the evidence chain of one trait
    get_person         a person's strongest traits with a quote each (the whole view is the
                       resource ``persona6://persons/{person_id}``)
    list_persons       everyone the graph holds traits about
    forget             only on a server started to allow it (``allow_forget``, ``persona6 mcp
                       --allow-forget``): delete an event, a session or a person's events
                       and every trait resting on them

The tools answer mid-conversation, so each returns what an agent needs by default, compact, every
claim with its event ids and one short quote, and takes arguments for more (``detail``, ``limit``,
``quotes``, ``kinds``): the library's whole record (``LinkResult``, ``Prediction``) is behind
``detail``. The result is structured content with its JSON Schema as the tool's output schema,
and the same JSON, without indentation, as one text block. A ``Persona6Error`` becomes a tool
error (``isError``) carrying the library's message rendered for ``"mcp"``: options are named
as the tool's arguments (``event_id``, not ``--event``) and next steps as tools; arguments
outside the input schema get the HTTP API's message shape (where, what, how to fix). The
server itself keeps running.
"""

from __future__ import annotations

import json
import math
import re
import threading
from collections import Counter
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, Field, ValidationError, WithJsonSchema

from persona6 import __version__
from persona6.behavior import Prediction
from persona6.behavior.predict import EpisodeRef
from persona6.context import DEFAULT_BUDGET, Brief
from persona6.context.brief import MAX_BUDGET, MIN_BUDGET
from persona6.engine import Persona6
from persona6.errors import InvalidEvent, MissingExtra, NotFound, Persona6Error
from persona6.graph.consolidate import chosen_sides
from persona6.graph.forget import ForgetReport
from persona6.identity import LinkResult
from persona6.identity.forgetting import for_surface
from persona6.identity.records import Candidate, LinkEvidence, Quote
from persona6.server.hints import ProbableCache, context_with_hint, unseen_failure_note
from persona6.types import (
    Event,
    EvidenceLink,
    PersonSummary,
    PersonView,
    SignalKind,
    Trait,
    TraitStatus,
)

try:
    from mcp.server.mcpserver import MCPServer
    from mcp.server.mcpserver.exceptions import (
        ResourceError,
        ResourceNotFoundError,
        ToolError,
        UnexpectedToolError,
    )
    from mcp.types import CallToolResult, InputRequiredResult, TextContent, ToolAnnotations
    from mcp.types import Tool as MCPTool
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
this person tends to react when something fails. get_person lists a person's strongest
traits and explain_trait shows the quotes behind one. Every claim cites the ids of the events
it rests on. Answers are compact; arguments such as detail, limit and quotes give more."""


class RecordReport(BaseModel):
    """What ``record_event`` stored."""

    received: int = Field(description="Events given.")
    stored: int = Field(description="Events newly stored.")
    duplicates: int = Field(
        description="Events already stored (same event_id, given or derived): unchanged."
    )
    conflict: str | None = Field(
        default=None,
        description="When an event_id given is stored with other content: the first such "
        "event and what differs (not stored: give each event its own id).",
    )


#: How long a quote may be in a compact answer; a longer one is cut at a word, with "…".
QUOTE_CHARS = 160


class Cited(BaseModel):
    """One event a claim rests on, with what it shows."""

    event_id: str
    quote: str = Field(
        description=f"The event's words (cut with … past {QUOTE_CHARS} characters); for a "
        "context attribute, the attribute as key=value."
    )


class TraitDigest(BaseModel):
    """A trait as an agent needs it: the claim, how sure, and what it rests on."""

    id: str = Field(description="Trait id: pass it to explain_trait for the whole chain.")
    kind: SignalKind
    statement: str
    confidence: float
    status: TraitStatus
    sessions: int = Field(description="Distinct sessions that support it.")
    counter_sessions: int = Field(description="Distinct sessions that speak against it.")
    evidence: list[Cited] = Field(description="Its most recent quotes (`quotes` of them).")


class PersonDigest(BaseModel):
    """``get_person``: the person and their strongest traits."""

    person: PersonSummary
    traits: list[TraitDigest] = Field(description="Strongest first (confidence, then sessions).")
    matching: int = Field(description="Traits that match kinds and status, shown or not.")
    by_kind: dict[str, int] = Field(description="Active traits per kind, to ask for with kinds.")
    note: str = Field(description="What was left out, and how to see it.")


class TraitChain(BaseModel):
    """``explain_trait``: a trait and the events it rests on."""

    trait: TraitDigest
    chain: list[EvidenceLink] = Field(
        description="Cited events, supporting first, each with its quote (and its whole text "
        "with texts=true)."
    )
    links: int = Field(description="Cited events in all, shown or not.")


class PersonList(BaseModel):
    """``list_persons``: everyone the graph holds traits about."""

    persons: list[PersonSummary] = Field(description="Most traits first.")
    count: int


#: The output schema of a ``detail`` field: the library's whole record, described by the HTTP
#: API's /openapi.json rather than spelt out in every tools/list an agent reads.
_WHOLE_RECORD: dict[str, Any] = {"anyOf": [{"type": "object"}, {"type": "null"}]}


class LinkItem(BaseModel):
    """One match (or clash) between an anonymous actor and a candidate."""

    family: str = Field(description="texture, content, behaviour or context.")
    feature: str = Field(description="What matched: a word, a claim, a style, an attribute.")
    stance: str = Field(description="for (the same person) or against.")
    summary: str = Field(description="The match in words, with counts on both sides.")
    anonymous: Cited | None = Field(description="Where the actor shows it (null: a summary).")
    person: Cited | None = Field(description="Where the candidate shows it (null: a summary).")


class LinkCandidate(BaseModel):
    person_id: str
    probability: float = Field(description="Calibrated probability that the actor is this person.")
    contributions: dict[str, float] = Field(
        description="Log-likelihood ratio of each evidence family (texture, content, behaviour, "
        "context): above 0 speaks for this person."
    )
    evidence: list[LinkItem] = Field(description="Its strongest matches, a family each first.")


class LinkDigest(BaseModel):
    """``link_session``: who an anonymous actor is, how sure, and why."""

    anonymous_id: str
    decision: str | None = Field(description="The person they are, or null: a new person.")
    new_person_probability: float
    threshold: float = Field(description="Probability the decision needed.")
    candidates: list[LinkCandidate] = Field(description="The 3 most probable, best first.")
    excluded: dict[str, str] = Field(description="Persons ruled out, and why.")
    linked: str | None = Field(description="The person a stored link already ties them to.")
    note: str = Field(description="What the result means, and what to do with it.")
    detail: Annotated[LinkResult | None, WithJsonSchema(_WHOLE_RECORD)] = Field(
        description="The whole result, every candidate and match, as the HTTP API's POST "
        "/v1/link with detail (detail=true only)."
    )


class ReactionDigest(BaseModel):
    """``predict_reaction``: how the person will react, and what that rests on."""

    person_id: str
    failure: str | None = Field(description="What failed (given, or the event's failure).")
    distribution: dict[str, float] = Field(description="reaction -> probability, likeliest first.")
    expected_latency_s: float | None = Field(
        description="Expected seconds until they react (null: nothing to go on)."
    )
    rests_on: str = Field(description="The episodes it rests on, per level, in one line.")
    episodes: list[EpisodeRef] = Field(
        description="Their 3 most relevant past failure episodes, with event ids."
    )
    episodes_total: int = Field(description="Their past failure episodes in all.")
    detail: Annotated[Prediction | None, WithJsonSchema(_WHOLE_RECORD)] = Field(
        description="The whole prediction with its basis per level, as the HTTP API's GET "
        "/v1/persons/{id}/predict (detail=true only)."
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
        #: Who anonymous actors probably are, kept between briefs (``get_user_context``).
        self.probable = ProbableCache()

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


_FIRST_SENTENCE = re.compile(r"(?<=[a-z0-9)])\.(?=\s)")


def _event_schema() -> dict[str, Any]:
    """The event envelope as an agent needs it: every field with its type and the first
    sentence of its description; not ``tenant`` (the server's)."""
    schema = _inline_refs(Event.model_json_schema())
    schema.pop("tenant", None)
    schema["properties"].pop("tenant", None)
    for field in schema["properties"].values():
        said = field.get("description", "")
        field["description"] = _FIRST_SENTENCE.split(said, maxsplit=1)[0].rstrip(".") + "."
        field.pop("title", None)
    return schema


# The input schema shows the event envelope, but the tool takes plain objects: ingest
# validates them, so a bad field is reported with the envelope's own message and fix
# (docs/events.md), not as a generic schema violation. A list shows the envelope once.
EventArgument = Annotated[
    dict[str, Any] | list[dict[str, Any]],
    WithJsonSchema(
        {
            "anyOf": [
                _event_schema(),
                {"type": "array", "items": {"type": "object"}, "minItems": 1},
            ],
            "description": "One event of the native envelope (docs/events.md), or a list of "
            "such events, stored all or none.",
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
    engine: Persona6 | Callable[[], Persona6],
    *,
    name: str = "persona6",
    allow_forget: bool = False,
) -> MCPServer[Any]:
    """An MCP server over ``engine``, or over the engine ``engine()`` makes on first use.

    ``allow_forget`` adds the ``forget`` tool (annotated destructive, so clients ask before
    calling it). It is off by default: an agent whose instructions a user's text can reach
    must not be able to erase a tenant's records unless the operator chose so.

    Run it with ``.run("stdio")`` or ``.run("streamable-http", host=..., port=...)``, mount
    ``.streamable_http_app()`` in an ASGI app, or connect ``mcp.Client(server)`` to it in
    process (tests).
    """
    shared = _Engine(engine)
    server = _Server(
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
        layer. `text` is Markdown; each of `items` cites event ids. For an anonymous actor
        whom linking finds to be a known person, a line says who (nothing is merged)."""

        return shared.call(
            lambda p6: context_with_hint(
                p6, person_id, "mcp", task=task, budget=budget, cache=shared.probable
            )
        )

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
        detail: Annotated[
            bool,
            Field(description="Also the whole result: every candidate and every match."),
        ] = False,
    ) -> LinkDigest:
        """Which known person an anonymous actor is, or a new person (`decision` null): the
        3 likeliest candidates with each evidence family's log-likelihood ratio, and the
        decided one's 3 strongest matches, each with an event id and a quote a side. Persons
        who acted in the actor's sessions are ruled out (`excluded`). Nothing is merged."""
        return shared.call(
            lambda p6: _link_digest(p6, p6.link(anonymous_id, threshold=threshold), detail)
        )

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
        detail: Annotated[
            bool, Field(description="Also the whole prediction, with its basis per level.")
        ] = False,
    ) -> ReactionDigest:
        """How the person will react when something fails: the probability of each reaction
        (retry, rephrase, switch, abandon, escalate, complain, self_fix, feedback), the
        expected seconds until they react, one line of what it rests on, and their 3 most
        relevant past failure episodes with event ids."""
        return shared.call(
            lambda p6: _reaction_digest(
                p6.predict(person_id, failure=failure, event=event_id), failure, detail
            ),
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
        next read brings the persona up to date."""
        events = event if isinstance(event, list) else [event]

        def record(p6: Persona6) -> RecordReport:
            try:
                report = p6.record_events(events)
            except InvalidEvent as exc:
                raise _reworded(exc, single=not isinstance(event, list)) from exc
            return RecordReport(
                received=len(events),
                stored=report.stored,
                duplicates=report.duplicates,
                conflict=report.first_conflict,
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
        limit: Annotated[
            int, Field(ge=1, le=1000, description="Most cited events shown, supporting first.")
        ] = 8,
        texts: Annotated[
            bool, Field(description="Also each cited event's whole text, for context.")
        ] = False,
    ) -> TraitChain:
        """The evidence chain of one trait: the trait, then its cited events (supporting
        first), each with its stance, session, time and quote."""

        def chain(p6: Persona6) -> TraitChain:
            try:
                explained = p6.why(person_id, trait_id)
            except NotFound:
                p6.require_person(person_id)  # an unknown person is the first thing to say
                raise
            ordered = sorted(explained.chain, key=lambda link: link.stance != "supports")
            shown = [
                link if texts else link.model_copy(update={"text": None})
                for link in ordered[:limit]
            ]
            return TraitChain(
                trait=_trait_digest(explained.trait, 0), chain=shown, links=len(ordered)
            )

        return shared.call(chain)

    @server.tool(annotations=_READS)
    def get_person(
        person_id: PersonId,
        kinds: Annotated[
            list[SignalKind] | None,
            Field(description="Only traits of these kinds. Default: every kind."),
        ] = None,
        limit: Annotated[
            int, Field(ge=1, le=1000, description="Most traits shown, strongest first.")
        ] = 12,
        quotes: Annotated[
            int, Field(ge=0, le=50, description="Most quotes per trait, most recent first.")
        ] = 1,
        inactive: Annotated[
            bool, Field(description="Also superseded and contested traits.")
        ] = False,
    ) -> PersonDigest:
        """A person's summary and their strongest active traits (kind, statement, confidence,
        supporting sessions, trait id), each with its latest quote and event id. `kinds`,
        `limit`, `quotes` and `inactive` show more; explain_trait shows one trait's chain."""
        return shared.call(
            lambda p6: _person_digest(p6.person(person_id), kinds, limit, quotes, inactive)
        )

    @server.tool(annotations=_READS)
    def list_persons() -> PersonList:
        """Everyone the graph holds traits about (known persons, and anonymous actors no link
        ties to anyone), most traits first, with sessions, events and aliases."""
        return shared.call(lambda p6: _person_list(p6.persons()))

    if allow_forget:

        @server.tool(
            annotations=ToolAnnotations(
                read_only_hint=False,
                destructive_hint=True,
                idempotent_hint=True,
                open_world_hint=False,
            )
        )
        def forget(
            event_id: Annotated[
                str | None, Field(min_length=1, description="One event to forget.")
            ] = None,
            session_id: Annotated[
                str | None, Field(min_length=1, description="A session to forget whole.")
            ] = None,
            person_id: Annotated[
                str | None,
                Field(min_length=1, description="A person: all of their events."),
            ] = None,
        ) -> ForgetReport:
            """Delete what a person asked to be forgotten, for good: one event (event_id), a
            session (session_id) or all of a person's events (person_id); give exactly one.
            Every trait that rested on it is recomputed, and one left without evidence is
            gone. Forgetting a person, `linked` says what became of each anonymous actor
            linked to them."""

            def run(p6: Persona6) -> ForgetReport:
                report = p6.forget(event=event_id, session=session_id, person=person_id)
                return report.model_copy(update={"linked": for_surface(report.linked, "mcp")})

            return shared.call(
                run, names={"event": "event_id", "session": "session_id", "person": "person_id"}
            )

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


class _Server(MCPServer[Any]):
    """``MCPServer`` whose results read well as text and whose argument errors read like the
    HTTP API's: the structured result is also the one text block, as JSON without indentation
    (the SDK indents it, and gives a list one block per item); arguments outside the input
    schema are named with what was wrong and how to fix it, without pydantic's layout and
    URL."""

    async def list_tools(self) -> list[MCPTool]:
        """The tools with compact schemas (no titles; an input takes no other argument)."""
        return [
            tool.model_copy(
                update={
                    "input_schema": {
                        **_compact(tool.input_schema, inputs=True),
                        "additionalProperties": False,
                    },
                    "output_schema": None
                    if tool.output_schema is None
                    else {
                        **_compact(tool.output_schema, inputs=False),
                        "title": tool.output_schema.get("title"),
                    },
                }
            )
            for tool in await super().list_tools()
        ]

    async def call_tool(
        self, name: str, arguments: dict[str, Any], context: Any = None
    ) -> CallToolResult | InputRequiredResult:
        tool = self._tool_manager.get_tool(name)
        if tool is not None:
            known = list(tool.parameters.get("properties", {}))
            unknown = [argument for argument in arguments if argument not in known]
            if unknown:
                # The SDK drops an argument its model lacks: a misspelt "taks" would give an
                # untargeted brief without a word.
                raise ToolError(f"Error executing tool {name}: {_unknown(name, unknown, known)}")
        try:
            result = await super().call_tool(name, arguments, context)
        except ToolError as exc:
            cause = exc.__cause__
            if isinstance(exc, UnexpectedToolError) or not isinstance(cause, ValidationError):
                raise
            raise ToolError(f"Error executing tool {name}: {_invalid_arguments(cause)}") from cause
        if isinstance(result, CallToolResult) and result.structured_content is not None:
            text = json.dumps(result.structured_content, ensure_ascii=False, separators=(",", ":"))
            return result.model_copy(update={"content": [TextContent(type="text", text=text)]})
        return result


def _invalid_arguments(exc: ValidationError) -> str:
    """The message of arguments outside a tool's input schema, in the HTTP API's shape: each
    argument with what was wrong (and the value given), then how to fix it."""
    problems = []
    for item in exc.errors(include_url=False):
        where = ".".join(str(part) for part in item.get("loc", ())) or "arguments"
        problem = f"{where}: {item.get('msg', 'is invalid')}"
        if item.get("type") != "missing":
            given = repr(item.get("input"))
            problem += f" (given {given if len(given) <= 60 else given[:57] + '...'})"
        problems.append(problem)
    return "; ".join(problems) + ". Fix the arguments as the tool's input schema describes"


def _unknown(tool: str, unknown: list[str], known: list[str]) -> str:
    """The message of arguments a tool does not take, in the HTTP API's shape."""
    which = "argument" if len(unknown) == 1 else "arguments"
    takes = "takes the arguments " + ", ".join(known) if known else "takes no arguments"
    return (
        f"{which} {', '.join(repr(a) for a in unknown)}: not "
        f"{'an ' if len(unknown) == 1 else ''}{which} of {tool}, which {takes}. Fix the "
        "arguments as the tool's input schema describes"
    )


def _compact(schema: Any, *, inputs: bool) -> Any:
    """``schema`` without what an agent does not read: titles (the property names say it),
    and in an input, the null of an optional argument (leave the argument out instead)."""
    if isinstance(schema, list):
        return [_compact(item, inputs=inputs) for item in schema]
    if not isinstance(schema, dict):
        return schema
    found: dict[str, Any] = {}
    for key, value in schema.items():
        if key == "title" and isinstance(value, str):
            continue
        if key in ("properties", "$defs") and isinstance(value, dict):
            found[key] = {name: _compact(sub, inputs=inputs) for name, sub in value.items()}
        else:
            found[key] = _compact(value, inputs=inputs)
    options = found.get("anyOf")
    if inputs and isinstance(options, list) and {"type": "null"} in options:
        rest = [option for option in options if option != {"type": "null"}]
        if len(rest) == 1:
            del found["anyOf"]
            found = {**rest[0], **found}
            if found.get("default", 0) is None:
                del found["default"]
    return found


def _short(text: str) -> str:
    """``text`` cut at a word once past ``QUOTE_CHARS`` characters, with "…"."""
    if len(text) <= QUOTE_CHARS:
        return text
    cut = text[:QUOTE_CHARS]
    return (cut.rsplit(" ", 1)[0] if " " in cut[QUOTE_CHARS // 2 :] else cut) + "…"


def _trait_digest(trait: Trait, quotes: int) -> TraitDigest:
    latest = trait.evidence[::-1][:quotes] if quotes else []
    return TraitDigest(
        id=trait.id,
        kind=trait.kind,
        statement=trait.statement,
        confidence=trait.confidence,
        status=trait.status,
        sessions=trait.sessions,
        counter_sessions=trait.counter_sessions,
        evidence=[Cited(event_id=e.event_id, quote=_short(e.quote)) for e in latest],
    )


def _person_digest(
    view: PersonView, kinds: list[SignalKind] | None, limit: int, quotes: int, inactive: bool
) -> PersonDigest:
    matching = [
        t
        for t in view.traits
        if (inactive or t.status == TraitStatus.ACTIVE) and (not kinds or t.kind in kinds)
    ]
    # The other side of a contrast ("against long paragraphs (prefers bullet points
    # instead)") rests on the very spans of the side chosen: it comes after every other
    # trait, so that one fact does not take two of the first slots (the brief says it once).
    others = chosen_sides(matching)
    matching.sort(key=lambda t: (t.id in others, -t.confidence, -t.sessions, t.id))
    by_kind = Counter(str(t.kind) for t in view.traits if t.status == TraitStatus.ACTIVE)
    shown = matching[:limit]
    which = "" if inactive else "active "
    if kinds:
        which += "/".join(str(kind) for kind in kinds) + " "
    note = f"{len(shown)} of {len(matching)} {which}traits, strongest first."
    if others:
        note += (
            f" The other side of {len(others)} contrast{'s' if len(others) > 1 else ''} "
            "(against X, prefers Y instead) comes last."
        )
    if len(shown) < len(matching):
        note += " More with limit; other kinds with kinds."
    note += " One trait's every quote: explain_trait."
    return PersonDigest(
        person=view.person,
        traits=[_trait_digest(t, quotes) for t in shown],
        matching=len(matching),
        by_kind=dict(by_kind.most_common()),
        note=note,
    )


def _person_list(persons: list[PersonSummary]) -> PersonList:
    return PersonList(persons=persons, count=len(persons))


#: Families of link evidence that name no match: where every candidate starts (the model's
#: constant and the prior).
_SUMMARY_FAMILIES = {"baseline"}


def _is_attribute(item: LinkEvidence) -> bool:
    """A context attribute (``key=value``): attributes are not text, so they have no quote."""
    return item.family == "context" and "=" in item.feature and not item.anonymous


def _is_match(item: LinkEvidence) -> bool:
    """A concrete match (a word, a claim, a style, an attribute, the texture classifier), not
    a family's block-by-block sum nor the baseline."""
    return (
        item.family not in _SUMMARY_FAMILIES
        and (bool(item.anonymous or item.person) or _is_attribute(item))
        and not item.feature.endswith("block by block")
    )


def _strongest(candidate: Candidate, shown: int = 3) -> list[LinkEvidence]:
    """The matches to show of a candidate: a clash first (it may undo a link), then the
    first match of each family, the family that speaks most for the person first, then the
    next matches, then the family summaries."""
    matches = [e for e in candidate.evidence if _is_match(e)]
    chosen = [e for e in matches if e.stance == "against"][:1]
    families = sorted(candidate.contributions, key=lambda f: -candidate.contributions[f])
    for family in families:
        first = next((e for e in matches if e.family == family and e not in chosen), None)
        if first is not None and candidate.contributions[family] > 0:
            chosen.append(first)
    rest = [e for e in matches if e not in chosen]
    rest += [e for e in candidate.evidence if e not in matches]
    return (chosen + rest)[:shown]


def _attribute_event(p6: Persona6, actor: str, attribute: str) -> Cited | None:
    """The most recent event of ``actor`` that carries ``attribute`` (``key=value``)."""
    key, _, value = attribute.partition("=")
    found = None
    for event in p6.events(actor=actor):
        if key in event.attrs and str(event.attrs[key]) == value:
            found = event.event_id
    return None if found is None else Cited(event_id=found, quote=attribute)


def _side(p6: Persona6, actor: str, item: LinkEvidence, quotes: list[Quote]) -> Cited | None:
    if quotes:
        return Cited(event_id=quotes[-1].event_id, quote=_short(quotes[-1].quote))
    if _is_attribute(item):
        return _attribute_event(p6, actor, item.feature)
    return None


def _link_digest(p6: Persona6, result: LinkResult, detail: bool) -> LinkDigest:
    # The agent serves the anonymous actor: matches (with the person's own words) only for the
    # person they are or probably are; any other candidate is a name and a probability, never
    # what that person said ("Never reveal one person's data to another").
    shown = result.linked.person_id if result.linked is not None else result.decision
    candidates = [
        LinkCandidate(
            person_id=c.person_id,
            probability=c.probability,
            contributions={f: round(v, 2) for f, v in c.contributions.items()},
            evidence=[
                LinkItem(
                    family=e.family,
                    feature=e.feature,
                    stance=e.stance,
                    summary=e.summary,
                    anonymous=_side(p6, result.anonymous_id, e, e.anonymous),
                    person=_side(p6, c.person_id, e, e.person),
                )
                for e in (_strongest(c) if c.person_id == shown else [])
            ],
        )
        for c in result.candidates[:3]
    ]
    actor, decision = result.anonymous_id, result.decision
    if result.linked is not None:
        link = result.linked
        how = link.method + (f" {link.evidence_event_id}" if link.evidence_event_id else "")
        if link.link_id != link.evidence_event_id:  # an identify link's id is its event's
            how += f", link {link.link_id}"
        note = (
            f"{actor} is linked to {link.person_id} already (by {how}): "
            f"get_user_context and predict_reaction answer for {actor} as {link.person_id}."
        )
    elif decision is not None:
        note = (
            f"Probably {decision}, not linked: briefs of {actor} hold their own history "
            "only. Merging them is the product's decision, not a tool here."
        )
    else:
        note = "Probably a new person: no known person reaches the threshold."
    return LinkDigest(
        anonymous_id=actor,
        decision=decision,
        new_person_probability=result.new_person_probability,
        threshold=result.threshold,
        candidates=candidates,
        excluded=result.excluded,
        linked=None if result.linked is None else result.linked.person_id,
        note=note,
        detail=result if detail else None,
    )


def _counts(reactions: dict[str, Any]) -> str:
    ranked = sorted(reactions.items(), key=lambda kv: (-kv[1], kv[0]))
    return ", ".join(f"{name} {count:g}" for name, count in ranked)


def _rests_on(basis: dict[str, Any]) -> str:
    """What a prediction rests on, in one line, from its ``basis``."""
    said = []
    person = basis.get("person") or {}
    own = person.get("episodes", 0)
    if own:
        line = f"their own {own} past failures ({_counts(person.get('reactions', {}))})"
        same = person.get("same_kind") or {}
        if same.get("episodes"):
            line += (
                f", {same['episodes']} after {same.get('failure')} "
                f"({_counts(same.get('reactions', {}))})"
            )
        said.append(line)
    else:
        said.append("none of their own failures yet")
    membership = (basis.get("archetype") or {}).get("membership") or {}
    if membership:
        name, weight = max(membership.items(), key=lambda kv: kv[1])
        said.append(f"people like them ({name}, membership {weight:.2f})")
    population = (basis.get("population") or {}).get("episodes")
    if population:
        said.append(f"the population's {population} failures")
    return "; ".join(said)


def _rounded(shares: list[tuple[str, float]], places: int) -> dict[str, float]:
    """Shares summing to 1, rounded to ``places`` decimals so that they still sum to 1 (the
    largest remainders get the units plain rounding loses: eight shares each rounded alone can
    sum to 1.001), in the order given."""
    unit = 10**places
    scaled = [p * unit for _, p in shares]
    kept = [math.floor(x) for x in scaled]
    short = round(sum(scaled)) - sum(kept)
    by_remainder = sorted(range(len(kept)), key=lambda i: (kept[i] - scaled[i], i))
    for i in by_remainder[: max(short, 0)]:
        kept[i] += 1
    return {name: round(k / unit, places) for (name, _), k in zip(shares, kept, strict=True)}


def _reaction_digest(prediction: Prediction, failure: str | None, detail: bool) -> ReactionDigest:
    ranked = sorted(prediction.distribution.items(), key=lambda kv: (-kv[1], kv[0]))
    latency = prediction.expected_latency_s
    return ReactionDigest(
        person_id=prediction.person_id,
        failure=failure or (prediction.basis.get("context") or {}).get("failure"),
        distribution=_rounded(ranked, 3),
        expected_latency_s=None if latency is None else round(latency, 1),
        rests_on="; ".join(
            filter(
                None,
                [
                    _rests_on(prediction.basis),
                    unseen_failure_note(prediction, "mcp") if failure is not None else None,
                ],
            )
        ),
        episodes=prediction.evidence[:3],
        # all their past episodes the prediction rests on: the evidence lists at most ten
        episodes_total=int(prediction.basis["person"]["episodes"]),
        detail=prediction if detail else None,
    )


def _reworded(exc: InvalidEvent, *, single: bool) -> InvalidEvent:
    """The same error, placed in the tool's argument (``event``, or ``event[2]`` of a list)
    instead of the library's ``api[2]``."""
    if not exc.where.startswith("api["):
        return exc
    where = "event" if single else "event" + exc.where.removeprefix("api")
    return InvalidEvent(where, exc.field, exc.problem, exc.hint, exc.value, **exc.values)
