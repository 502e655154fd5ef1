"""The brief for agents: the user layer (persona6/behavior/ and the graph) composed with the
assistant layer (an assistant persona spec), within a token budget. docs/context.md."""

from persona6.context.assistant import AssistantSpec, load_spec
from persona6.context.brief import DEFAULT_BUDGET, Brief, BriefItem, compose_brief
from persona6.context.tokens import count_tokens

__all__ = [
    "DEFAULT_BUDGET",
    "AssistantSpec",
    "Brief",
    "BriefItem",
    "compose_brief",
    "count_tokens",
    "load_spec",
]
