"""The daily choice, questionnaires, weekly reflection and progress through the real CLI and a real SQLite file."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from test_commands_cli import run_cli

from heartwork.practice.records import load_history, log_choice


def test_commands_choice_logs_with_analysed_note_and_streak(store) -> None:
    r = run_cli("choice", "compassion", "--note", "I told her I could see how tired she was and made tea")
    assert r.returncode == 0, r.stderr
    assert "a moment you chose compassion" in r.stdout and "Streak: 1 day" in r.stdout
    r = run_cli("choice", "reacted", "--note", "I always mess everything up")
    assert r.returncode == 0 and "reactivity-check-in" in r.stdout
    assert "Self-criticism" in r.stdout  # the note's reading is shown with its words
    h = load_history(store)
    assert [c["choice"] for c in h.choices] == ["compassion", "reacted"]
    assert "self_criticism" in h.choices[1]["labels"]  # analysis labels are stored with the choice
    assert h.choices[0]["note"].startswith("I told her")


def test_commands_choice_without_note_and_bad_kind(store) -> None:
    assert run_cli("choice", "reacted").returncode == 0
    r = run_cli("choice", "maybe")
    assert r.returncode == 2 and "Valid choices: compassion, reacted" in r.stderr
    assert len(load_history(store).choices) == 1


def test_commands_choice_note_with_safety_risk_shows_help(store) -> None:
    r = run_cli("choice", "reacted", "--note", "He checks my phone and won't let me see my friends.")
    assert r.returncode == 0
    assert "Pausing here" in r.stdout and "emergency" in r.stdout.lower()
    assert "reactivity-check-in" not in r.stdout  # no practice suggestion when safety comes first
    assert load_history(store).choices[0]["choice"] == "reacted"  # the log itself is kept


def test_commands_questionnaire_interactive_re_asks_and_keeps_history(store) -> None:
    # CSI-4: item 1 "3"; item 2 gets empty, 9 (out of range), abc, then 4; items 3 and 4 "3" -> 3+4+3+3 = 13
    r = run_cli("questionnaire", "csi-4", stdin="3\n\n9\nabc\n4\n3\n3\n")
    assert r.returncode == 0, r.stderr
    assert r.stdout.count("Please type a whole number from 0 to 5.") == 3
    assert "13 out of 21" in r.stdout and "below 13.5" in r.stdout
    r = run_cli("questionnaire", "csi-4", "--answers", "4,4,4,4")
    assert "16 out of 21" in r.stdout
    r = run_cli("questionnaire", "csi-4", "--history")
    lines = [ln for ln in r.stdout.splitlines() if "csi-4" in ln]
    assert [ln.split()[-1] for ln in lines] == ["13", "16"]
    assert [q["total"] for q in load_history(store).questionnaires] == [13, 16]


def test_commands_questionnaire_scs_sf_scores_and_rejects_bad_answers(store) -> None:
    r = run_cli("questionnaire", "scs-sf", "--answers", "3,4,2,5,1,3,4,2,5,1,4,3")
    assert r.returncode == 0 and "2.42" in r.stdout and "Raes" in r.stdout
    r = run_cli("questionnaire", "scs-sf", "--answers", "3,4")
    assert r.returncode == 2 and "scs-sf has 12 items; got 2" in r.stderr
    r = run_cli("questionnaire", "phq-9")
    assert r.returncode == 2 and "Available: scs-sf, csi-4" in r.stderr
    assert len(load_history(store).questionnaires) == 1  # nothing saved for the bad attempts


def test_commands_questionnaire_stopped_part_way_saves_nothing(store) -> None:
    r = run_cli("questionnaire", "scs-sf", stdin="3\n4\n")
    assert r.returncode == 130 and "nothing was saved" in r.stdout
    assert load_history(store).questionnaires == []


def _seed(store) -> None:
    """Eight weeks of history with more compassion lately, written through the same repositories."""
    from heartwork.practice.questionnaires import score
    from heartwork.store import journal, questionnaires, users

    today = date.today()
    for back in range(56):
        day = today - timedelta(days=back)
        if back % 5 == 4:  # a rest day every fifth day
            continue
        log_choice(store, "compassion" if back < 28 or back % 3 == 0 else "reacted", day=day)
    with store.session() as s:
        me = users.local_user(s)
        for back in (1, 3, 9):
            journal.add_entry(
                s,
                me,
                "practice",
                title="Soothing touch",
                data={
                    "practice": "soothing-touch",
                    "title": "Soothing touch",
                    "status": "complete",
                    "labels": {},
                },
                created_at=datetime.now(UTC) - timedelta(days=back),
            )
        for back, answers in ((40, [3, 3, 3, 3]), (1, [4, 4, 4, 4])):
            row = questionnaires.add_response(s, me, "csi-4", answers, score("csi-4", answers))
            row.created_at = datetime.now(UTC) - timedelta(days=back)


def test_commands_progress_empty_then_full_with_files(store, tmp_path: Path) -> None:
    r = run_cli("progress")
    assert r.returncode == 0 and "Nothing logged yet" in r.stdout
    _seed(store)
    png, svg, html = tmp_path / "p.png", tmp_path / "out" / "p.svg", tmp_path / "p.html"
    r = run_cli("progress", "--out", str(png))
    assert r.returncode == 0, r.stderr
    assert "What changed" in r.stdout and "Relationship satisfaction (CSI-4, 0-21) rose: from 12 " in r.stdout
    assert "Your most practised: Soothing touch (3x)" in r.stdout
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 20_000
    assert run_cli("progress", "--out", str(svg)).returncode == 0
    assert "<svg" in svg.read_text(encoding="utf-8")
    assert run_cli("progress", "--out", str(html), "--weeks", "4").returncode == 0
    page = html.read_text(encoding="utf-8")
    assert "<svg" in page and "What changed" in page
    assert "<script" not in page and 'src="http' not in page and "<link" not in page  # self-contained
    r = run_cli("progress", "--out", str(tmp_path / "p.pdf"))
    assert r.returncode == 2 and ".png, .svg or .html" in r.stderr


def test_commands_reflect_summarises_the_week_and_saves_answers(store) -> None:
    log_choice(store, "compassion", day=date.today())
    log_choice(store, "reacted", day=date.today() - timedelta(days=1))
    r = run_cli("reflect", stdin="Pausing before answering helped\nOne soothing touch a day\n")
    assert r.returncode == 0, r.stderr
    assert "logged 1 moment of choosing compassion and 1 moment of reacting" in r.stdout
    assert "saved to your journal" in r.stdout
    from test_commands_cli import entries

    (e,) = entries("weekly_reflection")
    assert e.data["answers"] == {
        "helped": "Pausing before answering helped",
        "next": "One soothing touch a day",
    }
    assert "Pausing before answering helped" in e.body
    assert run_cli("reflect", "--no-prompt").returncode == 0
    assert len(entries("weekly_reflection")) == 1  # --no-prompt only shows the summary


def test_commands_reflect_with_a_safety_signal_shows_help_and_stays_private(store) -> None:
    r = run_cli("reflect", stdin="He checks my phone and won't let me see my friends.\n\n")
    assert r.returncode == 0 and "Pausing here" in r.stdout
    from test_commands_cli import entries

    (e,) = entries("weekly_reflection")
    assert e.sensitive is True
