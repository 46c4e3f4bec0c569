"""Optional generative backends for the coach, registered through the ``heartwork_llm_backends`` pluggy hook.

The default is no backend at all: the template composer (``heartwork.coach.composer``) is offline,
deterministic and fast. A backend only proposes candidates; the coach re-analyses every one and never shows one
the analyzer reads as reactive or risky. A backend that fails or times out raises :class:`BackendError` and the
coach falls back to the composer with a notice.

Built-ins (``builtin_backends()``):

- ``openai``: any OpenAI-compatible chat endpoint (llama.cpp server, Ollama, vLLM, LM Studio), configured by
  ``HEARTWORK_LLM_URL`` / ``HEARTWORK_LLM_MODEL`` or the ``url=`` / ``model=`` options.
- ``llama-cpp``: llama-cpp-python with a GGUF file the user supplies (``model_path=``), from the
  ``heartwork[llm]`` extra.

A plugin adds its own with::

    @heartwork.plugins.hookimpl
    def heartwork_llm_backends(self):
        return {"mybackend": MyBackend}   # MyBackend(**options) has .name and .generate(request)
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

# Seconds to wait for a generative backend before falling back to the composer. A local 1–3B model on a
# laptop CPU writes ~5 short suggestions in a few seconds; past 20 s the user is better served by the composer.
DEFAULT_TIMEOUT = 20.0
TEMPLATE = "template"  # the name of the built-in composer (not a backend object)

INSTALL_HINT_LLAMA = "llama-cpp-python is not installed. Install it with: pip install 'heartwork[llm]'"


class BackendError(Exception):
    """The backend could not produce suggestions (unreachable, timed out, bad answer)."""


class BackendUnavailable(BackendError):
    """The backend cannot run here (missing package, missing model file, no URL configured)."""


@dataclass(frozen=True)
class GenerationRequest:
    message: str  # the partner's message
    summary: str  # what lies beneath it, in one sentence
    stance: str  # the pattern that decides what is coached (reading.STANCE_ORDER) or "neutral"
    kinds: tuple[str, ...]  # the kinds of suggestion wanted
    feelings: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    my_part: str | None = None


class Backend(Protocol):
    name: str

    def generate(self, request: GenerationRequest) -> list[tuple[str, str]]:
        """Return candidate (kind, text) pairs, best first. Raise BackendError on failure."""
        ...


_KIND_HELP = {
    "core_value": "a core value response: answer the pain beneath the accusation with what you value, without "
    "conceding or disputing facts (e.g. \"I don't want you to feel that I don't care about you. What can I do to "
    'show you that I care about you a great deal?")',
    "validation": "validation: acknowledge the partner's feeling as real and understandable, whatever the facts",
    "accountability": "accountability: own ONLY the specific part the user named, with a sincere apology",
    "amends": "amends: offer repair or ask what would help",
    "curiosity": "curiosity: one open question about the partner's experience",
    "need_statement": "a need statement: 'When ..., I felt ..., because I need ... Would you be willing to ...?' "
    "spoken from kindness",
}

SYSTEM_PROMPT = (
    "You help one partner answer the other partner's message with compassion. Answer the pain beneath the words, "
    "not the 'facts'. Never blame, criticise, mock, defend, dismiss feelings, shut down, grovel, or apologise with "
    "'sorry if you feel'. Never side with the user against the partner. Never tell the user to take blame that "
    "is not theirs: only apologise for the part the user names. If the partner's message is contempt, do not "
    "coach apology or accommodation: acknowledge the upset and ask for respect kindly. Write short replies the "
    "user could send as is, in the first person, in plain English. "
    'Answer with JSON only: {"suggestions": [{"kind": "...", "text": "..."}]}.'
)


def build_messages(request: GenerationRequest) -> list[dict[str, str]]:
    kinds = "\n".join(f"- {k}: {_KIND_HELP[k]}" for k in request.kinds if k in _KIND_HELP)
    lines = [
        f"Partner's message: {json.dumps(request.message[:4000])}",
        f"What lies beneath it: {request.summary}",
    ]
    if request.feelings:
        lines.append(
            f"Likely feelings: {', '.join(request.feelings)}. Likely needs: {', '.join(request.needs)}."
        )
    if request.my_part:
        lines.append(f"The part the user owns: {json.dumps(request.my_part)}")
    lines.append(f"Write two different suggestions for each of these kinds:\n{kinds}")
    return [{"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": "\n".join(lines)}]


def parse_candidates(content: str, kinds: tuple[str, ...]) -> list[tuple[str, str]]:
    """Read the model's answer: JSON ({"suggestions": [...]} or a bare list), else 'kind: text' lines."""
    text = content.strip()
    fence = re.search(r"```(?:json)?\s*(.*?)```", text, re.DOTALL)
    if fence:
        text = fence.group(1).strip()
    out: list[tuple[str, str]] = []
    data: Any = None
    start = min((i for i in (text.find("{"), text.find("[")) if i >= 0), default=-1)
    if start >= 0:
        try:
            data, _ = json.JSONDecoder().raw_decode(text[start:])
        except json.JSONDecodeError:
            data = None
    if isinstance(data, dict):
        data = data.get("suggestions", [])
    if isinstance(data, list):
        for item in data:
            if isinstance(item, dict) and isinstance(item.get("text"), str):
                kind = str(item.get("kind", "")).strip().lower().replace(" ", "_").replace("-", "_")
                out.append((kind, item["text"].strip()))
        return [(k, t) for k, t in out if k in kinds and t]
    for line in text.splitlines():
        m = re.match(r"^\s*[-*\d.)]*\s*([a-z_ -]+?)\s*:\s*(.+)$", line, re.IGNORECASE)
        if m:
            kind = m.group(1).strip().lower().replace(" ", "_").replace("-", "_")
            if kind in kinds:
                out.append((kind, m.group(2).strip().strip('"')))
    return out


class OpenAIChatBackend:
    """Any OpenAI-compatible ``/v1/chat/completions`` endpoint (llama.cpp server, Ollama, vLLM)."""

    name = "openai"

    def __init__(
        self,
        url: str | None = None,
        model: str | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        api_key: str | None = None,
        temperature: float = 0.7,
        **_: Any,
    ) -> None:
        if url is None or model is None:
            from heartwork import settings

            s = settings.load()
            url = url or s.llm_url
            model = model or s.llm_model
        if not url:
            raise BackendUnavailable(
                "No LLM endpoint configured. Set HEARTWORK_LLM_URL (e.g. http://127.0.0.1:8080/v1 for a local "
                "llama.cpp server, http://127.0.0.1:11434/v1 for Ollama) or pass --llm-url."
            )
        self.url = _chat_url(url)
        self.model = model or "default"
        self.timeout = timeout
        self.api_key = api_key
        self.temperature = temperature

    def generate(self, request: GenerationRequest) -> list[tuple[str, str]]:
        import httpx

        body = {"model": self.model, "messages": build_messages(request), "temperature": self.temperature}
        headers = {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}
        try:
            resp = httpx.post(self.url, json=body, headers=headers, timeout=self.timeout)
        except httpx.TimeoutException as exc:
            raise BackendError(f"the endpoint {self.url} did not answer within {self.timeout:g} s") from exc
        except httpx.HTTPError as exc:
            raise BackendError(f"could not reach {self.url} ({type(exc).__name__})") from exc
        if resp.status_code != 200:
            raise BackendError(f"{self.url} answered HTTP {resp.status_code}")
        try:
            data = resp.json()
            contents = [c["message"]["content"] for c in data["choices"]]
        except (ValueError, KeyError, TypeError) as exc:
            raise BackendError(f"{self.url} did not answer in the OpenAI chat format") from exc
        out: list[tuple[str, str]] = []
        for content in contents:
            out.extend(parse_candidates(str(content or ""), request.kinds))
        if not out:
            raise BackendError("the model's answer held no usable suggestions")
        return out


def _chat_url(url: str) -> str:
    u = url.rstrip("/")
    if u.endswith("/chat/completions"):
        return u
    if not re.search(r"/v\d+$", u):
        u += "/v1"
    return u + "/chat/completions"


class LlamaCppBackend:
    """llama-cpp-python running a GGUF file the user supplies (extra: ``pip install 'heartwork[llm]'``)."""

    name = "llama-cpp"

    def __init__(
        self, model_path: str | None = None, n_ctx: int = 2048, temperature: float = 0.7, **_: Any
    ) -> None:
        if not model_path:
            raise BackendUnavailable(
                "The llama-cpp backend needs a GGUF model file: pass --model-path /path/to/model.gguf."
            )
        path = Path(model_path).expanduser()
        if not path.is_file():
            raise BackendUnavailable(
                f"GGUF model file not found: {path}. Pass the path to a .gguf file you have."
            )
        try:
            import llama_cpp
        except ImportError as exc:
            raise BackendUnavailable(INSTALL_HINT_LLAMA) from exc
        try:
            self._llm = llama_cpp.Llama(model_path=str(path), n_ctx=n_ctx, verbose=False)
        except Exception as exc:  # a corrupt or incompatible file
            raise BackendUnavailable(f"llama-cpp-python could not load {path.name}: {exc}") from exc
        self.temperature = temperature

    def generate(self, request: GenerationRequest) -> list[tuple[str, str]]:
        try:
            result = self._llm.create_chat_completion(
                messages=build_messages(request), temperature=self.temperature, max_tokens=600
            )
            content = result["choices"][0]["message"]["content"] or ""
        except Exception as exc:
            raise BackendError(f"llama-cpp-python failed ({type(exc).__name__})") from exc
        out = parse_candidates(content, request.kinds)
        if not out:
            raise BackendError("the model's answer held no usable suggestions")
        return out


def builtin_backends() -> dict[str, Callable[..., Backend]]:
    """The built-in backends, registered through the heartwork_llm_backends hook (see heartwork.plugins)."""
    return {"openai": OpenAIChatBackend, "llama-cpp": LlamaCppBackend}


def available_backends() -> dict[str, Callable[..., Backend]]:
    """Every registered backend (built-ins and plugins)."""
    from heartwork.plugins import manager

    found: dict[str, Callable[..., Backend]] = {}
    for batch in manager().hook.heartwork_llm_backends():
        found.update(batch or {})
    return found


def backend_names() -> list[str]:
    return [TEMPLATE, *sorted(available_backends())]


def get_backend(name: str, **options: Any) -> Backend:
    """Build the backend called ``name``; unknown names raise ValueError listing the valid choices.

    May raise BackendUnavailable (missing package, file or URL), which the coach turns into a notice.
    """
    factories = available_backends()
    if name not in factories:
        raise ValueError(f"Unknown backend {name!r}. Available: {', '.join(backend_names())}")
    clean = {k: v for k, v in options.items() if v is not None}
    return factories[name](**clean)
