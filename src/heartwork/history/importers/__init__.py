"""Chat-export importers: one module per format, all found through the ``heartwork_importers`` hook.

A third-party package adds a format by implementing the hook and returning objects with ``name``, ``title``,
``sniff(sample)`` and ``parse(source, log)`` (see :mod:`heartwork.history.importers.base`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from heartwork.history.importers.base import (
    ChatImportError,
    ChatMessage,
    Importer,
    ImportLog,
    Sample,
    Skipped,
    Source,
    read_sample,
)

__all__ = [
    "ChatImportError",
    "ChatMessage",
    "ImportLog",
    "Importer",
    "Sample",
    "Skipped",
    "Source",
    "all_importers",
    "builtin_importers",
    "detect",
    "get_importer",
]

# A sniffer score at least this high counts as recognising a file.
RECOGNISED = 0.5


def builtin_importers() -> list[Any]:
    """The built-in formats, in the order they are listed to people."""
    from heartwork.history.importers.generic_csv import CsvImporter
    from heartwork.history.importers.messenger import InstagramImporter, MessengerImporter
    from heartwork.history.importers.signal import SignalImporter
    from heartwork.history.importers.telegram import TelegramImporter
    from heartwork.history.importers.whatsapp import WhatsAppImporter

    return [
        WhatsAppImporter(),
        TelegramImporter(),
        MessengerImporter(),
        InstagramImporter(),
        SignalImporter(),
        CsvImporter(),
    ]


def all_importers() -> dict[str, Any]:
    """Every registered importer (built-in and plugins) by name; the first registration of a name wins."""
    from heartwork.plugins import manager

    found: dict[str, Any] = {}
    # pluggy calls the most recently registered plugin first; built-ins are registered first, so reverse.
    for batch in reversed(manager().hook.heartwork_importers()):
        for imp in batch or []:
            found.setdefault(imp.name, imp)
    return found


def get_importer(name: str) -> Any:
    importers = all_importers()
    if name not in importers:
        raise ChatImportError(f"Unknown format {name!r}. Available: auto, {', '.join(importers)}.")
    return importers[name]


def _check_path(path: Path) -> None:
    if not path.exists():
        raise ChatImportError(f"No such file or folder: {path}. Check the path and try again.")
    if path.is_file() and path.stat().st_size == 0:
        raise ChatImportError(
            f"The file {path.name} is empty (0 bytes). Export the chat again and import that file."
        )


def scores(path: Path) -> list[tuple[float, Any]]:
    """Every importer's confidence for this file, best first."""
    _check_path(path)
    sample = read_sample(path)
    from heartwork.history.importers.base import detect_encoding

    detect_encoding(sample.head)  # binary data fails here, with a clear message
    ranked = [(float(imp.sniff(sample)), imp) for imp in all_importers().values()]
    ranked.sort(key=lambda t: -t[0])
    return ranked


def detect(path: Path) -> Any:
    """The importer that recognises the file best; a clear error if none does."""
    ranked = scores(path)
    if not ranked or ranked[0][0] < RECOGNISED:
        names = ", ".join(imp.name for _, imp in ranked)
        raise ChatImportError(
            f"Could not recognise the format of {path.name}. Supported: {names}. If it is one of these, name it "
            "with --format (for a CSV also say which columns hold what, e.g. --csv-text message)."
        )
    return ranked[0][1]


def check_explicit(path: Path, importer: Any) -> None:
    """When someone names a format, catch the obvious mismatch before parsing (e.g. a WhatsApp file read as
    Telegram) and point to the right format."""
    ranked = scores(path)
    mine = next((s for s, imp in ranked if imp.name == importer.name), 0.0)
    best_score, best = ranked[0]
    if mine < 0.2 and best_score >= RECOGNISED and best.name != importer.name:
        raise ChatImportError(
            f"{path.name} does not look like a {importer.title}; it looks like a {best.title}. "
            f"Use --format {best.name} (or --format auto)."
        )
