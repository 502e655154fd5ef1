"""persona6.disclosure.v12: light verbs, modals and manners that state no fact; abstractions
after "my"; what "had", "had to", "or" and a gerund subject do say."""

from __future__ import annotations

import pytest
from helpers import said

from persona6.extract import disclosure
from persona6.extract.decision import DecisionExtractor


def keys(text: str) -> dict[str, float]:
    return {c.key: c.weight for c in disclosure.disclosure_claims(text)}


def of(text: str, *categories: str) -> dict[str, float]:
    return {k: w for k, w in keys(text).items() if k.split(":", 1)[0] in categories}


@pytest.mark.parametrize(
    "text",
    [
        "but I have faith in you!",
        "I'll definitely have a blast.",
        "We have each other's back through good times and bad.",
        "and it's great to know that we have each other's backs.",
        "We had a ton of fun.",
        "I had a special day",
        "We get together and have a blast together.",
        "I have the opportunity to study abroad.",
        "but I had to overcome the hurdle of adapting and tweaking my routine.",
    ],
)
def test_have_in_a_light_verb_idiom_possesses_nothing(text: str) -> None:
    assert of(text, "possessions") == {}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I have a car.", "possessions:car"),
        ("I even have the whole collection!", "possessions:whole collection"),
        ("we have team dinners", "possessions:team dinners"),
        ("I have a vintage time machine.", "possessions:vintage time machine"),
        ("I have a great respect for our military.", "possessions:great respect for our military"),
        ("I've got lots of kids' books at home.", "possessions:kids' books at home"),
    ],
)
def test_a_thing_had_is_still_possessed(text: str, key: str) -> None:
    assert key in of(text, "possessions")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I had to take a break from pottery", "activities:take a break from pottery"),
        ("I had to shut down my bank account.", "activities:shut down my bank account"),
        (
            "I had an interview for a design internship yesterday!",
            "activities:interview for a design internship",
        ),
        ("I had a great time at the LGBT pride event last month.", "activities:lgbt pride event"),
        ("I had a blast last year at the Pride fest.", "activities:pride fest"),
        ("I had a blast camping by the lake.", "activities:camping by the lake"),
        ("I had the chance to visit Rome last year.", "activities:visit rome"),
    ],
)
def test_what_was_had_or_had_to_be_done_is_an_act(text: str, key: str) -> None:
    assert of(text, "activities", "possessions") == {key: 0.3}


@pytest.mark.parametrize(
    "text",
    [
        "I have to finish my essay.",
        "I had a blast there last month.",
        "I'll have a great time at the party.",
        "I had no fun at the party.",
    ],
)
def test_an_obligation_or_a_time_had_with_nothing_named_is_no_act(text: str) -> None:
    assert of(text, "activities", "possessions") == {}


@pytest.mark.parametrize(
    "text",
    [
        "We work well together!",
        "Working together would be great!",
        "Feeling optimistic and working diligently!",
        "I worked hard to get better.",
        "but we're all in it together.",
        "Winning was a huge boost and shows my hard work paid off.",
    ],
)
def test_a_manner_of_working_or_a_hypothetical_is_no_job(text: str) -> None:
    assert of(text, "work") == {}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I work hard at the hospital.", "work:work hard at the hospital"),
        ("I work too much overtime at Pet Smart.", "work:work too much overtime at pet smart"),
        ("I worked hard on another script.", "work:worked hard on another script"),
        ("I work in IT.", "work:work in it"),
        ("the bar i work at sells cakes", "work:work at the bar"),
        ("The shelter I work at needs more help.", "work:work at the shelter"),
    ],
)
def test_a_job_is_still_a_job(text: str, key: str) -> None:
    assert of(text, "work") == {key: 1.0}


@pytest.mark.parametrize(
    "text",
    [
        "I'm always still thinking about Max- here's a pic of him.",
        "I'm thinking about something else.",
        "I'll enjoy writing them.",
        "I'll love it.",
        "I'm off to spend some time with them now.",
        "I'm going to bed now.",
        "I was already planning on watching it",
        "I was going to go but it rained.",
    ],
)
def test_a_thought_a_feeling_the_moment_or_a_past_intention_is_no_plan(text: str) -> None:
    assert of(text, "plans") == {}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "I'm thinking of joining a new gaming team.",
            "plans:thinking of joining a new gaming team",
        ),
        ("I'd love to visit Japan.", "plans:visit japan"),
        ("I'm off to bake some cakes.", "plans:off to bake some cakes"),
        ("I've been planning to move to Spain.", "plans:move to spain"),
        ("Winning a championship is my number one goal.", "plans:winning a championship"),
        ("It is my dream to be a published author.", "plans:be a published author"),
        ("Going to those places is definitely on my to-do list.", "plans:go to those places"),
    ],
)
def test_a_plan_is_still_a_plan(text: str, key: str) -> None:
    assert key in of(text, "plans")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("We could do a family outing", "plans:do a family outing"),
        ("we should go fishing!", "plans:go fishing"),
        ("i might go fishing", "plans:go fishing"),
        ("so i could travel", "plans:travel"),
        ("i do too but then i have to go walking", "plans:go walking"),
        (
            "I really should start doing that, or at least write down the recipes!",
            "plans:write down the recipes",
        ),
    ],
)
def test_a_pastime_under_a_modal_is_a_weak_plan_no_habit(text: str, key: str) -> None:
    found = of(text, "plans", "habits")
    assert key in found and found[key] < 0.5
    assert not [k for k in found if k.startswith("habits:")]


def test_a_coordinated_verb_takes_the_modal_of_its_group() -> None:
    assert of("I should cook and bake more.", "habits") == {}
    assert of("I'll cook and bake cakes.", "plans") == {
        "plans:cook and bake cakes": 1.0,
        "plans:bake cakes": 1.0,
    }
    assert "habits:fishing" in of("i can either be found cooking or fishing .", "habits")


@pytest.mark.parametrize(
    "text",
    [
        "Here's one I did last week.",
        "Took some trial and error",
        "took a while to get it right",
        "brainstormed together",
        "Don't feel like I'm making much of an impact here",
        "I'm not sure I'm making a difference at the shelter.",
        "but I'm putting in my best effort.",
        "I followed my dreams.",
        "I just watched",
    ],
)
def test_an_act_that_names_nothing_is_no_activity(text: str) -> None:
    assert of(text, "activities", "habits") == {}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I decorated this tree myself", "activities:decorated this tree"),
        ("I went to a poetry reading last Fri", "activities:went to a poetry reading last fri"),
        ("when I volunteered.", "activities:volunteered"),
        ("That was from a game I just played.", "activities:played a game"),
        ("this pride parade I went to a few weeks ago", "activities:went to this pride parade"),
        ('I just watched "Little Women" and it was amazing!', "activities:watched little women"),
        ("Took a trip to a new place", "activities:took a trip to a new place"),
    ],
)
def test_an_act_that_names_its_object_is_an_activity(text: str, key: str) -> None:
    assert of(text, "activities") == {key: 0.3}


@pytest.mark.parametrize(
    "text",
    [
        "but I'm putting in my best effort.",
        "brands that align with my values and interests.",
        "Listening to my body and giving it enough rest helped.",
        "and my own journey of self-discovery.",
        "I won't quit on my dreams.",
        "My goal is to get conversations going.",
        "otherwise I would never be able to beat my competition.",
        "Fantasy books always fuel my creativity",
        "Glad my encouragement helped!",
        "I'm grateful for my happiness.",
    ],
)
def test_an_abstraction_after_my_is_no_thing_of_ones_own(text: str) -> None:
    assert of(text, "personal") == {}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("My studio is by the water.", "personal:studio"),
        ("my first marathon was tough", "personal:first marathon"),
        ("I love my community.", "personal:community"),
        ("They're my rock.", "personal:rock"),
        ("in my transition", "personal:transition"),
        ("plus my colorblindness is impairing", "personal:colorblindness"),
        ("like my deafness", "personal:deafness"),
        ("i sleep on my days off .", "personal:days off"),
    ],
)
def test_a_thing_or_a_group_after_my_stays(text: str, key: str) -> None:
    assert of(text, "personal") == {key: 0.3}


@pytest.mark.parametrize(
    "text",
    [
        "I should start doing that, or at least write down the things my animals like a lot!",
        "I think baking and cooking really brings us together!",
        "We could do a family outting",
        "We can do amazing things together!",
        "Running a business isn't easy",
        "Painting looks like a great outlet for expressing yourself.",
    ],
)
def test_no_habit_from_an_alternative_a_modal_or_a_general_truth(text: str) -> None:
    assert of(text, "habits") == {}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Hiking has opened up a whole new world for me", "habits:hiking"),
        ("Volunteering at the shelter made me feel great", "habits:volunteering at the shelter"),
        ("Dancing brings me joy", "habits:dancing"),
        ("working at mcdonalds has added a few pounds", "work:working at mcdonalds"),
        ("I love baking and cooking.", "habits:cooking"),
        ("I usually play CS", "habits:play cs"),
        ("I'd watch NBA games with my dad", "habits:watch nba games with my father"),
    ],
)
def test_a_pastime_said_of_the_speaker_stays(text: str, key: str) -> None:
    assert key in of(text, "habits", "work")


@pytest.mark.parametrize(
    ("text", "key", "weight"),
    [
        ("i unwind by sleeping .", "habits:sleeping", 0.5),
        ("i keep my sanity by running daily !", "habits:running", 0.5),
        ("i make mine by working in a doctors office", "work:working in a doctors office", 0.5),
        ("I formed connections by listening to people.", "activities:listening to people", 0.3),
    ],
)
def test_what_the_speaker_does_by_means_of_an_act_is_that_act(
    text: str, key: str, weight: float
) -> None:
    assert keys(text).get(key) == weight


@pytest.mark.parametrize(
    "text",
    [
        "I fixed it by running the script again.",
        "I won't get there by cheating.",
        "I'll get there by taking the bus.",
        "I started by saying thanks.",
    ],
)
def test_no_means_from_a_step_a_denial_a_plan_or_a_word(text: str) -> None:
    assert not [k for k in keys(text) if k.endswith(("running the script again", "cheating"))]
    assert not [k for k in keys(text) if k in ("plans:taking the bus", "habits:taking the bus")]
    assert not [k for k in keys(text) if k.endswith(":saying thanks")]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I made it to show my own journey as a transgender woman.", "identity:transgender woman"),
        ("I loved my years as a nurse.", "work:nurse"),
        ("my time as a single dad taught me a lot", "family:single father"),
    ],
)
def test_my_noun_as_a_person_says_who_the_speaker_is(text: str, key: str) -> None:
    assert key in keys(text)


def test_my_noun_as_a_thing_says_nothing() -> None:
    assert of("I used my time as a chance to rest.", "identity", "work", "family") == {}
    assert of("since I was a kid", "identity") == {}


def switches(text: str) -> list[str]:
    return [s.key for s in DecisionExtractor().extract([said(1, text)])]


@pytest.mark.parametrize(
    "text",
    [
        "I moved from Dundee to Stirling with my wife.",
        "I moved from Dundee to Stirling when I was a kid.",
        "We moved from Dundee to Stirling to be near my parents.",
    ],
)
def test_a_move_between_unknown_names_with_a_home_said_is_a_home(text: str) -> None:
    assert "home:stirling" in {k.split(" to ")[0] for k in of(text, "home")}
    assert switches(text) == []


@pytest.mark.parametrize(
    "text", ["I moved from Trello to Basecamp.", "I moved from Trello to Basecamp for my notes."]
)
def test_a_move_between_unknown_names_without_a_home_stays_a_switch(text: str) -> None:
    assert of(text, "home") == {}
    assert [k.split()[0] for k in switches(text)] == ["trello->basecamp"]


def test_producer_version() -> None:
    assert disclosure.NAME == "persona6.disclosure.v53"
