"""The element registry: entry-point plugins, each isolated from the others' failures."""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Iterable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from typing import Any

import pluggy
from importlib_metadata import EntryPoint, entry_points

from . import hookspecs, known_elements
from . import plugin_policy as policy
from .elements import Component, Element
from .plugin_policy import NameConflict, PluginSettings

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
    status: str = "ok"  # ok, error, incompatible, conflict or disabled
    reason: str | None = None
    conflicts: list[NameConflict] = field(default_factory=list)
    missing_bundles: list[str] = field(default_factory=list)  # declared, not on disk

    @property
    def lost(self) -> set[str]:
        """Names this plugin claims that another plugin serves."""
        return {c.name for c in self.conflicts if c.winner != self.name}


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
        self.unavailable: dict[str, str] = {}  # names of disabled plugins -> why
        self.known: known_elements.Known = {}  # names seen by discovery, installed or not
        self.settings = PluginSettings()

    # --- building ------------------------------------------------------------------------

    @classmethod
    def from_entry_points(
        cls, group: str = ENTRY_POINT_GROUP, settings: PluginSettings | None = None
    ) -> Registry:
        """Discovery: every installed entry point, under the FASTLIT_PLUGINS_* switches."""
        registry = cls()
        registry.load_entry_points(entry_points(group=group), settings)
        if group == ENTRY_POINT_GROUP:
            seen = {
                n: (r.name, r.distribution)
                for r in registry.plugins.values()
                if r.distribution is not None
                for n in r.names
                if n not in r.lost
            }
            registry.known = known_elements.remember(seen)
        return registry

    @classmethod
    def from_plugins(cls, plugins: Iterable[Any]) -> Registry:
        """A registry holding exactly these plugin objects (for tests and embedding)."""
        registry = cls()
        for plugin in plugins:
            registry.add_plugin(plugin, name=getattr(plugin, "__name__", None))
        return registry

    def load_entry_points(
        self, eps: Iterable[EntryPoint], settings: PluginSettings | None = None
    ) -> None:
        """Load one plugin per entry-point value: built-ins first, then by distribution."""
        self.settings = settings or PluginSettings.from_env()
        for warning in self.settings.warnings:
            log.warning("plugin settings: %s", warning)
        enabled: list[tuple[PluginRecord, EntryPoint]] = []
        for record, ep in _records(eps):
            off = self.settings.off_reason(record.name, record.distribution)
            if off is None:
                enabled.append((record, ep))
                continue
            record.status, record.reason = "disabled", off
            self.plugins[record.name] = record
            for n in record.names:
                self.unavailable.setdefault(
                    n, f"st.{n} is not available: its plugin {record.name} is disabled ({off})"
                )
        claims = ((r.name, r.distribution, r.names) for r, _ in enabled)
        conflicts = policy.resolve_conflicts(claims, self.settings.prefer)
        for record, ep in enabled:
            record.conflicts = conflicts.get(record.name, [])
            if ep.dist is not None and not policy.is_built_in(record.distribution):
                problem = policy.fastlit_requirement_problem(ep.dist.requires)
                if problem is not None:  # never import a plugin made for another fastlit
                    self._mark_unusable(record, "incompatible", problem)
                    continue
            try:
                plugin = ep.load()
            except Exception as exc:  # any import failure must not take the server down
                reason = f"import failed: {type(exc).__name__}: {exc}"
                self._mark_unusable(record, "error", reason, exc)
                continue
            self.add_plugin(plugin, name=record.name, record=record, declared=list(record.names))

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
            self._mark_unusable(record, "error", f"hook failed: {type(exc).__name__}: {exc}", exc)
            if self.plugin_manager.is_registered(plugin):
                self.plugin_manager.unregister(plugin)
            return
        problem = policy.sdk_problem(c.static_dir for c in components)
        if problem is not None:
            self.plugin_manager.unregister(plugin)
            self._mark_unusable(record, "incompatible", problem)
            return
        provided = [e.name for e in elements]
        missing = [n for n in (declared or []) if n not in provided]
        if missing:
            record.status = "error"
            record.reason = f"entry points name {missing} but the plugin does not provide them"
            for n in missing:
                self.broken[n] = BrokenElement(n, record.name, record.reason)
        record.names = sorted(set(record.names) | set(provided))
        lost = record.lost
        for element in elements:
            if element.name in lost:
                continue
            if element.name in self.elements:
                log.warning("st.%s is provided twice; keeping the first", element.name)
                continue
            self.elements[element.name] = element
        for component in components:
            if component.type not in lost:  # a lost name's node type is the winner's
                self.components.setdefault(component.type, component)
            record.bundles.append(component.module)
            if not (component.static_dir / component.module).is_file():
                record.missing_bundles.append(component.module)
        if record.status == "ok" and record.conflicts:
            record.status = "conflict"
            record.reason = "; ".join(c.describe(record.name) for c in record.conflicts)
            log.warning("plugin %s: %s", record.name, record.reason)
        self.plugins[record.name] = record

    def _mark_unusable(
        self, record: PluginRecord, status: str, reason: str, exc: BaseException | None = None
    ) -> None:
        """The plugin does not load: its names render an error box saying why."""
        log.warning("plugin %s is not loaded (%s): %s", record.name, status, reason)
        if exc is not None:
            log.debug("%s", "".join(traceback.format_exception(exc)))
        record.status, record.reason = status, reason
        self.plugins[record.name] = record
        shown = reason if status == "error" else f"{status}: {reason}"
        for n in record.names:
            if n not in record.lost:
                self.broken[n] = BrokenElement(n, record.name, shown)

    # --- lookups -------------------------------------------------------------------------

    def element(self, name: str) -> Element | BrokenElement | None:
        return self.elements.get(name) or self.broken.get(name)

    def missing_message(self, name: str) -> str | None:
        """Why `st.<name>` is absent when a disabled or uninstalled plugin provided it."""
        return self.unavailable.get(name) or known_elements.missing_message(name, self.known)

    def magic(self, container: Any, values: tuple[object, ...]) -> bool:
        """Show a bare expression's values through the plugin that implements magic."""
        return bool(self.plugin_manager.hook.fastlit_magic(container=container, values=values))

    def navigation_menu(self, container: Any, menu: Any) -> bool:
        """Draw a multipage app's navigation menu through the plugin that implements it."""
        try:
            return bool(
                self.plugin_manager.hook.fastlit_navigation_menu(container=container, menu=menu)
            )
        except Exception:
            log.exception("fastlit_navigation_menu failed")
            return False

    def busy_indicator(
        self, container: Any, text: str, show_time: bool
    ) -> AbstractContextManager[object]:
        """A context manager showing `text` while its block runs (a no-op without a plugin)."""
        try:
            indicator = self.plugin_manager.hook.fastlit_busy_indicator(
                container=container, text=text, show_time=show_time
            )
        except Exception:
            log.exception("fastlit_busy_indicator failed")
            indicator = None
        return indicator if indicator is not None else nullcontext()

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


def _records(eps: Iterable[EntryPoint]) -> list[tuple[PluginRecord, EntryPoint]]:
    """One record per entry-point value, in a fixed order: built-ins, then by distribution."""
    by_value: dict[str, list[EntryPoint]] = {}
    for ep in eps:
        by_value.setdefault(ep.value, []).append(ep)
    records = []
    for value, group in by_value.items():
        dist = group[0].dist
        record = PluginRecord(
            name=value.split(":")[0],
            distribution=dist.name if dist is not None else None,
            version=dist.version if dist is not None else None,
            names=sorted({ep.name for ep in group}),
        )
        records.append((record, group[0]))

    def order(r: tuple[PluginRecord, EntryPoint]) -> tuple[bool, str, str]:
        return not policy.is_built_in(r[0].distribution), r[0].distribution or "", r[0].name

    return sorted(records, key=order)


_default: Registry | None = None
_default_lock = threading.RLock()  # re-entrant: a plugin may touch `st` while importing


def default_registry() -> Registry:
    """The registry of installed entry points, built once on first use (never at import)."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Registry.from_entry_points()
    return _default
