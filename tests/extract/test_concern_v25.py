"""persona6.concern.v25: being held by a product one cannot leave is lock-in, in its idioms (held
hostage, stuck with them forever, trapped on a platform) and as records that cannot be got out
("I can't get my data out", "no way to export my recipes", "no export button"), or asked about
when leaving ("can I export my workouts if I cancel?"); where records are kept, asked by region,
country or data centre, is privacy (residency), not data loss ("which region are my backups
in?"); and what a group of other people love, hate or care about, asked why, is no concern of
the speaker's ("why do beginners love Python so much"). Each rule is checked on sentences of
several domains, and on neighbours that must stay unchanged."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import concern
from persona6.extract.text import load_lexicon
from persona6.types import SignalKind


def worries(text: str) -> set[str]:
    return {s.key for s in extracted(concern.NAME, text) if s.kind is SignalKind.CONCERN}


def test_the_producer_is_v25() -> None:
    assert concern.NAME == "persona6.concern.v31"
    assert load_lexicon("concerns")["version"] == 31


@pytest.mark.parametrize(
    "text",
    [
        "I feel like this CRM is holding us hostage",
        "my notes are held hostage behind a paywall now",
        "we're stuck with them forever now that all our invoices live there",
        "worried we'll be trapped on this platform",
        "I can't get my data out of this note app",
        "there's no way to export my recipes, which is annoying",
        "No export button anywhere?? how do I get my stuff out",
        "the bank won't let me export my statements",
        "Is there any way to export my workouts if I cancel?",
        "can I download all my data before I close the account?",
    ],
)
def test_held_by_a_product_is_lock_in(text: str) -> None:
    assert "lock_in" in worries(text), (text, worries(text))


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("which region are my backups in?", "data_loss"),
        ("Which country are my photos stored in?", None),
        ("Are my photos stored in the EU or the US?", None),
        ("do you keep my chat history on servers in the US?", None),
        ("what data centre hosts our patient records?", None),
    ],
)
def test_where_records_are_kept_by_region_is_privacy(text: str, absent: str | None) -> None:
    found = worries(text)
    assert "privacy" in found, (text, found)
    assert absent not in found, (text, found)


@pytest.mark.parametrize(
    "text",
    [
        "why do beginners love Python so much",
        "how come so many people care about privacy these days",
        "What makes teenagers so obsessed with cheap fast fashion?",
        "why do most users hate the new pricing",
    ],
)
def test_a_groups_attitude_asked_is_no_concern(text: str) -> None:
    assert worries(text) == set(), (text, worries(text))


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I was held up in traffic", None),
        ("we're stuck with my in-laws all weekend", None),
        ("can you export this table to csv", None),
        ("I can't get my photos to load", "lock_in"),
        ("which region has the best weather in Spain", None),
        ("Our backups run every night at 2am", None),
        ("Is there a backup if I delete a file by accident?", "data_loss"),
        ("Does the clinic keep my medical records after I leave?", "privacy"),
        ("Why is this plan so expensive?", "cost"),
        ("Why do I care so much about privacy?", "privacy"),
    ],
)
def test_neighbours_stay(text: str, key: str | None) -> None:
    found = worries(text)
    if key is None:
        assert found == set(), (text, found)
    elif key == "lock_in":
        assert key not in found, (text, found)
    else:
        assert key in found, (text, found)
