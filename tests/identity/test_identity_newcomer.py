"""End-to-end review 8, I1: an anonymous session that says "I'm a new patient, just registered"
was scored 0.41 against a known patient. Saying one is new here is evidence for a new person
(newcomer.py: log(later_session_rate / first_session_rate) against every candidate), and an
exclusive fact stated with another value than a candidate's (where they live, their age, how
many children, their employer: identifiers.yaml ``facts``) counts against that candidate."""

from __future__ import annotations

import math

import pytest

from persona6 import Persona6
from persona6.errors import InvalidInput
from persona6.extract import EXTRACTORS
from persona6.extract.text import load_lexicon
from persona6.identity import identifiers, newcomer
from persona6.identity.features import Profile, UnitContext, session_units
from persona6.identity.scoring import Scored, add_newcomer
from persona6.types import StoredEvent

CONTEXT = UnitContext(identifier_attrs=frozenset(), ignored_attrs=frozenset(), max_value_chars=40)


def _event(eid: str, text: str, role: str = "user", **who: str) -> StoredEvent:
    return StoredEvent(
        event_id=eid,
        ts=f"2026-03-02T10:00:{int(eid[-1]):02d}+00:00",
        session_id="s1",
        tenant="default",
        type="message",
        role=role,
        text=text,
        **who,
    )


# -- newcomer statements -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Hi, I'm a new patient, just registered.",
        "I'm new here, how do I book?",
        "we're new customers",
        "First time here, be gentle",
        "this is my first time using this app",
        "I'm a first-time user",
        "I just signed up.",
        "I've just registered and can't find the form",
        "hello, only just joined today",
        # first-user review 9: the product itself as what is new, a course just joined
        "this platform is new to me",
        "Also this platform is new to me, how do I submit homework here?",
        "The whole site is completely new to me.",
        "I'm new to this app",
        "we're totally new to the platform",
        "never used this before",
        "I've never used this app, how does it work?",
        "Hi, I just added the course late, where can I find the syllabus?",
        "I just enrolled.",
        "hi, just enrolled in the class today",
    ],
)
def test_saying_one_is_new_here_is_read(text: str) -> None:
    assert newcomer.said(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "I'm new to the schedule feature",  # a feature, not the product
        "I just signed up for the premium plan",  # a known person's upgrade
        "I'm not a first-time user",
        "I'm not new here",
        "my mother is a new patient",  # someone else
        "the new patient portal is confusing",
        "I ordered a new kettle",
        "first time the app crashed on me",
        # a feature, someone else, another course, a thing after the course, negated
        "the new grading feature is new to me",
        "the grading system is new to me",
        "I'm new to this app's calendar",
        "I've never used the export before",
        "I have never used this feature before",
        "never used it before",
        "my son never used this app",
        "I just added the chemistry course",
        "I just added the course to my calendar",
        "I just joined the class call",
        "this app is not new to me",
        "I'm not new to this app",
        "is this platform new to you?",
    ],
)
def test_what_does_not_say_the_speaker_is_new_here_is_not_read(text: str) -> None:
    assert newcomer.said(text) is None


def test_only_the_actors_own_words_count_once_a_session() -> None:
    events = [
        _event("e1", "Hi, I'm new here. I just signed up.", anonymous_id="anon-a"),
        _event("e2", "Welcome! I'm new here too, said nobody.", role="assistant"),
        _event("e3", 'she wrote "I\'m new here" on the form', anonymous_id="anon-b"),
    ]
    units = session_units(events, [], CONTEXT)
    assert units["anon-a"].newcomer == 1
    assert units["anon-b"].newcomer == 0
    assert units["anon-a"].pointers["newcomer"]["said"][0][3] == "I'm new here"
    # additive, and kept through JSON
    total = Profile()
    total.add(units["anon-a"])
    total.add(Profile.from_json(units["anon-a"].to_json()))
    assert total.newcomer == 2
    total.add(units["anon-a"], sign=-1)
    assert total.newcomer == 1


def test_it_counts_against_every_candidate_alike_by_the_two_rates() -> None:
    data = load_lexicon("identity")["newcomer"]
    expected = math.log(data["later_session_rate"] / data["first_session_rate"])
    scored = [Scored("u-a", 1.0, {"content": 0.0}), Scored("u-b", -2.0, {"content": 0.5})]
    add_newcomer(scored, 0)
    assert [s.llr for s in scored] == [1.0, -2.0]
    add_newcomer(scored, 3)  # once, however many of the actor's sessions say it
    assert [s.llr for s in scored] == pytest.approx([1.0 + expected, -2.0 + expected])
    assert scored[1].contributions["content"] == pytest.approx(0.5 + expected)
    assert expected < -2.0


def test_measured_rates_split_first_sessions_from_later_ones() -> None:
    found = newcomer.measured([[1, 0, 0], [0, 0], [0, 1, 0, 0], []])
    assert (found.first, found.first_sessions, found.later, found.later_sessions) == (1, 3, 1, 6)


def test_a_link_says_it_and_the_new_person_gains(p6: Persona6, world) -> None:
    person = world[1]["people"][0]
    actor = person["holdout_anonymous_id"]
    before = p6.link(actor)
    session = before.sessions[0]
    p6.record(
        [
            {
                "event_id": "newcomer-1",
                "ts": "2030-01-01T00:00:00Z",
                "session_id": session,
                "anonymous_id": actor,
                "type": "message",
                "role": "user",
                "text": "By the way, I'm new here, just signed up.",
            }
        ]
    )
    p6.build()
    after = p6.link(actor)
    assert after.new_person_probability > before.new_person_probability
    best = after.candidates[0]
    said = [e for e in best.evidence if e.feature == "says they are new here"]
    assert said and said[0].stance == "against"
    assert said[0].anonymous[0].event_id == "newcomer-1"
    assert "first session" in said[0].summary


def test_the_backtest_reports_the_measured_rates(p6: Persona6) -> None:
    report = p6.backtest_linking()
    assert report.newcomer is not None
    assert report.newcomer["first_sessions"] > 0 and report.newcomer["later_sessions"] > 0
    assert report.newcomer["llr"] == pytest.approx(newcomer.rules().llr, abs=1e-3)


def test_a_malformed_newcomer_block_says_where_what_and_how_to_fix() -> None:
    data = dict(load_lexicon("identity")["newcomer"])
    data["later_session_rate"] = 0.5
    with pytest.raises(InvalidInput) as caught:
        newcomer.parse_rules(data)
    said = caught.value.render()
    assert said.startswith("persona6/data/identity.yaml, newcomer.later_session_rate:"), said
    data = {**load_lexicon("identity")["newcomer"], "patterns": [{"pattern": "new("}]}
    with pytest.raises(InvalidInput):
        newcomer.parse_rules(data)
    data = {**load_lexicon("identity")["newcomer"], "cue": None}
    with pytest.raises(InvalidInput) as caught:
        newcomer.parse_rules(data)
    said = caught.value.render()
    assert said.startswith("persona6/data/identity.yaml, newcomer.cue:"), said
    assert "not a regular expression" in said and "every pattern's match holds" in said, said


def test_every_pattern_match_holds_the_cue_so_the_prefilter_loses_nothing() -> None:
    # A message without the cue is not read further: each pattern's match must hold it, or the
    # pattern would never be tried. Checked on the statements each pattern is there for.
    found = newcomer.rules()
    samples = [
        "Hi, I'm a new patient, just registered.",
        "I'm brand-new here",
        "First time here, be gentle",
        "my first-time visit, I'm a first-time caller",
        "this is my first time using this app",
        "I just signed up.",
        "I've just registered and can't find the form",
        "hello, only just joined today",
        "we are new members",
        "this platform is new to me",
        "I'm new to this app",
        "I've never used this before",
        "ok, never used this app before",
        "I just added the course late",
        "hi, just enrolled in the class today",
    ]
    for pattern in found.patterns:
        hits = [m.group(0) for text in samples for m in pattern.finditer(text)]
        assert hits, pattern.pattern
        assert all(found.cue.search(hit) for hit in hits), (pattern.pattern, hits)


# -- exclusive stated facts ------------------------------------------------------------------


def _disclosures(text: str) -> list:
    extractor = next(EXTRACTORS[n] for n in EXTRACTORS if "disclosure" in n)
    return list(extractor.extract([_event("e1", text, user_id="u1")]))


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("I live in Boston now.", "residence", "boston"),
        ("I moved to Fremont last month.", "residence", "fremont"),
        ("I'm 78 years old.", "age", "78"),
        ("I have three kids.", "children", "3"),
        ("I have 3 kids.", "children", "3"),
        ("I work for Acme.", "employer", "acme"),
    ],
)
def test_exclusive_facts_are_read_from_the_actors_disclosures(
    text: str, kind: str, value: str
) -> None:
    found = [
        f for s in _disclosures(text) for f in identifiers.stated_fact(s.value, s.evidence[0].quote)
    ]
    assert [(k, v) for k, v, *_ in found] == [(kind, value)]


@pytest.mark.parametrize(
    "text",
    [
        "I live in a small apartment.",  # no named place
        "My mom lives in Boston.",  # someone else's
        "I work at the hospital.",  # no named employer
        "I'm 34 minutes away.",
    ],
)
def test_what_is_no_exclusive_fact_is_not_read(text: str) -> None:
    assert not [
        f for s in _disclosures(text) for f in identifiers.stated_fact(s.value, s.evidence[0].quote)
    ]


def test_a_unit_keeps_a_fact_hashed_with_where_it_was_said() -> None:
    events = [_event("e1", "Hello. I live in Denver now.", user_id="u1")]
    unit = session_units(events, _disclosures(events[0].text or ""), CONTEXT)["u1"]
    name = identifiers.label("residence", "denver")
    assert unit.identifiers["residence"] == 1 and unit.identifiers[name] == 1
    ((event_id, start, end, kept),) = unit.pointers["identifiers"][name]
    assert (event_id, (events[0].text or "")[start:end], kept) == ("e1", "Denver", "")


def test_another_value_counts_against_and_the_same_says_nothing_here() -> None:
    def held(value: str, sessions: int) -> dict[str, int]:
        return {"residence": sessions, identifiers.label("residence", value): sessions}

    person = held("boston", 3)
    value, (found,) = identifiers.llr(held("denver", 1), person, {}, known=5)
    assert not found.match
    assert value == pytest.approx(math.log((1 / 4) / (1 - 0.05)))
    # the same city: the claims block counts it already ("disclosure: home:boston")
    assert identifiers.llr(held("boston", 1), person, {}, known=5) == (0.0, [])


def test_a_malformed_fact_says_where_what_and_how_to_fix() -> None:
    from importlib import resources

    from persona6.extract.text import read_yaml

    data = read_yaml(
        resources.files("persona6.data").joinpath("identifiers.yaml").read_text("utf-8")
    )
    data["facts"]["age"]["pattern"] = "^is (\\d+)$"
    with pytest.raises(InvalidInput) as caught:
        identifiers.parse_rules(data)
    said = caught.value.render()
    assert said.startswith("persona6/data/identifiers.yaml, facts.age.pattern:"), said
    assert "(?P<value>...)" in said
    assert all(spec["reason"] for spec in data["facts"].values())
