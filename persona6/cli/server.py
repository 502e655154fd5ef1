"""Commands of the live runtime: ``serve`` (the HTTP API) and ``keys`` (its API keys)."""

from __future__ import annotations

import click

from persona6.cli import err, json_option, main, print_json, print_table, utc_time
from persona6.config import settings
from persona6.errors import MissingExtra
from persona6.server import keys as api_keys
from persona6.store import open_store, shown_location


def _db_option(func):  # type: ignore[no-untyped-def]
    return click.option(
        "--db",
        default=None,
        help="Database: a SQLite file path or a postgresql:// URL. "
        "Default: $PERSONA6_DB or ./persona6.db.",
    )(func)


@main.command()
@_db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port",
    default=8000,
    show_default=True,
    type=click.IntRange(1, 65535),
    help="Port to listen on (1 to 65535).",
)
@click.option(
    "--log-level",
    default="info",
    show_default=True,
    type=click.Choice(["critical", "error", "warning", "info", "debug"]),
)
def serve(db: str | None, host: str, port: int, log_level: str) -> None:
    """Serve the HTTP API (OpenAPI at /openapi.json); every request needs an API key.

    Several processes can serve one PostgreSQL database. Make keys with `persona6 keys create`.

    \b
    Example:
      persona6 keys create --tenant acme
      persona6 serve --db persona6.db --port 8000
    """
    try:
        import uvicorn

        from persona6.server.api import create_app
    except ImportError as exc:
        raise MissingExtra("persona6 serve", "server") from exc
    database = settings(db).db
    app = create_app(database)
    err.print(
        f"persona6: serving {shown_location(database)} on http://{host}:{port} (docs at /docs)"
    )
    uvicorn.run(app, host=host, port=port, log_level=log_level)


@main.group()
def keys() -> None:
    """API keys of the HTTP service: each acts for one tenant; only its hash is stored.

    \b
    Example:
      persona6 keys create --tenant acme --name backend
    """


@keys.command("create")
@click.option("--tenant", required=True, help="The tenant every request with the key acts on.")
@click.option("--name", default=None, help="What the key is for (shown by keys list).")
@_db_option
@json_option
def keys_create(tenant: str, name: str | None, db: str | None, as_json: bool) -> None:
    """Make a new API key and print it once: it cannot be shown again.

    \b
    Example:
      persona6 keys create --tenant acme --json
    """
    with open_store(settings(db).db) as store:
        made = api_keys.create_key(store, tenant, name)
    if as_json:
        print_json(made)
        return
    click.echo(made.key)
    err.print(
        f"key {made.key_id} for tenant {made.tenant!r}: store it now, it is not shown again. "
        "Send it as 'Authorization: Bearer KEY'."
    )


@keys.command("list")
@click.option("--tenant", default=None, help="Only this tenant's keys.")
@_db_option
@json_option
def keys_list(tenant: str | None, db: str | None, as_json: bool) -> None:
    """List API keys (never their secrets), revoked ones included.

    \b
    Example:
      persona6 keys list --tenant acme
    """
    with open_store(settings(db).db) as store:
        found = api_keys.list_keys(store, tenant)
    if as_json:
        print_json(found)
        return
    print_table(
        None,
        ["key id", "tenant", "name", "created", "revoked"],
        [
            [k.key_id, k.tenant, k.name, utc_time(k.created_at), utc_time(k.revoked_at)]
            for k in found
        ],
    )


@keys.command("revoke")
@click.argument("key_id")
@_db_option
@json_option
def keys_revoke(key_id: str, db: str | None, as_json: bool) -> None:
    """Revoke an API key by its id: requests with it get 401 from then on.

    \b
    Example:
      persona6 keys revoke 3f9a0c1d2e4b5a69
    """
    with open_store(settings(db).db) as store:
        revoked = api_keys.revoke_key(store, key_id)
    if as_json:
        print_json(revoked)
        return
    err.print(f"revoked key {revoked.key_id} of tenant {revoked.tenant!r}")
