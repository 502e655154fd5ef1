"""persona6.failure.v19: breakage and reactions read by word classes of English, not by listed
sentences. A report is a part of the product (or a bare noun phrase opening a sentence) then a
malfunction verb in any tense, a negated act of the product (with or without the apostrophe),
a judgement that it is broken now, wrong or senseless output, its stated state denied ("says X
but Y"), or what the person made wiped or duplicated after an act. The reactions: a retry that
gives the act another go, a fix said without a subject or told by its means, asking whom to
reach, giving up by a bare imperative, and the line between self_fix and switch
(docs/behavior.md): doing the failed job by hand or in another tool is switch, a repair of the
product's path self_fix (the demo review's CSV export and manual upload).

Sentences of domains neither probe 11 nor the review used, with the neighbours (people, given
names, the body, the world, films, shops, reported speech) that must stay as they were."""

from __future__ import annotations

import pytest
from helpers import did, got, said
from helpers import failure_episodes as episodes

from persona6.extract.failure import FailureExtractor


def test_the_producer_is_v19() -> None:
    assert FailureExtractor.name == "persona6.failure.v38"


def reported(text: str) -> bool:
    return [key for key, _ in episodes([said(1, text)])] == ["user_reported"]


def after_failure(reaction: str) -> list[tuple[str, str]]:
    """The episodes of a failed upload followed by the person's ``reaction``."""
    session = [did(1, "upload_receipt", "receipt.jpg"), got(2, "upload_failed")]
    return episodes([*session, said(3, reaction)])


@pytest.mark.parametrize(
    "text",
    [
        # a malfunction verb, any tense, lower case, no punctuation
        "the sleep tracker keeps resetting itself every night",
        "my budgeting app logs me out every time i switch tabs",
        "the meditation player keeps looping the same track",
        "the map screen goes blank when I zoom in",
        "the tuner drifts sharp after a minute",
        "Video calls keep dropping after five minutes",
        "the bidding page kicks me out every few minutes",
        "your booking widget double-booked the same slot after I confirmed",
        # a negated act of the product, with or without the apostrophe
        "the flashcard deck wont sync to my tablet",
        "the dictation feature doesnt work anymore",
        "Attendance register wont save the absences",
        "the leaderboard isnt updating",
        # judged broken now
        "the timer app is useless now",
        "the download link in your email is dead",
        # wrong or senseless output
        "the recipe scaler gets all the amounts wrong",
        "the translation widget shows gibberish for every Greek word",
        "The budget chart shows negative numbers that make no sense",
        "the pdf export comes out as garbage characters",
        "the chord chart export prints blank pages",
        # the stated state denied
        "Photo backup says complete but half my pictures aren't there",
        "the route tracker shows I walked 40 miles but I only went to the shop",
        # what the person made, wiped or duplicated after an act
        "the seating chart tool duplicated every guest after I imported the list",
        "my playlist got wiped when I changed phones",
    ],
)
def test_a_malfunction_of_a_part_of_the_product_is_reported(text: str) -> None:
    assert reported(text)  # was no episode


@pytest.mark.parametrize(
    "text",
    [
        "The river froze and the ferry stopped running.",  # was user_reported
        "the teacher says my essay is useless now",
        "Mike froze when he saw her at the door",
        "Sarah keeps crashing at my place this week",  # was user_reported
        "The restaurant got our order wrong again",
        "the pharmacy gave me the wrong dose",
        "The film shows a family that falls apart but never gives up",
        "the vet says she's fine but she still won't eat",
        "the witch is dead . i have a cat his name is speckles",
        "i love singing frozen but my favorite band is up . saw them in concert !",
        "The waves crashed against the rocks all night",  # was user_reported
        # unchanged neighbours
        "my car broke down on the motorway yesterday",
        "my back froze up after gardening",
        "what happens if the sync fails halfway?",
        "my friend says the app keeps crashing on her phone",
        "my motivation disappeared after the exam",
        "I stopped tracking my calories last month",
        "Traffic froze for an hour on the bridge",
        "Our conversation drifted to old times",
        "Grandpa keeps dropping off in his chair",
        "My hopes vanished when I saw the results",
        "my knees lag behind on long hikes these days",
        # a limit of the product the person works to (accept is a gate's act, not a function)
        "Please cut this abstract down to 250 words, the submission portal won't accept more.",
        # whether it could work, clothes that hang, times and options that do not suit
        'This cannot work based on "NAME_1" or "isVisible".',
        "Oversized graphic tees that hang loosely on your body.",
        "I'll go with the salad option. The others don't work for me.",
    ],
)
def test_people_the_body_and_the_world_report_no_breakage(text: str) -> None:
    assert episodes([said(1, text)]) == []


@pytest.mark.parametrize(
    ("reaction", "label"),
    [
        ("ill give the export another shot", "retry"),
        ("giving the upload one more try", "retry"),
        ("sorted it, I just restarted the app", "self_fix"),
        ("fixed - turned bluetooth off and on again", "self_fix"),
        ("all good, clearing my browser cookies did it", "self_fix"),
        ("turning off the VPN fixed it", "self_fix"),
        ("all sorted, had to re-enter my card details", "self_fix"),
        ("Who can I talk to about this?", "escalate"),
        ("who do i complain to about this", "escalate"),
        ("is there a phone number for support", "escalate"),
        ("what's the number for your helpline", "escalate"),
        ("Can you put me in touch with someone who can sort this out?", "escalate"),
        ("I need to talk to whoever runs this", "escalate"),
        ("nah leave it", "abandon"),
    ],
)
def test_a_reaction_is_read_by_its_grammar(reaction: str, label: str) -> None:
    assert after_failure(reaction) == [("upload_failed", label)]  # was switch


@pytest.mark.parametrize(
    "reaction",
    [
        # the failed job done by hand or in another tool (was self_fix, or abandon)
        "forget it, I'll just do it by hand",
        "never mind, I'll do the budget in Excel",
        "I'll export the CSV and upload it manually",
        "OK, I'll export the CSV and upload it to the gradebook manually.",
        "screw it, I'll use Google Sheets",
        "I'll just do it manually",
        "I did it manually",
        "I translated the letter by hand in the end.",
        "Never mind, I converted the recipe to grams by hand.",
        "typing them in by hand then",
    ],
)
def test_doing_the_job_by_hand_or_elsewhere_is_switch(reaction: str) -> None:
    assert after_failure(reaction) == [("upload_failed", "switch")]


@pytest.mark.parametrize(
    ("reaction", "label"),
    [
        # a repair of the product's path stays self_fix, by hand or not
        ("I corrected the totals manually", "self_fix"),
        ("we set the rate by hand", "self_fix"),
        ("I fix it myself in settings", "self_fix"),
        ("I worked around it by exporting from the old screen", "self_fix"),
        ("I'll resize the photos myself and upload them again", "self_fix"),
        # unchanged neighbours
        ("should I do it manually?", "abandon"),  # v21: no guessed switch; v22: silence
        ("never mind, not worth it", "abandon"),
        ("forget it, doesn't matter", "abandon"),
        ("let me try uploading the receipt again", "retry"),
        ("nothing fixed it", "abandon"),
        ("don't leave it like this please", "abandon"),
    ],
)
def test_a_repair_stays_self_fix_and_neighbours_stay(reaction: str, label: str | None) -> None:
    assert after_failure(reaction) == ([("upload_failed", label)] if label else [])


@pytest.mark.parametrize(
    "text",
    [
        # were self_fix in test_failure_v13 (v13 to v18): the job itself done by hand
        "I reformatted the table manually, all good.",
        "I've transcribed the recording by hand.",
        "Nevermind, I transcribed the invoice manually.",
    ],
)
def test_the_job_done_by_hand_is_switch_after_never_mind_too(text: str) -> None:
    session = [did(1, "convert_units", "recipe in grams"), got(2, "conversion_failed")]
    assert episodes([*session, said(3, text)]) == [("conversion_failed", "switch")]
