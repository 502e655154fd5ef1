"""persona6.concern.v7: recurring worries and requirements, from the concerns taxonomy."""

from __future__ import annotations

import pytest
from helpers import extracted
from hypothesis import given, settings
from hypothesis import strategies as st

from persona6 import synth
from persona6.extract import EXTRACTORS, concern
from persona6.extract.text import load_lexicon
from persona6.types import Signal, SignalKind

EXTRACTOR = EXTRACTORS[concern.NAME]


def say(text: str, actor: str = "u1") -> list[Signal]:
    return extracted(EXTRACTOR.name, text, actor)


def keys(text: str) -> set[str]:
    return {signal.key for signal in say(text)}


CONCERNS = [
    ("How much does the pro plan cost?", "cost"),
    ("That seems really expensive for a small team", "cost"),
    ("It was costing us a fortune", "cost"),
    ("Is it safe to store my passwords here?", "security"),
    ("We got hacked last year", "security"),
    ("Who can see my personal data?", "privacy"),
    ("The app keeps crashing on startup", "reliability"),
    ("We had two outages this week", "reliability"),
    ("Why is the dashboard so slow?", "speed"),
    ("Latency matters a lot for us", "speed"),
    ("Are you sure that answer is accurate?", "correctness"),
    ("please don't make things up", "correctness"),
    ("I lost my work when the tab closed", "data_loss"),
    ("Make sure it is backed up every night", "data_loss"),
    ("Is this GDPR compliant?", "compliance"),
    ("I don't want vendor lock-in", "lock_in"),
    ("The settings page is confusing", "ease_of_use"),
    ("Checkout takes too many clicks", "ease_of_use"),
    ("Is there a simpler way to do the invites?", "ease_of_use"),
    ("Would I lose my changes if the browser crashes?", "data_loss"),
    ("I deleted by accident the whole folder", "data_loss"),
    ("How would we migrate away from you in a year?", "lock_in"),
    ("I have a deadline on Friday", "time"),
    ("Does it work with a screen reader?", "accessibility"),
]


@pytest.mark.parametrize(("text", "key"), CONCERNS)
def test_finds_the_concern(text: str, key: str) -> None:
    assert key in keys(text)


NO_CONCERN = [
    "I don't care about the price",
    "Thanks, that worked!",
    "I baked cookies for the party",
    "Can you write a poem about autumn?",
    "My boss said the price is too high",
    'The banner says "100% secure"',
]


@pytest.mark.parametrize("text", NO_CONCERN)
def test_raises_no_concern(text: str) -> None:
    assert say(text) == []


def test_questions_and_worry_markers_weigh_more() -> None:
    [plain] = say("The price went up.")
    [asked] = say("Did the price go up?")
    [worried] = say("I'm worried the price went up.")
    [both] = say("I'm worried: did the price go up?")
    assert plain.weight == 1.0
    assert asked.weight == worried.weight == 1.5
    assert both.weight == 2.0


def test_one_signal_per_concern_citing_each_sentence() -> None:
    text = "How much is it? It looks expensive."
    [signal] = say(text)
    assert signal.key == "cost"
    assert [e.quote for e in signal.evidence] == ["How much is it?", "It looks expensive."]
    assert all(text[e.start : e.end] == e.quote for e in signal.evidence)


def test_signal_kind_value_and_producer() -> None:
    [signal] = say("Is it safe to pay by card here?")
    assert signal.kind is SignalKind.CONCERN
    assert signal.value == "worried about security"
    assert signal.producer == "persona6.concern.v31"


def test_inflected_cues_match_whole_words_only() -> None:
    assert keys("They hacked the router") == {"security"}
    assert keys("a shacked up hermit") == set()


def test_taxonomy_is_a_versioned_data_file_with_labels_and_cues() -> None:
    data = load_lexicon("concerns")
    assert isinstance(data["version"], int)
    assert {"cost", "security", "privacy", "reliability", "speed", "correctness"} <= set(
        data["concerns"]
    )
    assert all(entry["label"] and entry["cues"] for entry in data["concerns"].values())


def _unfiltered(text: str, monkeypatch: pytest.MonkeyPatch) -> list[tuple]:
    with monkeypatch.context() as patch:
        patch.setattr(concern, "_candidates", lambda _text: list(concern.taxonomy().concerns))
        # concern.v31: the stance fields are searched only beside one of their field words too
        patch.setattr(
            concern, "_stance_candidates", lambda _text: list(concern._stance_rules().fields)
        )
        return [(c.key, c.value, c.weight, c.spans) for c in concern.concern_claims(text)]


def _claims(text: str) -> list[tuple]:
    return [(c.key, c.value, c.weight, c.spans) for c in concern.concern_claims(text)]


def test_the_word_prefilter_skips_no_concern_on_generated_messages(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    texts = {event.get("text") or "" for event in synth.generate(seed=3, people=4).events}
    found = 0
    for text in texts:
        claims = _claims(text)
        assert claims == _unfiltered(text, monkeypatch), text
        found += bool(claims)
    assert found > 20


CUE_PIECES = [
    "cost",
    "COSTS",
    "price",
    "how much is",
    "two-factor",
    "api keys",
    "keeps crashing",
    "real-time",
    "ſecurity",
    "İ",
    "K",
    "hacKed",
    "not worried about",
    "she said",
    '"',
    "'",
    "’",
    "-",
    "?",
    ". ",
    "\n",
    " ",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(CUE_PIECES), st.text(max_size=5)), max_size=12))
def test_the_word_prefilter_skips_no_concern_on_arbitrary_text(pieces: list[str]) -> None:
    text = "".join(pieces)
    with pytest.MonkeyPatch.context() as patch:
        assert _claims(text) == _unfiltered(text, patch)


@pytest.mark.parametrize(
    "text",
    [
        "I work as a site reliability engineer",
        "I'm a security analyst at a bank",
        "I work in compliance",
        "I am the privacy officer here",
    ],
)
def test_a_job_title_is_not_a_concern(text: str) -> None:
    assert keys(text) == set()


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I work as a nurse. Is my data private?", "privacy"),
        ("I work remotely and security is my top priority", "security"),
        ("Our security team wants SSO", "security"),
        ("Can I talk to a customer support agent?", "support"),
    ],
)
def test_a_concern_beside_a_job_is_still_a_concern(text: str, key: str) -> None:
    assert key in keys(text)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Are the user ids anonymized before you share reports?", "privacy"),
        ("What do you store about me?", "privacy"),
        ("Will you train your models on our tickets?", "privacy"),
        ("Is there a status page for the API?", "reliability"),
        ("Can we count on the backups finishing overnight?", "reliability"),
    ],
)
def test_new_privacy_and_reliability_cues(text: str, key: str) -> None:
    assert key in keys(text)


@pytest.mark.parametrize("text", ["I rely on my sister for rides", "You can count on me"])
def test_dependence_on_people_is_no_reliability_concern(text: str) -> None:
    assert "reliability" not in keys(text)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Who else can see these files?", "privacy"),
        ("Can we export everything if we decide to leave?", "lock_in"),
        ("I'm worried we'll lose the draft if the tab crashes.", "data_loss"),
        ("The totals don't add up.", "correctness"),
        ("Are you sure that number is right?", "correctness"),
        ("I'm worried the numbers are off.", "correctness"),
        ("Can I trust these results?", "correctness"),
        ("What happens to my files if you go bust?", "data_loss"),
        ("I keep losing my work", "data_loss"),
        ("Can my manager see my chats?", "privacy"),
        ("Where are your servers located?", "privacy"),
        ("Do you train your AI on my messages?", "privacy"),
        ("I don't want to be locked into your format.", "lock_in"),
        ("Is there an API so we can leave later?", "lock_in"),
        ("My grandma needs to use this, is it easy?", "ease_of_use"),
        ("Will my kids be safe using this?", "safety"),
        ("Does it work offline?", "reliability"),
        ("Can you guarantee this won't break our production?", "reliability"),
    ],
)
def test_concerns_in_other_words(text: str, key: str) -> None:
    assert key in keys(text)


def test_adding_up_is_no_concern() -> None:
    # no correctness; and from concern.v19 the costs named plainly are no cost concern either
    assert keys("Let me add up the costs first") == set()


@pytest.mark.parametrize(
    "text",
    [
        "My grandma makes the best pie",
        "The store will shut down at 5",
        "I have to shut down my laptop",
    ],
)
def test_everyday_words_near_the_new_cues_are_no_concern(text: str) -> None:
    assert keys(text) == set()


def test_guilty_as_charged_is_no_cost() -> None:
    assert keys("Guilty as charged.") == set()
    assert keys("I was charged twice") == {"cost"}


@pytest.mark.parametrize(
    "text",
    [
        "I must send the invoices to the tax consultant every month.",
        "We have to file the billing report every quarter.",
        "Where do I find my invoices?",
        "Too long.",
        "That answer was too long, shorter please.",
    ],
)
def test_a_task_or_a_length_is_no_concern(text):
    assert say(text) == []


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("The invoice is too high this month.", "cost"),
        ("I'm worried about the billing.", "cost"),
        ("It must be cheap, we're a school.", "cost"),
        ("The report takes too long to load.", "speed"),
        ("Waiting too long for every export.", "speed"),
    ],
)
def test_a_cue_in_a_frame_of_worry_or_complaint_is_a_concern(text, key):
    assert [s.key for s in say(text)] == [key]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("rename without a deprecation warning is bad", "compatibility"),
        ("Renaming the endpoint without warning is unacceptable.", "compatibility"),
        ("The breaking changes in v2 are a nightmare.", "compatibility"),
        ("The new pricing is really bad.", "cost"),
    ],
)
def test_a_judgement_of_the_products_behaviour_is_a_complaint(text: str, key: str) -> None:
    [signal] = say(text)
    assert (signal.key, signal.value.split()[:2], signal.weight) == (
        key,
        ["complains", "about"],
        1.0 + concern.WORRY_BONUS,
    )


@pytest.mark.parametrize(
    "text",
    ["Please rename the file to notes.md", "The new layout isn't bad", "I renamed it yesterday"],
)
def test_a_change_of_names_without_a_complaint_is_no_concern(text: str) -> None:
    assert say(text) == []
