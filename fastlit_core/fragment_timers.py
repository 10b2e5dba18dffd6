"""run_every timers: fragments on display rerun on their own while a browser is attached."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .session import Session


def schedule(session: Session) -> None:
    """(Re)arm run_every timers for the fragments on display; drop the others (lock held)."""
    for fid in list(session._timers):
        if fid not in session.fragments or session.outbox is None:
            session._timers.pop(fid).cancel()
    if session.outbox is None:
        return
    for fid, info in session.fragments.items():
        if info.run_every is not None and fid not in session._timers and fid not in session._due:
            timer = threading.Timer(info.run_every, session.request_fragment_run, (fid,))
            timer.daemon = True
            session._timers[fid] = timer
            timer.start()


def restart(session: Session, fragment: str) -> None:
    """The fragment ran: its timer counts its interval again from now."""
    with session._lock:
        old = session._timers.pop(fragment, None)
        if old is not None:
            old.cancel()
        schedule(session)
