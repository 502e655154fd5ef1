"""Identifiers a person states of themselves (a card's last digits, an e-mail address, a phone
number, an account number) count in linking: the same value is strong evidence, another value
counts against as far as the person's own history of values allows (identifiers.py; review 6
W4: a stranger paying with "card ending 9012" was linked to the shopper whose card is 4411)."""

from __future__ import annotations

import json
import math
from datetime import datetime, timedelta, timezone

import pytest

from persona6 import Persona6
from persona6.errors import InvalidInput
from persona6.extract.text import read_yaml
from persona6.identity import identifiers
from persona6.identity.features import Profile, UnitContext, session_units
from persona6.types import StoredEvent

CONTEXT = UnitContext(identifier_attrs=frozenset(), ignored_attrs=frozenset(), max_value_chars=40)


# -- what is read ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("card ending 4411", "card", "4411"),
        ("I paid with my Visa ****4411 yesterday", "card", "4411"),
        ("the debit card that ends in 0042 was charged twice", "card", "0042"),
        ("my email is Jo.Smith@Example.com", "email", "jo.smith@example.com"),
        ("you can reach me at jo@example.org", "email", "jo@example.org"),
        ("my phone number is +1 (555) 201-3344", "phone", "5552013344"),
        ("call me at 555 201 3344 after six", "phone", "5552013344"),
        ("my account number is 88-123456", "account", "88123456"),
        ("my loyalty number is A7781-22", "loyalty", "A778122"),
    ],
)
def test_identifiers_introduced_as_such_are_read(text: str, kind: str, value: str) -> None:
    found = identifiers.stated(text)
    assert [(f.kind, f.value) for f in found] == [(kind, value)]
    assert (
        identifiers.normalised(identifiers.rules().types[kind], text[found[0].start : found[0].end])
        == value
    )


@pytest.mark.parametrize(
    "text",
    [
        "my order number is 88213",  # an order is no account, and no phone
        "send the invoice to bob@example.com please",  # someone the person writes to
        "my wife's card ending 1234 was declined",  # someone else's card
        "her email is dana@example.com",
        "use his phone number 555 201 3344",
        "it cost 4411 dollars",  # bare digits
        "guest; card not saved",
        "account number: pending",
    ],
)
def test_what_is_not_introduced_as_the_speakers_own_is_not_read(text: str) -> None:
    assert identifiers.stated(text) == []


def _event(eid: str, text: str, *, kind: str = "message", **who: str) -> StoredEvent:
    return StoredEvent(
        event_id=eid,
        ts=f"2026-03-02T10:00:{int(eid[-1]):02d}+00:00",
        session_id="s1",
        tenant="default",
        type=kind,
        text=text,
        name="checkout" if kind == "action" else None,
        **who,
    )


def test_only_the_actors_own_words_are_read_never_the_assistant_another_speaker_or_pasted() -> None:
    events = [
        _event("e1", "hi, my email is ann@example.com", anonymous_id="anon-a"),
        # the assistant repeats a card: never the actor's
        _event("e2", "I see the card ending 4411 on file.", role="assistant"),
        # another speaker of the same session states theirs
        _event("e3", "and my card ending 7777, my email is bo@example.com", anonymous_id="anon-b"),
        # pasted material: a forwarded e-mail that carries someone's address and card
        _event(
            "e4",
            "Got this, is it right?\n\n----- Forwarded message -----\nFrom: orders@shop.example\n"
            "My email is orders@shop.example, card ending 5555 charged.\n",
            anonymous_id="anon-a",
        ),
        # words in double quotes are someone else's
        _event("e5", 'the form said "my phone number is 555 000 1111"', anonymous_id="anon-a"),
        # the actor's own checkout
        _event("e6", "card ending 4411", kind="action", anonymous_id="anon-a"),
        # an outcome is the product's words
        _event("e7", "card ending 9999 declined", kind="outcome", anonymous_id="anon-a"),
    ]
    units = session_units(events, [], CONTEXT)
    mine = units["anon-a"].identifiers
    assert set(mine) == {
        "email",
        identifiers.label("email", "ann@example.com"),
        "card",
        identifiers.label("card", "4411"),
    }
    theirs = units["anon-b"].identifiers
    assert set(theirs) == {
        "card",
        identifiers.label("card", "7777"),
        "email",
        identifiers.label("email", "bo@example.com"),
    }


def test_units_keep_hashes_and_places_not_the_values() -> None:
    events = [
        _event("e1", "my email is ann@example.com and my phone is 555 201 3344", anonymous_id="a")
    ]
    unit = session_units(events, [], CONTEXT)["a"]
    kept = json.dumps({"ids": unit.to_json()["identifiers"], "at": unit.pointers["identifiers"]})
    assert "ann" not in kept and "example" not in kept and "3344" not in kept
    text = events[0].text or ""
    said = sorted(text[p[1] : p[2]] for ps in unit.pointers["identifiers"].values() for p in ps)
    assert said == ["555 201 3344", "ann@example.com"]
    assert all(
        p[0] == "e1" and p[3] == "" for ps in unit.pointers["identifiers"].values() for p in ps
    )


def test_a_unit_stored_before_identifiers_were_read_is_stale() -> None:
    unit = session_units(
        [_event("e1", "card ending 4411", kind="action", anonymous_id="a")], [], CONTEXT
    )["a"]
    body = unit.to_json()
    del body["identifiers"], body["identifier_version"]
    old = Profile.from_json(body)
    assert old.identifier_version == 0 != identifiers.rules().version
    assert Profile.from_json(unit.to_json()).identifier_version == identifiers.rules().version


# -- what it says ------------------------------------------------------------------------------


def _held(kind: str, values: dict[str, int], sessions: int) -> dict[str, int]:
    return {kind: sessions, **{identifiers.label(kind, v): n for v, n in values.items()}}


def test_another_value_counts_against_by_the_rule_of_succession() -> None:
    query = _held("card", {"9012": 1}, 1)
    one_card = _held("card", {"4411": 7}, 7)
    value, (found,) = identifiers.llr(query, one_card, {}, known=5)
    assert not found.match and found.p_new == pytest.approx(1 / 8)
    assert value == pytest.approx(math.log((1 / 8) / (1 - 0.01)))
    # someone who used two cards in three sessions: a third comes often
    two_cards = _held("card", {"4411": 2, "1234": 1}, 3)
    weaker, _ = identifiers.llr(query, two_cards, {}, known=5)
    assert value < weaker < 0
    assert weaker == pytest.approx(math.log((2 / 4) / (1 - 0.01)))


def test_the_same_value_is_strong_not_certain_and_says_little_when_many_hold_it() -> None:
    query = _held("card", {"4411": 1}, 1)
    person = _held("card", {"4411": 7}, 7)
    alone, (found,) = identifiers.llr(query, person, {identifiers.label("card", "4411"): 1}, 50)
    assert found.match
    assert alone == pytest.approx(math.log((7 / 8) / 0.01))  # a couple may share a card
    shared, _ = identifiers.llr(query, person, {identifiers.label("card", "4411"): 26}, 50)
    assert 0 <= shared < 1.0 < alone  # half the known persons state it


def test_types_the_person_never_stated_say_nothing() -> None:
    query = _held("email", {"x@example.com": 1}, 1)
    person = _held("card", {"4411": 3}, 3)
    assert identifiers.llr(query, person, {}, known=5) == (0.0, [])


# -- the rules file ----------------------------------------------------------------------------


def _rules_data() -> dict:
    from importlib import resources

    return read_yaml(
        resources.files("persona6.data").joinpath("identifiers.yaml").read_text("utf-8")
    )


def test_the_shipped_rules_parse_and_every_pattern_has_a_reason() -> None:
    data = _rules_data()
    assert identifiers.parse_rules(data).types
    for spec in data["types"].values():
        assert spec["reason"] and all(p["reason"] for p in spec["patterns"])


@pytest.mark.parametrize(
    ("change", "where", "fix"),
    [
        (
            lambda d: d["types"]["card"]["patterns"].append(
                {"pattern": "card (\\d{4}", "reason": "x"}
            ),
            "types.card.patterns[3]",
            "Correct the pattern",
        ),
        (
            lambda d: d["types"]["card"]["patterns"].append(
                {"pattern": "card (\\d{4})", "reason": "x"}
            ),
            "types.card.patterns[3]",
            "(?P<value>...)",
        ),
        (
            lambda d: d["types"]["email"].update(shared_rate=2),
            "types.email.shared_rate",
            "shared_rate: 0.01",
        ),
        (
            lambda d: d["types"]["phone"].update(normalise="upper"),
            "types.phone.normalise",
            "lower, digits, alnum",
        ),
        (lambda d: d["types"]["account"].pop("patterns"), "types.account", "Add patterns"),
        (lambda d: d.pop("version"), "version", "version: 1"),
    ],
)
def test_a_malformed_rules_file_says_where_what_and_how_to_fix(
    change, where: str, fix: str
) -> None:
    data = _rules_data()
    change(data)
    with pytest.raises(InvalidInput) as caught:
        identifiers.parse_rules(data)
    said = caught.value.render()
    assert said.startswith(f"persona6/data/identifiers.yaml, {where}:"), said
    assert fix in said, said


# -- linking -----------------------------------------------------------------------------------

SHOPPERS = {
    "u-ann": ("android", -5, 21, "card ending 4411", "hiii any deals on the {} today?? 🙌"),
    "u-ben": ("web", 9, 8, "guest; card not saved", "Hello. I want buy the {}, please."),
    "u-cat": ("ios", 0, 12, "visa", "need the {} by friday. dont waste my time"),
    "u-dan": ("web", 1, 7, "invoice", "Good morning, could you reorder the {} for the bakery?"),
}
ITEMS = ["blender", "kettle", "toaster", "lamp", "rug"]


def _session(who: str, session: str, day: int, text: str, pay: str, **actor: str) -> list[dict]:
    client, offset, hour = SHOPPERS[who][:3]
    at = datetime(2026, 3, 2, hour, 5, tzinfo=timezone(timedelta(hours=offset))) + timedelta(
        days=day
    )
    base = {"session_id": session, "attrs": {"client": client}, **actor}
    return [
        {**base, "event_id": f"{session}-0", "ts": at.isoformat(), "type": "message", "text": text},
        {
            "event_id": f"{session}-1",
            "session_id": session,
            "ts": (at + timedelta(seconds=10)).isoformat(),
            "type": "message",
            "role": "assistant",
            # the assistant names a card: never read as anyone's
            "text": "Sure. Your saved card ending 4411 can pay for it.",
        },
        {
            **base,
            "event_id": f"{session}-2",
            "ts": (at + timedelta(seconds=60)).isoformat(),
            "type": "action",
            "name": "checkout",
            "text": pay,
        },
    ]


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> dict:
    events: list[dict] = []
    for who, (*_, pay, words) in SHOPPERS.items():
        for s, item in enumerate(ITEMS):
            events += _session(who, f"{who}-{s}", 7 * s, words.format(item), pay, user_id=who)
    ann = SHOPPERS["u-ann"]
    events += _session(
        "u-ann",
        "x1",
        50,
        "promo code for the air fryer pls",
        "card ending 9012",
        anonymous_id="anon-stranger",
    )
    events += _session(
        "u-ann", "x2", 51, "promo code for the air fryer pls", ann[3], anonymous_id="anon-ann"
    )
    # a Ben-like session whose actor states nothing: the assistant's card is not theirs
    events += _session(
        "u-ben",
        "x3",
        52,
        "Hello. I want buy the tripod, please.",
        "guest; card not saved",
        anonymous_id="anon-ben",
    )
    # Ben's words and ways, with Ann's card: with one candidate from the index (Ben's), Ann
    # is scored too, as the one known person who stated that card
    events += _session(
        "u-ben",
        "x4",
        53,
        "Hello. I want buy the tripod, please.",
        "card ending 4411",
        anonymous_id="anon-mixed",
    )
    path = tmp_path_factory.mktemp("stated") / "p6.db"
    with Persona6(db=path) as p6:
        p6.record(events)
        p6.build()
        found = {a: p6.link(a) for a in ("anon-stranger", "anon-ann", "anon-ben")}
        p6.identity_settings(candidates=1)
        found["anon-mixed"] = p6.link("anon-mixed")
        return found


def _stated(candidate) -> list:
    return [e for e in candidate.evidence if e.feature.startswith("stated ")]


def test_another_card_counts_against_the_person_it_resembles(linked: dict) -> None:
    result = linked["anon-stranger"]
    ann = next(c for c in result.candidates if c.person_id == "u-ann")
    (item,) = _stated(ann)
    assert item.family == "content" and item.stance == "against"
    assert "card ending 4411 in 5 of 5 past sessions; here 9012" in item.summary
    assert "1 in 6" in item.summary  # one card in 5 sessions: a new one about 1 in 6
    assert ann.contributions["content"] < -1.5  # in --json contributions too
    assert result.spec_json()["candidates"][0]["contributions"]["content"] < -1.5
    for quote in [*item.anonymous, *item.person]:
        assert quote.quote and "card ending" in quote.quote
    assert item.anonymous[0].event_id == "x1-2"


def test_the_same_card_counts_for_the_person(linked: dict) -> None:
    result = linked["anon-ann"]
    assert result.decision == "u-ann"
    (item,) = _stated(result.candidates[0])
    assert item.stance == "for" and "here 4411: the same" in item.summary
    assert result.candidates[0].contributions["content"] > 3.0
    assert linked["anon-stranger"].new_person_probability > result.new_person_probability


def test_the_assistants_words_state_nothing_for_anyone(linked: dict) -> None:
    for candidate in linked["anon-ben"].candidates:
        assert not _stated(candidate)


def test_a_person_who_stated_the_value_is_scored_even_when_the_index_does_not_propose_them(
    linked: dict,
) -> None:
    persons = [c.person_id for c in linked["anon-mixed"].candidates]
    assert "u-ben" in persons and "u-ann" in persons
    ann = next(c for c in linked["anon-mixed"].candidates if c.person_id == "u-ann")
    assert ann.contributions["content"] > 3.0


def test_units_stored_before_identifiers_were_read_are_re_made_at_the_next_link(
    tmp_path,
) -> None:
    """A store whose units were made before this version (no identifiers in them) gets them
    at the next link, in a new process (a saved index restored) as in this one."""
    from dataclasses import replace

    from persona6.identity.profiles import rebuild_profiles

    events: list[dict] = []
    for s, item in enumerate(ITEMS):
        events += _session(
            "u-ann",
            f"a-{s}",
            7 * s,
            f"any deals on the {item}??",
            "card ending 4411",
            user_id="u-ann",
        )
        events += _session(
            "u-ben", f"b-{s}", 7 * s, f"I want buy the {item}.", "card ending 1000", user_id="u-ben"
        )
    events += _session(
        "u-ann", "x1", 50, "promo code pls", "card ending 9012", anonymous_id="anon-x"
    )
    path = tmp_path / "p6.db"
    with Persona6(db=path) as p6:
        p6.record(events)
        p6.build()
        assert any(
            e.feature.startswith("stated ")
            for c in p6.link("anon-x").candidates
            for e in c.evidence
        )
        store, tenant = p6.store, p6.tenant
        with store.transaction():
            for unit in store.identity_units(tenant):
                body = json.loads(unit.body)
                del body["identifiers"], body["identifier_version"]
                store.replace_identity_units(
                    tenant,
                    unit.session_id,
                    [
                        replace(u, body=json.dumps(body))
                        for u in store.identity_units(tenant, session_id=unit.session_id)
                        if u.actor == unit.actor
                    ]
                    + [
                        u
                        for u in store.identity_units(tenant, session_id=unit.session_id)
                        if u.actor != unit.actor
                    ],
                )
            rebuild_profiles(store, tenant, ["u-ann", "u-ben"], store.known_user_ids(tenant))
    with Persona6(db=path) as p6:
        result = p6.link("anon-x")
    ann = next(c for c in result.candidates if c.person_id == "u-ann")
    assert any(e.feature == "stated card ending" and e.stance == "against" for e in ann.evidence)


# -- the backtest links as a link does ---------------------------------------------------------


def _twins_events(latest_as_anonymous: bool) -> list[dict]:
    """Ann and Eve write and shop alike (Ann's words, device and hours); Ann pays with "card
    ending 4411", Eve with "card ending 1000". Ben and Cat as above. Each person's sixth and
    latest session is the one held out: as an anonymous actor (``latest_as_anonymous``, what
    a link meets), or as their own (what the backtest holds out)."""
    people = {
        "u-ann": ("u-ann", "card ending 4411"),
        "u-eve": ("u-ann", "card ending 1000"),
        "u-ben": ("u-ben", SHOPPERS["u-ben"][3]),
        "u-cat": ("u-cat", SHOPPERS["u-cat"][3]),
    }
    events: list[dict] = []
    for person, (like, pay) in people.items():
        words = SHOPPERS[like][4]
        for s, item in enumerate([*ITEMS, "air fryer"]):
            actor = (
                {"anonymous_id": f"anon-{person}"}
                if latest_as_anonymous and s == len(ITEMS)
                else {"user_id": person}
            )
            events += _session(like, f"{person}-{s}", 7 * s, words.format(item), pay, **actor)
    return events


def test_the_backtest_counts_stated_identifiers_as_a_link_does(tmp_path) -> None:
    """A held-out session of the backtest is linked as ``link`` links the same session made
    anonymous, with the same model: the same contributions and probabilities, the stated card
    included. Before, the backtest left identifiers out: Ann's content came out +1.21 where a
    link gives her +5.64 for her card, and Eve -0.57 for another (+1.21 in the backtest)."""
    from dataclasses import replace

    from persona6.identity.backtest import evaluate, split

    with Persona6(db=tmp_path / "live.db") as p6:
        p6.record(_twins_events(latest_as_anonymous=True))
        p6.build()
        live = {person: p6.link(f"anon-{person}") for person in ("u-ann", "u-eve")}
        model = p6._linker().model
    with Persona6(db=tmp_path / "backtest.db") as p6:
        p6.record(_twins_events(latest_as_anonymous=False))
        p6.build()
        linker = p6._linker()
        linker.sync()
        settings = linker.settings()
        settings = replace(settings, backtest={**settings.backtest, "holdout_persons": 0.0})
        split_ = split(linker.store, linker.tenant, settings)
        held = {q.person: q for q in split_.queries}
        assert {held[p].session_id for p in live} == {"u-ann-5", "u-eve-5"}
        linked = {item.query.person: item for item in evaluate(split_, split_.queries, model)}
    for person, result in live.items():
        assert result.decision == person
        found = linked[person]
        for candidate in result.candidates:
            theirs = found.contributions[found.names.index(candidate.person_id)]
            for family, value in candidate.contributions.items():
                assert theirs[family] == pytest.approx(value, abs=1e-3), (candidate, family)
        backtest = dict(zip(found.names, found.probs, strict=True))
        assert max(backtest, key=backtest.__getitem__) == person
        for candidate in result.candidates:
            assert backtest[candidate.person_id] == pytest.approx(candidate.probability, abs=1e-6)
        assert found.new == pytest.approx(result.new_person_probability, abs=1e-6)
