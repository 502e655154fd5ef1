"""The Python SDK for a Persona6 server: the facade's method names over HTTP (httpx).

Moving from the embedded library to a server changes the constructor only::

    p6 = Persona6(db="persona6.db", tenant="acme")                 # embedded
    p6 = Persona6Client("http://127.0.0.1:8000", key="p6_...")     # a server

Both return the same records (``PersonView``, ``Brief``, ``Prediction``, ``LinkResult``…) and
raise the same errors: the server's error codes become ``NotFound``, ``InvalidInput``,
``InvalidOption``, ``StoreError``; a bad key raises ``Unauthorized``, and an event naming another
tenant than the key's ``TenantMismatch`` (an ``InvalidEvent``, as the library raises).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime
from functools import cached_property
from itertools import chain
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, TypeAdapter

from persona6.behavior import PersonArchetypes, Prediction
from persona6.context import DEFAULT_BUDGET, Brief
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
    LinkRecord,
    LinkResult,
    StitchReport,
    UnlinkReport,
)
from persona6.types import (
    ActorSummary,
    Event,
    IngestReport,
    PersonExport,
    PersonSummary,
    PersonView,
    SessionSummary,
    StoredEvent,
    StoreStats,
    TraitExplanation,
    format_ts,
)

M = TypeVar("M", bound=BaseModel)

#: Events sent per request by ``ingest`` (the server accepts up to 10,000).
INGEST_CHUNK = 5_000
#: Items asked for per request by the listings (the server gives up to 1,000 a page).
PAGE = 1_000


class Unauthorized(Persona6Error):
    """The server refused the API key (missing, unknown or revoked)."""

    exit_code = 2


class ServerError(Persona6Error):
    """The server answered with an error this SDK has no narrower class for."""

    def __init__(self, status: int, code: str, message: str):
        self.status = status
        self.code = code
        super().__init__(message)


class TenantMismatch(InvalidEvent):
    """An event sent names another tenant than the API key's (HTTP 403 ``tenant_mismatch``):
    nothing of the request is stored. A client writes to its key's tenant only, as the library
    writes to its own (where the same event raises ``InvalidEvent`` on field ``tenant``).

    The message is the server's: where (``events[i]``, the event's index in the request),
    what (the tenant named, and the key's), and what to do (send each tenant's events with a
    key of that tenant, or drop the field). ``where`` holds the first."""

    code = "tenant_mismatch"
    status = 403

    def __init__(self, message: str):
        where, said, problem = message.partition(": ")
        self.where, self.problem = (where, problem) if said else ("server", message)
        self.field, self.value, self.hint = "tenant", None, ""
        Exception.__init__(self, message)


class _RemoteInvalidInput(InvalidInput):
    """An ``InvalidInput``/``InvalidEvent`` from the server: the message is the server's."""

    def __init__(self, message: str, code: str):
        self.code = code
        self.where, self.problem, self.hint = "server", message, ""
        Exception.__init__(self, message)


class Persona6Client:
    """A Persona6 server, acting for the tenant of its API key.

    >>> with Persona6Client("http://127.0.0.1:8000", key="p6_...") as p6:  # doctest: +SKIP
    ...     p6.context("u-42", task="renew the plan").text
    """

    def __init__(
        self,
        url: str,
        *,
        key: str,
        timeout: float = 30.0,
        transport: Any | None = None,
    ):
        try:
            import httpx
        except ImportError as exc:  # pragma: no cover - the extra brings it
            raise MissingExtra("Persona6Client", "server") from exc
        self.url = url.rstrip("/")
        self._after_server_error = False  # the last response was a 5xx (see _call)
        self._http = httpx.Client(
            base_url=self.url,
            headers={"Authorization": f"Bearer {key}"},
            timeout=timeout,
            transport=transport,
        )

    # -- the event log --------------------------------------------------------------------

    def record(self, events: Iterable[dict[str, Any]] | Iterable[Event]) -> int:
        """Store events given as objects, all or none; return how many were new."""
        return self.record_events(events).stored

    def record_events(self, events: Iterable[dict[str, Any]] | Iterable[Event]) -> IngestReport:
        """``record``, answered with the whole report (``Persona6.record_events``): the
        duplicates, and those whose event_id is stored with other content."""
        body = [
            e.model_dump(mode="json", exclude_unset=True) if isinstance(e, Event) else e
            for e in events
        ]
        answer = self._call("POST", "/v1/events", json=body)
        return IngestReport(
            source="api",
            format="native",
            tenant=self._tenant,
            read=answer["received"],
            stored=answer["stored"],
            duplicates=answer["duplicates"],
            rejected=0,
            conflicts=answer.get("conflicts", 0),
            first_conflict=answer.get("first_conflict"),
        )

    @cached_property
    def _tenant(self) -> str:
        """The key's tenant (asked once)."""
        return str(self.stats().tenant)

    def ingest(self, path: str | Path) -> IngestReport:
        """Send a native JSONL file in chunks; the report of the whole file, as the library's
        ``ingest`` gives it (``stored``: how many events were new).

        Each chunk is stored all or none; a bad line stops the upload at its chunk, and the
        error names the line. Sending the same file again stores nothing twice."""
        report = IngestReport(
            source=str(path),
            format="native",
            tenant=self._tenant,
            read=0,
            stored=0,
            duplicates=0,
            rejected=0,
        )
        for chunk in _chunks(Path(path)):
            body = "\n".join(chunk).encode("utf-8")
            result = self._call(
                "POST",
                "/v1/events",
                content=body,
                headers={"Content-Type": "application/x-ndjson"},
            )
            report.read += int(result["received"])
            report.stored += int(result["stored"])
            report.duplicates += int(result["duplicates"])
            report.conflicts += int(result.get("conflicts", 0))
            report.first_conflict = report.first_conflict or result.get("first_conflict")
        return report

    def stats(self) -> StoreStats:
        return self._model(StoreStats, "GET", "/v1/stats")

    def sessions(
        self, *, actor: str | None = None, limit: int | None = None
    ) -> list[SessionSummary]:
        """Sessions, most recent first (every one unless ``limit``; read a page at a time)."""
        params = {"actor": actor} if actor is not None else {}
        found = self._pages("/v1/sessions", params, limit)
        return [SessionSummary.model_validate(item) for item in found]

    def actors(self, *, limit: int | None = None) -> list[ActorSummary]:
        """Everyone who acted: known persons first, then anonymous actors."""
        return [ActorSummary.model_validate(item) for item in self._pages("/v1/actors", {}, limit)]

    def events(
        self,
        *,
        user_id: str | None = None,
        anonymous_id: str | None = None,
        actor: str | None = None,
        session_id: str | None = None,
        type: str | None = None,
        since: str | datetime | None = None,
        until: str | datetime | None = None,
        limit: int | None = None,
    ) -> Iterator[StoredEvent]:
        """Stored events in time order, narrowed by every filter given; read from the server a
        page at a time as the iterator is consumed (the first page, and any error, at once)."""
        params: dict[str, Any] = {
            name: value
            for name, value in (
                ("user_id", user_id),
                ("anonymous_id", anonymous_id),
                ("actor", actor),
                ("session_id", session_id),
                ("type", type),
                ("since", _time("{--since}", since)),
                ("until", _time("{--until}", until)),
            )
            if value is not None
        }
        found = self._pages("/v1/events", params, limit)
        first = next(found, None)  # asks for the first page now, as the library checks now
        if first is None:
            return iter(())
        return (StoredEvent.model_validate(item) for item in chain((first,), found))

    # -- the persona graph ----------------------------------------------------------------

    def build(self, *, full: bool = False) -> BuildReport:
        return self._model(BuildReport, "POST", "/v1/build", json={"full": full})

    def persons(self) -> list[PersonSummary]:
        """Every person with traits, most traits first (read a page at a time)."""
        found = self._pages("/v1/persons", {}, None)
        return TypeAdapter(list[PersonSummary]).validate_python(list(found))

    def person(self, person_id: str) -> PersonView:
        return self._model(PersonView, "GET", f"/v1/persons/{_part(person_id)}")

    def why(self, person_id: str, trait_id: str) -> TraitExplanation:
        return self._model(
            TraitExplanation,
            "GET",
            f"/v1/persons/{_part(person_id)}/traits/{_part(trait_id)}",
        )

    def person_record(self, person_id: str) -> PersonExport:
        """Everything held about a person (for an access request)."""
        return self._model(PersonExport, "GET", f"/v1/persons/{_part(person_id)}/export")

    def export(self, person_id: str, format: str = "json") -> str:
        """Everything held about a person, as JSON text (GraphML is the library's only)."""
        if format != "json":
            raise InvalidOption(
                "format {format!r} is not served over HTTP: Persona6Client.export gives "
                "format='json'. For GraphML use the library on the database: "
                "Persona6(db=...).export(person_id, 'graphml')",
                format=format,
            )
        return self.person_record(person_id).model_dump_json(indent=2)

    def forget(
        self, *, event: str | None = None, session: str | None = None, person: str | None = None
    ) -> ForgetReport:
        given = [
            (what, name)
            for what, name in (("events", event), ("sessions", session), ("persons", person))
            if name is not None
        ]
        if len(given) != 1:
            raise InvalidOption("give exactly one of {--event}, {--session} or {--person}")
        what, name = given[0]
        return self._model(ForgetReport, "DELETE", f"/v1/{what}/{_part(name)}")

    # -- identity -------------------------------------------------------------------------

    def stitch(self, *, identifier_attrs: list[str] | None = None) -> StitchReport:
        """Make the deterministic links the log proves (identify, shared ids, identifier
        attrs)."""
        body = {} if identifier_attrs is None else {"identifier_attrs": list(identifier_attrs)}
        return self._model(StitchReport, "POST", "/v1/stitch", json=body)

    def link(self, anonymous_id: str, *, threshold: float | None = None) -> LinkResult:
        """The library's whole result (the server's ``detail``: every candidate ranked)."""
        body: dict[str, Any] = {"anonymous_id": anonymous_id, "detail": True}
        if threshold is not None:
            body["threshold"] = threshold
        return self._model(LinkResult, "POST", "/v1/link", json=body)

    def link_all(
        self,
        *,
        auto_merge_above: float | Literal["off"] | None = None,
        threshold: float | None = None,
    ) -> LinkAllReport:
        """Stitch, then link every unresolved anonymous actor; merge those at or above
        ``auto_merge_above`` (default: the tenant setting; "off": none, whatever it is)."""
        body = {
            name: value
            for name, value in (("auto_merge_above", auto_merge_above), ("threshold", threshold))
            if value is not None
        }
        return self._model(LinkAllReport, "POST", "/v1/link/all", json=body)

    def link_to(self, anonymous_id: str, person_id: str) -> LinkRecord:
        """Merge an anonymous actor into a person by hand (undo with ``unlink``)."""
        body = {"anonymous_id": anonymous_id, "person_id": person_id}
        return self._model(LinkRecord, "POST", "/v1/links", json=body)

    def unlink(
        self, anonymous_id: str, *, link_id: str | None = None, reason: str | None = None
    ) -> UnlinkReport:
        """Revoke an anonymous actor's links (kept, with the reason); persons are recomputed."""
        body: dict[str, Any] = {"anonymous_id": anonymous_id}
        for name, value in (("link_id", link_id), ("reason", reason)):
            if value is not None:
                body[name] = value
        return self._model(UnlinkReport, "POST", "/v1/unlink", json=body)

    def links(
        self, anonymous_id: str | None = None, *, include_revoked: bool = False
    ) -> list[LinkRecord]:
        """Identity links with their provenance."""
        params: dict[str, Any] = {"include_revoked": include_revoked}
        if anonymous_id is not None:
            params["anonymous_id"] = anonymous_id
        found = self._call("GET", "/v1/links", params=params)
        return TypeAdapter(list[LinkRecord]).validate_python(found)

    def continuity(self, session_id: str) -> ContinuityReport:
        """What a known person's session confirms, adds and contradicts in their persona."""
        return self._model(ContinuityReport, "GET", f"/v1/sessions/{_part(session_id)}/continuity")

    # -- behaviour and the brief ----------------------------------------------------------

    def predict(
        self, person_id: str, *, failure: str | None = None, event: str | None = None
    ) -> Prediction:
        params = {k: v for k, v in (("failure", failure), ("event", event)) if v is not None}
        return self._model(
            Prediction, "GET", f"/v1/persons/{_part(person_id)}/predict", params=params
        )

    def archetypes(self, person_id: str) -> PersonArchetypes:
        return self._model(PersonArchetypes, "GET", f"/v1/persons/{_part(person_id)}/archetypes")

    def context(
        self, person_id: str, *, task: str | None = None, budget: int = DEFAULT_BUDGET
    ) -> Brief:
        params: dict[str, Any] = {"budget": budget}
        if task is not None:
            params["task"] = task
        return self._model(Brief, "GET", f"/v1/persons/{_part(person_id)}/context", params=params)

    # -- lifecycle ------------------------------------------------------------------------

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Persona6Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- plumbing -------------------------------------------------------------------------

    def _model(self, model: type[M], method: str, path: str, **kwargs: Any) -> M:
        return model.model_validate(self._call(method, path, **kwargs))

    def _pages(self, path: str, params: dict[str, Any], limit: int | None) -> Iterator[Any]:
        """The items of a listing, at most ``limit`` (None: all), a page per request as they
        are consumed; the server's Link header says whether another page follows."""
        if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int)):
            raise InvalidOption(
                "{--limit} {limit!r} is not a count. Pass a whole number of at least 1",
                limit=limit,
            )
        if limit is not None and limit < 1:
            raise InvalidOption("{--limit} {limit} must be at least 1", limit=limit)
        offset = 0
        while limit is None or offset < limit:
            size = PAGE if limit is None else min(PAGE, limit - offset)
            response = self._response(
                "GET", path, params={**params, "limit": size, "offset": offset}
            )
            page = response.json()
            yield from page
            offset += len(page)
            if "next" not in response.links or not page:
                return

    def _call(self, method: str, path: str, **kwargs: Any) -> Any:
        return self._response(method, path, **kwargs).json()

    def _response(self, method: str, path: str, **kwargs: Any) -> Any:
        """The server's successful answer (an ``httpx.Response``), or its error raised as the
        library's."""
        import httpx

        try:
            try:
                response = self._http.request(method, path, **kwargs)
            except (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError):
                if not self._after_server_error:
                    raise
                # A server drops the connection after an unexpected error, and one that does
                # not say so (older versions) leaves it in the pool: retry once on a new one.
                self._after_server_error = False
                response = self._http.request(method, path, **kwargs)
        except httpx.TransportError as exc:
            raise StoreError(
                f"{self.url}: the Persona6 server cannot be reached ({exc}). "
                "Check the URL and that `persona6 serve` is running"
            ) from exc
        self._after_server_error = response.status_code >= 500
        if response.is_success:
            return response
        raise _error(response)


def _error(response: Any) -> Persona6Error:
    try:
        detail = response.json()["error"]
        code, message = str(detail["code"]), str(detail["message"])
    except (ValueError, KeyError, TypeError):
        code, message = "http_error", f"HTTP {response.status_code}: {response.text[:200]}"
    if code == "unauthorized":
        return Unauthorized(message)
    if code == "not_found":
        return NotFound(message)
    if code == "tenant_mismatch":
        return TenantMismatch(message)
    if code in {"invalid_event", "invalid_input"}:
        return _RemoteInvalidInput(message, code)
    if code in {"invalid_option", "invalid_request"}:
        return InvalidOption(message)
    if code == "store_unavailable":
        return StoreError(message)
    return ServerError(response.status_code, code, message)


def _time(option: str, value: str | datetime | None) -> str | None:
    """A time filter as the server reads it (``option`` names it in the error)."""
    if not isinstance(value, datetime):
        return value
    if value.tzinfo is None:
        raise InvalidOption(option + ": give a timezone-aware time")
    return format_ts(value)


def _part(value: str) -> str:
    """One path segment, percent-encoded (ids may hold any character)."""
    from urllib.parse import quote

    return quote(value, safe="")


def _chunks(path: Path) -> Iterator[list[str]]:
    if not path.is_file():
        raise InvalidInput(str(path), "does not exist or is not a file", "Pass a JSONL file path")
    chunk: list[str] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                chunk.append(line.rstrip("\n"))
                if len(chunk) >= INGEST_CHUNK:
                    yield chunk
                    chunk = []
    if chunk:
        yield chunk


__all__ = ["Persona6Client", "ServerError", "TenantMismatch", "Unauthorized"]
