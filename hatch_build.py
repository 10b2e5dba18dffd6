"""Hatch build hook: build the frontend bundles from source into the packages."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

BUNDLE_DIRS = ("fastlit_core/static", "fastlit_elements/static", "fastlit_charts/static")
BUILT_MARKERS = [f"{d}/manifest.json" for d in BUNDLE_DIRS] + [
    "fastlit_core/sdk_package/package.json"
]


class FrontendBuildHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return
        root = Path(self.root)
        frontend = root / "frontend"
        if os.environ.get("FASTLIT_SKIP_FRONTEND") and all(
            (root / marker).exists() for marker in BUILT_MARKERS
        ):
            return
        npm = shutil.which("npm")
        if npm is None:
            raise RuntimeError(
                "Building fastlit from source needs Node.js and npm to build its frontend; "
                "install them, or install a prebuilt wheel instead."
            )
        if not (frontend / "node_modules" / ".package-lock.json").exists():
            subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=frontend, check=True)
        subprocess.run([npm, "run", "build"], cwd=frontend, check=True)
