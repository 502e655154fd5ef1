"""Readers that turn product logs into events, and the pipeline that validates and stores them.

Formats: ``native`` (JSONL envelopes), ``openai`` (chat transcripts), ``segment`` (track /
identify / page events) and ``csv`` (a header and a column mapping). Importing this package
registers them all in ``READERS``; docs/formats.md describes each one.
"""

# The adapters register themselves in READERS on import.
from persona6.ingest import csv, native, openai, segment  # noqa: F401
from persona6.ingest.base import READERS, Input, RawRecord, ReaderOptions, choose_format

__all__ = ["READERS", "Input", "RawRecord", "ReaderOptions", "choose_format"]
