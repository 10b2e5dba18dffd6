"""Layering: the kernel never imports plugins; plugins import only the public plugin API."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PLUGIN_PACKAGES = ("fastlit_elements", "fastlit_charts")
PUBLIC_API = "fastlit_core.plugin"


def imports(package: str) -> list[tuple[Path, str]]:
    found = []
    for path in (ROOT / package).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                found += [(path, alias.name) for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.append((path, node.module))
    return found


def test_kernel_never_imports_plugins_or_the_facade():
    bad = [
        (p.name, m)
        for p, m in imports("fastlit_core")
        if m.split(".")[0] in (*PLUGIN_PACKAGES, "fastlit")
    ]
    assert bad == []


def test_plugins_import_only_the_public_plugin_api():
    for package in PLUGIN_PACKAGES:
        bad = [
            (str(p.relative_to(ROOT)), m)
            for p, m in imports(package)
            if m.startswith("fastlit")
            and m.split(".")[0] not in PLUGIN_PACKAGES
            and m != PUBLIC_API
        ]
        assert bad == [], f"{package} reaches past {PUBLIC_API}: {bad}"


def test_kernel_source_names_no_element():
    element_names = ("slider", "text_input", "checkbox", "line_chart", "balloons", "sidebar")
    for path in (ROOT / "fastlit_core").rglob("*.py"):
        code = [
            line
            for line in path.read_text().splitlines()
            if not line.strip().startswith(("#", '"""')) and '"""' not in line
        ]
        for name in element_names:
            # st.navigation(position="sidebar") names where the menu goes, not an element
            lines = [c for c in code if not (name == "sidebar" and "position" in c)]
            assert not any(f'"{name}"' in line for line in lines), (path.name, name)
