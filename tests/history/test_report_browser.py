"""Render a realistic six-month report and look at it in a real browser (Debian chromium via Playwright)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from heartwork.history.analysis import analyse_history
from heartwork.history.importing import import_chat
from heartwork.history.report import build_summary, write_report
from heartwork.history.synthetic import conversation, write_whatsapp

CHROMIUM = "/usr/bin/chromium"


@pytest.mark.browser
@pytest.mark.skipif(
    not Path(CHROMIUM).exists() or shutil.which("chromium") is None, reason="needs Debian chromium"
)
def test_report_renders_offline_with_all_sections(tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    export = tmp_path / "WhatsApp Chat with Jonas.txt"
    write_whatsapp(conversation(days=182, seed=7, safety=True), export, style="android", media_every=37)
    out = tmp_path / "report.html"
    with import_chat(export) as result:
        a = analyse_history(result.messages)
        write_report(build_summary(result.summary(), a, me="Maya"), a, out)

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"], headless=True)
        try:
            page = browser.new_page(viewport={"width": 1100, "height": 1400})
            requests: list[str] = []
            page.on("request", lambda r: requests.append(r.url))
            page.goto(out.as_uri())
            assert [u for u in requests if not u.startswith("file://")] == []
            # the safety note is the first section, before the summary
            first = page.locator("main > section").first
            assert first.get_attribute("id") == "safety"
            assert "emergency number" in first.inner_text()
            for section in ("summary", "over-time", "people", "escalation", "repair", "hardest", "about"):
                assert page.locator(f"section#{section}").is_visible(), section
            assert "In plain words" in page.locator("#summary h2").inner_text()
            assert page.locator("#over-time svg.chart").count() == 2
            assert "5:1 reference" in page.locator("#over-time").inner_text()
            people = page.locator("#people .person")
            assert people.count() == 2 and "Maya (you)" in page.locator("#people").inner_text()
            # hardest conversations: the first is open, the others open on click, messages are linked
            convs = page.locator("#hardest details")
            assert convs.count() >= 3
            assert convs.nth(0).get_attribute("open") is not None
            convs.nth(1).locator("summary").click()
            assert convs.nth(1).locator(".msg").first.is_visible()
            link = page.locator("#repair a[href^='#m'], #escalation a[href^='#m']").first
            target = link.get_attribute("href")
            assert target and page.locator(target).count() == 1
            page.screenshot(path=str(tmp_path / "report.png"), full_page=True)
            assert (tmp_path / "report.png").stat().st_size > 50_000
        finally:
            browser.close()
