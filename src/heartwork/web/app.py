"""The FastAPI application factory."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from heartwork import __version__
from heartwork.settings import Settings
from heartwork.web import config as web_config
from heartwork.web.deps import CSRFError, LoginRequired, Problem, back_for, render
from heartwork.web.security import LoginLimiter, Passwords, SecurityHeadersMiddleware, SessionMiddleware

HERE = Path(__file__).parent


@dataclass
class Web:
    """Everything a request handler needs, built once per app (no globals)."""

    config: web_config.WebConfig
    templates: jinja2.Environment
    limiter: LoginLimiter
    passwords: Passwords
    data: Any  # heartwork.web.queries.Data


def _templates() -> jinja2.Environment:
    from heartwork.taxonomy import TITLES

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,  # every {{ value }} is HTML-escaped; nothing is marked safe
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["TITLES"] = TITLES
    env.globals["version"] = __version__
    return env


def create_app(
    settings: Settings | None = None, *, config: web_config.WebConfig | None = None, store: Any = None
) -> FastAPI:
    """Build the app. Settings are read here (``heartwork.settings.load()``), never at import time.

    ``store``: an already open ``heartwork.store.Store`` (``heartwork serve`` passes one it has unlocked when the
    data is encrypted); by default the app opens ``settings.database_url`` on first use.
    """
    from heartwork.settings import load
    from heartwork.web import api, pages, queries

    if config is None:
        config = web_config.build(settings or load())
    settings = config.settings
    app = FastAPI(
        title="Heartwork",
        version=__version__,
        description="Local-first help for moving from blame, defensiveness and shame to compassion. "
        "The JSON API reads a message and coaches a reply; it stores nothing.",
        docs_url=None,  # the interactive docs page loads scripts from a CDN; the schema stays at /openapi.json
        redoc_url=None,
    )
    app.state.web = Web(
        config=config,
        templates=_templates(),
        limiter=LoginLimiter(
            config.login_max_failures_account, config.login_max_failures_address, config.login_window_seconds
        ),
        passwords=Passwords(),
        data=queries.Data(settings, store),
    )
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router)
    for router in pages.routers():
        app.include_router(router)
    _install_handlers(app)
    app.add_middleware(
        SessionMiddleware,
        secret_key=config.secret_key,
        max_age=web_config.SESSION_MAX_AGE_SECONDS,
        force_secure=config.force_https_cookies,
    )
    app.add_middleware(SecurityHeadersMiddleware)
    return app


def _environmental(exc: Exception) -> bool:
    from heartwork.store.errors import StoreFull, StoreLocked, StoreReadOnly, StoreUnavailable

    return isinstance(exc, StoreFull | StoreLocked | StoreReadOnly | StoreUnavailable)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _install_handlers(app: FastAPI) -> None:
    @app.exception_handler(LoginRequired)
    async def _login_required(request: Request, exc: LoginRequired) -> Response:
        if _wants_json(request):
            return JSONResponse({"detail": "Sign in first."}, status_code=401)
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)

    @app.exception_handler(CSRFError)
    async def _csrf(request: Request, exc: CSRFError) -> Response:
        if _wants_json(request):
            return JSONResponse(
                {"detail": "Missing or stale CSRF token; reload the page and try again."}, 403
            )
        return render(
            request,
            "problem.html",
            status=403,
            title="Please try again",
            message="This form was out of date (its security token did not match). "
            "Go back, reload the page and send it again.",
            back=back_for(request.url.path),
        )

    @app.exception_handler(Problem)
    async def _problem(request: Request, exc: Problem) -> Response:
        if _wants_json(request):
            return JSONResponse({"detail": exc.message}, status_code=exc.status)
        return render(
            request,
            "problem.html",
            status=exc.status,
            title="Something needs a change",
            message=exc.message,
            back=exc.back,
        )

    from heartwork.store.errors import InviteError, NotFound, PermissionDenied, StoreError

    @app.exception_handler(StoreError)
    async def _store_error(request: Request, exc: StoreError) -> Response:
        # Storage refusals carry a message written for the person (how to fix it). Someone else's records are
        # reported exactly like missing ones, so nothing leaks about other people's data.
        if isinstance(exc, NotFound | PermissionDenied):
            status, message = 404, "There is nothing here for you."
        else:
            status, message = (
                (400 if isinstance(exc, InviteError) else 503 if _environmental(exc) else 400),
                str(exc),
            )
        if _wants_json(request):
            return JSONResponse({"detail": message}, status_code=status)
        return render(
            request,
            "problem.html",
            status=status,
            title="That did not work",
            message=message,
            back=back_for(request.url.path),
        )

    @app.exception_handler(404)
    async def _not_found(request: Request, exc: Exception) -> Response:
        if _wants_json(request):
            return JSONResponse({"detail": "Not found."}, status_code=404)
        return render(
            request,
            "problem.html",
            status=404,
            title="Page not found",
            message="There is no page at this address.",
            back="/",
        )

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        if _wants_json(request):
            from fastapi.exception_handlers import request_validation_exception_handler

            return await request_validation_exception_handler(request, exc)
        fields = ", ".join(sorted({str(e["loc"][-1]) for e in exc.errors() if e.get("loc")}))
        return render(
            request,
            "problem.html",
            status=400,
            title="Something is missing",
            message=f"Please check these fields and send the form again: {fields or 'the form'}.",
            back=back_for(request.url.path),
        )
