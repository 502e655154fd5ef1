"""Long IN lists are cut in slices with matching placeholders."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from persona6.store.sql_lists import in_lists


@given(values=st.lists(st.text(max_size=3), max_size=40), size=st.integers(1, 7))
def test_slices_cover_the_values_in_order_with_one_placeholder_each(values, size):
    slices = list(in_lists(values, size))
    assert [v for chunk, _ in slices for v in chunk] == values
    for chunk, marks in slices:
        assert 1 <= len(chunk) <= size
        assert marks.split(", ") == ["?"] * len(chunk)


def test_a_store_reads_more_rows_than_one_list_holds():
    from persona6.store import SQLiteStore

    store = SQLiteStore(":memory:")
    version = store.next_identity_profiles_version("default")
    names = [f"p{i:04d}" for i in range(1203)]
    with store.transaction():
        for name in names:
            store.replace_identity_profile("default", name, 1, None, "{}", version=version)
    assert [p for p, _ in store.identity_profiles("default", names[::-1])] == names
