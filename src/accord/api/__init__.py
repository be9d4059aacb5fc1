"""The JSON API (FastAPI) over the App, with the node-to-node router mounted beside it."""

from accord.api.factory import create_app

__all__ = ["create_app"]
