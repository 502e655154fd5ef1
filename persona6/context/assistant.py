"""The assistant persona spec: voice, defaults, boundaries (``data/assistant_default.yaml``).

A spec is a YAML mapping:

    name: support bot            # required, text
    voice: Calm and precise.     # required, text
    defaults:                    # optional; keys are the dimensions of data/brief.yaml
      verbosity: moderate
    user_wins_at: 0.5            # optional, 0..1: the trait confidence at which the user wins
    boundaries: [Never ...]      # optional, list of text: always hold

Every malformed field is an ``InvalidInput`` naming the file, the field and the fix.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from persona6.config import read_yaml_file
from persona6.context.relevance import brief_data
from persona6.errors import InvalidInput
from persona6.extract.text import packaged_yaml

FIELDS = ("name", "voice", "defaults", "user_wins_at", "boundaries")


@dataclass(frozen=True, slots=True)
class AssistantSpec:
    source: str
    name: str
    voice: str
    defaults: dict[str, str]
    user_wins_at: float
    boundaries: tuple[str, ...]


def _bad(where: str, field: str, problem: str, hint: str) -> InvalidInput:
    return InvalidInput(where, f"field {field!r} {problem}", hint)


def parse_spec(data: Any, where: str) -> AssistantSpec:
    if not isinstance(data, Mapping):
        raise InvalidInput(where, "is not a YAML mapping", "Start it with name: and voice:")
    unknown = sorted(set(data) - set(FIELDS))
    if unknown:
        raise _bad(where, unknown[0], "is not a spec field", f"Use only: {', '.join(FIELDS)}")
    for field in ("name", "voice"):
        value = data.get(field)
        if not isinstance(value, str) or not value.strip():
            raise _bad(
                where,
                field,
                "is missing" if value is None else f"is {value!r}, not text",
                f"Write e.g. {field}: " + ("support bot" if field == "name" else "Calm, precise."),
            )
    dimensions = brief_data()["dimensions"]
    defaults = data.get("defaults") or {}
    if not isinstance(defaults, Mapping):
        raise _bad(
            where, "defaults", "is not a mapping", "Write e.g. defaults: {verbosity: moderate}"
        )
    for key, value in defaults.items():
        if key not in dimensions:
            raise _bad(
                where,
                f"defaults.{key}",
                "is not a dimension",
                f"Use one of: {', '.join(dimensions)}",
            )
        if not isinstance(value, str):
            raise _bad(where, f"defaults.{key}", f"is {value!r}, not text", "Write a word")
    threshold = data.get("user_wins_at", 0.5)
    if (
        isinstance(threshold, bool)
        or not isinstance(threshold, int | float)
        or not (0.0 <= threshold <= 1.0)
    ):
        raise _bad(
            where, "user_wins_at", f"is {threshold!r}, not a number from 0 to 1", "Write e.g. 0.5"
        )
    boundaries = data.get("boundaries") or []
    if not isinstance(boundaries, list) or not all(
        isinstance(b, str) and b.strip() for b in boundaries
    ):
        raise _bad(
            where, "boundaries", "is not a list of sentences", "Write e.g. boundaries: [Never ...]"
        )
    return AssistantSpec(
        where,
        data["name"].strip(),
        " ".join(data["voice"].split()),
        {str(k): str(v) for k, v in defaults.items()},
        float(threshold),
        tuple(" ".join(b.split()) for b in boundaries),
    )


@cache
def default_spec() -> AssistantSpec:
    return parse_spec(
        packaged_yaml("assistant_default.yaml"), "persona6/data/assistant_default.yaml"
    )


def load_spec(path: str | Path | None) -> AssistantSpec:
    if path is None:
        return default_spec()
    data = read_yaml_file(path, "Check the path of the assistant spec, or leave {--assistant} out")
    return parse_spec(data, str(path))
