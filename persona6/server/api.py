"""The HTTP API: the ``Persona6`` facade as an ASGI service (FastAPI), for live products.

Every request carries ``Authorization: Bearer KEY``; the key names the tenant, and every call
runs on an engine bound to that tenant, so no query can reach another tenant's rows. Errors
have one body shape, ``{"error": {"code", "message"}}``: the code is stable (clients branch on
it), the message says what was wrong and what to do, naming parameters as the routes do
(the library's error rendered for ``"http"``: ``budget``, not ``--budget``). docs/api.md lists
the endpoints.

Concurrency: each request borrows one of its tenant's engines (a store connection with its own
caches; a few per tenant), so requests run in parallel and a build does not stall the briefs.
Several processes can serve one PostgreSQL database (the store keeps no state that a process
could hold stale).

No ``from __future__ import annotations`` here: FastAPI reads the endpoints' annotations at
definition time, and they name ``Tenant``, a dependency local to ``create_app``.
"""

import asyncio
import json
import logging
import threading
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import asynccontextmanager, contextmanager
from enum import StrEnum
from itertools import islice
from multiprocessing import get_context
from typing import Annotated, Any, Literal, TypeVar

from fastapi import Depends, FastAPI, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from persona6 import __version__
from persona6.behavior import PersonArchetypes, Prediction
from persona6.context import DEFAULT_BUDGET, Brief
from persona6.context.brief import MAX_BUDGET, MIN_BUDGET
from persona6.engine import Persona6
from persona6.errors import (
    InvalidEvent,
    InvalidInput,
    InvalidOption,
    MissingExtra,
    NotFound,
    Persona6Error,
    StoreError,
)
from persona6.graph.build import BuildReport
from persona6.graph.forget import ForgetReport
from persona6.identity import (
    ContinuityReport,
    LinkAllReport,
    Linker,
    LinkRecord,
    LinkResult,
    StitchReport,
    UnlinkReport,
)
from persona6.identity.forgetting import for_surface
from persona6.identity.linking import EXPLAINED_ABOVE
from persona6.ingest.base import TOO_DEEP_PROBLEM
from persona6.server import hints, keys
from persona6.store import Store, open_store
from persona6.types import (
    ActorSummary,
    Event,
    EventType,
    PersonExport,
    PersonSummary,
    PersonView,
    SessionSummary,
    StoredEvent,
    StoreStats,
    TraitExplanation,
)

log = logging.getLogger("persona6.server")

T = TypeVar("T")

#: Largest request body accepted by POST /v1/events, and most events in one request.
MAX_BODY_BYTES = 16 * 1024 * 1024
MAX_EVENTS_PER_REQUEST = 10_000
#: Most items one page of a listing holds (GET /v1/events, /v1/sessions, /v1/actors), and
#: how many it holds unless asked.
MAX_PAGE = 1_000
DEFAULT_PAGE = 100
#: The largest offset into a listing (databases count rows in 64 bits).
MAX_OFFSET = 10**12
#: POST /v1/link answers the likeliest candidates, and any other at least this probable; the
#: matches (quotes of both sides) only of those at least this probable, or the decision (the
#: linker explains exactly those, so the floor is its ``EXPLAINED_ABOVE``).
LINK_CANDIDATES = 5
LINK_FLOOR = EXPLAINED_ABOVE


# -- records of the API (the facade's records serve the rest) -------------------------------


class ErrorCode(StrEnum):
    """The stable codes of error bodies: clients branch on these."""

    unauthorized = "unauthorized"
    not_found = "not_found"
    invalid_event = "invalid_event"
    invalid_input = "invalid_input"
    invalid_option = "invalid_option"
    invalid_request = "invalid_request"
    tenant_mismatch = "tenant_mismatch"
    too_large = "too_large"
    method_not_allowed = "method_not_allowed"
    store_unavailable = "store_unavailable"
    missing_extra = "missing_extra"
    internal = "internal"
    http_error = "http_error"


class ErrorDetail(BaseModel):
    code: ErrorCode = Field(description="Stable machine-readable code: branch on it.")
    message: str = Field(
        description="Where (which parameter, event or id), what was wrong with which value, "
        "and how to fix it."
    )


class ErrorBody(BaseModel):
    error: ErrorDetail


class IngestResult(BaseModel):
    received: int = Field(description="Events in the request.")
    stored: int = Field(description="Events new to the store.")
    duplicates: int = Field(description="Events already stored (same event_id): not stored again.")
    conflicts: int = Field(
        default=0,
        description="Of the duplicates, events whose event_id is stored with other content: not "
        "stored, the stored event kept (usually a producer reusing ids: fix the ids).",
    )
    first_conflict: str | None = Field(
        default=None, description="The first such event: where it is and what differs."
    )
    pending_events: int = Field(description="Stored events the graph does not reflect yet.")


class _Body(BaseModel):
    """A request body: a field it does not have is refused (422 naming it and the fields it
    has), not ignored, so a misspelt field such as "ful" cannot go unnoticed."""

    model_config = ConfigDict(extra="forbid")


class BuildRequest(_Body):
    full: bool = Field(default=False, description="Rebuild from scratch instead of incrementally.")


class LinkRequest(_Body):
    anonymous_id: str = Field(min_length=1, description="The anonymous actor to identify.")
    threshold: float | None = Field(
        default=None,
        description="Probability a candidate needs to be the decision (default: the tenant's).",
    )
    detail: bool = Field(
        default=False,
        description=f"Every candidate ranked, each with its matches, as the library gives "
        f"them (default: the {LINK_CANDIDATES} likeliest and any other at probability "
        f"{LINK_FLOOR} or more; matches only for those at {LINK_FLOOR} or more).",
    )


class PredictionAnswer(Prediction):
    """``GET /v1/persons/{id}/predict``: the library's prediction, with a note when needed."""

    note: str | None = Field(
        default=None,
        description="Set when the failure named is in no episode of the tenant's log (a "
        "misspelt name): the distribution is then that of any failure.",
    )


class LinkAnswer(LinkResult):
    """``POST /v1/link``: the library's result, its candidates capped unless detail=true."""

    candidates_omitted: int = Field(
        default=0, description="Candidates ranked but left out (detail=true shows them)."
    )
    evidence_omitted: list[str] = Field(
        default_factory=list,
        description="Candidates shown whose matches were left out, being below probability "
        f"{LINK_FLOOR} (detail=true shows them).",
    )


class LinkAllRequest(_Body):
    threshold: float | None = Field(
        default=None,
        description="Probability a candidate needs to be the decision (default: the tenant's).",
    )
    auto_merge_above: float | Literal["off"] | None = Field(
        default=None,
        description="Merge the decisions at or above this probability (method auto; undo "
        'with POST /v1/unlink); "off" merges none whatever the tenant\'s setting. Default: '
        "the tenant's setting, off unless set.",
    )


class StitchRequest(_Body):
    identifier_attrs: list[str] | None = Field(
        default=None,
        description='attrs keys that identify a person, e.g. ["email_sha256"] (default: '
        "the tenant's setting).",
    )


class LinkToRequest(_Body):
    anonymous_id: str = Field(min_length=1, description="The anonymous actor to merge.")
    person_id: str = Field(min_length=1, description="The known person (user_id) it is.")


class UnlinkRequest(_Body):
    anonymous_id: str = Field(min_length=1, description="The anonymous actor to unlink.")
    link_id: str | None = Field(
        default=None, min_length=1, description="Revoke only this link (default: every active one)."
    )
    reason: str | None = Field(
        default=None, description="Why, kept with the revoked link (shown by GET /v1/links)."
    )


class Health(BaseModel):
    status: str
    version: str


#: What each error status means, and its codes (every route declares the statuses it can
#: answer with; 500 ``internal`` is a bug, so no route declares it).
_ERROR_STATUSES: dict[int, str] = {
    400: "invalid_option: an argument cannot be used as given; invalid_request: a body "
    "that cannot be read.",
    401: "unauthorized: the API key is missing, malformed, unknown or revoked.",
    403: "tenant_mismatch: an event names another tenant than the key's.",
    404: "not_found: not stored in the key's tenant (another tenant's data answers the same).",
    413: "too_large: more events or bytes than one request may hold.",
    422: "invalid_event, invalid_input or invalid_request: the request, its body or an "
    "event in it is invalid, or it has a query parameter or body field the endpoint does not "
    "take.",
    503: "store_unavailable: the database cannot be used right now.",
}


def _errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The error responses of a route that needs a key (401; 422 for a query parameter it does
    not take; 503 from the database) and can also answer with ``statuses``."""
    return {
        status: {"model": ErrorBody, "description": _ERROR_STATUSES[status]}
        for status in sorted({401, 422, 503, *statuses})
    }


#: The ``Link`` header of a listing's page that has a next one.
_PAGED: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "One page, in order. A following page exists when the answer has a "
        'header Link: <URL>; rel="next" (the same query, offset moved on).',
        "headers": {
            "Link": {
                "description": 'The next page: <URL>; rel="next". Absent on the last page.',
                "schema": {"type": "string"},
            }
        },
    }
}

_LIMIT = Query(ge=1, le=MAX_PAGE, description=f"Most items in the page (1 to {MAX_PAGE:,}).")
_OFFSET = Query(ge=0, le=MAX_OFFSET, description="Items to skip: the page starts after them.")

_EVENTS_BODY = {
    "requestBody": {
        "required": True,
        "description": "Native events (docs/events.md): a JSON array, or one event per line "
        "with Content-Type application/x-ndjson. All are stored or none.",
        "content": {
            "application/json": {
                "schema": {"type": "array", "items": {"$ref": "#/components/schemas/Event"}}
            },
            "application/x-ndjson": {"schema": {"type": "string"}},
        },
    }
}


# -- engines per tenant ----------------------------------------------------------------------


class _Tenant:
    """The engines of one tenant: idle ones, and how many exist; and what they share: the
    tenant's linker (``TenantEngines.linking``) and who anonymous actors probably are
    (``hints.ProbableCache``)."""

    __slots__ = ("created", "idle", "linker", "linking", "probable", "ready")

    def __init__(self, probable: hints.ProbableCache) -> None:
        self.idle: list[Persona6] = []
        self.created = 0
        self.ready = threading.Condition()
        #: The one linker of the tenant's engines (None until a request links), lent to one
        #: engine at a time: held by ``linking``.
        self.linker: Linker | None = None
        self.linking = threading.Lock()
        self.probable = probable


class TenantEngines:
    """Engines per tenant over one database, each used by one request at a time.

    A tenant gets up to ``per_tenant`` engines (connections with their own caches), so a slow
    build does not hold up the tenant's briefs; beyond ``limit`` engines in all, idle engines
    of the least recently used tenants are closed.

    The engines of a tenant share one linker (its identity index: about 32 KB a person, so
    hundreds of MiB at 10,000 persons, once per tenant instead of once per engine), lent to
    one engine at a time by ``linking``: a linker is not thread-safe (a link first brings its
    index up to date with the store, in place), so linking calls of one tenant run one after
    another, while its other calls (briefs, predictions, reads, ingest) still run side by
    side. The linker has a database connection of its own, so an engine's connection is
    never used by two threads at once."""

    def __init__(self, db: str, *, per_tenant: int = 4, limit: int = 64):
        self.db = db
        self.per_tenant = per_tenant
        self.limit = limit
        self._tenants: OrderedDict[str, _Tenant] = OrderedDict()
        self._guard = threading.Lock()

    def _state(self, tenant: str) -> _Tenant:
        with self._guard:
            state = self._tenants.get(tenant)
            if state is None:
                probable = hints.ProbableCache(lend=lambda p6: self.linking(tenant, p6))
                state = self._tenants[tenant] = _Tenant(probable)
            self._tenants.move_to_end(tenant)
            return state

    @contextmanager
    def linking(self, tenant: str, engine: Persona6) -> Iterator[None]:
        """Lend the tenant's linker to ``engine`` (one of its engines, in use) for a call that
        links: any of its identity methods, and ``forget``. A forget takes the linker away
        (it holds the forgotten evidence): it is then dropped, and the next link makes one."""
        state = self._state(tenant)
        with state.linking:
            if state.linker is None:
                state.linker = Linker(open_store(self.db), tenant, index_dir=engine.index_dir)
            engine.__dict__["_identity_linker"] = state.linker
            try:
                yield
            finally:
                if engine.__dict__.pop("_identity_linker", None) is not state.linker:
                    _close_linker(state)

    def probable(self, tenant: str) -> hints.ProbableCache:
        """Who the tenant's anonymous actors probably are, shared by its engines."""
        return self._state(tenant).probable

    @contextmanager
    def use(self, tenant: str) -> Iterator[Persona6]:
        state = self._state(tenant)
        engine = None
        with state.ready:
            while not state.idle and state.created >= self.per_tenant:
                state.ready.wait()
            if state.idle:
                engine = state.idle.pop()
            else:
                state.created += 1
        if engine is None:
            try:
                engine = Persona6(db=self.db, tenant=tenant)
            except BaseException:
                with state.ready:
                    state.created -= 1
                    state.ready.notify()
                raise
        try:
            yield engine
        finally:
            with state.ready:
                state.idle.append(engine)
                state.ready.notify()
            self._trim()

    def _trim(self) -> None:
        with self._guard:
            total = sum(state.created for state in self._tenants.values())
            for state in list(self._tenants.values()):
                if total <= self.limit:
                    break
                with state.ready:
                    while state.idle and total > self.limit:
                        state.idle.pop(0).close()
                        state.created -= 1
                        total -= 1
                    if state.created == 0:  # no engine left to lend the linker to
                        with state.linking:
                            _close_linker(state)

    def close(self) -> None:
        with self._guard:
            for state in self._tenants.values():
                with state.ready:
                    for engine in state.idle:
                        engine.close()
                    state.created -= len(state.idle)
                    state.idle.clear()
                with state.linking:
                    _close_linker(state)
            self._tenants.clear()


def _close_linker(state: _Tenant) -> None:
    """Drop the tenant's linker, if any, closing its connection (call holding ``linking``)."""
    linker, state.linker = state.linker, None
    if linker is not None:
        linker.flush()  # a snapshot being written
        linker.store.close()


class BuildWorker:
    """Builds in one worker process (started on the first build), one at a time.

    A build is mostly Python computation: run in a thread of the serving process, it would
    hold the interpreter and stall every request there. The worker opens the database itself;
    the serving engines see the new graph through ``Store.graph_version``."""

    def __init__(self, db: str):
        self.db = db
        self._executor: ProcessPoolExecutor | None = None
        self._guard = threading.Lock()

    async def build(self, tenant: str, full: bool) -> BuildReport:
        with self._guard:
            if self._executor is None:
                # spawn, not fork: this process runs threads, which fork does not copy safely.
                self._executor = ProcessPoolExecutor(1, mp_context=get_context("spawn"))
            executor = self._executor
        try:
            outcome = await asyncio.wrap_future(executor.submit(_build, self.db, tenant, full))
        except BrokenProcessPool as exc:
            with self._guard:
                if self._executor is executor:
                    self._executor = None  # the next build starts a new worker
            raise StoreError(
                "the build worker process stopped before the build finished (killed, or out "
                "of memory). Nothing half-built is kept: send the build again"
            ) from exc
        if isinstance(outcome, BuildReport):
            return outcome
        kind, template, values = outcome
        raise _ERROR_KINDS.get(kind, StoreError)(template, **values)

    def close(self) -> None:
        with self._guard:
            if self._executor is not None:
                self._executor.shutdown(wait=True, cancel_futures=True)
                self._executor = None


#: Errors a build in the worker can end with, by class name (they cross as name and message).
_ERROR_KINDS: dict[str, type[Persona6Error]] = {
    "InvalidOption": InvalidOption,
    "NotFound": NotFound,
    "StoreError": StoreError,
}

_WORKER_ENGINES: dict[tuple[str, str], Persona6] = {}


def _build(db: str, tenant: str, full: bool) -> BuildReport | tuple[str, str, dict[str, object]]:
    """In the worker process: build with an engine kept per (database, tenant)."""
    try:
        engine = _WORKER_ENGINES.get((db, tenant))
        if engine is None:
            engine = _WORKER_ENGINES[(db, tenant)] = Persona6(db=db, tenant=tenant)
        return engine.build(full=full)
    except Persona6Error as exc:
        # The template and its values, not the CLI text: the API renders it in its own terms.
        return (
            type(exc).__name__,
            exc.__dict__.get("template", str(exc)),
            exc.__dict__.get("values", {}),
        )


# -- the application -------------------------------------------------------------------------


def create_app(db: str, *, engines: int = 64, engines_per_tenant: int = 4) -> FastAPI:
    """The service over the database at ``db`` (a SQLite path or a postgresql:// URL)."""
    admin: Store = open_store(db)  # migrates a new database; serves key lookups
    admin_lock = threading.Lock()
    pool = TenantEngines(db, per_tenant=engines_per_tenant, limit=engines)
    builds = BuildWorker(db)
    bearer = HTTPBearer(auto_error=False, description="An API key from `persona6 keys create`.")

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        builds.close()
        pool.close()
        admin.close()

    app = FastAPI(
        lifespan=lifespan,
        title="Persona6",
        version=__version__,
        description="Evidence-backed persona graphs of the people in a product's chats and "
        "events: who they are, how they react, what an agent should do for them. Every "
        "request needs `Authorization: Bearer KEY` (make keys with `persona6 keys create`).",
    )
    app.state.engines = pool
    app.state.builds = builds
    _install_error_handlers(app)

    def tenant_of(
        request: Request,
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    ) -> str:
        if credentials is None:
            sent = request.headers.get("authorization", "").strip()
            if sent and sent.split()[0].lower() != "bearer":
                raise _Unauthorized(
                    f"the Authorization header uses the scheme {sent.split()[0]!r}, not Bearer. "
                    "Send the header 'Authorization: Bearer KEY' with a key from: persona6 keys "
                    "create --tenant TENANT"
                )
            raise _Unauthorized(
                "no API key was sent. Send the header 'Authorization: Bearer KEY' with a key "
                "from: persona6 keys create --tenant TENANT"
            )
        with admin_lock:
            tenant = keys.tenant_of(admin, credentials.credentials)
        if tenant is None:
            raise _Unauthorized(
                "the API key is not valid: unknown, malformed or revoked. Make a new one with: "
                "persona6 keys create --tenant TENANT"
            )
        _refuse_unknown_query(request)
        return tenant

    Tenant = Annotated[str, Depends(tenant_of)]

    def run(tenant: str, call: Callable[[Persona6], T], *, linking: bool = False) -> T:
        """``call`` on one of the tenant's engines; ``linking``: one that links (the engine's
        identity methods, ``forget``), given the tenant's linker (``TenantEngines.linking``)."""
        with pool.use(tenant) as p6:
            if not linking:
                return call(p6)
            with pool.linking(tenant, p6):
                return call(p6)

    @app.get("/healthz", tags=["service"], response_model=Health)
    def health() -> Health:
        """Liveness: answers without a key."""
        return Health(status="ok", version=__version__)

    # -- the event log ------------------------------------------------------------------------

    @app.post(
        "/v1/events",
        tags=["events"],
        response_model=IngestResult,
        openapi_extra=_EVENTS_BODY,
        summary="Record events",
        responses=_errors(403, 413, 422),
    )
    async def post_events(request: Request, tenant: Tenant) -> IngestResult:
        """Store native events (a JSON array, or NDJSON), all or none; idempotent by event_id.

        An event naming another tenant than the key's is refused (403)."""
        declared = request.headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > MAX_BODY_BYTES:
            raise _TooLarge(_too_large_body(int(declared)))
        body = await request.body()
        if len(body) > MAX_BODY_BYTES:
            raise _TooLarge(_too_large_body(len(body)))
        events = _parse_events(body, request.headers.get("content-type", ""))

        def record(p6: Persona6) -> IngestResult:
            report = p6.record_events(events, source="events")
            return IngestResult(
                received=len(events),
                stored=report.stored,
                duplicates=report.duplicates,
                conflicts=report.conflicts,
                first_conflict=report.first_conflict,
                pending_events=p6.pending_events(),
            )

        return await run_in_threadpool(run, tenant, record)

    @app.get(
        "/v1/events",
        tags=["events"],
        response_model=list[StoredEvent],
        response_model_exclude_none=True,
        responses={**_PAGED, **_errors(400, 422)},
        summary="List events",
    )
    def get_events(
        request: Request,
        response: Response,
        tenant: Tenant,
        session_id: Annotated[str | None, Query(description="Only events of this session.")] = None,
        actor: Annotated[
            str | None, Query(description="Only events whose user_id or anonymous_id is this.")
        ] = None,
        user_id: Annotated[str | None, Query(description="Only events of this user_id.")] = None,
        anonymous_id: Annotated[
            str | None, Query(description="Only events of this anonymous_id.")
        ] = None,
        type: Annotated[
            str | None,
            Query(description="Only events of this type: " + ", ".join(t.value for t in EventType)),
        ] = None,
        since: Annotated[
            str | None, Query(description="From this ISO-8601 time with a timezone (inclusive).")
        ] = None,
        until: Annotated[
            str | None, Query(description="Up to this ISO-8601 time with a timezone (exclusive).")
        ] = None,
        limit: Annotated[int, _LIMIT] = DEFAULT_PAGE,
        offset: Annotated[int, _OFFSET] = 0,
    ) -> list[StoredEvent]:
        """Stored events in time order, narrowed by every filter given, a page at a time
        (each as a line of `persona6 events --json`)."""

        def events(p6: Persona6) -> list[StoredEvent]:
            found = p6.events(
                user_id=user_id,
                anonymous_id=anonymous_id,
                actor=actor,
                session_id=session_id,
                type=type,
                since=since,
                until=until,
                limit=offset + limit + 1,
            )
            return list(islice(found, offset, None))

        return _page(request, response, run(tenant, events), limit, offset)

    @app.get("/v1/stats", tags=["events"], response_model=StoreStats, responses=_errors())
    def get_stats(tenant: Tenant) -> StoreStats:
        """What the store holds for the key's tenant."""
        return run(tenant, lambda p6: p6.stats())

    @app.get(
        "/v1/sessions",
        tags=["events"],
        response_model=list[SessionSummary],
        responses={**_PAGED, **_errors(422)},
    )
    def get_sessions(
        request: Request,
        response: Response,
        tenant: Tenant,
        actor: Annotated[
            str | None,
            Query(description="Only sessions this user_id or anonymous_id acted in."),
        ] = None,
        limit: Annotated[int, _LIMIT] = DEFAULT_PAGE,
        offset: Annotated[int, _OFFSET] = 0,
    ) -> list[SessionSummary]:
        """Sessions, most recent first, with their counts and everyone who acted in them."""
        found = run(tenant, lambda p6: p6.sessions(actor=actor, limit=offset + limit + 1))
        return _page(request, response, found[offset:], limit, offset)

    @app.get(
        "/v1/actors",
        tags=["events"],
        response_model=list[ActorSummary],
        responses={**_PAGED, **_errors(422)},
    )
    def get_actors(
        request: Request,
        response: Response,
        tenant: Tenant,
        limit: Annotated[int, _LIMIT] = DEFAULT_PAGE,
        offset: Annotated[int, _OFFSET] = 0,
    ) -> list[ActorSummary]:
        """Everyone who acted: known persons first, then anonymous actors (with the person
        an identify event links each to)."""
        found = run(tenant, lambda p6: p6.actors(limit=offset + limit + 1))
        return _page(request, response, found[offset:], limit, offset)

    # -- the persona graph ----------------------------------------------------------------------

    @app.post("/v1/build", tags=["graph"], response_model=BuildReport, responses=_errors(400, 422))
    async def post_build(tenant: Tenant, request: BuildRequest | None = None) -> BuildReport:
        """Bring the persona graph up to date with the events (incremental by default).

        Builds run one at a time in a worker process, so the requests this process serves
        meanwhile do not wait for the build's computation."""
        full = request.full if request is not None else False
        return await builds.build(tenant, full)

    @app.get(
        "/v1/persons",
        tags=["graph"],
        response_model=list[PersonSummary],
        responses={**_PAGED, **_errors(422)},
    )
    def get_persons(
        request: Request,
        response: Response,
        tenant: Tenant,
        limit: Annotated[int, _LIMIT] = DEFAULT_PAGE,
        offset: Annotated[int, _OFFSET] = 0,
    ) -> list[PersonSummary]:
        """Every known person (and unlinked anonymous actor) with traits, most traits first,
        a page at a time."""
        found = run(tenant, lambda p6: p6.persons())
        return _page(request, response, found[offset:], limit, offset)

    # Ids may hold "/" (e.g. "team/alice"): the id routes take a path parameter, so the
    # routes with a suffix after the person id must come before the bare one, which would
    # otherwise take "alice/context" for an id.
    @app.get(
        "/v1/persons/{person_id:path}/traits/{trait_id}",
        tags=["graph"],
        response_model=TraitExplanation,
        responses=_errors(404),
    )
    def get_trait(person_id: str, trait_id: str, tenant: Tenant) -> TraitExplanation:
        """Why: the evidence chain of one trait (session, time and quote of each event)."""

        def why(p6: Persona6) -> TraitExplanation:
            try:
                return p6.why(person_id, trait_id)
            except NotFound:
                p6.require_person(person_id)  # an unknown person is the first thing to say
                raise

        return run(tenant, why)

    @app.get(
        "/v1/persons/{person_id:path}/context",
        tags=["runtime"],
        response_model=Brief,
        responses=_errors(400, 404, 422),
    )
    def get_context(
        person_id: str,
        tenant: Tenant,
        task: Annotated[str | None, Query(description="What the agent is about to do.")] = None,
        budget: Annotated[
            int,
            Query(
                ge=MIN_BUDGET,
                le=MAX_BUDGET,
                description=f"Most tokens for the brief ({MIN_BUDGET} to {MAX_BUDGET:,}).",
            ),
        ] = DEFAULT_BUDGET,
    ) -> Brief:
        """The brief for an agent serving the person, within the token budget. For an
        anonymous actor no link ties to anyone, whom linking finds to be a known person, the
        brief opens with a section "Probably a known person" (nothing is merged)."""

        probable = pool.probable(tenant)

        def brief(p6: Persona6) -> Brief:
            p6.require_person(person_id)
            return hints.context_with_hint(
                p6, person_id, "http", task=task, budget=budget, cache=probable
            )

        return run(tenant, brief)

    @app.get(
        "/v1/persons/{person_id:path}/predict",
        tags=["runtime"],
        response_model=PredictionAnswer,
        responses=_errors(400, 404),
    )
    def get_predict(
        person_id: str,
        tenant: Tenant,
        failure: Annotated[
            str | None, Query(description="The kind of failure (its outcome name).")
        ] = None,
        event: Annotated[
            str | None, Query(description="A stored failure event: predict from before it only.")
        ] = None,
    ) -> PredictionAnswer:
        """How the person will react to a failure: a probability per reaction. A failure name
        no episode of the tenant's log holds is predicted as any failure, and `note` says so."""
        found = run(tenant, lambda p6: p6.predict(person_id, failure=failure, event=event))
        note = hints.unseen_failure_note(found, "http") if failure is not None else None
        return PredictionAnswer(**dict(found), note=note)

    @app.get(
        "/v1/persons/{person_id:path}/archetypes",
        tags=["runtime"],
        response_model=PersonArchetypes,
        responses=_errors(404),
    )
    def get_archetypes(person_id: str, tenant: Tenant) -> PersonArchetypes:
        """Soft membership in each archetype, with the cues and evidence behind it."""
        return run(tenant, lambda p6: p6.archetypes(person_id))

    @app.get(
        "/v1/persons/{person_id:path}/export",
        tags=["governance"],
        response_model=PersonExport,
        responses=_errors(404),
    )
    def get_export(person_id: str, tenant: Tenant) -> PersonExport:
        """Everything held about the person (traits, events, links): for access requests."""
        return run(tenant, lambda p6: p6.person_record(person_id))

    @app.get(
        "/v1/persons/{person_id:path}",
        tags=["graph"],
        response_model=PersonView,
        responses=_errors(404),
    )
    def get_person(person_id: str, tenant: Tenant) -> PersonView:
        """The persona: every trait with confidence, stability and evidence quotes."""

        def person(p6: Persona6) -> PersonView:
            try:
                return p6.person(person_id)
            except NotFound as exc:
                raise _not_a_person_route(person_id, p6.tenant) or exc from None

        return run(tenant, person)

    @app.delete(
        "/v1/persons/{person_id:path}",
        tags=["governance"],
        response_model=ForgetReport,
        responses=_errors(404),
    )
    def delete_person(person_id: str, tenant: Tenant) -> ForgetReport:
        """Forget the person's events and every trait that rested on them."""
        report = run(tenant, lambda p6: p6.forget(person=person_id), linking=True)
        # Each linked actor's note names the next step as this API takes it (an endpoint).
        return report.model_copy(update={"linked": for_surface(report.linked, "http")})

    # -- sessions: continuity (before the bare session route, as for persons) -------------------

    @app.get(
        "/v1/sessions/{session_id:path}/continuity",
        tags=["runtime"],
        response_model=ContinuityReport,
        responses=_errors(404),
    )
    def get_continuity(session_id: str, tenant: Tenant) -> ContinuityReport:
        """What a known person's session confirms, adds and contradicts in their persona,
        with the session's quotes."""
        return run(tenant, lambda p6: p6.continuity(session_id), linking=True)

    @app.delete(
        "/v1/sessions/{session_id:path}",
        tags=["governance"],
        response_model=ForgetReport,
        responses=_errors(404),
    )
    def delete_session(session_id: str, tenant: Tenant) -> ForgetReport:
        """Forget a session's events and recompute every trait that rested on them."""
        return run(tenant, lambda p6: p6.forget(session=session_id), linking=True)

    @app.delete(
        "/v1/events/{event_id:path}",
        tags=["governance"],
        response_model=ForgetReport,
        responses=_errors(404),
    )
    def delete_event(event_id: str, tenant: Tenant) -> ForgetReport:
        """Forget one event and recompute every trait that rested on it."""
        return run(tenant, lambda p6: p6.forget(event=event_id), linking=True)

    # -- identity: stitching, linking, merges and their undoing -------------------------------

    @app.post(
        "/v1/stitch", tags=["identity"], response_model=StitchReport, responses=_errors(400, 422)
    )
    def post_stitch(tenant: Tenant, request: StitchRequest | None = None) -> StitchReport:
        """Link anonymous actors with certainty: identify events, events with both ids, and
        identifier attrs shared with exactly one known person; each link names its proof."""
        attrs = request.identifier_attrs if request is not None else None
        if attrs is not None and not any(a.strip() for a in attrs):
            raise InvalidOption(
                "identifier_attrs {attrs!r} names no attribute. Give attrs keys, e.g. "
                '{"identifier_attrs": ["email_sha256"]}, or leave it out for the tenant\'s '
                "setting",
                attrs=attrs,
            )
        return run(tenant, lambda p6: p6.stitch(identifier_attrs=attrs), linking=True)

    @app.post(
        "/v1/link", tags=["identity"], response_model=LinkAnswer, responses=_errors(400, 404, 422)
    )
    def post_link(request: LinkRequest, tenant: Tenant) -> LinkAnswer:
        """Which known person an anonymous actor is (null: a new person), how sure, and why:
        the likeliest candidates, with their matches (every candidate with detail=true)."""
        found = run(
            tenant,
            lambda p6: p6.link(request.anonymous_id, threshold=request.threshold),
            linking=True,
        )
        return _link_answer(found, request.detail)

    @app.post(
        "/v1/link/all",
        tags=["identity"],
        response_model=LinkAllReport,
        responses=_errors(400, 422),
    )
    def post_link_all(tenant: Tenant, request: LinkAllRequest | None = None) -> LinkAllReport:
        """Stitch, then link every unresolved anonymous actor; merge the decisions at or above
        auto_merge_above (method auto)."""
        given = request if request is not None else LinkAllRequest()
        return run(
            tenant,
            lambda p6: p6.link_all(
                auto_merge_above=given.auto_merge_above, threshold=given.threshold
            ),
            linking=True,
        )

    @app.get(
        "/v1/links",
        tags=["identity"],
        response_model=list[LinkRecord],
        responses=_errors(404, 422),
    )
    def get_links(
        tenant: Tenant,
        anonymous_id: Annotated[
            str | None, Query(description="Only the links of this anonymous actor.")
        ] = None,
        include_revoked: Annotated[
            bool, Query(description="Also revoked links, with when and why.")
        ] = False,
    ) -> list[LinkRecord]:
        """Identity links with their provenance: method, proving event, probability,
        revocation."""
        return run(
            tenant, lambda p6: p6.links(anonymous_id, include_revoked=include_revoked), linking=True
        )

    @app.post(
        "/v1/links",
        tags=["identity"],
        response_model=LinkRecord,
        responses=_errors(400, 404, 422),
        summary="Merge an anonymous actor into a person",
    )
    def post_links(request: LinkToRequest, tenant: Tenant) -> LinkRecord:
        """Merge an anonymous actor into a known person by hand (method manual): a product's
        decision on a link result. Undo it with POST /v1/unlink."""
        return run(
            tenant, lambda p6: p6.link_to(request.anonymous_id, request.person_id), linking=True
        )

    @app.post(
        "/v1/unlink",
        tags=["identity"],
        response_model=UnlinkReport,
        responses=_errors(400, 404, 422),
    )
    def post_unlink(request: UnlinkRequest, tenant: Tenant) -> UnlinkReport:
        """Undo a merge: revoke the actor's active links (kept, marked revoked, with the
        reason) and recompute the persons on both sides."""
        return run(
            tenant,
            lambda p6: p6.unlink(
                request.anonymous_id, link_id=request.link_id, reason=request.reason
            ),
            linking=True,
        )

    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app


def _openapi(app: FastAPI) -> dict[str, Any]:
    """FastAPI's schema, plus the Event schema that POST /v1/events reads by hand."""
    if app.openapi_schema is None:
        from fastapi.openapi.utils import get_openapi

        schema = get_openapi(
            title=app.title,
            version=app.version,
            description=app.description,
            routes=app.routes,
        )
        event = Event.model_json_schema(ref_template="#/components/schemas/{model}")
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        components.update(event.pop("$defs", {}))
        components["Event"] = event
        # FastAPI gives every route with parameters a 422 of its own validation model; the
        # routes that can answer 422 declare it with ErrorBody, and the others cannot (their
        # parameters are free text): drop what is left of FastAPI's.
        for item in schema.get("paths", {}).values():
            for operation in item.values():
                answer = operation.get("responses", {}).get("422", {})
                if "HTTPValidationError" in json.dumps(answer):
                    del operation["responses"]["422"]
        for name in ("HTTPValidationError", "ValidationError"):
            components.pop(name, None)
        app.openapi_schema = schema
    return app.openapi_schema


# -- answers ---------------------------------------------------------------------------------


def _link_answer(result: LinkResult, detail: bool) -> LinkAnswer:
    """The link result as POST /v1/link answers it: its note's next step as an endpoint, and
    unless ``detail``, the ``LINK_CANDIDATES`` likeliest candidates and any other at
    ``LINK_FLOOR`` or more, the matches only of those at ``LINK_FLOOR`` or more (and of the
    decision). The candidates are the whole tenant on a small one; each explained one's
    matches quote that person's own messages."""
    answer = LinkAnswer(**{**dict(result), "note": hints.link_note(result, "http")})
    if detail:
        return answer
    kept = [
        c
        for rank, c in enumerate(result.candidates)
        if rank < LINK_CANDIDATES or c.probability >= LINK_FLOOR
    ]
    bare = [
        c.person_id
        for c in kept
        if c.evidence and c.probability < LINK_FLOOR and c.person_id != result.decision
    ]
    return answer.model_copy(
        update={
            "candidates": [
                c.model_copy(update={"evidence": []}) if c.person_id in bare else c for c in kept
            ],
            "candidates_omitted": len(result.candidates) - len(kept),
            "evidence_omitted": bare,
        }
    )


def _page(request: Request, response: Response, found: list[T], limit: int, offset: int) -> list[T]:
    """The first ``limit`` of ``found`` (read one further), with a ``Link`` header to the next
    page when there is one."""
    if len(found) > limit:
        following = request.url.include_query_params(offset=offset + limit, limit=limit)
        response.headers["Link"] = f'<{following.path}?{following.query}>; rel="next"'
    return found[:limit]


#: Where a person id that ends like a route of another resource was probably meant to go.
_OTHER_ROUTES = {
    "continuity": "continuity is per session: GET /v1/sessions/SESSION/continuity "
    "(GET /v1/sessions?actor={person} lists their sessions)",
    "sessions": "the sessions of {person!r} are at GET /v1/sessions?actor={person}",
    "events": "the events of {person!r} are at GET /v1/events?actor={person}",
    "links": "the links of {person!r} are at GET /v1/links?anonymous_id={person}",
}


def _not_a_person_route(person_id: str, tenant: str) -> NotFound | None:
    """For an unknown person id that reads as ``PERSON/continuity`` and the like: a NotFound
    that also says where that is (None for any other id)."""
    person, _, last = person_id.rpartition("/")
    hint = _OTHER_ROUTES.get(last)
    if not person or hint is None:
        return None
    return NotFound(
        "person {id!r} is not known in tenant {tenant!r}; /{last} is no route under "
        "/v1/persons/PERSON: " + hint,
        id=person_id,
        tenant=tenant,
        last=last,
        person=person,
    )


def _route_params(route: Any, kind: str) -> list[Any]:
    """The parameters of one kind (``query_params``, ``body_params``) ``route`` reads, its
    dependencies' included, in the order they are declared."""
    found: list[Any] = []
    pending = [getattr(route, "dependant", None)]
    while pending:
        dependant = pending.pop(0)
        if dependant is not None:
            found += getattr(dependant, kind, [])
            pending += getattr(dependant, "dependencies", [])
    return found


def _route_query(route: Any) -> list[str]:
    """The names of the query parameters ``route`` takes."""
    return list(dict.fromkeys(param.alias for param in _route_params(route, "query_params")))


def _route_name(request: Request) -> str:
    route = request.scope.get("route")
    return f"{request.method} {getattr(route, 'path_format', request.url.path)}"


def _refuse_unknown_query(request: Request) -> None:
    """A query parameter the route does not take is refused, not ignored: a misspelt filter
    (``?user=`` for ``?user_id=``) would otherwise answer the whole unfiltered listing."""
    known = _route_query(request.scope.get("route"))
    unknown = [name for name in dict.fromkeys(request.query_params) if name not in known]
    if not unknown:
        return
    names = ", ".join(repr(name) for name in unknown)
    which = "parameter" if len(unknown) == 1 else "parameters"
    takes = (
        "takes the query parameters " + ", ".join(known) if known else "takes no query parameters"
    )
    raise _InvalidRequest(
        f"query {which} {names}: not {'a ' if len(unknown) == 1 else ''}{which} of "
        f"{_route_name(request)}, which {takes}. Fix the request as /openapi.json describes"
    )


def _body_fields(request: Request) -> list[str]:
    """The fields of the body model ``request``'s route reads (none: it reads no model)."""
    for param in _route_params(request.scope.get("route"), "body_params"):
        annotation = param.field_info.annotation
        for model in (annotation, *getattr(annotation, "__args__", ())):
            if isinstance(model, type) and issubclass(model, BaseModel):
                return list(model.model_fields)
    return []


def _validation_problem(request: Request, item: dict[str, Any]) -> str:
    """One problem of a request that failed validation: where, what (and, for a field the body
    does not have, the fields it has)."""
    loc = [str(part) for part in item.get("loc", ())]
    kind = item.get("type")
    if kind == "extra_forbidden" and loc[:1] == ["body"]:
        fields = ", ".join(_body_fields(request)) or "none"
        return (
            f"body field {'.'.join(loc[1:])!r}: not a field of {_route_name(request)}, whose "
            f"fields are {fields}"
        )
    if kind == "json_invalid":
        found = (item.get("ctx") or {}).get("error", "JSON decode error")
        return f"request body: is not valid JSON ({found})"
    if kind == "model_attributes_type" and loc == ["body"]:
        return "request body: is not a JSON object"
    return f"{' '.join(loc)}: {item.get('msg', 'is invalid')}"


# -- request bodies --------------------------------------------------------------------------


def _parse_events(body: bytes, content_type: str) -> list[dict[str, Any]]:
    """The events of a request body: a JSON array (or one object), or NDJSON."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidInput(
            "request body",
            f"is not UTF-8 (byte {exc.start})",
            "Send events as UTF-8 JSON",
        ) from None
    if not text.strip():
        raise InvalidInput(
            "request body", "is empty", "Send a JSON array of events, or one event per line"
        )
    items: list[Any]
    if "ndjson" in content_type or "jsonl" in content_type:
        items = []
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                items.append(_json(line, f"request body, line {number}"))
    else:
        parsed = _json(text, "request body")
        items = parsed if isinstance(parsed, list) else [parsed]
    if len(items) > MAX_EVENTS_PER_REQUEST:
        raise _TooLarge(
            f"the request holds {len(items):,} events, more than {MAX_EVENTS_PER_REQUEST:,}. "
            "Send them in several requests"
        )
    ndjson = "ndjson" in content_type or "jsonl" in content_type
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            hint = "Send each event as a JSON object with the fields of docs/events.md"
            if ndjson and isinstance(item, list):
                hint = (
                    "A JSON array of events is sent with Content-Type: application/json; "
                    "with application/x-ndjson, send one event object per line"
                )
            raise InvalidEvent(
                f"events[{index}]",
                "(line)",
                f"is a JSON {type(item).__name__}, not an object",
                hint,
            )
    return items


def _json(text: str, where: str) -> Any:
    try:
        return json.loads(text)
    except RecursionError:
        raise InvalidInput(
            where,
            TOO_DEEP_PROBLEM,
            "Send events whose attrs nest a few levels, not hundreds",
        ) from None
    except json.JSONDecodeError as exc:
        raise InvalidInput(
            where,
            f"is not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})",
            "Send a JSON array of events, or NDJSON (one event per line) with "
            "Content-Type: application/x-ndjson",
        ) from None


def _too_large_body(size: int) -> str:
    return (
        f"the request body is {size:,} bytes, more than {MAX_BODY_BYTES:,}. "
        "Send the events in several requests"
    )


# -- errors ----------------------------------------------------------------------------------


class _Unauthorized(Exception):
    def __init__(self, message: str):
        self.message = message


class _TooLarge(Exception):
    def __init__(self, message: str):
        self.message = message


class _InvalidRequest(Exception):
    """422 invalid_request: a request the routes cannot take as it is."""

    def __init__(self, message: str):
        self.message = message


def error(status: int, code: str, message: str, headers: dict[str, str] | None = None):
    return JSONResponse(
        {"error": {"code": code, "message": message}}, status_code=status, headers=headers
    )


def status_of(exc: Persona6Error) -> tuple[int, str]:
    """The HTTP status and stable code of a library error."""
    if isinstance(exc, InvalidEvent):
        if exc.field == "tenant":
            return 403, "tenant_mismatch"
        return 422, "invalid_event"
    if isinstance(exc, InvalidInput):
        return 422, "invalid_input"
    if isinstance(exc, InvalidOption):
        return 400, "invalid_option"
    if isinstance(exc, NotFound):
        return 404, "not_found"
    if isinstance(exc, StoreError):
        return 503, "store_unavailable"
    if isinstance(exc, MissingExtra):
        return 501, "missing_extra"
    return 500, "internal"


#: How the API names a library parameter where the routes call it otherwise (errors.py): the
#: tenant is the API key's, not an argument.
HTTP_NAMES = {"tenant": "the API key's tenant"}

_HTTP_CODES = {
    400: "invalid_request",
    401: "unauthorized",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
}


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(Persona6Error)
    async def library_error(request: Request, exc: Persona6Error) -> JSONResponse:
        status, code = status_of(exc)
        return error(status, code, exc.render("http", HTTP_NAMES))

    @app.exception_handler(_Unauthorized)
    async def unauthorized(request: Request, exc: _Unauthorized) -> JSONResponse:
        return error(401, "unauthorized", exc.message, {"WWW-Authenticate": "Bearer"})

    @app.exception_handler(_TooLarge)
    async def too_large(request: Request, exc: _TooLarge) -> JSONResponse:
        return error(413, "too_large", exc.message)

    @app.exception_handler(_InvalidRequest)
    async def refused_request(request: Request, exc: _InvalidRequest) -> JSONResponse:
        return error(422, "invalid_request", exc.message)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [_validation_problem(request, item) for item in exc.errors()]
        return error(
            422,
            "invalid_request",
            "; ".join(problems) + ". Fix the request as /openapi.json describes",
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _HTTP_CODES.get(exc.status_code, "http_error")
        message = str(exc.detail)
        if exc.status_code == 400:
            message = (
                f"request body: cannot be read ({exc.detail}). Send a UTF-8 JSON body as "
                "/openapi.json describes"
            )
        elif exc.status_code == 404:
            message = (
                f"{request.url.path} is not an endpoint of this API. "
                "The endpoints are listed at /openapi.json"
            )
        elif exc.status_code == 405:
            message = (
                f"{request.method} is not allowed on {request.url.path}. "
                "The methods of each endpoint are listed at /openapi.json"
            )
        return error(exc.status_code, code, message, getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        # Connection: close, because the server drops the connection after an unexpected
        # error (Starlette re-raises it to uvicorn); a client that kept it for its next
        # request would read that as the server being gone.
        return error(
            500,
            "internal",
            f"an unexpected error ({type(exc).__name__}) stopped the request; it is a bug in "
            "Persona6. The server log has the traceback; please report it",
            {"Connection": "close"},
        )


__all__ = ["ErrorCode", "TenantEngines", "create_app", "status_of"]
