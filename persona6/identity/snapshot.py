"""Saving the linking index to a file, so that a process does not re-index every person.

Indexing a person means reading their profile, parsing and vectorizing it, and inserting it
into the HNSW graph and the posting lists. At 10,000 persons that takes about a minute, and a
process pays it on its first link (each ``persona6 link`` command, each server worker).

A snapshot holds:

- the index's arrays (``PersonIndex.state``);
- the version of each person's profile it was made from (``identity_profiles.version``);
- what linking keeps of each person's companions;
- each person's stated identifiers, as hashes with session counts (identifiers.py).

A process restores the snapshot, re-indexes only the persons whose profile version changed
since (new or rewritten), and drops those whose profile is gone.

A snapshot is a cache and is never trusted over the store. It is ignored, and the index built
from the store, when it is:

- missing (silently);
- unreadable, truncated or inconsistent (a logged warning that says why);
- of another format, layout or usearch version, or made with another model's idf, whose
  vectors would differ (a logged info line: a refit or an upgrade is expected).

Beside it, a small JSON file keeps how far the shipped model's constant moved on the tenant
(``backtest.shipped_shift``: a few hundred milliseconds to measure, more than restoring the
index) and the profile counter and persons it was measured at, so a new process measures it
again only when ``Linker`` would have (``save_shift``, ``load_shift``). It is a cache too: one
made for another model or tenant, or unreadable, is measured again.

Where snapshots go: ``PERSONA6_INDEX_DIR`` (config.py) or, by default, ``<db>.index/`` beside a
SQLite file. PostgreSQL gets no default: each host of a multi-process deployment names its own
directory. There is one file per tenant. It is written by a background thread (``Writer``) to
a temporary file and moved into place, so a reader never sees half a file and concurrent
writers leave one whole snapshot.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import tempfile
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import BinaryIO

import numpy as np
import usearch

from persona6.identity.backtest import TenantShift
from persona6.identity.features import CHARGRAM_BITS
from persona6.identity.index import DENSE_DTYPE, FEATURES, SIGNATURE_DIMS, PersonIndex
from persona6.identity.model import LinkModel, idf_key

log = logging.getLogger("persona6.identity")

#: Raised whenever what a snapshot holds, or how, changes.
FORMAT = 2
#: A snapshot is rewritten once this share of its persons, and at least ``RESAVE_PERSONS``
#: distinct persons, were re-indexed since it was saved or restored: below it, re-indexing
#: them at each start costs less than a write.
RESAVE_SHARE = 0.05
#: Re-indexing this many persons costs a start well under a second (about 3 ms each: reading,
#: parsing and vectorizing a profile), so a small tenant is not saved after each write: at 7
#: persons, 5% was one person, and every write and build made a link pay for a snapshot.
RESAVE_PERSONS = 25

Companions = dict[str, tuple[dict[str, int], int]]
#: person -> stated identifier labels (hashed) -> sessions.
Identifiers = dict[str, dict[str, int]]


@dataclass(slots=True)
class Restored:
    index: PersonIndex
    versions: dict[str, int]  # person -> profile version the index holds
    companions: Companions
    identifiers: Identifiers


def vectors_key(model: LinkModel) -> str:
    """What indexed vectors depend on in a model: its idf (weights only steer the search),
    digested once per idf object with its serialization (``model.idf_key``): a model moved
    by a tenant's shift (``linking.shifted``) shares its base's idf."""
    return idf_key(model.idf)


def path_for(directory: Path, tenant: str) -> Path:
    """The tenant's snapshot file: a readable prefix and a digest (tenants may hold any text)."""
    readable = re.sub(r"[^A-Za-z0-9_.-]", "_", tenant)[:40]
    digest = hashlib.blake2b(tenant.encode(), digest_size=6).hexdigest()
    return directory / f"{readable}-{digest}.npz"


def _meta(tenant: str, model: LinkModel) -> dict[str, object]:
    return {
        "format": FORMAT,
        "tenant": tenant,
        "vectors": vectors_key(model),
        "features": FEATURES,
        "signature_dims": SIGNATURE_DIMS,
        "dense_dtype": DENSE_DTYPE,
        "chargram_bits": CHARGRAM_BITS,
        "usearch": usearch.__version__,
    }


def _text(value: object) -> np.ndarray:
    return np.frombuffer(json.dumps(value, ensure_ascii=False).encode(), dtype=np.uint8)


def contents(
    tenant: str,
    index: PersonIndex,
    versions: dict[str, int],
    companions: Companions,
    identifiers: Identifiers | None = None,
) -> dict[str, np.ndarray]:
    """What a snapshot holds, as arrays that nothing changes afterwards: taken while the index
    stands still, they can be written while it goes on being updated."""
    arrays = index.state()
    persons = sorted(versions)
    arrays["meta"] = _text(_meta(tenant, index.model))
    arrays["version_ids"] = np.asarray(persons, dtype=np.str_)
    arrays["version_values"] = np.asarray([versions[p] for p in persons], dtype=np.int64)
    arrays["companions"] = _text({p: [dict(c), n] for p, (c, n) in companions.items()})
    arrays["identifiers"] = _text({p: dict(held) for p, held in (identifiers or {}).items()})
    return arrays


def write(path: Path, arrays: dict[str, np.ndarray]) -> bool:
    """Write a snapshot's ``contents`` to ``path`` (a temporary file renamed into place); False
    (and a warning) if it could not be written: linking goes on without one."""
    return _replace(path, lambda out: np.savez(out, **arrays), "linking index snapshot")


def _replace(path: Path, fill: Callable[[BinaryIO], object], what: str) -> bool:
    """Write ``path`` by ``fill`` into a temporary file beside it renamed into place, so that a
    reader never sees half a file; False, and a warning naming ``what``, if it failed (a cache:
    failing to write one must not fail the link)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                fill(out)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except Exception as exc:
        log.warning("%s not saved to %s: %s", what, path, exc)
        return False
    return True


def discard(directory: Path, tenant: str) -> None:
    """Delete the tenant's snapshot, if there is one (after ``forget``: it holds the vectors
    and companions of what was forgotten, and is re-made from the store at the next link),
    and the shift measured on the persons it held."""
    try:
        shift_path(path_for(directory, tenant)).unlink(missing_ok=True)
        path_for(directory, tenant).unlink(missing_ok=True)
    except OSError as exc:
        log.warning(
            "linking index snapshot %s not deleted (%s): it still holds what was forgotten; "
            "delete it by hand",
            path_for(directory, tenant),
            exc,
        )


#: Raised whenever what a saved shift holds, or how, changes.
SHIFT_FORMAT = 2
#: A shift as measured (``backtest.shipped_shift``), with the profile counter and the number
#: of persons indexed when it was measured (``Linker._shift_if_due``).
MeasuredShift = tuple[TenantShift, int | None, int]


def shift_path(path: Path) -> Path:
    """The file beside the snapshot ``path`` that keeps the tenant's shift."""
    return path.with_name(path.stem + ".shift.json")


def save_shift(path: Path, tenant: str, model: LinkModel, measured: MeasuredShift) -> None:
    """Keep the shift ``measured`` of the shipped ``model`` on ``tenant`` beside the snapshot
    ``path`` (written to a temporary file and moved into place); a warning, and linking goes
    on, if it cannot be written."""
    found, counter, indexed = measured
    record = {
        "format": SHIFT_FORMAT,
        "tenant": tenant,
        "model": model.model_id,
        **asdict(found),
        "counter": counter,
        "indexed": indexed,
    }
    blob = json.dumps(record, sort_keys=True).encode()
    _replace(shift_path(path), lambda out: out.write(blob), "linking shift")


def load_shift(path: Path, tenant: str, model: LinkModel) -> MeasuredShift | None:
    """What ``save_shift`` kept beside the snapshot ``path`` for the shipped ``model`` on
    ``tenant``; None if there is none (silently), if it was made for another model or tenant
    (an info line: a new shipped model is expected), or if it is unreadable (a warning)."""
    target = shift_path(path)
    if not target.exists():
        return None
    try:
        record = json.loads(target.read_text(encoding="utf-8"))
        if (record["format"], record["tenant"], record["model"]) != (
            SHIFT_FORMAT,
            tenant,
            model.model_id,
        ):
            log.info(
                "linking shift %s ignored: made for another model or format; measuring it again",
                target,
            )
            return None
        found = (
            TenantShift(
                shift=float(record["shift"]),
                best=float(record["best"]),
                sessions=int(record["sessions"]),
                persons=int(record["persons"]),
                stranger={str(k): float(v) for k, v in record["stranger"].items()},
                pairs=int(record["pairs"]),
            ),
            None if record["counter"] is None else int(record["counter"]),
            int(record["indexed"]),
        )
    except Exception as exc:  # a cache: anything wrong with the file means measuring again
        log.warning("linking shift %s unreadable (%s); measuring it again", target, exc)
        return None
    return found


class Writer:
    """Writes one snapshot at a time in a background thread, so that the link that makes one
    does not wait for the file. The thread is not a daemon: a command that ends first waits
    for it, and ``wait`` does so on purpose (``Persona6.close``)."""

    def __init__(self) -> None:
        self._thread: threading.Thread | None = None

    def busy(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, path: Path, arrays: dict[str, np.ndarray]) -> None:
        self.wait()
        self._thread = threading.Thread(
            target=write, args=(path, arrays), name="persona6-index-snapshot", daemon=False
        )
        self._thread.start()

    def wait(self) -> None:
        if self._thread is not None:
            self._thread.join()
            self._thread = None


def load(path: Path, tenant: str, model: LinkModel) -> Restored | None:
    """The snapshot at ``path`` if it is usable with ``model``; None (with a warning saying
    why, unless there is no file) if not."""
    if not path.exists():
        return None
    try:
        with np.load(path, allow_pickle=False) as found:
            arrays = {name: found[name] for name in found.files}
        meta = json.loads(arrays["meta"].tobytes())
        expected = _meta(tenant, model)
        differs = sorted(k for k, v in expected.items() if meta.get(k) != v)
        if differs:  # a refitted model or an upgrade: expected, so not a warning
            log.info(
                "linking index snapshot %s ignored: made for another %s; re-indexing",
                path,
                ", ".join(differs),
            )
            return None
        index = PersonIndex.restore(model, arrays)
        versions = dict(
            zip(
                (str(p) for p in arrays["version_ids"]),
                (int(v) for v in arrays["version_values"]),
                strict=True,
            )
        )
        companions = {
            p: ({k: int(n) for k, n in c.items()}, int(s))
            for p, (c, s) in json.loads(arrays["companions"].tobytes()).items()
        }
        identifiers = {
            p: {k: int(n) for k, n in held.items()}
            for p, held in json.loads(arrays["identifiers"].tobytes()).items()
        }
    except Exception as exc:  # a cache: anything wrong with the file means rebuilding it
        log.warning("linking index snapshot %s unreadable (%s); re-indexing", path, exc)
        return None
    if set(versions) != set(index.persons()):
        log.warning("linking index snapshot %s inconsistent; re-indexing", path)
        return None
    return Restored(index, versions, companions, identifiers)
