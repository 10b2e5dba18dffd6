"""Server and runtime settings, one documented field each."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class ThemeConfig:
    """The [theme] section (Streamlit's keys); None: the base theme's own value."""

    base: str | None = None
    """"light" or "dark"; None follows the browser's preferred colour scheme."""
    primary_color: str | None = None
    background_color: str | None = None
    secondary_background_color: str | None = None
    text_color: str | None = None
    font: str | None = None
    """A CSS font-family list, or Streamlit's "sans-serif", "serif" or "monospace"."""


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
    max_run_threads: int | None = None
    """Hard cap on run threads: runs stuck past their time limit, and sessions' first renders
    when every slot is busy, may run beyond max_concurrent_runs up to this many
    (None: 4 x max_concurrent_runs, at least max_concurrent_runs + 8)."""
    flush_interval_seconds: float = 0.05
    """While a script runs, how often new elements are sent to the browser."""
    run_timeout_seconds: float | None = None
    """Stop a run at its next st.* call after this long; one that reaches no st.* call is
    interrupted by the watchdog (runs.py). None: no limit."""
    theme: ThemeConfig = field(default_factory=ThemeConfig)
    """Colours and font the browser shows (theme.* options), sent in the welcome message."""
    parallel_max_workers: int | None = None
    """runner.parallelMaxWorkers: worker threads per run for parallel fragments
    (st.fragment(parallel=True)); None: min(32, CPU count + 4), as Streamlit."""
    magic_enabled: bool = True
    """runner.magicEnabled: bare expressions in the script are shown, as st.write would."""
    show_error_details: str | bool | None = None
    """client.showErrorDetails: "full", "stacktrace" or True show tracebacks and paths as --dev
    does; "type", "none" or False do not; None follows --dev."""
    options: dict[str, Any] = field(default_factory=dict)
    """Other Streamlit options by name ("client.toolbarMode", ...), kept for st.get_option."""

    def error_details_shown(self) -> bool:
        """Whether tracebacks and server paths reach the browser."""
        if self.show_error_details is None:
            return self.dev
        return self.show_error_details in ("full", "stacktrace", True)
