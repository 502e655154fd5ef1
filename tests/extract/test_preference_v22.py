"""persona6.preference.v22: a standing instruction on where or in what form the assistant
delivers is a preference keyed so that the earlier taste it changes meets it ("From now on post
the summaries in Slack, not email" ends "I prefer email for summaries"), not one delivery of the
moment; answer-form fragments marked as standing ("just the kubectl line next time, skip the
essay"), not those of the moment ("dont need the why now"); a concession or a part of the object
after a comma is no second object ("..., even small config changes", "..., one offsite"); a fear
of something happening is a worry, not a taste, and a switch told in the past is a decision."""

from __future__ import annotations

import pytest
from helpers import extracted, said_traits

from persona6.extract import preference


def read(text: str) -> dict[str, tuple[str, float]]:
    return {s.key: (s.value, s.polarity) for s in extracted(preference.NAME, text, "u1")}


def test_the_producer_is_v22() -> None:
    assert preference.NAME == "persona6.preference.v57"


@pytest.mark.parametrize(
    "text",
    [
        "From now on post the summaries in Slack, in #platform-oncall, not email.",
        "From now on post summaries in Slack, not email.",
        "Please post the summaries in Slack instead of email.",
        "Remember: Slack, not email, for the summaries please :)",
        "going forward, send the reports via Slack rather than email",
    ],
)
def test_a_standing_instruction_on_the_channel_of_recurring_work_is_a_preference(
    text: str,
) -> None:
    found = read(text)
    made = "reports" if "reports" in text else "summaries"
    assert found[f"slack for {made}"][1] == 1.0
    assert found[f"email for {made}"][1] == -1.0
    assert found[f"slack for {made}"][0].startswith(f"asks for {made} in slack")


def test_the_channel_named_after_the_choice_is_in_the_value() -> None:
    found = read("From now on post the summaries in Slack, in #platform-oncall, not email.")
    value = "asks for summaries in slack (#platform-oncall), not email"
    other = "against email (asks for summaries in slack (#platform-oncall) instead)"  # v25
    assert found == {"slack for summaries": (value, 1.0), "email for summaries": (other, -1.0)}


def test_a_choice_between_two_forms_of_answer_is_a_preference() -> None:
    found = read("Please give me a checklist instead of paragraphs for the rollout.")
    value = "asks for a checklist instead of paragraphs"
    other = "against paragraphs (asks for a checklist instead)"  # v25
    assert found == {"checklist": (value, 1.0), "paragraphs": (other, -1.0)}


@pytest.mark.parametrize(
    "text",
    [
        # one delivery of the moment: pinned to today, or one summary
        "hi! please post today's summary in slack, not email :)",
        "Please post the summary in Slack instead of email.",
        # a question asks once; a bare fragment may answer a question
        "Can you post the summaries in Slack instead of email?",
        # (a bare "Slack, not email." stands unasked since v29; as an answer it is nothing)
        # no channel or form of answer chosen, a pronoun, the speaker's habit
        "Please use Python instead of Bash for this script.",
        "Post it in Slack, not email",
        "I post the summaries in Slack, not email.",
        "She said to post the summaries in Slack instead of email.",
    ],
)
def test_a_request_of_the_moment_or_no_choice_is_no_standing_instruction(text: str) -> None:
    assert not any(key.endswith("for summaries") or key == "slack" for key in read(text))


def test_a_standing_instruction_ends_the_earlier_preference_it_changes() -> None:
    said = [
        ("s-1", "2026-09-02T10:00:00Z", "I prefer email for summaries, Slack is too noisy for me."),
        ("s-2", "2026-09-15T10:00:00Z", "From now on post the summaries in Slack, not email."),
        ("s-3", "2026-09-22T10:00:00Z", "Remember: Slack, not email, for the summaries please :)"),
    ]
    traits = said_traits(said)
    old = next(t for t in traits if t.key == "email for summaries" and t.polarity > 0)
    assert old.valid_to == "2026-09-15T10:00:00.000000Z"
    current = {(t.key, t.polarity) for t in traits if t.valid_to is None}
    assert current == {("slack for summaries", 1.0), ("email for summaries", -1.0)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "just the kubectl line next time, skip the essay",
            {
                "kubectl line": ("asks only for kubectl line", 1.0),
                "explanations": ("asks for no explanations", -1.0),
            },
        ),
        (
            "rolled back. just the cmd pls, no essay",
            {
                "command": ("asks only for command", 1.0),
                "explanations": ("asks for no explanations", -1.0),
            },
        ),
        ("dont need the why", {"explanations": ("asks for no explanations", -1.0)}),
        ("short answers from now on", {"short answers": ("asks for short answers", 1.0)}),
        ("no emojis from now on", {"emojis": ("asks for no emojis", -1.0)}),
    ],
)
def test_an_answer_form_fragment_said_for_what_follows_is_a_preference(
    text: str, expected: dict[str, tuple[str, float]]
) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "dont need the why now",
        "no emojis for now",
        "whats eating cpu on node-7. short answer",
        "just the two of us next time",
        "only the weekend next time",
    ],
)
def test_an_answer_form_fragment_of_the_moment_is_no_preference(text: str) -> None:
    assert read(text) == {}


def test_a_concession_after_a_comma_is_no_second_object() -> None:
    found = read("I'd rather always try things on staging first, even small config changes.")
    assert found == {
        "try things on staging first": ("would rather always try things on staging first", 1.0)
    }


def test_a_part_of_the_object_after_a_comma_is_no_second_object() -> None:
    found = read("glad it worked Lena. I prefer to keep two backups anyway, one offsite")
    assert found == {"keep two backups": ("prefers to keep two backups", 1.0)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list still gives every item, and "mostly" names one
        ("I like plums, pears and figs", {"plums", "pears", "figs"}),
        ("I like to read novels, hike", {"read novels", "hike"}),
    ],
)
def test_a_list_after_a_taste_still_gives_its_items(text: str, expected: set[str]) -> None:
    assert set(read(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "I'm really scared of losing client photos, these are irreplaceable",
        "I'm afraid of breaking prod again",
        "I fear getting fired",
        "I'm terrified of data loss",
    ],
)
def test_a_fear_of_something_happening_is_a_worry_not_a_taste(text: str) -> None:
    assert read(text) == {}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I'm scared of spiders", "spiders"),
        ("I'm a bit afraid of dogs", "dogs"),
        ("I'm terrified of flying", "flying"),
        ("I dread going to the dentist", "going to the dentist"),
    ],
)
def test_a_fear_of_a_thing_or_an_act_stays_an_aversion(text: str, key: str) -> None:
    assert read(text)[key][1] == -1.0


@pytest.mark.parametrize(
    "text",
    ["but I switched to docker last month", "we migrated to Postgres in 2024"],
)
def test_a_switch_told_in_the_past_is_the_decisions_not_a_preference(text: str) -> None:
    assert read(text) == {}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I've switched to spreadsheets now", "spreadsheets"),
        ("we're switching to Linear", "linear"),
        ("I switched to tea now", "tea"),
    ],
)
def test_a_switch_that_says_how_things_are_now_stays_a_preference(text: str, key: str) -> None:
    assert read(text)[key][0] == f"has switched to {key}"
