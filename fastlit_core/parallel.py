"""Parallel fragments (st.fragment(parallel=True)): full runs hand them to worker threads.

As in Streamlit, in a full run a parallel fragment's call reserves its block where it was
called and hands the body to a worker, so the script (and other parallel fragments) go on
while it runs; whenever it draws, its output lands in its own block, so the page shows the
call order. The run ends when all of them have: after the script's last line its thread
waits for them, stopping there at a rerun, st.stop or the time limit as at any st.* call. A
script that ends early (an exception, st.stop, a rerun, the time limit) stops its parallel
fragments at their next st.* call (those not started never start) and waits for them.

Workers are st.run_in_thread threads (threads.py: bound to the run, each with its own `with`
stack) whose st.* calls stop with the run, as the script's do (RunGuard.workers), and the
watchdog interrupts them past the time limit. In a worker:
- an exception shows inside the fragment, and the script goes on;
- st.stop() ends the fragment and stops the script; st.rerun() ends it and reruns the app;
- writing to a container made outside the fragment (st.sidebar and st.bottom included)
  raises StreamlitInvalidLayoutContextError, as do the commands that must not run beside
  the script (check_not_parallel_worker: st.dialog; Streamlit's st.switch_page too).
Fragment runs (a widget inside, run_every, st.rerun(scope=...)) run fragments one after
another on the script's thread, parallel or not, as Streamlit does. At most
`runner.parallelMaxWorkers` workers per run (Config.parallel_max_workers); other parallel
fragments wait for a free one.
"""

from __future__ import annotations

import logging
import os
import threading
from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING

from .context import current_or_none
from .errors import (
    RerunException,
    RunTimeoutException,
    StopException,
    StreamlitInvalidLayoutContextError,
)
from .threads import SessionThread

if TYPE_CHECKING:
    from .context import RunContext

log = logging.getLogger("fastlit.parallel")

JOIN_POLL_SECONDS = 0.05
"""While waiting for parallel fragments, the script's thread checks for reruns this often."""


class ParallelFragments:
    """The parallel fragments of one full run, and the worker threads running them."""

    def __init__(self, run: RunContext, max_workers: int | None = None) -> None:
        self._run = run
        self.max_workers = max_workers or min(32, (os.cpu_count() or 1) + 4)  # as Streamlit
        self.stopping = False  # the script ended: workers stop at their next st.* call
        self._pending: deque[Callable[[], None]] = deque()
        self._outstanding = 0  # submitted and not finished
        self._workers = 0
        self._changed = threading.Condition()

    def submit(self, task: Callable[[], None]) -> bool:
        """Run `task` (a fragment's body) on a worker: a free one, else a new one up to
        max_workers, else the first to become free. False when the script is over (an
        st.run_in_thread thread calling a parallel fragment after it): run it in place."""
        with self._changed:
            if self.stopping:
                return False
            self._outstanding += 1
            self._pending.append(task)
            start = self._workers < self.max_workers
            if start:
                self._workers += 1
        if start:
            worker = SessionThread(self._run, self._work, (), {})
            worker.name = worker.name.replace("-session-thread-", "-parallel-fragments-")
            worker.start()
        return True

    def _work(self) -> None:
        run, guard = self._run, self._run.guard
        while True:
            with self._changed:
                if not self._pending:
                    self._workers -= 1
                    return
                task = self._pending.popleft()
            try:
                guard.arm(worker=True)
                try:
                    task()
                finally:
                    guard.disarm(worker=True)
            except (StopException, RerunException, RunTimeoutException):
                pass  # the script's thread stops, reruns or shows that the time ran out
            except BaseException:  # noqa: BLE001 - a worker must survive whatever a task does
                log.exception("session %s: a parallel fragment failed", run.session.id)
            finally:
                with self._changed:
                    self._outstanding -= 1
                    self._changed.notify_all()

    def join(self) -> None:
        """Wait until every parallel fragment has ended (the script's thread, after the
        script); a rerun, st.stop or the time limit raises here as at an st.* call."""
        while True:
            with self._changed:
                if not self._outstanding:
                    return
                self._changed.wait(JOIN_POLL_SECONDS)
            self._run.checkpoint()

    def drain(self) -> None:
        """The script is over: drop fragments not started, stop the running ones at their
        next st.* call, and wait for them."""
        with self._changed:
            self.stopping = True
            self._outstanding -= len(self._pending)
            self._pending.clear()
            while self._outstanding:
                self._changed.wait()


def parallel_fragments(run: RunContext) -> ParallelFragments:
    """The run's parallel fragments, made on first use."""
    with run.lock:
        if run.parallel is None:
            run.parallel = ParallelFragments(run, run.session.app.config.parallel_max_workers)
        return run.parallel


def check_not_parallel_worker(api_name: str) -> None:
    """Raise Streamlit's error for a command that a parallel fragment may not call during
    the full run that runs it in parallel (st.dialog, st.switch_page)."""
    run = current_or_none()
    if run is not None and run.in_parallel_worker():
        raise StreamlitInvalidLayoutContextError(
            f"`{api_name}` cannot be called from a parallel fragment during the initial page "
            "load, because parallel fragments run concurrently on separate threads where "
            f"`{api_name}` is not safe.\n\nTo fix this, gate the call behind a widget "
            "interaction (e.g., `if st.button(...):`) so it runs during a sequential fragment "
            "rerun instead."
        )
