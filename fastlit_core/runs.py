"""Where script runs execute: a pool that stuck runs cannot starve, and a run-timeout watchdog.

A run past its deadline is normally stopped at its next st.* call (RunContext.checkpoint).
A run that reaches no st.* call (`while True: pass`) is interrupted by the watchdog, which
raises RunTimeoutException in its thread asynchronously (PyThreadState_SetAsyncExc): pure
Python stops at its next bytecode; a thread blocked in C (a long `time.sleep`, a socket
read) only when that call returns. Until it stops, the run counts as *stuck*: the pool
grows past `max_concurrent_runs` by the number of stuck runs, up to `max_run_threads`,
so the other sessions keep running. A session's first render is admitted up to that cap
even when every regular slot is busy (with or without a time limit), so one runaway
session never keeps another from seeing its page.
"""

from __future__ import annotations

import ctypes
import logging
import sys
import sysconfig
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from types import FrameType
from typing import TYPE_CHECKING, Any, Literal

from .errors import RunTimeoutException

if TYPE_CHECKING:
    from .context import RunContext

log = logging.getLogger("fastlit.runs")

RETRY_SECONDS = 1.0
"""A run that swallowed the interrupt (`except BaseException`) is interrupted again after this."""
POSTPONE_SECONDS = 0.02
"""A run inside an import or inside Fastlit's own code is interrupted this much later."""
IDLE_SECONDS = 30.0
"""An idle worker thread exits after this long, so a burst of runs leaves no threads behind."""


def _set_async_exc(thread_id: int, exc: type[BaseException] | None) -> int:
    """Raise `exc` in the thread at its next bytecode (None: drop one still pending)."""
    # No argtypes on purpose: None must reach C as NULL, not as Py_None.
    result = ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread_id), ctypes.py_object(exc) if exc is not None else None
    )
    return int(result)


_LIBRARIES = tuple(
    {sysconfig.get_paths()[k] for k in ("stdlib", "platstdlib", "purelib", "platlib")}
)


def _interruptible(frame: FrameType | None) -> bool:
    """Whether an exception may be raised in this stack now.

    Not inside an import anywhere on the stack: importlib's module locks are not exception
    safe, and a lock left held would hang every later import of that module. Not when the
    innermost code that is not a library (stdlib, site-packages) is Fastlit's own (kernel or
    element code, say mid-way through registering a widget): its st.* call checks the time
    limit at a safe point anyway. User code, and libraries it calls, may be interrupted.
    """
    verdict: bool | None = None  # decided by the innermost frame that is not a library's
    while frame is not None:
        filename = frame.f_code.co_filename
        if filename.startswith("<frozen importlib"):
            return False
        if verdict is None:
            name = frame.f_globals.get("__name__")
            if isinstance(name, str) and name.startswith("fastlit"):
                verdict = False  # Fastlit's own code, or a plugin's wherever it is installed
            elif not filename.startswith(("<", *_LIBRARIES)):
                verdict = True  # the user's code
        frame = frame.f_back
    return verdict is not False


class RunGuard:
    """The threads a run executes in, and whether the watchdog may interrupt them now.

    The run's own thread (`thread_id`) and its parallel fragment workers (`workers`) arm it
    around the user's code (callbacks, script, fragment bodies) and disarm it before
    anything else; disarming also drops an interrupt sent but not yet raised, so the
    exception can only surface inside the handlers that follow.
    """

    def __init__(self) -> None:
        self.thread_id: int | None = None
        self.workers: set[int] = set()  # threads running parallel fragments (parallel.py)
        self.interrupts = 0
        self._armed: set[int] = set()
        self._lock = threading.Lock()

    def arm(self, *, worker: bool = False) -> None:
        with self._lock:
            ident = threading.get_ident()
            if worker:
                self.workers.add(ident)
            else:
                self.thread_id = ident
            self._armed.add(ident)

    def disarm(self, *, worker: bool = False) -> None:
        with self._lock:
            ident = threading.get_ident()
            self._armed.discard(ident)
            if worker:
                self.workers.discard(ident)
            if self.interrupts and (ident == self.thread_id or worker):
                _set_async_exc(ident, None)

    def stops(self, ident: int) -> bool:
        """Whether reruns, st.stop and the time limit stop st.* calls in this thread: the
        run's own and its parallel fragment workers, not st.run_in_thread threads."""
        return self.thread_id is None or ident == self.thread_id or ident in self.workers

    def interrupt(self) -> Literal["sent", "later", "idle"]:
        """Raise RunTimeoutException in each armed thread that is in user code: "sent" (to
        one at least); "later" while that is not safe (see _interruptible); "idle" when
        none is armed."""
        with self._lock:
            frames = sys._current_frames()
            outcome: Literal["sent", "later", "idle"] = "idle"
            for ident in sorted(self._armed):
                if not _interruptible(frames.get(ident)):
                    outcome = "later" if outcome == "idle" else outcome
                    continue
                self.interrupts += 1
                if _set_async_exc(ident, RunTimeoutException) == 1:
                    outcome = "sent"
            return outcome


@dataclass
class _Task:
    run: Callable[[], None]
    first: bool  # a session's first render: admitted up to the hard cap


@dataclass
class _Tracked:
    deadline: float
    label: str
    next_interrupt: float
    stuck: bool = False


class RunPool:
    """Threads for script runs: `base` at once, more for stuck runs and first renders."""

    def __init__(self, base: int, limit: int | None = None, name: str = "fastlit-run") -> None:
        self.base = max(1, base)
        self.limit = max(self.base, limit if limit else max(4 * self.base, self.base + 8))
        self.name = name
        self.interrupts = 0  # watchdog interrupts sent, over the pool's life
        self._lock = threading.Lock()
        self._work = threading.Condition(self._lock)  # workers wait here for a task
        self._watch = threading.Condition(self._lock)  # the watchdog waits here
        self._queue: deque[_Task] = deque()  # submitted, not admitted yet
        self._ready: deque[_Task] = deque()  # admitted, not picked up by a worker yet
        self._active = 0  # admitted tasks not finished
        self._threads = 0
        self._idle = 0
        self._tracked: dict[RunContext, _Tracked] = {}
        self._watchdog: threading.Thread | None = None
        self._closed = False
        self._serial = 0

    # --- scheduling ----------------------------------------------------------------------

    def submit(self, run: Callable[[], None], *, first: bool = False) -> None:
        with self._lock:
            if self._closed:
                return
            self._queue.append(_Task(run, first))
            self._dispatch()
            if self._queue:
                # Waiting for a slot is normal under load; not when stuck runs are the cause.
                stuck = any(t.stuck for t in self._tracked.values())
                log.log(
                    logging.WARNING if stuck or self._active >= self.limit else logging.DEBUG,
                    "all %d run slots are busy (%s); %d run(s) wait",
                    self._capacity(),
                    self._describe(),
                    len(self._queue),
                )

    def _capacity(self) -> int:
        stuck = sum(1 for t in self._tracked.values() if t.stuck)
        return min(self.limit, self.base + stuck)

    def _admits(self, task: _Task, capacity: int) -> bool:
        if self._active < capacity:
            return True
        return task.first and self._active < self.limit

    def _dispatch(self) -> None:
        """Start every queued task the capacity admits (lock held)."""
        while self._queue and not self._closed:
            capacity = self._capacity()
            task = next((t for t in self._queue if self._admits(t, capacity)), None)
            if task is None:
                return
            self._queue.remove(task)
            if self._active >= capacity:
                log.info(
                    "a first render runs beyond the %d busy slot(s) (%s)",
                    capacity,
                    self._describe(),
                )
            self._active += 1
            self._ready.append(task)
            if self._idle >= len(self._ready):
                self._work.notify()
            else:
                self._threads += 1
                self._serial += 1
                threading.Thread(
                    target=self._worker, name=f"{self.name}-{self._serial}", daemon=True
                ).start()

    def _worker(self) -> None:
        while True:
            with self._lock:
                self._idle += 1
                until = time.monotonic() + IDLE_SECONDS
                while not self._ready:
                    left = until - time.monotonic()
                    if self._closed or left <= 0:
                        self._idle -= 1
                        self._threads -= 1
                        return
                    self._work.wait(left)
                self._idle -= 1
                task = self._ready.popleft()
            try:
                task.run()
            except BaseException:  # noqa: BLE001 - a worker must survive whatever a run does
                log.exception("a script run task failed")
            finally:
                with self._lock:
                    self._active -= 1
                    self._dispatch()

    # --- time limits ---------------------------------------------------------------------

    def track(self, ctx: RunContext, label: str = "") -> None:
        """Watch a run with a deadline: interrupt it, and count it as stuck, once past it."""
        if ctx.deadline is None:
            return
        with self._lock:
            self._tracked[ctx] = _Tracked(ctx.deadline, label, ctx.deadline)
            if self._watchdog is None and not self._closed:
                self._watchdog = threading.Thread(
                    target=self._watchdog_loop, name=f"{self.name}-watchdog", daemon=True
                )
                self._watchdog.start()
            self._watch.notify()

    def untrack(self, ctx: RunContext) -> None:
        with self._lock:
            tracked = self._tracked.pop(ctx, None)
            if tracked is not None and tracked.stuck:
                log.info("%s stopped (%s)", tracked.label or "a stuck run", self._describe())

    def _watchdog_loop(self) -> None:
        with self._lock:
            while not self._closed:
                now = time.monotonic()
                wake: float | None = None
                grew = False
                for ctx, tracked in list(self._tracked.items()):
                    if now < tracked.deadline:
                        wake = tracked.deadline if wake is None else min(wake, tracked.deadline)
                        continue
                    if not tracked.stuck:
                        tracked.stuck = grew = True
                        log.warning(
                            "%s passed its time limit; interrupting it (%s)",
                            tracked.label or "a run",
                            self._describe(),
                        )
                    if now >= tracked.next_interrupt:
                        outcome = ctx.guard.interrupt()
                        if outcome == "sent":
                            self.interrupts += 1
                        delay = POSTPONE_SECONDS if outcome == "later" else RETRY_SECONDS
                        tracked.next_interrupt = now + delay
                    due = tracked.next_interrupt
                    wake = due if wake is None else min(wake, due)
                if grew:
                    self._dispatch()  # stuck runs free their slots for other sessions
                self._watch.wait(None if wake is None else max(0.005, wake - now))

    # --- reporting -----------------------------------------------------------------------

    def stats(self) -> dict[str, Any]:
        """What /_fl/health reports under "runs"."""
        with self._lock:
            return {
                "active": self._active,
                "stuck": sum(1 for t in self._tracked.values() if t.stuck),
                "queued": len(self._queue),
                "capacity": self._capacity(),
                "limit": self.limit,
                "threads": self._threads,
            }

    def _describe(self) -> str:
        stuck = sum(1 for t in self._tracked.values() if t.stuck)
        return (
            f"active={self._active} stuck={stuck} capacity={self._capacity()} "
            f"limit={self.limit} queued={len(self._queue)}"
        )

    def close(self) -> None:
        """Drop queued runs and let idle threads exit; running ones finish on their own."""
        with self._lock:
            self._closed = True
            self._queue.clear()
            self._work.notify_all()
            self._watch.notify_all()
