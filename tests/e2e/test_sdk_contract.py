"""The versioned SDK contract in Chromium: a bundle built for another SDK major is refused,
with a clear message in place of its element; the rest of the page keeps working."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import expect

from fastlit_core import SDK_VERSION

MAJOR = int(SDK_VERSION.split(".")[0])


def _install_plugins(site: Path) -> Path:
    """Two plain-JS component plugins: one built for this SDK major, one for the next."""
    site.mkdir(parents=True)
    plugins = {
        "current_plugin": ("current", SDK_VERSION),
        "future_plugin": ("future", f"{MAJOR + 1}.0.0"),
    }
    for module, (element, version) in plugins.items():
        static = site / f"{module}_static"
        static.mkdir()
        (static / f"{element}.js").write_text(
            'import { jsx } from "react/jsx-runtime";\n'
            'import { testId } from "@fastlit/component-sdk";\n'
            "export default function Element({ props }) {\n"
            f'  return jsx("p", {{ ...testId("{element}"), children: props.text }});\n'
            "}\n"
            f'export const sdkVersion = "{version}";\n'
        )
        (site / f"{module}.py").write_text(
            "from pathlib import Path\n"
            "from fastlit_core.plugin import Component, Element, ElementPlugin\n"
            f"def {element}(container, text):\n"
            f"    return container.add('{element}', {{'text': text}})\n"
            f"plugin = ElementPlugin([Element('{element}', {element})],\n"
            f"    [Component('{element}', Path(__file__).parent / '{module}_static', "
            f"'{element}.js')])\n"
        )
        info = site / f"{module}-0.1.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {module}\nVersion: 0.1\n")
        (info / "entry_points.txt").write_text(f"[fastlit.elements]\n{element} = {module}:plugin\n")
    return site


def test_a_bundle_built_for_another_sdk_major_is_refused_with_a_clear_message(
    serve, page, tmp_path
):
    site = _install_plugins(tmp_path / "site")
    server = serve(
        """
        import fastlit as st
        st.title("Contract")
        st.current("built for this SDK")
        st.future("built for the next SDK")
        if st.button("Still works"):
            st.markdown("the button still works")
        """,
        env={"PYTHONPATH": str(site)},
    )
    page.goto(server.url)
    expect(page.get_by_test_id("stHeading")).to_contain_text("Contract")
    expect(page.get_by_test_id("current")).to_have_text("built for this SDK")
    refused = page.get_by_test_id("fl-error")
    expect(refused).to_have_count(1)
    expect(refused).to_contain_text("future")
    expect(refused).to_contain_text(f"component SDK {MAJOR + 1}.0.0")
    expect(refused).to_contain_text(f"this page provides {SDK_VERSION}")
    expect(page.get_by_test_id("future")).to_have_count(0)
    page.get_by_role("button", name="Still works").click()
    expect(page.get_by_text("the button still works")).to_be_visible()


def test_built_in_bundles_declare_the_sdk_version_they_were_built_for(serve, page):
    server = serve("import fastlit as st\nst.title('Versions')\n")
    page.goto(server.url)
    expect(page.get_by_test_id("stHeading")).to_contain_text("Versions")
    components = page.evaluate("window.__fastlit.connection.components")
    version = page.evaluate("async (url) => (await import(url)).sdkVersion", components["title"])
    assert version == SDK_VERSION
