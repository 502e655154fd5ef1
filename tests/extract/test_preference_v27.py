"""persona6.preference.v27 (review 7, API review D7): requests of the moment and chat forms that
were read as standing tastes, or as garbled ones, and contrasts that were missed. "Please keep X
ADJ" asks about form ("asks to keep answers short", not "asks always to answers short"), and
"keep this efficient" asks about the conversation at hand; "I should like to <act> <the thing
at hand>" is the polite "would like" of a task, and "want to <verb>ing" a learner's "want to
<verb>"; "Instead of X, Y please" and a bare "Y, not X" of file formats are contrasts, as is
"Y, never X" of any two noun phrases; a chart kind keys by one name in either number ("a pie
chart", "pie charts", and "pies" among charts); "never" + a bare noun asks for no such thing; "no
X" with what X does to the speaker stands; a lone verb on the other side of a contrast keeps its
time ("than fly at night"); chat fillers are no part of an object; the listener's act on "it"
names what "it" is or says nothing. Each with neighbours that stay as they were."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import preference
from persona6.extract.text import load_lexicon


def read(text: str) -> dict[str, tuple[str, float]]:
    return {s.key: (s.value, s.polarity) for s in extracted(preference.NAME, text, "u1")}


def test_the_producer_is_v27() -> None:
    assert preference.NAME == "persona6.preference.v57"
    assert load_lexicon("preferences")["version"] == 45


# "Please keep X ADJ" states a form; "please keep <this/me> ..." is about the moment or listener.
@pytest.mark.parametrize(
    ("text", "adjective"),
    [
        ("Please keep answers short.", "short"),
        ("Please keep replies brief, I read them on my phone.", "brief"),
        ("Please keep the explanations simple.", "simple"),
    ],
)
def test_keep_answers_adjective_asks_for_that_form(text: str, adjective: str) -> None:
    assert read(text) == {adjective: (f"asks to keep answers {adjective}", 1.0)}


@pytest.mark.parametrize(
    "text",
    [
        "so please keep this efficient.",
        "Please keep me posted.",
        "Please keep the door closed.",
        "Please keep responses under 100 words.",
    ],
)
def test_keep_something_at_hand_is_no_taste(text: str) -> None:
    assert read(text) == {}


def test_please_keep_doing_stays_a_standing_request() -> None:
    assert read("Please keep using metric units.") == {
        "metric units": ("asks always to use metric units", 1.0)
    }


# "I should like to" is the polite "I would like to": a task when it acts on a thing at hand.
@pytest.mark.parametrize(
    "text",
    [
        "I should like to compare the fares to Zurich on the 14th, and only then choose.",
        "I should like to see the wine list.",
        "I should like to review the contract before signing.",
        "I would like to compare prices first.",
        "We would like to choose the venue ourselves.",
    ],
)
def test_a_polite_request_for_the_task_at_hand_is_no_taste(text: str) -> None:
    assert read(text) == {}


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("I should like a window seat.", "window seat", "would like window seat"),
        ("I like to choose my own seat.", "choose my own seat", "likes to choose my own seat"),
        ("I'd love to visit Japan.", "visit japan", "would love to visit japan"),
    ],
)
def test_a_polite_wish_for_a_thing_stays(text: str, key: str, value: str) -> None:
    assert read(text) == {key: (value, 1.0)}


# A learner's "want to <verb>ing" and "want <verb>" ask for the act at hand.
@pytest.mark.parametrize(
    "text",
    [
        "I want to booking flight Seoul to Vancouver for me and my mother.",
        "I want to ordering two pizza for tonight.",
        "I would like to checking my reservation.",
        "Hello. I want go Bangkok, with my mother like before.",
        "I want go to the museum tomorrow.",
        "I want know the price of the blue one.",
    ],
)
def test_a_learners_request_of_the_session_is_no_taste(text: str) -> None:
    assert read(text) == {}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I want change in my life.", "change in my life"),
        ("I want more free time.", "more free time"),
    ],
)
def test_a_want_of_a_thing_stays(text: str, key: str) -> None:
    assert set(read(text)) == {key}


# File formats: a fronted "instead of" and a bare fragment are contrasts; "from now on" stands.
@pytest.mark.parametrize(
    ("text", "chosen", "other"),
    [
        (
            "Instead of CSV, parquet please from now on — the files are getting huge.",
            "parquet",
            "csv",
        ),
        ("Parquet, not CSV.", "parquet", "csv"),
        ("Instead of Excel, a PDF please.", "pdf", "excel"),
        ("JSON, not XML.", "json", "xml"),
        ("Instead of tables, charts please.", "charts", "tables"),
    ],
)
def test_formats_in_a_fronted_or_bare_contrast(text: str, chosen: str, other: str) -> None:
    found = read(text)
    assert {key: polarity for key, (_, polarity) in found.items()} == {chosen: 1.0, other: -1.0}
    assert found[other][0].startswith(f"against {other}")


@pytest.mark.parametrize(
    "text",
    [
        # "Slack, not email." and "Tea, not coffee." stand unasked and are nothing as answers
        # to a question (v29, test_preference_v29)
        "Instead of the bus, I take the train.",
        "Export as CSV please.",
    ],
)
def test_other_bare_contrasts_stay_nothing(text: str) -> None:
    assert read(text) == {}


# "Y, never X": "never" makes any choice of two noun phrases standing.
@pytest.mark.parametrize(
    ("text", "chosen", "other"),
    [
        ("Aisle, please, never the middle seat.", "aisle seat", "middle seat"),
        ("Oat milk, never dairy please.", "oat milk", "dairy"),
        ("Window seat, never the aisle.", "window seat", "aisle seat"),
        ("Tea, never coffee.", "tea", "coffee"),
        ("charts, never raw tables 🙏📊", "charts", "tables"),
        ("Bars, as before, never pies.", "bar charts", "pie charts"),
    ],
)
def test_a_choice_with_never_between_two_things(text: str, chosen: str, other: str) -> None:
    found = read(text)
    assert {key: polarity for key, (_, polarity) in found.items()} == {chosen: 1.0, other: -1.0}


@pytest.mark.parametrize(
    "text",
    [
        "Honestly, never again.",
        "Sorry, never mind.",
        "Boston, never again!",
        "Friday, never Monday?",
        "My sister, never my brother, came.",
    ],
)
def test_never_in_an_idiom_or_a_clause_is_no_choice(text: str) -> None:
    assert read(text) == {}


# Chart kinds key by one name in either number; short forms only where charts are meant.
@pytest.mark.parametrize(
    "text",
    [
        "Please do not give me a pie chart; bars are clearer.",
        "Anything but pie charts, please; use a bar chart.",
        "Bars, as before, never pies.",
    ],
)
def test_one_chart_kind_in_every_wording_keys_alike(text: str) -> None:
    assert read(text)["pie charts"][1] == -1.0


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Pies please, as usual.", "pies"),  # a bakery order
        ("I love pies.", "pies"),
        ("chart > table always 📈💕", "charts"),
        ("Morning. Change of mind about exports: xlsx is better now.", "xlsx"),  # no synonym
    ],
)
def test_a_short_form_without_charts_keeps_its_key(text: str, key: str) -> None:
    assert key in read(text)


# "never" + a bare noun asks for no such thing; a verb keeps "asks not to".
@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("Never pies.", "pies", "asks for no pies"),
        ("Never emojis please.", "emojis", "asks for no emojis"),
        ("Never discuss politics.", "discuss politics", "asks not to discuss politics"),
        ("Please never use tables.", "tables", "asks not to use tables"),
    ],
)
def test_never_with_a_noun_reads_as_asking_for_none(text: str, key: str, value: str) -> None:
    assert read(text) == {key: (value, -1.0)}


# "no X" with what X does to the speaker stands.
@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("no overnight flights though 🙅 i'm a zombie after", "overnight flights"),
        ("No red-eyes, they wreck me.", "red-eyes"),
        ("No oysters please, they make me sick.", "oysters"),
        ("no espresso after lunch, I can't sleep after it", "espresso after lunch"),
    ],
)
def test_no_x_with_its_effect_on_the_speaker_stands(text: str, key: str) -> None:
    assert read(text) == {key: ("asks for no " + key, -1.0)}


@pytest.mark.parametrize(
    "text",
    [
        "no idea, I'm a zombie after work",
        "No worries, I'm exhausted.",
        "No coffee though, it keeps me up.",
        "no rush, they wreck me anyway",
    ],
)
def test_no_x_without_such_an_effect_stays_nothing(text: str) -> None:
    assert read(text) == {}


# A lone verb on the other side of a contrast keeps what the object stops cut.
def test_the_other_side_keeps_its_time() -> None:
    found = read("not the 1am one 😵 i'd rather pay 10 more than fly at night")
    assert found["fly at night"] == ("against fly at night (would rather pay 10 instead)", -1.0)
    assert read("I'd rather walk than drive in the morning.")["drive in the morning"][1] == -1.0


def test_a_side_that_names_a_thing_is_cut_as_before() -> None:
    assert set(read("I'd rather swim than run, honestly.")) == {"swim", "run"}
    assert set(read("I prefer tea over coffee in the morning.")) == {"tea", "coffee"}


# Chat fillers are no part of an object.
@pytest.mark.parametrize(
    ("text", "key"),
    [
        # (a fear of the thing at hand is a worry since v31: a kind of thing here)
        ("i'm terrified of public speaking tbh 😰", "public speaking"),
        ("I hate spiders tbh", "spiders"),
        ("I love hiking btw", "hiking"),
        ("I prefer window seats ngl", "window seats"),
    ],
)
def test_fillers_are_no_part_of_the_object(text: str, key: str) -> None:
    assert key in read(text)


# The listener's act on "it" names what "it" is, or says nothing.
def test_the_listeners_act_on_it_names_the_thing_before() -> None:
    text = (
        "Hi. Do you keep a copy of my passport after booking? "
        "I would prefer you delete it once the ticket is issued."
    )
    assert read(text) == {
        "you delete the passport once the ticket is issued": (
            "would prefer you delete the passport once the ticket is issued",
            1.0,
        )
    }


@pytest.mark.parametrize(
    "text",
    [
        "I would prefer you delete it once the ticket is issued.",
        "I'd prefer you send it by email.",
    ],
)
def test_the_listeners_act_on_an_unresolved_it_is_no_claim(text: str) -> None:
    assert read(text) == {}


def test_the_listeners_act_on_a_thing_stays() -> None:
    assert read("I'd prefer you used bullet points.") == {
        "you used bullet points": ("would prefer you used bullet points", 1.0)
    }


# The first word of a compound said for the whole keys as the compound where its head is named.
@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("Aisle, please, never the middle seat.", {"aisle seat", "middle seat"}),
        ("Window, never aisle.", {"window seat", "aisle seat"}),
        ("I would like an aisle seat; a middle seat is out of the question.", {"aisle seat"}),
    ],
)
def test_a_seat_said_by_its_first_word_keys_as_the_seat(text: str, keys: set[str]) -> None:
    assert set(read(text)) == keys


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("Window, never the door.", {"window", "door"}),
        ("I like the window open.", {"window open"}),
    ],
)
def test_a_first_word_without_its_head_keeps_its_key(text: str, keys: set[str]) -> None:
    assert set(read(text)) == keys
