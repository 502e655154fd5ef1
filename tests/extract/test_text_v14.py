"""english v14 (end-to-end probe 11, pasted material): words another wrote, pasted into a
message, are not the speaker's. Single quotes quote as double quotes do, told from apostrophes;
a text said by a verb of saying ("Venue just emailed:", "Reviewer 2 wrote:", "the label
reads:") or named as a document ("here's the clause:", "Shipping forecast for Wight:") is
material up to the end of a quotation opening right after its colon, else its paragraph less
the person's closing question; an email's header block ("From:" then "Subject:") starts a
forwarded message. The speaker's own words around the material still count."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import concern, disclosure, preference
from persona6.extract import text as tx
from persona6.extract.text import load_lexicon


def pieces(spans: list[tx.Span], text: str) -> list[str]:
    return [text[s.start : s.end] for s in spans]


def test_the_version_is_14_or_later() -> None:
    assert load_lexicon("english")["version"] >= 14


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        (
            "here's the clause: 'The Tenant shall not keep pets.' can they refuse?",
            "'The Tenant shall not keep pets.'",
        ),
        ("I said 'I don't know' and left", "'I don't know'"),
        ("Coach's notes: 'Runs too fast, loves sprints.'", "'Runs too fast, loves sprints.'"),
    ],
)
def test_single_quotes_quote(text: str, quoted: str) -> None:
    assert quoted in pieces(tx.quoted_spans(text), text)


@pytest.mark.parametrize(
    "text",
    [
        "the kids' room and the dogs' beds",
        "'cause I like 'em",
        "music of the '90s and the '80s",
        "I don't think it's Jess's",
    ],
)
def test_apostrophes_quote_nothing(text: str) -> None:
    assert pieces(tx.quoted_spans(text), text) == []


@pytest.mark.parametrize(
    ("text", "material", "own"),
    [
        (
            "Venue just emailed: We can only offer 21 June now. What should I do?",
            "We can only offer 21 June now.",
            "What should I do?",
        ),
        (
            "Shipping forecast for Wight: Southwest 5 to 7, occasionally gale 8 later.",
            "Southwest 5 to 7",
            "",
        ),
        (
            "He replied: 'We can't guarantee it.' That really worries me.",
            "'We can't guarantee it.'",
            "That really worries me.",
        ),
        (
            "From: FreshPlate <orders@freshplate.co>\nSubject: Your box!\n\nHi Sam, we know you "
            "love spicy food.",
            "we know you love spicy food",
            "",
        ),
    ],
)
def test_material_said_by_another_is_pasted(text: str, material: str, own: str) -> None:
    spans = tx.material_spans(text)
    assert any(material in piece for piece in pieces(spans, text))
    if own:
        assert not any(own in piece for piece in pieces(spans, text))


@pytest.mark.parametrize(
    "text",
    [
        "I wrote: I love hiking and I'm vegetarian.",
        "My plan for today: gym, then work.",
        "Subject to change, we said we would go.",
    ],
)
def test_the_speakers_own_lines_are_not_pasted(text: str) -> None:
    assert tx.material_spans(text) == []


def test_no_claim_from_a_quoted_clause_but_the_speakers_own_words_count() -> None:
    text = (
        "Here's the clause: 'The Landlord may enter at any time and the Tenant consents to "
        "this.' can he really just walk in? I have a cat."
    )
    assert [s.key for s in extracted(concern.NAME, text)] == []
    assert "pets:cat" in [s.key for s in extracted(disclosure.NAME, text)]


def test_no_preference_from_notes_another_wrote() -> None:
    text = "Coach's notes: 'Runs too fast early, struggles on hills, loves sprint sessions.'"
    assert extracted(preference.NAME, text) == []


def test_a_worry_after_a_quoted_reply_is_the_speakers() -> None:
    text = (
        "He replied: 'We can't guarantee your data won't be shared.' That really worries "
        "me, I don't want my address going to strangers."
    )
    assert "privacy" in [s.key for s in extracted(concern.NAME, text)]
