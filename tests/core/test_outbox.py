"""The outbox: ordered, bounded; an overflow collapses into one snapshot."""

from __future__ import annotations

import asyncio

from fastlit_core.outbox import Outbox


def run(coro):
    return asyncio.run(coro)


def test_frames_keep_order():
    async def main():
        box = Outbox(asyncio.get_running_loop(), lambda: b"SNAPSHOT", max_bytes=1000)
        for i in range(5):
            box.put(f"f{i}".encode())
        await asyncio.sleep(0)
        return [await box.next_frame() for _ in range(5)]

    assert run(main()) == [b"f0", b"f1", b"f2", b"f3", b"f4"]


def test_overflow_collapses_into_a_snapshot_and_memory_stays_bounded():
    async def main():
        box = Outbox(asyncio.get_running_loop(), lambda: b"SNAPSHOT", max_bytes=100)
        for _ in range(1000):
            box.put(b"x" * 30)
        await asyncio.sleep(0)
        assert box.pending_bytes <= 100
        first = await box.next_frame()
        box.close()
        return first

    assert run(main()) == b"SNAPSHOT"


def test_put_from_another_thread():
    async def main():
        box = Outbox(asyncio.get_running_loop(), lambda: b"S")
        await asyncio.get_running_loop().run_in_executor(None, box.put, b"from-thread")
        return await asyncio.wait_for(box.next_frame(), 1)

    assert run(main()) == b"from-thread"
