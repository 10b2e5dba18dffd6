"""The SDK's npm package folder that fastlit carries for third-party element builds."""

from __future__ import annotations

import json
from pathlib import Path

import fastlit_core
from fastlit_core.sdk import package_dir

ROOT = Path(__file__).resolve().parents[2]


def test_the_package_folder_is_the_sdk_at_the_kernels_version():
    folder = package_dir()
    assert folder == ROOT / "fastlit_core" / "sdk_package"
    meta = json.loads((folder / "package.json").read_text())
    assert meta["name"] == "@fastlit/component-sdk"
    assert meta["version"] == fastlit_core.SDK_VERSION
    assert meta["exports"]["."] == {"types": "./index.d.ts", "default": "./index.js"}
    assert meta["exports"]["./vite"] == {"types": "./vite.d.ts", "default": "./vite.js"}
    for file in ("index.js", "index.d.ts", "vite.js", "vite.d.ts"):
        assert (folder / file).is_file(), file
    types = (folder / "index.d.ts").read_text()
    assert "export interface ElementProps<P" in types
    assert "export declare function useWidgetValue<T>" in types
    assert "export declare function fastlitComponent(" in (folder / "vite.d.ts").read_text()


def test_the_source_package_json_agrees_with_sdk_version():
    meta = json.loads((ROOT / "frontend" / "sdk" / "package.json").read_text())
    assert meta["version"] == fastlit_core.SDK_VERSION


def test_built_in_bundles_carry_the_sdk_version_in_their_manifest_and_modules():
    for package in ("fastlit_elements", "fastlit_charts"):
        static = ROOT / package / "static"
        manifest = json.loads((static / "manifest.json").read_text())
        assert manifest["sdkVersion"] == fastlit_core.SDK_VERSION
        assert manifest["components"]
        for component in manifest["components"]:
            code = (static / component).read_text()
            assert " as sdkVersion" in code or "export const sdkVersion" in code, component
