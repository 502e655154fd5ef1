"""persona6.task.v15 (tasks.yaml v12, review 8 T1 leftovers): "set up" and "setup" are
configuration beside a thing one configures only; a summary is writing beside words of a text
only (not one the product sends); "schedule" alone in an action's name is no automation (a
thermostat's set_schedule), a job scheduled is."""

from __future__ import annotations

import pytest
from helpers import did

from persona6.extract import task as task_module
from tests.extract.test_task_senses_v11 import kinds, said_kinds


def test_the_producer_is_v15() -> None:
    assert task_module.NAME == "persona6.task.v18"


@pytest.mark.parametrize(
    "text",
    [
        # review 8: Fatima's preference for local control
        "Again: local-only. I'd rather have a slightly clunkier setup than send data to a cloud.",
        # LoCoMo: an event organised, meetings arranged, an arrangement admired
        "I set up a 5K charity run in our neighborhood. It was all for a good cause.",
        "Wow, Nate, I'm on fire! I just set up meetings with movie producers.",
        "Wow, that sounds great to have your own gaming setup at home.",
        "Cool setup! Man, you can't deny that view!",
    ],
)
def test_a_setup_that_configures_nothing_is_no_configuration(text: str) -> None:
    assert "configuration" not in said_kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "Can you help me set up the new router?",
        "The setup wizard keeps failing on my laptop.",
        "How do I set up 2FA on my account?",
        "Please enable eco mode in the bedroom.",  # other cues unchanged
        "Where are the notification settings?",
        "I wish the setup was more straightforward, thanks.",  # the setting up itself
    ],
)
def test_a_setup_of_a_thing_configured_still_is(text: str) -> None:
    assert "configuration" in said_kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        # review 8: a summary the product would send
        "Sweet. Is there a way to get a weekly summary emailed? I like reading it on Sundays.",
        "I want the source, not a summary.",
        # the demo: a summary the product sends or made
        "I prefer a weekly summary over daily pings.",
        "Is this summary based on all tickets or just a sample?",
    ],
)
def test_a_summary_received_is_no_writing(text: str) -> None:
    assert "writing" not in said_kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "Can you write a short summary of this article?",
        "I need a summary of the meeting notes for my boss.",
        "Summarize this thread for me, please.",
        "Help me draft a cover letter.",
    ],
)
def test_a_summary_to_write_still_is(text: str) -> None:
    assert "writing" in said_kinds(text)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("set_schedule", "bedroom 18C 09:00-17:00"),
        ("set_schedule", "precool 74F 13:00, setback 80F 16:00-19:00"),
        ("schedule_meeting", "team sync 3pm"),
    ],
)
def test_a_schedule_alone_is_no_automation(name: str, text: str) -> None:
    assert "automation_scripting" not in kinds([did(1, name, text)])


@pytest.mark.parametrize(
    "name", ["schedule_job", "scheduled_task_created", "ScheduleScript", "run_workflow", "script"]
)
def test_a_job_scheduled_is_automation(name: str) -> None:
    assert "automation_scripting" in kinds([did(1, name, "nightly backup")])
