"""Server-rendered web pages (Jinja2 + htmx, Cytoscape.js for the network) over the App."""

from accord.web.factory import create_web_app

__all__ = ["create_web_app"]
