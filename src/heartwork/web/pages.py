"""All HTML routers, in the order they are mounted."""

from __future__ import annotations

from fastapi import APIRouter


def routers() -> list[APIRouter]:
    from heartwork.web import accounts, practice_pages, progress, reading, together

    return [accounts.router, reading.router, practice_pages.router, together.router, progress.router]
