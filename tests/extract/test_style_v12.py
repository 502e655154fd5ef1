"""persona6.style.v12: a challenge that names what it challenges ("You said X. That's not true
...", "Prove it.") counts where only one person speaks; the product conceding right after a
person's message ("You're right, apologies") confirms that message's pushback; moderating a
channel ("please keep it civil", "Pinning this", "I've moved this to #support") is a style
trait, read where several people speak."""

from __future__ import annotations

import pytest

from tests.extract.test_style import bot, said, style

HELEN = (
    "You said pg_repack needs no downtime. That's not true for tables without a primary key, is it?"
)
CONCEDES = "You're right, apologies: pg_repack requires a primary key or a unique index."


def challenge(*session) -> list[str] | None:
    """The quotes of the challenges_answers signal of u1, None when there is none."""
    found = style(list(session)).get("challenges_answers")
    return None if found is None else [e.quote for e in found.evidence]


# -- a challenge that names what it challenges, where "you" can only be the product --------


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (HELEN, "That's not true for tables without a primary key, is it?"),
        (
            "You told me the export keeps the tags. That's wrong, they are gone.",
            "That's wrong, they are gone.",
        ),
        ("Earlier you claimed the lock is brief. Are you sure?", "Are you sure?"),
        ("Your last answer said 30 days. That contradicts the pricing page.", None),
        ("you said it was free but I was charged", None),
    ],
)
def test_a_restated_answer_then_contradicted_challenges_with_no_answer_before(
    text: str, quote: str | None
) -> None:
    quotes = challenge(said(1, text))
    assert quotes is not None
    assert quote is None or quote in quotes


@pytest.mark.parametrize(
    "text",
    [
        "Prove it.",
        "Prove it. Paste the exact output of pg_stat_replication, don't summarise it.",
        "ok, can you prove that?",
        "Show me the proof.",
        "Where's the evidence?",
    ],
)
def test_a_bare_demand_for_proof_challenges(text: str) -> None:
    assert challenge(said(1, text)) is not None


def test_prove_it_asks_for_the_evidence_too() -> None:
    assert "asks_for_sources" in style([said(1, "Prove it.")])


@pytest.mark.parametrize(
    "text",
    [
        # pushback naming nothing, with no answer before it: as before (v11)
        "Are you sure this is the way?",
        "That's not true.",
        # a restatement that contradicts nothing
        "You said it would be fine, and it was.",
        "You told me to restart it, so I did.",
        # someone else said it
        "My colleague said pg_repack needs no downtime. That's not true, is it?",
        # a proof asked for as work
        "Prove that the sum of two odd numbers is even.",
        "Can you prove that every bounded monotone sequence converges?",
        "I can't prove it, but I think the cache is stale.",
    ],
)
def test_pushback_that_names_nothing_of_the_products_still_needs_an_answer(text: str) -> None:
    assert challenge(said(1, text)) is None


def test_where_others_speak_you_said_may_be_one_of_them() -> None:
    other = said(1, "the snap is faster, I measured it", actor="u2")
    assert challenge(other, said(2, "Gus, you said the snap is faster. That's wrong.")) is None
    assert challenge(other, said(2, "Prove it.")) is None


def test_a_restated_challenge_after_the_answer_still_challenges() -> None:
    session = [bot(1, "pg_repack needs no downtime."), said(2, HELEN)]
    assert challenge(*session) is not None


# -- the product's concession right after confirms the person's pushback ---------------------


def test_a_concession_confirms_the_pushback_and_is_never_cited() -> None:
    found = style([said(1, HELEN), bot(2, CONCEDES)])["challenges_answers"]
    assert found.context["conceded_after"] == ["e1"]
    assert {e.event_id for e in found.evidence} == {"e1"}


def test_a_concession_confirms_pushback_where_others_speak() -> None:
    session = [
        said(1, "the snap is fine", actor="u2"),
        said(2, "Bot, you said the snap is faster. That's wrong."),
        bot(3, "You're right, apologies: the docker image is faster."),
    ]
    assert challenge(*session) == ["That's wrong."]


@pytest.mark.parametrize(
    "concession",
    [
        "You're right, my mistake: it is 5 per minute.",
        "Sorry, you're correct: the limit is 5.",
        "My apologies, I was wrong about that.",
        "I stand corrected, it is 5.",
        "Good catch! It is 5 per minute.",
    ],
)
def test_a_gentle_doubt_the_product_concedes_is_a_challenge(concession: str) -> None:
    session = [
        bot(1, "The limit is 10 per minute."),
        said(2, "I thought it was 5?"),
        bot(3, concession),
    ]
    assert challenge(*session) == ["I thought it was 5?"]


@pytest.mark.parametrize(
    ("doubt", "reply"),
    [
        # no concession: a doubt may be a plain question
        ("I thought it was 5?", "No, it was raised to 10 in March."),
        ("Shouldn't it be 443?", "Port 8443 is the admin port; 443 is for the public site."),
        # agreement concedes nothing
        ("I thought we could canary first?", "You're right, that plan works too."),
    ],
)
def test_a_doubt_without_a_concession_is_no_challenge(doubt: str, reply: str) -> None:
    assert challenge(bot(1, "The limit is 10 per minute."), said(2, doubt), bot(3, reply)) is None


def test_a_concession_after_a_message_with_no_pushback_makes_nothing() -> None:
    session = [said(1, "run the deploy"), bot(2, "Apologies, I made an error in the command.")]
    assert challenge(*session) is None


def test_a_no_thanks_the_product_apologises_for_is_no_challenge() -> None:
    session = [
        bot(1, "Want me to open an incident?"),
        said(2, "No thanks."),
        bot(3, "Sorry, you're right, I was wrong to suggest it."),
    ]
    assert challenge(*session) is None


# -- moderating a channel ------------------------------------------------------------------

MODERATION = [
    "Welcome Lena :) please use threads for follow-ups so the channel stays readable",
    "Reminder: please keep it civil in here, and no DMs to the maintainers for support.",
    "Bart, please keep it constructive, the devs are volunteers.",
    "Pinning this: the 1.8.1 hotfix is out, it fixes the migration.",
    "Lena, I've moved this to #support so someone can walk you through it.",
    "Thanks Gus! Pinning.",
    "Weekly reminder: read the FAQ before posting, and please use threads.",
    "Locking this thread, the question is answered.",
    "This belongs in #jobs, please.",
    "Posting links to your shop is against the server rules.",
    "Good question, I'll add it to the FAQ.",
]


def in_a_channel(text: str) -> dict:
    """The style signals of u1 saying ``text`` after another person's message."""
    return style([said(1, "anyone know why the import hangs?", actor="u2"), said(2, text)])


@pytest.mark.parametrize("text", MODERATION)
def test_keeping_a_channels_rules_towards_others_moderates(text: str) -> None:
    found = in_a_channel(text)["moderates"]
    assert (found.value, found.measure) == ("keeps the channel's rules", 1.0)
    assert [e.event_id for e in found.evidence] == ["e2"]


def test_moderation_cites_the_sentence_that_moderates() -> None:
    text = "Reminder: use threads and check the FAQ before posting. Pinning the 1.8.2 notes."
    quotes = [e.quote for e in in_a_channel(text)["moderates"].evidence]
    assert quotes == [
        "Reminder: use threads and check the FAQ before posting.",
        "Pinning the 1.8.2 notes.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "I pinned the photo on my wall.",
        "pin this",
        "I try to keep it professional at work.",
        "just use threads instead of processes",
        "there's no spam in my inbox since I switched",
        "that's against the rules in chess",
        "I moved it to the garage last week",
        "My manager hates Slack, which is why the team moved this community to Discord.",
        "closing the lid on the laptop fixed it",
    ],
)
def test_words_of_moderation_about_other_things_are_none(text: str) -> None:
    assert "moderates" not in in_a_channel(text)


@pytest.mark.parametrize(
    "text", ["please keep it civil", "Draft a weekly reminder: read the FAQ before posting."]
)
def test_with_the_product_alone_there_is_no_one_to_moderate(text: str) -> None:
    assert "moderates" not in style([said(1, text), bot(2, "Sure.")])
