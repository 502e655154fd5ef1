"""Readers that turn product logs into events, and the pipeline that validates and stores them.

Formats: ``native`` (JSONL envelopes), ``openai`` (chat transcripts), ``segment`` (track /
identify / page events) and ``csv`` (a header and a column mapping). Importing this package
registers them all in ``READERS``.
"""

from persona6.ingest import native  # noqa: F401  (registers the reader)
from persona6.ingest.base import READERS, Input, RawRecord, ReaderOptions, choose_format

for _optional in ("openai", "segment", "csv"):
    try:
        __import__(f"persona6.ingest.{_optional}")
    except ModuleNotFoundError as exc:  # adapters land one by one; a missing one is not an error
        if exc.name != f"persona6.ingest.{_optional}":
            raise

__all__ = ["READERS", "Input", "RawRecord", "ReaderOptions", "choose_format"]
