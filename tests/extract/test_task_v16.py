"""persona6.task.v16 (tasks.yaml v13): a text named is writing only beside an act of writing,
editing or drafting it, and ideas had are none (LoCoMo: ~50 stories told, read or watched); a
bare "setting" is configuration only beside a thing configured; a device's schedule is its
setting, no planning (review 8 Rafael, Keiko); a verb of saying in its "-ing" form reports
(review 8 D7)."""

from __future__ import annotations

import pytest
from helpers import did

from persona6.extract import task as task_module
from tests.extract.test_task_senses_v11 import kinds, said_kinds


def test_the_producer_is_v16() -> None:
    assert task_module.NAME == "persona6.task.v18"


@pytest.mark.parametrize(
    "text",
    [
        # LoCoMo: a story told, read, watched or asked about; a letter received; ideas had
        "Your words mean a lot to me. I'm grateful for the chance to share my story.",
        "I loved it. It's a real inspiring true story about a family.",
        "Wow, that's powerful. It just shows that everyone has their own story.",
        "That looks interesting. What's the story behind the picture?",
        "Sorry to hear about the setback with your story.",
        "They just sent me a generic rejection letter without much feedback.",
        "It sounds great! Could it spark any ideas for your dance studio?",
        "I'm gonna chat with local leaders and organizations and gather ideas.",
        "I read an article about sleep last night.",
        "I have some ideas for the garden.",
        # another's text or writing; "help me" of no text
        "Crossing my fingers for you! Hope your screenplay finds a fan and is given its due.",
        "Congratulations! That's awesome. What kind of articles have you been writing?",
        "Her stories have been with me. There's something special about her writing.",
        "I'm going to a book conference where we talk about our favorite novels. It'll help me"
        " learn more about literature.",
    ],
)
def test_a_text_told_or_read_is_no_writing(text: str) -> None:
    assert "writing" not in said_kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "I am writing another movie script! It's a love story with lots of challenges.",
        "i will hang out back and work on the story i am writing",
        "Can you proofread my essay?",
        "Help me with my cover letter, please.",
        "I have an essay due Friday and I'm stuck.",
        "My essay is due tomorrow, can you help me with it?",
        "Write a poem for my mum's birthday.",
        "Help me draft a cover letter.",
        "Translate this paragraph into Spanish.",
        "Can you come up with a name for my bakery?",
        "We need a slogan for the launch.",
    ],
)
def test_a_text_written_or_asked_for_still_is(text: str) -> None:
    assert "writing" in said_kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "is it a professional setting ? i often wear cardigans to look good at work .",
        "The setting of the novel is a small town in Maine.",
        "Creating a constructive atmosphere and setting an example helps.",
    ],
)
def test_a_bare_setting_of_no_thing_configured_is_no_configuration(text: str) -> None:
    assert "configuration" not in said_kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "Which setting turns off the chime in the app?",
        "Change the eco setting on the thermostat.",
        "Where are the notification settings?",  # "settings" stays a plain cue
        "Let's revisit the cooling schedule for the summer.",  # a device's schedule (review 8)
        "I want to change the thermostat schedule.",
    ],
)
def test_a_setting_of_a_thing_configured_is_configuration(text: str) -> None:
    assert "configuration" in said_kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        # review 8: Rafael, Keiko
        "Hi. Let's revisit the cooling schedule for the summer, the electric bill is my worry.",
        "Keep the pre-cool schedule, early afternoon, not during peak hours.",
        "Can you move the schedule on the heat pump to 6am?",
    ],
)
def test_a_device_schedule_is_no_planning(text: str) -> None:
    assert "planning" not in said_kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "My schedule is packed this week.",
        "Can you schedule a meeting with Ana on Friday?",
    ],
)
def test_a_person_s_schedule_is_still_planning(text: str) -> None:
    assert "planning" in said_kinds(text)


@pytest.mark.parametrize(
    "text", ["bedroom 18C 09:00-17:00", "precool 74F 13:00, setback 80F 16:00-19:00"]
)
def test_a_device_schedule_set_is_no_planning(text: str) -> None:
    assert "planning" not in kinds([did(1, "set_schedule", text)])


@pytest.mark.parametrize(
    ("name", "text"), [("schedule_meeting", "team sync 3pm"), ("schedule", "dentist Tuesday")]
)
def test_a_schedule_of_the_person_s_time_is_planning(name: str, text: str) -> None:
    assert "planning" in kinds([did(1, name, text)])


@pytest.mark.parametrize(
    "text",
    [
        # review 8 D7 (Keiko)
        "my sister keeps saying the Nest is way better and I should buy one. whatever",
        "He was telling me we should upgrade to the premium plan.",
        "She's been insisting I pay for the subscription.",
    ],
)
def test_words_someone_else_keeps_saying_are_no_task(text: str) -> None:
    assert "purchasing_billing" not in said_kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "I keep saying I should buy one.",  # the speaker's own
        "my sister says the Nest is better, but honestly I want to buy one.",
        "Can you keep telling me the price of the premium plan?",
    ],
)
def test_the_speaker_s_own_words_still_are(text: str) -> None:
    assert "purchasing_billing" in said_kinds(text)
