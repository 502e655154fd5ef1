"""data/tasks.yaml v11 (review 8 T1): a task kind read from a word with several senses needs the
words of its sense. Words of analysis with other senses ("chart", "plot", "average", "pandas",
"query", "analysis") are data analysis beside words of data only; an action named by "report"
alone reports a problem as often as it makes a report; a device or a service as the subject of
an upload does it, not the speaker."""

from __future__ import annotations

import pytest
from helpers import bot, did, said

from persona6.extract.task import TaskExtractor
from persona6.types import StoredEvent


def kinds(session: list[StoredEvent]) -> set[str]:
    found = TaskExtractor().extract(session)
    return {s.key for s in found if s.actor == "u1" and not s.key.startswith("sequence:")}


def said_kinds(text: str) -> set[str]:
    return kinds([said(1, text), bot(2, "Sure.")])


@pytest.mark.parametrize(
    "text",
    [
        # a patient's record (review 8: Sofia)
        "Who else can see her chart? I don't want her info shared beyond the care team.",
        # LoCoMo and PersonaExt: a story's plot, a height, an animal, a poem's analysis
        "You really should! The action scenes are awesome and the plot rocks.",
        "i am average height , i am the shortest of my 3 sisters . you ?",
        "i watch pandas on youtube too !",
        "Did an analysis on this poem for my English lit class.",
        "I have a quick query about my appointment.",
        "My song finally hit the top of the charts!",
        "I prefer metric units over imperial",
        "The dashboard light came on in my car.",
    ],
)
def test_a_word_of_analysis_in_another_sense_is_no_data_analysis(text: str) -> None:
    assert "data_analysis" not in said_kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "whats the avg",
        "Pivot the sales by region, please",
        "Aggregate the mite counts by yard",
        "Can you chart the counts by month?",
        "Analyze the CSV and tell me which hives are weakest",
        "I analyzed the numbers last night",
        "Write a SQL query that counts users per day",
        "What's the average of these numbers?",
        "Can you make a bar chart of revenue?",
        "Make me a chart of my spending by month",
        "Can you plot the readings?",
        "Why does my pandas merge drop rows?",
        "Show me a dashboard of sales by region",
        # a chart made, and a dashboard of software, need no other word of data
        "Good to be back! The group loved the chart we made together.",
        "Hi again! Did the new dashboard widgets ship yet?",
        "I built a dashboard for the team last week.",
    ],
)
def test_a_word_of_analysis_beside_words_of_data_still_is(text: str) -> None:
    assert "data_analysis" in said_kinds(text)


@pytest.mark.parametrize("name", ["report_outage", "report_bug", "ReportAbuse"])
def test_an_action_reporting_a_problem_is_no_analysis(name: str) -> None:
    assert "data_analysis" not in kinds([did(1, name, "Elm St 44")])


@pytest.mark.parametrize("name", ["generate_report", "run_report", "report_generated"])
def test_an_action_making_a_report_is_analysis(name: str) -> None:
    assert "data_analysis" in kinds([did(1, name, "Q3 sales")])


@pytest.mark.parametrize(
    "text",
    [
        "Does this thermostat upload occupancy data? I'm uneasy about that kind of tracking.",
        "Will the app automatically upload my photos?",
        "Can it download updates by itself?",
    ],
)
def test_what_a_device_uploads_is_no_file_task_of_theirs(text: str) -> None:
    assert "file_management" not in said_kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "Can I upload the CSV here?",
        "How do I upload my photos?",
        "Can you download the invoice for me?",
        "please upload the backup to the shared drive",
    ],
)
def test_an_upload_of_theirs_still_is(text: str) -> None:
    assert "file_management" in said_kinds(text)
