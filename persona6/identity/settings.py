"""Identity settings: shipped defaults (``data/identity.yaml``), overridden per tenant (stored in
``identity_settings`` by ``persona6 identity-settings``), overridden per call.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from persona6.errors import InvalidOption
from persona6.extract.text import load_lexicon
from persona6.store.base import Store

#: Settings a tenant may override, with the option that sets them.
#: The option is written as errors.py templates write one (``{--flag}``), so each surface
#: names it in its own terms.
SETTABLE = {
    "identifier_attrs": "{--identifier-attrs}",
    "new_person_threshold": "{--threshold}",
    "auto_merge_above": "{--auto-merge}",
    "candidates": "{--candidates}",
    "prior_new": "{--prior-new}",
}


@dataclass(frozen=True, slots=True)
class IdentitySettings:
    identifier_attrs: tuple[str, ...]
    new_person_threshold: float
    auto_merge_above: float | None
    candidates: int
    prior_new: float
    ignored_context_attrs: tuple[str, ...]
    max_context_value_chars: int
    backtest: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def defaults() -> IdentitySettings:
    data = load_lexicon("identity")
    return IdentitySettings(
        identifier_attrs=tuple(str(a) for a in data["identifier_attrs"]),
        new_person_threshold=float(data["new_person_threshold"]),
        auto_merge_above=(
            None if data["auto_merge_above"] is None else float(data["auto_merge_above"])
        ),
        candidates=int(data["candidates"]),
        prior_new=float(data["prior_new"]),
        ignored_context_attrs=tuple(str(a) for a in data["ignored_context_attrs"]),
        max_context_value_chars=int(data["max_context_value_chars"]),
        backtest=dict(data["backtest"]),
    )


def check_probability(option: str, value: float | None, *, allow_none: bool = False) -> None:
    """``option`` as templates write it, e.g. ``"{--threshold}"``."""
    if value is None and allow_none:
        return
    if value is None or not isinstance(value, int | float) or not 0.0 < float(value) <= 1.0:
        raise InvalidOption(
            option
            + " {value!r} is not a probability in (0, 1]. Give a number such as "
            + option
            + " 0.9"
            + (" (or 'off' to turn it off)" if allow_none else ""),
            value=value,
        )


def validated(name: str, value: Any) -> Any:
    """The value a setting takes, or InvalidOption naming the option and what to give."""
    option = SETTABLE.get(name)
    if option is None:
        raise InvalidOption(
            f"identity setting {name!r} is not known. Settable: {', '.join(sorted(SETTABLE))}"
        )
    if value is None:
        return None
    if name == "identifier_attrs":
        items = value.split(",") if isinstance(value, str) else list(value)
        names = tuple(str(v).strip() for v in items if str(v).strip())
        if not names:
            raise InvalidOption(
                option + " {value!r} names no attribute. Give comma-separated attrs keys, e.g. "
                "{--identifier-attrs} email_sha256,customer_id",
                value=value,
            )
        return list(names)
    if name == "candidates":
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 10_000:
            raise InvalidOption(
                option + " {value!r} is not a whole number from 1 to 10000. Give e.g. "
                "{--candidates} 64",
                value=value,
            )
        return value
    if name == "prior_new":
        if not isinstance(value, int | float) or not 0.0 < float(value) < 1.0:
            raise InvalidOption(
                option + " {value!r} is not a probability strictly between 0 and 1. Give e.g. "
                "{--prior-new} 0.2",
                value=value,
            )
        return float(value)
    check_probability(option, value, allow_none=name == "auto_merge_above")
    return float(value)


def settings_for(store: Store, tenant: str, **overrides: Any) -> IdentitySettings:
    """Defaults, then the tenant's stored overrides, then ``overrides`` (None = not given)."""
    current = defaults()
    stored = store.identity_settings(tenant)
    given = {k: v for k, v in overrides.items() if v is not None}
    for source in (stored, given):
        changes: dict[str, Any] = {}
        for name, value in source.items():
            if name == "auto_merge_above" and value == "off":
                changes[name] = None
                continue
            checked = validated(name, value)
            changes[name] = tuple(checked) if name == "identifier_attrs" else checked
        current = replace(current, **changes)
    return current
