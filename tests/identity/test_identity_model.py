"""The linking model's parts: additive profiles, fitting, calibration, the index, settings."""

from __future__ import annotations

import math
from collections import Counter

import numpy as np
import pytest

from persona6.errors import InvalidOption
from persona6.identity.features import (
    BAG_DIMS,
    CHARGRAM_BITS,
    Profile,
    UnitContext,
    session_units,
    sum_profiles,
)
from persona6.identity.index import PersonIndex
from persona6.identity.model import (
    PLAUSIBLE_LOSS,
    SHIFT_GRID,
    LinkModel,
    bucket,
    fit_calibration,
    fit_sized_calibration,
    fit_weights,
    plausible_shift,
    posterior,
    shift_losses,
    similarities,
    vectorize,
)
from persona6.identity.settings import validated
from persona6.types import StoredEvent

MODEL = LinkModel(
    weights={"words": 4.0, "claims": 2.0},
    stranger={"words": 0.1, "claims": 0.05},
    constant=-2.0,
)


def unit(session: str, words: dict[str, int], fw: list[float] | None = None) -> Profile:
    profile = Profile(sessions=1, session_ids=[session], first_ts=session, last_ts=session)
    profile.bags = {"words": Counter(words)}
    profile.label_sessions = {"words": Counter(dict.fromkeys(words, 1))}
    if fw is not None:
        profile.dense = {"fw": fw}
        profile.weights = {"fw": 1.0}
    return profile


def test_profile_minus_a_unit_equals_the_sum_without_it():
    a = unit("s1", {"tea": 2, "garden": 1}, [1.0, 0.0])
    b = unit("s2", {"tea": 1, "bikes": 3}, [0.0, 1.0])
    total = sum_profiles([a, b])
    total.add(b, sign=-1)
    assert total.bags == a.bags
    assert total.dense == a.dense and total.weights == a.weights
    assert total.sessions == 1 and total.session_ids == ["s1"]


def test_profile_survives_json():
    a = unit("s1", {"tea": 2}, [0.5, 0.5])
    again = Profile.from_json(a.to_json())
    assert again.to_json() == a.to_json()


def test_similar_bags_score_higher_than_different_ones():
    query = vectorize(unit("q", {"tea": 2, "garden": 1}))
    same = vectorize(unit("p", {"tea": 3, "garden": 2}))
    other = vectorize(unit("o", {"bikes": 3, "racing": 2}))
    assert similarities(query, same)["words"] > 0.9
    assert similarities(query, other)["words"] == 0.0


def test_llr_contributions_are_per_family_and_neutral_at_stranger_similarity():
    total, families = MODEL.llr({"words": 0.1, "claims": 0.05})
    assert total == pytest.approx(-2.0)
    assert families == {"texture": 0.0, "content": 0.0, "behaviour": 0.0, "context": 0.0}
    total, families = MODEL.llr({"words": 0.6})
    assert families["content"] == pytest.approx(4.0 * 0.5)


def test_posterior_is_a_distribution_and_prefers_the_higher_llr():
    probs, new = posterior([8.0, 2.0], known=2, model=MODEL)
    assert sum(probs) + new == pytest.approx(1.0)
    assert probs[0] > probs[1] > 0


def test_unscored_persons_keep_their_share_of_probability():
    probs, _ = posterior([0.0], known=1000, model=MODEL)
    assert probs[0] == pytest.approx(0.8 / 1000, rel=0.01)  # 999 others as likely


def test_fit_weights_learns_positive_weights_for_an_informative_block():
    rng = np.random.default_rng(0)
    labels = np.array([1] * 50 + [0] * 200, dtype=float)
    informative = np.where(labels > 0, 0.5, -0.1) + rng.normal(0, 0.1, len(labels))
    noise = rng.normal(0, 0.1, len(labels))
    weights, _ = fit_weights(np.column_stack([informative, noise]), labels)
    assert weights[0] > 3 * max(weights[1], 0.01)
    assert (weights >= 0).all()


def test_calibration_softens_overconfident_scores():
    # LLRs of 10 that are right only about 70% of the time need a temperature above 1.
    outcomes = [([10.0, 0.0], 0 if i % 10 < 7 else 1, 2) for i in range(100)]
    model = LinkModel(weights={}, stranger={}, constant=0.0, prior_new=0.01)
    temperature, shift = fit_calibration(outcomes, model)
    assert temperature > 2.0 and shift == 0.0  # no new people: the constant is left alone
    probs, _ = posterior([10.0, 0.0], 2, model.with_calibration(temperature, 0.01))
    assert probs[0] == pytest.approx(0.7, abs=0.08)


def test_index_finds_the_person_with_the_same_words_and_follows_updates():
    model = LinkModel(weights={"words": 1.0}, stranger={"words": 0.0}, constant=0.0)
    index = PersonIndex(model)
    people = {f"u-{i}": unit(f"s{i}", {f"topic{i}": 3, f"thing{i}": 2}) for i in range(50)}
    index.upsert((p, vectorize(prof, model)) for p, prof in people.items())
    query = vectorize(unit("q", {"topic7": 1, "thing7": 1}), model)
    assert index.search(query, 5)[0] == "u-7"
    index.upsert([("u-7", vectorize(unit("s", {"other": 1}), model))])
    assert "u-7" not in index.search(query, 3)
    index.remove(["u-8"])
    assert len(index) == 49 and "u-8" not in index


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("new_person_threshold", 1.5, "--threshold 1.5 is not a probability in (0, 1]"),
        ("auto_merge_above", -1, "--auto-merge -1 is not a probability in (0, 1]"),
        ("prior_new", 1.0, "--prior-new 1.0 is not a probability strictly between 0 and 1"),
        ("candidates", 0, "--candidates 0 is not a whole number from 1 to 10000"),
        ("identifier_attrs", " , ", "names no attribute"),
        ("colour", 1, "identity setting 'colour' is not known. Settable:"),
    ],
)
def test_bad_settings_say_which_option_and_what_to_give(name, value, message):
    with pytest.raises(InvalidOption) as caught:
        validated(name, value)
    assert message in str(caught.value)


def test_log1p_weighting_is_what_vectorize_uses():
    vectors = vectorize(unit("q", {"tea": 1}))
    indices, values = vectors.sparse["words"]
    assert len(indices) == 1 and math.isclose(float(values[0]), 1.0, rel_tol=1e-6)


@pytest.mark.parametrize(
    ("text", "word", "sentence"),
    [
        (
            "Hello there.\nI really love hiking in the alps. And you?",
            "hiking",
            "I really love hiking in the alps.",
        ),
        ("line one\nword here\nnext", "word", "word here"),
    ],
)
def test_a_matched_word_is_quoted_with_its_sentence_exactly(text, word, sentence):
    from persona6.identity.linking import _widened
    from persona6.identity.records import Quote

    start = text.index(word)
    quote = _widened(Quote(event_id="e", start=start, end=start + len(word), quote=word), text)
    assert quote.quote == sentence == text[quote.start : quote.end]


def test_the_scale_follows_how_much_evidence_a_query_carries():
    # The same LLR is right 60% of the time for short queries and always for long ones.
    outcomes = [([4.0, 0.0], 0 if i % 5 < 3 else 1, 2, 2.0) for i in range(200)]
    outcomes += [([4.0, 0.0], 0, 2, 6.0) for _ in range(200)]
    model = LinkModel(weights={}, stranger={}, constant=0.0, prior_new=0.01)
    found = fit_sized_calibration(outcomes, model)
    assert found.size_slope > 0 and found.shift == 0.0
    fitted = model.with_calibration(
        found.temperature, 0.01, size_slope=found.size_slope, size_ref=found.size_ref
    )
    short, _ = posterior([4.0, 0.0], 2, fitted, size=2.0)
    long, _ = posterior([4.0, 0.0], 2, fitted, size=6.0)
    assert short[0] == pytest.approx(0.6, abs=0.1)
    assert long[0] > 0.95


def test_a_model_with_a_wide_idf_survives_json_compactly():
    idf = {"chargrams": [9.0] * BAG_DIMS["chargrams"], "words": [1.5] * BAG_DIMS["words"]}
    idf["chargrams"][7] = 2.0
    model = LinkModel(weights={"chargrams": 1.0}, stranger={}, constant=0.0, idf=idf)
    stored = model.to_json()
    assert stored["idf"]["chargrams"]["values"] == {"7": 2.0}
    again = LinkModel.from_json(stored)
    assert again.idf == idf and again.model_id == model.model_id
    # A model of another bucket layout keeps no idf for the block rather than a wrong one.
    stored["idf"]["chargrams"] = [1.0] * 8192
    assert LinkModel.from_json(stored).idf["chargrams"] == []


def _event(i: int, kind: str, text: str | None = None, name: str | None = None) -> StoredEvent:
    return StoredEvent(
        event_id=f"e{i}",
        ts=f"2026-01-01T10:00:{i:02d}+00:00",
        session_id="s1",
        user_id="u1",
        tenant="t",
        type=kind,
        role="user" if kind == "message" else None,
        name=name,
        text=text,
    )


def test_units_keep_what_the_actor_says_of_themselves_and_what_follows_what():
    context = UnitContext(frozenset(), frozenset(), 40)
    events = [
        _event(1, "message", "I grow tomatoes in my garden. Your bikes look fast!"),
        _event(2, "action", "ls -l", name="command"),
        _event(3, "action", "cd src", name="command"),
        _event(4, "outcome", name="error"),
    ]
    unit = session_units(events, [], context)["u1"]
    assert {"tomatoes", "garden"} <= set(unit.bags["self"])
    assert "bikes" not in unit.bags["self"] and "bikes" in unit.bags["words"]
    assert set(unit.bags["sequences"]) == {"ls → cd", "cd → error"}
    assert unit.chargram_bits == CHARGRAM_BITS


def test_a_few_new_persons_do_not_set_the_scale_of_the_known_ones():
    # Known persons: an LLR gap of 3 is right 90% of the time. Three strangers who look like
    # nobody would, in a joint fit, sharpen the scale until the known ones read 0.98.
    outcomes = [([3.0, 0.0], 0 if i % 10 < 9 else 1, 2, 5.0) for i in range(300)]
    outcomes += [([0.5, 0.0], None, 2, 5.0) for _ in range(3)]
    model = LinkModel(weights={}, stranger={}, constant=0.0, prior_new=0.2)
    found = fit_sized_calibration(outcomes, model)
    fitted = model.with_calibration(found.temperature, 0.2, shift=found.shift)
    probs, new = posterior([3.0, 0.0], 2, fitted)
    assert probs[0] / (1 - new) == pytest.approx(0.9, abs=0.02)  # the scale: known persons
    assert found.shift < 0  # the shift: how strange a stranger must look


def test_content_bags_of_a_profile_weigh_words_per_session_and_commands_by_their_sums():
    sessions = [unit(f"s{i}", {"tea": 1}) for i in range(10)]
    for profile, extra in zip(sessions, ({"rare": 1}, *([{}] * 9)), strict=True):
        profile.bags["words"].update(extra)
        profile.bags["commands"] = Counter({"ls": 1, **({"rm": 1} if extra else {})})
    vectors = vectorize(sum_profiles(sessions))

    def ratio(block: str) -> float:
        indices, values = vectors.sparse[block]
        weight = dict(zip(indices.tolist(), values.tolist(), strict=True))
        common, rare = ("tea", "rare") if block == "words" else ("ls", "rm")
        return weight[bucket(block, common)] / weight[bucket(block, rare)]

    # Words: said in every session against once in ten; commands: 10 uses against 1.
    assert ratio("words") == pytest.approx(math.log1p(1.0) / math.log1p(0.1), rel=1e-5)
    assert ratio("commands") == pytest.approx(math.log1p(10.0) / math.log1p(1.0), rel=1e-5)


def _outcomes_at(offset: float) -> list[tuple[list[float], int | None, int, float]]:
    """Sessions of two known persons and of someone new, as a calibration weighs them, with
    every LLR moved by ``offset``: the right person 4 above a stranger, who sits at -2."""
    known = [([2.0 + offset, -2.0 + offset], 0, 2, 5.0) for _ in range(40)]
    known += [([-2.0 + offset, -2.0 + offset], 0, 2, 5.0) for _ in range(10)]
    new = [([-2.0 + offset], None, 1, 5.0) for _ in range(50)]
    return known + new


def test_a_constant_the_outcomes_find_plausible_is_left_as_it_is():
    model = LinkModel(weights={}, stranger={}, constant=0.0, prior_new=0.2)
    best = SHIFT_GRID[int(np.argmin(shift_losses(_outcomes_at(0.0), model, 1.0, 0.0, 0.0)))]
    shift, fitted = plausible_shift(_outcomes_at(0.0), model)
    assert fitted == pytest.approx(best)
    assert shift == 0.0


def test_a_constant_the_outcomes_rule_out_moves_to_the_nearest_plausible_one():
    model = LinkModel(weights={}, stranger={}, constant=0.0, prior_new=0.2)
    outcomes = _outcomes_at(-9.0)  # scored as if every pair were 9 less alike than it is
    shift, best = plausible_shift(outcomes, model)
    assert best == pytest.approx(plausible_shift(_outcomes_at(0.0), model)[1] + 9.0, abs=0.11)
    assert 0.0 < shift < best
    losses = shift_losses(outcomes, model, 1.0, 0.0, 0.0)
    at = int(np.argmin(np.abs(SHIFT_GRID - shift)))
    assert losses[at] <= losses.min() + PLAUSIBLE_LOSS < losses[at - 1]


def test_no_shift_without_both_known_and_new_outcomes():
    model = LinkModel(weights={}, stranger={}, constant=0.0, prior_new=0.2)
    assert plausible_shift([([-9.0, -12.0], 0, 2, 5.0)], model) == (0.0, 0.0)
    assert plausible_shift([([-9.0], None, 1, 5.0)], model) == (0.0, 0.0)


def test_a_session_whose_times_were_made_up_says_nothing_of_when_or_how_fast():
    """Times the ingest invented (``attrs.ts_invented``) give no hour of day and no rhythm;
    what was said still counts. One recorded time gives the hour, but no rhythm."""
    context = UnitContext(frozenset(), frozenset(), 40)
    texts = ["How do I export my notes?", "Thanks, and as PDF?"]
    recorded = [_event(i, "message", t) for i, t in enumerate(texts, 1)]
    made_up = [e.model_copy(update={"attrs": {"ts_invented": True}}) for e in recorded]
    timed = session_units(recorded, [], context)["u1"]
    untimed = session_units(made_up, [], context)["u1"]
    assert {"hours", "rhythm"} <= set(timed.dense)
    assert not {"hours", "rhythm"} & set(untimed.dense)
    assert untimed.bags["words"] == timed.bags["words"]
    mixed = session_units([recorded[0], made_up[1]], [], context)["u1"]
    assert mixed.dense["hours"] == timed.dense["hours"] and "rhythm" not in mixed.dense
