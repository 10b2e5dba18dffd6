"""st.run_in_thread / st.run_with_session_context: threads whose st.* calls reach a session.

A thread from `st.run_in_thread` works in the run that created it: its elements go into
that run's tree, where the script's cursor was when the thread was made (main, or the
innermost `with` block), appended after what is there when each call happens. It has its own
`with` stack, so it never moves the script's cursor, and it is never interrupted by a rerun,
st.stop or the run time limit (those stop the script's own thread only; and the workers
running parallel fragments, threads of this kind too: see parallel.py).

- While the run executes, the thread's elements travel with the run's own patches.
- After the run ended, they are sent as patches while the page still shows that run (the
  flusher sends them every flush interval, and once more when the thread ends). Once a newer
  run of the session completes, the page is that run's: later output of the old thread is
  dropped, as in Streamlit. Keep results in st.session_state and call st.rerun() from the
  thread to show them in a fresh run.
- st.rerun() in the thread requests a rerun of the session; st.stop() ends the thread.
- Tree changes happen under the run's lock and flushes take it too, so a thread writing while
  the session reruns never sends a half-built tree. Widgets made from a thread are not
  supported (they are not interactive once their run has ended).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from .context import RunContext, activate, current, deactivate
from .errors import RerunException, StopException

log = logging.getLogger("fastlit.threads")

_serial = 0


class SessionThread(threading.Thread):
    """A thread bound to the session (and run) that created it; start() it as usual."""

    def __init__(
        self,
        run: RunContext,
        target: Callable[..., Any],
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
    ) -> None:
        global _serial
        _serial += 1
        name = getattr(target, "__name__", "target")
        super().__init__(name=f"fastlit-session-thread-{_serial}-{name}", daemon=True)
        self.run_context = run
        self._target_fn = target
        self._args = args
        self._kwargs = kwargs
        stack = run.stack  # the creator's open `with` blocks: the thread starts inside them
        self._cursor = stack[-1] if stack else None

    def run(self) -> None:
        ctx = self.run_context
        session = ctx.session
        with session._lock:
            session.threads += 1
        session.app.runs_started()  # wake the flusher: it sends what this thread draws
        ident = threading.get_ident()
        if self._cursor is not None:
            ctx.stack.append(self._cursor)
        token = activate(ctx)
        try:
            self._target_fn(*self._args, **self._kwargs)
        except RerunException:
            session.request_rerun()
        except StopException:
            pass
        except BaseException:  # noqa: BLE001 - report it; the session goes on
            log.exception("session %s: thread %s raised", session.id, self.name)
        finally:
            deactivate(token)
            ctx._stacks.pop(ident, None)
            with session._lock:
                session.threads -= 1
            session.flush_background()


def run_in_thread(target: Callable[..., Any], *args: Any, **kwargs: Any) -> threading.Thread:
    """A (not yet started) daemon thread running `target(*args, **kwargs)` that can call st.*
    for this session: its elements land in this run's tree, where the script is writing."""
    return SessionThread(current(), target, args, kwargs)


def run_with_session_context(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Call `fn(*args, **kwargs)` now, in this thread, with this session's context active;
    its result is returned. Works in the script, callbacks and run_in_thread threads."""
    ctx = current()
    token = activate(ctx)
    try:
        return fn(*args, **kwargs)
    finally:
        deactivate(token)
