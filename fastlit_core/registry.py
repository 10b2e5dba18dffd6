"""The element registry: entry-point plugins, each isolated from the others' failures."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pluggy
from importlib_metadata import EntryPoint, entry_points

from . import hookspecs
from .elements import Component, Element

ENTRY_POINT_GROUP = "fastlit.elements"
log = logging.getLogger("fastlit.plugins")


@dataclass
class PluginRecord:
    """One plugin as `fastlit plugins list` shows it."""

    name: str
    distribution: str | None = None
    version: str | None = None
    names: list[str] = field(default_factory=list)
    bundles: list[str] = field(default_factory=list)
    status: str = "ok"
    reason: str | None = None


@dataclass(frozen=True)
class BrokenElement:
    """Stands in for an `st.*` name whose plugin failed; it renders an error box."""

    name: str
    plugin: str
    reason: str


class Registry:
    """Everything the app knows about elements. Built once, passed to the app: no globals."""

    def __init__(self) -> None:
        self.plugin_manager = pluggy.PluginManager(hookspecs.PROJECT)
        self.plugin_manager.add_hookspecs(hookspecs)
        self.elements: dict[str, Element] = {}
        self.components: dict[str, Component] = {}
        self.broken: dict[str, BrokenElement] = {}
        self.plugins: dict[str, PluginRecord] = {}

    # --- building ------------------------------------------------------------------------

    @classmethod
    def from_entry_points(cls, group: str = ENTRY_POINT_GROUP) -> Registry:
        registry = cls()
        registry.load_entry_points(entry_points(group=group))
        return registry

    @classmethod
    def from_plugins(cls, plugins: Iterable[Any]) -> Registry:
        """A registry holding exactly these plugin objects (for tests and embedding)."""
        registry = cls()
        for plugin in plugins:
            registry.add_plugin(plugin, name=getattr(plugin, "__name__", None))
        return registry

    def load_entry_points(self, eps: Iterable[EntryPoint]) -> None:
        by_value: dict[str, list[EntryPoint]] = {}
        for ep in eps:
            by_value.setdefault(ep.value, []).append(ep)
        for value, group in by_value.items():
            names = [ep.name for ep in group]
            dist = group[0].dist
            record = PluginRecord(
                name=value.split(":")[0],
                distribution=dist.name if dist is not None else None,
                version=dist.version if dist is not None else None,
                names=names,
            )
            try:
                plugin = group[0].load()
            except Exception as exc:  # any import failure must not take the server down
                self._mark_broken(record, f"import failed: {type(exc).__name__}: {exc}", exc)
                continue
            self.add_plugin(plugin, name=record.name, record=record, declared=names)

    def add_plugin(
        self,
        plugin: Any,
        name: str | None = None,
        record: PluginRecord | None = None,
        declared: list[str] | None = None,
    ) -> None:
        name = name or f"plugin-{len(self.plugins)}"
        record = record or PluginRecord(name=name)
        try:
            self.plugin_manager.register(plugin, name=name)
            elements = _call_hook(self.plugin_manager, "fastlit_elements", plugin)
            components = _call_hook(self.plugin_manager, "fastlit_components", plugin)
        except Exception as exc:
            self._mark_broken(record, f"hook failed: {type(exc).__name__}: {exc}", exc)
            if self.plugin_manager.is_registered(plugin):
                self.plugin_manager.unregister(plugin)
            return
        provided = [e.name for e in elements]
        missing = [n for n in (declared or []) if n not in provided]
        if missing:
            record.status = "error"
            record.reason = f"entry points name {missing} but the plugin does not provide them"
            for n in missing:
                self.broken[n] = BrokenElement(n, record.name, record.reason)
        record.names = sorted(set(record.names) | set(provided))
        for element in elements:
            if element.name in self.elements:
                log.warning("st.%s is provided twice; keeping the first", element.name)
                continue
            self.elements[element.name] = element
        for component in components:
            self.components.setdefault(component.type, component)
            record.bundles.append(component.module)
        self.plugins[record.name] = record

    def _mark_broken(self, record: PluginRecord, reason: str, exc: BaseException) -> None:
        log.warning("plugin %s is disabled: %s", record.name, reason)
        log.debug("%s", "".join(traceback.format_exception(exc)))
        record.status, record.reason = "error", reason
        self.plugins[record.name] = record
        for n in record.names:
            self.broken[n] = BrokenElement(n, record.name, reason)

    # --- lookups -------------------------------------------------------------------------

    def element(self, name: str) -> Element | BrokenElement | None:
        return self.elements.get(name) or self.broken.get(name)

    def render_exception(self, container: Any, exception: BaseException) -> bool:
        try:
            return bool(
                self.plugin_manager.hook.fastlit_render_exception(
                    container=container, exception=exception
                )
            )
        except Exception:
            log.exception("fastlit_render_exception failed")
            return False


def _call_hook(pm: pluggy.PluginManager, hook_name: str, plugin: Any) -> list[Any]:
    """Call one plugin's implementation of a hook, so one failing plugin fails alone."""
    caller = getattr(pm.hook, hook_name)
    results: list[Any] = []
    for impl in caller.get_hookimpls():
        if impl.plugin is plugin:
            results.extend(impl.function() or [])
    return results


_default: Registry | None = None


def default_registry() -> Registry:
    """The registry of installed entry points, built on first use (never at `import fastlit`)."""
    global _default
    if _default is None:
        _default = Registry.from_entry_points()
    return _default
