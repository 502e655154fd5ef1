"""``persona6 mcp``: serve the persona graph to agents over MCP (persona6/server/mcp.py)."""

from __future__ import annotations

import click

from persona6.cli import err, main, open_engine, store_options

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


@main.command("mcp")
@click.option(
    "--transport",
    type=click.Choice(["stdio", "http"]),
    default="stdio",
    show_default=True,
    help="stdio: a client launches this command; http: streamable HTTP at /mcp.",
)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on with --transport http. Keep the loopback default: "
    "there is no authentication.",
)
@click.option(
    "--port",
    type=click.IntRange(1, 65535),
    default=8765,
    show_default=True,
    help="Port to listen on with --transport http.",
)
@click.option(
    "--allow-forget",
    is_flag=True,
    help="Also serve the forget tool, which deletes events, sessions or persons for good "
    "(annotated destructive). Off by default: an agent must not erase records unless you "
    "choose so.",
)
@store_options
def mcp_command(
    transport: str,
    host: str,
    port: int,
    allow_forget: bool,
    db: str | None,
    tenant: str | None,
) -> None:
    """Serve the tools an agent needs mid-conversation over MCP: get_user_context,
    link_session, predict_reaction, record_event, explain_trait, get_person, list_persons
    (and forget, with --allow-forget).

    With stdio (the default) an MCP client starts this command and talks over its standard
    input and output; with http it serves streamable HTTP at http://HOST:PORT/mcp until
    Ctrl-C. The tools act on one tenant of one database (docs/mcp.md).

    \b
    Example:
      persona6 mcp --db persona6.db
      persona6 mcp --transport http --port 8765
    """
    # Imported here: the extra is optional, and its module raises MissingExtra without it.
    from persona6.server.mcp import create_mcp_server

    with open_engine(db, tenant) as p6:
        server = create_mcp_server(p6, allow_forget=allow_forget)
        where = f"tenant {p6.tenant!r} of {p6.location}"
        if allow_forget:
            where += " (the forget tool included)"
        try:
            if transport == "stdio":
                err.print(f"persona6 mcp: serving {where} over stdio", markup=False)
                server.run("stdio")
            else:
                if host not in LOOPBACK:
                    err.print(
                        f"[yellow]warning[/]: listening on {host}, beyond this machine, without "
                        "authentication: anyone who can reach the port can read the personas"
                    )
                shown = f"[{host}]" if ":" in host else host
                err.print(
                    f"persona6 mcp: serving {where} at http://{shown}:{port}/mcp", markup=False
                )
                server.run("streamable-http", host=host, port=port)
        except KeyboardInterrupt:
            pass
