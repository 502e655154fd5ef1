"""persona6.preference.v12: likes, dislikes, wants and requests a person states about themselves."""

from __future__ import annotations

import pytest
from helpers import bot, extracted, said

from persona6.extract import EXTRACTORS, preference
from persona6.types import Signal, SignalKind

EXTRACTOR = EXTRACTORS[preference.NAME]


def say(text: str, actor: str = "u1") -> list[Signal]:
    return extracted(EXTRACTOR.name, text, actor)


def keyed(signals: list[Signal]) -> dict[str, float]:
    return {signal.key: signal.polarity for signal in signals}


POSITIVE = [
    ("I love dark mode.", "dark mode", 1),
    ("i really like spicy food", "spicy food", 1),
    ("I absolutely adore Italian opera!", "italian opera", 1),
    ("I enjoy long walks on the beach", "long walks on the beach", 1),
    ("I'm into rock climbing these days", "rock climbing", 1),
    ("I've always loved painting", "painting", 1),
    ("I'm a huge fan of jazz", "jazz", 1),
    ("i do enjoy hard boiled eggs though", "hard boiled eggs", 1),
    ("Honestly I'd love a vacation in Japan", "vacation in japan", 1),
    ("Pizza is my go-to on Fridays.", "pizza", 1),
    ("Tea is my thing.", "tea", 1),
    ("my favorite color is blue", "blue", 1),
    ("walking is something i enjoy .", "walking", 1),
    ("what I love most is a quiet morning", "quiet morning", 1),
    ("Always answer in English, please.", "answer in english", 1),
    ("I usually take the train to work", "take the train to work", 1),
    ("love the new dashboard!", "new dashboard", 1),
    ("I can't get enough of sushi", "sushi", 1),
    ("I'm obsessed with true crime podcasts", "true crime podcasts", 1),
    ("I hate meetings that could have been an email", "meetings that could have been an email", -1),
    ("I can't stand loud music", "loud music", -1),
    ("i can not take the heat", "heat", -1),
    ("I tend to avoid crowded places", "crowded places", -1),
    ("I'm not a fan of horror movies", "horror movies", -1),
    ("not a big fan of cilantro", "cilantro", -1),
    ("I really don't like tomatoes", "tomatoes", -1),
    ("I don't really enjoy parties", "parties", -1),
    ("I'm sick of cold weather", "cold weather", -1),
    ("Please don't use emojis.", "emojis", -1),
    ("never add a summary at the end", "summary at the end", -1),
    ("I never drive at night", "drive", -1),
    ("Winter is my least favourite season", "winter", -1),
    ("Spiders scare me", "spiders", -1),
    ("Waiting in line drives me nuts.", "waiting in line", -1),
    ("I think the beach is overrated", "beach", -1),
    ("I'm a bit afraid of dogs", "dogs", -1),
    ("i am soooo bored with homework", "homework", -1),
    ("I'd rather not talk about politics", "talk about politics", -1),
    ("Please don't ask me to confirm every step", "ask to confirm every step", -1),
    ("Always remind me to log my hours", "remind to log my hours", 1),
    ("I always do a dry run first", "do a dry run first", 1),
    ("I've switched to spreadsheets now, PDFs were too hard to reuse", "spreadsheets", 1),
    ("we're switching to Linear", "linear", 1),
    ("I never make a plan for weekends", "make a plan for weekends", -1),
]


@pytest.mark.parametrize(("text", "key", "sign"), POSITIVE)
def test_finds_the_stated_preference_and_its_polarity(text: str, key: str, sign: int) -> None:
    found = keyed(say(text))
    assert key in found, found
    assert found[key] * sign > 0


NO_PREFERENCE = [
    "my boss hates meetings",
    "she said she prefers tea",
    "my friend loves hiking",
    "he told me he can't stand jazz",
    "Do you like jazz?",
    "would you enjoy a walk?",
    "If I liked coffee I would drink more of it",
    "I wonder whether I'd enjoy opera",
    'He wrote "I love tea" on the card',
    "I love it",
    "I don't hate it",
    "I would like to know how to reset my password",
    "never mind, I found it",
    "Don't worry about it",
    "please don't hesitate to ask",
    "Don't ask.",
    "I always do!",
    "He switched to tea",
    "I moved to Berlin last year",
    "I always keep forgetting my keys",
    "don't ask me why it works",
    "I always get an error when I log in",
    "Your dog is cute",
    "maybe I'd like the blue one",
    "They love the new office",
    "That's what I like to hear!",
    "I love to.",
    "I kept some things, like my grandmother's bowl",
    "I like some of it",
]


@pytest.mark.parametrize("text", NO_PREFERENCE)
def test_says_nothing_about_the_speaker(text: str) -> None:
    assert say(text) == []


def test_prefer_x_over_y_gives_both_sides() -> None:
    found = keyed(say("I prefer tea over coffee."))
    assert found == {"tea": 1.0, "coffee": -1.0}


def test_would_rather_x_than_y_gives_both_sides() -> None:
    found = keyed(say("I'd rather walk than drive."))
    assert found == {"walk": 1.0, "drive": -1.0}


def test_an_exception_inside_a_like_is_a_dislike() -> None:
    found = keyed(say("i like all music except country ."))
    assert found == {"music": 1.0, "country": -1.0}


def test_value_reads_as_a_statement_and_notes_the_contrast() -> None:
    [tea, coffee] = sorted(say("I prefer tea over coffee."), key=lambda s: s.polarity)[::-1]
    assert tea.value == "prefers tea over coffee"
    # the other side states its own side (v25), so the two traits read as two claims
    assert coffee.value == "against coffee (prefers tea instead)"


def test_negated_preference_reads_as_negated() -> None:
    [signal] = say("I really don't like spicy food because it hurts.")
    assert signal.value == "does not like spicy food"


def test_negated_dislike_is_a_mild_like() -> None:
    found = keyed(say("I don't mind rain"))
    assert found == {"rain": 0.5}


def test_evidence_is_the_clause_and_quotes_the_text_exactly() -> None:
    text = "Well, I really don't like spicy food because it hurts."
    [signal] = say(text)
    [evidence] = signal.evidence
    assert evidence.quote == "I really don't like spicy food"
    assert text[evidence.start : evidence.end] == evidence.quote


def test_signal_carries_actor_session_time_and_producer() -> None:
    [signal] = say("I love dark mode.", actor="ada")
    assert signal.actor == "ada"
    assert signal.kind is SignalKind.PREFERENCE
    assert signal.session_id == "s1"
    assert signal.ts == "2026-01-01T00:00:00.000000Z"
    assert signal.producer == "persona6.preference.v57"


def test_pronoun_takes_the_topic_of_the_previous_sentence_and_cites_both() -> None:
    [signal] = say("Do you guys like sushi? I absolutely adore it.")
    assert (signal.key, signal.polarity) == ("sushi", 1.0)
    assert [e.quote for e in signal.evidence] == [
        "Do you guys like sushi?",
        "I absolutely adore it.",
    ]


def test_love_it_when_takes_the_when_clause() -> None:
    found = keyed(say("I love it when you give examples"))
    assert found == {"examples": 1.0}


def test_elided_answer_takes_the_question_before() -> None:
    found = keyed(say("you like to party? I sure do!"))
    assert found == {"party": 1.0}


def test_agreeing_with_someone_else_is_the_speakers_preference() -> None:
    found = keyed(say("My brother hates cats. So do I."))
    assert found == {"cats": -1.0}


def test_list_after_a_cue_continues_it() -> None:
    found = keyed(say("I like pizza, pasta and tacos."))
    assert found == {"pizza": 1.0, "pasta": 1.0, "tacos": 1.0}


def test_coordinated_gerunds_are_separate_keys() -> None:
    found = keyed(say("I enjoy hiking and swimming in the summer."))
    assert found == {"hiking": 1.0, "swimming": 1.0}


def test_coordinated_verbs_keep_their_own_polarity() -> None:
    found = keyed(say("i love hiking and hate running"))
    assert found == {"hiking": 1.0, "running": -1.0}


def test_habits_and_wants_weigh_less_than_stated_likes() -> None:
    [habit] = say("I usually take the train")
    [want] = say("I want a standing desk")
    [like] = say("I like standing desks")
    assert habit.weight < like.weight
    assert want.weight < like.weight


def test_evaluations_weigh_half() -> None:
    [signal] = say("Fishing is a great hobby.")
    assert (signal.key, signal.weight) == ("fishing", 0.5)


def test_we_counts_for_the_speaker_at_lower_weight() -> None:
    [signal] = say("we both enjoy skiing")
    assert signal.key == "skiing"
    assert signal.weight == 0.5
    assert signal.value.startswith("(with others)")


def test_one_signal_per_key_and_polarity_per_message() -> None:
    signals = say("I love jazz. Really, I love jazz.")
    assert [s.key for s in signals] == ["jazz"]
    assert len(signals[0].evidence) == 2


def test_a_pronoun_after_a_switch_resolves_to_the_new_thing_without_the_preposition():
    (signal,) = say("I've switched to light mode now, I prefer it.")
    # One signal per key and polarity: the switch is stated first, the pronoun agrees with it.
    assert (signal.key, signal.polarity) == ("light mode", 1.0)
    assert signal.value == "has switched to light mode"


@pytest.mark.parametrize(
    "text", ["always nice to come back here, ta", "Always a pleasure!", "never easy, is it"]
)
def test_always_or_never_before_an_adjective_is_a_remark_not_a_request(text):
    assert say(text) == []


def test_a_trailing_please_or_thanks_is_not_another_item_of_the_list():
    assert keyed(say("Always use tabs, please")) == {"tabs": 1.0}
    assert keyed(say("I love pizza, thanks")) == {"pizza": 1.0}


# -- requests of the moment, social replies and sign-offs are not tastes ---------------------


@pytest.mark.parametrize(
    "text",
    [
        "I'd like to contact support about my invoice.",
        "I want to talk to a real person",
        "I would love to speak with someone from your support team",
    ],
)
def test_asking_for_a_person_is_not_a_preference(text: str) -> None:
    assert say(text) == []


def test_a_standing_preference_for_people_over_bots_is_kept() -> None:
    assert keyed(say("I would rather talk to a human than a bot")) == {
        "talk to a human": 1.0,
        "bot": -1.0,
    }


def test_a_wish_that_asks_for_no_person_is_kept() -> None:
    assert keyed(say("I'd like to sail around the islands")) == {"sail around the islands": 1.0}


@pytest.mark.parametrize(
    "text",
    [
        "I really appreciate your patience.",
        "Really appreciate it!",
        "Can't wait to hear how the move went!",
        "I can't wait to see your garden",
        "Looking forward to seeing you on Sunday",
    ],
)
def test_social_replies_to_the_listener_are_not_preferences(text: str) -> None:
    assert say(text) == []


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I appreciate a well written manual", "well written manual"),
        ("I can't wait for the summer holidays", "summer holidays"),
        ("I'm looking forward to the jazz festival", "jazz festival"),
    ],
)
def test_anticipation_and_appreciation_of_things_are_kept(text: str, key: str) -> None:
    assert keyed(say(text)) == {key: 1.0}


@pytest.mark.parametrize(
    "text",
    [
        "That sweater looks great on you!",
        "Those shelves are amazing",
        "This little garden is lovely",
    ],
)
def test_a_comment_on_something_at_hand_is_not_a_taste(text: str) -> None:
    assert say(text) == []


def test_a_bare_that_still_refers_back_to_the_speakers_topic() -> None:
    assert keyed(say("I finally tried oat milk, that is great")) == {"oat milk": 1.0}


def test_general_evaluations_are_still_tastes() -> None:
    assert keyed(say("Board games are the best")) == {"board games": 1.0}


@pytest.mark.parametrize(
    "text",
    [
        "I prefer paper maps, no worries",
        "I prefer paper maps, as always.",
        "I prefer paper maps, mate",
        "I prefer paper maps, for real",
    ],
)
def test_a_sign_off_after_a_comma_is_not_a_second_item(text: str) -> None:
    assert keyed(say(text)) == {"paper maps": 1.0}


def test_a_list_after_a_cue_still_gives_every_item() -> None:
    assert keyed(say("I like plums, pears and figs")) == {"plums": 1, "pears": 1, "figs": 1}


@pytest.mark.parametrize("opener", ["Tbh", "imo", "FWIW", "ngl"])
def test_chat_openers_before_a_switch_are_skipped(opener: str) -> None:
    signals = say(f"{opener} I've switched to paper notebooks now")
    assert keyed(signals) == {"paper notebooks": 1.0}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("my favourite painter, hokusai", "hokusai"),
        ("we baked some rye bread, my favourite loaf", "rye bread"),
        ("we toured lisbon, my favorite city", "lisbon"),
        ("the walls should have been teal, that is my favourite colour", "teal"),
    ],
)
def test_a_favourite_named_beside_it_is_a_preference(text: str, key: str) -> None:
    assert keyed(say(text)) == {key: 1.0}


@pytest.mark.parametrize(
    "text",
    [
        "I dropped my favourite mug, sadly",
        "he borrowed my favourite pen, the rascal",
        "My neighbour shouted at me. That is my favourite thing.",
    ],
)
def test_a_favourite_beside_no_noun_phrase_names_nothing(text: str) -> None:
    assert say(text) == []


def test_crazy_for_is_a_like() -> None:
    assert keyed(say("I'm crazy for salted caramel")) == {"salted caramel": 1.0}


# Ways of stating a taste beyond "I like / I hate X" (PrefEval's phrasings led to them; the
# sentences here are the project's own).
STATED_OTHERWISE = [
    ("I strongly dislike multiplayer games.", "multiplayer games", -1),  # any "-ly" adverb
    ("I greatly prefer paper maps", "paper maps", 1),
    ("I have a strong aversion to horror films.", "horror films", -1),
    ("I've always had a soft spot for jazz", "jazz", 1),
    ("I have a keen interest in astronomy", "astronomy", 1),
    ("I have no interest in reality shows", "reality shows", -1),
    ("I am not interested in documentaries.", "documentaries", -1),
    ("I'm strictly against animal testing", "animal testing", -1),
    ("I am opposed to crate training", "crate training", -1),
    ("I'm not comfortable with heights", "heights", -1),
    ("I refuse to watch anything with gore", "watch anything with gore", -1),
    ("I only use vegan cosmetics", "vegan cosmetics", 1),
    ("we exclusively watch foreign films", "foreign films", 1),
    ("I don't wear fur", "fur", -1),
    ("I learn best through hands-on practice", "hands-on practice", 1),
    ("I find turn-based combat too slow", "turn-based combat", -1),
    ("I prefer not to wear wool", "wear wool", -1),
    ("I strongly prefer to avoid animated shows", "animated shows", -1),
    ("I value privacy", "privacy", 1),
    ("I'm more of a tea person.", "tea", 1),
    ("I'm not a morning person.", "morning", -1),
    ("Nothing beats a good thriller.", "good thriller", 1),
    ("I'm all for remote work.", "remote work", 1),
    ("Give me a good book over a movie any day.", "good book", 1),
    ("Mornings aren't my thing.", "mornings", -1),
]


@pytest.mark.parametrize(("text", "key", "sign"), STATED_OTHERWISE)
def test_a_taste_stated_otherwise_is_read(text: str, key: str, sign: int) -> None:
    assert keyed(say(text)).get(key) == sign


@pytest.mark.parametrize(
    "text",
    [
        "I'd prefer not to",  # nothing named: no "not" as a taste
        "I would love not to",
        "I value your feedback",  # a social reply
        "I have a weakness in math",  # a weakness, not a taste
        "I rely on you",  # "rely" is a verb, not an adverb before one
        "I can't use the export button",  # a failure report, not a refusal
        "I'm a big guy",  # a build, not a taste for "big"
    ],
)
def test_no_taste_is_made_up(text: str) -> None:
    assert say(text) == []


@pytest.mark.parametrize(
    ("text", "key", "sign"),
    [
        ("Keep it short.", "short", 1),
        ("Less jargon please.", "jargon", -1),
        ("No emojis.", "emojis", -1),
        ("Bullet points please.", "bullet points", 1),
        ("Use metric units.", "metric units", 1),
        ("Reply in Spanish from now on.", "spanish", 1),
        ("Skip the pleasantries.", "pleasantries", -1),
        ("Shorter answers, please.", "shorter answers", 1),
        ("More examples.", "examples", 1),
    ],
)
def test_an_instruction_on_how_to_answer_is_a_preference(text: str, key: str, sign: int) -> None:
    assert keyed(say(text)) == {key: sign}


@pytest.mark.parametrize(
    "text",
    ["No problem.", "Skip the meeting.", "Use Python.", "No, that's wrong.", "I keep it short"],
)
def test_other_imperatives_say_nothing_about_how_to_answer(text: str) -> None:
    assert say(text) == []


def test_no_emojis_shares_its_key_with_please_dont_use_emojis() -> None:
    assert set(keyed(say("No emojis."))) == set(keyed(say("Please don't use emojis.")))


# Things people say that the earlier rules misread (2026-11-26, sixth session).


@pytest.mark.parametrize(
    "text",
    [
        "I love how you explained that!",
        "I love you guys.",
        "I really like what you did with the chart.",
        "I like the way you handled that.",
        "I love your idea.",
        "I really like how patient you are with me",
        "I love how kind you've been",
    ],
)
def test_a_reaction_to_the_listener_is_no_taste(text: str) -> None:
    assert say(text) == []


def test_a_taste_in_how_the_listener_answers_stands() -> None:
    assert keyed(say("I hate your new layout.")) == {"new layout": -1.0}
    assert keyed(say("I like it when you use bullet points.")) == {"bullet points": 1.0}


@pytest.mark.parametrize(
    "text",
    [
        "I wouldn't say I'm a morning person.",
        "I don't think I like this layout.",
        "I thought I'd like the new layout, but I don't.",
        "I always thought I was a cat person.",
        "I never said I hate cats",
    ],
)
def test_words_the_speaker_disowns_are_no_taste(text: str) -> None:
    assert say(text) == []


def test_not_that_i_dislike_keeps_only_the_preference_stated() -> None:
    assert keyed(say("It's not that I dislike Java, I just prefer Go.")) == {"go": 1.0}


def test_a_report_by_someone_else_ends_at_but() -> None:
    text = "My husband says I spend too much time on it but honestly I love organising hikes"
    assert keyed(say(text)) == {"organising hikes": 1.0}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Tabs over spaces any day", "tabs"),
        ("Cats > dogs.", "cats"),
        ("Vim all the way.", "vim"),
        ("I'm team iPhone.", "iphone"),
    ],
)
def test_a_choice_put_without_a_verb(text: str, key: str) -> None:
    found = keyed(say(text))  # v29: the other side of "X over Y" is against Y
    assert {k: v for k, v in found.items() if v > 0} == {key: 1.0}


@pytest.mark.parametrize("text", ["Dinner over zoom.", "2 > 1", "Go team!", "All the way home."])
def test_words_that_only_look_like_a_verbless_choice(text: str) -> None:
    assert say(text) == []


def test_not_caring_about_something_is_a_weak_dislike() -> None:
    (signal,) = say("I don't really care about the design.")
    assert (signal.key, signal.polarity, signal.value) == (
        "design",
        -0.5,
        "doesn't care about design",
    )


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        (
            "Please stop sending me notifications.",
            "notifications",
            "asks not to send notifications",
        ),
        ("Don't show me ads", "ads", "asks not to show ads"),
        (
            "Please stop asking me to confirm",
            "asking to confirm",
            "asks to stop asking me to confirm",
        ),
        ("Never ping me after 6pm", "ping after 6pm", "asks not to ping me after 6pm"),
    ],
)
def test_a_request_to_stop_reads_as_one(text: str, key: str, value: str) -> None:
    (signal,) = say(text)
    assert (signal.key, signal.value, signal.polarity) == (key, value, -1.0)


def test_a_person_kind_reads_as_written() -> None:
    (signal,) = say("I'm not a morning person.")
    assert (signal.key, signal.value, signal.polarity) == (
        "morning",
        "is not a morning person",
        -1.0,
    )


def test_it_after_a_question_is_the_questions_object() -> None:
    assert keyed(say("Do you have a dark mode? I prefer it.")) == {"dark mode": 1.0}
    assert keyed(say("do you travel often? I enjoy it a lot!")) == {"travel often": 1.0}


@pytest.mark.parametrize(
    "text",
    [
        "If it breaks again, we're switching to Linear.",
        "If it fails again I'll cancel.",
    ],
)
def test_a_consequence_still_to_come_is_no_taste(text: str) -> None:
    assert say(text) == []


def test_a_taste_under_a_condition_stands() -> None:
    assert keyed(say("If it's cold, I prefer tea.")) == {"tea": 1.0}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("bullet points only. status of all prod services", "bullet points"),
        ("ok. bullets only for the summary", "bullets"),
        ("just the code", "code"),
        ("Only the code please", "code"),
    ],
)
def test_asking_only_for_one_form_of_answer(text: str, key: str) -> None:
    (signal,) = say(text)
    assert (signal.key, signal.polarity) == (key, 1.0)
    assert signal.weight == pytest.approx(0.8)


def test_the_other_way_round_is_no_other_side() -> None:
    text = "I'd rather have fewer features and clear answers than the other way round."
    assert keyed(say(text)) == {"have fewer features and clear answers": 1.0}


def test_a_taste_announced_as_a_change_of_mind_cites_the_announcement() -> None:
    text = "I've changed my mind about exports: PDF is actually better for us now."
    (signal,) = say(text)
    assert signal.key == "pdf"
    assert [e.quote for e in signal.evidence] == [
        "I've changed my mind about exports: PDF is actually better for us now."
    ]


@pytest.mark.parametrize(
    ("text", "key", "polarity"),
    [
        ("I could really use a shortcut for this.", "shortcut for this", 1.0),
        ("It would be nice to have an export to CSV.", "export to csv", 1.0),
        ("I wish it had keyboard shortcuts.", "keyboard shortcuts", 1.0),
        ("I'd kill for a dark mode.", "dark mode", 1.0),
        ("I use Notion for everything.", "notion", 1.0),
        ("Honestly, the dark theme is gorgeous.", "dark theme", 1.0),
        ("Anything but Comic Sans.", "comic sans", -1.0),
        ("Spare me the marketing speak.", "marketing speak", -1.0),
    ],
)
def test_features_wished_for_and_tools_of_choice(text: str, key: str, polarity: float) -> None:
    assert keyed(say(text)) == {key: polarity}


@pytest.mark.parametrize(
    "text",
    ["I could use a break", "I could use some help", "I wish it was over", "Anything but that"],
)
def test_idioms_near_the_wish_frames_are_no_taste(text: str) -> None:
    assert say(text) == []


def test_a_tool_of_choice_does_not_swallow_the_rest_of_the_sentence() -> None:
    text = "I use vim for everything and honestly I'd rather have a CLI than a web UI any day."
    assert keyed(say(text)) == {"have a cli": 1.0, "web ui": -1.0}


@pytest.mark.parametrize(
    ("text", "key", "polarity"),
    [
        ("Keep answers short please, I just need the files.", "short", 1.0),
        ("No long explanations please.", "explanations", -1.0),
    ],
)
def test_standing_requests_on_answers_in_other_words(text: str, key: str, polarity: float) -> None:
    assert keyed(say(text)) == {key: polarity}


def test_a_ticket_asked_for_is_no_taste() -> None:
    assert say("I would like a ticket opened for this") == []


@pytest.mark.parametrize(
    ("question", "answer", "key", "polarity", "quote"),
    [
        ("Jo, do you like sushi?", "yes I love it", "sushi", 1.0, "yes I love it"),
        ("Do you like Thai food?", "not really, too spicy for me", "thai food", -1.0, "not really"),
        ("Do you enjoy hiking?", "Absolutely, every weekend!", "hiking", 1.0, "Absolutely"),
        ("Are you into jazz?", "Nah, I prefer rock.", "rock", 1.0, "I prefer rock."),
    ],
)
def test_a_short_answer_to_a_question_about_taste_is_the_answerers(
    question: str, answer: str, key: str, polarity: float, quote: str
) -> None:
    session = [said(1, question, "u-lena"), said(2, answer, "u-jo")]
    (signal,) = EXTRACTOR.extract(session)
    assert (signal.actor, signal.key, signal.polarity) == ("u-jo", key, polarity)
    assert [(e.event_id, e.quote) for e in signal.evidence] == [("e2", quote)]


def test_an_answer_to_the_assistants_question_is_the_persons_taste() -> None:
    session = [bot(1, "Do you like dark mode?"), said(2, "yes, definitely")]
    assert {(s.actor, s.key, s.polarity) for s in EXTRACTOR.extract(session)} == {
        ("u1", "dark mode", 1.0)
    }


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("Do you want coffee?", "no thanks"),  # an offer
        ("How was your weekend?", "I loved it"),  # no taste asked
        ("Do you like sushi?", "My sister does, I never tried it and I'm not sure honestly"),
    ],
)
def test_no_taste_is_read_from_an_answer_that_states_none(question: str, answer: str) -> None:
    session = [said(1, question, "u-lena"), said(2, answer, "u-jo")]
    assert list(EXTRACTOR.extract(session)) == []


def test_ones_own_question_is_not_answered_by_oneself() -> None:
    session = [said(1, "Do you like sushi?"), said(2, "yes")]
    assert list(EXTRACTOR.extract(session)) == []


@pytest.mark.parametrize(
    ("question", "answer", "key", "quote"),
    [
        ("Do you like your job?", "I do", "job", "I do"),
        ("Do you enjoy your new flat?", "yes, a lot", "new flat", "yes"),
        ("Do you like your job?", "I love it", "job", "I love it"),
    ],
)
def test_your_thing_in_the_other_speakers_question_is_the_answerers_own(
    question: str, answer: str, key: str, quote: str
) -> None:
    for asker in (said(1, question, "u-lena"), bot(1, question)):
        (signal,) = EXTRACTOR.extract([asker, said(2, answer, "u-jo")])
        assert (signal.actor, signal.key, signal.polarity) == ("u-jo", key, 1.0)
        assert [(e.event_id, e.quote) for e in signal.evidence] == [("e2", quote)]


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("Do you like my idea?", "yes!"),  # the asker's thing: a reaction to them
        ("Do you like how I explained it?", "I do"),
        ("Do you like our new dashboard?", "yes, a lot"),
        ("Do you like your job?", "I love how you explained that"),  # said to the listener
        ("Do you like sushi?", "I love how you explained that"),
        ("Do you like your job?", "I love your idea"),
    ],
)
def test_an_answer_that_reacts_to_the_asker_is_no_taste(question: str, answer: str) -> None:
    session = [bot(1, question), said(2, answer, "u-jo")]
    assert list(EXTRACTOR.extract(session)) == []


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("Do you like how patient I am?", "yes"),
        ("Do you like how patient I am?", "I do"),
        ("Do you like working with me?", "yes"),
        ("Do you like that I'm always on time?", "yes!"),
        ("Do you like how I write?", "I do"),
        ("Do you like the songs I sent you?", "yes"),
        ("Do you like my idea?", "not really"),  # the asker's own thing, disliked
    ],
)
def test_a_question_about_the_asker_answered_is_a_reaction_to_them(
    question: str, answer: str
) -> None:
    session = [said(1, question, "u-lena"), said(2, answer, "u-jo")]
    assert list(EXTRACTOR.extract(session)) == []


@pytest.mark.parametrize(
    ("question", "answer", "key", "polarity"),
    [
        ("Do you like hiking as much as I do?", "yes", "hiking", 1.0),  # a comparison
        ("Do you like sushi, or should I order pizza?", "yes", "sushi", 1.0),
        ("Do you like our new dashboard?", "no, too cluttered", "new dashboard", -1.0),
    ],
)
def test_the_asker_named_beside_the_object_leaves_the_answerers_taste(
    question: str, answer: str, key: str, polarity: float
) -> None:
    for asker in (said(1, question, "u-lena"), bot(1, question)):
        (signal,) = EXTRACTOR.extract([asker, said(2, answer, "u-jo")])
        assert (signal.actor, signal.key, signal.polarity) == ("u-jo", key, polarity)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("I prefer type hints everywhere, even in small scripts.", {"type hints everywhere": 1.0}),
        (
            "I'm not a fan of one-letter variable names, please use descriptive ones.",
            {"one-letter variable names": -1.0},
        ),
        ("I don't mind long answers as long as they're accurate.", {"long answers": 0.5}),
        ("I love tea, especially green tea", {"tea": 1.0, "green tea": 1.0}),
    ],
)
def test_a_qualification_or_a_request_after_a_taste_is_no_item_of_it(
    text: str, found: dict[str, float]
) -> None:
    assert keyed(say(text)) == found


@pytest.mark.parametrize(
    "text",
    [
        "I cancelled the trial because it was too expensive for me.",
        "We're moving to Notion because Confluence is too slow.",
    ],
)
def test_a_reason_is_no_object_of_a_judgement(text: str) -> None:
    assert not [s for s in say(text) if s.key.startswith("because")]


@pytest.mark.parametrize(
    "text",
    [
        "I love that you added two-factor auth, finally!",
        "I love how fast you answered!",
        "I hate that you changed the shortcuts without warning.",
        "I hate to bother you again, but the sync failed.",
        "I love working with you guys",
    ],
)
def test_the_listeners_act_or_the_listener_at_the_end_is_no_taste(text: str) -> None:
    assert say(text) == []


def test_a_taste_in_how_the_listener_answers_still_stands() -> None:
    assert keyed(say("I like it when you use bullet points")) == {"bullet points": 1.0}


@pytest.mark.parametrize(
    ("answer", "polarity", "quote"),
    [("Honestly, not really", -1.0, "not really"), ("haha yes", 1.0, "haha yes")],
)
def test_a_yes_or_no_after_a_discourse_marker_answers(
    answer: str, polarity: float, quote: str
) -> None:
    session = [said(1, "Do you like working remotely?", "u-lena"), said(2, answer, "u-jo")]
    (signal,) = EXTRACTOR.extract(session)
    assert (signal.actor, signal.key, signal.polarity) == ("u-jo", "working remotely", polarity)
    assert [e.quote for e in signal.evidence] == [quote]


@pytest.mark.parametrize(
    ("text", "key", "polarity"),
    [
        (
            "Please can you answer me always in short sentences, my english is not so good.",
            "answer in short sentences",
            1,
        ),
        ("Could you reply to me in French from now on?", "reply in french", 1),
        ("Can you never use tables?", "tables", -1),
        (
            "I need you to state your uncertainty when the sources disagree.",
            "state your uncertainty",
            1,
        ),
        ("We'd like you to cite the source every time.", "cite the source", 1),
        ("Please explain with examples, I learn better that way.", "explain with examples", 1),
        (
            "I want you to flag your assumptions if the data is incomplete.",
            "flag your assumptions",
            1,
        ),
    ],
)
def test_a_standing_request_to_the_listener_is_a_preference(text, key, polarity):
    found = keyed(say(text))
    assert found.get(key) == polarity, found


@pytest.mark.parametrize(
    "text",
    [
        "Can you fix this?",
        "Could you explain the error?",
        "I need you to explain the error.",
        "Please add John to the team.",
        "Can you tell me if this is right?",
        "Please write this again.",
        "Can you explain this, I never understand it.",
    ],
)
def test_a_request_made_once_is_no_standing_preference(text):
    assert say(text) == []


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("Did you enjoy the trip?", "yes"),
        ("Did you guys enjoy the food?", "yes!"),
        ("How did you like the concert?", "I loved it"),
        ("Did you like the movie?", "yes, a lot"),
    ],
)
def test_a_yes_to_an_experience_that_is_over_is_no_taste(question: str, answer: str) -> None:
    assert list(EXTRACTOR.extract([bot(1, question), said(2, answer)])) == []


def test_an_answer_about_a_past_experience_still_names_its_own_taste() -> None:
    session = [bot(1, "Did you enjoy the trip?"), said(2, "yes, I love road trips")]
    assert keyed(list(EXTRACTOR.extract(session))) == {"road trips": 1.0}
    session = [bot(1, "Do you like hiking?"), said(2, "yes")]
    assert keyed(list(EXTRACTOR.extract(session))) == {"hiking": 1.0}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "Please cite the table and the query you used next time",
            "cite the table and the query",  # the relative clause ends the object (v33)
        ),
        (
            "Could you list the steps and the files you touched from now on?",
            "list the steps and the files",
        ),
    ],
)
def test_a_standing_request_runs_on_over_a_coordinated_object(text: str, key: str) -> None:
    assert keyed(say(text)) == {key: 1.0}


@pytest.mark.parametrize(
    "text",
    [
        "Please cite sources and the answer will be better next time",
        "Please cite the sources and I will check them next time",
    ],
)
def test_a_new_clause_after_a_request_is_not_its_object(text: str) -> None:
    assert say(text) == []


def test_always_include_the_command_is_a_standing_request() -> None:
    (signal,) = say("Please always include the command I need to run")
    assert (signal.key, signal.value, signal.polarity) == (
        "command",  # the relative clause ends the object (v33)
        "asks always to include command",
        1.0,
    )


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("I like when you use bullet points", {"bullet points": 1.0}),
        ("I really like when you give me examples", {"examples": 1.0}),
        ("I hate it when you add disclaimers", {"disclaimers": -1.0}),
        ("I love it when you always cite sources", {"cite sources": 1.0}),
        ("I love when you try something new", {}),  # the listener's act: a reaction to them
        ("I don't like when you use jargon", {"jargon": -1.0}),
        ("I love it when my kids laugh", {"kids laugh": 1.0}),
    ],
)
def test_the_listeners_act_after_when_is_a_taste_in_what_they_do(text, found) -> None:
    assert keyed(say(text)) == found


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I prefer JSON output from your tool", "json output"),
        ("I love the dark theme in your mobile app", "dark theme"),
        ("I like the export on your side", "export"),
        ("I love working with your app", "working with your app"),
        ("I prefer answers in your own words", "answers in your own words"),
        ("I love salad with dressing on the side", "salad with dressing on the side"),
    ],
)
def test_a_last_phrase_pointing_at_the_product_is_left_out_of_the_key(text, key) -> None:
    assert keyed(say(text)) == {key: 1.0}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("I like coffee after we eat", {"coffee": 1.0}),
        ("I prefer tea if I'm tired", {"tea": 1.0}),
        ("I love a walk after dinner", {"walk after dinner": 1.0}),
        ("I'd like to export my notes before I cancel", {}),
    ],
)
def test_a_clause_of_time_or_condition_ends_the_object(text, found) -> None:
    assert keyed(say(text)) == found


@pytest.mark.parametrize(
    ("question", "answer", "key", "polarity"),
    [
        ("Are you into jazz?", "yes", "jazz", 1.0),
        ("Are you a fan of horror movies?", "yes!", "horror movies", 1.0),
        ("are you a big fan of musicals?", "not really", "musicals", -1.0),
        ("Are you still into board games?", "absolutely", "board games", 1.0),
        ("You into hiking?", "yeah", "hiking", 1.0),
        ("Are you keen on spicy food?", "nah", "spicy food", -1.0),
    ],
)
def test_a_yes_or_no_to_a_taste_asked_with_be_names_its_topic(
    question: str, answer: str, key: str, polarity: float
) -> None:
    session = [said(1, question, "u-lena"), said(2, answer, "u-jo")]
    (signal,) = EXTRACTOR.extract(session)
    assert (signal.actor, signal.key, signal.polarity) == ("u-jo", key, polarity)
    assert [e.event_id for e in signal.evidence] == ["e2"]


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("Are you up for a game tonight?", "yes"),  # an invitation
        ("Were you into it back then?", "yes"),  # a past experience
        ("Are you happy with the result?", "yes"),  # a thing at hand
    ],
)
def test_a_yes_to_an_offer_or_a_thing_at_hand_asked_with_be_is_no_taste(question, answer) -> None:
    session = [said(1, question, "u-lena"), said(2, answer, "u-jo")]
    assert list(EXTRACTOR.extract(session)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Please cite the table, and the query you used, next time",
        "Please cite the table and the query you used, next time",
        "Please cite the table, and the query you used next time",
    ],
)
def test_a_standing_request_runs_on_over_an_object_set_off_by_commas(text: str) -> None:
    (signal,) = say(text)
    assert (signal.key, signal.value) == (
        "cite the table and the query",  # the relative clause ends the object (v33)
        "asks always to cite the table and the query",
    )
    (cited,) = signal.evidence
    assert cited.quote.startswith("Please cite the table") and cited.quote.endswith("you used")


def test_a_standing_request_runs_on_over_a_list_of_objects() -> None:
    (signal,) = say("Please cite the source, the page and the date from now on")
    assert signal.key == "cite the source, the page and the date"


def test_a_new_clause_after_a_comma_is_not_the_requests_object() -> None:
    assert say("Please cite the table, and the answer will be better next time") == []


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("I love to cite sources", "cite sources", "loves to cite sources"),
        ("I don't like to wait", "wait", "does not like to wait"),
        ("I prefer to get short answers", "get short answers", "prefers to get short answers"),
        ("I look forward to the weekend", "weekend", "looks forward to weekend"),
        ("I like it when you cite sources", "cite sources", "likes it when you cite sources"),
        (
            "I love when you explain things step by step",
            "explain things step by step",
            "loves it when you explain things step by step",
        ),
    ],
)
def test_a_verb_for_object_reads_with_its_to_or_its_subject(text, key, value) -> None:
    (signal,) = say(text)
    assert (signal.key, signal.value) == (key, value)


def test_a_verb_asked_about_or_agreed_to_reads_with_its_to() -> None:
    session = [said(1, "Do you like to cook?", "u-lena"), said(2, "yes", "u-jo")]
    assert [s.value for s in EXTRACTOR.extract(session)] == ["likes to cook"]
    assert [s.value for s in say("you like to party? I sure do!")] == ["likes to party"]


@pytest.mark.parametrize(
    "text",
    [
        "I loved the trip",
        "I enjoyed the concert last night",
        "I really enjoyed our trip to Paris",
        "I didn't like the movie",
        "We hated the hotel",
        "I enjoyed a long walk yesterday",
        "I went to the fair on Saturday. I loved it!",
        "I was a big fan of the show",
    ],
)
def test_how_one_past_occasion_went_is_no_standing_taste(text: str) -> None:
    assert say(text) == []


@pytest.mark.parametrize(
    ("text", "key", "sign"),
    [
        ("I love road trips", "road trips", 1.0),
        ("I've always loved concerts", "concerts", 1.0),
        ("I always loved the beach", "beach", 1.0),
        ("I never liked crowds", "crowds", -1.0),
        ("I loved hiking as a kid", "hiking", 1.0),
        ("I'm addicted to the internet", "internet", 1.0),
        ("I got into the show", "show", 1.0),
        ("I love the beach", "beach", 1.0),
    ],
)
def test_a_taste_kept_up_or_of_a_kind_of_thing_stands(text: str, key: str, sign: float) -> None:
    assert keyed(say(text)) == {key: sign}


def values(text: str) -> dict[str, str]:
    return {signal.key: signal.value for signal in say(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the item stands in for the verb's object
        (
            "I want to spend more time in my hometown, Lisbon",
            {
                "spend more time in my hometown": "wants to spend more time in my hometown",
                "spend more time in lisbon": "wants to spend more time in lisbon",
            },
        ),
        (
            "I like to bake bread, pies and cookies",
            {
                "bake bread": "likes to bake bread",
                "bake pies": "likes to bake pies",
                "bake cookies": "likes to bake cookies",
            },
        ),
        # a verb of its own, or an "-ing" form, is an item of its own
        (
            "I love to paint landscapes, read novels and play chess",
            {
                "paint landscapes": "loves to paint landscapes",
                "read novels": "loves to read novels",
                "play chess": "loves to play chess",
            },
        ),
        (
            "I like to knit scarves, and gardening",
            {"knit scarves": "likes to knit scarves", "gardening": "likes gardening"},
        ),
        # after a bare verb the items are verbs
        (
            "I like to ski, skate and climb",
            {"ski": "likes to ski", "skate": "likes to skate", "climb": "likes to climb"},
        ),
    ],
)
def test_a_list_item_after_an_infinitive_reads_with_its_verb(
    text: str, expected: dict[str, str]
) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "Please always round prices, and totals, to two decimals",
            "round prices and totals to two decimals",
        ),
        (
            "Always label the axes, and the units, in charts",
            "label the axes and the units in charts",
        ),
        (
            "Please never abbreviate names, or places, in the summary",
            "abbreviate names or places in the summary",
        ),
    ],
)
def test_a_standing_request_runs_on_over_what_only_adds_to_its_object(text: str, key: str) -> None:
    found = say(text)
    assert [signal.key for signal in found] == [key]
    assert found[0].evidence[0].quote == text


def test_a_standing_request_does_not_run_on_over_a_clause_of_its_own() -> None:
    assert keyed(say("Please always round prices, and I will check them")) == {"round prices": 1.0}


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        (
            "I want you to double-check my math",
            "double-check my math",
            "wants you to double-check my math",
        ),
        ("I'd like you to show me examples", "examples", "would like you to show me examples"),
        ("I'd prefer you to quote the law", "quote the law", "would prefer you to quote the law"),
    ],
)
def test_what_the_listener_is_to_do_is_keyed_without_them(text: str, key: str, value: str) -> None:
    assert values(text) == {key: value}


def test_a_request_of_the_moment_to_the_listener_is_no_taste() -> None:
    assert say("I want you to know that I'm grateful") == []


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I got into pottery last summer", "pottery"),
        ("I started to love sushi two years ago", "sushi"),
        ("I've enjoyed chess since 2015", "chess"),
        ("I became a fan of salsa dancing in 2019", "salsa dancing"),
        ("I really enjoy climbing recently", "climbing"),
        ("I loved cartoons as a child", "cartoons"),
        ("I enjoy sunday morning runs", "sunday morning runs"),
        ("I like the last week of term", "last week of term"),
    ],
)
def test_a_time_said_of_a_taste_is_cut_from_its_key(text: str, key: str) -> None:
    assert list(keyed(say(text))) == [key]


@pytest.mark.parametrize(
    "text",
    [
        "The gig was fantastic",
        "that museum was boring",
        "The hotel was awful",
        "We went to the lake. It was gorgeous",
        "Lunch was delicious yesterday",
    ],
)
def test_a_past_evaluation_of_one_occasion_is_no_taste(text: str) -> None:
    assert say(text) == []


@pytest.mark.parametrize(
    ("text", "key", "sign"),
    [
        ("Sushi is delicious", "sushi", 1.0),
        ("Country music is the worst", "country music", -1.0),
        ("Road trips were always fun", "road trips", 1.0),
    ],
)
def test_a_generic_evaluation_is_a_taste(text: str, key: str, sign: float) -> None:
    assert keyed(say(text)) == {key: sign}


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("Being honest is really important to me", "being honest", "values being honest"),
        ("Gardening means so much to me", "gardening", "values gardening"),
        ("Loyalty matters to me", "loyalty", "values loyalty"),
        (
            "Playing the piano brings me joy",
            "playing the piano",
            "is made happy by playing the piano",
        ),
        ("Knitting helps me unwind", "knitting", "enjoys knitting"),
    ],
)
def test_what_matters_or_brings_joy_is_a_taste(text: str, key: str, value: str) -> None:
    assert values(text) == {key: value}


@pytest.mark.parametrize(
    "text",
    [
        "Thanks so much! It means a lot to me",
        "Your kind words mean a lot to me",
        "It's important to me that everyone is safe",
    ],
)
def test_thanks_and_extraposed_values_name_no_taste(text: str) -> None:
    assert say(text) == []
