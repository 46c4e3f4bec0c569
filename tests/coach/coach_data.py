"""The coach's test data: partner messages (messages.jsonl) and drafts with their key facts (drafts.jsonl)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent


def load_jsonl(name: str) -> list[dict[str, Any]]:
    return [
        json.loads(line) for line in (HERE / name).read_text(encoding="utf-8").splitlines() if line.strip()
    ]


MESSAGES = load_jsonl("messages.jsonl")
DRAFTS = load_jsonl("drafts.jsonl")
