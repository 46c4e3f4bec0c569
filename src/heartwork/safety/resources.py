"""Help resources as data: ``resources.yaml`` (shipped) plus an optional user override file.

``for_country(code)`` gives the services for one country followed by the international directory, so there
is always somewhere to turn. The country comes from the caller, else ``settings.country``
(``HEARTWORK_COUNTRY``), else ``INTL``. A user file ``$HEARTWORK_HOME/safety_resources.yaml`` (same shape as
the shipped file) replaces a country's list or adds a new country.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import cache
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

__all__ = [
    "OVERRIDE_FILENAME",
    "Resource",
    "ResourceError",
    "UnknownCountryError",
    "countries",
    "for_country",
    "load",
    "resolve_country",
]

OVERRIDE_FILENAME = "safety_resources.yaml"
INTL = "INTL"


class ResourceError(ValueError):
    """A resources file is malformed."""


class UnknownCountryError(ValueError):
    """No resources for that country code."""


@dataclass(frozen=True, slots=True)
class Resource:
    country: str
    name: str
    topics: tuple[str, ...] = ()
    phone: str = ""
    text: str = ""  # how to reach them by text message, e.g. "Text START to 88788"
    web: str = ""
    hours: str = ""
    description: str = ""
    source: str = ""
    verified: str = "not verified"  # an ISO date when checked, or "not verified"

    @property
    def url(self) -> str:
        return self.web

    @property
    def detail(self) -> str:
        return self.description

    def to_dict(self) -> dict[str, Any]:
        return {
            "country": self.country,
            "name": self.name,
            "topics": list(self.topics),
            "phone": self.phone,
            "text": self.text,
            "web": self.web,
            "hours": self.hours,
            "description": self.description,
            "source": self.source,
            "verified": self.verified,
        }

    def contact_line(self) -> str:
        parts = [p for p in (self.phone and f"call {self.phone}", self.text, self.web) if p]
        return "; ".join(parts)

    def line(self) -> str:
        """The service in one line of text: ``name: call phone; text; web (hours)``."""
        contact = self.contact_line()
        hours = f" ({self.hours})" if self.hours else ""
        return (f"{self.name}: {contact}" if contact else self.name) + hours


@dataclass(frozen=True)
class Directory:
    names: dict[str, str] = field(default_factory=dict)  # code -> country name
    services: dict[str, tuple[Resource, ...]] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)
    origin: tuple[str, ...] = ()  # files read, in order


def _parse(data: Any, where: str) -> tuple[dict[str, str], dict[str, tuple[Resource, ...]], dict[str, str]]:
    if not isinstance(data, dict) or not isinstance(data.get("countries"), dict):
        raise ResourceError(
            f"{where}: expected a mapping with a 'countries:' section (see the shipped resources.yaml)."
        )
    names: dict[str, str] = {}
    services: dict[str, tuple[Resource, ...]] = {}
    for code, entry in data["countries"].items():
        code = str(code).upper()
        if not isinstance(entry, dict) or not isinstance(entry.get("services"), list):
            raise ResourceError(f"{where}: country {code} needs a 'services:' list.")
        out = []
        for i, s in enumerate(entry["services"], 1):
            if not isinstance(s, dict) or not str(s.get("name", "")).strip():
                raise ResourceError(f"{where}: {code} service #{i} needs a 'name'.")
            if not any(s.get(k) for k in ("phone", "text", "web")):
                raise ResourceError(
                    f"{where}: {code} service {s['name']!r} needs at least one of phone, text or web."
                )
            topics = s.get("topics", [])
            if isinstance(topics, str):
                topics = [topics]
            out.append(
                Resource(
                    country=code,
                    name=str(s["name"]),
                    topics=tuple(str(t) for t in topics),
                    phone=str(s.get("phone", "") or ""),
                    text=str(s.get("text", "") or ""),
                    web=str(s.get("web", "") or ""),
                    hours=str(s.get("hours", "") or ""),
                    description=str(s.get("description", "") or ""),
                    source=str(s.get("source", "") or ""),
                    verified=str(s.get("verified", "not verified") or "not verified"),
                )
            )
        names[code] = str(entry.get("name", code))
        services[code] = tuple(out)
    aliases = {str(k).upper(): str(v).upper() for k, v in (data.get("aliases") or {}).items()}
    return names, services, aliases


def _read_yaml(text: str, where: str) -> Any:
    import yaml

    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ResourceError(f"{where}: not valid YAML ({exc}).") from exc


@cache
def _shipped() -> tuple[dict[str, str], dict[str, tuple[Resource, ...]], dict[str, str]]:
    text = (
        importlib_resources.files("heartwork.safety").joinpath("resources.yaml").read_text(encoding="utf-8")
    )
    return _parse(_read_yaml(text, "resources.yaml"), "resources.yaml")


def _override_path(data_dir: Path | None) -> Path | None:
    if data_dir is None:
        from heartwork import settings

        data_dir = settings.load().data_dir
    p = Path(data_dir) / OVERRIDE_FILENAME
    return p if p.is_file() else None


def load(data_dir: Path | None = None, *, strict: bool = True) -> Directory:
    """The shipped resources, with the user's override file (if any) applied on top.

    A broken override file raises ResourceError (how to fix it), unless ``strict`` is False: then it is logged
    and skipped, so the shipped help still reaches a person at risk (the safety pause loads it this way;
    ``heartwork safety`` names the error)."""
    names, services, aliases = (dict(x) for x in _shipped())
    origin = ["resources.yaml"]
    path = _override_path(data_dir)
    if path is not None:
        try:
            o_names, o_services, o_aliases = _parse(
                _read_yaml(path.read_text(encoding="utf-8"), str(path)), str(path)
            )
        except (ResourceError, OSError, ValueError) as exc:
            if strict:
                raise
            log.warning("Skipping the help resources in %s: %s", path, exc)
        else:
            names.update(o_names)
            services.update(o_services)
            aliases.update(o_aliases)
            origin.append(str(path))
    return Directory(names, services, aliases, tuple(origin))  # type: ignore[arg-type]


def countries(data_dir: Path | None = None) -> dict[str, str]:
    """Country codes with resources -> country name."""
    return dict(load(data_dir).names)


def resolve_country(country: str | None, directory: Directory | None = None, *, strict: bool = False) -> str:
    """A known country code for ``country`` (aliases like GB -> UK). Unknown -> INTL, or an error if strict."""
    d = directory or load()
    if country is None:
        from heartwork import settings

        country = settings.load().country
    code = (country or INTL).strip().upper()
    code = d.aliases.get(code, code)
    if code in d.services:
        return code
    if strict:
        valid = ", ".join(sorted(d.services))
        raise UnknownCountryError(
            f"No help resources for country {country!r}. Available: {valid}. "
            f"Add your own in {OVERRIDE_FILENAME} in your Heartwork data folder (see docs/safety.md)."
        )
    return INTL


def for_country(
    country: str | None = None,
    topics: tuple[str, ...] | None = None,
    data_dir: Path | None = None,
    directory: Directory | None = None,
) -> list[Resource]:
    """Services for ``country`` (then the international directory). ``topics`` keeps only matching services
    (emergency services are always kept). ``directory``: an already loaded one (else ``load(data_dir)``)."""
    d = directory or load(data_dir)
    code = resolve_country(country, d)
    items = list(d.services.get(code, ()))
    if code != INTL:
        items += [r for r in d.services.get(INTL, ()) if "emergency" not in r.topics]
    if topics:
        wanted = set(topics) | {"emergency", "directory"}
        items = [r for r in items if wanted & set(r.topics)]
    return items
