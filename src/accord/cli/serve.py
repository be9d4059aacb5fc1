"""accord serve: the node's JSON API (and node-to-node router) over uvicorn."""

from __future__ import annotations

from typing import Annotated

import typer

from accord.cli.context import open_app


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on")] = 8000,
    workers: Annotated[
        int, typer.Option(min=1, help="Worker processes (each with its own App)")
    ] = 1,
) -> None:
    """Serve this node's JSON API (OpenAPI at /openapi.json) with uvicorn."""
    import uvicorn

    from accord.api import create_app

    with open_app() as app:  # opens (and migrates) the database once, before any worker
        if workers == 1:
            uvicorn.run(create_app(app), host=host, port=port, log_level="warning")
            return
    factory = "accord.api.serving:app_from_settings"
    uvicorn.run(factory, factory=True, workers=workers, host=host, port=port, log_level="warning")
