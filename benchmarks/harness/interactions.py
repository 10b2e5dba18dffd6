"""Measured interactions in an open page: slider steps, button clicks, websocket frame counts."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from .apps import AppSpec
from .browser import AppUnsupported

FOCUS_SLIDER_JS = """() => {
  const el = document.querySelector('[role="slider"]')
    || document.querySelector('input[type="range"]');
  if (!el) return null;
  if (document.activeElement !== el) el.focus();
  const num = (a, b) => { const v = el.getAttribute(a); return Number(v !== null ? v : el[b]); };
  return { value: num('aria-valuenow', 'value'), min: num('aria-valuemin', 'min'),
           max: num('aria-valuemax', 'max'), focused: document.activeElement === el,
           tag: el.tagName.toLowerCase() };
}"""


class WsCounter:
    """Websocket frames and payload bytes seen by Playwright, both directions."""

    def __init__(self, page: Any) -> None:
        self.recv_frames = self.recv_bytes = self.sent_frames = self.sent_bytes = 0
        self.sockets: list[str] = []
        page.on("websocket", self._on_websocket)

    @staticmethod
    def _size(payload: str | bytes) -> int:
        return len(payload.encode()) if isinstance(payload, str) else len(payload)

    def _on_websocket(self, ws: Any) -> None:
        self.sockets.append(ws.url)
        ws.on("framereceived", self._received)
        ws.on("framesent", self._sent)

    def _received(self, payload: str | bytes) -> None:
        self.recv_frames += 1
        self.recv_bytes += self._size(payload)

    def _sent(self, payload: str | bytes) -> None:
        self.sent_frames += 1
        self.sent_bytes += self._size(payload)

    def snapshot(self) -> tuple[int, int, int, int]:
        return self.recv_frames, self.recv_bytes, self.sent_frames, self.sent_bytes


def _diff(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None else a - b


@dataclass
class Interactor:
    """Drives one page: each step acts, waits until idle, and returns one sample."""

    page: Any
    counter: WsCounter
    quiet_ms: int
    timeout_ms: int = 15000
    direction: int = 1
    clicks: int = 0

    def _measure(self, expected: str, act: Any) -> dict[str, Any]:
        before = self.counter.snapshot()
        self.page.evaluate("e => __bench.arm(e)", expected)
        act()
        r = self.page.evaluate("([q, t]) => __bench.done(q, t)", [self.quiet_ms, self.timeout_ms])
        # Playwright's frame events may trail the page's view by a moment: let them arrive.
        deadline = time.monotonic() + 2
        while True:
            now = self.counter.snapshot()
            d = [a - b for a, b in zip(now, before)]
            if (d[0] >= r["recvFrames"] and d[2] >= r["sentFrames"]) or time.monotonic() > deadline:
                break
            self.page.wait_for_timeout(5)
        sample = {
            "ok": bool(r["ok"]),
            "expected": expected,
            "input_event": r["inputEvent"],
            "latency_ms": _diff(r["tDom"], r["tInput"]),
            "latency_from_evaluate_ms": _diff(r["tDom"], r["tArm"]),
            "next_frame_ms": _diff(r["tFrame"], r["tInput"]),
            "last_frame_ms": _diff(r["tLastRecv"], r["tInput"]),
            "client_send_ms": _diff(r["tFirstSent"], r["tInput"]),
            "server_first_reply_ms": _diff(r["tFirstRecv"], r["tFirstSent"]),
            "dom_after_send_ms": _diff(r["tDom"], r["tFirstSent"]),
            "recv_frames": d[0],
            "recv_bytes": d[1],
            "sent_frames": d[2],
            "sent_bytes": d[3],
            "page_recv_frames": r["recvFrames"],
            "page_recv_bytes": r["recvBytes"],
            "page_sent_frames": r["sentFrames"],
            "page_sent_bytes": r["sentBytes"],
            "stray_frames_before": r["stray"],
            "timeline": r["timeline"],
        }
        if not r["ok"]:
            sample["failure"] = (
                f"busy={r['busy']} text_present={r['present']} dom={r['tDom'] is not None} "
                f"input={r['inputEvent']} frames recv/sent={r['recvFrames']}/{r['sentFrames']}"
            )
        return sample

    def slider_step(self, app: AppSpec) -> dict[str, Any]:
        info = self.page.evaluate(FOCUS_SLIDER_JS)
        if info is None:
            raise AppUnsupported("no slider thumb ([role=slider] or input[type=range]) on the page")
        value = info["value"]
        if value >= info["max"]:
            self.direction = -1
        elif value <= info["min"]:
            self.direction = 1
        key = "ArrowRight" if self.direction > 0 else "ArrowLeft"
        expected = app.slider_text.format(int(value) + self.direction)
        sample = self._measure(expected, lambda: self.page.keyboard.press(key))
        sample["key"] = key
        return sample

    def button_step(self, app: AppSpec) -> dict[str, Any]:
        spec = app.button
        assert spec is not None
        reset = None
        if spec.reset_with_slider:
            reset = self.slider_step(app)
            self.direction = -self.direction  # oscillate around the start value
        if "{}" in spec.expected:
            expected = spec.expected.format(self.clicks + 1)
        else:
            expected = spec.expected
        if self.page.evaluate("t => __bench.present(t)", expected):
            raise RuntimeError(f"{expected!r} is already on the page before the click")
        button = self.page.locator('[data-testid="stButton"] button', has_text=spec.label).first
        sample = self._measure(expected, lambda: button.click())
        if sample["ok"]:
            self.clicks += 1
        if reset is not None:
            sample["reset"] = {k: reset[k] for k in ("ok", "latency_ms", "recv_bytes")}
            sample["ok"] = sample["ok"] and reset["ok"]
        return sample
