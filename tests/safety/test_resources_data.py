"""Help resources as data: defaults per country, honest verification fields, user override, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from heartwork.safety.resources import (
    OVERRIDE_FILENAME,
    ResourceError,
    UnknownCountryError,
    countries,
    for_country,
    resolve_country,
)

EXPECTED = {
    "US": {"911", "1-800-799-7233", "988"},
    "UK": {"999", "0808 2000 247", "116 123"},
    "CA": {"911", "988"},
    "AU": {"000", "1800 737 732", "13 11 14"},
}


def test_resources_defaults_for_each_country() -> None:
    assert {"US", "UK", "CA", "AU", "INTL"} <= set(countries())
    for code, phones in EXPECTED.items():
        items = for_country(code)
        assert phones <= {r.phone for r in items}, code
        assert any("directory" in r.topics for r in items), "the international directory is always appended"


def test_resources_every_entry_has_source_and_honest_verified_field() -> None:
    for code in countries():
        for r in for_country(code):
            assert r.name and (r.phone or r.text or r.web)
            assert r.source, r.name
            assert r.verified == "not verified" or r.verified.startswith("2026-"), (r.name, r.verified)
            assert r.hours


def test_resources_aliases_and_unknown_country() -> None:
    assert resolve_country("gb") == "UK"
    assert resolve_country("usa") == "US"
    assert resolve_country("ZZ") == "INTL"
    with pytest.raises(UnknownCountryError, match="Available: AU, CA, INTL, UK, US"):
        resolve_country("ZZ", strict=True)


def test_resources_country_from_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HEARTWORK_COUNTRY", "uk")
    assert for_country()[0].country == "UK"


def test_resources_user_override_file(_hermetic_home: Path) -> None:
    (_hermetic_home / OVERRIDE_FILENAME).write_text(
        "countries:\n"
        "  NZ:\n"
        "    name: New Zealand\n"
        "    services:\n"
        "      - name: Emergency services\n"
        "        topics: [emergency]\n"
        "        phone: '111'\n"
        "        hours: 24/7\n"
        "  UK:\n"
        "    name: United Kingdom\n"
        "    services:\n"
        "      - name: My local service\n"
        "        topics: [abuse]\n"
        "        web: https://example.org\n",
        encoding="utf-8",
    )
    assert "NZ" in countries()
    assert for_country("NZ")[0].phone == "111"
    assert [r.name for r in for_country("UK")][0] == "My local service"


def test_resources_malformed_override_is_a_clear_error(_hermetic_home: Path) -> None:
    (_hermetic_home / OVERRIDE_FILENAME).write_text(
        "countries:\n  XX:\n    services:\n      - name: x\n", encoding="utf-8"
    )
    with pytest.raises(ResourceError, match="needs at least one of phone, text or web"):
        for_country("XX")
    (_hermetic_home / OVERRIDE_FILENAME).write_text("countries: [", encoding="utf-8")
    with pytest.raises(ResourceError, match="not valid YAML"):
        for_country("US")


def test_resources_malformed_override_never_hides_help_in_a_safety_pause(
    _hermetic_home: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from typer.testing import CliRunner

    from heartwork.cli import app
    from heartwork.safety.notice import safety_notice

    (_hermetic_home / OVERRIDE_FILENAME).write_text("countries: [", encoding="utf-8")
    n = safety_notice(country="US")  # the policy skips the broken file (and logs it): the shipped help shows
    assert any(r.phone == "1-800-799-7233" for r in n.resources)
    assert "not valid YAML" in caplog.text
    res = CliRunner().invoke(app, ["respond", "He checks my phone and won't let me see my friends."])
    assert res.exit_code == 0 and "Your safety comes first" in res.output and "emergency" in res.output


def test_resources_line_names_the_service_and_how_to_reach_it() -> None:
    from heartwork.safety.resources import Resource

    r = Resource("UK", "Helpline", phone="0808 2000 247", web="https://example.org", hours="24 hours")
    assert r.line() == "Helpline: call 0808 2000 247; https://example.org (24 hours)"
    assert Resource("UK", "Just a name").line() == "Just a name"
