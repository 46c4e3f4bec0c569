"""Progress (charts of the daily choice, practices and questionnaires) and My data (export, delete)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from heartwork.web.deps import Problem, Viewer, check_csrf, render, require_user, session, web

router = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)
User = Annotated[Viewer, Depends(require_user)]

WEEKS_SHOWN = 8


def bar_chart(
    weeks: list[dict[str, Any]], keys: list[tuple[str, str, str]], height: int = 160
) -> dict[str, Any]:
    """Grouped bars as SVG geometry: one group per week, one bar per key (key, title, css colour)."""
    width = 600
    pad_l, pad_b, pad_t = 28, 28, 10
    top = max([1] + [w[k] for w in weeks for k, _, _ in keys])
    group = (width - pad_l) / max(1, len(weeks))
    bar = group * 0.7 / max(1, len(keys))
    bars, labels = [], []
    for i, w in enumerate(weeks):
        x0 = pad_l + i * group + group * 0.15
        for j, (k, title, colour) in enumerate(keys):
            h = (height - pad_b - pad_t) * w[k] / top
            bars.append(
                {
                    "x": round(x0 + j * bar, 1),
                    "y": round(height - pad_b - h, 1),
                    "w": round(bar - 2, 1),
                    "h": round(h, 1),
                    "fill": colour,
                    "title": f"{title}, week of {w['label']}: {w[k]}",
                }
            )
        labels.append({"x": round(pad_l + i * group + group / 2, 1), "text": w["label"]})
    return {
        "width": width,
        "height": height,
        "bars": bars,
        "labels": labels,
        "top": top,
        "base": height - pad_b,
        "pad_l": pad_l,
    }


@router.get("/progress")
def progress(request: Request, viewer: User) -> Response:
    from heartwork.practice.habit import compute_streaks, week_start
    from heartwork.practice.questionnaires import INSTRUMENTS
    from heartwork.store import choices, journal, questionnaires

    today = date.today()
    first = week_start(today) - timedelta(weeks=WEEKS_SHOWN - 1)
    with web(request).data.session(write=False) as s:
        # Plain values only: the read transaction ends (and expires the rows) when the block closes.
        daily = [
            (c.day, c.choice) for c in choices.list_choices(s, viewer.id, since=first - timedelta(days=400))
        ]
        run_days = [
            e.created_at.date()
            for e in journal.list_entries(s, viewer.id, kind="practice")
            if (e.data or {}).get("status") == "complete"
        ]
        scores = {
            inst.id: [
                {"when": r.created_at.date().isoformat(), "total": r.scores.get("total")}
                for r in questionnaires.list_responses(s, viewer.id, inst.id)
            ]
            for inst in INSTRUMENTS.values()
        }
    weeks = []
    for i in range(WEEKS_SHOWN):
        start = first + timedelta(weeks=i)
        end = start + timedelta(days=7)
        weeks.append(
            {
                "label": start.strftime("%d %b"),
                "compassion": sum(
                    1 for day, choice in daily if start <= day < end and choice == "compassion"
                ),
                "reacted": sum(1 for day, choice in daily if start <= day < end and choice == "reacted"),
                "practices": sum(1 for day in run_days if start <= day < end),
            }
        )
    days = {day for day, _ in daily} | set(run_days)
    streaks = compute_streaks(days, today)
    chart = bar_chart(
        weeks,
        [
            ("compassion", "Chose compassion", "#2f7a4c"),
            ("reacted", "Reacted", "#c98a2e"),
            ("practices", "Practices", "#2f6b64"),
        ],
    )
    return render(
        request,
        "progress.html",
        weeks=weeks,
        chart=chart,
        streaks=streaks,
        scores=scores,
        instruments=list(INSTRUMENTS.values()),
        flash=session(request).pop("flash", None),
    )


@router.post("/progress/choice")
def progress_choice(
    request: Request,
    viewer: User,
    choice: Annotated[str, Form(max_length=20)] = "",
    note: Annotated[str, Form(max_length=5000)] = "",
) -> Response:
    from heartwork.store import choices

    if choice not in choices.CHOICES:
        raise Problem("Choose “I chose compassion” or “I reacted”.", back="/progress")
    analysis = None
    if note.strip():
        import heartwork

        a = heartwork.analyze(note)
        if a.safety.risk:
            session(request)["flash"] = {"safety": True}
        analysis = {"labels": list(a.labels), "safety": a.safety.risk}
    with web(request).data.session() as s:
        choices.add_choice(s, viewer.id, choice, note=note, analysis=analysis)
    return RedirectResponse("/progress", status_code=303)


@router.get("/progress/questionnaire/{instrument}")
def questionnaire_form(request: Request, instrument: str, viewer: User) -> Response:
    return render(request, "questionnaire.html", inst=_instrument(instrument), error=None)


def _instrument(name: str) -> Any:
    from heartwork.practice.questionnaires import QuestionnaireNotFoundError, get_instrument

    try:
        return get_instrument(name)
    except QuestionnaireNotFoundError as exc:
        raise Problem(str(exc), status=404, back="/progress") from exc


@router.post("/progress/questionnaire/{instrument}")
async def questionnaire_submit(request: Request, instrument: str, viewer: User) -> Response:
    from starlette.concurrency import run_in_threadpool

    from heartwork.practice.questionnaires import score
    from heartwork.store import questionnaires

    inst = _instrument(instrument)
    form = await request.form()
    answers: list[int] = []
    for item in inst.items:
        raw = form.get(f"item{item.number}")
        if not isinstance(raw, str) or not raw.strip().lstrip("-").isdigit():
            return render(
                request,
                "questionnaire.html",
                status=400,
                inst=inst,
                error=f"Please answer every question (question {item.number} is missing).",
            )
        answers.append(int(raw))
    try:
        scores = score(inst, answers)
    except ValueError as exc:
        return render(request, "questionnaire.html", status=400, inst=inst, error=str(exc))
    consent = form.get("share_consent") == "1"

    def save() -> None:
        with web(request).data.session() as s:
            questionnaires.add_response(s, viewer.id, inst.id, answers, scores, share_consent=consent)

    await run_in_threadpool(save)
    session(request)["flash"] = {"notes": [f"Saved your answers to {inst.name}."]}
    return RedirectResponse("/progress", status_code=303)


# ---- My data -----------------------------------------------------------------------------------------------


@router.get("/my-data")
def my_data(request: Request, viewer: User) -> Response:
    from heartwork.store import journal

    with web(request).data.session(write=False) as s:
        entries = [
            {
                "id": e.id,
                "title": e.title or e.kind,
                "kind": e.kind,
                "shared": e.shared,
                "sensitive": e.sensitive,
                "when": e.created_at,
            }
            for e in journal.list_entries(s, viewer.id, limit=200)
        ]
    return render(request, "my_data.html", entries=entries, error=None)


@router.post("/my-data/export")
def my_data_export(request: Request, viewer: User) -> Response:
    data = web(request).data.export(viewer.id)
    body = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    name = f"heartwork-export-{date.today().isoformat()}.json"
    return Response(
        body, media_type="application/json", headers={"content-disposition": f'attachment; filename="{name}"'}
    )


@router.post("/my-data/delete")
def my_data_delete(
    request: Request,
    viewer: User,
    password: Annotated[str, Form(max_length=1000)] = "",
    confirm: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    w = web(request)
    found = w.data.password_hash(viewer.email)
    if confirm.strip() != "delete everything" or found is None or not w.passwords.verify(found[1], password):
        return render(
            request,
            "my_data.html",
            status=400,
            entries=[],
            error="To delete your account, type “delete everything” and your password.",
        )
    w.data.delete_account(viewer.id)
    session(request).rotate()
    request.state._state.pop("viewer", None)
    return render(request, "deleted.html")
