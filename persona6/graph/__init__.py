"""The persona graph: consolidation of signals into traits, builds, forgetting and export."""

from persona6.graph.build import BuildReport, build
from persona6.graph.consolidate import consolidate
from persona6.graph.forget import ForgetReport, forget_event, forget_person, forget_session

__all__ = [
    "BuildReport",
    "ForgetReport",
    "build",
    "consolidate",
    "forget_event",
    "forget_person",
    "forget_session",
]
