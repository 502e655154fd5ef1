"""preference.v41: contrasts and changes read in any construction (``general_readings``): the
speaker prefers X to Y ("X instead of Y" after any verb of theirs, "X over Y" after a verb of
choosing, "X suits us better than Y", "X beats Y", "more X, less Y", "X, not Y" after a verb of
wanting), or their practice changed ("switched from X to Y", "gave up X for Y", "replaced X
with Y", "stopped X and moved to Y", "I used to X but now Y", "X is out, Y is in", "cut back
to N", "from now on can you ..."); a time after "my favourite X, Y," is no second favourite."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import preference
from persona6.extract.text import load_lexicon


def values(text: str) -> dict[str, str]:
    return {s.key: s.value for s in extracted(preference.NAME, text, "u1")}


def signs(text: str) -> dict[str, float]:
    return {s.key: s.polarity for s in extracted(preference.NAME, text, "u1")}


def test_the_producer_is_v42() -> None:
    assert preference.NAME == "persona6.preference.v57"
    assert load_lexicon("preferences")["version"] == 45


@pytest.mark.parametrize(
    ("text", "chosen", "other"),
    [
        # a verb of the speaker's before "instead of" / "rather than", a reason after
        (
            "For prototypes I use PLA instead of resin because the cleanup is less messy.",
            "pla",
            "resin",
        ),
        (
            "we order from the local bakery instead of the supermarket since the bread lasts",
            "local bakery",
            "supermarket",
        ),
        (
            "I'll happily drive further to use a Supercharger instead of the Ionity ones.",
            "supercharger",
            "ionity supercharger",
        ),
        (
            "For long runs I wear the Pegasus rather than the racing flats.",
            "pegasus",
            "racing flats",
        ),
        # a request
        (
            "Please use APA 7 rather than Harvard for all my references, my department needs it.",
            "apa 7",
            "harvard",
        ),
        (
            "Could you use British spelling instead of American in my cover letters?",
            "british spelling",
            "american",
        ),
        # "over" after a verb of choosing
        (
            "i pick postgres over mysql for new projects cause the json support is better",
            "postgres",
            "mysql",
        ),
        # verbs of suitability, of winning, "more X, less Y", "X, not Y" after a verb of wanting
        (
            "The quick 20-minute recipes suit us better than the fancy ones with 15 ingredients.",
            "quick 20-minute recipes",
            "fancy recipes",
        ),
        (
            "Short daily walks suit me much better than long weekend hikes.",
            "short daily walks",
            "long weekend hikes",
        ),
        (
            "Morning appointments work better for us than evening ones, the kids are in bed by 7.",
            "morning appointments",
            "evening appointments",
        ),
        (
            "Audiobooks work for me way better than podcasts when I'm driving.",
            "audiobooks",
            "podcasts",
        ),
        (
            "The standing desk fits my back better than the old chair did.",
            "standing desk",
            "old chair",
        ),
        ("Honestly vinyl beats streaming for jazz.", "vinyl", "streaming"),
        ("More vegetables, less pasta in the meal plan please.", "vegetables", "pasta"),
        (
            "Give me more of the practice questions and less of the theory.",
            "practice questions",
            "theory",
        ),
        (
            "I want a quiet hotel near the beach, not a party resort.",
            "quiet hotel near the beach",
            "party resort",
        ),
        # "rather X than Y" with the subject misspelt
        (
            "as a rule id rather reef early than get overpowered later",
            "reef early",
            "get overpowered",
        ),
        (
            "id rather pay a bit more than deal with a cheap contractor again",
            "pay a bit more",
            "deal with a cheap contractor",
        ),
    ],
)
def test_a_contrast_in_any_construction_has_both_sides(text: str, chosen: str, other: str) -> None:
    got = signs(text)
    assert got.get(chosen) == 1.0, values(text)
    assert got.get(other) == -1.0, values(text)
    assert values(text)[other].startswith(("against ", "asks for less "))


@pytest.mark.parametrize(
    ("text", "new", "old"),
    [
        ("no more cura for me, switched to prusaslicer last week", "prusaslicer", "cura"),
        (
            "I've stopped using tap water with conditioner and moved to RO water for the shrimps.",
            "ro water",
            "tap water",
        ),
        ("I've stopped taking the bus and moved to cycling to work.", "cycling", "bus"),
        ("We gave up cable for streaming services two years ago.", "streaming services", "cable"),
        ("I swapped my morning run for a swim because of my knee.", "swim", "morning run"),
        ("We replaced the gas hob with an induction one.", "induction hob", "gas hob"),
        ("i went from android to iphone last year", "iphone", "android"),
        ("I've moved from Evernote to Obsidian for my notes.", "obsidian", "evernote"),
        ("Sugar is out, honey is in for my porridge.", "honey", "sugar"),
        (
            "I used to drink coffee every morning but now I have green tea instead.",
            "green tea",
            "coffee",
        ),
        ("I no longer use Facebook, switched to Mastodon.", "mastodon", "facebook"),
        ("Changed my mind about the colour: navy instead of grey for the kitchen.", "navy", "grey"),
    ],
)
def test_a_change_is_for_the_new_side_against_the_old(text: str, new: str, old: str) -> None:
    got = signs(text)
    assert got.get(new) == 1.0, values(text)
    assert got.get(old) == -1.0, values(text)


@pytest.mark.parametrize(
    ("text", "key", "sign"),
    [
        ("I used to hate scales but now I actually look forward to them, weirdly.", "scales", 1.0),
        ("I used to love horror films but now I can't stand them.", "horror films", -1.0),
        ("We've dropped down to 3 meals a week, 5 was too much.", "3 meals a week", 1.0),
        ("we've gone down to one car since the kids left home", "one car", 1.0),
        ("We're not doing the early shift any more.", "early shift", -1.0),
        ("I quit sugar in my tea a month ago.", "sugar", -1.0),
        ("i quit drinking years ago", "drinking", -1.0),
        ("Ditched Slack, the whole team is on Discord now.", "slack", -1.0),
        ("These days I cook at home instead.", "cook at home", 1.0),
    ],
)
def test_a_change_of_one_side(text: str, key: str, sign: float) -> None:
    assert signs(text).get(key) == sign, values(text)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "From now on can you write the letters to my landlord in a more formal tone? The "
            "friendly ones got ignored.",
            "write the letters to my landlord in a more formal tone",
        ),
        (
            "Going forward just give me the corrections inline, I don't need an explanation.",
            "give the corrections inline",
        ),
    ],
)
def test_a_request_from_now_on_is_standing(text: str, key: str) -> None:
    assert values(text)[key].startswith("asks from now on to ")


@pytest.mark.parametrize(
    "text",
    [
        # another's choice, a suggestion to the listener, a supposition, a one-off
        "My boss uses Windows instead of Linux because of the drivers.",
        "You can use stuff like dairy-free margarine or coconut oil instead of butter.",
        "I wish I had gone to school instead of being a wild child.",
        "Swap the beef in this week's box for the chicken option please.",
        "Tea instead of coffee, just this once.",
        # a choice told in the past is a decision, one occasion ("went with": decision.py)
        "We went with the hatchback over the SUV because parking in town is a nightmare.",
        "I emailed the invoices instead of texting them.",
        "I switched from tea to coffee last year.",
        # "over" and "beat" in other senses
        "I'd love to have you over again.",
        "I like to beat everyone at arm wrestling.",
        "We walked over the bridge to the market.",
        # ", not" after no verb of wanting: a remark
        "i love baking, not an expert but popular among my friends",
        "i am a factory worker, not very exciting.",
        "we can walk at the mall, not run.",
        # "went to" a place, no amount; a job quit is no taste
        "I went to a LGBTQ support group yesterday and it was so powerful.",
        "I am going to quit my job and travel for a couple of months.",
        # a fragment answering is ``_choice_fragment``'s, read as before
        "retrying now with the card instead of the app",
    ],
)
def test_neighbours_that_choose_nothing(text: str) -> None:
    got = values(text)
    assert not any(
        v.startswith(("prefers", "has switched", "has given up", "has cut down", "asks for more"))
        for v in got.values()
    ), got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # read before v41 and left as they were
        (
            "I use Linux instead of Windows because the drivers are less of a hassle.",
            {
                "linux": "prefers linux over windows",
                "windows": "against windows (prefers linux instead)",
            },
        ),
        (
            "I prefer oat milk over dairy milk in my coffee.",
            {
                "oat milk": "prefers oat milk over dairy milk in my coffee",
                "dairy milk in my coffee": (
                    "against dairy milk in my coffee (prefers oat milk instead)"
                ),
            },
        ),
        (
            "Email rather than phone calls please, I'm in meetings all day.",
            {
                "email": "asks for email rather than phone calls",
                "phone calls": "against phone calls (asks for email instead)",
            },
        ),
        ("I don't eat red meat anymore.", {"red meat": "does not eat red meat"}),
    ],
)
def test_readings_before_stay(text: str, expected: dict[str, str]) -> None:
    assert values(text) == expected


def test_a_time_after_my_favourite_is_no_favourite() -> None:
    assert values("We watched my favorite movie, Up, last night") == {"up": "favourite: up"}
    assert values("I love pizza, pasta, tacos") == {
        "pizza": "loves pizza",
        "pasta": "loves pasta",
        "tacos": "loves tacos",
    }
