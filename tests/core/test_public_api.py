"""The public plugin API is pinned: a change to it is deliberate, and shows up here."""

from __future__ import annotations

import fastlit_core.plugin as plugin

EXPECTED = {
    "BlockNode", "Component", "Container", "Element", "ElementList", "ElementNode",
    "ElementPlugin", "FastlitUnsupportedWarning", "StreamlitAPIException",
    "StreamlitAPIWarning", "StreamlitInvalidHeightError", "StreamlitInvalidParameterTypeError",
    "StreamlitInvalidWidthError", "StreamlitValueError", "WidgetNode", "hookimpl",
    "omit_defaults", "validate_choice", "validate_height", "validate_width", "cursor",
    # multipage apps: the navigation menu hook's argument, page links, Streamlit's icons
    "MenuPage", "NavigationMenu", "PageTarget", "resolve_page", "validate_icon",
    "split_leading_emoji",
    # forms: Streamlit's errors for callbacks and layouts forms do not allow
    "StreamlitInvalidFormCallbackError", "StreamlitInvalidLayoutContextError",
    # dialogs: a fragment drawn in a modal, refused in a parallel fragment's first run
    "fragment", "check_not_parallel_worker",
}  # fmt: skip


def test_plugin_api_exports_exactly_these_names():
    assert set(plugin.__all__) == EXPECTED
    assert all(hasattr(plugin, name) for name in plugin.__all__)


def test_container_methods_plugins_rely_on():
    for name in ("add", "widget", "unsupported", "error_box", "redact", "root_container",
                 "is_block", "dev", "run_number", "session_state", "id", "static_url",
                 "form_id", "ancestor_types", "run_memo", "add_transient"):  # fmt: skip
        assert hasattr(plugin.Container, name), name


def test_python_and_typescript_agree_on_the_sdk_version():
    import re
    from pathlib import Path

    import fastlit_core

    sdk = (Path(__file__).resolve().parents[2] / "frontend" / "sdk" / "index.ts").read_text()
    match = re.search(r'export const SDK_VERSION = "([^"]+)"', sdk)
    assert match and match.group(1) == fastlit_core.SDK_VERSION
