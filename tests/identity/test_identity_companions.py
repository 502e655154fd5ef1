"""Companion statistics kept up to date person by person equal a count from scratch."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from persona6.identity.scoring import CompanionStats

companions = st.dictionaries(st.sampled_from("abcdefg"), st.integers(1, 4), max_size=4)


@given(
    people=st.lists(companions, max_size=12),
    changes=st.lists(st.tuples(st.integers(0, 11), companions), max_size=8),
)
def test_adding_and_removing_people_counts_as_from_scratch(people, changes):
    held = dict(enumerate(people))
    stats = CompanionStats.from_companions(held.values())
    for who, new in changes:  # a person's profile rewritten, or a new person
        if who in held:
            stats.remove(held[who])
        held[who] = new
        stats.add(new)
    for who in list(held)[::2]:  # and some forgotten
        stats.remove(held.pop(who))
    assert stats == CompanionStats.from_companions(held.values())
