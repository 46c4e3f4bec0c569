"""Reflect: import chat exports and report the patterns across a conversation history.

    from heartwork.history import import_chat, analyse_history, build_summary, write_report

    with import_chat("WhatsApp Chat with Sam.txt") as result:
        analysis = analyse_history(result.messages)
        write_report(build_summary(result.summary(), analysis, me="Alex"), analysis, Path("report.html"))

Importers (one module per format in ``heartwork.history.importers``) register through the
``heartwork_importers`` plugin hook. Everything loads lazily so ``import heartwork.history`` stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__all__ = [
    "ChatImportError",
    "ChatMessage",
    "HistoryAnalysis",
    "ImportResult",
    "analyse_history",
    "build_summary",
    "import_chat",
    "render_html",
    "write_report",
]

_WHERE = {
    "ChatImportError": "heartwork.history.importers",
    "ChatMessage": "heartwork.history.importers",
    "HistoryAnalysis": "heartwork.history.analysis",
    "analyse_history": "heartwork.history.analysis",
    "ImportResult": "heartwork.history.importing",
    "import_chat": "heartwork.history.importing",
    "build_summary": "heartwork.history.report",
    "render_html": "heartwork.history.report",
    "write_report": "heartwork.history.report",
}

if TYPE_CHECKING:
    from heartwork.history.analysis import HistoryAnalysis, analyse_history
    from heartwork.history.importers import ChatImportError, ChatMessage
    from heartwork.history.importing import ImportResult, import_chat
    from heartwork.history.report import build_summary, render_html, write_report


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(importlib.import_module(_WHERE[name]), name)
    raise AttributeError(f"module 'heartwork.history' has no attribute {name!r}")
