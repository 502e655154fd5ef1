"""persona6.failure.v20: three kinds of sentence that name a breakage of no part of the product.

A time, a date or a slot that does not work, suit or fit the person is their diary ("Tuesday
doesn't work for me", the old subjectless "doesn't work" cue); a thing of the home (furniture,
fixtures, small appliances, clothes, tools) stops or breaks in its own sense ("The old clock on
the wall stopped working"), also with a place after it; and a breakage of the far past (years
or decades ago, back in a year or a decade, in childhood or schooldays) is a story of the
person's life, not the product failing them now. Each with the neighbours that stay reports:
a time beside a part of the product, a part named after a thing of the home, a breakage days
or weeks ago, a second clause that turns to now."""

from __future__ import annotations

import pytest
from helpers import failure_episodes as episodes
from helpers import said

from persona6.extract.failure import FailureExtractor


def test_the_producer_is_v20() -> None:
    assert FailureExtractor.name == "persona6.failure.v38"


def reported(text: str) -> bool:
    return [key for key, _ in episodes([said(1, text)])] == ["user_reported"]


@pytest.mark.parametrize(
    "text",
    [
        "Tuesday doesn't work for me",
        "tuesday doesnt work for me, can we do thursday",
        "3pm won't work, I have a dentist appointment",
        "Next week doesn't work for us at all",
        "The 5th won't work for the team",
        "That time doesn't work, how about 4?",
        "Mornings don't work for me since I drop the kids off",
        "The 10:30 slot won't work for Sam",
        "Sorry, tomorrow doesn't work anymore",
        "Half past two won't work",
        "Wednesday evening does not work with my shifts",
        "2 pm on Monday won't work for me",
        "Tonight won't work, I'm exhausted",
        "The earlier appointment doesn't work for me",
        "either of those dates won't work",
        "Thurs doesnt work",
        "the 14th of March does not work for my sister",
        "Lunchtime won't work because of meetings",
        # written after the rule, before its misses were looked at
        "saturday morning wont work for the movers",
        "Unfortunately the 3rd doesn't work for the venue",
        "11am doesn't really work, I have a class",
        "Sorry but 9:15 does not work for me",
        "That appointment doesn't suit me at all",
        "Christmas week won't work",
    ],
)
def test_a_time_that_does_not_work_for_the_person_is_no_breakage(text: str) -> None:
    assert not reported(text)


@pytest.mark.parametrize(
    "text",
    [
        "The old clock on the wall stopped working years ago",
        "The old clock on the wall stopped working",
        "the kettle stopped working",
        "the microwave won't turn on",
        "The ceiling fan in the bedroom stopped working",
        "The lamp on my desk doesn't work",
        "the zip on my jacket is broken",
        "Our washing machine stopped working",
        "The toaster doesn't work anymore",
        "The radiator in the hall stopped working",
        "the umbrella is broken again lol",
        "The smoke alarm in the hallway died",
        "The mirror on the bathroom wall is broken",
    ],
)
def test_a_thing_of_the_home_is_no_part_of_the_product(text: str) -> None:
    assert not reported(text)


@pytest.mark.parametrize(
    "text",
    [
        "My old laptop crashed all the time back in college",
        "Years ago the website kept crashing on me",
        "the blender stopped working years ago so I bought a new one",
        "my phone crashed constantly about ten years ago",
        "Decades ago the school computers kept freezing",
        "Back in 2009 the old forum kept crashing",
        "Back in the 90s our family computer crashed every day",
        "When I was a teenager my bike kept breaking",
        "As a kid my walkman kept eating tapes and crashing",
        "our old dishwasher stopped working twenty years ago",
    ],
)
def test_a_breakage_of_the_far_past_is_no_report(text: str) -> None:
    assert not reported(text)


@pytest.mark.parametrize(
    "text",
    [
        # a time beside a part of the product
        "The app doesn't work for me",
        "The calendar sync doesn't work since Tuesday",
        "Since Monday the export doesn't work",
        "My reminders stopped working yesterday",
        "The booking page won't load today",
        "it doesn't work on Fridays",
        "The 3pm reminder didn't work",
        "Today the upload won't start",
        "This morning the app stopped working",
        "the date picker doesn't work",
        "The meeting link doesn't work",
        "Night mode doesn't work",
        "Version 2.10 doesn't work on my phone",
        "The booking form won't submit on Mondays",
        "the time tracker keeps crashing",
        # a part of the product named after a thing of the home, or in a place of the product
        "The clock widget stopped updating",
        "The alarm clock app won't open",
        "the clock on the home screen stopped updating",
        "The reading lamp feature doesn't work",
        "the door lock app keeps crashing",
        "The timer on the quiz page froze",
        # days or weeks ago, or a turn to now after the far past
        "The sync stopped working two days ago",
        "the app crashed two weeks ago and it's still broken",
        "it crashed years ago and it just crashed again today",
        "The upload failed a minute ago",
    ],
)
def test_neighbours_stay_reports(text: str) -> None:
    assert reported(text)
