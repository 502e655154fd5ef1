"""persona6.failure.v18: more kinds of breakage report, and a retry that names its act. Not
being able to do the product's act on a thing ("I can't download the lease"); an HTTP status
code the product gives ("the link gives a 404"); a thing of the product gone after an act on it
("vanished when I exported"); a part that stopped its own act ("stopped recording"); the
product's stated state contradicted ("says 'charging' but nothing ..."); a part degrading in
use ("drifts out of time", "lags", "freezes up"); and "try <the act> again" is a retry.

From the eleventh end-to-end probe (development data after its measurement: fb03, fb05, fb07,
fb08, fb09, fr01), each class told here in domains the probe did not use, with the neighbours
(people, the body, weather, the mind, feelings) that must stay as they were."""

from __future__ import annotations

import pytest
from helpers import did, got, said
from helpers import failure_episodes as episodes

from persona6.extract.failure import FailureExtractor


def test_the_producer_is_v18() -> None:
    assert FailureExtractor.name == "persona6.failure.v38"


def reported(text: str) -> bool:
    return [key for key, _ in episodes([said(1, text)])] == ["user_reported"]


def not_reported(text: str) -> bool:
    return episodes([said(1, text)]) == []


# -- 1. Unable to do the product's act on a thing --------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I can't download the wedding photo gallery.",
        "We couldn't import the shared seating chart this morning.",
        "I still can't export my running playlist.",
        "i cannot attach the scanned passport page",
    ],
)
def test_unable_to_do_the_products_act_is_a_report(text: str) -> None:
    assert reported(text)  # was none


@pytest.mark.parametrize(
    "text",
    [
        "I can't decide between the two venues.",
        "I can't open the door, my hands are full.",
        "I can't open my eyes in the morning light.",
        "I can't remember the title of the book.",
        "We can't send our son to that school.",
    ],
)
def test_the_mind_the_body_and_the_world_stay_no_report(text: str) -> None:
    assert not_reported(text)


# -- 2. An HTTP status code as what the product gives ----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The recipe share link returns a 500.",
        "I keep hitting a 403 on the volunteer rota.",
        "the gallery page gives me a 404 now",
        "Checkout says 502 bad gateway.",
    ],
)
def test_an_http_status_code_is_a_report(text: str) -> None:
    assert reported(text)  # was none


@pytest.mark.parametrize(
    "text",
    [
        "She gave a 500 pound deposit for the hall.",
        "We got 400 signatures on the petition.",
        "The race is 404 km from start to finish.",
    ],
)
def test_a_number_of_things_is_no_status_code(text: str) -> None:
    assert not_reported(text)


# -- 3. A thing of the product gone after an act on it ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "My saved playlists vanished when I logged in on the tablet.",
        "The guest list disappeared after I renamed the event.",
        "All my bird sightings are gone since I synced the phone.",
        "The practice log disappeared after the update.",
    ],
)
def test_a_thing_gone_after_an_act_on_it_is_a_report(text: str) -> None:
    assert reported(text)  # was none


@pytest.mark.parametrize(
    "text",
    [
        "My enthusiasm vanished when I opened the bill.",
        "My headache disappeared after I slept.",
        "The sun disappeared when we reached the summit.",
        "My sister vanished when I asked for help with the move.",
    ],
)
def test_feelings_the_body_weather_and_people_gone_are_no_report(text: str) -> None:
    assert not_reported(text)


# -- 4. A part of the product that stopped its own act ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Sleep tracker stopped recording at 3am.",
        "The step counter has stopped counting since Monday.",
        "My glucose sensor app suddenly stopped logging.",
        "Notifications stopped coming through after lunch.",
    ],
)
def test_a_part_that_stopped_its_act_is_a_report(text: str) -> None:
    assert reported(text)  # was none


@pytest.mark.parametrize(
    "text",
    [
        "The rain stopped falling around noon.",
        "I stopped recording my workouts in March.",
        "My dad stopped responding to texts.",
        "My heart stopped racing after a while.",
        "We stopped tracking our spending last year.",
    ],
)
def test_people_the_body_and_weather_stopping_are_no_report(text: str) -> None:
    assert not_reported(text)


# -- 5. The product's stated state contradicted ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The tracker shows 'delivered' but there's no parcel at the door.",
        "The thermostat app says heating on but nothing is warming up.",
        "It says 'backed up' but no photos are in the cloud.",
    ],
)
def test_a_stated_state_contradicted_is_a_report(text: str) -> None:
    assert reported(text)  # was none


@pytest.mark.parametrize(
    "text",
    [
        "My doctor says it's fine but nothing has changed.",
        "The forecast said sunny but no one believed it.",
        "The recipe says 20 minutes and it took 20 minutes.",
    ],
)
def test_a_person_or_the_world_saying_is_no_report(text: str) -> None:
    assert not_reported(text)


# -- 6. A part of the product degrading in use -----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The karaoke lyrics drift out of sync after the first verse.",
        "The drawing canvas lags whenever I zoom in.",
        "The seat map locks up when I pick a row.",
        "The subtitle track keeps going out of sync.",
    ],
)
def test_a_part_degrading_in_use_is_a_report(text: str) -> None:
    assert reported(text)  # was none


@pytest.mark.parametrize(
    "text",
    [
        "My dad lags behind on long walks.",
        "My mind drifts off during meetings.",
        "The boat drifted off in the night.",
        "My back freezes up in the cold.",
    ],
)
def test_people_the_mind_and_the_world_degrading_are_no_report(text: str) -> None:
    assert not_reported(text)


# -- 7. "try <the act> again" is a retry -----------------------------------------------------


def after_failure(reaction: str) -> list[tuple[str, str]]:
    """The episodes of a failed upload followed by the person's ``reaction``."""
    session = [did(1, "upload_receipt", "receipt.jpg"), got(2, "upload_failed")]
    return episodes([*session, said(3, reaction)])


@pytest.mark.parametrize(
    "reaction",
    [
        "let me try sending the receipt again",
        "I'll try to upload it once more",
        "trying the scan one more time",
    ],
)
def test_trying_the_act_again_is_a_retry(reaction: str) -> None:
    assert after_failure(reaction) == [("upload_failed", "retry")]  # was switch


@pytest.mark.parametrize(
    ("reaction", "label"),
    [
        ("I'll try the desktop site instead.", "switch"),
        ("Not sure, trying again", "retry"),
    ],
)
def test_another_way_and_a_plain_retry_stay(reaction: str, label: str) -> None:
    assert after_failure(reaction) == [("upload_failed", label)]
