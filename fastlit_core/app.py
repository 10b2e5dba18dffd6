"""The App: one script, one registry, its sessions and the bounded pool that runs them."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from pathlib import Path

from .assets import Assets
from .config import Config
from .registry import Registry
from .runner import Script
from .runs import RunPool
from .secrets import Secrets, secrets_files
from .session import Session

log = logging.getLogger("fastlit")


class App:
    def __init__(
        self, script: Script | str | Path, registry: Registry, config: Config | None = None
    ) -> None:
        self.script = script if isinstance(script, Script) else Script(Path(script).resolve())
        self.registry = registry
        self.config = config or Config()
        self.sessions: dict[str, Session] = {}
        # max_concurrent_runs threads, more for stuck runs and first renders (runs.py)
        self.pool = RunPool(self.config.max_concurrent_runs, self.config.max_run_threads)
        self.assets = Assets()  # folders served under content hashes
        self.secrets = Secrets(secrets_files(self.script.path))
        self.loop: asyncio.AbstractEventLoop | None = None
        self.running_event: asyncio.Event | None = None  # set by the server: wakes the flusher
        self.uses_navigation = False  # st.navigation ran: a pages/ folder is no longer used

    def new_session(self) -> Session:
        session = Session(self)
        self.sessions[session.id] = session
        return session

    def submit_run(self, run: Callable[[], None], *, first: bool = False) -> None:
        self.pool.submit(run, first=first)

    def runs_started(self) -> None:
        """A session started running: wake the mid-run flusher (safe from any thread)."""
        if self.loop is not None and self.running_event is not None:
            self.loop.call_soon_threadsafe(self.running_event.set)

    def schedule_expiry(self, session: Session) -> None:
        """Forget a detached session after the TTL unless a socket resumes it."""
        if self.loop is None:
            return

        def expire() -> None:
            if session.outbox is None:
                self.sessions.pop(session.id, None)
                log.info("session %s expired", session.id)

        session.expiry = self.loop.call_later(self.config.session_ttl_seconds, expire)

    def close(self) -> None:
        self.pool.close()
