"""persona6.disclosure.v26 (review 7b probe, review 7 R2): plans keep their verb and time,
what is not so is no fact, and a refusal or a fear at hand is no fact of a life.

- a present progressive of the speaker ("I'm <verb>ing", or "<verb>ing" with the "I'm" left
  out) with a time to come (a month, a weekday, a season, ``future_markers``) or a change of
  life (retiring, relocating, moving home, getting married, having a baby) is a plan; an
  unknown "my <noun>" its act holds is no thing had as well;
- "my own X" after a verb of coming to have, wished, planned or supposed, is not had; a
  parting supposed ("Imagine I quit my job") is not done; "in case", "what if", "were I",
  "had I" leave what follows not so;
- a denied plan of taking an option with a definite object, in a message that asks, is the
  other side of a choice; a fear of a definite thing at hand is a worry (the concern's).
"""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import disclosure


def claims(text: str) -> set[tuple[str, str]]:
    return {(s.key, s.value) for s in extracted(disclosure.NAME, text, "u1")}


def keys(text: str) -> set[str]:
    return {key for key, _ in claims(text)}


def test_the_producer_is_v26() -> None:
    assert disclosure.NAME == "persona6.disclosure.v53"


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        # the probe's sentences
        (
            "quick q 🙏 starting my semester abroad in Madrid in january!!",
            "plans:starting my semester abroad in madrid",
            "is starting my semester abroad in madrid in january",
        ),
        (
            "Moving in with my partner in May, can I add her to the policy?",
            "plans:moving in with my partner",
            "is moving in with my partner in may",
        ),
        # other domains: a time to come
        (
            "Starting my residency at St Mary's in July",
            "plans:starting my residency at st mary's",
            "is starting my residency at st mary's in july",
        ),
        (
            "starting my PhD in Oslo in August!!",
            "plans:starting my phd in oslo",
            "is starting my phd in oslo in august",
        ),
        (
            "Taking my driving test in March",
            "plans:taking my driving test",
            "is taking my driving test in march",
        ),
        (
            "prepping for my bar exam in February",
            "plans:prepping for my bar exam",
            "is prepping for my bar exam in february",
        ),
        (
            "Flying out to Nairobi on Friday for my cousin's wedding",
            "plans:flying out to nairobi",
            "is flying out to nairobi on friday for my cousin's wedding",
        ),
        (
            "I'm joining the navy in September",
            "plans:joining the navy",
            "is joining the navy in september",
        ),
        (
            "Moving into a new flat on Saturday, need boxes",
            "plans:moving into a new flat",
            "is moving into a new flat on saturday",
        ),
        (
            "Relocating to Glasgow next autumn for the new job.",
            "plans:relocating to glasgow",
            "is relocating to glasgow next autumn for the new job",
        ),
        (
            "I'm starting a new job next week",
            "plans:starting a new job",
            "is starting a new job next week",
        ),
        ("I'm retiring in June", "plans:retiring", "is retiring in june"),
        # a change of life, with or without a time
        (
            "having a baby in October, so I need to update my insurance",
            "plans:having a baby",
            "is having a baby in october",
        ),
        ("I'm having a baby", "plans:having a baby", "is having a baby"),
        ("Getting married in June", "plans:getting married", "is getting married in june"),
    ],
)
def test_a_progressive_with_a_time_to_come_or_a_change_of_life_is_a_plan(
    text: str, key: str, value: str
) -> None:
    assert (key, value) in claims(text)


@pytest.mark.parametrize(
    ("text", "thing"),
    [
        (
            "quick q 🙏 starting my semester abroad in Madrid in january!!",
            "personal:semester abroad",
        ),
        ("Starting my residency at St Mary's in July", "personal:residency"),
        ("starting my PhD in Oslo in August!!", "personal:phd"),
        ("Taking my driving test in March", "personal:driving test"),
        ("prepping for my bar exam in February", "personal:bar exam"),
        ("I'm starting my apprenticeship in September", "personal:apprenticeship"),
        ("great . just planing my next hike on the appalachian trail", "personal:next hike"),
        ("just planning my travels, can't wait", "personal:travels"),
    ],
)
def test_a_thing_the_plan_holds_is_not_also_had(text: str, thing: str) -> None:
    found = keys(text)
    assert thing not in found
    assert any(key.startswith("plans:") for key in found)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a person the lists know stays had: "my" says so
        ("Moving in with my partner in May, can I add her to the policy?", "family:partner"),
        ("I'm moving in with my partner in May", "family:partner"),
        ("Leaving my job in March", "work:job"),
        # a plan that says what it does with a thing had keeps the thing
        ("I will bring my pink swimsuit to the beach", "personal:pink swimsuit"),
        ("i will wear my lucky tie", "personal:lucky tie"),
        # a past told with a time of this year is no plan to cover it
        ("I grew my own tomatoes this summer", "personal:tomatoes"),
    ],
)
def test_a_thing_had_beside_a_plan_stays(text: str, kept: str) -> None:
    assert kept in keys(text)


@pytest.mark.parametrize(
    "text",
    [
        "I moved to Leeds in May",
        "I was starting my new job in May when it happened",
        "I go swimming on Mondays",
        "having a meeting on Monday",
        "expecting a parcel on Friday",
        "moving the meeting to Friday",
        "Moving there in spring",
        "I'm fixing the bug next week",
        "I'm running the script on Monday",
        "starting my morning with coffee",
        "i am doing good getting ready for the weekend",
        "Moving abroad is scary",
    ],
)
def test_no_plan_of_a_past_a_habit_a_task_or_a_thing_at_hand(text: str) -> None:
    assert not any(
        value.startswith("is ") and key.startswith("plans:") for key, value in claims(text)
    )


@pytest.mark.parametrize(
    "text",
    [
        # the probe's sentence
        "If I ever had a garden, I would grow my own basil.",
        # other domains: a thing not had yet
        "If I ever opened my own café, I'd call it Bean There",
        "If I won the lottery I'd buy my own island",
        "If I won the lottery I'd buy my own house",
        "Imagine owning my own vineyard",
        "Imagine having my own pool",
        "I wish I had my own studio",
        "If only I had my own workshop",
        "If I had more time I'd start my own bakery",
        # what follows a condition said otherwise than with "if"
        "Were I to switch careers, I'd study nursing",
        "Were I to move to Berlin, I'd learn German",
        "In case I adopt a rescue dog, can I add it later?",
        "In case I get a dog, can I add it later?",
    ],
)
def test_what_is_not_so_is_no_fact(text: str) -> None:
    assert claims(text) == set()


@pytest.mark.parametrize(
    ("text", "had"),
    [
        ("Had I known, I would have sold my motorbike", "possessions:motorbike"),
        ("Suppose I quit my job next year, would I lose the discount?", "work:job"),
        ("Imagine I quit my job tomorrow", "work:job"),
    ],
)
def test_a_parting_supposed_is_not_done(text: str, had: str) -> None:
    found = {(s.key, s.polarity) for s in extracted(disclosure.NAME, text, "u1")}
    assert (had, 1.0) in found
    assert (had, -1.0) not in found


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I grew my own tomatoes this summer", "personal:tomatoes"),
        ("I have my own café", "personal:café"),
        ("I sold my motorbike last year", "possessions:motorbike"),
        ("I used to make my own bread", "personal:bread"),
        ("Suppose my cat got sick, would this cover it?", "pets:cat"),
        ("I wish I could have studied after I graduated", "education:graduated"),
        ("I adopted a rescue dog last year", "pets:rescue dog"),
        ("I'd love to have my own garden one day", "plans:have my own garden"),
    ],
)
def test_what_is_so_stays(text: str, key: str) -> None:
    assert key in keys(text)


@pytest.mark.parametrize(
    "text",
    [
        "Please reserve an aisle; I will not sit in the middle.",
        "Please get me the veggie option, I will not eat the fish.",
        "Please book the train; I will not take the bus.",
        "I will not sit in the front row, please",
    ],
)
def test_a_refused_option_is_no_plan(text: str) -> None:
    assert not any(key.startswith("plans:") for key in keys(text))


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I won't move to Denver", "home:denver"),
        ("I'm not going to sit the exam", "plans:sit the exam"),
    ],
)
def test_a_denied_plan_of_a_life_stays(text: str, key: str) -> None:
    assert key in keys(text)


@pytest.mark.parametrize(
    "text",
    [
        "hey P 👋 can we pull the campaign attribution together? i'm terrified of the legal "
        "review tbh 😰",
        "i'm terrified of the legal review tbh",
        "I'm afraid of this exam",
        "I'm terrified of the board meeting",
        "honestly scared of the audit next week",
        "so scared of the interview tomorrow",
        "I'm scared of that deadline",
        "we're afraid of the migration on Friday",
    ],
)
def test_a_fear_of_a_thing_at_hand_is_the_concerns(text: str) -> None:
    assert claims(text) == set()


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I'm afraid of heights", "weaknesses:afraid of heights"),
        ("I'm terrified of spiders", "weaknesses:terrified of spiders"),
        ("I'm scared of flying", "weaknesses:scared of flying"),
        ("I'm afraid of the dark", "weaknesses:afraid of the dark"),
    ],
)
def test_a_fear_of_a_kind_of_thing_stays(text: str, key: str) -> None:
    assert key in keys(text)
