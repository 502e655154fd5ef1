"""Records identity linking returns; they cross the CLI boundary as JSON, so they are pydantic."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class Quote(BaseModel):
    """One cited span: ``quote == text[start:end]`` of the event (empty for an event without
    text, such as a bare outcome)."""

    event_id: str
    start: int
    end: int
    quote: str


class LinkEvidence(BaseModel):
    """One concrete match (or clash) between the anonymous actor and a candidate."""

    family: str = Field(
        description="texture, content, behaviour or context; baseline for where the "
        "candidate starts before any evidence (the model's constant and the prior of a new "
        "person)."
    )
    feature: str = Field(description="What matched: a word, a claim, a style, an attribute.")
    stance: str = Field(default="for", description="for (the same person) or against.")
    summary: str = Field(description="The match in words, with counts on both sides.")
    anonymous: list[Quote] = Field(default_factory=list, description="Quotes of the actor.")
    person: list[Quote] = Field(default_factory=list, description="Quotes of the candidate.")
    margin: float | None = Field(
        default=None,
        description="LLR the item gives this candidate over the one it is told apart from: "
        "the runner-up for the decided person, the best candidate for the others, a new "
        "person (then what it adds) for a best candidate that is no decision. Evidence is "
        "ordered by it, clashes first; null for items outside that order (baseline, stated "
        "identifiers, clashes).",
    )


class Candidate(BaseModel):
    person_id: str
    probability: float = Field(description="Calibrated probability that the actor is this person.")
    contributions: dict[str, float] = Field(
        description="Log-likelihood ratio each evidence family adds (texture, content, "
        "behaviour, context); positive speaks for the same person."
    )
    evidence: list[LinkEvidence] = Field(default_factory=list)


class LinkRecord(BaseModel):
    """A stored link with its provenance (``persona6 links``)."""

    link_id: str
    anonymous_id: str
    person_id: str
    method: str = Field(description="identify, user_id, attribute, auto or manual.")
    evidence_event_id: str | None = None
    created_at: str
    revoked_at: str | None = None
    revoked_reason: str | None = None
    probability: float | None = None
    details: dict[str, Any] = Field(default_factory=dict)


class LinkResult(BaseModel):
    """Who an anonymous actor is: the decision, the ranked candidates and why."""

    anonymous_id: str
    decision: str | None = Field(
        description="The person it is, or null: a new person (no candidate probable enough)."
    )
    candidates: list[Candidate]
    new_person_probability: float = Field(
        default=0.0, description="Probability that the actor is nobody already known."
    )
    threshold: float = Field(default=0.5, description="Probability the decision needed.")
    excluded: dict[str, str] = Field(
        default_factory=dict,
        description="Persons ruled out, and why (they spoke with the actor in a session).",
    )
    model_id: str = Field(default="", description="The linking model used.")
    sessions: list[str] = Field(default_factory=list, description="The actor's sessions.")
    linked: LinkRecord | None = Field(
        default=None,
        description="The active link that already resolves the actor (an identify event, a "
        "merge): then it is the decision, nothing is ranked, and linking afresh needs "
        "persona6 unlink first.",
    )
    note: str = Field(default="", description="What the result means, in words, when needed.")

    def spec_json(self) -> dict[str, Any]:
        """Exactly the shape ``persona6 link --json`` documents: the issue's three fields, then
        what the decision rests on besides the candidates (the probability of a new person, the
        threshold, the model), and ``linked`` only for an actor a link already resolves."""
        found: dict[str, Any] = {
            "anonymous_id": self.anonymous_id,
            "decision": self.decision,
            "candidates": [c.model_dump(mode="json") for c in self.candidates],
            "new_person_probability": self.new_person_probability,
            "threshold": self.threshold,
            "model_id": self.model_id,
        }
        if self.linked is not None:
            found["linked"] = self.linked.model_dump(mode="json")
            found["note"] = self.note
        return found


class StitchReport(BaseModel):
    """What deterministic stitching linked, and what it refused."""

    linked: list[LinkRecord]
    conflicts: list[str] = Field(
        default_factory=list, description="Identifiers that would link one actor to two persons."
    )


class LinkAllReport(BaseModel):
    """``persona6 link --all``: every unresolved actor, and the merges made automatically."""

    stitched: int
    results: list[LinkResult]
    merged: list[LinkRecord]
    auto_merge_above: float | None


class UnlinkReport(BaseModel):
    anonymous_id: str
    revoked: list[LinkRecord]
    persons_recomputed: list[str]


class ContinuityItem(BaseModel):
    kind: str
    key: str
    statement: str = Field(description="What the session shows, in words.")
    prior: str | None = Field(default=None, description="What the persona held before, if any.")
    prior_sessions: int = Field(default=0, description="Earlier sessions that supported it.")
    trait_id: str | None = None
    evidence: list[Quote] = Field(default_factory=list, description="Quotes of this session.")


class ContinuityCandidate(BaseModel):
    """For an anonymous actor no link resolves: who ``persona6 link`` would say it is, by the
    same rule (the best candidate at or above the threshold, else a new person). Nothing is
    linked by it."""

    decision: str | None = Field(
        description="link's decision: the best candidate, or null (a new person)."
    )
    best: str | None = Field(description="The best candidate, whatever the threshold.")
    probability: float = Field(description="The best candidate's probability.")
    new_person_probability: float
    threshold: float = Field(description="Probability the decision needed.")
    model_id: str = ""


class ActorContinuity(BaseModel):
    actor: str = Field(
        description="The actor: the person's user_id when they acted under it in the session."
    )
    actors: list[str] = Field(
        default_factory=list,
        description="Every actor of the session who is this person (an anonymous actor that "
        "logs in halfway through and the user_id it is linked to are one person), in order of "
        "appearance.",
    )
    person_id: str | None = Field(description="The person the actor is, or null if unresolved.")
    link: str = Field(description="How the actor is known: user_id, identify, auto, ...")
    confirms: list[ContinuityItem] = Field(default_factory=list)
    new: list[ContinuityItem] = Field(default_factory=list)
    contradicts: list[ContinuityItem] = Field(default_factory=list)
    texture_similarity: float | None = Field(
        default=None, description="Language texture of this session against the persona, 0-1."
    )
    texture_typical: float | None = Field(
        default=None, description="The same for the person's own earlier sessions, on average."
    )
    note: str = Field(
        default="",
        description="For an unresolved actor, what to do; for a person who acted under several "
        "actors, which and how they are linked.",
    )
    candidate: ContinuityCandidate | None = Field(
        default=None,
        description="For an anonymous actor no link resolves (person_id null): who link says "
        "it is. When that is a known person, confirms, new and contradicts compare the session "
        "with that person's persona as if the actor were them; it is not linked (persona6 link "
        "ACTOR --to PERSON merges it).",
    )


class ContinuityReport(BaseModel):
    session_id: str
    actors: list[ActorContinuity]


class BacktestQuery(BaseModel):
    """One held-out session of ``backtest linking``, as it was linked."""

    session_id: str = Field(description="The held-out session.")
    person: str = Field(
        description="Whose part of the session was held out as an anonymous actor (their "
        "events in it, under whatever actors they used)."
    )
    truth: str | None = Field(
        description="Who it should come out as: the person, or null when the person was held "
        "out entirely (they must come out new)."
    )
    decision: str | None = Field(
        description="The decision, as link makes it: the best candidate at or above the "
        "threshold, else null (a new person)."
    )
    best: str | None = Field(description="The best candidate, whatever the threshold.")
    probability: float = Field(description="The best candidate's probability.")
    new_person_probability: float
    right: bool = Field(description="The decision is the truth.")
    co_actors: list[str] = Field(
        default_factory=list, description="Other known persons who acted in the session."
    )
    passed_over: int = Field(
        default=0,
        description="The person's later sessions with another known person in them, passed "
        "over for this one (and left out of the history).",
    )


class BacktestReport(BaseModel):
    """How far linking can be trusted on this tenant's own people."""

    persons: int = Field(description="Known persons in the backtest.")
    queries: int = Field(description="Held-out sessions linked (of known persons).")
    new_queries: int = Field(description="Sessions of persons held out entirely.")
    top1: float
    top3: float
    new_person_precision: float | None
    new_person_recall: float | None
    ece: float = Field(description="Expected calibration error, 10 equal-width bins.")
    ece_if_calibrated: float | None = Field(
        default=None,
        description="The median ECE a perfectly calibrated model shows on as many held-out "
        "sessions at the same confidences (each drawn right as often as its confidence says): "
        "what chance alone gives on this many sessions.",
    )
    ece_bound: float | None = Field(
        default=None,
        description="The ECE such a calibrated model exceeds one time in 20: an ece above it "
        "is evidence that the probabilities are off; one below it is not.",
    )
    threshold: float
    model: dict[str, Any] = Field(description="The fitted model: weights, temperature, prior.")
    saved: bool = Field(description="True when the fitted model is now the tenant's model.")
    reliability: list[dict[str, float]] = Field(
        default_factory=list, description="Per bin: mean confidence, accuracy, count."
    )
    later_queries: int = Field(
        default=0,
        description="Later sessions linked against an earlier history, with a gap of "
        "sessions between the two (those the model is fitted on, each scored with weights "
        "fitted without it).",
    )
    later_top1: float | None = Field(
        default=None,
        description="Top-1 on those later sessions: what to expect of an anonymous session "
        "that comes long after the history, where topics and habits have drifted (top1 is "
        "for the session right after it).",
    )
    rows: list[BacktestQuery] = Field(
        default_factory=list,
        description="Every held-out session as it was linked: whose, the truth, the decision "
        "and its probability.",
    )
    passed_over: int = Field(
        default=0,
        description="Sessions of several known persons that were someone's latest, passed "
        "over for their latest session alone (backtest.held_out_sessions).",
    )
    newcomer: dict[str, Any] | None = Field(
        default=None,
        description="Newcomer statements ('I'm new here', newcomer.py) in the known persons' "
        "first sessions and in their later ones, measured against the rates identity.yaml "
        "ships: first, first_sessions, later, later_sessions, first_rate, later_rate, and the "
        "shipped first_session_rate, later_session_rate and llr.",
    )
