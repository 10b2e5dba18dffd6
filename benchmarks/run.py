"""Fastlit vs Streamlit: interaction latency, websocket traffic, server CPU, page load.

    /tmp/venv/bin/python benchmarks/run.py                 # everything (~10 min)
    /tmp/venv/bin/python benchmarks/run.py --quick --targets streamlit   # smoke run

For every app and target: start the server on a free port, drive headless Chromium with
Playwright, measure, stop the server. Writes benchmarks/results/<timestamp>.json and prints
a markdown table with Fastlit/Streamlit ratios. See benchmarks/README.md for what each
number means and how it is measured.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import signal
import socket
import statistics
import subprocess
import sys
import time
import traceback
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
APPS_DIR = HERE / "apps"
RESULTS_DIR = HERE / "results"
INSTRUMENT_JS = (HERE / "instrument.js").read_text()
BIN = Path(sys.executable).parent

CHROMIUM = os.environ.get("FASTLIT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
CLK_TCK = os.sysconf("SC_CLK_TCK")


# --- targets -----------------------------------------------------------------------------------


def _console_script(name: str, module: str) -> list[str]:
    script = BIN / name
    return [str(script)] if script.exists() else [sys.executable, "-m", module]


STREAMLIT_FLAGS = [
    "--server.headless",
    "true",
    "--browser.gatherUsageStats",
    "false",
    "--server.fileWatcherType",
    "none",
]


@dataclass
class Target:
    name: str
    framework: str  # BENCH_FRAMEWORK for the app
    health: str

    def command(self, app: Path, port: int) -> list[str]:
        if self.name == "streamlit":
            return [
                *_console_script("streamlit", "streamlit"),
                "run",
                str(app),
                "--server.port",
                str(port),
                *STREAMLIT_FLAGS,
            ]
        if self.name == "streamlit-fixed":
            return [
                sys.executable,
                str(HERE / "streamlit_fixed.py"),
                "run",
                str(app),
                "--server.port",
                str(port),
                *STREAMLIT_FLAGS,
            ]
        if self.name == "fastlit":
            return [*_console_script("fastlit", "fastlit"), "run", str(app), "--port", str(port)]
        raise ValueError(self.name)


TARGETS = {
    "streamlit": Target("streamlit", "streamlit", "/_stcore/health"),
    "streamlit-fixed": Target("streamlit-fixed", "streamlit", "/_stcore/health"),
    "fastlit": Target("fastlit", "fastlit", "/_fl/health"),
}
BASELINES = ["streamlit", "streamlit-fixed"]


# --- apps --------------------------------------------------------------------------------------


@dataclass
class ButtonSpec:
    label: str
    expected: str  # text that appears after the click; "{}" = click count (a counter app)
    reset_with_slider: bool = False  # a slider rerun first, so the text is gone before a click


@dataclass
class AppSpec:
    name: str
    first_text: str  # the first app element: "time to first element"
    ready_text: str  # present once the first run is on screen
    slider_text: str | None = None  # the slider-dependent text, "{}" = slider value
    button: ButtonSpec | None = None
    description: str = ""

    @property
    def path(self) -> Path:
        return APPS_DIR / f"{self.name}.py"


APPS = {
    "quickstart": AppSpec(
        "quickstart",
        first_text="My First Fastlit App",
        ready_text="You selected: 50",
        slider_text="You selected: {}",
        button=ButtonSpec("Click me!", "Button clicked!", reset_with_slider=True),
        description="the Quick Start app",
    ),
    "page300": AppSpec(
        "page300",
        first_text="Section 1",
        ready_text="Slider value: 50",
        slider_text="Slider value: {}",
        description="slider + 300 elements, one depends on the slider",
    ),
    "clicks300": AppSpec(
        "clicks300",
        first_text="Section 1",
        ready_text="Clicks: 0",
        button=ButtonSpec("Next", "Clicks: {}"),
        description="button + 300 elements, one counts clicks (needs no slider)",
    ),
}
DEFAULT_APPS = ["quickstart", "page300"]


# --- server process ----------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _proc_stat(pid: int) -> list[str] | None:
    try:
        data = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return data[data.rindex(")") + 2 :].split()  # fields from 3 (state) on


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            fields = _proc_stat(int(entry.name))
            if fields:
                children.setdefault(int(fields[1]), []).append(int(entry.name))
    out, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def process_cpu_seconds(pid: int) -> float:
    """utime+stime (+ reaped children) of the process (all its threads) and its descendants."""
    ticks = 0
    for p in [pid, *_descendants(pid)]:
        fields = _proc_stat(p)
        if fields:
            ticks += sum(int(x) for x in fields[11:15])  # utime stime cutime cstime
    return ticks / CLK_TCK


def threads_cpu_seconds(pid: int) -> float:
    """Run time (ns resolution, from schedstat) of the live threads of the process and its
    descendants. Precise, but misses threads that exit in between: used for idle windows."""
    ns = 0
    for p in [pid, *_descendants(pid)]:
        try:
            tasks = list(Path(f"/proc/{p}/task").iterdir())
        except OSError:
            continue
        for task in tasks:
            try:
                ns += int((task / "schedstat").read_text().split()[0])
            except (OSError, ValueError, IndexError):
                pass
    return ns / 1e9


def process_rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


class Server:
    def __init__(self, target: Target, app: AppSpec, log_path: Path, patch_report: Path | None):
        self.target = target
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        self.patch_report = patch_report
        env = {**os.environ, "BENCH_FRAMEWORK": target.framework, "PYTHONUNBUFFERED": "1"}
        if patch_report is not None:
            env["BENCH_PATCH_REPORT"] = str(patch_report)
        self.command = target.command(app.path, self.port)
        self._log = log_path.open("w")
        t0 = time.perf_counter()
        self.process = subprocess.Popen(
            self.command,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=str(HERE),
            stdin=subprocess.DEVNULL,
        )
        self.pid = self.process.pid
        deadline = time.monotonic() + 60
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"{target.name} exited early:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(self.url + target.health, timeout=1) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"{target.name} did not become healthy:\n{self.log_tail()}")
            time.sleep(0.1)
        self.startup_seconds = time.perf_counter() - t0

    def alive(self) -> bool:
        return self.process.poll() is None

    def cpu(self) -> float:
        return process_cpu_seconds(self.pid)

    def log_tail(self, n: int = 30) -> str:
        self._log.flush()
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-n:])
        except OSError:
            return ""

    def read_patch_report(self) -> dict[str, Any] | None:
        if self.patch_report is None:
            return None
        time.sleep(0.35)  # the launcher rewrites the file every 0.25 s
        try:
            return json.loads(self.patch_report.read_text())
        except (OSError, ValueError):
            return None

    def stop(self) -> None:
        leftovers = _descendants(self.pid) if self.alive() else []
        if self.alive():
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        for pid in leftovers:  # only processes this server started
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        self._log.close()


# --- browser side ------------------------------------------------------------------------------


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


class AppUnsupported(Exception):
    pass


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

ERRORS_JS = """() => [...document.querySelectorAll(
  '[data-testid="fl-error"], [data-testid="stException"], [data-testid="stAlertContentError"]')]
  .map(e => e.textContent.trim().slice(0, 400))"""


def new_page(browser: Any, app: AppSpec) -> tuple[Any, Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    watch = json.dumps([app.first_text, app.ready_text])
    context.add_init_script(script=f"window.__benchWatch = {watch};\n{INSTRUMENT_JS}")
    page = context.new_page()
    return context, page


def load_page(page: Any, url: str, app: AppSpec, quiet_ms: int, timeout_ms: int) -> dict[str, Any]:
    t0 = time.perf_counter()
    page.goto(url, wait_until="commit")
    result = page.evaluate("([q, t]) => __bench.loaded(q, t)", [quiet_ms, timeout_ms])
    result["wall_ms"] = (time.perf_counter() - t0) * 1000
    if not result["ok"]:
        errors = page.evaluate(ERRORS_JS)
        body = page.evaluate("() => document.body ? document.body.innerText.slice(0, 300) : ''")
        raise AppUnsupported(
            f"page not ready after {timeout_ms} ms (missing {result['missing']}, "
            f"busy={result['busy']}); errors on page: {errors or '-'}; page text: {body!r}"
        )
    return result


def measure_loads(
    browser: Any, url: str, app: AppSpec, n: int, warmup: int, quiet_ms: int
) -> list[dict[str, Any]]:
    """Fresh context (empty cache, new session) per load; warm-up loads are not kept."""
    samples = []
    for i in range(warmup + n):
        context, page = new_page(browser, app)
        try:
            r = load_page(page, url, app, quiet_ms, 30000)
        finally:
            context.close()
        if i >= warmup:
            samples.append(
                {
                    "fcp_ms": r["fcp"],
                    "first_element_ms": r["marks"].get(app.first_text),
                    "ready_ms": r["marks"].get(app.ready_text),
                    "dom_content_loaded_ms": r["domContentLoaded"],
                    "transfer_kb": r["transferBytes"] / 1024,
                    "decoded_kb": r["decodedBytes"] / 1024,
                    "requests": r["resources"],
                    "ws_recv_bytes": r["wsRecvBytes"],
                    "ws_recv_frames": r["wsRecvFrames"],
                    "ws_extensions": r["extensions"],
                    "stuck_busy": r["stuckBusy"],
                }
            )
    return samples


@dataclass
class Interactor:
    page: Any
    counter: WsCounter
    quiet_ms: int
    timeout_ms: int = 15000
    direction: int = 1
    clicks: int = 0
    log: list[str] = field(default_factory=list)

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


def _diff(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None else a - b


def run_scenario(
    name: str, step: Any, server: Server, warmup: int, n: int, reruns_per_step: int
) -> dict[str, Any]:
    failures = 0
    for _ in range(warmup):
        s = step()
        if not s["ok"]:
            failures += 1
            if failures >= 3:
                raise RuntimeError(f"{name}: warm-up interactions fail: {s.get('failure')}")
    patch_before = server.read_patch_report()
    cpu0, t0 = server.cpu(), time.perf_counter()
    samples: list[dict[str, Any]] = []
    consecutive = 0
    for _ in range(n):
        s = step()
        samples.append(s)
        consecutive = 0 if s["ok"] else consecutive + 1
        if consecutive >= 3:
            raise RuntimeError(f"{name}: 3 interactions in a row failed: {s.get('failure')}")
        if not server.alive():
            raise RuntimeError(f"server died:\n{server.log_tail()}")
    cpu1, t1 = server.cpu(), time.perf_counter()
    patch_after = server.read_patch_report()
    reruns = n * reruns_per_step
    out = {
        "samples": samples,
        "interactions": n,
        "reruns": reruns,
        "cpu_seconds": cpu1 - cpu0,
        "cpu_ms_per_rerun": (cpu1 - cpu0) * 1000 / reruns,
        "cpu_resolution_ms": 1000 / CLK_TCK,
        "wall_seconds": t1 - t0,
    }
    if patch_before and patch_after:
        out["patch_delta"] = {
            "forced_gc_collect_calls_skipped": patch_after["gc"]["forced_collect_calls_skipped"]
            - patch_before["gc"]["forced_collect_calls_skipped"],
            "script_runs": patch_after["gc"]["script_runs"] - patch_before["gc"]["script_runs"],
            "automatic_gen2_collections": patch_after["gc"]["collections"]["2"]
            - patch_before["gc"]["collections"]["2"],
            "websocket_connections": patch_after["nodelay"]["connections"],
        }
    return out


def measure_one(
    pw: Any, target: Target, app: AppSpec, opts: argparse.Namespace, logs: Path, round_no: int
) -> dict[str, Any]:
    record: dict[str, Any] = {"target": target.name, "app": app.name, "round": round_no}
    log_path = logs / f"{app.name}-{target.name}-r{round_no}.log"
    patch_report = (
        logs / f"{app.name}-{target.name}-r{round_no}.patch.json"
        if target.name == "streamlit-fixed"
        else None
    )
    server = Server(target, app, log_path, patch_report)
    record.update(command=server.command, port=server.port, startup_seconds=server.startup_seconds)
    browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    record["browser_version"] = browser.version
    try:
        # Page loads, each in a fresh context.
        record["loads"] = measure_loads(
            browser, server.url, app, opts.loads, opts.warmup_loads, opts.quiet_ms
        )
        # Interactions, in one page.
        context, page = new_page(browser, app)
        try:
            counter = WsCounter(page)
            first = load_page(page, server.url, app, opts.quiet_ms, 30000)
            record["interactive_load_stuck_busy"] = first["stuckBusy"]
            cpu0, precise0 = server.cpu(), threads_cpu_seconds(server.pid)
            page.wait_for_timeout(opts.idle_seconds * 1000)
            record["idle_cpu_ms_per_s"] = (
                (threads_cpu_seconds(server.pid) - precise0) * 1000 / opts.idle_seconds
            )
            record["idle_cpu_ms_per_s_ticks"] = (server.cpu() - cpu0) * 1000 / opts.idle_seconds
            it = Interactor(page, counter, opts.quiet_ms)
            scenarios: dict[str, Any] = {}
            if app.slider_text:
                scenarios["slider"] = run_scenario(
                    "slider", lambda: it.slider_step(app), server, opts.warmup, opts.interactions, 1
                )
            if app.button:
                per_step = 2 if app.button.reset_with_slider else 1
                scenarios["button"] = run_scenario(
                    "button",
                    lambda: it.button_step(app),
                    server,
                    opts.warmup,
                    opts.button_interactions or opts.interactions,
                    per_step,
                )
            record["scenarios"] = scenarios
            record["websocket_urls"] = counter.sockets
        finally:
            context.close()
        record["server_rss_mb"] = process_rss_mb(server.pid)
        record["patch_report"] = server.read_patch_report()
    finally:
        browser.close()
        server.stop()
    return record


# --- summary -----------------------------------------------------------------------------------


def _values(samples: list[dict[str, Any]], key: str) -> list[float]:
    return [s[key] for s in samples if s.get("ok", True) and s.get(key) is not None]


def _stats(values: list[float]) -> dict[str, Any] | None:
    if not values:
        return None
    values = sorted(values)
    q = statistics.quantiles(values, n=4) if len(values) >= 2 else [values[0]] * 3
    return {
        "median": statistics.median(values),
        "p25": q[0],
        "p75": q[2],
        "min": values[0],
        "max": values[-1],
        "n": len(values),
    }


SAMPLE_METRICS = [
    "latency_ms",
    "latency_from_evaluate_ms",
    "next_frame_ms",
    "last_frame_ms",
    "client_send_ms",
    "server_first_reply_ms",
    "dom_after_send_ms",
    "recv_bytes",
    "recv_frames",
    "sent_bytes",
    "sent_frames",
    "total_bytes",
]
LOAD_METRICS = [
    "fcp_ms",
    "first_element_ms",
    "ready_ms",
    "dom_content_loaded_ms",
    "transfer_kb",
    "requests",
    "ws_recv_bytes",
    "ws_recv_frames",
]


def summarize(records: list[dict[str, Any]]) -> dict[str, Any]:
    """summary[app][target][metric] = stats over all rounds (samples pooled)."""
    summary: dict[str, Any] = {}
    for rec in records:
        if "error" in rec:
            continue
        entry = summary.setdefault(rec["app"], {}).setdefault(
            rec["target"], {"_samples": {}, "_cpu": {}, "_loads": [], "_idle": [], "_rss": []}
        )
        entry["_loads"].extend(rec["loads"])
        entry["_idle"].append(rec["idle_cpu_ms_per_s"])
        if rec.get("server_rss_mb"):
            entry["_rss"].append(rec["server_rss_mb"])
        for scen, data in rec["scenarios"].items():
            for s in data["samples"]:
                s["total_bytes"] = s["recv_bytes"] + s["sent_bytes"]
            entry["_samples"].setdefault(scen, []).extend(data["samples"])
            entry["_cpu"].setdefault(scen, []).append(data["cpu_ms_per_rerun"])
    for targets in summary.values():
        for target, entry in targets.items():
            out: dict[str, Any] = {}
            for scen, samples in entry.pop("_samples").items():
                for m in SAMPLE_METRICS:
                    out[f"{scen}.{m}"] = _stats(_values(samples, m))
                out[f"{scen}.failures"] = sum(1 for s in samples if not s["ok"])
                out[f"{scen}.stray_frames"] = sum(s["stray_frames_before"] for s in samples)
            for scen, cpus in entry.pop("_cpu").items():
                out[f"{scen}.cpu_ms_per_rerun"] = _stats(cpus)
            loads = entry.pop("_loads")
            for m in LOAD_METRICS:
                out[f"load.{m}"] = _stats(_values(loads, m))
            out["idle_cpu_ms_per_s"] = _stats(entry.pop("_idle"))
            out["server_rss_mb"] = _stats(entry.pop("_rss"))
            targets[target] = out
    return summary


def _median(summary: dict[str, Any], app: str, target: str, metric: str) -> float | None:
    stats = summary.get(app, {}).get(target, {}).get(metric)
    return stats["median"] if isinstance(stats, dict) else None


def _ratio(a: float | None, b: float | None) -> float | None:
    if a is None or b is None or b == 0:
        return None
    return a / b


TABLE_ROWS = [
    ("slider.latency_ms", "slider: key → new text in DOM (ms)", 1),
    ("slider.next_frame_ms", "slider: key → next animation frame (ms)", 1),
    ("slider.last_frame_ms", "slider: key → last websocket frame (ms)", 1),
    ("slider.client_send_ms", "slider: key → first frame sent (ms)", 1),
    ("slider.server_first_reply_ms", "slider: frame sent → first reply (ms)", 1),
    ("slider.dom_after_send_ms", "slider: frame sent → new text in DOM (ms)", 1),
    ("slider.recv_bytes", "slider: server→client bytes", 0),
    ("slider.recv_frames", "slider: server→client frames", 0),
    ("slider.sent_bytes", "slider: client→server bytes", 0),
    ("slider.sent_frames", "slider: client→server frames", 0),
    ("slider.total_bytes", "slider: bytes, both directions", 0),
    ("slider.cpu_ms_per_rerun", "slider: server CPU per rerun (ms)", 1),
    ("button.latency_ms", "button: click → text in DOM (ms)", 1),
    ("button.last_frame_ms", "button: click → last websocket frame (ms)", 1),
    ("button.client_send_ms", "button: click → first frame sent (ms)", 1),
    ("button.server_first_reply_ms", "button: frame sent → first reply (ms)", 1),
    ("button.recv_bytes", "button: server→client bytes", 0),
    ("button.recv_frames", "button: server→client frames", 0),
    ("button.sent_bytes", "button: client→server bytes", 0),
    ("button.sent_frames", "button: client→server frames", 0),
    ("button.cpu_ms_per_rerun", "button: server CPU per rerun (ms)", 1),
    ("load.fcp_ms", "load: first contentful paint (ms)", 0),
    ("load.first_element_ms", "load: first app element in DOM (ms)", 0),
    ("load.ready_ms", "load: first run on screen (ms)", 0),
    ("load.transfer_kb", "load: HTTP transfer (KB)", 0),
    ("load.requests", "load: HTTP requests", 0),
    ("load.ws_recv_bytes", "load: websocket bytes received", 0),
    ("idle_cpu_ms_per_s", "idle server CPU, one open page (ms per s)", 2),
    ("server_rss_mb", "server RSS after the run (MB)", 0),
]

CHECKS = [  # on page300, against both baselines
    ("slider.total_bytes", "bytes per interaction", 0.05),
    ("slider.latency_ms", "interaction latency", 0.5),
]


def ratios_and_checks(summary: dict[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    ratios: dict[str, Any] = {}
    for app in summary:
        for metric, _, _ in TABLE_ROWS:
            for base in BASELINES:
                r = _ratio(
                    _median(summary, app, "fastlit", metric), _median(summary, app, base, metric)
                )
                if r is not None:
                    ratios.setdefault(app, {}).setdefault(f"fastlit/{base}", {})[metric] = r
    checks = []
    for metric, label, limit in CHECKS:
        for base in BASELINES:
            r = _ratio(
                _median(summary, "page300", "fastlit", metric),
                _median(summary, "page300", base, metric),
            )
            checks.append(
                {
                    "app": "page300",
                    "metric": metric,
                    "label": label,
                    "baseline": base,
                    "limit": limit,
                    "ratio": r,
                    "result": "N/A" if r is None else ("PASS" if r <= limit else "FAIL"),
                }
            )
    return ratios, checks


def _fmt(v: float | None, digits: int) -> str:
    if v is None:
        return "-"
    return f"{v:,.{digits}f}"


def _fmt_ratio(v: float | None) -> str:
    if v is None:
        return "-"
    return f"{v:.3f}" if v < 0.1 else f"{v:.2f}"


def anomalies(records: list[dict[str, Any]]) -> list[str]:
    """Things that look wrong, with the evidence, for a human to follow up."""
    out = []
    for rec in records:
        if "error" in rec:
            continue
        where = f"{rec['app']} on {rec['target']} (round {rec['round']})"
        stuck = [ld["stuck_busy"] for ld in rec["loads"] if ld.get("stuck_busy")]
        if rec.get("interactive_load_stuck_busy"):
            stuck.append(rec["interactive_load_stuck_busy"])
        if stuck:
            out.append(
                f"{where}: after {len(stuck)} page load(s) the first run was on screen "
                f"and no frame came for 3 s, but the page still showed it as running "
                f"({stuck[0]})"
            )
        for scen, data in rec["scenarios"].items():
            samples = data["samples"]
            failed = [s for s in samples if not s["ok"]]
            if failed:
                out.append(
                    f"{where} {scen}: {len(failed)}/{len(samples)} interactions failed; "
                    f"first: {failed[0].get('failure')}"
                )
            stray = sum(s["stray_frames_before"] for s in samples)
            if stray:
                out.append(
                    f"{where} {scen}: {stray} websocket frame(s) arrived between "
                    f"interactions, after the page looked idle"
                )
            mismatch = [
                s
                for s in samples
                if s["recv_frames"] != s["page_recv_frames"]
                or s["sent_frames"] != s["page_sent_frames"]
            ]
            if mismatch:
                s = mismatch[0]
                out.append(
                    f"{where} {scen}: Playwright and the page counted different frames "
                    f"in {len(mismatch)} interaction(s) (e.g. recv {s['recv_frames']} vs "
                    f"{s['page_recv_frames']}, sent {s['sent_frames']} vs "
                    f"{s['page_sent_frames']})"
                )
            counts = sorted({(s["recv_frames"], s["sent_frames"]) for s in samples if s["ok"]})
            if len(counts) > 1:
                out.append(f"{where} {scen}: frames per interaction vary (recv, sent): {counts}")
    return out


def markdown_report(results: dict[str, Any]) -> str:
    summary, targets = results["summary"], results["meta"]["targets"]
    lines = []
    for app in results["meta"]["apps"]:
        if app not in summary:
            continue
        lines += [f"### {app}: {APPS[app].description}", ""]
        cols = [t for t in targets if t in summary[app]]
        ratio_cols = [b for b in BASELINES if b in cols and "fastlit" in cols]
        header = ["metric (median)", *cols, *[f"fastlit/{b}" for b in ratio_cols]]
        lines.append("| " + " | ".join(header) + " |")
        lines.append("|" + "|".join(["---", *["---:"] * (len(header) - 1)]) + "|")
        for metric, label, digits in TABLE_ROWS:
            values = [_median(summary, app, t, metric) for t in cols]
            if all(v is None for v in values):
                continue
            ratios = [
                _ratio(_median(summary, app, "fastlit", metric), _median(summary, app, b, metric))
                for b in ratio_cols
            ]
            lines.append(
                "| "
                + " | ".join(
                    [label, *[_fmt(v, digits) for v in values], *[_fmt_ratio(r) for r in ratios]]
                )
                + " |"
            )
        notes = []
        for t in cols:
            for scen in ("slider", "button"):
                entry = summary[app][t]
                n = (entry.get(f"{scen}.latency_ms") or {}).get("n")
                if n:
                    failed = entry.get(f"{scen}.failures", 0)
                    stray = entry.get(f"{scen}.stray_frames", 0)
                    notes.append(
                        f"{t} {scen}: n={n}, failed={failed}, "
                        f"stray frames between interactions={stray}"
                    )
        if notes:
            lines += ["", *[f"- {n}" for n in notes]]
        lines.append("")
    if results["checks"] and "fastlit" in targets:
        lines += ["### Targets (page300)", ""]
        for c in results["checks"]:
            lines.append(
                f"- {c['label']} fastlit/{c['baseline']} = {_fmt_ratio(c['ratio'])} "
                f"(target <= {c['limit']}): **{c['result']}**"
            )
        lines.append("")
    patch_lines = []
    for rec in results["runs"]:
        rep = rec.get("patch_report")
        if rec["target"] != "streamlit-fixed" or not rep:
            continue
        nd, gcr = rep["nodelay"], rep["gc"]
        if not nd["connections"]:
            nodelay = f"TCP_NODELAY: no websocket connection seen (patch: {nd['patched']})"
        elif all(nd["before"]) and all(nd["after"]):
            nodelay = (
                f"TCP_NODELAY already on before the patch on all {nd['connections']} "
                f"websocket sockets (event loop {nd.get('loop')}), so patch (a) changes "
                f"nothing here"
            )
        elif all(nd["after"]):
            nodelay = (
                f"TCP_NODELAY patch took effect: off before, on after on "
                f"{nd['before'].count(0)}/{nd['connections']} websocket sockets"
            )
        else:
            nodelay = f"TCP_NODELAY patch FAILED: after={nd['after']} errors={nd['errors']}"
        deltas = [
            f"{scen}: {d['patch_delta']['forced_gc_collect_calls_skipped']} skipped in "
            f"{d['patch_delta']['script_runs']} runs, "
            f"{d['patch_delta']['automatic_gen2_collections']} automatic gen-2 collection(s)"
            for scen, d in rec.get("scenarios", {}).items()
            if "patch_delta" in d
        ]
        gc_ok = (
            gcr["forced_collect_calls_skipped"] > 0
            and gcr["forced_collect_calls_skipped"] == gcr["script_runs"]
        )
        gc_text = (
            f"gc patch {'took effect' if gc_ok else 'UNVERIFIED'}: forced "
            f"gc.collect(2) skipped {gcr['forced_collect_calls_skipped']} times in "
            f"{gcr['script_runs']} script runs (measured phases: "
            f"{'; '.join(deltas) or '-'})"
        )
        patch_lines.append(f"- {rec['app']} r{rec['round']}: {nodelay}; {gc_text}")
    if patch_lines:
        lines += ["### streamlit-fixed patch checks", "", *patch_lines, ""]
    found = anomalies(results["runs"])
    if found:
        lines += ["### Anomalies", "", *[f"- {a}" for a in found], ""]
    errors = [r for r in results["runs"] if "error" in r]
    if errors:
        lines += ["### Not measured", ""]
        for r in errors:
            lines.append(f"- {r['app']} on {r['target']} (round {r['round']}): {r['error']}")
        lines.append("")
    return "\n".join(lines)


# --- main --------------------------------------------------------------------------------------


def _csv(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def metadata(opts: argparse.Namespace) -> dict[str, Any]:
    meta: dict[str, Any] = {
        "started": dt.datetime.now().isoformat(timespec="seconds"),
        "apps": opts.apps,
        "targets": opts.targets,
        "options": {k: v for k, v in vars(opts).items() if k not in ("apps", "targets")},
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "loadavg_start": os.getloadavg(),
    }
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                meta["cpu_model"] = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    from importlib.metadata import PackageNotFoundError, version

    for pkg in ("streamlit", "fastlit", "playwright", "uvicorn", "uvloop"):
        try:
            meta[f"{pkg}_version"] = version(pkg)
        except PackageNotFoundError:
            meta[f"{pkg}_version"] = None
    try:
        rev = subprocess.run(
            ["git", "-C", str(HERE.parent), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout.strip()
        meta["git_revision"] = rev or None
    except (OSError, subprocess.SubprocessError):
        meta["git_revision"] = None
    if "fastlit" in opts.targets:
        try:
            out = subprocess.run(
                [*_console_script("fastlit", "fastlit"), "plugins", "list", "--json"],
                capture_output=True,
                text=True,
                timeout=60,
            ).stdout
            meta["fastlit_plugins"] = {
                name: p["status"] for p in json.loads(out) for name in p["names"]
            }
        except (OSError, ValueError, subprocess.SubprocessError) as exc:
            meta["fastlit_plugins"] = f"unavailable: {exc!r}"
    return meta


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--apps",
        type=_csv,
        default=DEFAULT_APPS,
        help=f"comma-separated, of {', '.join(APPS)} (default: %(default)s)",
    )
    parser.add_argument(
        "--targets",
        type=_csv,
        default=list(TARGETS),
        help=f"comma-separated, of {', '.join(TARGETS)} (default: all)",
    )
    parser.add_argument(
        "--interactions",
        type=int,
        default=30,
        help="measured interactions per scenario and round (default: 30)",
    )
    parser.add_argument(
        "--button-interactions",
        type=int,
        default=None,
        help="measured button clicks (default: --interactions)",
    )
    parser.add_argument(
        "--warmup",
        type=int,
        default=5,
        help="unmeasured interactions before each scenario (default: 5)",
    )
    parser.add_argument("--loads", type=int, default=5, help="measured page loads (default: 5)")
    parser.add_argument("--warmup-loads", type=int, default=1, help="default: 1")
    parser.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="repeat everything, rotating the target order (default: 1)",
    )
    parser.add_argument(
        "--quiet-ms",
        type=int,
        default=200,
        help="no websocket frame for this long = idle (default: 200)",
    )
    parser.add_argument(
        "--idle-seconds",
        type=float,
        default=3.0,
        help="window for the idle-CPU measurement (default: 3)",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="smoke run: 5 interactions, 2 warm-up, 2 loads, 1 round",
    )
    parser.add_argument("--out", type=Path, default=None, help="results JSON path")
    opts = parser.parse_args(argv)
    if opts.quick:
        opts.interactions, opts.warmup, opts.loads, opts.warmup_loads = 5, 2, 2, 0
        opts.rounds, opts.idle_seconds = 1, 1.0
        opts.button_interactions = None
    for name in opts.apps:
        if name not in APPS:
            parser.error(f"unknown app {name!r}; choose from {', '.join(APPS)}")
    for name in opts.targets:
        if name not in TARGETS:
            parser.error(f"unknown target {name!r}; choose from {', '.join(TARGETS)}")

    from playwright.sync_api import sync_playwright

    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    RESULTS_DIR.mkdir(exist_ok=True)
    out = opts.out or RESULTS_DIR / f"{stamp}.json"
    logs = RESULTS_DIR / f"{stamp}-logs"
    logs.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {"meta": metadata(opts), "runs": []}
    started = time.perf_counter()
    with sync_playwright() as pw:
        for round_no in range(1, opts.rounds + 1):
            shift = (round_no - 1) % len(opts.targets)
            order = opts.targets[shift:] + opts.targets[:shift]
            for app_name in opts.apps:
                for target_name in order:
                    t0 = time.perf_counter()
                    print(
                        f"[bench] round {round_no}: {app_name} on {target_name} ...",
                        file=sys.stderr,
                        flush=True,
                    )
                    try:
                        rec = measure_one(
                            pw, TARGETS[target_name], APPS[app_name], opts, logs, round_no
                        )
                    except AppUnsupported as exc:
                        rec = {
                            "target": target_name,
                            "app": app_name,
                            "round": round_no,
                            "error": f"app does not run: {exc}",
                        }
                    except Exception as exc:  # keep going: other targets still get measured
                        rec = {
                            "target": target_name,
                            "app": app_name,
                            "round": round_no,
                            "error": f"{type(exc).__name__}: {exc}",
                            "traceback": traceback.format_exc(),
                        }
                    rec["seconds"] = time.perf_counter() - t0
                    results["runs"].append(rec)
                    status = "error: " + rec["error"][:300] if "error" in rec else "ok"
                    print(
                        f"[bench]   {status} ({rec['seconds']:.0f} s)", file=sys.stderr, flush=True
                    )
    results["meta"]["seconds"] = time.perf_counter() - started
    results["meta"]["loadavg_end"] = os.getloadavg()
    results["meta"]["logs"] = str(logs)
    results["summary"] = summarize(results["runs"])
    results["ratios"], results["checks"] = ratios_and_checks(results["summary"])
    report = markdown_report(results)
    results["markdown"] = report
    out.write_text(json.dumps(results, indent=1, default=str))
    print(report)
    print(f"results: {out}\nserver logs: {logs}\ntook {results['meta']['seconds']:.0f} s")
    return 0 if all("error" not in r for r in results["runs"]) else 1


if __name__ == "__main__":
    sys.exit(main())
