"""The servers under test: how each target is started, health-checked and stopped."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .apps import AppSpec
from .paths import BENCH_DIR, STREAMLIT_FIXED_PATH
from .procfs import descendants, process_cpu_seconds

BIN = Path(sys.executable).parent
STREAMLIT_FLAGS = [
    "--server.headless",
    "true",
    "--browser.gatherUsageStats",
    "false",
    "--server.fileWatcherType",
    "none",
]


def console_script(name: str, module: str) -> list[str]:
    script = BIN / name
    return [str(script)] if script.exists() else [sys.executable, "-m", module]


@dataclass
class Target:
    name: str
    framework: str  # BENCH_FRAMEWORK for the app
    health: str

    def command(self, app: Path, port: int) -> list[str]:
        if self.name == "streamlit":
            return [
                *console_script("streamlit", "streamlit"),
                "run",
                str(app),
                "--server.port",
                str(port),
                *STREAMLIT_FLAGS,
            ]
        if self.name == "streamlit-fixed":
            return [
                sys.executable,
                str(STREAMLIT_FIXED_PATH),
                "run",
                str(app),
                "--server.port",
                str(port),
                *STREAMLIT_FLAGS,
            ]
        if self.name == "fastlit":
            return [*console_script("fastlit", "fastlit"), "run", str(app), "--port", str(port)]
        raise ValueError(self.name)


TARGETS = {
    "streamlit": Target("streamlit", "streamlit", "/_stcore/health"),
    "streamlit-fixed": Target("streamlit-fixed", "streamlit", "/_stcore/health"),
    "fastlit": Target("fastlit", "fastlit", "/_fl/health"),
}
BASELINES = ["streamlit", "streamlit-fixed"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """One target serving one app on a free port; started (and healthy) on construction."""

    def __init__(self, target: Target, app: AppSpec, log_path: Path, patch_report: Path | None):
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
            cwd=str(BENCH_DIR),
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
        leftovers = descendants(self.pid) if self.alive() else []
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
