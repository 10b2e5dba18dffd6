"""Server and runtime settings, one documented field each."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Config:
    host: str = "127.0.0.1"
    port: int = 8501
    dev: bool = False
    """Show tracebacks and server paths in the browser, and log more."""
    session_ttl_seconds: float = 120.0
    """How long a session outlives its websocket, so a reconnect resumes it."""
    max_message_bytes: int = 1024 * 1024
    """Largest client websocket message accepted; bigger ones get a protocol error."""
    outbox_max_bytes: int = 8 * 1024 * 1024
    """Queued bytes per session before the queue collapses into one tree snapshot."""
    max_concurrent_runs: int = 8
    """Script runs executing at once across all sessions (the thread pool size)."""
    flush_interval_seconds: float = 0.05
    """While a script runs, how often new elements are sent to the browser."""
    run_timeout_seconds: float | None = None
    """Stop a run at its next st.* call after this long (None: no limit)."""
