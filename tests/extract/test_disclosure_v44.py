"""persona6.disclosure.v44 with english v19 (session 18): a case that may or may not come ("in
the event ...", "if and when ...", "supposing ...", "should I ever ...") and a time clause still
to come ("once I've got ...", "as soon as I get ...", "when I eventually ...") are read by the
shared guard, so what they say is no fact of the speaker's life yet."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import disclosure
from persona6.extract import text as tx
from persona6.extract.text import load_lexicon


def signals(text: str) -> dict[str, str]:
    return {s.key: s.value for s in extracted(disclosure.NAME, text, "u1")}


def test_the_producer_is_v44_or_later() -> None:
    assert int(disclosure.NAME.rsplit(".v", 1)[1]) >= 44
    assert load_lexicon("english")["version"] >= 19


@pytest.mark.parametrize(
    ("text", "word"),
    [
        (
            "in the event that I inherit my grandads allotment, what can I legally grow?",
            "allotment",
        ),
        ("In the event I get a second tank, can the filters be shared", "tank"),
        ("once ive got my sailing certificate could i charter a yacht", "certificate"),
        ("Once I've passed my driving test can I insure the old golf?", "driving test"),
        ("as soon as I get my climbing shoes resoled I'll be back at the wall", "shoes"),
        ("as soon as i buy the loom ill start weaving", "loom"),
        ("when I eventually get a greenhouse I want to grow chillies", "greenhouse"),
        ("when i finally finish the tax return i'm taking a week off", "tax return"),
        ("if and when we buy a house we'll get chickens", "house"),
        ("the day I get my black belt I'm framing it", "black belt"),
        ("after I get my bonus I'll buy new crampons", "bonus"),
        ("as soon as I get my visa, I'll book flights", "visa"),
    ],
)
def test_a_case_to_come_is_no_fact(text: str, word: str) -> None:
    found = signals(text)
    assert not [k for k, v in found.items() if word in k or word in v], found


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("when I was a kid I had a goldfish called Bob", "pets:goldfish called bob"),
        ("when I get home I always water the tomatoes", "habits:water the tomatoes"),
        ("when I retire I'll move to the coast", "plans:move to the coast"),
        ("next time I'll bring the board game", "plans:bring the board game"),
        # v46: a credential attained is a qualification, no possession
        ("I got my sailing certificate in may", "education:got my sailing certificate"),
        (
            "i have a 200 litre tank and when I clean it i use a gravel vac",
            "possessions:200 litre tank",
        ),
        ("I keep a spare key in case I lose my keys", "personal:keys"),
    ],
)
def test_a_past_a_habit_and_a_plan_stay(text: str, key: str) -> None:
    assert key in signals(text)


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("in the event my laptop dies, what do I do", "dies"),
        ("if and when I get a dog, which breed?", "get"),
        ("Once I've got my full licence, could I ride on the motorway?", "got"),
        ("as soon as I get my visa I'll book flights", "get"),
        ("when I eventually buy a house I want a big garden", "buy"),
        ("I'll sell it should I ever need cash", "need"),
    ],
)
def test_the_shared_guard_reads_a_case_to_come(text: str, at: str) -> None:
    assert tx.supposed(text, text.index(at)) is not None


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("once I got home I cooked dinner", "got"),
        ("when I get home I always cook", "get"),
        ("next time I'll bring snacks", "bring"),
        ("when I was a kid I had a dog", "was"),
    ],
)
def test_a_time_clause_of_a_fact_is_no_case(text: str, at: str) -> None:
    assert tx.supposed(text, text.index(at)) is None
