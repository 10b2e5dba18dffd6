"""Which plugins may load: the FASTLIT_PLUGINS_* switches, version checks, name conflicts.

Pure decisions over names and metadata; the registry applies them. `packaging` is imported
only when a check runs, so `import fastlit` never pays for it.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from . import SDK_VERSION, __version__

BUILT_IN = "fastlit"  # the distribution whose plugins are the built-ins
AUTOLOAD, ALLOW, DISABLE, PREFER = (
    "FASTLIT_PLUGINS_AUTOLOAD",
    "FASTLIT_PLUGINS_ALLOW",
    "FASTLIT_PLUGINS_DISABLE",
    "FASTLIT_PLUGINS_PREFER",
)
# How a conflict was decided (NameConflict.rule).
BY_BUILT_IN, BY_SETTING, BY_NAME_ORDER = "built-in", PREFER, "name order"


def canonical(name: str) -> str:
    """PEP 503 normalization, so `Fastlit_Rating` and `fastlit-rating` match."""
    return re.sub(r"[-_.]+", "-", name).lower()


def is_built_in(distribution: str | None) -> bool:
    return distribution is not None and canonical(distribution) == BUILT_IN


def _csv(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


@dataclass(frozen=True)
class PluginSettings:
    """The FASTLIT_PLUGINS_* environment switches (names matched after PEP 503 normalization).

    ALLOW and AUTOLOAD never apply to built-ins. DISABLE may name one built-in plugin (e.g.
    `fastlit_elements.dataframe`, so a third-party plugin can serve that name) but not the
    distribution `fastlit` as a whole.
    """

    autoload: bool = True
    allow: frozenset[str] | None = None
    disable: frozenset[str] = frozenset()
    prefer: Mapping[str, str] = field(default_factory=dict)  # st name -> distribution/plugin
    raw: Mapping[str, str] = field(default_factory=dict)  # the switches set, as given
    warnings: tuple[str, ...] = ()  # settings that were ignored, and why

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> PluginSettings:
        env = os.environ if environ is None else environ
        raw = {k: env[k] for k in (AUTOLOAD, ALLOW, DISABLE, PREFER) if env.get(k, "").strip()}
        warnings: list[str] = []
        autoload = raw.get(AUTOLOAD, "1").strip().lower()
        if autoload not in ("0", "1", "false", "true", "no", "yes", "off", "on"):
            warnings.append(f"{AUTOLOAD}={autoload!r} is not 0 or 1; plugins autoload")
        allow = {canonical(v) for v in _csv(raw[ALLOW])} if ALLOW in raw else None
        disable = {canonical(v) for v in _csv(raw.get(DISABLE, ""))}
        if BUILT_IN in disable:
            disable.discard(BUILT_IN)
            warnings.append(
                f"{DISABLE} cannot switch off the built-in distribution {BUILT_IN!r}; "
                "name single built-in plugins instead (e.g. fastlit_elements.dataframe)"
            )
        prefer: dict[str, str] = {}
        for item in _csv(raw.get(PREFER, "")):
            name, sep, dist = (part.strip() for part in item.partition("="))
            if sep and name and dist:
                prefer[name.removeprefix("st.")] = canonical(dist)
            else:
                warnings.append(f"{PREFER}: ignoring {item!r} (expected name=distribution)")
        return cls(
            autoload=autoload not in ("0", "false", "no", "off"),
            allow=frozenset(allow) if allow is not None else None,
            disable=frozenset(disable),
            prefer=prefer,
            raw=raw,
            warnings=tuple(warnings),
        )

    def off_reason(self, plugin: str, distribution: str | None) -> str | None:
        """Why this plugin must not load, or None when it may."""
        keys = {canonical(plugin)} | ({canonical(distribution)} if distribution else set())
        if keys & self.disable:
            return f"{DISABLE}={self.raw.get(DISABLE, '')}"
        if is_built_in(distribution):
            return None
        if not self.autoload:
            return f"{AUTOLOAD}={self.raw.get(AUTOLOAD, '0')}"
        if self.allow is not None and not keys & self.allow:
            return f"not in {ALLOW}={self.raw.get(ALLOW, '')}"
        return None

    def describe(self) -> list[str]:
        """One line per active switch or ignored setting (the `plugins list` header)."""
        meaning = {
            AUTOLOAD: "whether third-party plugins load",
            ALLOW: "only these third-party plugins load",
            DISABLE: "these plugins are skipped",
            PREFER: "which plugin serves a name several plugins claim",
        }
        lines = [f"{k}={v}  ({meaning[k]})" for k, v in self.raw.items()]
        return lines + [f"warning: {w}" for w in self.warnings]


# --- version checks ------------------------------------------------------------------------


def fastlit_requirement_problem(requires: Iterable[str] | None) -> str | None:
    """Why the installed fastlit does not satisfy a plugin's `Requires-Dist: fastlit...`."""
    from packaging.requirements import InvalidRequirement, Requirement

    for line in requires or ():
        try:
            requirement = Requirement(line)
        except InvalidRequirement:
            continue
        if canonical(requirement.name) != BUILT_IN:
            continue
        if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
            continue  # only for an extra or another platform
        if not requirement.specifier.contains(__version__, prereleases=True):
            return (
                f"requires fastlit{requirement.specifier}, but fastlit {__version__} is installed"
            )
    return None


def sdk_problem(static_dirs: Iterable[Path]) -> str | None:
    """Why a bundle folder's manifest.json `sdkVersion` cannot run on this kernel's SDK.

    A missing manifest, or one without `sdkVersion`, is fine.
    """
    for folder in sorted(set(static_dirs)):
        manifest = folder / "manifest.json"
        try:
            version = _sdk_version(str(manifest), manifest.stat().st_mtime_ns)
        except OSError:
            continue
        if version is None:
            continue
        major = version.split(".")[0]
        if major != SDK_VERSION.split(".")[0]:
            return (
                f"its bundles were built for component SDK {version} ({manifest}); "
                f"this fastlit serves SDK {SDK_VERSION}"
            )
    return None


@lru_cache(maxsize=64)
def _sdk_version(manifest: str, mtime_ns: int) -> str | None:
    try:
        data = json.loads(Path(manifest).read_text())
    except (OSError, ValueError):
        return None
    version = data.get("sdkVersion") if isinstance(data, dict) else None
    return str(version) if version is not None else None


# --- conflicts -----------------------------------------------------------------------------


@dataclass(frozen=True)
class NameConflict:
    """One `st.*` name several plugins claim, and which plugin serves it."""

    name: str
    winner: str  # plugin
    winner_distribution: str | None
    rule: str  # BY_BUILT_IN, BY_SETTING or BY_NAME_ORDER
    rivals: tuple[str, ...]  # the other claimants, "plugin (distribution)"

    @property
    def is_problem(self) -> bool:
        """Settled by FASTLIT_PLUGINS_PREFER: the user chose, so `plugins check` passes."""
        return self.rule != BY_SETTING

    def describe(self, plugin: str) -> str:
        if plugin == self.winner:
            return (
                f"st.{self.name} is also claimed by {', '.join(self.rivals)}; this plugin "
                f"serves it, being first by distribution name (choose with "
                f"{PREFER}={self.name}=<distribution>)"
            )
        winner = f"{self.winner} ({self.winner_distribution or 'no distribution'})"
        why = {
            BY_BUILT_IN: f"built-ins always win; {DISABLE}={self.winner} would let others serve it",
            BY_SETTING: f"chosen by {PREFER}",
            BY_NAME_ORDER: f"first by distribution name; choose with {PREFER}={self.name}=<dist>",
        }[self.rule]
        return f"st.{self.name} is served by {winner}: {why}"


def resolve_conflicts(
    claimants: Iterable[tuple[str, str | None, Iterable[str]]], prefer: Mapping[str, str]
) -> dict[str, list[NameConflict]]:
    """For (plugin, distribution, names) claimants: plugin -> the conflicts it is part of.

    Built-ins win; else the plugin FASTLIT_PLUGINS_PREFER names; else the first by
    distribution name (then plugin name). The order of the input never matters.
    """
    by_name: dict[str, list[tuple[str, str | None]]] = {}
    for plugin, distribution, names in claimants:
        for name in names:
            by_name.setdefault(name, []).append((plugin, distribution))
    conflicts: dict[str, list[NameConflict]] = {}
    for name, claims in sorted(by_name.items()):
        if len(claims) < 2:
            continue
        claims.sort(key=lambda c: (not is_built_in(c[1]), canonical(c[1] or c[0]), c[0]))
        wanted = prefer.get(name)
        preferred = [c for c in claims if wanted in (canonical(c[1] or ""), canonical(c[0]))]
        if is_built_in(claims[0][1]):
            (winner, winner_dist), rule = claims[0], BY_BUILT_IN
        elif preferred:
            (winner, winner_dist), rule = preferred[0], BY_SETTING
        else:
            (winner, winner_dist), rule = claims[0], BY_NAME_ORDER
        for plugin, _ in claims:
            if plugin == winner and rule != BY_NAME_ORDER:
                continue  # a clear winner has nothing to report
            rivals = tuple(f"{p} ({d or 'no distribution'})" for p, d in claims if p != plugin)
            conflict = NameConflict(name, winner, winner_dist, rule, rivals)
            conflicts.setdefault(plugin, []).append(conflict)
    return conflicts
