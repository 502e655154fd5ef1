"""persona6.failure.v21: breakage named by no malfunction word, the reactions outside the
lists, and a time's possessive as a subject.

Something went wrong though no malfunction is named (word classes of `data/failures.yaml`):
what was due never came ("The verification code never came"), output empty, silent, off or
doubled, content stale ("still shows last week's scores"), the person's thing cancelled,
refused or suspended by the product, or missing after an act; each with neighbours that stay
none (the person's own cancelling, an item not ordered yet, a question, a person or a body as
the subject). Reactions: escalation by role ("Have someone contact me about this"), the
failure persisting or recurring ("It's still doing it", "This is the third time this week"),
retry by idiom ("one more go", "I'll have another crack at it"); and a message the cues cannot
read is no guessed switch: no episode ("hmm interesting", "ok"), while a request for something
else still moves on ("How do I add a teammate?"). A time's possessive opens a subject as "the"
does ("Tuesday's backup failed"). The sentences are the session's own, across domains; those
after "written after the rule" were written once the first set passed (the transfer check)."""

from __future__ import annotations

import pytest
from helpers import did, got, said
from helpers import failure_episodes as episodes

from persona6.extract.failure import FailureExtractor


def test_the_producer_is_v21() -> None:
    assert FailureExtractor.name == "persona6.failure.v38"


def reported(text: str) -> bool:
    return [key for key, _ in episodes([said(1, text)])] == ["user_reported"]


def after_failure(reaction: str) -> list[tuple[str, str]]:
    """The episodes of a failed upload followed by the person's ``reaction``."""
    session = [did(1, "submit_form", "submit"), got(2, "upload_failed")]
    return episodes([*session, said(3, reaction)])


@pytest.mark.parametrize(
    "text",
    [
        "The verification code never came, I've asked for it three times.",
        "i never got the password reset email",
        "My refund still hasn't shown up in my account and it's been two weeks.",
        "No confirmation email came through after I paid.",
        "Nothing showed up in my inbox after I hit send on the invoice.",
        "The payroll report printed nothing, just a header row.",
        "My invoice total doubled after I added one line item.",
        "the step numbers are off again, it counted 30k steps while I slept",
        "Your converter gave me an empty file.",
        "The transcript came back with nothing in it.",
        "The podcast export is silent, forty minutes of dead air.",
        "The leaderboard still shows last week's scores.",
        "Prices on the site haven't updated, it still has the old rates.",
        "my dashboard is stuck on yesterday's numbers",
        "The timetable hasn't updated for the new term.",
        "The app cancelled my table booking an hour before without telling me.",
        "My order got cancelled for no reason.",
        "Your system rejected my application form twice.",
        "My account was suspended out of nowhere.",
        "My reservation disappeared from the bookings list.",
        "Half the photos I uploaded aren't in the album.",
        "I added three items to the basket and only one is there.",
        "After saving, the last two paragraphs are missing.",
        "It says my booking reference doesn't exist.",
        "Last month's statement is blank.",
        "The sleep score says 0 hours even though I slept eight.",
        "the tax figure is way too high, it's charging VAT twice",
        "The mileage log is missing every trip from last week.",
        "The shared playlist is empty on my wife's phone.",
        "Payment went through twice, I've been charged double.",
        "the parcel was marked delivered but never arrived",
        # written after the rule
        "the 2FA text never arrived so I'm locked out of payroll",
        "We never received the booking confirmation for the cottage.",
        "my cashback still hasn't come through, it's been a month",
        "The meal planner's shopping list came out empty.",
        "Your PDF export of my thesis is completely blank after page 3.",
        "The calorie count is way off, it says I ate 9000 yesterday.",
        "It billed me twice for the same lesson.",
        "My subscription got cancelled and I never asked for that.",
        "the site declined my gift card even though it has a balance",
        "The songs I added to the playlist aren't there anymore.",
        "After the update, all my saved recipes are gone.",
        "The invoice is missing the VAT line.",
        "It says my membership number is invalid, I've had it for years.",
        "The quiz results page shows nothing.",
        "No reset link ever arrived.",
        "Last Friday's payslip never came.",
        "This month's statement still hasn't been generated.",
        "The dictation tool returned no text at all.",
        "the mortgage calculator shows a payment of zero which can't be right",
        "my order was rejected at checkout twice",
        "The chore chart reset everything to zero overnight.",
    ],
)
def test_a_breakage_with_no_malfunction_word_is_reported(text: str) -> None:
    assert reported(text)


@pytest.mark.parametrize(
    "text",
    [
        "I cancelled my gym booking because I'm sick.",
        "We cancelled the order ourselves, we found it cheaper elsewhere.",
        "I haven't ordered the new lens yet.",
        "The parcel hasn't arrived yet but it's not due until Friday.",
        "What does the export button actually do?",
        "Are the numbers off by design? Just curious.",
        "My brother never came to the wedding.",
        "Nothing came of the interview in the end.",
        "The scan showed nothing worrying, such a relief.",
        "Our total doubled since last year, business is booming.",
        "Nothing showed up on the blood test.",
        "The numbers are off the charts this month!",
        "I printed nothing today, saving ink.",
        "Does the leaderboard still show last week's scores or only this week's?",
        "Tuesday's meeting was cancelled so I'm free.",
        "The bus never came so I walked.",
        "I still haven't finished the report, will do it tomorrow.",
        "Half the guests aren't here yet.",
        "My order hasn't been placed yet, I'm still choosing.",
        "The doctor cancelled my appointment, so I rebooked for Monday.",
        "My sister's flight got cancelled because of the snow.",
        "The old photos are missing a few faces, we never invited them.",
        "I never got the chance to thank her.",
        "I never received an answer from the landlord.",
        "I never received a reply from my cousin.",
        "The shop cancelled the sale early, we missed it.",
        "My inbox is empty, finally!",
        "The new season's episodes haven't come out yet.",
        "We cancelled our subscription because money is tight.",
        "How does the export decide which rows to include?",
        "Is the total supposed to double when I add a second person?",
        "The guests never arrived because of the storm.",
        "The x-ray showed nothing broken.",
        "I still haven't booked my flights for June.",
        "Our numbers are off this quarter, sales dipped.",
        "My grandad still has the old radio from the war.",
        "The report I wrote is missing a conclusion, I'll add one tomorrow.",
    ],
)
def test_neighbours_that_name_no_breakage_stay_none(text: str) -> None:
    assert not reported(text)


@pytest.mark.parametrize(
    "text",
    [
        "Tuesday's backup failed.",
        "last night's sync didn't finish",
        "This morning's export is empty.",
        "Yesterday's upload never went through.",
        "Friday's payroll run crashed halfway.",
        "Last week's invoices didn't send.",
        "today's report shows the wrong totals",
        "Sunday's meal plan won't load.",
        "Monday's class recording is blank.",
        "Tonight's reminder never came.",
        "Last night's auto-save froze the whole document.",
        "this week's timesheet keeps crashing when I open it",
    ],
)
def test_a_time_possessive_opens_a_subject(text: str) -> None:
    assert reported(text)


@pytest.mark.parametrize(
    "text",
    [
        "Last year's harvest failed because of the drought.",
        "Saturday's party didn't work out.",
        "Yesterday's run felt awful, my knee froze up.",
        "Last night's game was a disaster for the team.",
        "Mum's car broke down on the motorway.",
    ],
)
def test_a_time_possessive_before_a_thing_of_the_world_stays_none(text: str) -> None:
    assert not reported(text)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Can whoever runs this thing take a look?", "escalate"),
        ("get someone from your team to sort this out", "escalate"),
        ("I want your manager to call me.", "escalate"),
        ("Please pass this on to a human.", "escalate"),
        ("Let me speak with somebody who actually knows the system.", "escalate"),
        ("Can a real person look at my account please", "escalate"),
        ("I need this raised with your tech people.", "escalate"),
        ("Have someone contact me about this.", "escalate"),
        ("forward this to your developers", "escalate"),
        ("is anyone from the company actually reading this?", "escalate"),
        ("I'd like a supervisor to review this.", "escalate"),
        ("Whoever is responsible for this needs to fix it today.", "escalate"),
        ("It's still doing it.", "complain"),
        ("still broken", "complain"),
        ("how is this still not fixed", "complain"),
        ("Same thing again.", "complain"),
        ("Every single time I need it, it falls over.", "complain"),
        ("This is the third time this week.", "complain"),
        ("Honestly, this app is a disaster.", "complain"),
        ("great, just great. nothing works", "complain"),
        ("you've had months to fix this", "complain"),
        ("It happened again.", "complain"),
        ("Still the same problem.", "complain"),
        ("and it's down AGAIN", "complain"),
        ("one more go", "retry"),
        ("I'll have another crack at it", "retry"),
        ("let me have another bash", "retry"),
        ("going again", "retry"),
        ("giving it one more whirl", "retry"),
        ("hitting submit again", "retry"),
        ("one last attempt then bed", "retry"),
        ("Let's see if it works this time.", "retry"),
        ("ok again", "retry"),
        ("Round two.", "retry"),
        ("I'll try again tomorrow.", "abandon"),
        ("sorted - logged out and back in and it went through", "self_fix"),
        ("turns out my card had expired, updated it and it worked", "self_fix"),
        ("got it working by using a smaller file", "self_fix"),
        ("I'll just ring them instead", "switch"),
        ("doing it on the website instead", "switch"),
        ("I'll pay at the counter in person.", "switch"),
        ("could a manager give me a call about this please", "escalate"),
        ("Please get someone senior to look at my case.", "escalate"),
        ("I'd like to raise this with your support people.", "escalate"),
        ("it's STILL not working", "complain"),
        ("Same problem as yesterday.", "complain"),
        ("fourth time today.", "complain"),
        ("what a shambles", "complain"),
        ("having another stab at it now", "retry"),
        ("ok one more try", "retry"),
        ("I'll give it one last shot", "retry"),
        ("clicking save again", "retry"),
        ("renamed the file and it uploaded fine", "self_fix"),
        ("I'll just send it through WeTransfer then.", "switch"),
        ("going to try a different browser", "switch"),
        ("calling it a night", "abandon"),
    ],
)
def test_a_reaction_outside_the_old_lists_is_read(text: str, label: str) -> None:
    assert after_failure(text) == [("upload_failed", label)]


@pytest.mark.parametrize(
    "text",
    [
        "hmm interesting",
        "right.",
        "I see.",
        "ok",
        "the weather here is lovely today",
        "What does this error code mean exactly, is it on my side?",
        "interesting.",
        "my cat just knocked my tea over lol",
        "So is that a known thing?",
    ],
)
def test_a_reaction_that_cannot_be_read_is_no_guessed_switch(text: str) -> None:
    # v22: no act, then nothing: silence, abandon (test_failure_v22); v21 gave no episode
    assert after_failure(text) == [("upload_failed", "abandon")]


@pytest.mark.parametrize(
    "text", ["thanks, can you show me the weekly totals?", "How do I add a teammate?", "ok"]
)
def test_a_request_for_something_else_still_moves_on(text: str) -> None:
    expected = [("upload_failed", "abandon" if text == "ok" else "switch")]  # v22: silence
    assert after_failure(text) == expected


def test_after_an_unread_message_the_next_act_decides() -> None:
    base = [did(1, "submit_form", "submit"), got(2, "upload_failed"), said(3, "hmm")]
    assert episodes([*base, did(4, "submit_form", "submit")]) == [("upload_failed", "retry")]
    assert episodes([*base, did(4, "open_settings")]) == [("upload_failed", "switch")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # leaving the act out again is no retry of it; the job by hand named as a noun switches
        ("Skipping the import again, manual entry it is.", [("upload_failed", "switch")]),
        ("skipping it again today", [("upload_failed", "abandon")]),  # v22: silence
        ("Not doing the export again, manual copy for now.", [("upload_failed", "switch")]),
        # still a retry
        ("uploading it again", [("upload_failed", "retry")]),
        # accepting the failure, alone, lets the job go; with an act it is that act
        ("Oh, no problem. Thanks anyway!", [("upload_failed", "abandon")]),
        ("no worries, I'll do it by hand", [("upload_failed", "switch")]),
    ],
)
def test_leaving_out_accepting_or_doing_it_by_hand(text: str, expected: list) -> None:
    assert after_failure(text) == expected
