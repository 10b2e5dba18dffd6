"""The `fastlit` command: run an app, list and check plugins, regenerate the typing stub."""

from __future__ import annotations

import argparse
import json
import logging
import socket
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .config import Config
from .registry import Registry


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["stubs"]:
        from .stubs import main as stubs_main

        return stubs_main(argv[1:])
    parser = argparse.ArgumentParser(prog="fastlit", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="serve a script as a web app")
    run.add_argument("script", type=Path)
    # Classic flags default to None: unset, a config file (options.py) may set the value.
    run.add_argument("--host", default=None, help=f"default {Config.host}")
    run.add_argument("--port", type=int, default=None, help=f"default {Config.port}")
    run.add_argument("--dev", action="store_true", help="show tracebacks and paths in the page")
    run.add_argument("--max-concurrent-runs", type=int, default=None)
    run.add_argument("--session-ttl-seconds", type=float, default=None)
    run.add_argument("--run-timeout-seconds", type=float, default=None)
    run.add_argument("--max-run-threads", type=int, default=Config.max_run_threads)
    run.add_argument("--max-message-bytes", type=int, default=None)
    run.add_argument("--log-level", default="info")
    add_option_flags(run)

    add_plugin_commands(commands)
    # Listed here for --help; its own options are parsed by fastlit_core.stubs (see below).
    commands.add_parser("stubs", help="regenerate fastlit/__init__.pyi with installed elements")
    commands.add_parser("version", help="print the version")

    args = parser.parse_args(argv)
    if args.command == "run":
        return _run(args)
    # A new subcommand is a subparser with `set_defaults(handler=fn)`: main calls fn(args).
    handler = getattr(args, "handler", None)
    if handler is not None:
        return int(handler(args))
    from . import __version__

    print(__version__)
    return 0


def _run(args: argparse.Namespace) -> int:
    import asyncio

    import uvicorn

    from .app import App
    from .server import create_server

    script = args.script.resolve()
    if not script.is_file():
        print(f"fastlit: no such script: {args.script}", file=sys.stderr)
        return 2
    logging.basicConfig(level=args.log_level.upper(), format="%(levelname)s %(name)s: %(message)s")
    config = _configure(
        script,
        args,
        host=args.host,
        port=args.port,
        dev=args.dev,
        max_concurrent_runs=args.max_concurrent_runs,
        session_ttl_seconds=args.session_ttl_seconds,
        run_timeout_seconds=args.run_timeout_seconds,
        max_run_threads=args.max_run_threads,
        max_message_bytes=args.max_message_bytes,
    )
    app = App(script, Registry.from_entry_points(), config)
    server = uvicorn.Server(
        uvicorn.Config(
            create_server(app),
            log_level=args.log_level,
            # Above our own limit, so an oversized message gets a protocol error, not a close.
            ws_max_size=max(16 * 1024 * 1024, config.max_message_bytes * 8),
        )
    )
    listener = listening_socket(config.host, config.port)
    print(f"  Fastlit is serving {script.name} at http://{config.host}:{config.port}", flush=True)
    asyncio.run(server.serve(sockets=[listener]))
    return 0


def add_option_flags(run: argparse.ArgumentParser) -> None:
    """`--theme.base dark`, `--server.port 8502`, ...: every option by Streamlit's name."""
    from .options import OPTIONS

    group = run.add_argument_group("config options (as in fastlit.toml; these override it)")
    for key in OPTIONS:
        group.add_argument(f"--{key}", dest=key, default=None, metavar="VALUE")


def _configure(script: Path, args: argparse.Namespace, **classic: Any) -> Config:
    """Config files, then `--section.option` flags, then the classic flags that were given."""
    from .options import ConfigError, flag_values, load_config, use_config

    given = {k: v for k, v in classic.items() if v is not None and v is not False}
    try:
        config = load_config(script, flag_values(vars(args)), **given)
    except ConfigError as exc:
        print(f"fastlit: {exc}", file=sys.stderr)
        raise SystemExit(2) from exc
    use_config(config)  # what st.get_option reads outside a script run
    return config


def listening_socket(host: str, port: int) -> socket.socket:
    """A TCP listener whose accepted sockets get TCP_NODELAY.

    asyncio sets TCP_NODELAY only on sockets created with proto=IPPROTO_TCP; without it a
    reply of several small frames can wait ~40 ms for a delayed ACK.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind((host, port))
    sock.listen(2048)
    sock.setblocking(False)
    return sock


# --- fastlit plugins ------------------------------------------------------------------------


def add_plugin_commands(commands: Any) -> None:
    plugins = commands.add_parser("plugins", help="inspect element plugins")
    plugin_commands = plugins.add_subparsers(dest="plugins_command", required=True)
    listing = plugin_commands.add_parser("list", help="every installed element plugin")
    listing.add_argument("--json", action="store_true", help="print JSON instead of a table")
    listing.set_defaults(handler=_plugins_list)
    check = plugin_commands.add_parser("check", help="report problems; exit 1 if there are any")
    check.add_argument("--json", action="store_true", help="print JSON instead of text")
    check.set_defaults(handler=_plugins_check)


def plugin_rows(registry: Registry) -> list[dict[str, Any]]:
    """What `plugins list` shows, one dict per plugin (the --json output)."""
    return [
        {
            "plugin": record.name,
            "distribution": record.distribution,
            "version": record.version,
            "names": [f"st.{n}" for n in record.names],
            "bundles": sorted(set(record.bundles)),
            "missing_bundles": sorted(set(record.missing_bundles)),
            "status": record.status,
            "reason": record.reason,
            "conflicts": [
                {
                    "name": f"st.{c.name}",
                    "served_by": c.winner,
                    "served_by_distribution": c.winner_distribution,
                    "rule": c.rule,
                }
                for c in record.conflicts
            ],
        }
        for record in sorted(registry.plugins.values(), key=lambda r: r.name)
    ]


def _plugins_list(args: argparse.Namespace) -> int:
    registry = Registry.from_entry_points()
    rows = plugin_rows(registry)
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    _print_settings(registry)
    headers = ["plugin", "distribution", "st.* names", "bundle", "status"]
    table = [
        [
            r["plugin"],
            f"{r['distribution']} {r['version']}" if r["distribution"] else "-",
            ", ".join(r["names"]),
            ", ".join(b + (" (missing)" if b in r["missing_bundles"] else "") for b in r["bundles"])
            or "-",
            r["status"] + (f": {r['reason']}" if r["reason"] else ""),
        ]
        for r in rows
    ]
    widths = [max(len(str(row[i])) for row in [headers, *table]) for i in range(len(headers))]
    rule = ["-" * w for w in widths]
    for row in [headers, rule, *table]:
        print("  ".join(str(cell).ljust(w) for cell, w in zip(row, widths)).rstrip())
    return 0


def _print_settings(registry: Registry) -> None:
    """The FASTLIT_PLUGINS_* switches in effect, above the output, when any is set."""
    switches = registry.settings.describe()
    if switches:
        print("\n".join(["Plugin settings:", *(f"  {line}" for line in switches)]) + "\n")


def plugin_problems(registry: Registry) -> tuple[list[str], list[str]]:
    """(problems, notes): problems fail `plugins check`; notes (choices made) do not."""
    problems = [f"setting: {w}" for w in registry.settings.warnings]
    notes: list[str] = []
    for record in sorted(registry.plugins.values(), key=lambda r: r.name):
        who = record.name + (
            f" ({record.distribution} {record.version})" if record.distribution else ""
        )
        if record.status in ("error", "incompatible"):
            problems.append(f"{who}: {record.status}: {record.reason}")
        elif record.status == "disabled":
            notes.append(f"{who}: disabled: {record.reason}")
        for conflict in record.conflicts:
            line = f"{who}: conflict: {conflict.describe(record.name)}"
            (problems if conflict.is_problem else notes).append(line)
        problems += [f"{who}: bundle {b} is missing on disk" for b in record.missing_bundles]
    return problems, notes


def _plugins_check(args: argparse.Namespace) -> int:
    registry = Registry.from_entry_points()
    problems, notes = plugin_problems(registry)
    if args.json:
        print(json.dumps({"ok": not problems, "problems": problems, "notes": notes}, indent=2))
    else:
        _print_settings(registry)
        for line in problems:
            print(line)
        for line in notes:
            print(f"note: {line}")
        count = len(registry.plugins)
        verdict = f"{len(problems)} problem(s)" if problems else "no problems"
        print(f"fastlit plugins check: {count} plugins, {verdict}")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
