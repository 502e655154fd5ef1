"""persona6.concern.v26: a worry said indirectly is read by its class. Fear said with a verb or
an adjective of fear of a thing that hurts a body is safety (learner "afraid from" too); a
person's records sold or passed on, asked, or not knowing who receives them, is privacy; the
slang of a price too high is cost; a duration stretched beside a thing that runs, or the wait
for a reply, is speed; a refusal or a ban risked, and being sure a thing is allowed, are
compliance. Each rule is checked on sentences of several domains, and on neighbours that must
stay unchanged."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import concern
from persona6.extract.text import load_lexicon
from persona6.types import SignalKind


def worries(text: str) -> set[str]:
    return {s.key for s in extracted(concern.NAME, text) if s.kind is SignalKind.CONCERN}


def test_the_producer_is_v26() -> None:
    assert concern.NAME == "persona6.concern.v31"
    assert load_lexicon("concerns")["version"] == 31


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Table saw kickback genuinely terrifies me, I want every guard on it.", "safety"),
        ("it terrifies me that the ladder might slip while I'm pruning", "safety"),
        ("I'm dreading a fall on the lead climb tomorrow", "safety"),
        ("honestly scared stiff of getting a shock when I rewire the pond pump", "safety"),
        ("I am very afraid from the sharks when we dive", "safety"),
        ("im petrified of coming off the bike on that descent", "safety"),
        ("Electrocution is my worst nightmare with this aquarium heater", "safety"),
        ("How do I know the tax app isn't flogging my bank details?", "privacy"),
        ("is the dive log app flogging my location data?", "privacy"),
        ("would my address get shared with other players in the chess club app?", "privacy"),
        ("I'm hesitant to upload my DNA results, no idea who they end up shared with", "privacy"),
        (
            "im not sure about putting our guest list in here, who actually gets that data",
            "privacy",
        ),
        ("£40 for a chain? daylight robbery", "cost"),
        ("the aquarium lights are a bit spendy tbh", "cost"),
        ("the wedding venue wants silly money for the chairs", "cost"),
        ("these climbing shoes are extortionate", "cost"),
        ("it takes three days to get a reply from your support", "speed"),
        ("every time I export the pattern it takes a good five minutes", "speed"),
        ("waited two weeks for the refund, still nothing", "speed"),
        ("one mistake on the visa form could get me refused", "compliance"),
        ("I need to be sure this is allowed, I can't afford to be turned down", "compliance"),
        (
            "I need to be certain the extension meets planning rules, I cannot risk a refusal",
            "compliance",
        ),
    ],
)
def test_a_worry_said_indirectly_is_read_by_its_class(text: str, key: str) -> None:
    assert key in worries(text), (text, worries(text))


def test_not_affording_a_refusal_is_no_price() -> None:
    assert "cost" not in worries(
        "I need to be sure this is allowed, I can't afford to be turned down"
    )


@pytest.mark.parametrize(
    "text",
    [
        "I'm scared of spiders lol",
        "My daughter is terrified of the dentist.",
        "I'm worried about the fall semester schedule",
        "nervous about the ladder match at the chess club tonight",
        "scared of falling behind on my tax return",
        "I'm worried the script fires twice on deploy",
        "worried they'll fire me if I miss another shift",
        "worried about our burn rate this quarter",
        "afraid the meeting will run over again",
        "The compost takes about six weeks to break down.",
        "It takes 20 minutes to bake the cake.",
        "it takes a good 40 minutes to roast the squash",
        "I take ages choosing the yarn colour haha",
        "the opening took me ages to learn but I love it now",
        "I waited two weeks for the paint to dry, it's a big job",
        "can I share my photos with my knitting group?",
        "do I need to hand over my passport at the wedding venue?",
        "who gets the spare room at the wedding?",
        "I have no idea who wins the tournament this year",
        "my visa was refused last year so I reapplied",
        "I need to be sure the cake is done before the guests arrive",
        "we sold our photos to a stock site for a bit of extra cash",
        "who else is coming to the wedding?",
    ],
)
def test_neighbours_raise_nothing(text: str) -> None:
    assert worries(text) == set(), (text, worries(text))
