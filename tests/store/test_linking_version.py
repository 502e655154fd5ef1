"""``Store.linking_version``: what caches of linking's answers key on. It moves with the graph
(``graph_version``) and with every write of identity settings or of a linking model, in any
connection; those writes leave ``graph_version`` (and the behaviour caches keyed on it) as is."""

from __future__ import annotations

import pytest
from helpers import message

from persona6.ingest.pipeline import ingest_events
from persona6.store import open_store


def test_identity_settings_and_models_move_the_linking_version_not_the_graph_version(db_url):
    reader, writer = open_store(db_url), open_store(db_url)
    ingest_events(writer, [message(0)])
    graph, seen = reader.graph_version("default"), [reader.linking_version("default")]
    for write in (
        lambda: writer.set_identity_setting("default", "link_threshold", 0.9),
        lambda: writer.set_identity_setting("default", "link_threshold", 0.8),
        lambda: writer.set_identity_setting("default", "link_threshold", None),  # the default
        lambda: writer.save_identity_model("default", "m-1", {"weights": [1.0]}),
        lambda: writer.save_identity_model("default", "m-1", {"weights": [2.0]}),  # same id
    ):
        write()
        seen.append(reader.linking_version("default"))
        assert seen[-1] != seen[-2]
    assert reader.graph_version("default") == graph
    assert reader.linking_version("other") == (None, None, None, None)  # another tenant's
    reader.close()
    writer.close()


def test_the_linking_version_moves_with_the_graph_and_stays_while_events_are_recorded(db_url):
    reader, writer = open_store(db_url), open_store(db_url)
    ingest_events(writer, [message(0)])
    before = reader.linking_version("default")
    ingest_events(writer, [message(1), message(2)])
    assert reader.linking_version("default") == before
    with writer.transaction():
        writer.insert_identity_links(
            [("default", "l-1", "anon-1", "u-1", "identify", None, "2026-03-01T00:00:00Z")]
        )
    assert reader.linking_version("default") != before
    assert reader.linking_version("default")[:3] == reader.graph_version("default")
    reader.close()
    writer.close()


def test_a_setting_written_in_a_transaction_rolled_back_leaves_the_linking_version(store):
    before = store.linking_version("default")
    with pytest.raises(RuntimeError), store.transaction():
        store.set_identity_setting("default", "link_threshold", 0.9)
        raise RuntimeError("given up")
    assert store.linking_version("default") == before
    assert store.identity_settings("default") == {}
