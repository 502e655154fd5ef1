"""persona6.preference.v26 (review 13): rules that held only for the wordings an earlier review
fixed, made general. A file format chosen over another is standing ("Could you send it as a PDF
instead of a spreadsheet?"); a request marked as habitual ("as usual") is standing for any thing,
and in the polite form "X would be lovely"; a channel request with a reason of ease ("SMS is
easiest") is standing; "Rather X than Y" with its subject left out is a contrast; "anything but
X" is against X; both sides of a contrast take one key normalisation ("sms" -> text messages);
"still no X" / "no X for now" with a reason about the speaker's body is a constraint that goes
on. Each with neighbours that stay as they were: one-offs, questions, reported speech."""

from __future__ import annotations

import pytest
from helpers import extracted, said_traits

from persona6.extract import preference
from persona6.extract.text import load_lexicon


def read(text: str) -> dict[str, tuple[str, float]]:
    return {s.key: (s.value, s.polarity) for s in extracted(preference.NAME, text, "u1")}


def test_the_producer_is_v26() -> None:
    assert preference.NAME == "persona6.preference.v57"
    assert load_lexicon("preferences")["version"] == 45


# A file format chosen over another: what the person's tools take, beyond this file.
def test_a_file_format_asked_instead_of_another_is_standing() -> None:
    assert read("Could you send it as a PDF instead of a spreadsheet?") == {
        "pdf": ("asks for a pdf instead of a spreadsheet", 1.0),
        "spreadsheets": ("against a spreadsheet (asks for a pdf instead)", -1.0),
    }


@pytest.mark.parametrize(
    ("text", "chosen", "other"),
    [
        ("Could you export the report as a CSV instead of a PDF?", "csv", "pdf"),
        ("Please send the statements as PDFs rather than Excel files.", "pdf", "excel"),
        ("Can I get the itinerary as a PDF instead of a Word document?", "pdf", "word documents"),
        ("Send the workout log as a spreadsheet, not a PDF.", "spreadsheets", "pdf"),
        ("Could you give me the data as JSON instead of CSV?", "json", "csv"),
    ],
)
def test_file_formats_in_other_words_and_domains(text: str, chosen: str, other: str) -> None:
    # keyed by what is delivered when it is named: "csv for reports", "pdf for statements"
    found = {key.split(" for ")[0]: polarity for key, (_, polarity) in read(text).items()}
    assert found == {chosen: 1.0, other: -1.0}


@pytest.mark.parametrize(
    "text",
    [
        "Send it as a PDF this time.",
        "Could you send it as a PDF instead of a spreadsheet just this once?",
        "Could you send it as a PDF instead of a spreadsheet this time?",
        "My boss asked for it as a PDF instead of a spreadsheet.",
        # a view of the data at hand stays a one-off (v23), as does a channel for one thing
        "Could you show it as a chart instead of a table?",
        "Can you post the summaries in Slack instead of email?",
        "Post it in Slack, not email",
    ],
)
def test_a_format_of_the_moment_or_reported_stays_a_one_off(text: str) -> None:
    assert read(text) == {}


# A request marked as habitual is standing, for any thing.
@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("A spreadsheet would be lovely, as usual.", "spreadsheets"),
        ("A PDF would be great, as always.", "pdf"),
        ("A chart would be nice, like usual.", "charts"),
        ("The usual spreadsheet please.", "spreadsheets"),
        ("Window seat please, as usual.", "window seat"),
        ("As always, a vegetarian meal please.", "vegetarian meal"),
        ("An aisle seat would be great, as always.", "aisle seat"),
        ("Oat milk please, like usual.", "oat milk"),
        ("Morning reminders please, as usual.", "morning reminders"),
    ],
)
def test_a_request_marked_as_habitual_is_standing(text: str, key: str) -> None:
    found = read(text)
    assert list(found) == [key]
    assert found[key][1] == 1.0


@pytest.mark.parametrize(
    "text",
    [
        "A spreadsheet would be lovely.",
        "A window seat please.",
        "Busy as always!",
        "Late again, as usual.",
        "Same as always.",
        "Thanks as always!",
        "Please help me as always.",
        "A refill please, again.",
    ],
)
def test_no_request_or_no_habit_marker_is_no_standing_request(text: str) -> None:
    assert read(text) == {}


# A channel request with a reason of ease for the speaker.
@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Text me the tracking updates please, SMS is easiest.", "text messages for updates"),
        ("Email me the receipts please, it's easiest.", "email for receipts"),
        ("Text me the delivery updates, SMS is easier for me.", "text messages for updates"),
        (
            "Please send me the reminders by WhatsApp, it's most convenient.",
            "whatsapp for reminders",
        ),
    ],
)
def test_a_channel_request_with_a_reason_of_ease_is_standing(text: str, key: str) -> None:
    assert read(text) == {key: (read(text)[key][0], 1.0)}
    assert read(text)[key][0].startswith("asks for")


@pytest.mark.parametrize(
    "text",
    [
        "Email me the invoice, it's urgent.",
        "Text me the updates please, it's easier for you.",
        "Text me the tracking updates please.",
        "Could you show it as a chart instead of a table? That one is easier for my boss.",
    ],
)
def test_a_channel_request_without_such_a_reason_stays_a_one_off(text: str) -> None:
    assert read(text) == {}


# "Rather X than Y", the subject left out.
@pytest.mark.parametrize(
    ("text", "chosen", "other"),
    [
        # "the aisle" of a seat keys `aisle seat` since v27 (compound_short_forms): see below
        ("Rather a window table than the bar.", "window table", "bar"),
        ("Rather an early flight than a late one.", "early flight", "late flight"),
        ("Rather cash than card, honestly.", "cash", "card"),
        ("Rather oat milk than dairy please.", "oat milk", "dairy"),
        ("rather tea than coffee tbh", "tea", "coffee"),
        ("Rather SMS than email please.", "text messages", "email"),
    ],
)
def test_rather_x_than_y_without_a_subject_is_a_contrast(
    text: str, chosen: str, other: str
) -> None:
    found = read(text)
    assert found[chosen] == (f"would rather {chosen} than {other}", 1.0)
    assert found[other] == (f"against {other} (would rather {chosen} instead)", -1.0)


def test_rather_a_seat_than_the_aisle_keys_the_aisle_seat() -> None:
    assert read("Rather a window seat than the aisle.") == {
        "window seat": ("would rather window seat than aisle", 1.0),
        "aisle seat": ("against aisle (would rather window seat instead)", -1.0),
    }


@pytest.mark.parametrize(
    "text",
    [
        "Rather than waiting, I booked it.",
        "My boss would rather have a call than an email.",
        "Rather tea than coffee?",
        "Rather now than never.",
    ],
)
def test_rather_than_a_report_or_a_question_chooses_nothing(text: str) -> None:
    assert read(text) == {}


# "anything but X" is against X, and reads so.
@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("Anything but a red-eye flight please.", "red-eye flight", "wants anything else"),
        ("Anything except decaf, please.", "decaf", "wants anything else"),
        ("I want anything but a red-eye flight.", "red-eye flight", "wants anything else"),
        ("I'd like anything except a middle seat.", "middle seat", "would like anything else"),
        ("I'd like anything but the chicken.", "chicken", "would like anything else"),
    ],
)
def test_anything_but_x_is_against_x(text: str, key: str, value: str) -> None:
    assert read(text) == {key: (f"against {key} ({value})", -1.0)}


def test_an_exception_to_a_named_thing_keeps_both_sides() -> None:
    found = read("I like all music except country")
    assert found["music"][1] == 1.0
    assert found["country"][1] == -1.0


# One key normalisation for both sides of a contrast.
@pytest.mark.parametrize(
    "text",
    ["I prefer email over SMS.", "I prefer email updates now, not SMS", "Rather email than SMS."],
)
def test_the_other_side_takes_the_channel_name(text: str) -> None:
    assert read(text)["text messages"][1] == -1.0


def test_both_wordings_of_the_other_side_meet() -> None:
    said = [
        ("s-1", "2026-09-02T10:00:00Z", "I prefer email over SMS."),
        ("s-2", "2026-09-09T10:00:00Z", "I prefer email updates now, not SMS"),
    ]
    against = [t for t in said_traits(said) if t.polarity < 0]
    assert [t.key for t in against] == ["text messages"]


# A terse constraint that goes on, with a reason about the speaker's body or situation.
@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Still no overhead presses, shoulder.", "overhead presses"),
        ("No overhead presses for now, my shoulder is still healing.", "overhead presses"),
        ("Still no running, knee.", "running"),
        ("Still no gluten, celiac.", "gluten"),
        ("No dairy for now, I'm pregnant.", "dairy"),
        ("No heavy lifting for now, my back is still healing.", "heavy lifting"),
        ("Still no coffee, reflux.", "coffee"),
        ("Still no dairy. The allergy test is next week.", "dairy"),
    ],
)
def test_a_continuing_constraint_with_a_reason_is_against(text: str, key: str) -> None:
    assert read(text) == {key: (f"asks for no {key}", -1.0)}


@pytest.mark.parametrize(
    "text",
    [
        "Still no word from them.",
        "Still no reply, my boss is annoyed.",
        "Still no luck, my knee hurts.",
        "No emojis for now.",
        "Still no overhead presses?",
        "My trainer says still no overhead presses, shoulder.",
    ],
)
def test_no_reason_a_question_or_a_report_is_no_constraint(text: str) -> None:
    assert read(text) == {}
