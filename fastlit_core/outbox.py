"""Per-session outbox: ordered frames to one websocket, bounded, collapsing into a resync."""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Callable


class Outbox:
    """Frames queued for one socket.

    Producers (script threads) call `put` from any thread. When the queued bytes exceed
    `max_bytes` (a slow or stalled client), the queue is dropped and the next frame sent is a
    fresh snapshot of the whole tree, made by `snapshot()` at send time: memory stays
    bounded and the client converges on the current page.
    """

    def __init__(
        self,
        loop: asyncio.AbstractEventLoop,
        snapshot: Callable[[], bytes],
        max_bytes: int = 8 * 1024 * 1024,
    ) -> None:
        self._loop = loop
        self._snapshot = snapshot
        self._max_bytes = max_bytes
        self._frames: deque[bytes] = deque()
        self._bytes = 0
        self._resync = False
        self._ready = asyncio.Event()
        self.closed = False
        self.frames_sent = 0
        self.bytes_sent = 0

    def put(self, frame: bytes) -> None:
        """Queue a frame; safe to call from any thread."""
        if self.closed:
            return
        try:
            self._loop.call_soon_threadsafe(self._put, frame)
        except RuntimeError:  # loop closed: the socket is gone
            self.closed = True

    def request_resync(self) -> None:
        self._loop.call_soon_threadsafe(self._request_resync)

    def _request_resync(self) -> None:
        self._frames.clear()
        self._bytes = 0
        self._resync = True
        self._ready.set()

    def _put(self, frame: bytes) -> None:
        if self._resync:
            return  # the snapshot sent next covers this frame
        self._frames.append(frame)
        self._bytes += len(frame)
        if self._bytes > self._max_bytes:
            self._request_resync()
        self._ready.set()

    @property
    def pending_bytes(self) -> int:
        return self._bytes

    async def next_frame(self) -> bytes | None:
        """The next frame to send, waiting for one; None once closed."""
        while not self.closed:
            if self._resync:
                self._resync = False
                return self._snapshot()
            if self._frames:
                frame = self._frames.popleft()
                self._bytes -= len(frame)
                return frame
            self._ready.clear()
            await self._ready.wait()
        return None

    def close(self) -> None:
        self.closed = True
        self._ready.set()
