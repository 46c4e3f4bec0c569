"""Public pages that store nothing: home, Read, Respond, Safety."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from heartwork.web.config import MAX_TEXT_CHARS
from heartwork.web.deps import Problem, check_csrf, public, render, require_user, web

router = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)

FormText = Annotated[str, Form(max_length=MAX_TEXT_CHARS)]


@router.get("/")
@public
def home(request: Request) -> Response:
    return render(request, "home.html")


@router.get("/healthz")
@public
def healthz() -> dict[str, str]:
    """Liveness probe (and the baseline of the web benchmark): touches neither the engine nor the database."""
    return {"status": "ok"}


@router.get("/welcome")
def welcome(request: Request, viewer: Annotated[Any, Depends(require_user)]) -> Response:
    return render(request, "welcome.html")


def analyse_text(request: Request, text: str) -> dict[str, Any] | None:
    import heartwork
    from heartwork.web.helpers import safety_decision
    from heartwork.web.render import view

    if not text.strip():
        return None
    analysis = heartwork.analyze(text)
    return {**view(analysis), "decision": safety_decision(analysis, web(request).config.settings)}


@router.get("/read")
@public
def read_page(request: Request) -> Response:
    return render(request, "read.html", text="", view=None)


@router.post("/read")
@public
def read_submit(request: Request, text: FormText = "") -> Response:
    if not text.strip():
        raise Problem("Paste or type a message first — there was nothing to read.", back="/read")
    return render(request, "read.html", text=text, view=analyse_text(request, text))


@router.get("/safety")
@public
def safety_page(request: Request) -> Response:
    from heartwork.web import helpers

    return render(request, "safety.html", **helpers.safety_context(web(request).config.settings))


def respond_view(message: str, my_part: str) -> dict[str, Any]:
    from heartwork.web.helpers import coach_respond
    from heartwork.web.render import view

    try:
        result = coach_respond()(message, my_part=my_part.strip() or None)
    except ValueError as exc:
        raise Problem(f"The coach could not read this message: {exc}", back="/respond") from exc
    d = result.to_dict()
    return {"coach": d, "view": view(result.analysis)}


@router.get("/respond")
@public
def respond_page(request: Request) -> Response:
    return render(request, "respond.html", message="", my_part="", draft="", result=None, review=None)


@router.post("/respond")
@public
def respond_submit(
    request: Request,
    message: FormText = "",
    my_part: Annotated[str, Form(max_length=500)] = "",
    draft: FormText = "",
    action: Annotated[str, Form(max_length=20)] = "respond",
) -> Response:
    from heartwork.web.helpers import review_draft

    if not message.strip():
        raise Problem("Paste your partner's message first — the coach answers a message.", back="/respond")
    result = respond_view(message, my_part)
    review = None
    if action == "review":
        if not draft.strip():
            raise Problem("Write your draft reply first, then ask for a review.", back="/respond")
        review = review_draft(message, draft)
    return render(
        request, "respond.html", message=message, my_part=my_part, draft=draft, result=result, review=review
    )


@router.get("/safety/check-in")
def checkin_form(request: Request, viewer: Annotated[Any, Depends(require_user)]) -> Response:
    from heartwork.safety.checkin import ANSWERS, QUESTIONS

    return render(request, "checkin.html", questions=QUESTIONS, answers=ANSWERS, result=None, plan=[])


@router.post("/safety/check-in")
async def checkin_submit(request: Request, viewer: Annotated[Any, Depends(require_user)]) -> Response:
    """Score the private check-in and keep it as a sensitive entry (never shareable, never seen by a partner)."""
    from starlette.concurrency import run_in_threadpool

    from heartwork.safety import checkin
    from heartwork.store import journal
    from heartwork.web.helpers import safety_context

    form = await request.form()
    raw = {q.id: str(form.get(q.id) or "skip") for q in checkin.QUESTIONS}
    try:
        result = checkin.score(raw)
    except checkin.InvalidAnswerError as exc:
        raise Problem(str(exc), back="/safety/check-in") from exc

    def save() -> None:
        with web(request).data.session() as s:
            journal.add_entry(
                s, viewer.id, "safety_checkin", title="Safety check-in", data=result.to_dict(), sensitive=True
            )

    await run_in_threadpool(save)
    return render(
        request,
        "checkin.html",
        questions=checkin.QUESTIONS,
        answers=checkin.ANSWERS,
        result=result,
        plan=checkin.safety_plan(result),
        **safety_context(web(request).config.settings),
    )
