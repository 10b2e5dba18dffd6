"""What the results were measured with: options, machine, package versions, git revision."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from .paths import REPO_DIR
from .targets import console_script


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
    for pkg in ("streamlit", "fastlit", "playwright", "uvicorn", "uvloop"):
        try:
            meta[f"{pkg}_version"] = version(pkg)
        except PackageNotFoundError:
            meta[f"{pkg}_version"] = None
    try:
        rev = subprocess.run(
            ["git", "-C", str(REPO_DIR), "rev-parse", "--short", "HEAD"],
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
                [*console_script("fastlit", "fastlit"), "plugins", "list", "--json"],
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
