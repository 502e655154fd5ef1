"""Ingest stores each event once, per tenant, with its provenance, and reads standard input."""

from __future__ import annotations

import io
import sys

import pytest
from helpers import message
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from persona6.errors import InvalidEvent
from persona6.ingest.pipeline import ingest, ingest_events
from persona6.store import EventQuery, SQLiteStore


def all_events(store, tenant="default"):
    return list(store.iter_events(EventQuery(tenant=tenant)))


def test_reingesting_a_file_changes_nothing(store, write_lines):
    path = write_lines([message(n) for n in range(4)])
    first = ingest(store, path)
    before = [e.model_dump() for e in all_events(store)]
    second = ingest(store, path)
    assert (first.stored, first.duplicates) == (4, 0)
    assert (second.stored, second.duplicates) == (0, 4)
    assert [e.model_dump() for e in all_events(store)] == before


def test_an_explicit_event_id_is_kept_and_deduplicates(store, write_lines):
    path = write_lines([message(0, event_id="e-1"), message(1, event_id="e-1")])
    report = ingest(store, path)
    assert (report.stored, report.duplicates) == (1, 1)
    assert [e.event_id for e in all_events(store)] == ["e-1"]


def test_derived_id_ignores_timezone_spelling_and_attrs_order(store, write_lines):
    path = write_lines(
        [
            message(0, ts="2026-03-01T12:00:00+02:00", attrs={"a": 1, "b": 2}),
            message(0, ts="2026-03-01T10:00:00Z", attrs={"b": 2, "a": 1}),
        ]
    )
    report = ingest(store, path)
    assert (report.stored, report.duplicates) == (1, 1)


def test_times_are_stored_in_utc(store, write_lines):
    ingest(store, write_lines([message(0, ts="2026-03-01T12:00:00+02:00")]))
    assert all_events(store)[0].ts == "2026-03-01T10:00:00.000000Z"


# --- the offset a time is written in -------------------------------------------------------


def test_an_offset_other_than_utc_is_kept_in_attrs_and_the_time_stored_in_utc(store, write_lines):
    ingest(
        store,
        write_lines(
            [
                message(0, ts="2025-04-14T10:00:00+05:30"),
                message(1, ts="2025-04-14T06:00:00-04:00", attrs={"device": "ios"}),
            ]
        ),
    )
    assert [(e.ts, e.attrs) for e in all_events(store)] == [
        ("2025-04-14T04:30:00.000000Z", {"utc_offset": "+05:30"}),
        ("2025-04-14T10:00:00.000000Z", {"device": "ios", "utc_offset": "-04:00"}),
    ]


@pytest.mark.parametrize("ts", ["2026-03-01T10:00:00Z", "2026-03-01T10:00:00+00:00"])
def test_a_time_written_in_utc_adds_nothing_to_attrs(store, write_lines, ts):
    ingest(store, write_lines([message(0, ts=ts, attrs={"device": "ios"})]))
    assert all_events(store)[0].attrs == {"device": "ios"}


def test_a_utc_offset_given_in_attrs_is_kept_beside_a_utc_time(store, write_lines):
    # What `persona6 events --json` prints can be ingested again as it is.
    ingest(
        store, write_lines([message(0, ts="2025-04-14T04:30:00Z", attrs={"utc_offset": "+05:30"})])
    )
    assert all_events(store)[0].attrs == {"utc_offset": "+05:30"}


def test_the_kept_offset_leaves_the_derived_id_as_it_was(store, write_lines):
    # The id a UTC-written event has always had (before utc_offset existed), for both spellings.
    path = write_lines(
        [
            message(0, ts="2026-03-01T15:30:00+05:30"),
            message(0, ts="2026-03-01T10:00:00Z"),
            message(0, ts="2026-03-01T10:00:00Z", attrs={"utc_offset": "+05:30"}),
        ]
    )
    report = ingest(store, path)
    assert (report.stored, report.duplicates) == (1, 2)
    (event,) = all_events(store)
    assert event.event_id == "ev_064bf38887c800779690075e22eb38f2dd"
    assert event.attrs == {"utc_offset": "+05:30"}  # the first one written is the one kept


def test_the_invented_mark_leaves_the_derived_id_as_it_was(store, write_lines):
    # Whether the time was made up does not make it another event.
    path = write_lines(
        [
            message(0, ts="2026-03-01T10:00:00Z", attrs={"ts_invented": True}),
            message(0, ts="2026-03-01T10:00:00Z"),
        ]
    )
    report = ingest(store, path)
    assert (report.stored, report.duplicates) == (1, 1)
    (event,) = all_events(store)
    assert event.event_id == "ev_064bf38887c800779690075e22eb38f2dd"
    assert event.attrs == {"ts_invented": True}


def test_an_event_object_keeps_its_offset_through_ingest_events(store):
    from persona6.types import Event

    ingest_events(store, [Event.model_validate(message(0, ts="2025-04-14T10:00:00+05:30"))])
    (event,) = all_events(store)
    assert (event.ts, event.attrs) == ("2025-04-14T04:30:00.000000Z", {"utc_offset": "+05:30"})


def test_every_event_keeps_its_source_line(store, write_lines):
    path = write_lines([message(0), message(1)])
    ingest(store, path)
    assert [e.source for e in all_events(store)] == [f"{path}:1", f"{path}:2"]


def test_tenant_option_scopes_the_events(store, write_lines):
    path = write_lines([message(0)])
    ingest(store, path, tenant="acme")
    assert all_events(store, "default") == []
    assert len(all_events(store, "acme")) == 1


def test_same_event_in_two_tenants_is_two_events(store, write_lines):
    path = write_lines([message(0)])
    ingest(store, path, tenant="acme")
    ingest(store, path, tenant="globex")
    assert len(all_events(store, "acme")) == len(all_events(store, "globex")) == 1


def test_event_naming_another_tenant_than_the_option_is_rejected(store, write_lines):
    path = write_lines([message(0, tenant="globex")])
    with pytest.raises(InvalidEvent) as caught:
        ingest(store, path, tenant="acme")
    assert str(caught.value) == (
        f"{path}:1: field 'tenant' 'globex' names another tenant than the one this ingest "
        "writes to, 'acme' (--tenant, else $PERSONA6_TENANT, else 'default'). Run the command "
        "again with --tenant globex to store them in tenant 'globex' (a file that mixes "
        "tenants: one run per tenant with --on-error skip, docs/cli.md), or drop the field"
    )
    assert caught.value.render("http", {"tenant": "the API key's tenant"}).endswith(
        "names another tenant than the API key's tenant 'acme'. Send each tenant's events "
        "with an API key of that tenant, or drop the field"
    )


def test_identify_event_records_a_link_with_provenance(store, write_lines):
    path = write_lines(
        [
            message(0, user_id=None, anonymous_id="anon-1"),
            {
                "ts": "2026-03-01T10:00:05Z",
                "session_id": "s-1",
                "type": "identify",
                "user_id": "u-1",
                "anonymous_id": "anon-1",
                "event_id": "idf-1",
            },
        ]
    )
    ingest(store, path)
    stats = store.stats("default")
    assert stats.identify_links == 1
    linked = {a.actor: a.linked_to for a in store.actors("default")}
    assert linked == {"anon-1": "u-1"}


def test_reading_standard_input(store, monkeypatch):
    data = "\n".join(__import__("json").dumps(message(n)) for n in range(3)) + "\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode())))
    report = ingest(store, "-")
    assert (report.source, report.stored) == ("-", 3)


def test_ingest_events_is_all_or_nothing(store):
    with pytest.raises(InvalidEvent, match=r"api\[1\]: field 'ts' is missing"):
        ingest_events(store, [message(0), message(1, ts=None)])
    assert all_events(store) == []
    assert ingest_events(store, [message(0), message(1)]).stored == 2


events_strategy = st.lists(
    st.builds(
        lambda n, sid, uid, text: message(n, session_id=sid, user_id=uid, text=text),
        st.integers(0, 59),
        st.sampled_from(["s-1", "s-2", "s-3"]),
        st.sampled_from(["u-1", "u-2"]),
        st.text(min_size=1, max_size=40),
    ),
    min_size=1,
    max_size=30,
)


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(events=events_strategy, cut=st.integers(0, 30), batch=st.integers(1, 7))
def test_ingest_in_parts_equals_ingest_at_once(events, cut, batch, tmp_path_factory):
    """Idempotence as a property: any split into two files, in any batch size, stores the same."""
    folder = tmp_path_factory.mktemp("prop")

    def write(name, records):
        path = folder / name
        path.write_text("".join(__import__("json").dumps(r) + "\n" for r in records))
        return path

    whole = SQLiteStore(":memory:")
    parts = SQLiteStore(":memory:")
    ingest(whole, write("all.jsonl", events), batch_size=batch)
    if events[:cut]:
        ingest(parts, write("a.jsonl", events[:cut]), batch_size=batch)
    if events[cut:]:
        ingest(parts, write("b.jsonl", events[cut:]), batch_size=batch)
    ingest(parts, write("all.jsonl", events), batch_size=batch)  # and once more, overlapping

    def content(s):
        return sorted((e.event_id, e.ts, e.session_id, e.user_id, e.text) for e in all_events(s))

    assert content(whole) == content(parts)
