"""A change of mind stated with "from now" or "from today" without "on", or under a label of
change ("change: push only, no sms", "Update: email only"), ends the earlier preference it
relates to; and the ways a visit takes place (in person, video, phone) are alternatives of one
group, so a change to a video visit ends "in-person please" (review 8, Lin and Keiko).

Neighbours that are no change stay: a time ahead ("two weeks from now"), a day's things
("today's paper"), a place ("from here to the station"), a label inside a sentence, and
"video" or "phone" alone, which name other things.
"""

from __future__ import annotations

import hashlib
from importlib import resources

import pytest

from persona6.extract.text import packaged_yaml
from persona6.graph.consolidate import _is_change, change_cues, config, state_version
from persona6.types import Trait, TraitStatus
from tests.graph.test_change_of_mind_across_keys import by_key, signal


def assert_ended(old: Trait, new: Trait) -> None:
    assert old.valid_to == new.valid_from
    assert old.status is TraitStatus.SUPERSEDED
    assert new.status is TraitStatus.ACTIVE and new.valid_to is None


@pytest.mark.parametrize(
    "quote",
    [
        "From now video visit is better.",
        "from now, video visits please",
        "From today video visit is better for me.",
        "From here on video visit please.",
        "change: video visit from now",
        "Change: video visits please",
        "Update: video visit is better",
        "new: video visits only",
        "changed: video visit",
    ],
)
def test_a_change_without_on_or_under_a_label_ends_the_aversion(quote: str) -> None:
    traits = by_key(
        [signal("s1", 1, "video", -1.0, "not video"), signal("s2", 9, "video visit", 1.0, quote)]
    )
    assert_ended(traits["video"], traits["video visit"])


@pytest.mark.parametrize(
    "quote",
    [
        "Book the video visit two weeks from now.",
        "A video visit a year from today sounds far.",
        "The video visit from today's list is better.",
        "Video visit from here to the station is better.",
        "The change: video visit is better",
        "Video visit is better, news: none",
        "Video visit is better.",
    ],
)
def test_these_are_no_statements_of_change(quote: str) -> None:
    traits = by_key(
        [signal("s1", 1, "video", -1.0, "not video"), signal("s2", 9, "video visit", 1.0, quote)]
    )
    assert traits["video"].valid_to is None and traits["video"].status is TraitStatus.ACTIVE


def test_a_label_of_change_with_no_text_after_it_is_none() -> None:
    assert not _is_change("New:", config())
    assert not _is_change("changes: none", config())


@pytest.mark.parametrize(
    ("old", "new", "quote"),
    [
        ("in-person", "video visit", "From now video visit is better."),
        ("in person", "video visits", "I switched to video visits."),
        ("video visit", "in-person visit", "From today in-person visit please."),
        ("phone appointment", "telehealth", "Going forward, telehealth please."),
        ("face to face", "phone visit", "change: phone visit"),
    ],
)
def test_a_change_of_visit_mode_ends_the_earlier_mode(old: str, new: str, quote: str) -> None:
    traits = by_key([signal("s1", 1, old), signal("s2", 9, new, 1.0, quote)])
    assert_ended(traits[old], traits[new])
    assert traits[new].supersedes == traits[old].id


@pytest.mark.parametrize(
    "earlier",
    [
        ["see doctor face to face", "in person"],
        ["in person", "see doctor face to face"],  # the most recent replaced, either way
        ["in-person visits", "face-to-face"],
    ],
)
def test_a_change_ends_every_name_of_the_alternative_it_replaces(earlier: list[str]) -> None:
    # Review 8 (Lin, N6): "I like to see doctor face to face" stayed active, and in her
    # brief, after "From now video visit is better" ended "In person is better for me": two
    # names of one alternative (alternatives.yaml ``same``), one inside a longer key.
    said = [signal(f"s{n}", n, key) for n, key in enumerate(earlier, 1)]
    new = signal("s9", 9, "video visit", 1.0, "From now video visit is better.")
    traits = by_key([*said, new])
    for key in earlier:
        assert_ended(traits[key], traits["video visit"])


@pytest.mark.parametrize(
    ("earlier", "kept"),
    [
        # another alternative of the group: only the most recent one is replaced, as before
        (["phone appointment", "in person"], "phone appointment"),
        (["see doctor face to face", "phone appointment"], "see doctor face to face"),
        # "face" alone names no alternative
        (["face masks", "in person"], "face masks"),
    ],
)
def test_another_alternative_of_the_group_is_not_ended_with_it(
    earlier: list[str], kept: str
) -> None:
    said = [signal(f"s{n}", n, key) for n, key in enumerate(earlier, 1)]
    new = signal("s9", 9, "video visit", 1.0, "From now video visit is better.")
    traits = by_key([*said, new])
    assert traits[kept].valid_to is None and traits[kept].status is TraitStatus.ACTIVE


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("video games", "in person"),  # "video" alone names other things
        ("phone cases", "video visit"),
        ("in-person", "video games"),
    ],
)
def test_what_is_no_visit_mode_stays(old: str, new: str) -> None:
    traits = by_key([signal("s1", 1, old), signal("s2", 9, new, 1.0, "From now I like it.")])
    assert traits[old].valid_to is None and traits[old].status is TraitStatus.ACTIVE


def test_the_groups_of_alternatives_are_part_of_the_state_version() -> None:
    # A stored state keeps the changes applied: editing alternatives.yaml must refold them,
    # and so must a change to the word classes the change cues are filled from (session 17).
    data = resources.files("persona6.data")
    text = data.joinpath("graph.yaml").read_text() + data.joinpath("alternatives.yaml").read_text()
    text += "\n".join(change_cues())
    digest = hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()
    assert state_version().endswith(digest)


def test_the_names_of_one_alternative_are_members_of_one_group() -> None:
    lexicon = packaged_yaml("alternatives.yaml")
    group_of = {str(m).lower(): g for g, ms in lexicon["groups"].items() for m in ms}
    seen: set[str] = set()
    for names in lexicon["same"]:
        assert len(names) > 1, names
        groups = {group_of.get(str(name).lower()) for name in names}
        assert len(groups) == 1 and None not in groups, names  # one group, members of it
        assert not seen & set(names), names  # a name of one alternative only
        seen |= set(names)
