"""Streamlit's option names over Config: config files, `--section.option` flags, st.get_option.

Files are read in this order, each overriding the one before, key by key:

    ~/.streamlit/config.toml, ./.streamlit/config.toml, <script dir>/.streamlit/config.toml,
    ./fastlit.toml, <script dir>/fastlit.toml

then command-line flags override them all. A `.streamlit/config.toml` is shared with
Streamlit, so options Fastlit does not know there are skipped quietly; in a fastlit.toml they
are logged as warnings.
"""

from __future__ import annotations

import copy
import logging
import os
import threading
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .config import Config, ThemeConfig
from .context import current_or_none
from .errors import StreamlitAPIException

log = logging.getLogger("fastlit.options")

_MIB = 1024 * 1024


class ConfigError(ValueError):
    """A config file or flag gave an option a value it cannot take."""


@dataclass(frozen=True)
class Option:
    """One option: its Streamlit name, how it reads and writes Config, and its rules."""

    key: str
    kind: type  # bool, int, float or str: what a file or flag value is converted to
    get: Callable[[Config], Any]
    set: Callable[[Config, Any], None]
    scriptable: bool = False  # st.set_option may change it while the app runs
    choices: tuple[Any, ...] = ()
    nullable: bool = False


Accessors = tuple[Callable[[Config], Any], Callable[[Config, Any], None]]


def _field(name: str, scale: int = 1) -> Accessors:
    def get(config: Config) -> Any:
        value = getattr(config, name)
        if scale != 1 and value is not None:
            value = value / scale
            return int(value) if value == int(value) else value
        return value

    def set_(config: Config, value: Any) -> None:
        setattr(config, name, value * scale if scale != 1 and value is not None else value)

    return get, set_


def _theme(name: str) -> Accessors:
    return (
        lambda config: getattr(config.theme, name),
        lambda config, value: setattr(config.theme, name, value),
    )


def _stored(key: str, default: Any) -> Accessors:
    return (
        lambda config: config.options.get(key, default),
        lambda config, value: config.options.__setitem__(key, value),
    )


def _error_details(config: Config) -> Any:
    if config.show_error_details is None:
        return "full" if config.dev else "type"  # without --dev: no tracebacks, no paths
    return config.show_error_details


def _set_error_details(config: Config, value: Any) -> None:
    config.show_error_details = value


_ERROR_DETAILS = ("full", "stacktrace", "type", "none", True, False)
_THEME_KEYS = {
    "base": "base",
    "primaryColor": "primary_color",
    "backgroundColor": "background_color",
    "secondaryBackgroundColor": "secondary_background_color",
    "textColor": "text_color",
    "font": "font",
}

OPTIONS: dict[str, Option] = {
    o.key: o
    for o in [
        Option("server.address", str, *_field("host")),
        Option("server.port", int, *_field("port")),
        Option("server.maxMessageSize", int, *_field("max_message_bytes", _MIB)),
        Option("server.disconnectedSessionTTL", float, *_field("session_ttl_seconds")),
        Option("server.maxConcurrentRuns", int, *_field("max_concurrent_runs")),  # Fastlit's
        Option("runner.magicEnabled", bool, *_field("magic_enabled")),
        Option("runner.parallelMaxWorkers", int, *_field("parallel_max_workers"), nullable=True),
        Option(
            "client.showErrorDetails",
            str,
            _error_details,
            _set_error_details,
            scriptable=True,
            choices=_ERROR_DETAILS,
        ),
        Option(
            "client.toolbarMode",
            str,
            *_stored("client.toolbarMode", "auto"),
            scriptable=True,
            choices=("auto", "developer", "viewer", "minimal"),
        ),
        Option(
            "client.disableDataExport",
            bool,
            *_stored("client.disableDataExport", False),
            scriptable=True,
        ),
        Option(
            "client.showSidebarNavigation",
            bool,
            *_stored("client.showSidebarNavigation", True),
            scriptable=True,
        ),
        Option("theme.base", str, *_theme("base"), choices=("light", "dark"), nullable=True),
        *(
            Option(f"theme.{key}", str, *_theme(name), nullable=True)
            for key, name in _THEME_KEYS.items()
            if key != "base"
        ),
    ]
}
"""Every option Fastlit knows, by Streamlit's name (README: "Configuration")."""


# --- reading files and flags ---------------------------------------------------------------


def config_files(script: Path | None) -> list[Path]:
    """Where options are read from, in order; later files override earlier ones."""
    home, cwd = Path.home(), Path.cwd()
    folder = script.parent if script is not None else cwd
    candidates = [
        home / ".streamlit" / "config.toml",
        cwd / ".streamlit" / "config.toml",
        folder / ".streamlit" / "config.toml",
        cwd / "fastlit.toml",
        folder / "fastlit.toml",
    ]
    return list(dict.fromkeys(p.resolve() for p in candidates))


def load_config(
    script: Path | None,
    flags: Mapping[str, Any] | None = None,
    files: Iterable[Path] | None = None,
    **fields: Any,
) -> Config:
    """A Config from the files, then `flags` (option name -> value, from `--section.option`),
    then `fields` (Config attributes set by the classic flags such as --port)."""
    config = Config()
    for file in config_files(script) if files is None else files:
        if file.is_file():
            apply_file(config, file)
    for key, value in (flags or {}).items():
        apply_option(config, key, value, source="the command line")
    for name, value in fields.items():
        setattr(config, name, value)
    return config


def apply_file(config: Config, file: Path) -> None:
    """Set the options a TOML file names; raises ConfigError when a value is unusable."""
    try:
        with file.open("rb") as handle:
            data = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{file}: {exc}") from exc
    shared = file.name == "config.toml"  # Streamlit's file: its other options are not ours
    for key, value in _flatten(data):
        if key in OPTIONS:
            apply_option(config, key, _env(value), source=str(file))
        elif shared:
            log.debug("%s: %s is not used by Fastlit", file, key)
        else:
            log.warning('%s: "%s" is not a Fastlit config option; ignored', file, key)


def _flatten(data: Mapping[str, Any], prefix: str = "") -> Iterable[tuple[str, Any]]:
    for name, value in data.items():
        key = f"{prefix}{name}"
        if isinstance(value, Mapping):
            yield from _flatten(value, f"{key}.")
        else:
            yield key, value


def _env(value: Any) -> Any:
    """Streamlit's "env:NAME": the value of an environment variable."""
    if isinstance(value, str) and value.startswith("env:"):
        found = os.environ.get(value[4:])
        if found is None:
            log.error("No environment variable called %s", value[4:])
            return value
        return found
    return value


def apply_option(config: Config, key: str, value: Any, source: str) -> None:
    """Set one option from a file or a flag, converting strings as a flag gives them."""
    option = OPTIONS.get(key)
    if option is None:
        raise ConfigError(f'{source}: "{key}" is not a Fastlit config option')
    option.set(config, convert(option, value, source))


def convert(option: Option, value: Any, source: str) -> Any:
    if value is None or (option.nullable and value == ""):
        if option.nullable:
            return None
        raise ConfigError(f"{source}: {option.key} needs a value")
    if option.choices and value in option.choices:
        return value
    converted = _convert(option.kind, value)
    if converted is None or (option.choices and converted not in option.choices):
        expected = (
            ", ".join(repr(c) for c in option.choices) if option.choices else option.kind.__name__
        )
        raise ConfigError(f"{source}: {option.key} must be {expected}, not {value!r}")
    return converted


def _convert(kind: type, value: Any) -> Any:
    if kind is bool:
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        return {"true": True, "1": True, "false": False, "0": False}.get(text)
    if kind in (int, float):
        if isinstance(value, bool):
            return None
        if isinstance(value, int | float) and (kind is float or value == int(value)):
            return kind(value)
        try:
            return kind(str(value).strip())
        except ValueError:
            return None
    return value if isinstance(value, str) else None


def flag_values(arguments: Mapping[str, Any]) -> dict[str, Any]:
    """The `--section.option` flags given on the command line (argparse dest = option key)."""
    return {key: arguments[key] for key in OPTIONS if arguments.get(key) is not None}


# --- st.get_option / st.set_option ---------------------------------------------------------

_process_config: Config | None = None
_process_lock = threading.Lock()


def use_config(config: Config) -> None:
    """The config `st.get_option` reads outside a script run (`fastlit run` sets it)."""
    global _process_config
    _process_config = config


def active_config() -> Config:
    """The running app's config; outside a run, the process's (read from files once)."""
    ctx = current_or_none()
    if ctx is not None:
        return ctx.session.app.config
    global _process_config
    with _process_lock:
        if _process_config is None:
            try:
                _process_config = load_config(None)
            except ConfigError as exc:
                log.error("%s", exc)
                _process_config = Config()
        return _process_config


def get_option(key: str) -> Any:
    """Return the current value of a configuration option (st.get_option).

    Options take Streamlit's names: "theme.primaryColor", "server.port",
    "client.showErrorDetails", "runner.magicEnabled", ...
    """
    option = OPTIONS.get(key)
    if option is None:
        raise RuntimeError(f'Config key "{key}" not defined.')
    return copy.copy(option.get(active_config()))


def set_option(key: str, value: Any) -> None:
    """Set a configuration option while the app runs (st.set_option).

    Only the options Streamlit lets a script set can be changed: "client.showErrorDetails",
    "client.toolbarMode", "client.disableDataExport" and "client.showSidebarNavigation".
    The change applies to the whole app (every session), as in Streamlit.
    """
    option = OPTIONS.get(key)
    if option is None:
        raise StreamlitAPIException(f"Unrecognized config option: {key}")
    if not option.scriptable:
        raise StreamlitAPIException(
            f"{key} cannot be set on the fly. Set as command line option, e.g. "
            f"fastlit run script.py --{key}, or in config.toml instead."
        )
    option.set(active_config(), value)


def theme_options(theme: ThemeConfig) -> dict[str, str]:
    """The configured theme keys, by Streamlit's names (what the welcome message carries)."""
    return {
        key: value
        for key, name in _THEME_KEYS.items()
        if (value := getattr(theme, name)) is not None
    }
