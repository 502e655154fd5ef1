"""API keys: each belongs to one tenant, is shown once, and only its hash is stored.

A key reads ``p6_<key_id>_<secret>``: ``key_id`` is public (listed, used to revoke), ``secret``
is 32 random bytes. The store keeps SHA-256 of the whole key. A slow password hash is not
needed: the secret has 256 bits of entropy, so the hash cannot be searched, and checking a
request stays one index lookup and one constant-time comparison.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from datetime import UTC, datetime

from pydantic import BaseModel, Field

from persona6.config import check_tenant
from persona6.errors import InvalidOption, NotFound
from persona6.store.base import ApiKeyRow, Store

_KEY = re.compile(r"^p6_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$")


class ApiKey(BaseModel):
    """A stored key, as listed: never its secret."""

    key_id: str = Field(description="The public id of the key (give it to `keys revoke`).")
    tenant: str = Field(description="The tenant every request with this key acts on.")
    name: str | None = Field(default=None, description="What the key is for.")
    created_at: str = Field(description="When the key was made (UTC).")
    revoked_at: str | None = Field(default=None, description="When it was revoked, if it was.")


class NewApiKey(ApiKey):
    """A key just made: the only time its secret is shown."""

    key: str = Field(description="The secret key; send it as `Authorization: Bearer KEY`.")


def create_key(store: Store, tenant: str, name: str | None = None) -> NewApiKey:
    """Make a key for ``tenant`` and store its hash; the returned ``key`` is not kept."""
    check_tenant(tenant)
    key_id = secrets.token_hex(8)
    key = f"p6_{key_id}_{secrets.token_urlsafe(32)}"
    row = ApiKeyRow(
        key_id=key_id,
        tenant=tenant,
        name=name,
        secret_hash=_hash(key),
        created_at=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
    )
    store.add_api_key(row)
    return NewApiKey(key=key, **_listed(row).model_dump())


def tenant_of(store: Store, key: str) -> str | None:
    """The tenant a presented key acts for, or None if it is malformed, unknown or revoked."""
    match = _KEY.match(key)
    if match is None:
        return None
    row = store.api_key(match.group(1))
    if row is None or row.revoked_at is not None:
        return None
    if not hmac.compare_digest(row.secret_hash, _hash(key)):
        return None
    return row.tenant


def list_keys(store: Store, tenant: str | None = None) -> list[ApiKey]:
    return [_listed(row) for row in store.api_keys(tenant)]


def revoke_key(store: Store, key_id: str) -> ApiKey:
    """Revoke a key by its public id; requests with it get 401 from then on."""
    at = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if not store.revoke_api_key(key_id, at):
        found = store.api_key(key_id)
        if found is None:
            raise NotFound(f"API key {key_id!r} does not exist. List keys with: persona6 keys list")
        raise InvalidOption(f"API key {key_id!r} was already revoked at {found.revoked_at}")
    row = store.api_key(key_id)
    assert row is not None
    return _listed(row)


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _listed(row: ApiKeyRow) -> ApiKey:
    return ApiKey(
        key_id=row.key_id,
        tenant=row.tenant,
        name=row.name,
        created_at=row.created_at,
        revoked_at=row.revoked_at,
    )
