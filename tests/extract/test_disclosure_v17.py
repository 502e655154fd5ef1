"""persona6.disclosure.v17: health facts. A body part with a trouble or a condition is health,
keyed by the side and the part ("my left knee is a bit sore" -> ``health:left knee trouble``),
never a thing the speaker has ("has left knee"); a condition a trouble is put down to in the same
sentence is health too ("it's the old ACL injury"); what a clinician told the speaker to avoid is
the speaker's health fact ("my trainer told me to avoid overhead presses"); an intolerance is a
condition ("intolerant to gluten", "coeliac"), and said bare in a chat fragment it is the
speaker's ("lactose intolerant btw"). What others have stays theirs."""

from __future__ import annotations

import pytest

from persona6.extract import disclosure


def claims(text: str) -> dict[str, str]:
    return {c.key: c.value for c in disclosure.disclosure_claims(text)}


def health(text: str) -> set[str]:
    return {k for k in claims(text) if k.startswith("health:")}


def test_the_producer_is_v17() -> None:
    assert disclosure.NAME == "persona6.disclosure.v53"


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("My left knee is a bit sore after runs.", "health:left knee trouble", "sore"),
        ("My right wrist is sprained.", "health:right wrist trouble", "sprained"),
        ("my lower back is stiff again", "health:lower back trouble", "stiff"),
        ("My dodgy shoulder is fine most days.", "health:shoulder trouble", "dodgy"),
    ],
)
def test_a_body_part_in_trouble_is_health_keyed_by_side_and_part(
    text: str, key: str, value: str
) -> None:
    found = claims(text)
    assert key in found and value in found[key]
    assert not [k for k in found if k.startswith("personal:")]


@pytest.mark.parametrize(
    "text",
    ["My left knee is fine now.", "I have a rose tattoo on my ankle.", "it hurt my left leg"],
)
def test_a_body_part_alone_is_no_thing_had(text: str) -> None:
    assert not [k for k in claims(text) if k.startswith("personal:")]


def test_the_condition_a_trouble_is_put_down_to_is_health() -> None:
    text = "My left knee is a bit sore after runs, it's the old ACL injury. Keep it gentle."
    assert health(text) == {"health:left knee trouble", "health:acl injury"}
    text = "My left knee is still sore from the old ACL injury so I need the run data."
    assert "health:acl injury" in health(text)


@pytest.mark.parametrize(
    "text",
    [
        "It's the old ACL injury, she says.",  # no trouble of the speaker's body
        "My left knee is sore, that old thing again.",  # names no condition
    ],
)
def test_a_condition_without_the_speakers_trouble_or_a_part_is_not_read(text: str) -> None:
    assert "health:acl injury" not in health(text)
    assert not [k for k in health(text) if "thing" in k]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I have right shoulder impingement.", "health:right shoulder impingement"),
        ("My right shoulder impingement is flaring up.", "health:right shoulder impingement"),
        ("I've got tendonitis.", "health:tendonitis"),
        ("My knee surgery went well.", "health:knee surgery"),
    ],
)
def test_a_condition_of_a_part_is_keyed_with_the_part(text: str, key: str) -> None:
    assert key in health(text)


def test_what_a_clinician_told_the_speaker_to_avoid_is_their_health() -> None:
    text = (
        "My trainer told me to avoid overhead presses because of my right shoulder "
        "impingement. Please leave them out of my plans."
    )
    found = claims(text)
    assert found["health:avoid overhead presses"] == (
        "was told by their trainer to avoid overhead presses "
        "(because of right shoulder impingement)"
    )
    assert "health:right shoulder impingement" in found


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("My physio said I should stay off squats.", "health:stay off squats"),
        ("I was told not to run for six weeks.", "health:not run for six weeks"),
        ("My doctor wants me to cut down on salt.", "health:cut down on salt"),
    ],
)
def test_other_frames_of_a_clinicians_restriction(text: str, key: str) -> None:
    assert key in health(text)


@pytest.mark.parametrize(
    "text",
    [
        "My trainer told my wife to avoid sugar.",  # told someone else
        "My doctor told me to call back tomorrow.",  # no restriction
        "My mom told me to avoid him.",  # no clinician
        "Did my trainer tell me to avoid squats?",  # a question
    ],
)
def test_no_restriction_of_the_speakers_body(text: str) -> None:
    assert not health(text)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I am intolerant to gluten.", "health:gluten intolerance"),
        ("I'm coeliac.", "health:celiac disease"),
        ("I'm gluten intolerant.", "health:gluten intolerance"),
        ("cut. 2200. lactose intolerant btw, no milk.", "health:lactose intolerance"),
        ("coeliac here, so no bread please", "health:celiac disease"),
        ("also allergic to peanuts fyi", "health:allergic to peanuts"),
    ],
)
def test_an_intolerance_is_health_said_in_full_or_bare(text: str, key: str) -> None:
    assert key in health(text)


@pytest.mark.parametrize(
    "text",
    [
        "Lactose intolerant people can't drink milk.",  # a modifier of a noun
        "Is it lactose intolerant friendly?",  # a question
        "Diabetic recipes, please.",  # a modifier
        "My wife is lactose intolerant.",  # the wife's
        "My friend tore her ACL.",  # the friend's
        "My son's knee is sore.",  # the son's
    ],
)
def test_conditions_of_others_and_modifiers_are_not_the_speakers(text: str) -> None:
    assert not health(text)
