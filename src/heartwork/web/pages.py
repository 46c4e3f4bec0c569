"""All HTML routers, in the order they are mounted."""

from __future__ import annotations

from fastapi import APIRouter


def routers() -> list[APIRouter]:
    from heartwork.web import accounts, reading

    return [accounts.router, reading.router]
