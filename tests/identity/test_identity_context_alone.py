"""A context value (device, OS, locale) that one known person of a small tenant has is no
evidence that the actor is a known person at all: new people have it too, at a rate the known
persons cannot show. On its own it lifts a candidate at most to even odds with a new person
(model.kind_bounded ``contexts``; first-user review 9: a self-declared newcomer on iOS came out
as the course's one iOS user at 0.647, from context +5.37)."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

import pytest

from persona6 import Persona6
from persona6.identity import default_model
from persona6.identity.model import even_odds, kind_bounded, posterior

#: Six students of a course; Tyler is the only one on iOS.
STUDENTS = {
    "u-amy": (
        "web",
        "en-US",
        14,
        [
            "Can you explain the difference between mitosis and meiosis for the quiz?",
            "I need help with the lab report format, the rubric says APA.",
            "When is problem set 4 due? I thought it was Friday.",
            "Could you quiz me on the cell cycle phases before the midterm?",
            "What chapters does the final exam cover?",
        ],
    ),
    "u-ben": (
        "android",
        "en-US",
        22,
        [
            "yo whats on the midterm",
            "can u explain question 3 from the practice exam",
            "i missed lecture tuesday what did i miss",
            "how many points is the lab worth",
            "is the quiz open book",
        ],
    ),
    "u-cara": (
        "web",
        "es-ES",
        10,
        [
            "Hola, could you summarise lecture 7 on enzymes please?",
            "I do not understand the graph in figure 3.2, can you help?",
            "Please give me practice questions about photosynthesis.",
            "What is the deadline for the group project proposal?",
            "Can you check my answer for question 5 of the homework?",
        ],
    ),
    "u-dev": (
        "web",
        "en-GB",
        9,
        [
            "Morning. Need a hand structuring my essay on gene expression.",
            "Could you recommend readings on CRISPR for the seminar?",
            "Is my thesis statement arguable enough? Draft attached below.",
            "What referencing style does the department expect, Harvard?",
            "Please review my conclusion paragraph for clarity.",
        ],
    ),
    "u-tyler": (
        "ios",
        "en-US",
        20,
        [
            "hey can you help me study for the bio quiz",
            "whats the answer format for the lab",
            "can you make flashcards for chapter 5",
            "explain osmosis like im 5 lol",
            "remind me when the essay is due",
        ],
    ),
    "u-zoe": (
        "mac",
        "en-US",
        16,
        [
            "Hi! I'm stuck on the genetics problem set, question 2 on punnett squares.",
            "Could you walk me through the Hardy-Weinberg example from class?",
            "I'd like a study plan for the next two weeks before the final.",
            "Can you explain what a codon is with an example?",
            "Which office hours does the TA hold on Thursdays?",
        ],
    ),
}
IOS = {"os": "ios", "locale": "en-US"}
#: Actors on iOS in Tyler's evening: a stranger who writes unlike him, the review's newcomer,
#: and Tyler himself on a new cookie, in his own words.
ACTORS = {
    "anon-stranger": ["hello where is the syllabus", "and how do i submit the lab"],
    "anon-newcomer": [
        "hi i just added the course late where do i find the syllabus",
        "this platform is new to me how do i submit the homework",
    ],
    "anon-tyler": ["hey can you help me find the syllabus", "whats the homework for week one"],
}


def _pair(
    events: list[dict], eid: str, ts: datetime, session: str, text: str, attrs: dict, **who: str
) -> None:
    events.append(
        {
            "event_id": eid,
            "ts": ts.isoformat(),
            "session_id": session,
            "type": "message",
            "role": "user",
            "text": text,
            "attrs": attrs,
            **who,
        }
    )
    events.append(
        {
            "event_id": eid + "r",
            "ts": (ts + timedelta(seconds=20)).isoformat(),
            "session_id": session,
            "type": "message",
            "role": "assistant",
            "text": "Sure, here is what I found for you.",
        }
    )


def _events() -> list[dict]:
    start = datetime(2026, 9, 1, tzinfo=UTC)
    events: list[dict] = []
    for p, (person, (system, locale, hour, texts)) in enumerate(STUDENTS.items()):
        attrs = {"os": system, "locale": locale}
        for s in range(5):
            ts = start + timedelta(days=3 * s + p % 3, hours=hour)
            for m in range(2):
                text = texts[(2 * s + m) % len(texts)]
                at = ts + timedelta(minutes=m)
                _pair(
                    events, f"{person}-{s}-{m}", at, f"{person}-s{s}", text, attrs, user_id=person
                )
    for a, (actor, texts) in enumerate(ACTORS.items()):
        ts = start + timedelta(days=40 + a, hours=19)
        for i, text in enumerate(texts):
            at = ts + timedelta(minutes=i)
            _pair(events, f"{actor}-{i}", at, f"{actor}-s", text, IOS, anonymous_id=actor)
    return events


@pytest.fixture(scope="module")
def links(tmp_path_factory: pytest.TempPathFactory) -> dict:
    path = tmp_path_factory.mktemp("context_alone") / "p6.db"
    with Persona6(db=path) as p6:
        p6.record(_events())
        p6.build()
        return {actor: p6.link(actor) for actor in ACTORS}


def test_a_stranger_who_shares_only_the_one_ios_users_context_is_new(links: dict) -> None:
    result = links["anon-stranger"]
    best = result.candidates[0]
    assert best.person_id == "u-tyler"  # still the closest: the ranking is unchanged
    assert best.contributions["context"] > 5.0 and best.contributions["texture"] < 0
    # Before: u-tyler at 0.62 on context and the hour alone.
    assert result.decision is None and best.probability < 0.45
    told = [e for e in best.evidence if e.feature == "kind of customer"]
    assert told and "at most to even odds with a new person" in told[0].summary


def test_the_reviews_newcomer_is_new(links: dict) -> None:
    result = links["anon-newcomer"]
    # Before: u-tyler at 0.503; the newcomer statements went unread.
    assert result.decision is None and result.new_person_probability > 0.9
    assert result.candidates[0].contributions["content"] < -3.0


def test_tyler_in_his_own_words_on_a_new_cookie_still_links(links: dict) -> None:
    result = links["anon-tyler"]
    assert result.decision == "u-tyler"
    assert result.candidates[0].probability > 0.95


def test_context_alone_lifts_a_candidate_to_even_odds_at_most() -> None:
    model = default_model()
    c = model.constant
    known = 6
    # the one iOS user: context +10, behaviour 0, texture and content at strangers' level
    llrs, kinds, contexts = [c + 10.0, c - 1.0], [10.0, -1.0], [10.0, -1.0]
    old = kind_bounded(llrs, kinds, c, known)
    assert old[0] == pytest.approx(math.log(8 / 2))  # the rarity bound alone: odds of 4
    parity = even_odds(old, known, model)
    # alone, even odds with a new person: log(prior_new / prior_known) at the model's scale
    alone = math.log(model.prior_new * known / (1 - model.prior_new)) / model.scale()
    assert alone - 0.01 < parity[0] < alone
    bounded = kind_bounded(llrs, kinds, c, known, contexts=contexts, parity=parity)
    assert bounded[0] == pytest.approx(parity[0]) and bounded[1] == llrs[1]
    old_probs, _ = posterior(llrs, known, model, kinds=kinds)
    probs, new = posterior(llrs, known, model, kinds=kinds, contexts=contexts)
    assert old_probs[0] > 0.6 and probs[0] < 0.5 and new >= 0.5
    assert probs[0] / probs[1] == pytest.approx(old_probs[0] / old_probs[1])  # same order


def test_context_counts_as_before_where_the_rest_of_the_kind_or_texture_carries() -> None:
    c = -8.0
    known, parity = 6, [0.4]
    # behaviour alone reaches the rarity bound: context changes nothing there
    kept = kind_bounded([c + 12.0], [12.0], c, known, contexts=[1.0], parity=parity)
    assert kept == kind_bounded([c + 12.0], [12.0], c, known)
    # texture and content are added as they are, on top of the even odds
    llr = c + 10.0 + 2.5
    bounded = kind_bounded([llr], [10.0], c, known, contexts=[10.0], parity=parity)
    assert bounded[0] == pytest.approx(0.4 + 2.5)
    # a context that speaks against is not bounded, and without parity nothing changes
    assert kind_bounded([c - 2.0], [-2.0], c, known, contexts=[-2.0], parity=parity) == [c - 2.0]
    assert kind_bounded([c + 7.0], [7.0], c, known, contexts=[7.0]) == kind_bounded(
        [c + 7.0], [7.0], c, known
    )
