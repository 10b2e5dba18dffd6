"""`fastlit run --dev`: saving a .py file in the script's folder reruns every session.

Sessions keep their session_state (a rerun, not a new session). The entry script is
recompiled because compiled code is cached by modification time; a module imported from the
folder is dropped from sys.modules, so the next run imports the saved version. A syntax error
becomes the page's exception element (runner.py), and the next save that fixes it recovers.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from pathlib import Path

from .app import App

log = logging.getLogger("fastlit.dev")


async def watch(app: App, stop: asyncio.Event) -> None:
    """Until `stop` is set, rerun the sessions whenever a .py file under the folder changes."""
    from watchfiles import PythonFilter, awatch

    folder = app.script.path.parent
    logging.getLogger("watchfiles").setLevel(logging.WARNING)  # our own line says what changed
    try:
        async for changes in awatch(folder, watch_filter=PythonFilter(), stop_event=stop):
            paths = sorted({str(Path(path)) for _, path in changes})
            forget_modules(paths)
            sessions = list(app.sessions.values())
            log.info("%s changed: rerunning %d session(s)", ", ".join(paths), len(sessions))
            for session in sessions:
                session.request_rerun()
    except Exception:  # noqa: BLE001 - a broken watcher must not take the server down
        log.exception("watching %s for changes failed; saving no longer reruns", folder)


def forget_modules(paths: list[str]) -> None:
    """Drop the app's own modules loaded from these files (never fastlit's), so the next
    import runs the saved file. The folder is on sys.path as resolved, like the paths here."""
    wanted = set(paths)
    for name, module in list(sys.modules.items()):
        file = getattr(module, "__file__", None)
        if file in wanted and name != "__main__" and not name.startswith("fastlit"):
            del sys.modules[name]
