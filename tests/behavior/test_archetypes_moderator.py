"""archetypes.v5: a moderator keeps a channel's rules towards the others in it (the style trait
``moderates``, style.v12); a skeptic's restated challenges and demands for proof count towards
"challenges answers" (docs/behavior.md, "Moderators")."""

from __future__ import annotations

from persona6 import Persona6
from persona6.behavior.archetypes import PRODUCER, packaged

# Five threads of a help channel: the moderator keeps the rules, the helper answers, the asker
# asks. Only the moderator's words are moderation.
_THREADS = [
    (
        ("u-asker", "how do I mount the photo folder in docker?"),
        ("u-helper", "add a volume line to the compose file, it works fine for me"),
        ("u-mod", "Welcome! please use threads for follow-ups so the channel stays readable"),
    ),
    (
        ("u-asker", "this release is garbage, who even tests it?"),
        ("u-helper", "the devs are volunteers, it is fixed in 2.1 already"),
        ("u-mod", "Please keep it civil, and no DMs to the maintainers for support."),
    ),
    (
        ("u-asker", "where do I report the thumbnail bug?"),
        ("u-helper", "open an issue on the tracker with the log attached"),
        ("u-mod", "Pinning this: the 2.1 hotfix is out, it fixes the thumbnails."),
    ),
    (
        ("u-asker", "can someone walk me through the import from scratch?"),
        ("u-helper", "sure, first stop the server then copy the folder"),
        ("u-mod", "I've moved this to #support so someone can walk you through it."),
    ),
    (
        ("u-asker", "is there a way to change the storage path?"),
        ("u-helper", "yes, set the storage path in the env file and restart"),
        ("u-mod", "Weekly reminder: read the FAQ before posting."),
    ),
]


def _channel() -> list[dict]:
    events = []
    for n, thread in enumerate(_THREADS):
        for k, (user, text) in enumerate(thread):
            ts = f"2026-06-0{n + 1}T18:0{k}:00Z"
            events.append(
                {"ts": ts, "session_id": f"t-{n}", "type": "message", "user_id": user, "text": text}
            )
    return events


def _top(p6: Persona6, person: str) -> str:
    return p6.archetypes(person).archetypes[0].archetype


def test_the_taxonomy_has_a_moderator_with_directives() -> None:
    assert PRODUCER == "persona6.archetypes.v5"
    moderator = next(a for a in packaged().archetypes if a.name == "moderator")
    assert [(c.kind, c.key) for c in moderator.cues] == [("style", "moderates")]
    assert any("privately" in d for d in moderator.directives)
    assert any("summar" in d for d in moderator.directives)


def test_who_keeps_the_channels_rules_is_a_moderator_and_the_others_are_not() -> None:
    with Persona6(db=":memory:") as p6:
        p6.record(_channel())
        p6.build()
        found = p6.archetypes("u-mod").archetypes
        others = {user: _top(p6, user) for user in ("u-helper", "u-asker")}
        cue = next(a for a in p6.archetypes("u-helper").archetypes if a.archetype == "moderator")
    assert found[0].archetype == "moderator"
    assert found[0].membership > 0.9
    (moderates,) = found[0].cues
    assert moderates.detail == "5 of 5 sessions"
    assert moderates.traits and moderates.evidence
    assert "moderator" not in others.values()
    assert cue.cues[0].strength == 0.0


def test_the_moderators_brief_says_how_to_work_with_them() -> None:
    with Persona6(db=":memory:") as p6:
        p6.record(_channel())
        p6.build()
        brief = p6.context("u-mod").text
    assert "Likely a moderator" in brief
    assert "never argue moderation in public" in brief


# A skeptic who restates the product's answer and contradicts it, and demands proof, each at the
# start of a session of their own (the answer named came in an earlier one): "challenges
# answers" had strength 0 (style.v11 read pushback only right after an answer).

_SKEPTIC = [
    (
        "You said pg_repack needs no downtime. That's not true for tables without a primary key.",
        "You're right, apologies: pg_repack requires a primary key or a unique index.",
    ),
    ("Prove it. Paste the exact output, don't summarise it.", "Here is the output."),
    ("Earlier you claimed the lock is brief. Are you sure?", "It is held for the whole rewrite."),
    ("Which page of the Postgres docs says that?", "Section 13.3, explicit locking."),
]


def test_restated_challenges_and_demands_for_proof_make_a_skeptic() -> None:
    events = []
    for n, (ask, answer) in enumerate(_SKEPTIC):
        day, session = f"2026-07-0{n + 1}T10", f"sk-{n}"
        events.append(
            {"ts": f"{day}:00:00Z", "session_id": session, "type": "message"}
            | {"user_id": "u-sk", "text": ask}
        )
        events.append(
            {"ts": f"{day}:00:20Z", "session_id": session, "type": "message"}
            | {"role": "assistant", "text": answer}
        )
    with Persona6(db=":memory:") as p6:
        p6.record(events)
        p6.build()
        found = p6.archetypes("u-sk").archetypes
    assert found[0].archetype == "skeptic"
    skeptic = {c.cue: c for c in found[0].cues}
    assert skeptic["challenges answers"].detail == "3 of 4 sessions"
