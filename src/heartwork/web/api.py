"""The JSON API: POST /api/analyze, /api/respond, /api/review (pydantic models, OpenAPI at /openapi.json).

The API is public and stateless: it reads the text it is given, answers, and stores nothing. It only accepts
``application/json`` bodies, which a cross-site HTML form cannot send, so it needs no CSRF token.
"""

from __future__ import annotations

import logging
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, Field, field_validator

from heartwork.web.config import MAX_TEXT_CHARS
from heartwork.web.deps import public

log = logging.getLogger(__name__)
# Messages up to this length are read directly on the event loop (a chat message is far shorter).
INLINE_MAX_CHARS = 2_000
router = APIRouter(prefix="/api", tags=["api"])


async def require_json(request: Request) -> None:
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype != "application/json":
        raise HTTPException(415, "Send the body as JSON with 'Content-Type: application/json'.")


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("Nothing to read: the text is empty. Send at least one word.")
    return value


# At least one character that is not white space (Python's definition, which also counts \x1c-\x1f), so the
# documented schema and the engine's "empty message" rule agree.
NOT_BLANK = r"[^\s\x1c-\x1f]"
# The rule is documented in the schema and enforced by _not_blank (whose message says how to fix it).
Text = Annotated[
    str, Field(max_length=MAX_TEXT_CHARS, json_schema_extra={"minLength": 1, "pattern": NOT_BLANK})
]


class ErrorOut(BaseModel):
    detail: str


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "The body is not valid JSON."},
    415: {"model": ErrorOut, "description": "The body was not sent as application/json."},
}


class AnalyzeRequest(BaseModel):
    text: Text = Field(description="The message to read.", examples=["You never listen to me!"])
    context: Annotated[str, Field(max_length=MAX_TEXT_CHARS)] | None = Field(
        default=None, description="The message this one answers, if any."
    )

    _check = field_validator("text")(_not_blank)


class PatternOut(BaseModel):
    label: str = Field(description="A label id of the Heartwork taxonomy.")
    title: str
    polarity: str = Field(description="reactive, kind or safety")
    start: int = Field(description="Character offset where the evidence starts.")
    end: int = Field(description="Character offset where the evidence ends (exclusive).")
    score: float
    evidence: str
    explanation: str


class Scored(BaseModel):
    name: str
    score: float


class SafetyOut(BaseModel):
    risk: bool
    findings: list[PatternOut]
    message: str | None = Field(default=None, description="What to do when a safety risk was found.")
    resources_url: str | None = None


class AnalyzeResponse(BaseModel):
    text: str
    patterns: list[PatternOut]
    feelings: list[Scored]
    needs: list[Scored]
    safety: SafetyOut
    notes: list[str] = []


def _pattern(d: dict[str, Any]) -> PatternOut:
    from heartwork.taxonomy import TITLES
    from heartwork.web.render import polarity

    return PatternOut(title=TITLES.get(d["label"], d["label"]), polarity=polarity(d["label"]), **d)


SAFETY_MESSAGE = (
    "Some of these words suggest you or someone may not be safe. Coaching is paused. "
    "You deserve support: see the help resources."
)


def analysis_out(analysis: Any, country: str = "INTL") -> AnalyzeResponse:
    d = analysis.to_dict()
    risk = bool(d["safety"]["risk"])
    message = None
    if risk:
        from heartwork.safety import policy

        message = policy.assess(analysis, country=country).message or SAFETY_MESSAGE
    return AnalyzeResponse(
        text=d["text"],
        patterns=[_pattern(p) for p in d["patterns"]],
        feelings=[Scored(**x) for x in d["feelings"]],
        needs=[Scored(**x) for x in d["needs"]],
        safety=SafetyOut(
            risk=risk,
            findings=[_pattern(p) for p in d["safety"]["findings"]],
            message=message,
            resources_url="/safety" if risk else None,
        ),
        notes=list(analysis.notes),
    )


@router.post(
    "/analyze", response_model=AnalyzeResponse, dependencies=[Depends(require_json)], responses=ERRORS
)
@public
async def api_analyze(body: AnalyzeRequest, request: Request) -> AnalyzeResponse:
    """Read one message: patterns with their exact words, feelings and needs beneath, and safety."""
    import heartwork

    # Read on the event loop: one message takes a few milliseconds of CPU (held by the GIL either way), and
    # skipping the thread-pool hop measured cheaper per request than a `def` endpoint (bench/bench_web.py).
    # Long texts go to a worker thread so they cannot stall other requests.
    if len(body.text) > INLINE_MAX_CHARS:
        from starlette.concurrency import run_in_threadpool

        analysis = await run_in_threadpool(heartwork.analyze, body.text, body.context)
    else:
        analysis = heartwork.analyze(body.text, body.context)
    return analysis_out(analysis, request.app.state.web.config.settings.country)


class RespondRequest(BaseModel):
    message: Text = Field(description="Your partner's message.", examples=["You don't care about me!"])
    my_part: Annotated[str, Field(max_length=500)] | None = Field(
        default=None, description="One specific thing you did, if any (enables an accountable apology)."
    )

    _check = field_validator("message")(_not_blank)


class SuggestionOut(BaseModel):
    kind: str
    text: str
    why: str


class SafetyNoticeOut(BaseModel):
    message: str
    resources: list[dict[str, Any]]


class RespondResponse(BaseModel):
    summary: str
    suggestions: list[SuggestionOut]
    guidance: list[str]
    paused_for_safety: bool
    safety: SafetyNoticeOut | None
    beneath: AnalyzeResponse
    notices: list[str]


class ReviewRequest(BaseModel):
    to: Text = Field(description="Your partner's message you are answering.")
    draft: Text = Field(description="Your draft reply.")
    my_part: Annotated[str, Field(max_length=500)] | None = None

    _check_to = field_validator("to")(_not_blank)
    _check_draft = field_validator("draft")(_not_blank)


class DraftFindingOut(BaseModel):
    label: str
    start: int
    end: int
    evidence: str
    why: str
    try_instead: str


class ReviewResponse(BaseModel):
    findings: list[DraftFindingOut]
    tips: list[str]
    score_before: int
    score_after: int | None
    rewrite: str | None
    paused_for_safety: bool
    safety: SafetyNoticeOut | None
    draft_analysis: AnalyzeResponse
    notices: list[str]


def _coach_call(fn: Any, *args: Any, field: str, **kwargs: Any) -> Any:
    """Run the coach; a ValueError about the input becomes a 422 in the standard validation shape."""
    try:
        return fn(*args, **kwargs)
    except ValueError as exc:
        log.warning("coach refused input: %s", exc)
        raise RequestValidationError(
            [{"type": "value_error", "loc": ("body", field), "msg": str(exc), "input": None}]
        ) from exc


def _safety_out(d: dict[str, Any] | None) -> SafetyNoticeOut | None:
    if not d:
        return None
    return SafetyNoticeOut(
        message=str(d.get("message", "")), resources=[dict(r) for r in d.get("resources", [])]
    )


@router.post(
    "/respond", response_model=RespondResponse, dependencies=[Depends(require_json)], responses=ERRORS
)
@public
def api_respond(body: RespondRequest) -> RespondResponse:
    """Ways to answer the pain beneath a partner's message (paused, with help resources, on a safety risk)."""
    from heartwork.web.helpers import coach_respond

    result = _coach_call(
        coach_respond(), body.message, field="message", my_part=(body.my_part or "").strip() or None
    )
    d = result.to_dict()
    return RespondResponse(
        summary=d["summary"],
        suggestions=[SuggestionOut(**s) for s in d["suggestions"]],
        guidance=list(d["guidance"]),
        paused_for_safety=bool(d["paused_for_safety"]),
        safety=_safety_out(d.get("safety")),
        beneath=analysis_out(result.analysis),
        notices=[str(n) for n in d.get("notices", [])],
    )


@router.post("/review", response_model=ReviewResponse, dependencies=[Depends(require_json)], responses=ERRORS)
@public
def api_review(body: ReviewRequest) -> ReviewResponse:
    """Feedback on your draft reply to a partner's message, with a before/after rewrite."""
    from heartwork.web.helpers import coach_review

    result = _coach_call(
        coach_review(), body.to, body.draft, field="draft", my_part=(body.my_part or "").strip() or None
    )
    d = result.to_dict()
    return ReviewResponse(
        findings=[DraftFindingOut(**f) for f in d["findings"]],
        tips=list(d["tips"]),
        score_before=int(d["score_before"]),
        score_after=d["score_after"],
        rewrite=d["rewrite"],
        paused_for_safety=bool(d["paused_for_safety"]),
        safety=_safety_out(d.get("safety")),
        draft_analysis=analysis_out(result.analysis),
        notices=[str(n) for n in d.get("notices", [])],
    )
