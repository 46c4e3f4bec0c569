"""Together: pairing with a one-time code, unpairing, shared entries, the repair conversation.

Privacy rules come from the store's repositories (heartwork.store.pairs / journal / conversations /
questionnaires): private by default, a partner sees only what was shared or sent, safety-related entries never.
A repair conversation is a joint feature: when either partner's latest safety check-in shows risk it is not
offered; the person at risk is pointed to individual support, the other sees only a neutral pause.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from heartwork.web.config import MAX_TEXT_CHARS
from heartwork.web.deps import Problem, Viewer, check_csrf, render, require_user, session, web

router = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)
User = Annotated[Viewer, Depends(require_user)]
FormText = Annotated[str, Form(max_length=MAX_TEXT_CHARS)]

STAGE_GUIDE = {
    "own-your-part": (
        "Own your part",
        "Each of you names your own part in what happened — only yours, specifically, without the 'but'. "
        "You don't have to agree about the facts.",
    ),
    "hear-the-hurt": (
        "Hear the hurt",
        "Say back what you understand of how it felt for the other, and ask what you missed. "
        "Their pain matters even where you remember things differently.",
    ),
    "remorse": (
        "Remorse",
        "Say you are sorry for the hurt your part caused — without excuses, and without taking blame that isn't yours.",
    ),
    "amends": (
        "Amends",
        "Offer something concrete you will do differently, or ask what would help.",
    ),
    "closed": ("Closed", "This conversation is finished. You can always start a new one."),
}


def _flash(request: Request) -> dict[str, Any] | None:
    value = session(request).pop("flash", None)
    return value if isinstance(value, dict) else None


def _set_flash(request: Request, **values: Any) -> None:
    session(request)["flash"] = values


@router.get("/together")
def together(request: Request, viewer: User) -> Response:
    from heartwork.store import conversations, journal, pairs
    from heartwork.web import queries

    data = web(request).data
    with data.session(write=False) as s:
        pair = pairs.current_pair(s, viewer.id)
        partner = pairs.partner_of(s, viewer.id)
        partner_view = data.to_viewer(partner) if partner is not None else None
        shared = []
        convs = []
        if partner is not None:
            shared = [
                {"id": e.id, "title": e.title or e.kind, "when": e.created_at}
                for e in journal.visible_entries(s, viewer.id, partner.id)
            ]
            convs = [
                {"id": c.id, "title": c.title, "stage": STAGE_GUIDE.get(c.stage, (c.stage, ""))[0]}
                for c in conversations.list_conversations(s, viewer.id)
                if c.pair_id == pair.id  # type: ignore[union-attr]
            ]
        reveal = queries.questionnaire_reveal(s, viewer.id, partner.id) if partner is not None else []
        joint = queries.joint_status(s, viewer.id, partner.id if partner is not None else None)
    return render(
        request,
        "together.html",
        partner=partner_view,
        shared=shared,
        conversations=convs,
        reveal=reveal,
        joint=joint,
        flash=_flash(request),
    )


@router.post("/together/invite")
def together_invite(request: Request, viewer: User) -> Response:
    from heartwork.store import pairs

    with web(request).data.session() as s:
        code = pairs.create_invite(s, viewer.id)
    # The code is shown once, on this response only (the store keeps just its hash).
    return render(request, "invite.html", code=code, hours=int(pairs.INVITE_TTL.total_seconds() // 3600))


@router.post("/together/join")
def together_join(request: Request, viewer: User, code: Annotated[str, Form(max_length=40)] = "") -> Response:
    from heartwork.store import pairs

    if not code.strip():
        raise Problem(
            "Type the code your partner gave you (letters and digits, like ABCDE-23456).", back="/together"
        )
    with web(request).data.session() as s:
        pairs.accept_invite(s, viewer.id, code)
    _set_flash(request, notes=["You are paired. Everything stays private unless one of you shares it."])
    return RedirectResponse("/together", status_code=303)


@router.post("/together/unpair")
def together_unpair(request: Request, viewer: User) -> Response:
    from heartwork.store import pairs

    with web(request).data.session() as s:
        pairs.unpair(s, viewer.id)
    _set_flash(request, notes=["You are no longer paired. Nothing of yours is visible to anyone else."])
    return RedirectResponse("/together", status_code=303)


# ---- entries (one journal entry, shown to whoever may see it) --------------------------------------------


@router.get("/entries/{entry_id}")
def entry_view(request: Request, entry_id: int, viewer: User) -> Response:
    from heartwork.store import journal
    from heartwork.store.errors import NotFound

    with web(request).data.session(write=False) as s:
        try:
            entry = journal.get_entry(s, entry_id)
        except NotFound:
            entry = None
        if entry is None or not journal.can_view(s, viewer.id, entry):
            # The same answer for "does not exist" and "not yours": nothing leaks about other people's entries.
            raise Problem("There is no entry here for you.", status=404, back="/together")
        item = {
            "id": entry.id,
            "title": entry.title or entry.kind,
            "body": entry.body,
            "kind": entry.kind,
            "when": entry.created_at,
            "mine": entry.user_id == viewer.id,
            "shared": entry.shared,
            "sensitive": entry.sensitive,
        }
    return render(request, "entry.html", entry=item)


@router.post("/entries/{entry_id}/share")
def entry_share(
    request: Request, entry_id: int, viewer: User, shared: Annotated[str, Form(max_length=5)] = "0"
) -> Response:
    from heartwork.store import journal
    from heartwork.store.errors import NotFound

    with web(request).data.session() as s:
        try:
            entry = journal.get_entry(s, entry_id)
        except NotFound:
            entry = None
        if entry is None or entry.user_id != viewer.id:
            raise Problem("There is no entry here for you.", status=404, back="/my-data")
        journal.set_shared(s, entry, viewer.id, shared == "1")
    return RedirectResponse(f"/entries/{entry_id}", status_code=303)


# ---- repair conversation -------------------------------------------------------------------------------


def _conversation_or_404(s: Any, cid: int, viewer: Viewer) -> Any:
    from heartwork.store import conversations
    from heartwork.store.errors import NotFound, PermissionDenied

    try:
        return conversations.get_conversation(s, cid, viewer.id)
    except (NotFound, PermissionDenied) as exc:
        raise Problem("There is no conversation here for you.", status=404, back="/together") from exc


def _open_conversation(s: Any, cid: int, viewer: Viewer) -> Any | None:
    """The conversation (a 404 if it is not the viewer's), or None while joint work is paused for the pair
    (the conversation page then says why)."""
    from heartwork.web import queries

    conv = _conversation_or_404(s, cid, viewer)
    return conv if queries.joint_status_for_conv(s, viewer.id, conv)["open"] else None


def _to_conversation(cid: int, anchor: str = "") -> Response:
    return RedirectResponse(f"/together/repair/{cid}{anchor}", status_code=303)


@router.post("/together/repair")
def repair_start(
    request: Request, viewer: User, title: Annotated[str, Form(max_length=300)] = ""
) -> Response:
    from heartwork.store import conversations, pairs
    from heartwork.web import queries

    with web(request).data.session() as s:
        partner = pairs.partner_of(s, viewer.id)
        if partner is None:
            raise Problem(
                "A repair conversation needs a partner: pair with an invite code first.", back="/together"
            )
        if not queries.joint_status(s, viewer.id, partner.id)["open"]:
            return RedirectResponse("/together", status_code=303)
        conv = conversations.start_conversation(s, viewer.id, title.strip() or "Repair conversation")
        cid = conv.id
    return _to_conversation(cid)


@router.get("/together/repair/{cid}")
def repair_view(request: Request, cid: int, viewer: User) -> Response:
    from heartwork.store import conversations, pairs
    from heartwork.store.models import Pair
    from heartwork.web import queries

    data = web(request).data
    with data.session(write=False) as s:
        conv = _conversation_or_404(s, cid, viewer)
        pair = s.get(Pair, conv.pair_id)
        partner_id = pair.other(viewer.id) if pair is not None else None
        partner = pairs.partner_of(s, viewer.id)
        partner_name = (
            data.to_viewer(partner).name if partner is not None and partner.id == partner_id else "Partner"
        )
        joint = queries.joint_status(s, viewer.id, partner_id)
        turns = []
        draft: dict[str, Any] | None = None
        for t in conversations.visible_turns(s, conv, viewer.id):
            mine = t.user_id == viewer.id
            if mine and t.sent_at is None:
                draft = {"id": t.id, "text": t.private_draft}
                continue
            # For the partner's turns only what they chose to send is ever read.
            turns.append({"mine": mine, "text": t.sent_text or "", "who": "You" if mine else partner_name})
        last_from_partner = next((t["text"] for t in reversed(turns) if not t["mine"]), "")
        info = {
            "id": conv.id,
            "title": conv.title,
            "stage": conv.stage,
            "ended": pair is None or pair.ended_at is not None,
        }
    review = session(request).get("review")
    review_view = None
    if draft is not None and isinstance(review, dict) and review.get("turn") == draft["id"]:
        from heartwork.web.helpers import review_draft

        review_view = review_draft(last_from_partner, draft["text"])
    stages = [k for k in STAGE_GUIDE if k != "closed"]
    return render(
        request,
        "repair.html",
        conv=info,
        turns=turns,
        draft=draft,
        review=review_view,
        stages=stages,
        guide=STAGE_GUIDE,
        joint=joint,
        partner_name=partner_name,
        flash=_flash(request),
    )


@router.post("/together/repair/{cid}/draft")
def repair_draft(
    request: Request, cid: int, viewer: User, draft: FormText = "", turn: Annotated[int, Form()] = 0
) -> Response:
    from heartwork.store import conversations

    if not draft.strip():
        raise Problem("Write something first — a sentence or two is enough.", back=f"/together/repair/{cid}")
    with web(request).data.session() as s:
        conv = _open_conversation(s, cid, viewer)
        if conv is None:
            return _to_conversation(cid)
        t = conversations.save_draft(s, conv, viewer.id, draft, turn=turn or None)
        tid = t.id
    session(request)["review"] = {"turn": tid}
    return _to_conversation(cid, "#review")


@router.post("/together/repair/{cid}/send")
def repair_send(
    request: Request, cid: int, viewer: User, text: FormText = "", turn: Annotated[int, Form()] = 0
) -> Response:
    import heartwork
    from heartwork.store import conversations
    from heartwork.store.errors import NotFound, PermissionDenied

    if not text.strip():
        raise Problem("There is nothing to send: write a message first.", back=f"/together/repair/{cid}")
    with web(request).data.session() as s:
        conv = _open_conversation(s, cid, viewer)
        if conv is None:
            return _to_conversation(cid)
        if heartwork.analyze(text).safety.risk:
            # Safety first: a message with a safety signal is not passed on; the writer sees resources instead.
            _set_flash(request, safety=True)
            return _to_conversation(cid)
        try:
            conversations.send_turn(s, turn, viewer.id, text)
        except (NotFound, PermissionDenied) as exc:
            raise Problem(
                "That draft is not yours to send.", status=404, back=f"/together/repair/{cid}"
            ) from exc
    _set_flash(request, notes=["Sent."])
    return _to_conversation(cid)


@router.post("/together/repair/{cid}/stage")
def repair_stage(
    request: Request, cid: int, viewer: User, stage: Annotated[str, Form(max_length=40)] = ""
) -> Response:
    from heartwork.store import conversations

    with web(request).data.session() as s:
        conv = _conversation_or_404(s, cid, viewer)
        if stage not in STAGE_GUIDE:
            raise Problem(
                f"Unknown step {stage!r}. Choose one of: {', '.join(STAGE_GUIDE)}.",
                back=f"/together/repair/{cid}",
            )
        conversations.set_stage(s, conv, viewer.id, stage)
    return _to_conversation(cid)
