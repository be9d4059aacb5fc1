"""accord web serve: the analysts' web interface of this node."""

from __future__ import annotations

from typing import Annotated

import typer

from accord.cli.context import console, open_app

web_app = typer.Typer(help="The web interface (search, entities, network, sharing, audit).")


@web_app.command("serve")
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Serve the web interface until interrupted (sign in as a user made with `accord user add`)."""
    import uvicorn

    from accord.web import create_web_app

    with open_app() as app:
        console.print(
            f"accord web interface of node {app.settings.node_name}: http://{host}:{port}"
        )
        uvicorn.run(create_web_app(app), host=host, port=port, log_level="warning")
