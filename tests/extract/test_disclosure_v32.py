"""persona6.disclosure.v32 (review 8 N1, probe 10): a medication the speaker takes is a health fact
(``health:takes <drug>``, known by a class, a drug-name ending, a dose or a brand taken for a
condition, never by a list of names); a deferral, a fix said by its means, an act in a
clause of time about a thing, a fear of an outcome, a number, a cut time, an adverb or an idiom
after "my" are no fact of the speaker's life."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import disclosure


def facts(text: str) -> dict[str, str]:
    return {s.key: s.value for s in extracted(disclosure.NAME, text, "u1")}


def polarities(text: str) -> dict[str, float]:
    return {s.key: s.polarity for s in extracted(disclosure.NAME, text, "u1")}


def test_the_producer_is_v32() -> None:
    assert disclosure.NAME == "persona6.disclosure.v53"


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        # review 8's words
        ("I'm on warfarin.", "health:takes warfarin", "takes warfarin"),
        ("I take metformin twice a day.", "health:takes metformin", "takes metformin"),
        ("I've been on sertraline since March.", "health:takes sertraline", "takes sertraline"),
        (
            "I need to refill my warfarin, the 5 milligram ones, and I wondered if there is a "
            "cheaper way.",
            "health:takes warfarin",
            "takes warfarin",
        ),
        (
            "I need to see Dr. Patel about my blood thinner levels, the nurse said they were high.",
            "health:takes blood thinner",
            "takes blood thinner",
        ),
        (
            "I have anxiety disorder, taking sertraline since last year.",
            "health:takes sertraline",
            "takes sertraline",
        ),
        # other drugs, other frames: a class, an ending, a dose, a brand for a condition
        ("Been on apixaban since my stroke.", "health:takes apixaban", "takes apixaban"),
        (
            "The GP put me on atorvastatin last month.",
            "health:takes atorvastatin",
            "takes atorvastatin",
        ),
        (
            "I'm on a course of antibiotics for my chest.",
            "health:takes antibiotic",
            "takes antibiotic",
        ),
        (
            "Currently taking ibuprofen 400mg three times a day for my knee.",
            "health:takes ibuprofen",
            "takes ibuprofen",
        ),
        ("i'm on lexapro 10 mg", "health:takes lexapro", "takes lexapro"),
        ("I take Zoloft for my anxiety.", "health:takes zoloft", "takes zoloft"),
        ("I take my insulin before meals.", "health:takes insulin", "takes insulin"),
        ("I'm on the pill.", "health:takes birth control", "takes birth control"),
    ],
)
def test_a_medication_taken_is_health(text: str, key: str, value: str) -> None:
    assert facts(text).get(key) == value


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("I stopped taking statins last year.", "health:takes statin", "no longer takes statin"),
        (
            "I'm not on any blood thinners.",
            "health:takes blood thinner",
            "does not take blood thinner",
        ),
        (
            "I was on the pill for years.",
            "health:takes birth control",
            "used to take birth control",
        ),
        (
            "I've never been on antidepressants.",
            "health:takes antidepressant",
            "has never taken antidepressant",
        ),
    ],
)
def test_a_medication_stopped_or_not_taken_is_negative(text: str, key: str, value: str) -> None:
    assert facts(text).get(key) == value
    assert polarities(text)[key] == -1.0
    assert not any(k.startswith(("activities:", "habits:")) for k in facts(text))


def test_my_medication_is_no_thing_had() -> None:
    assert facts("my blood thinner") == {"health:takes blood thinner": "takes blood thinner"}
    assert "personal:blood pressure" not in facts("I take lisinopril for my blood pressure.")


@pytest.mark.parametrize(
    "text",
    [
        "I'm on the train.",
        "I'm on it.",
        "I'm on holiday.",
        "I'm on the fence.",
        "I'm on a budget.",
        "I'm on night shifts.",
        "I take the bus to work.",
        "I take walks for my back.",
        "I take photos of birds.",
        "My mum is on warfarin.",
        "Hi. Plan: 1) refill mom's warfarin 2) book her INR",
        "Can I take ibuprofen with warfarin?",
        "If I go on statins, will I gain weight?",
        "Will my mandarin tree survive the frost?",
    ],
)
def test_no_drug_or_not_the_speakers_is_no_medication(text: str) -> None:
    assert not any(key.startswith("health:takes") for key in facts(text))


@pytest.mark.parametrize(
    "text",
    [
        "Never mind, I'll deal with it tomorrow.",
        "Ok I'll get back to it on Monday.",
        "I'll look into that next week.",
        "Fine, I'll sort that out on Friday.",
    ],
)
def test_a_deferral_of_the_thing_just_said_is_no_plan(text: str) -> None:
    assert not any(key.startswith("plans:") for key in facts(text))


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I'll deal with the garage next weekend.", "plans:deal with the garage"),
        ("I'll hang out with them on Saturday.", "plans:hang out with them"),
        ("I'll visit my sister tomorrow.", "plans:visit my sister"),
        ("Chinese history is fascinating, I read about it a lot.", "habits:read about it"),
    ],
)
def test_a_plan_with_a_thing_or_people_or_a_habit_stays(text: str, key: str) -> None:
    assert key in facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Got it working by logging out and back in.",
        "Fixed it by clearing the cache.",
        "I got it going again by swapping the fuse.",
    ],
)
def test_how_a_thing_was_fixed_is_no_activity(text: str) -> None:
    assert facts(text) == {}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I unwind by sleeping.", "habits:sleeping"),
        ("I keep my sanity by running daily.", "habits:running"),
    ],
)
def test_a_pastime_by_its_means_stays(text: str, key: str) -> None:
    assert key in facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "My bicycle it make noise when I am braking, what I can do?",
        "The screen flickers when I am scrolling.",
        "The oven beeps when I'm cooking.",
        "It gets dark when I'm driving home from work.",
    ],
)
def test_an_act_in_a_time_clause_about_a_thing_is_no_activity(text: str) -> None:
    assert not any(
        key.startswith(("activities:", "habits:", "possessions:")) for key in facts(text)
    )


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I listen to podcasts when I'm running.", "habits:running"),
        ("My wife laughs when I'm dancing.", "habits:dancing"),
        ("She's always with me while I write.", "habits:write"),
        ("Well, it keeps me awake while I am playing chess.", "habits:playing chess"),
        (
            "I had braces! That was when I found my love of green tea.",
            "activities:found my love of green tea",
        ),
    ],
)
def test_an_act_in_a_time_clause_about_the_speaker_or_a_person_stays(text: str, key: str) -> None:
    assert key in facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'm terrified of losing the wedding photos if the card corrupts.",
        "I'm scared of breaking the new laptop.",
        "I'm afraid of missing my flight.",
        "Honestly I'm terrified of forgetting my password again.",
    ],
)
def test_a_fear_of_an_outcome_is_no_weakness(text: str) -> None:
    assert not any(key.startswith("weaknesses:") for key in facts(text))


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I'm afraid of flying.", "weaknesses:afraid of flying"),
        ("I'm afraid of driving on highways.", "weaknesses:afraid of driving on highways"),
        ("I'm scared of heights.", "weaknesses:scared of heights"),
    ],
)
def test_a_fear_of_an_act_or_a_kind_stays(text: str, key: str) -> None:
    assert key in facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "I brew in my garage, usually 20 litre batches.",
        "I bake on Sundays, usually 12 loaves.",
        "We roast on Fridays, normally 5 kilo lots.",
    ],
)
def test_a_number_is_no_verb(text: str) -> None:
    assert not any(key.split(":")[1][:1].isdigit() for key in facts(text))


def test_a_habit_before_the_number_stays() -> None:
    assert "habits:bake on sundays" in facts("I bake on Sundays, usually 12 loaves.")


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        (
            "My mother has Parkinson's and moved in with us last spring.",
            "family:mother has parkinson's and moved in with us",
            "their mother has parkinson's and moved in with us",
        ),
        (
            "My brother got married and moved to Spain with his wife last summer.",
            "family:brother got married and moved to spain",
            "their brother got married and moved to spain",
        ),
        (
            "Got laid off from my logistics job in March, been applying ever since.",
            "activities:applying",
            "is applying",
        ),
        (
            "Moved to Bristol in 2019 and been painting ever since.",
            "habits:painting",
            "has been painting",
        ),
    ],
)
def test_a_statement_is_not_cut_inside_a_time(text: str, key: str, value: str) -> None:
    assert facts(text).get(key) == value


@pytest.mark.parametrize(
    "text",
    [
        "Were I to go full-frame, would my old lenses still work?",
        "Will my old charger still work with the new phone?",
        "Does my old password still work after the reset?",
    ],
)
def test_an_adverb_ends_the_noun_after_my(text: str) -> None:
    assert not any(key.startswith("work:") for key in facts(text))


def test_a_work_noun_after_my_stays() -> None:
    assert "work:job is great" in facts("my job is great, my boss is kind")
    assert "family:family" in facts("no time for gardening with my ever growing family!")
    assert "family:daughter just graduated" in facts("my only daughter just graduated")


@pytest.mark.parametrize(
    "text",
    [
        "i dont do marathons anymore, half marathons are my sweet spot now",
        "Short stories are my sweet spot.",
        "Spreadsheets are not my forte.",
        "Honestly, public speaking is out of my comfort zone.",
    ],
)
def test_an_idiom_after_my_is_no_thing_had(text: str) -> None:
    assert not any(key.startswith(("personal:", "home:")) for key in facts(text))


@pytest.mark.parametrize(
    ("text", "key"),
    [("I lost my thing.", "personal:thing"), ("my studio is tiny", "personal:studio")],
)
def test_a_thing_after_my_stays(text: str, key: str) -> None:
    assert any(k.startswith(key) for k in facts(text))
