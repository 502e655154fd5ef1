"""The seeded synthetic product-log generator used by the demo, the tests and the benchmarks.

``generate`` returns a ``SynthLog`` (native envelope dicts sorted by time, and the ground truth of
who the people are); ``write`` saves it as ``events.jsonl`` and ``truth.json``; ``iter_events``
streams the same events person by person in bounded memory. docs/synth.md describes the model.
"""

from persona6.synth.generator import (
    DEFAULT_START,
    GENERATOR,
    REACTIONS,
    SynthLog,
    generate,
    iter_events,
    load_personas,
    write,
)

__all__ = [
    "DEFAULT_START",
    "GENERATOR",
    "REACTIONS",
    "SynthLog",
    "generate",
    "iter_events",
    "load_personas",
    "write",
]
