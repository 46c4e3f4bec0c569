"""The OpenAI-compatible HTTP backend against a real local server process (tests/coach/fake_llm_server.py)."""

from __future__ import annotations

import json
import time
from collections.abc import Callable

import httpx
import pytest

import heartwork
from heartwork.coach import respond
from heartwork.coach.backends import (
    INSTALL_HINT_LLAMA,
    BackendUnavailable,
    OpenAIChatBackend,
    available_backends,
    get_backend,
    parse_candidates,
)
from heartwork.taxonomy import REACTIVE

MESSAGE = "You forgot my birthday again. You don't care about me."


def test_backends_registered_through_the_plugin_hook() -> None:
    found = available_backends()
    assert {"openai", "llama-cpp"} <= set(found)


def test_backend_http_suggestions_come_from_the_server(llm_server: Callable[[str], str]) -> None:
    url = llm_server("good")
    result = respond(MESSAGE, backend="openai", backend_options={"url": url, "model": "tiny", "timeout": 5})
    assert result.backend == "openai"
    assert not result.notices
    assert 3 <= len(result.suggestions) <= 5
    assert all("openai backend" in s.why for s in result.suggestions)
    sent = httpx.get(url.rsplit("/v1", 1)[0] + "/last").json()
    assert sent["model"] == "tiny"
    assert MESSAGE in sent["messages"][-1]["content"]


def test_backend_http_reactive_suggestions_are_discarded(llm_server: Callable[[str], str]) -> None:
    url = llm_server("reactive")
    result = respond(MESSAGE, backend="openai", backend_options={"url": url, "timeout": 5})
    dropped = [d for d in result.discarded if d["source"] == "openai"]
    assert dropped, "the server's reactive suggestions must be discarded"
    assert all(d["reason"] for d in dropped)
    shown = {s.text for s in result.suggestions}
    assert not shown & {d["text"] for d in dropped}
    for s in result.suggestions:
        a = heartwork.analyze(s.text)
        assert not set(a.labels) & set(REACTIVE)
    assert any("were not shown" in n for n in result.notices)


def test_backend_http_timeout_falls_back_with_notice(llm_server: Callable[[str], str]) -> None:
    url = llm_server("slow")
    started = time.monotonic()
    result = respond(MESSAGE, backend="openai", backend_options={"url": url, "timeout": 1})
    assert time.monotonic() - started < 10
    assert result.backend == "template"
    assert any("did not answer within 1 s" in n and "built-in composer" in n for n in result.notices)
    assert 3 <= len(result.suggestions) <= 5


@pytest.mark.parametrize("mode", ["broken", "garbage"])
def test_backend_http_bad_answers_fall_back(llm_server: Callable[[str], str], mode: str) -> None:
    url = llm_server(mode)
    result = respond(MESSAGE, backend="openai", backend_options={"url": url, "timeout": 5})
    assert result.backend == "template"
    assert any("openai backend failed" in n for n in result.notices)
    assert result.suggestions


def test_backend_unreachable_falls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    result = respond(
        MESSAGE, backend="openai", backend_options={"url": f"http://127.0.0.1:{port}", "timeout": 2}
    )
    assert result.backend == "template"
    assert any("could not reach" in n for n in result.notices)


def test_backend_chosen_from_settings(
    llm_server: Callable[[str], str], monkeypatch: pytest.MonkeyPatch
) -> None:
    url = llm_server("good")
    monkeypatch.setenv("HEARTWORK_LLM_URL", url)
    monkeypatch.setenv("HEARTWORK_LLM_MODEL", "from-env")
    result = respond(MESSAGE)
    assert result.backend == "openai"
    assert httpx.get(url.rsplit("/v1", 1)[0] + "/last").json()["model"] == "from-env"


def test_backend_none_configured_means_template_and_no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the template composer must not open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    result = respond(MESSAGE)
    assert result.backend == "template"
    assert result.suggestions


def test_backend_openai_without_url_is_unavailable() -> None:
    with pytest.raises(BackendUnavailable, match="HEARTWORK_LLM_URL"):
        OpenAIChatBackend()
    result = respond(MESSAGE, backend="openai")
    assert result.backend == "template"
    assert any("unavailable" in n and "HEARTWORK_LLM_URL" in n for n in result.notices)


def test_backend_llama_cpp_gives_install_hint_or_file_error(tmp_path: object) -> None:
    result = respond(MESSAGE, backend="llama-cpp", backend_options={"model_path": "/nonexistent/model.gguf"})
    assert result.backend == "template"
    assert any("GGUF model file not found" in n for n in result.notices)
    gguf = tmp_path / "tiny.gguf"  # type: ignore[operator]
    gguf.write_bytes(b"GGUF-not-really")
    result = respond(MESSAGE, backend="llama-cpp", backend_options={"model_path": str(gguf)})
    assert result.backend == "template"
    try:
        import llama_cpp  # noqa: F401
    except ImportError:
        assert any(INSTALL_HINT_LLAMA in n for n in result.notices)
    else:
        assert any("could not load" in n for n in result.notices)


def test_backend_unknown_name_lists_choices() -> None:
    with pytest.raises(ValueError, match="Available: template, llama-cpp, openai"):
        get_backend("gpt-local")


def test_parse_candidates_reads_json_fences_and_lines() -> None:
    kinds = ("validation", "curiosity")
    fenced = "```json\n" + json.dumps({"suggestions": [{"kind": "Validation", "text": "I see."}]}) + "\n```"
    assert parse_candidates(fenced, kinds) == [("validation", "I see.")]
    assert parse_candidates('[{"kind": "curiosity", "text": "How?"}]', kinds) == [("curiosity", "How?")]
    assert parse_candidates("1. curiosity: What happened?\nnoise\n- amends: x", kinds) == [
        ("curiosity", "What happened?")
    ]
