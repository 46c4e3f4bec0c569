"""A tiny OpenAI-compatible chat server (stdlib only) for the coach's HTTP backend tests.

Usage: python fake_llm_server.py PORT MODE
MODE: good      - compassionate suggestions for every requested kind
      reactive  - for every kind, a reactive suggestion first, then a compassionate one
      slow      - answers after 30 s (the client must time out)
      broken    - HTTP 500
      garbage   - 200 with a body that is not the OpenAI format
It records each request body in memory and serves the last one at GET /last (for checking the prompt).
"""

from __future__ import annotations

import json
import re
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

GOOD = {
    "core_value": "I don't want you to feel alone in this. I care about you a great deal.",
    "validation": "I can see how much this hurt you, and that makes complete sense.",
    "accountability": "I'm sorry I missed it. That was my mistake.",
    "amends": "What can I do to make this right for you?",
    "curiosity": "Can you tell me more about what that was like for you?",
    "need_statement": "I care about you, and I felt hurt by how we spoke. Can you tell me more about what's going on for you?",
}
REACTIVE = {
    "core_value": "You always make such a big deal out of nothing.",
    "validation": "You're overreacting, calm down.",
    "accountability": "I'm sorry if you feel that way.",
    "amends": "Whatever. I'm done talking about this.",
    "curiosity": "What's wrong with you?",
    "need_statement": "You never listen, you're so selfish.",
}
MODE = "good"
LAST: dict[str, object] = {}


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def _send(self, code: int, body: bytes, ctype: str = "application/json") -> None:
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        self._send(200, json.dumps(LAST).encode())

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))))
        LAST.clear()
        LAST.update(body)
        if self.path.rstrip("/") != "/v1/chat/completions":
            self._send(404, b'{"error": "not found"}')
            return
        if MODE == "slow":
            time.sleep(30)
        if MODE == "broken":
            self._send(500, b'{"error": "boom"}')
            return
        if MODE == "garbage":
            self._send(200, b'{"hello": "world"}')
            return
        prompt = body["messages"][-1]["content"]
        kinds = re.findall(r"^- ([a-z_]+):", prompt, re.MULTILINE)
        items = []
        for k in kinds:
            if MODE == "reactive":
                items.append({"kind": k, "text": REACTIVE[k]})
            items.append({"kind": k, "text": GOOD[k]})
        content = json.dumps({"suggestions": items})
        answer = {
            "id": "chatcmpl-test",
            "object": "chat.completion",
            "model": body.get("model", "test"),
            "choices": [
                {"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}
            ],
        }
        self._send(200, json.dumps(answer).encode())


if __name__ == "__main__":
    MODE = sys.argv[2]
    ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
