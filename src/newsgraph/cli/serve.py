"""`newsgraph serve`: the JSON API and web UI over an archive."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from newsgraph.cli.app import app
from newsgraph.cli.archive import DbOption
from newsgraph.cli.extract import ConfigOption, build_settings, error_line
from newsgraph.errors import NewsgraphError

TOKEN_ENV = "NEWSGRAPH_API_TOKEN"


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="address to listen on (loopback by default)")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option(min=1, max=65535, help="port to listen on")] = 8000,
    config: ConfigOption = None,
) -> None:
    """Serve the archive: JSON API under /api/v1, web UI at /, OpenAPI docs at /docs.

    Read-only unless NEWSGRAPH_API_TOKEN is set; writes then need `Authorization: Bearer <token>`.
    """
    from newsgraph.web.server import serve as run_server

    settings = build_settings(config, database=db)
    token = os.environ.get(TOKEN_ENV) or None
    try:
        run_server(settings, host=host, port=port, token=token)
    except NewsgraphError as error:
        error_line(str(error))
        raise typer.Exit(1) from error
