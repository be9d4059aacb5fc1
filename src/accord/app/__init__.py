"""The application layer: every use-case passes through App, which checks policy and audits."""

from accord.app.actor import Actor
from accord.app.core import App

__all__ = ["Actor", "App"]
