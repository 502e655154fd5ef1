"""persona6.failure.v16: a part of the product named by its own name is a report's subject ("The
route planner froze", "Your CV upload button does nothing"), not a thing of the person's world
(the body, nature, vehicles, food, markets, plans) nor a person; the product's own message of
failure quoted as what a part says; what was due not done since a time ("hasn't synced since
Tuesday"); wrong output judged so ("gives me X which is obviously wrong"); a person not working
(or a life that "didn't work out") is no report; and giving up with a judgement of the product
is giving up.

From the tenth end-to-end probe (fb03-fb05, fb07, fb09, fb10, fr05), each rule told here in
domains the probe did not use, with the neighbours that must stay as they were."""

from __future__ import annotations

import pytest
from helpers import did, got, said
from helpers import failure_episodes as episodes
from helpers import failure_labels as labels

from persona6.extract.failure import FailureExtractor, Reaction


def test_the_producer_is_v16() -> None:
    assert FailureExtractor.name == "persona6.failure.v38"


def reported(text: str) -> bool:
    return [key for key, _ in episodes([said(1, text)])] == ["user_reported"]


# -- 1. A part of the product by its own name ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The seating chart generator crashed when I added the last table.",
        "Our shift rota builder keeps freezing on Mondays.",
        "The invoice template editor froze halfway through.",
        "The chord transposer timed out again.",
        "The flashcard deck importer just hangs.",
        "the tide table widget crashed",
        "The garden planner froze.",  # a world word as a modifier: the head decides
        "The car rental app crashed.",
        "The password manager froze.",  # a person's role after a modifier is a program
        "Uploading my vaccination records fails at 80% every time.",
        "Your meal plan export button does nothing in Safari.",
        "the ferry booking page does nothing when I press pay",
    ],
)
def test_a_part_named_by_its_own_name_is_a_report(text: str) -> None:
    assert reported(text)  # was none


@pytest.mark.parametrize(
    "text",
    [
        "My knee froze halfway up the climb.",
        "My left knee froze.",
        "The lake froze last night.",
        "The lake finally froze.",
        "The pipes froze overnight.",
        "The ice on the pond froze solid.",
        "My car crashed into a wall.",
        "The old oak tree crashed onto the shed.",
        "The stock market crashed in 2008.",
        "The harvest failed this year.",
        "My kidneys failed.",
        "The sun went down.",
        "My back froze up.",
        "My son failed his driving test.",
        "my grandad froze when he saw the bill",
        "my manager froze",
        "my toddler does nothing but scream.",
        "my brother does nothing all day",
        "this cream does nothing for my skin",
    ],
)
def test_the_body_people_and_things_of_the_world_are_no_part(text: str) -> None:
    assert episodes([said(1, text)]) == []  # most were user_reported


@pytest.mark.parametrize(
    "text",
    [
        "The app froze.",
        "My laptop froze.",
        "The upload button does nothing on Firefox.",
        "My knee froze and then the app crashed.",  # the app still reports
        "the voice assistant timed out",
    ],
)
def test_things_of_the_product_and_devices_stay_reports(text: str) -> None:
    assert reported(text)


# -- 2. The product's message of failure, quoted ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The expense scanner keeps saying 'receipt unreadable, try again'.",
        'The bird ID app keeps showing "upload failed" whatever photo I use.',
        "The visa checklist page says: document not found.",
        "the parking permit form just says 'plate number invalid'",
    ],
)
def test_a_part_quoting_its_own_failure_is_a_report(text: str) -> None:
    assert reported(text)  # was none


@pytest.mark.parametrize(
    "text",
    [
        "my mum keeps saying 'try again next year'",
        "The coach keeps saying 'you failed the drill'.",
        "the sign says: closed",
        "The guide says 'the trail is closed in winter'.",
    ],
)
def test_a_person_or_a_quote_without_failure_is_no_report(text: str) -> None:
    assert episodes([said(1, text)]) == []


# -- 3. What was due, not done since a time --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The step counter hasn't updated in three days.",
        "My garden journal hasn't synced since the weekend.",
        "The nightly backup hasn't run for a week.",
        "it hasn't worked since the update",
    ],
)
def test_what_was_due_not_done_since_a_time_is_a_report(text: str) -> None:
    assert reported(text)  # was none


@pytest.mark.parametrize(
    "text",
    [
        "My son hasn't called since Tuesday.",
        "The file hasn't uploaded yet.",  # still under way
        "My knee hasn't worked properly since the fall.",
        "It hasn't rained since Tuesday.",
    ],
)
def test_people_the_body_and_what_is_under_way_are_no_such_report(text: str) -> None:
    assert episodes([said(1, text)]) == []


# -- 4. Wrong output, judged so --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The lap timer shows 3 minutes for a 400m which is obviously wrong.",
        "The currency converter gave me 1 euro = 40 dollars, which can't be right.",
        "The weather app says it's 45 degrees in Oslo which is clearly wrong.",
        "The dosage calculator gives 2.5 ml, which isn't right.",
    ],
)
def test_wrong_output_judged_so_is_a_report(text: str) -> None:
    assert reported(text)  # was none


@pytest.mark.parametrize(
    "text",
    [
        "My teacher gave me a grade which is wrong.",
        "He gave me directions that were wrong.",
        "The textbook gives an answer that is wrong.",
        "The quiz gave me a score which is right.",
    ],
)
def test_people_printed_matter_and_right_output_are_no_such_report(text: str) -> None:
    assert episodes([said(1, text)]) == []


# -- 5. A person not working -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "i do not work , but i like crafts",
        "i recently broke my arm so i am not working",
        "I can't work with a broken wrist.",
        "We don't work on Sundays.",
        "It's disheartening not knowing why it didn't work out.",  # life, not the product
        "Our plans didn't work out.",
    ],
)
def test_a_person_not_working_is_no_report(text: str) -> None:
    assert episodes([said(1, text)]) == []  # were user_reported


@pytest.mark.parametrize(
    "text",
    [
        "it does not work",
        "The scanner doesn't work anymore.",
        "The export doesn't work out of the box.",
    ],
)
def test_a_thing_not_working_stays_a_report(text: str) -> None:
    assert reported(text)


# -- 6. Giving up with a judgement -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I give up, this is useless.",
        "This app is hopeless, I quit.",
        "So frustrating. I'm done with this.",
        "ugh, never mind",
    ],
)
def test_giving_up_with_a_judgement_is_abandon(text: str) -> None:
    assert labels(text) == {Reaction.ABANDON}  # the first three were complain too


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("This is useless.", {Reaction.COMPLAIN}),
        ("I won't give up, but this is useless.", {Reaction.COMPLAIN}),
        ("This is useless, let me talk to a person.", {Reaction.ESCALATE, Reaction.COMPLAIN}),
        ("This is useless. If it happens again I'm leaving.", {Reaction.COMPLAIN}),
    ],
)
def test_a_judgement_without_giving_up_still_complains(text: str, label: set[Reaction]) -> None:
    assert labels(text) == label


def test_giving_up_after_a_failed_upload_is_abandon() -> None:
    session = [
        did(1, "upload", "stems.zip"),
        got(2, "upload_failed"),
        said(3, "I give up, this is useless."),
    ]
    assert episodes(session) == [("upload_failed", "abandon")]  # was complain


@pytest.mark.parametrize(
    ("reaction", "label"),
    [
        ("Trying again.", "retry"),
        ("I uploaded it through the website myself.", "self_fix"),
        ("I'll use Dropbox instead.", "switch"),
        ("Can I speak to someone from support?", "escalate"),
        ("This is ridiculous, it failed again.", "complain"),
        ("Never mind, I'll do it tomorrow.", "abandon"),
    ],
)
def test_reactions_to_a_failure_are_read_as_before(reaction: str, label: str) -> None:
    session = [did(1, "upload", "stems.zip"), got(2, "upload_failed"), said(3, reaction)]
    assert episodes(session) == [("upload_failed", label)]
