"""`streamlit ...` with two known handicaps removed, patched in this process at startup.

Usage: python benchmarks/streamlit_fixed.py run app.py [streamlit options]

Streamlit's installed files are not touched; the patches live only in this process:

(a) TCP_NODELAY on every websocket connection. Streamlit 1.67 serves through uvicorn; the
    websocket protocol class it uses gets a `connection_made` wrapper that sets TCP_NODELAY
    on the connection's socket (reading the option before and after, as evidence).
(b) No forced full garbage collection after every script run. ScriptRunner ends each run
    with `gc.collect(2)` (script_runner.py, behind `runner.postScriptGC`); the module's `gc`
    reference is replaced by a proxy whose `collect` only counts the call. Python's automatic
    collector still runs as usual; gc.callbacks count the collections that really happen.

If BENCH_PATCH_REPORT names a file, the evidence is written there as JSON (every 0.25 s
while it changes), for benchmarks/run.py to print.
"""

from __future__ import annotations

import asyncio
import gc
import json
import os
import socket
import sys
import threading
import time
from typing import Any

_lock = threading.Lock()
STATE: dict[str, Any] = {
    "pid": os.getpid(),
    "nodelay": {
        "patched": None,
        "connections": 0,
        "before": [],
        "after": [],
        "errors": [],
        "loop": None,
    },
    "gc": {
        "patched": None,
        "forced_collect_calls_skipped": 0,
        "script_runs": 0,
        # Collections that really happened in this process (automatic ones), by generation.
        "collections": {"0": 0, "1": 0, "2": 0},
        "gen2_seconds": 0.0,
    },
}


# --- (b) no gc.collect(2) after each script run ---------------------------------------------


class _GcWithoutForcedCollect:
    """Stands in for the `gc` module inside streamlit's script_runner module only."""

    def __init__(self, real: Any) -> None:
        self._real = real

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def collect(self, generation: int = 2) -> int:
        with _lock:
            STATE["gc"]["forced_collect_calls_skipped"] += 1
        return 0


def _patch_gc() -> None:
    from streamlit.runtime.scriptrunner import script_runner

    if not hasattr(script_runner, "gc"):
        STATE["gc"]["patched"] = "FAILED: streamlit.runtime.scriptrunner.script_runner has no gc"
        return
    script_runner.gc = _GcWithoutForcedCollect(script_runner.gc)

    # Count script runs, to compare with the skipped calls (one per finished run).
    runner_cls = script_runner.ScriptRunner
    original_run_script = runner_cls._run_script

    def _run_script(self: Any, *args: Any, **kwargs: Any) -> Any:
        with _lock:
            STATE["gc"]["script_runs"] += 1
        return original_run_script(self, *args, **kwargs)

    runner_cls._run_script = _run_script
    STATE["gc"]["patched"] = "streamlit.runtime.scriptrunner.script_runner.gc -> proxy"

    started: dict[int, float] = {}

    def on_gc(phase: str, info: dict[str, Any]) -> None:
        generation = info.get("generation", 0)
        if phase == "start":
            started[generation] = time.perf_counter()
        else:
            STATE["gc"]["collections"][str(generation)] += 1
            if generation == 2 and generation in started:
                STATE["gc"]["gen2_seconds"] += time.perf_counter() - started.pop(generation)

    gc.callbacks.append(on_gc)


# --- (a) TCP_NODELAY on websocket connections -----------------------------------------------


def _websocket_protocol_class() -> type:
    """The uvicorn websocket protocol class Streamlit's server will use."""
    from uvicorn.config import WS_PROTOCOLS
    from uvicorn.importer import import_from_string

    name = "auto"
    try:
        from streamlit.web.server.starlette import starlette_server

        name = starlette_server._get_websocket_protocol()
    except Exception as exc:  # older/newer layout: fall back to uvicorn's choice
        STATE["nodelay"]["errors"].append(f"protocol lookup: {exc!r}")
    return import_from_string(WS_PROTOCOLS[name])


def _patch_nodelay() -> None:
    cls = _websocket_protocol_class()
    original = cls.connection_made

    def connection_made(self: Any, transport: Any) -> Any:
        record = STATE["nodelay"]
        try:
            sock = transport.get_extra_info("socket")
            before = sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            after = sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
            loop = type(asyncio.get_running_loop())
            with _lock:
                record["loop"] = f"{loop.__module__}.{loop.__qualname__}"
                record["connections"] += 1
                record["before"].append(int(bool(before)))
                record["after"].append(int(bool(after)))
        except Exception as exc:
            with _lock:
                record["errors"].append(repr(exc))
        return original(self, transport)

    cls.connection_made = connection_made
    STATE["nodelay"]["patched"] = f"{cls.__module__}.{cls.__qualname__}.connection_made"


# --- evidence ----------------------------------------------------------------------------------


def _report_loop(path: str) -> None:
    last = None
    while True:
        with _lock:
            text = json.dumps(STATE, sort_keys=True)
        if text != last:
            tmp = f"{path}.tmp"
            with open(tmp, "w") as f:
                f.write(text)
            os.replace(tmp, path)
            last = text
        time.sleep(0.25)


def main() -> None:
    for patch in (_patch_nodelay, _patch_gc):
        try:
            patch()
        except Exception as exc:
            key = "nodelay" if patch is _patch_nodelay else "gc"
            STATE[key]["patched"] = f"FAILED: {exc!r}"
    report = os.environ.get("BENCH_PATCH_REPORT")
    if report:
        threading.Thread(target=_report_loop, args=(report,), daemon=True).start()
    print(
        f"[streamlit-fixed] nodelay: {STATE['nodelay']['patched']}; gc: {STATE['gc']['patched']}",
        file=sys.stderr,
        flush=True,
    )

    from streamlit.web.cli import main as streamlit_main

    sys.argv = ["streamlit", *sys.argv[1:]]
    sys.exit(streamlit_main())


if __name__ == "__main__":
    main()
