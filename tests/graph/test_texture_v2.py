"""persona6.texture.v2 and texture_traits.v2: how a person writes is read from their own words
(a forwarded email or a line quoted with ">" is pasted material); shouting in capitals is a
trait; finance shorthand ("600/mo", "payoff", "vs") is English, not another language."""

from __future__ import annotations

import numpy as np

from persona6.extract import texture as texture_module
from persona6.extract.texture import TextureExtractor, texture_vector
from persona6.graph.texture import knows, texture_traits
from persona6.types import StoredEvent
from tests.context.test_brief_texture import _brief
from tests.graph.test_texture_statements import MIXED, _events, _traits

FORWARD = (
    "is this right?\n\n----- Forwarded message -----\nFrom: orders@shop.example\n"
    "Subject: YOUR ORDER IS CONFIRMED!\n\nTHANK YOU FOR SHOPPING WITH US! WE LOVE OUR CUSTOMERS."
)
# An angry shopper: capitals after a delay or a declined card, lower case otherwise.
SHOUTING = [
    ["need the running shoes in 10.5 fast", "where is my order"],
    ["3 DAYS?? I NEEDED IT TOMORROW", "dont waste my time"],
    ["just want to buy the charger, quick", "ARE YOU KIDDING ME. THIS IS RIDICULOUS"],
    ["order the 4k monitor", "WHY DOES THIS ALWAYS FAIL"],
    ["buy the phone case again", "seriously?? forget it", "dont waste my time"],
]
# Acronyms and a capitalised product name are no shouting.
ACRONYMS = [
    ["check the API and AWS keys", "is the VPN down again?"],
    ["the SSO login fails on iOS", "NASA API URL"],
    ["ok the FAQ says GPU", "IT IS OK"],
]
# English finance shorthand: abbreviations, units and numbers.
SHORTHAND = [
    ["car loan 8400 left @ 6.9%. 600/mo. months to payoff?", "payoff if 750/mo?"],
    ["net worth delta vs last mo", "loan 6150 left. extra 200 this mo"],
    ["eta on the refund?", "approx 2k/yr on subs, cut them", "5 wks to payoff"],
]


def test_the_texture_profile_is_v2() -> None:
    assert texture_module.NAME == "persona6.texture.v2"


def test_the_texture_profile_leaves_pasted_material_out() -> None:
    [signal] = [
        s
        for s in TextureExtractor().extract(_events([[FORWARD, "ok thanks"]]))
        if s.key == "profile"
    ]
    assert np.allclose(signal.vector, texture_vector(["is this right?", "ok thanks"]), atol=1e-6)
    assert signal.measure == 5.0  # the words of the person's own text


def test_a_message_without_pasted_material_keeps_its_profile() -> None:
    texts = ["Hello there: the export fails", "On Monday I wrote to them", "see below\nok"]
    [signal] = [s for s in TextureExtractor().extract(_events([texts])) if s.key == "profile"]
    assert np.allclose(signal.vector, texture_vector(texts), atol=1e-6)


def test_shouting_in_capitals_is_stated_with_the_messages_that_show_it() -> None:
    trait = _traits(SHOUTING)["capitals"]
    assert trait.value == "shouts"
    assert trait.statement == "shouts in capitals (3 of 11 messages are mostly in capitals)"
    assert trait.sessions == 3
    assert {e.quote for e in trait.evidence} == {
        "3 DAYS?? I NEEDED IT TOMORROW",
        "ARE YOU KIDDING ME. THIS IS RIDICULOUS",
        "WHY DOES THIS ALWAYS FAIL",
    }
    assert _traits(SHOUTING)["casing"].value == "lowercase"  # unchanged beside it


def test_acronyms_and_short_capitals_are_no_shouting() -> None:
    assert "capitals" not in _traits(ACRONYMS)


def test_capitals_in_pasted_material_are_no_shouting() -> None:
    sessions = [[FORWARD, "ok thanks"], [FORWARD, "got it"], [FORWARD, "fine"]]
    assert "capitals" not in _traits(sessions)


def test_pasted_material_is_not_cited_as_the_persons_writing() -> None:
    sessions = [[FORWARD, "ok thanks", "pls check"], [FORWARD, "got it", "cool"]]
    for trait in texture_traits("u-1", _events(sessions)):
        assert not any("Forwarded" in e.quote or "THANK" in e.quote for e in trait.evidence)


def test_finance_shorthand_is_english() -> None:
    assert "second_language" not in _traits(SHORTHAND)
    assert all(knows(w) for w in ("loan", "payoff", "delta", "mo", "vs", "eta", "approx"))


def test_another_language_is_still_found() -> None:
    trait = _traits(MIXED)["second_language"]
    assert "'grazie'" in trait.statement
    assert not any(knows(w) for w in ("grazie", "domani", "perfetto", "adesso"))


def test_the_brief_tells_the_agent_to_de_escalate_with_someone_who_shouts() -> None:
    text = _brief(SHOUTING, budget=800).text
    assert "They shout in capitals when upset: de-escalate" in text
    assert "shout" not in _brief(ACRONYMS, budget=800).text


def test_the_statement_says_how_many_shouts_came_right_after_a_failure() -> None:
    events = _events(SHOUTING)
    declined = StoredEvent(
        event_id="e2-0b",
        ts="2026-03-03T10:00:30Z",
        session_id="s2",
        tenant="t",
        user_id="u-1",
        type="outcome",
        name="payment_declined",
        text="Your card was declined",
    )
    # The failure comes before "ARE YOU KIDDING ME" (e2-1), after "just want ..." (e2-0).
    trait = {t.key: t for t in texture_traits("u-1", [*events, declined])}["capitals"]
    assert trait.statement == (
        "shouts in capitals (3 of 11 messages are mostly in capitals; 1 right after a failure)"
    )
