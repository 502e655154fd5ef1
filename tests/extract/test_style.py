"""persona6.style.v9: operating style per (session, actor)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from persona6.extract.style import StyleExtractor
from persona6.types import Signal, StoredEvent, format_ts

T0 = datetime(2026, 1, 1, 9, tzinfo=UTC)


def event(
    n: int,
    kind: str,
    text: str | None,
    actor: str | None,
    *,
    role: str | None = None,
    name: str | None = None,
    at: float | None = None,
    attrs: dict[str, Any] | None = None,
) -> StoredEvent:
    """Event ``e<n>``, ``n * 10`` seconds (or ``at`` seconds) after 09:00 UTC."""
    return StoredEvent.model_validate(
        {
            "event_id": f"e{n}",
            "ts": format_ts(T0 + timedelta(seconds=n * 10 if at is None else at)),
            "session_id": "s1",
            "user_id": actor,
            "tenant": "default",
            "type": kind,
            "role": role,
            "name": name,
            "text": text,
            "attrs": attrs or {},
        }
    )


def said(n: int, text: str, actor: str = "u1", **extra: Any) -> StoredEvent:
    return event(n, "message", text, actor, role="user", **extra)


def bot(n: int, text: str) -> StoredEvent:
    return event(n, "message", text, None, role="assistant")


def did(n: int, name: str, text: str | None = None, actor: str = "u1", **extra: Any) -> StoredEvent:
    return event(n, "action", text, actor, name=name, **extra)


def style(session: list[StoredEvent], actor: str = "u1") -> dict[str, Signal]:
    """Key -> the actor's signal of it; of ``format``, a signal per format asked (style.v26),
    the last one (``formats`` has them all)."""
    found = [s for s in StyleExtractor().extract(session) if s.actor == actor]
    keys = [s.key for s in found if s.key != "format"]
    assert len(keys) == len(set(keys)), keys
    values = [s.value for s in found if s.key == "format"]
    assert len(values) == len(set(values)), values
    return {s.key: s for s in found}


def formats(session: list[StoredEvent], actor: str = "u1") -> dict[str, Signal]:
    """The format asked -> its signal (style.v26: a signal per format)."""
    found = StyleExtractor().extract(session)
    return {s.value: s for s in found if s.actor == actor and s.key == "format"}


def test_short_messages_are_terse_with_mean_words_as_measure() -> None:
    signal = style([said(1, "fix it"), said(2, "now run the tests")])["verbosity"]
    assert (signal.value, signal.measure) == ("terse", 3.0)


def test_long_messages_are_elaborate() -> None:
    text = " ".join(["word"] * 40)
    assert style([said(1, text)])["verbosity"].value == "elaborate"


def test_questions_make_the_asking_mode() -> None:
    session = [said(1, "What is a monad?"), said(2, "How do I use one?"), said(3, "Show me code")]
    signal = style(session)["mode"]
    assert (signal.value, signal.measure) == ("asking", 2 / 3)


def test_orders_and_indirect_requests_make_the_commanding_mode() -> None:
    session = [said(1, "Rewrite this paragraph."), said(2, "Can you shorten it?")]
    signal = style(session)["mode"]
    assert (signal.value, signal.measure) == ("commanding", 0.0)


def test_asks_for_sources_is_emitted_only_when_it_happens() -> None:
    assert "asks_for_sources" not in style([said(1, "Tell me about Rome.")])


def test_asks_for_sources_cites_the_sentence_that_asks() -> None:
    signal = style([said(1, "Nice summary. What are your sources for the dates?")])
    assert [e.quote for e in signal["asks_for_sources"].evidence] == [
        "What are your sources for the dates?"
    ]


def test_pushback_after_an_assistant_answer_is_a_challenge() -> None:
    session = [said(1, "When was it built?"), bot(2, "In 1850."), said(3, "No, that's wrong.")]
    signal = style(session)["challenges_answers"]
    assert [e.quote for e in signal.evidence] == ["No, that's wrong."]


def test_pushback_without_a_preceding_answer_is_no_challenge() -> None:
    assert "challenges_answers" not in style([said(1, "Are you sure this is the way?")])


def test_no_thanks_is_not_pushback() -> None:
    session = [said(1, "Hello"), bot(2, "Want a summary?"), said(3, "No thanks, that's all.")]
    assert "challenges_answers" not in style(session)


def test_plan_followed_by_action_weighs_fully() -> None:
    session = [said(1, "First I'll back up the db, then migrate."), did(2, "command", "pg_dump")]
    signal = style(session)["plans_before_acting"]
    assert (signal.weight, signal.context["followed_by_action"]) == (1.0, True)


def test_plan_without_action_weighs_half() -> None:
    signal = style([said(1, "My plan is to learn Go this month.")])["plans_before_acting"]
    assert (signal.weight, signal.context["followed_by_action"]) == (0.5, False)


def test_pace_is_the_median_gap_between_the_actors_events() -> None:
    session = [
        said(1, "a", at=0),
        did(2, "click", "b", at=4),
        said(3, "c", at=10),
        said(4, "d", at=100),
    ]
    assert style(session)["pace"].measure == 6.0


def test_time_of_day_uses_the_events_timezone() -> None:
    # 09:00 UTC is 04:00 in New York: night there, morning in UTC.
    zoned = style([said(1, "hi", attrs={"timezone": "America/New_York"}, at=0)])
    assert (zoned["time_of_day"].value, zoned["time_of_day"].measure) == ("night", 4.0)


def test_unknown_timezone_falls_back_to_utc() -> None:
    signal = style([said(1, "hi", attrs={"timezone": "Mars/Olympus"}, at=0)])["time_of_day"]
    assert (signal.value, signal.context["timezone"]) == ("morning", "UTC")


# 04:30 UTC: night in UTC, 10:00 in India (+05:30).
AT_0430_UTC = -4.5 * 3600


def test_time_of_day_reads_the_offset_the_time_was_written_in() -> None:
    signal = style([said(1, "Good morning", attrs={"utc_offset": "+05:30"}, at=AT_0430_UTC)])[
        "time_of_day"
    ]
    assert (signal.value, signal.measure) == ("morning", 10.0)
    assert signal.context["timezone"] == "UTC+05:30"


def test_an_afternoon_on_the_persons_clock_is_afternoon() -> None:
    # 07:50 UTC is 13:20 at +05:30.
    signal = style([said(1, "hello", attrs={"utc_offset": "+05:30"}, at=-70 * 60)])["time_of_day"]
    assert (signal.value, round(signal.measure or 0, 2)) == ("afternoon", 13.33)


def test_without_an_offset_or_timezone_the_hour_is_utc() -> None:
    signal = style([said(1, "Good morning", at=AT_0430_UTC)])["time_of_day"]
    assert (signal.value, signal.measure, signal.context["timezone"]) == ("night", 4.5, "UTC")


def test_an_offset_wins_over_a_timezone_that_disagrees_with_it() -> None:
    attrs = {"utc_offset": "+05:30", "timezone": "America/New_York"}
    signal = style([said(1, "hi", attrs=attrs, at=AT_0430_UTC)])["time_of_day"]
    assert (signal.measure, signal.context["timezone"]) == (10.0, "UTC+05:30")


def test_a_timezone_that_agrees_with_the_offset_names_it() -> None:
    attrs = {"utc_offset": "-05:00", "timezone": "America/New_York"}
    signal = style([said(1, "hi", attrs=attrs, at=0)])["time_of_day"]
    assert (signal.measure, signal.context["timezone"]) == (4.0, "America/New_York")


@pytest.mark.parametrize("attrs", [{"timezone": "Europe"}, {"utc_offset": "IST"}])
def test_a_zone_or_offset_that_is_not_one_reads_utc(attrs: dict[str, Any]) -> None:
    # "Europe" is a folder of the timezone database, not a zone; stored data may hold anything.
    signal = style([said(1, "hi", attrs=attrs, at=0)])["time_of_day"]
    assert (signal.value, signal.measure, signal.context["timezone"]) == ("morning", 9.0, "UTC")


def test_session_length_is_seconds_from_first_to_last_event() -> None:
    signal = style([said(1, "start", at=0), said(2, "end", at=1200)])["session_length"]
    assert (signal.measure, signal.value) == (1200.0, "long")


# -- times the input did not give (attrs.ts_invented) ----------------------------------------

INVENTED = {"ts_invented": True}


def test_invented_times_give_no_pace_time_of_day_or_session_length_but_text_claims_stay() -> None:
    # An OpenAI conversation without message times: one second apart, by the ingest.
    session = [
        said(1, "Hi! How do I add a filter to this view?", attrs=INVENTED, at=0),
        bot(2, "Sure: open the view menu."),
        said(3, "Thanks! Where do I find the menu?", attrs=INVENTED, at=2),
    ]
    found = style(session)
    assert not {"pace", "time_of_day", "session_length"} & set(found)
    assert (found["mode"].value, found["verbosity"].value) == ("asking", "moderate")
    assert "warmth" in found


def test_real_times_in_the_same_shape_still_give_the_measures_of_time() -> None:
    session = [said(1, "Hi! How do I add a filter?", at=0), said(3, "Thanks! Where?", at=2)]
    found = style(session)
    assert (found["pace"].value, found["session_length"].measure) == ("fast", 2.0)
    assert found["time_of_day"].value == "morning"


def test_pace_counts_only_gaps_between_two_times_of_their_own() -> None:
    session = [
        said(1, "a", at=0),
        said(2, "b", at=300),
        said(3, "c", attrs=INVENTED, at=301),
        said(4, "d", at=600),
    ]
    signal = style(session)["pace"]
    assert signal.measure == 300.0
    assert [e.event_id for e in signal.evidence] == ["e1", "e2"]


def test_time_of_day_is_the_first_event_with_a_time_of_its_own() -> None:
    session = [said(1, "a", attrs=INVENTED, at=0), said(2, "b", at=6 * 3600)]
    signal = style(session)["time_of_day"]
    assert (signal.value, signal.measure, signal.evidence[0].event_id) == ("afternoon", 15.0, "e2")


@pytest.mark.parametrize("invented", [0, -1])
def test_session_length_needs_the_first_and_last_times(invented: int) -> None:
    session = [said(1, "start", at=0), said(2, "middle", at=60), said(3, "end", at=1200)]
    session[invented] = said(invented % 3 + 1, "x", attrs=INVENTED, at=invented % 3 * 600)
    assert "session_length" not in style(session)


def test_greetings_and_thanks_are_warmth() -> None:
    signal = style([said(1, "Hi there! Thanks a lot for last time."), said(2, "run it")])["warmth"]
    assert signal.measure == 0.5 and signal.weight == 1.0
    assert {"greeting", "thanks", "exclamation", "shared_history"} <= set(signal.context["cues"])


@pytest.mark.parametrize(
    "text",
    [
        "state lock stuck again. last time force-unlock worked",
        "It broke like last time",
        "Slow as usual",
    ],
)
def test_a_time_of_things_is_no_shared_history(text: str) -> None:
    assert "warmth" not in style([said(1, text)])


@pytest.mark.parametrize(
    "text",
    [
        "as we discussed, the digest goes out on Fridays",
        "last time you helped me with the webhooks",
        "like we did last time, a short summary",
        "remember when the projector died",
    ],
)
def test_a_past_shared_with_the_listener_is_shared_history(text: str) -> None:
    assert "shared_history" in style([said(1, text)])["warmth"].context["cues"]


def test_neutral_messages_have_no_warmth() -> None:
    assert "warmth" not in style([said(1, "List the files in src")])


def test_answering_another_persons_question_is_helping_others() -> None:
    session = [
        said(1, "How do I reset the router?", actor="u1"),
        said(2, "Hold the reset button for ten seconds.", actor="u2"),
    ]
    assert "helps_others" not in style(session, "u1")
    signal = style(session, "u2")["helps_others"]
    assert [e.event_id for e in signal.evidence] == ["e2"]


def test_each_person_in_a_shared_session_gets_only_their_own_evidence() -> None:
    session = [
        said(1, "Hi all! What are your sources?", actor="u1"),
        bot(2, "Here are some."),
        said(3, "Are you sure? That's wrong.", actor="u2"),
    ]
    for actor, own in (("u1", {"e1"}), ("u2", {"e3"})):
        for signal in style(session, actor).values():
            assert {e.event_id for e in signal.evidence} <= own


def test_assistant_text_is_never_cited() -> None:
    session = [
        said(1, "ok"),
        bot(2, "Hi! Thanks! First this, then that. What are your sources? Are you sure?"),
    ]
    for signal in StyleExtractor().extract(session):
        assert all(e.event_id == "e1" for e in signal.evidence)


def test_actor_with_only_textless_actions_gets_no_measured_style() -> None:
    assert style([did(1, "click"), did(2, "scroll")]) == {}


def test_measured_style_of_an_action_only_actor_cites_action_text() -> None:
    signals = style([did(1, "command", "ls -la"), did(2, "command", "cd src")])
    assert set(signals) == {"pace", "time_of_day", "session_length"}
    assert [e.quote for e in signals["pace"].evidence] == ["ls -la", "cd src"]


def test_extraction_is_deterministic() -> None:
    session = [said(1, "Hi! How do I do this?"), bot(2, "Like so."), said(3, "Are you sure?")]
    assert list(StyleExtractor().extract(session)) == list(StyleExtractor().extract(session))


TEXTS = [
    "Hi! Thanks!",
    "Are you sure? That's wrong.",
    "What are your sources?",
    "First do A, then B.",
    "fix it",
    "How do I do X?",
    "",
]


@st.composite
def sessions(draw: st.DrawFn) -> list[StoredEvent]:
    found = []
    for n in range(draw(st.integers(1, 10))):
        text = draw(st.one_of(st.sampled_from(TEXTS), st.text(max_size=40)))
        actor = draw(st.sampled_from(["u1", "u2"]))
        kind = draw(st.sampled_from(["user", "assistant", "action"]))
        zone = draw(
            st.sampled_from(
                [
                    {},
                    {"timezone": "Asia/Tokyo"},
                    {"timezone": 3},
                    {"utc_offset": "-09:30"},
                    {"ts_invented": True},
                ]
            )
        )
        if kind == "user":
            found.append(said(n, text, actor=actor, attrs=zone))
        elif kind == "assistant":
            found.append(bot(n, text))
        else:
            found.append(did(n, "command", text or None, actor=actor, attrs=zone))
    return found


@settings(max_examples=80, deadline=None)
@given(sessions())
def test_every_style_signal_cites_the_actors_own_exact_spans(session: list[StoredEvent]) -> None:
    by_id = {e.event_id: e for e in session}
    for signal in StyleExtractor().extract(session):
        assert signal.evidence
        for evidence in signal.evidence:
            cited = by_id[evidence.event_id]
            assert evidence.quote == (cited.text or "")[evidence.start : evidence.end]
            assert cited.actor == signal.actor and cited.role in (None, "user")


# -- operators' orders, and the messages each measured trait cites --------------------------


def test_tool_verbs_open_orders() -> None:
    session = [said(1, "grep the access log for 502s"), said(2, "rollback the canary")]
    assert style(session)["mode"].value == "commanding"


def test_a_verbless_request_naming_what_it_wants_is_an_order() -> None:
    session = [said(1, "ok so summary of the incident review"), said(2, "stats for last week")]
    assert style(session)["mode"].value == "commanding"


def test_a_noun_phrase_with_a_verb_states_rather_than_orders() -> None:
    session = [said(1, "the summary of the review was clear"), said(2, "what did it say?")]
    assert style(session)["mode"].value == "asking"


def test_list_of_is_a_thing_not_the_verb_list() -> None:
    session = [said(1, "list of things I packed: tent, stove"), said(2, "where is the map?")]
    assert style(session)["mode"].value == "asking"


def test_mode_cites_the_messages_that_show_it() -> None:
    session = [said(1, "fix the header"), said(2, "why is it red?"), said(3, "what font is it?")]
    signal = style(session)["mode"]
    assert signal.value == "asking"
    assert [e.quote for e in signal.evidence] == ["why is it red?"]


def test_terse_verbosity_cites_the_shortest_message() -> None:
    session = [said(1, "rename the file to notes"), said(2, "done"), said(3, "now push it")]
    signal = style(session)["verbosity"]
    assert (signal.value, [e.quote for e in signal.evidence]) == ("terse", ["done"])


def test_elaborate_verbosity_cites_the_most_typical_message() -> None:
    # v11: not the longest, which can be a one-off paste; the one nearest the mean length
    long = " ".join(["word"] * 60)
    session = [said(1, " ".join(["word"] * 40)), said(2, long), said(3, "ok")]
    signal = style(session)["verbosity"]
    assert (signal.value, [e.event_id for e in signal.evidence]) == ("elaborate", ["e1"])


def test_time_measures_cite_the_events_they_are_read_from() -> None:
    session = [said(1, "first", at=0), said(2, "second", at=30), said(3, "third", at=40)]
    signals = style(session)
    assert [e.quote for e in signals["time_of_day"].evidence] == ["first"]
    assert [e.quote for e in signals["session_length"].evidence] == ["first", "third"]
    # gaps 30 and 10, median 20: the first pair as far apart as the median (both 10 away)
    assert [e.quote for e in signals["pace"].evidence] == ["first", "second"]


def test_a_one_event_session_cites_it_once_for_its_length() -> None:
    signal = style([said(1, "only")])["session_length"]
    assert [e.quote for e in signal.evidence] == ["only"]


def test_complaints_and_asking_for_a_person_as_questions_do_not_ask() -> None:
    session = [
        said(1, "restart the importer"),
        said(2, "why does this keep failing?"),
        said(3, "can I talk to a real person?"),
    ]
    signal = style(session)["mode"]
    assert (signal.value, signal.measure) == ("commanding", 0.0)


def test_a_plain_question_still_asks() -> None:
    session = [said(1, "restart the importer"), said(2, "why is the sky blue?")]
    assert style(session)["mode"].value == "mixed"


@pytest.mark.parametrize(
    "text",
    [
        "Where's that from?",
        "Got a link for that?",
        "What's that based on?",
        "According to whom?",
        "Is that documented anywhere?",
        "Which study says that?",
        "Source?",
        "Where is it written down?",
        "How do I know the export includes every note?",
        "Also, is there any study showing these summaries are accurate?",
    ],
)
def test_asking_for_sources_in_other_words(text: str) -> None:
    assert "asks_for_sources" in style([said(1, text)])


@pytest.mark.parametrize(
    "text",
    [
        "Where is X documented?",
        "Where is the rate limit documented in the API reference?",
        "Is there a doc for that?",
        "Which page of the manual says so?",
        "Can you link the docs?",
        "Where in the docs does it say that?",
        "Is that in the changelog?",
        "Says who?",
    ],
)
def test_asking_where_a_claim_is_documented_asks_for_sources(text: str) -> None:
    assert "asks_for_sources" in style([said(1, text)])


@pytest.mark.parametrize(
    "text",
    [
        "Where is the export button?",
        "Where are the docs?",
        "Is there a doc for onboarding new users?",
        "Where does it say my plan renews?",
        "Can you share the doc with my team?",
    ],
)
def test_a_where_question_about_the_product_is_not_asking_for_sources(text: str) -> None:
    assert "asks_for_sources" not in style([said(1, text)])


def test_mentioning_a_link_is_not_asking_for_a_source() -> None:
    assert "asks_for_sources" not in style([said(1, "I got a link from my boss.")])


@pytest.mark.parametrize(
    "text",
    [
        "That can't be right.",
        "Hmm, I doubt that.",
        "I think you're mistaken.",
        "Wait, that contradicts what you said earlier.",
        "How sure are you about that?",
        "That's not how it works.",
    ],
)
def test_pushback_in_other_words_is_a_challenge(text: str) -> None:
    session = [said(1, "When was it built?"), bot(2, "In 1850."), said(3, text)]
    assert "challenges_answers" in style(session)


@pytest.mark.parametrize(
    "text",
    [
        "Before we start, let me outline the steps.",
        "Here's my plan: export, clean, then import.",
        "Let's plan this out before touching anything.",
        "Before doing anything, what's the rollback plan?",
    ],
)
def test_planning_in_other_words_is_planning(text: str) -> None:
    assert "plans_before_acting" in style([said(1, text)])


def test_a_price_plan_is_no_planning() -> None:
    assert "plans_before_acting" not in style([said(1, "The plan is too expensive.")])


@pytest.mark.parametrize(
    "text", ["How do I know which plan I'm on?", "How can I tell what changed?"]
)
def test_a_how_to_question_is_not_asking_for_sources(text: str) -> None:
    assert "asks_for_sources" not in style([said(1, text)])


@pytest.mark.parametrize("text", ["No emojis, please.", "No bullet points in the summary"])
def test_an_instruction_opening_with_no_is_no_challenge(text: str) -> None:
    session = [said(1, "Summarise it"), bot(2, "Here it is 🎉"), said(3, text)]
    assert "challenges_answers" not in style(session)


@pytest.mark.parametrize("text", ["No, that's wrong.", "no it isn't", "Nope. Try again."])
def test_no_followed_by_the_pushback_is_a_challenge(text: str) -> None:
    session = [said(1, "When was it built?"), bot(2, "In 1850."), said(3, text)]
    assert "challenges_answers" in style(session)


def test_we_alone_is_no_warmth() -> None:
    assert "warmth" not in style([said(1, "we moved from jira to linear last week.")])
    assert "warmth" in style([said(1, "Thanks! We moved to Linear last week.")])


def test_a_no_answering_the_assistants_question_is_no_challenge() -> None:
    session = [
        said(1, "Write the form validation"),
        bot(2, "Do you want me to use TypeScript?"),
        said(3, "No, plain JavaScript please."),
    ]
    assert "challenges_answers" not in style(session)


def test_a_no_after_the_assistants_statement_still_challenges() -> None:
    session = [said(1, "When was it built?"), bot(2, "In 1850."), said(3, "No, it was 1870.")]
    assert "challenges_answers" in style(session)


def failed(n: int, text: str, actor: str = "u1", **extra: Any) -> StoredEvent:
    return event(n, "outcome", text, actor, name="error", **extra)


def test_an_outcomes_text_is_never_cited_as_the_persons_style() -> None:
    # The product's error text comes seconds after each command: only the person's own
    # commands show the pace (and are cited).
    session = [
        did(1, "command", "deploy api", at=0),
        failed(2, "Error: deploy timed out after 10s", at=3),
        did(3, "command", "deploy api --retry", at=6),
        failed(4, "Error: deploy timed out after 10s", at=9),
    ]
    signals = style(session)
    assert set(signals) == {"pace", "time_of_day", "session_length"}
    for signal in signals.values():
        assert signal.evidence
        assert all(e.event_id in ("e1", "e3") for e in signal.evidence), signal.key


def test_an_actor_whose_only_text_is_the_products_gets_no_measured_style() -> None:
    session = [failed(1, "Error: quota exceeded"), failed(2, "Error: quota exceeded")]
    assert style(session) == {}


def test_pace_and_session_length_are_read_from_the_persons_own_acts_not_outcomes() -> None:
    # The person writes a minute apart; the product answers each within two seconds. Counted
    # among the person's events, its outcomes made their gaps two seconds and 58 seconds.
    session = [
        did(1, "command", "deploy api", at=0),
        failed(2, "Error: deploy timed out", at=2),
        did(3, "command", "deploy api --retry", at=60),
        failed(4, "Error: deploy timed out", at=62),
        did(5, "command", "deploy api --force", at=120),
        failed(6, "Error: deploy timed out", at=125),
    ]
    signals = style(session)
    assert signals["pace"].measure == 60.0
    assert signals["session_length"].measure == 120.0


def test_time_of_day_is_the_hour_of_the_persons_first_act() -> None:
    # An outcome of a job the person scheduled, at 03:00, before they wrote at 09:00.
    session = [failed(1, "Error: nightly export failed", at=-6 * 3600), said(2, "why did it fail?")]
    signals = style(session)
    assert signals["time_of_day"].value == "morning"
    assert signals["time_of_day"].measure == 9.0
