"""The one extension point: detectors, chat importers and LLM backends register through pluggy hooks.

Built-ins are registered exactly like third-party plugins: through the ``heartwork`` entry-point group
(pyproject.toml points it at this module). A plugin package declares, in its own pyproject::

    [project.entry-points.heartwork]
    myplugin = "my_package.heartwork_plugin"   # a module or "module:object"

and implements any of the hooks below with ``@heartwork.plugins.hookimpl``.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import pluggy

hookspec = pluggy.HookspecMarker("heartwork")
hookimpl = pluggy.HookimplMarker("heartwork")


class Specs:
    @hookspec
    def heartwork_detectors(self) -> list[Any]:  # type: ignore[empty-body]
        """Return detector objects (see heartwork.engine.pipeline.Detector)."""

    @hookspec
    def heartwork_importers(self) -> list[Any]:  # type: ignore[empty-body]
        """Return chat importer objects (see heartwork.history.importers)."""

    @hookspec
    def heartwork_llm_backends(self) -> dict[str, Any]:  # type: ignore[empty-body]
        """Return {name: factory} for LLM backends (see heartwork.coach.backends)."""


@cache
def manager() -> pluggy.PluginManager:
    pm = pluggy.PluginManager("heartwork")
    pm.add_hookspecs(Specs)
    pm.load_setuptools_entrypoints("heartwork")
    if not pm.is_registered(builtin):
        # Running from a source tree without an installed entry point: still register the built-ins.
        pm.register(builtin, name="builtin")
    return pm


class _Builtin:
    """The built-in implementations, registered through the same hooks as any plugin."""

    @hookimpl
    def heartwork_detectors(self) -> list[Any]:
        from heartwork.engine.detectors import builtin_detectors

        return builtin_detectors()

    @hookimpl
    def heartwork_importers(self) -> list[Any]:
        try:
            from heartwork.history.importers import builtin_importers
        except ImportError:  # history package not present in a trimmed install
            return []
        return builtin_importers()

    @hookimpl
    def heartwork_llm_backends(self) -> dict[str, Any]:
        try:
            from heartwork.coach.backends import builtin_backends
        except ImportError:
            return {}
        return builtin_backends()


builtin = _Builtin()
