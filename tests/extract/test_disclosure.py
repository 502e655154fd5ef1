"""persona6.disclosure.v10: facts a person states about their own life."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import EXTRACTORS, disclosure
from persona6.types import Signal, SignalKind

EXTRACTOR = EXTRACTORS[disclosure.NAME]


def say(text: str, actor: str = "u1") -> list[Signal]:
    return extracted(EXTRACTOR.name, text, actor)


def keys(text: str) -> set[str]:
    return {signal.key for signal in say(text)}


FACTS = [
    ("I work as a nurse at the local hospital.", "work:work as a nurse at the local hospital"),
    ("I'm a software engineer.", "work:software engineer"),
    ("I am retired", "work:retired"),
    ("i work part time at a gas station", "work:work part time at a gas station"),
    ("my occupation is lumberjack", "work:lumberjack"),
    ("my wife is a doctor", "family:wife is a doctor"),
    ("I have two kids", "family:two children"),
    ("I just got engaged!", "family:engaged"),
    ("i have no siblings", "family:siblings"),
    ("I have a dog named Rex.", "pets:dog named rex"),
    ("i took my dog on a hike", "pets:dog"),
    ("i adopted two cats", "pets:two cats"),
    ("I live in Denver", "home:denver"),
    ("I moved to Lisbon last year", "home:lisbon"),
    ("I bought a new car last month", "possessions:new car"),
    ("I own a bakery", "possessions:bakery"),
    ("I go running every morning.", "habits:go running"),
    ("every sunday i bake bread", "habits:bake bread"),
    ("I'm planning to learn Spanish next year.", "plans:learn spanish"),
    ("I'm going to move to Berlin", "plans:move to berlin"),
    ("my dream is to open a bakery", "plans:open a bakery"),
    ("I'm allergic to peanuts.", "health:allergic to peanuts"),
    ("I have asthma.", "health:asthma"),
    ("i broke my arm", "health:arm trouble"),
    ("I'm vegan.", "diet:vegan"),
    ("As a transgender woman, I often feel ignored.", "identity:transgender woman"),
    ("I'm from Brazil.", "identity:from brazil"),
    ("Hi, I'm Frank.", "identity:frank"),
    ("i do not eat meat", "diet:eat meat"),
    ("I'm studying law", "education:studying law"),
    ("i am 6 feet tall", "appearance:6 feet tall"),
    ("i have red hair", "appearance:red hair"),
    ("I can play the guitar", "skills:play the guitar"),
    ("I'm terrible at math", "weaknesses:terrible at math"),
    ("I'm in Texas right now", "home:texas"),
    ("the food is great here in Canada", "home:canada"),
    ("there are lots of them in California where I live", "home:california"),
    ("I just got braces", "health:braces"),
    ("always walk the dog before work", "habits:walk the dog before work"),
    ("I freelance as a designer.", "work:freelance as a designer"),
]


@pytest.mark.parametrize(("text", "key"), FACTS)
def test_finds_the_fact_under_its_category(text: str, key: str) -> None:
    assert key in keys(text)


NO_FACT = [
    "I have a question about billing.",
    "my friend has a dog",
    "she said she has two kids",
    "Do you have a dog?",
    "If I had a dog I would walk it every day",
    "I want to know how to cancel my plan",
    "have a nice day",
    "He lives in Paris",
    "i keep my promises",
    'She told me "I am a nurse"',
    "I'm fine, thanks",
    "I do it every day",
    "I can send you the file",
    "I'm working on a bug in the parser",
    "I'm trying to fix the login page",
    "Taking care of yourself is key",
    "I just got bored",
    "I love turkey",
    "always nice to come back here",
    "Good to know, thanks!",
    "so hard to say which one",
    "usually fun to watch the game together",
]


@pytest.mark.parametrize("text", NO_FACT)
def test_states_no_fact_about_the_speaker(text: str) -> None:
    assert say(text) == []


def test_negated_fact_keeps_the_key_and_flips_polarity() -> None:
    [has] = say("I have kids")
    [has_not] = say("I don't have kids")
    assert has.key == has_not.key == "family:children"
    assert (has.polarity, has_not.polarity) == (1.0, -1.0)
    assert has_not.value == "does not have kids"


def test_value_reads_in_the_third_person() -> None:
    [signal] = say("I work at the bank down the street")
    assert signal.value == "works at the bank down the street"


def test_evidence_is_the_clause() -> None:
    text = "I live in Denver but I moved here from Ohio."
    quotes = {signal.key: signal.evidence[0].quote for signal in say(text)}
    assert quotes == {
        "home:denver": "I live in Denver",
        "home:here from ohio": "but I moved here from Ohio.",
    }


def test_a_question_still_reveals_the_speakers_own_pet() -> None:
    assert "pets:dogs" in keys("can you watch my two dogs while I am away?")


def test_we_is_a_household_fact_at_lower_weight() -> None:
    [signal] = say("we have three dogs")
    assert (signal.key, signal.weight) == ("pets:three dogs", 0.7)


def test_a_one_off_activity_weighs_less_than_a_habit() -> None:
    [once] = say("I went hiking")
    [habit] = say("I go hiking every weekend")
    assert once.key.startswith("activities:")
    assert habit.key.startswith("habits:")
    assert once.weight < habit.weight


def test_signal_kind_and_producer() -> None:
    [signal] = say("I have asthma.")
    assert signal.kind is SignalKind.DISCLOSURE
    assert signal.producer == "persona6.disclosure.v53"


@pytest.mark.parametrize(
    "text",
    [
        "I prefer a monthly invoice over weekly ones",
        "I love the daily crossword",
        "I always prefer window seats",
    ],
)
def test_a_preference_with_a_frequency_word_is_no_habit(text: str) -> None:
    assert not any(key.startswith("habits:") for key in keys(text))


def test_a_frequency_word_still_makes_other_verbs_habits() -> None:
    assert keys("I swim every morning") == {"habits:swim"}


@pytest.mark.parametrize(
    "text",
    [
        "I'll let you know",
        "I'll be sure to give you a ring",
        "I'm gonna keep pushing on",
        "I'll think about it",
        "Gonna be a long night",
    ],
)
def test_promises_and_resolutions_are_not_plans(text: str) -> None:
    assert not any(key.startswith("plans:") for key in keys(text))


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I'm gonna try out for the choir", "plans:try out for the choir"),
        ("gonna be moving to Leeds in spring", "plans:be moving to leeds"),
        ("I will bake you my famous apple pie", "plans:bake you my famous apple pie"),
    ],
)
def test_plans_that_say_something_are_kept(text: str, key: str) -> None:
    assert key in keys(text)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I want to be a teacher.", "plans:be a teacher"),
        ("i hope to become a lawyer", "plans:become a lawyer"),
        ("I want to move to Portugal", "plans:move to portugal"),
        ("I dream of opening a bakery", "plans:open a bakery"),
        ("i would like to be a nurse someday", "plans:be a nurse"),
        ("I'd love to visit Japan", "plans:visit japan"),
        ("going to move to Berlin next week", "plans:move to berlin"),
    ],
)
def test_wishes_for_ones_life_are_plans(text: str, key: str) -> None:
    assert key in keys(text)


@pytest.mark.parametrize(
    "text",
    [
        "I want to see the logs",
        "I want to try again",
        "I want to start over",
        "I want to be notified when it finishes",
        "I want to be able to export",
        "I want to learn more about pricing",
        "I want to get a refund",
        "I'd like to move this file",
        "I want to go back to the previous version",
        "I want to know how this works",
        "I like to hike",
        "i don't want to be stuck with a proprietary format",
    ],
)
def test_requests_and_aversions_are_not_plans(text: str) -> None:
    assert not any(key.startswith("plans:") for key in keys(text))


def test_a_name_before_a_run_on_question_is_read() -> None:
    """ "my name is larry what is yours": the question after the name is a clause of its own."""
    assert "identity:larry" in keys("i am a chef . my name is larry what is yours ?")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("hi , i am joanna . how are you tonight .", "identity:joanna"),
        ("hello i am dave and you", "identity:dave"),
        ("i am bob from ohio", "identity:bob"),
        ("Hi, I'm Frank.", "identity:frank"),
    ],
)
def test_introductions_name_the_speaker(text: str, key: str) -> None:
    assert key in keys(text)


@pytest.mark.parametrize(
    "text", ["i am great , thanks", "i am frank . nice to meet you", "I'm Fine.", "i am done here"]
)
def test_a_lower_case_word_after_i_am_is_a_name_only_when_known(text: str) -> None:
    """Without capitals only a known given name introduces: "frank" is also a word."""
    assert not any(key.startswith("identity:") for key in keys(text))


@pytest.mark.parametrize(
    "text", ["I have a strong aversion to horror films", "I've always had a soft spot for old cars"]
)
def test_a_taste_named_by_a_noun_is_no_possession(text: str) -> None:
    assert not any(key.startswith("possessions:") for key in keys(text))


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I strictly follow a vegan diet.", "diet:follow a vegan diet"),
        ("I'm on a low-sodium diet.", "health:on a low-sodium diet"),
    ],
)
def test_a_diet_followed_is_a_fact(text: str, key: str) -> None:
    assert key in keys(text)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I've been coding for 10 years.", "habits:coding"),
        ("I have been running for years now", "habits:running"),
        ("I'm visually impaired and use a screen reader.", "health:visually impaired"),
        ("I'm dyslexic", "health:dyslexia"),
    ],
)
def test_long_kept_activities_and_access_needs_are_facts(text: str, key: str) -> None:
    assert any(k == key or k.startswith(key + " ") for k in keys(text))


@pytest.mark.parametrize(
    "text", ["I've been waiting for an hour", "I've been waiting for a reply", "I've been busy"]
)
def test_waiting_is_no_habit(text: str) -> None:
    assert not any(key.startswith("habits:") for key in keys(text))


@pytest.mark.parametrize(
    "text", ["She said I'm joanna", "She said I'm Joanna.", "he told me my name is bob"]
)
def test_a_name_in_someone_elses_reported_words_is_not_the_speakers(text: str) -> None:
    assert not any(key.startswith("identity:") for key in keys(text))


@pytest.mark.parametrize("text", ["I could live without social media.", "I'm not big on crowds."])
def test_a_taste_is_no_home_or_build(text: str) -> None:
    assert not any(key.startswith(("home:", "appearance:")) for key in keys(text))


# Things people say that the earlier rules misread (2026-11-26, sixth session).


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("We moved to Denver in March.", "home:denver", "moved to denver"),
        ("We moved from Ohio to Texas", "home:texas", "moved from ohio"),
        ("I moved to a new apartment", "home:new apartment", "moved to a new"),
        ("I moved back home", "home:back home", "moved back home"),
    ],
)
def test_moving_home_is_home_and_reads_with_its_to(text: str, key: str, value: str) -> None:
    (signal,) = [s for s in say(text) if s.key.startswith("home:")]
    assert signal.key == key and value in signal.value


@pytest.mark.parametrize(
    "text",
    [
        "We moved to Linear last month.",
        "I've moved to Slack for updates",
        "We moved from Jira to Linear",
    ],
)
def test_moving_to_a_tool_is_no_home(text: str) -> None:
    assert not [k for k in keys(text) if k.startswith("home:")]


@pytest.mark.parametrize(
    "text",
    [
        "if the export flakes one more time I'm moving the job to a cron box",
        "If you ever start training models on customer notes, I'll cancel the same day.",
        "If it's sunny we'll go hiking.",
    ],
)
def test_a_consequence_still_to_come_is_no_plan(text: str) -> None:
    assert keys(text) == set()


def test_when_i_retire_names_a_time_not_a_job() -> None:
    assert keys("When I retire I'll move to Spain.") == {"plans:move to spain"}
    assert "work:work on the railroad" in keys("I see the stars when I work on the railroad")


@pytest.mark.parametrize(
    "text",
    [
        "I'll export the notes one folder at a time.",
        "I will ask in the community forum",
        "I'm going to try again tomorrow",
    ],
)
def test_a_step_of_the_task_at_hand_is_no_plan(text: str) -> None:
    assert not [k for k in keys(text) if k.startswith("plans:")]


def test_a_belief_still_held_is_the_speakers_own() -> None:
    assert "appearance:short to go on hikes" in keys(
        "I've always thought I was too short to go on hikes"
    )
    assert keys("I wouldn't say I'm a morning person.") == set()


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("I've been a nurse for 12 years.", "work:nurse", "has been a nurse for 12 years"),
        ("I've been married for 10 years.", "family:married", "has been married for 10 years"),
        ("I was a teacher", "work:teacher", "was a teacher"),
    ],
)
def test_the_present_perfect_reads_as_still_true(text: str, key: str, value: str) -> None:
    (signal,) = say(text)
    assert (signal.key, signal.value) == (key, value)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I just started a new job at Google.", "work:started a new job at google"),
        ("I got a new job!", "work:got a new job"),
        ("My first language is Spanish.", "skills:spanish"),
    ],
)
def test_a_new_job_and_a_first_language(text: str, key: str) -> None:
    assert key in keys(text)
    assert "possessions:new job" not in keys(text)


@pytest.mark.parametrize(
    "text",
    [
        "the light theme hurts my eyes",
        "ok, worked around it by casting created_at to text",
        "I'll work on it tomorrow",
    ],
)
def test_a_body_part_everyone_has_or_a_step_of_the_task_is_no_fact(text: str) -> None:
    assert keys(text) == set()


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("My eyes are blue.", "appearance:eyes are blue"),
        ("my red hair", "appearance:hair"),
        ("I work on a farm", "work:work on a farm"),
    ],
)
def test_what_is_said_of_a_body_part_or_a_job_stays(text: str, key: str) -> None:
    assert key in keys(text)


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        (
            "I'm allergic to peanuts so please no peanut snacks at the party.",
            "health:allergic to peanuts",
            "is allergic to peanuts",
        ),
        (
            "I have two monitors so a wider layout would be great.",
            "possessions:two monitors",
            "has two monitors",
        ),
    ],
)
def test_a_fact_ends_where_a_request_or_a_consequence_begins(
    text: str, key: str, value: str
) -> None:
    [signal] = say(text)
    assert (signal.key, signal.value) == (key, value)


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("I sold my car last year.", "possessions:car", "no longer has car"),
        ("I lost my job in March.", "work:job", "no longer has job"),
        ("I broke up with my girlfriend.", "family:girlfriend", "no longer has girlfriend"),
    ],
)
def test_a_thing_parted_with_is_had_no_longer(text: str, key: str, value: str) -> None:
    [signal] = say(text)
    assert (signal.key, signal.value, signal.polarity) == (key, value, -1.0)


def test_a_parting_still_to_come_leaves_the_thing_had() -> None:
    found = {s.key: s.polarity for s in say("I'll quit my job next year.")}
    assert found["work:job"] == 1.0


@pytest.mark.parametrize(
    "text",
    [
        "Not gonna lie, the new UI is growing on me.",
        "Oh, I'll be honest, I expected more from the export.",
        "I'm a backend dev, mostly Go.",
    ],
)
def test_a_candour_formula_or_a_name_is_no_plan_or_habit(text: str) -> None:
    assert not {k for k in keys(text) if k.startswith(("plans:", "habits:"))}


@pytest.mark.parametrize(
    ("text", "value", "quote"),
    [
        # A taste of someone else whose object the clause split off takes the clause after
        (
            "My manager loves when the report has charts, she says so.",
            "their manager loves when the report has charts",
            "My manager loves when the report has charts",
        ),
        (
            "My husband hates it if the kitchen is messy.",
            "their husband hates it if the kitchen is messy",
            "My husband hates it if the kitchen is messy.",
        ),
        # ... or, with none to take, says only that the speaker has them
        ("My boss hates, honestly.", "has boss", "My boss hates"),
    ],
)
def test_a_taste_of_someone_else_is_not_cut_from_its_object(text, value, quote):
    found = {s.value: s.evidence[0].quote for s in say(text)}
    assert found.get(value) == quote, found
    assert not any(v.endswith(("loves", "hates", "hates it")) for v in found)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "My brother has been asking me about it for his new startup idea.",
            "their brother has been asking me about it",
        ),
        (
            "My sister keeps a little notebook of recipes from her grandmother in Lyon.",
            "their sister keeps a little notebook of recipes",
        ),
    ],
)
def test_a_fact_cut_short_ends_on_no_possessive_or_preposition(text, value):
    assert value in {s.value for s in say(text)}


# Defects found on fresh data (v7).


@pytest.mark.parametrize(
    "text",
    [
        "I'm new to this, so go easy on the React stuff",
        "I'm a beginner, so take things slow with the jargon",
        "I'm tired today, please always keep answers short",
        "I'm in a hurry, give me the numbers first",
    ],
)
def test_a_request_to_the_listener_is_no_habit_of_the_speaker(text: str) -> None:
    assert not [k for k in keys(text) if k.startswith(("habits:", "activities:", "plans:"))]


def test_a_verb_after_so_with_its_own_time_is_still_the_speakers() -> None:
    assert "home:denver" in keys("I got a new job, so moved to Denver last year")


@pytest.mark.parametrize(
    "text",
    [
        "Please always include the command I need to run",
        "Please always include the command I need to run every day",
        "send me the file I wrote yesterday",
        "show me the recipe that I cooked every week",
    ],
)
def test_a_first_person_clause_inside_a_requested_object_is_no_disclosure(text: str) -> None:
    assert say(text) == []


def test_a_relative_clause_in_a_statement_still_tells_a_fact() -> None:
    assert "home:town" in keys("the town I live in is tiny")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I live in a small flat in Leeds", "home:small flat in leeds"),
        ("I've lived in Berlin for years", "home:berlin"),
        ("I live in Berlin", "home:berlin"),
        ("We moved to Berlin in March", "home:berlin"),
        ("I'm living in Berlin now", "home:berlin"),
        ("the flat I live in is tiny", "home:flat"),
        ("I live in Leeds in winter", "home:leeds"),
        ("I don't live in Leeds anymore", "home:leeds"),
    ],
)
def test_a_home_is_keyed_by_its_place_not_the_verb(text: str, key: str) -> None:
    homes = [k for k in keys(text) if k.startswith("home:")]
    assert homes == [key]


@pytest.mark.parametrize(
    "text",
    [
        "where I live in winter",
        "it's the one I live in.",
        "I live in, like, a shoebox",
        "I live in fear of deadlines",
        "I live in the moment",
        "I'm new to this",
        "I'm new to programming",
        "I'm staying in tonight",
    ],
)
def test_live_in_without_a_place_is_no_home(text: str) -> None:
    assert not [k for k in keys(text) if k.startswith("home:")]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("i live in leeds", "home:leeds"),
        ("we live in sterling heights", "home:sterling heights"),
        ("i live in texas and love it", "home:texas"),
        ("I live in Texas and love it", "home:texas"),
        ("i live alone and love it", "home:alone"),
        ("i live in up in the mountains", "home:up in the mountains"),
    ],
)
def test_a_writer_who_capitalises_nothing_still_names_a_place(text: str, key: str) -> None:
    assert [k for k in keys(text) if k.startswith("home:")] == [key]


@pytest.mark.parametrize("text", ["i live in fear", "i'm new to coding", "i live in the moment"])
def test_lower_case_writing_makes_no_way_of_living_a_place(text: str) -> None:
    assert not [k for k in keys(text) if k.startswith("home:")]
