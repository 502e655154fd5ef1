"""A brief with a line, first, about whose brief it is: an actor merged into a person
(``Persona6.context``), or an anonymous actor linking says is probably a known person (the
MCP server's ``get_user_context``). The line is paid for out of the budget."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from persona6.context.brief import MIN_BUDGET, Brief, BriefItem
from persona6.context.tokens import count_tokens


def with_note(
    brief: Callable[[str, int], Brief],
    person: str,
    budget: int,
    heading: str,
    lines: str | Sequence[str],
    evidence: list[str],
) -> Brief:
    """``brief(person, budget)`` with a ``## heading`` section holding the first of ``lines``
    (the longest wording first) whose section leaves the smallest brief its budget; the brief
    alone when none does."""
    for line in [lines] if isinstance(lines, str) else lines:
        section = f"## {heading}\n- {line}\n"
        if budget - count_tokens(section) >= MIN_BUDGET:
            break
    else:
        return brief(person, budget)
    found = brief(person, budget - count_tokens(section))
    head, _, rest = found.text.partition("\n")
    text = f"{head}\n{section}{rest}"
    return found.model_copy(
        update={
            "text": text,
            "tokens": count_tokens(text),
            "items": [BriefItem(kind="note", statement=line, evidence=evidence), *found.items],
        }
    )
