"""Identity continuity: which person an actor is, how sure, and why.

- ``stitching``: deterministic links (identify events, shared ids, identifier attributes);
- ``features`` / ``profiles``: what is compared, per (session, actor) and per person, kept up
  to date incrementally;
- ``model``: block similarities -> per-family log-likelihood ratios -> calibrated probabilities;
- ``identifiers``: identifiers a person states of themselves ("card ending 4411", "my e-mail
  is ..."), compared by a likelihood ratio of their own (content family);
- ``index``: candidate generation (usearch HNSW over projected person signatures);
- ``scoring`` / ``linking``: ranking, co-presence, decisions, evidence, merges and undo;
- ``continuity``: what a known person's session confirms, adds and contradicts;
- ``backtest``: the model's fit and its figures on the tenant's own people.

docs/identity.md describes the method; ``Persona6.link`` and friends are the entry points.
"""

from persona6.identity.linking import Linker, default_model, tenant_model
from persona6.identity.model import LinkModel
from persona6.identity.records import (
    BacktestReport,
    Candidate,
    ContinuityReport,
    LinkAllReport,
    LinkEvidence,
    LinkRecord,
    LinkResult,
    StitchReport,
    UnlinkReport,
)

__all__ = [
    "BacktestReport",
    "Candidate",
    "ContinuityReport",
    "LinkAllReport",
    "LinkEvidence",
    "LinkModel",
    "LinkRecord",
    "LinkResult",
    "Linker",
    "StitchReport",
    "UnlinkReport",
    "default_model",
    "tenant_model",
]
