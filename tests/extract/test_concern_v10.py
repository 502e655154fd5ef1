"""persona6.concern.v10: concerns asked in shapes as well as in words (whether a thing is safe,
a risk of harm, who can see or hear one's records and where they are kept), worry frames that ask
as a question does, idioms that hold a cue word in another sense, and paying too much as cost."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import concern
from persona6.extract.text import load_lexicon


def keys(text: str) -> set[str]:
    return {signal.key for signal in extracted(concern.NAME, text)}


def test_the_producer_is_v10() -> None:
    assert concern.NAME == "persona6.concern.v31"
    assert load_lexicon("concerns")["version"] == 31


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # whether a thing is safe, whatever words come between
        ("Is the rooftop disconnect switch safe for firefighters?", {"safety"}),
        ("Will the kids be safe near the panels?", {"safety"}),
        ("Are e-bikes safe in the rain?", {"safety"}),
        # a risk beside a harm to a body or a home
        ("Is there any fire risk with panels on an old roof?", {"safety"}),
        ("Is there a risk of electric shock if I touch the inverter?", {"safety"}),
        ("Can the battery catch fire?", {"safety"}),
        ("Can the panels electrocute someone?", {"safety"}),
        # after a worry frame, as in a question
        ("I worry the switch isn't safe for firefighters.", {"safety"}),
        # as before
        ("I'm worried about the safety of the panels", {"safety"}),
        ("Is it safe for my kids to use the trampoline?", {"safety"}),
    ],
)
def test_asking_whether_a_thing_is_safe_is_a_safety_concern(text: str, found: set[str]) -> None:
    assert keys(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a safe thing of computers is security, of files or deleting data loss
        ("Is my account safe?", {"security"}),
        ("Is it safe to pay by card here?", {"security"}),
        ("Is it safe to delete this file?", {"data_loss"}),
        ("Are my files safe if I uninstall the app?", {"data_loss"}),
        # a risk of no harm, and idioms of the language
        ("Is there any risk the project slips?", set()),
        ("Is there a risk of getting fired?", set()),
        ("It's safe to say we love it.", set()),
        ("Is it safe to say you liked it?", set()),
        ("Is it safe to assume the install is next week?", set()),
        ("Did you get home safe?", set()),
        ("Should I risk it?", set()),
        # a bill or a price explodes figuratively: no safety (a worry about the bill is cost
        # from concern.v19, a topic worried about)
        ("I'm worried the bill will explode if we add more seats.", {"cost"}),
        # "safe" not asked: no concern
        ("The panels are safe and the roof is fine.", set()),
        ("I hope you're safe.", set()),
    ],
)
def test_a_safe_of_another_sense_or_no_question_is_no_safety(text: str, found: set[str]) -> None:
    assert keys(text) == found


@pytest.mark.parametrize(
    "text",
    [
        "Where are my recordings stored, and who is able to listen to them?",
        "Who is able to listen to my recordings?",
        "Who else could read my messages?",
        "Who gets access to the transcripts?",
        "Where is the audio kept?",
        "Where do you keep my photos?",
        "Can anyone else see my notes?",
        "Do your tutors listen to our recordings?",
        "I'm worried about where my recordings are stored.",
    ],
)
def test_asking_who_can_see_or_hear_ones_records_or_where_they_are_kept_is_privacy(
    text: str,
) -> None:
    assert keys(text) == {"privacy"}


@pytest.mark.parametrize(
    "text",
    [
        # the speaker's own act asks how, a place of things asks nothing of privacy
        "Where do I store my files?",
        "Where should I save my notes?",
        "Where are the batteries stored?",
        "Where can I find my lesson plan?",
        "Who can help me with the panels?",
        # not asked
        "My recordings are stored on my phone.",
        "I listen to my recordings every night.",
    ],
)
def test_other_questions_of_where_and_who_are_no_privacy(text: str) -> None:
    assert "privacy" not in keys(text)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("I'm concerned we paid too much for what we're saving.", {"cost"}),
        ("I'm worried we overpaid for the install.", {"cost"}),
        ("We spent too much on the install.", {"cost"}),
        # a worry frame asks as a question does: "how much" of money
        ("I'm concerned about how much we paid.", {"cost"}),
        # of time, effort or attention it is no cost
        ("I spent too much time on this.", set()),
        ("I paid too much attention to the reviews.", set()),
        ("I'm worried about how much water they need.", set()),
        ("I love how much you do for us.", set()),
    ],
)
def test_paying_too_much_is_cost(text: str, found: set[str]) -> None:
    assert keys(text) == found


def test_a_worry_about_paying_too_much_weighs_as_a_worry() -> None:
    (signal,) = extracted(concern.NAME, "I'm concerned we paid too much for what we're saving.")
    assert signal.value == "worried about cost"
    assert signal.weight == concern.BASE_WEIGHT + concern.WORRY_BONUS


def test_every_question_shape_names_a_concern_and_a_word_it_holds() -> None:
    data = load_lexicon("concerns")
    for shape in data["questions"]:
        assert shape["concern"] in data["concerns"]
        assert shape["words"] and all(str(w) == str(w).lower() for w in shape["words"])
