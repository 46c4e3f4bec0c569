"""The web app (issue 5): ``create_app(settings=None)`` builds the FastAPI application.

Importing this package is light; FastAPI and the engine load when :func:`create_app` is called.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["create_app"]

if TYPE_CHECKING:
    from heartwork.web.app import create_app


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from heartwork.web.app import create_app

        return create_app
    raise AttributeError(f"module 'heartwork.web' has no attribute {name!r}")
