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


def test_a_data_file_that_does_not_parse_is_named_with_its_line_and_the_fix() -> None:
    from persona6.errors import InvalidInput
    from persona6.extract.text import read_yaml

    with pytest.raises(InvalidInput) as caught:
        read_yaml("version: 1\nwords: [tea, coffee\nother: 2\n", "persona6/data/x.yaml")
    assert str(caught.value) == (
        "persona6/data/x.yaml:3: is not valid YAML (did not find expected ',' or ']'). "
        "Fix that line if you edited the file, or reinstall Persona6 "
        "(pip uninstall persona6, then install it again)"
    )


def test_a_broken_packaged_file_is_named_with_its_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:
    import persona6.extract.text as text
    from persona6.errors import InvalidInput

    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "brief.yaml").write_text("version: 1\nstop_words: [a, b\n", "utf-8")
    monkeypatch.setattr(text, "files", lambda package: tmp_path)
    with pytest.raises(InvalidInput) as caught:
        text.packaged_yaml("brief.yaml")
    assert str(caught.value).startswith(
        "persona6/data/brief.yaml:3: is not valid YAML (did not find expected ',' or ']'). "
    )
    assert caught.value.exit_code == 3  # the CLI prints it as an error, not a traceback
