"""The packaged data files: every word list holds words.

YAML reads a bare yes, no, on, off, true or false as a boolean, so a word list that holds one
silently loses that word ("no" was missing from the negations and the discourse markers this
way). Flags are mapping values; a list never holds one.
"""

from __future__ import annotations

from importlib.resources import files
from typing import Any

import pytest
import yaml

DATA = sorted(p.name for p in files("persona6.data").iterdir() if p.name.endswith(".yaml"))


def _booleans_in_lists(value: Any, where: str) -> list[str]:
    if isinstance(value, dict):
        return [b for k, v in value.items() for b in _booleans_in_lists(v, f"{where}.{k}")]
    if isinstance(value, list):
        found = [f"{where}[{i}]" for i, v in enumerate(value) if isinstance(v, bool)]
        return found + [
            b for i, v in enumerate(value) for b in _booleans_in_lists(v, f"{where}[{i}]")
        ]
    return []


@pytest.mark.parametrize("name", DATA)
def test_no_word_list_holds_a_yaml_boolean(name: str) -> None:
    data = yaml.safe_load(files("persona6.data").joinpath(name).read_text("utf-8"))
    assert _booleans_in_lists(data, name) == [], "quote yes/no/on/off/true/false in word lists"
