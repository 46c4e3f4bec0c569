"""End-to-end in a real browser (Debian chromium driven by Playwright) against a live server on loopback.

Covers: sign up, analyse a message live, get responses and a draft review, the self-compassion break with
pacing, pairing two accounts in two browser contexts, a repair conversation turn each, progress, export,
the safety check-in, quick exit (button and Esc-Esc), hostile text, and every page at phone width (390 px).
Screenshots go to test-artifacts/web/.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect
from webtest_support import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.slow]

NEUTRAL = "https://www.bbc.co.uk/weather"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def _context(browser, server, viewport=DESKTOP):
    ctx = browser.new_context(viewport=viewport, base_url=server.url, accept_downloads=True)
    ctx.route(
        "https://www.bbc.co.uk/**",
        lambda route: route.fulfill(
            status=200,
            content_type="text/html",
            body="<html><head><title>Weather</title></head><body>Weather</body></html>",
        ),
    )
    return ctx


def _no_dialogs(page) -> list[str]:
    seen: list[str] = []

    def on_dialog(d) -> None:
        seen.append(d.message)
        d.dismiss()

    page.on("dialog", on_dialog)
    return seen


def _shot(page, artifacts: Path, name: str) -> None:
    page.screenshot(path=str(artifacts / f"{name}.png"), full_page=True)


def _signup(page, username: str, display: str) -> None:
    page.goto("/signup")
    page.fill("#username", username)
    page.fill("#display_name", display)
    page.fill("#password", PASSWORD)
    page.fill("#confirm", PASSWORD)
    page.click("button[type=submit] >> text=Create account")
    page.wait_for_url("**/welcome")


def _fits_phone(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url}: page is {width}px wide on a 390px screen"


def test_browser_full_journey(browser, live_server, artifacts: Path) -> None:
    alice_ctx = _context(browser, live_server)
    bob_ctx = _context(browser, live_server, PHONE)
    a = alice_ctx.new_page()
    b = bob_ctx.new_page()
    dialogs = _no_dialogs(a) + _no_dialogs(b)
    console_errors: list[str] = []
    a.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)

    # --- sign up -------------------------------------------------------------------------------------------
    a.goto("/")
    _shot(a, artifacts, "01-home")
    _signup(a, "alice", "Alice")
    assert "Welcome" in a.inner_text("h1")
    _shot(a, artifacts, "02-welcome")

    # --- Read: live analysis while typing ------------------------------------------------------------------
    a.goto("/read")
    message = "You never listen to me! You're so selfish. <script>alert(1)</script>"
    a.fill("#text", "")
    a.type("#text", message, delay=5)
    expect(a.locator("#live-status")).to_have_text("Up to date.", timeout=10_000)
    a.wait_for_selector("#analysis .marked")
    # What the page shows live is exactly what the API says about the full text (no fixed labels assumed).
    expected = a.request.post("/api/analyze", data={"text": message}).json()
    assert a.inner_text("#analysis .marked") == message  # the whole text, shown as text
    assert a.locator("#analysis .finding").count() == len(expected["patterns"]) + len(
        [f for f in expected["safety"]["findings"] if f not in expected["patterns"]]
    )
    assert a.locator("#analysis mark.hl").count() >= min(1, len(expected["patterns"]))
    for p in expected["patterns"]:
        assert p["title"] in a.inner_text("#analysis")
    _shot(a, artifacts, "03-read-live")
    # The no-JavaScript path gives the same reading after a normal submit.
    live_html = a.inner_text("#analysis .findings") if expected["patterns"] else ""
    a.click("button >> text=Read it")
    a.wait_for_selector("#analysis .marked")
    if expected["patterns"]:
        assert re.sub(r"\s+", "", a.inner_text("#analysis .findings")) == re.sub(r"\s+", "", live_html)

    # --- Respond: suggestions, then a review of my draft with before/after ---------------------------------
    a.goto("/respond")
    a.fill("#message", "You don't care about me! You're cold and selfish!")
    a.click("button >> text=Suggest responses")
    a.wait_for_selector(".suggestion")
    assert a.locator(".suggestion").count() >= 3
    a.fill("#draft", "That's not true, I always care. You're overreacting.")
    a.click("button >> text=Review my draft")
    a.wait_for_selector("#review")
    review = a.request.post(
        "/api/review",
        data={
            "to": "You don't care about me! You're cold and selfish!",
            "draft": "That's not true, I always care. You're overreacting.",
        },
    ).json()
    assert a.locator("#rewrite").count() == (1 if review["rewrite"] else 0)
    for tip in review["tips"]:
        assert tip in a.inner_text("#review")
    _shot(a, artifacts, "04-respond-review")

    # --- Practice: the self-compassion break, with pacing ---------------------------------------------------
    a.goto("/practice")
    _shot(a, artifacts, "05-practice-list")
    a.click("button[aria-label='Start Self-compassion break']")
    a.wait_for_url(re.compile(r".*/practice/run/\d+$"))
    saw_breath = False
    for _ in range(40):
        if a.locator("#step-form").count() == 0:
            break
        if a.locator("#breath").count():
            saw_breath = True
            assert a.locator("#continue").is_disabled()  # Continue waits for the pace ...
            _shot(a, artifacts, "06-practice-breath")
            a.click("#skip")  # ... and the pause can be skipped
        elif a.locator("textarea#answer").count():
            a.fill("textarea#answer", "I snapped at my partner about the dishes and I feel ashamed.")
            a.click("#continue")
        elif a.locator("input[type=radio][name=answer]").count():
            a.locator("input[type=radio][name=answer]").nth(4).check()
            a.click("#continue")
        elif a.locator("input[name=choice]").count():
            a.locator("input[name=choice]").first.check()
            a.click("#continue")
        else:
            a.click("#continue")
        a.wait_for_load_state()
    assert saw_breath
    assert "Thank you for taking this pause" in a.inner_text("main")
    _shot(a, artifacts, "07-practice-done")

    # --- Pairing in two browser contexts --------------------------------------------------------------------
    _signup(b, "bob", "Bob")
    a.goto("/together")
    _shot(a, artifacts, "08-together-unpaired")
    a.click("button >> text=Make an invite code")
    code = a.inner_text("#invite-code").strip()
    assert re.fullmatch(r"[A-Z0-9]{5}-[A-Z0-9]{5}", code)
    _shot(a, artifacts, "09-invite-code")
    b.goto("/together")
    b.fill("#code", code)
    b.click("button >> text=Pair with my partner")
    b.wait_for_selector("text=You are paired with")
    assert "Alice" in b.inner_text("main")

    # --- Repair conversation: a turn each -------------------------------------------------------------------
    a.goto("/together")
    a.fill("#title", "The dishes")
    a.click("button >> text=Start a repair conversation")
    a.wait_for_url(re.compile(r".*/together/repair/\d+$"))
    conv_url = a.url
    a.fill("#draft", "I'm sorry I snapped at you about the dishes last night. That was my part.")
    a.click("button >> text=Save and review with the coach")
    a.wait_for_selector("#review")
    a.fill("#send-text", "I'm sorry I snapped at you about the dishes last night. That was my part.")
    a.click("button >> text=Send")
    a.wait_for_selector(".turn.mine")
    b.goto(conv_url)
    assert "sorry I snapped" in b.inner_text(".turns")
    b.fill("#draft", "Thank you for saying that. I felt hurt and alone with the chores.")
    b.click("button >> text=Save and review with the coach")
    b.wait_for_selector("#review")
    _shot(b, artifacts, "10-repair-review-phone")
    b.click("button >> text=Send")
    b.wait_for_selector(".turn.mine")
    _fits_phone(b)
    a.goto(conv_url)
    assert "hurt and alone" in a.inner_text(".turns")
    _shot(a, artifacts, "11-repair-conversation")
    a.goto("/together")
    _shot(a, artifacts, "12-together-paired")

    # --- Progress ---------------------------------------------------------------------------------------------
    a.goto("/progress")
    a.check("input[value=compassion]")
    a.fill("#note", "I paused before answering.")
    a.click("button >> text=Log it")
    a.wait_for_selector("svg.chart")
    # This week: one moment of compassion and one finished practice, each drawn as a bar of some height.
    assert a.locator("svg.chart rect:not([height='0.0'])").count() == 2
    _shot(a, artifacts, "13-progress")

    # --- My data: export ---------------------------------------------------------------------------------------
    a.goto("/my-data")
    _shot(a, artifacts, "14-my-data")
    with a.expect_download() as dl:
        a.click("#export")
    path = dl.value.path()
    data = json.loads(Path(path).read_text())
    assert data["account"]["username"] == "alice"
    assert any(e["kind"] == "practice" for e in data["journal_entries"])
    assert any("sorry I snapped" in (t["sent_text"] or "") for t in data["conversation_turns"])

    # --- Safety --------------------------------------------------------------------------------------------
    a.goto("/safety")
    assert a.locator(".resources li").count() >= 1
    _shot(a, artifacts, "15-safety")
    a.goto("/safety/check-in")
    _shot(a, artifacts, "16-checkin")

    assert not dialogs, dialogs
    assert not [e for e in console_errors if "Content Security Policy" in e], console_errors
    alice_ctx.close()
    bob_ctx.close()


def test_browser_quick_exit_replaces_history(browser, live_server, artifacts: Path) -> None:
    ctx = _context(browser, live_server)
    page = ctx.new_page()
    page.goto("/")
    page.goto("/read")
    page.goto("/safety")
    assert page.locator("#quick-exit").is_visible()
    page.click("#quick-exit")
    page.wait_for_url(NEUTRAL)
    assert page.title() == "Weather"
    page.go_back()
    # The Safety page was replaced in history: Back lands on the page before it, not on the one we fled.
    assert page.url.endswith("/read")
    # Esc twice does the same from any page.
    page.goto("/practice")
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_url(NEUTRAL)
    ctx.close()


@pytest.mark.parametrize("path", ["/", "/read", "/respond", "/safety", "/login", "/signup"])
def test_browser_public_pages_fit_a_phone_and_show_quick_exit(
    browser, live_server, artifacts: Path, path: str
) -> None:
    ctx = _context(browser, live_server, PHONE)
    page = ctx.new_page()
    page.goto(path)
    _fits_phone(page)
    box = page.locator("#quick-exit").bounding_box()
    assert box and box["y"] < 80 and box["x"] + box["width"] <= PHONE["width"]
    _shot(page, artifacts, "phone" + (path.replace("/", "-") if path != "/" else "-home"))
    ctx.close()


def test_browser_signed_in_pages_fit_a_phone(browser, live_server, artifacts: Path) -> None:
    ctx = _context(browser, live_server, PHONE)
    page = ctx.new_page()
    _signup(page, "phoebe", "Phoebe")
    for path in (
        "/practice",
        "/progress",
        "/together",
        "/my-data",
        "/safety/check-in",
        "/progress/questionnaire/scs-sf",
    ):
        page.goto(path)
        _fits_phone(page)
        assert page.locator("#quick-exit").is_visible()
        _shot(page, artifacts, "phone" + path.replace("/", "-"))
    ctx.close()


def test_browser_hostile_text_is_inert(browser, live_server) -> None:
    ctx = _context(browser, live_server)
    page = ctx.new_page()
    dialogs = _no_dialogs(page)
    page.goto("/read")
    hostile = '"><img src=x onerror=alert(1)><script>alert(2)</script> \u202etxt.exe'
    page.fill("#text", "You never listen. " + hostile)
    page.dispatch_event("#text", "input")
    page.wait_for_selector("#analysis .marked")
    assert hostile in page.inner_text("#analysis .marked")
    assert page.locator("#analysis img").count() == 0 and page.locator("#analysis script").count() == 0
    bidi = page.eval_on_selector("#analysis .marked", "el => getComputedStyle(el).unicodeBidi")
    assert bidi == "isolate"
    page.click("button >> text=Read it")
    page.wait_for_selector("#analysis .marked")
    assert page.locator("#analysis img").count() == 0
    assert not dialogs
    ctx.close()
