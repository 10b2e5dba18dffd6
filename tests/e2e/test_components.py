"""Custom components in a real browser: a Streamlit-style component speaking the message
protocol of streamlit-component-lib by hand, components.v1.html, and a v2 round trip."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

# A component as `streamlit-component-lib` would drive it, written out by hand: ready on load,
# show the args of each render, on click send a value and a new frame height.
COMPONENT_HTML = """<!doctype html>
<html><body style="margin: 0">
<div id="args">no render yet</div>
<div id="theme"></div>
<button id="send">Send</button>
<script>
  function send(type, data) {
    window.parent.postMessage(Object.assign({ isStreamlitMessage: true, type: type }, data), "*");
  }
  var clicks = 0;
  var args = {};
  window.addEventListener("message", function (event) {
    if (!event.data || event.data.type !== "streamlit:render") return;
    args = event.data.args;
    document.getElementById("args").textContent =
      "label=" + args.label + " start=" + args.start + " run=" + args.run +
      " bytes=" + Array.from(args.blob).join(",") + " dfs=" + event.data.dfs.length +
      " disabled=" + event.data.disabled;
    document.getElementById("theme").textContent = "primary=" + event.data.theme.primaryColor;
    send("streamlit:setFrameHeight", { height: 120 + clicks * 50 });
  });
  document.getElementById("send").addEventListener("click", function () {
    clicks += 1;
    var value = { clicks: clicks, label: args.label };
    send("streamlit:setComponentValue", { value: value, dataType: "json" });
    send("streamlit:setFrameHeight", { height: 120 + clicks * 50 });
  });
  send("streamlit:componentReady", { apiVersion: 1 });
</script>
</body></html>
"""

# A same-origin html() frame and the page itself try to forge the component's value: both
# must be ignored (only the component's own frame may speak for it).
V1_APP = """
import fastlit as st
import fastlit.components.v1 as components

st.session_state.setdefault("runs", 0)
st.session_state.runs += 1
counter = components.declare_component("counter", path={folder!r})
components.html(
    "<script>window.parent.postMessage({{isStreamlitMessage: true, "
    "type: 'streamlit:setComponentValue', value: 'forged', dataType: 'json'}}, '*')</script>",
    height=10,
)
left, right = st.columns(2)
with right:
    value = counter(
        label="Clicks", start=3, run=st.session_state.runs, blob=b"\\x01\\x02", key="counter",
        default="none yet",
    )
st.markdown(f"value={{value}}")
"""


def test_streamlit_style_component_round_trip(serve: Any, page: Any, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    folder = tmp_path / "counter_frontend"
    folder.mkdir()
    (folder / "index.html").write_text(COMPONENT_HTML)
    server = serve(V1_APP.format(folder=str(folder)))
    page.goto(server.url)

    host = page.get_by_test_id("stColumn").nth(1).get_by_test_id("stCustomComponentV1")
    expect(host).to_have_count(1)  # drawn inside `with right:`
    frame = page.frame_locator('[data-testid="stCustomComponentV1"]')
    expect(frame.locator("#args")).to_have_text(
        "label=Clicks start=3 run=1 bytes=1,2 dfs=0 disabled=false"
    )
    expect(frame.locator("#theme")).to_have_text("primary=#ff4b4b")
    expect(host).to_have_attribute("height", "120")  # setFrameHeight
    expect(host).to_have_attribute(
        "sandbox",
        "allow-forms allow-modals allow-popups "
        "allow-popups-to-escape-sandbox allow-same-origin "
        "allow-scripts allow-downloads",
    )
    expect(host).to_have_attribute("title", "app.counter")
    assert "streamlitUrl=" in (host.get_attribute("src") or "")
    expect(page.get_by_text("value=none yet")).to_be_visible()

    # The page posting to itself is not the component's frame either.
    page.evaluate(
        "window.postMessage({isStreamlitMessage: true, type: 'streamlit:setComponentValue',"
        " value: 'forged', dataType: 'json'}, '*')"
    )
    frame.locator("#send").click()
    expect(page.get_by_text("value={'clicks': 1, 'label': 'Clicks'}")).to_be_visible()
    expect(frame.locator("#args")).to_contain_text("run=2")  # the rerun rendered new args
    expect(host).to_have_attribute("height", "170")

    frame.locator("#send").click()
    expect(page.get_by_text("value={'clicks': 2, 'label': 'Clicks'}")).to_be_visible()
    expect(host).to_have_attribute("height", "220")
    box = host.bounding_box()
    assert box is not None and round(box["height"]) == 220
    assert page.get_by_text("forged").count() == 0
    assert page.errors == []  # type: ignore[attr-defined]


HTML_APP = """
import fastlit as st
import fastlit.components.v1 as components

components.html(
    "<p id='hello'>Hello from html</p>"
    "<script>document.getElementById('hello').dataset.ran = 'yes'</script>",
    height=90,
)
st.markdown("after the frame")
"""


def test_html_renders_its_content_inside_a_sandboxed_iframe(serve: Any, page: Any) -> None:
    from playwright.sync_api import expect

    server = serve(HTML_APP)
    page.goto(server.url)
    frame_element = page.get_by_test_id("stIFrame")
    expect(frame_element).to_have_count(1)
    frame = page.frame_locator('[data-testid="stIFrame"]')
    expect(frame.locator("#hello")).to_have_text("Hello from html")
    expect(frame.locator("#hello")).to_have_attribute("data-ran", "yes")  # scripts run
    sandbox = frame_element.get_attribute("sandbox") or ""
    assert "allow-scripts" in sandbox.split() and "allow-same-origin" in sandbox.split()
    assert frame_element.get_attribute("srcdoc", timeout=1000) is not None
    box = frame_element.bounding_box()
    assert box is not None and round(box["height"]) == 90
    # The app page itself has no such element: the HTML lives only in the frame.
    assert page.locator("#hello").count() == 0
    expect(page.get_by_text("after the frame")).to_be_visible()
    assert page.errors == []  # type: ignore[attr-defined]


V2_APP = '''
import fastlit as st

JS = """
export default function ({ data, parentElement, setStateValue, setTriggerValue }) {
  const button = parentElement.querySelector("#inc");
  parentElement.querySelector("#label").textContent = "label=" + data.label;
  let count = data.count;
  button.onclick = () => {
    count += 1;
    setStateValue("count", count);
    setTriggerValue("clicked", count);
  };
}
"""

st.session_state.setdefault("log", [])
counter = st.components.v2.component(
    "counter",
    html="<button id='inc'>+1</button> <span id='label'></span>",
    css="#inc { color: rgb(1, 2, 3); }",
    js=JS,
)
result = counter(
    key="c",
    data={"label": "Counter", "count": st.session_state.get("c", {}).get("count", 0)},
    default={"count": 0},
    on_count_change=lambda: st.session_state.log.append("count"),
    on_clicked_change=lambda: st.session_state.log.append("clicked"),
)
st.markdown(f"count={result.count} clicked={result.clicked} log={','.join(st.session_state.log)}")
st.button("Rerun")
'''


def test_v2_component_state_and_trigger_round_trip(serve: Any, page: Any) -> None:
    from playwright.sync_api import expect

    server = serve(V2_APP)
    page.goto(server.url)
    mount = page.get_by_test_id("stBidiComponentIsolated")
    expect(mount).to_have_count(1)
    expect(mount.locator("#label")).to_have_text("label=Counter")  # through the shadow root
    expect(page.get_by_text("count=0 clicked=None log=")).to_be_visible()
    color = mount.locator("#inc").evaluate("el => getComputedStyle(el).color")
    assert color == "rgb(1, 2, 3)"
    # The component's CSS stays inside its shadow root.
    rerun = page.get_by_role("button", name="Rerun")
    assert rerun.evaluate("el => getComputedStyle(el).color") != "rgb(1, 2, 3)"

    mount.locator("#inc").click()
    expect(page.get_by_text("count=1 clicked=1 log=count,clicked")).to_be_visible()
    mount.locator("#inc").click()
    expect(page.get_by_text("count=2 clicked=2 log=count,clicked,count,clicked")).to_be_visible()
    rerun.click()  # a trigger value lasts one run; state persists
    expect(page.get_by_text("count=2 clicked=None log=count,clicked,count,clicked")).to_be_visible()
    assert page.errors == []  # type: ignore[attr-defined]


# --- the real streamlit-component-lib (optional: needs npm and the registry) --------------------

LIB_INDEX = """<!doctype html>
<html><body style="margin: 0">
<div id="args">waiting</div>
<button id="send">Send</button>
<script type="module" src="./main.js"></script>
</body></html>
"""

LIB_MAIN = """
import { Streamlit } from "streamlit-component-lib";
Streamlit.events.addEventListener(Streamlit.RENDER_EVENT, (event) => {
  const { args, theme } = event.detail;
  document.getElementById("args").textContent =
    `name=${args.name} n=${args.n} primary=${theme.primaryColor}`;
  Streamlit.setFrameHeight(77);
});
document.getElementById("send").onclick = () => Streamlit.setComponentValue({ picked: "lib" });
Streamlit.setComponentReady();
"""

FRONTEND = Path(__file__).resolve().parents[2] / "frontend"


@pytest.fixture(scope="module")
def lib_component(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A component built the usual way: streamlit-component-lib from npm, bundled by Vite."""
    import shutil
    import subprocess

    npm = shutil.which("npm")
    vite = FRONTEND / "node_modules" / "vite" / "dist" / "node" / "index.js"
    if npm is None or not vite.exists():
        pytest.skip("needs npm and the frontend's node_modules")
    root = tmp_path_factory.mktemp("component_lib")
    (root / "package.json").write_text('{"name": "lib-component", "private": true}')
    install = subprocess.run(
        [npm, "install", "--no-audit", "--no-fund", "streamlit-component-lib@2"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if install.returncode != 0:
        pytest.skip(f"npm install streamlit-component-lib failed: {install.stderr[-500:]}")
    (root / "src").mkdir()
    (root / "src" / "index.html").write_text(LIB_INDEX)
    (root / "src" / "main.js").write_text(LIB_MAIN)
    script = (
        f"import {{ build }} from {str(vite)!r};\n"
        f"await build({{ configFile: false, root: {str(root / 'src')!r}, base: './', "
        f"logLevel: 'warn', build: {{ outDir: {str(root / 'build')!r}, emptyOutDir: true }} }});\n"
    )
    (root / "build.mjs").write_text(script)
    subprocess.run(["node", "build.mjs"], cwd=root, check=True, timeout=300)
    return root / "build"


LIB_APP = """
import fastlit as st
import fastlit.components.v1 as components

picker = components.declare_component("picker", path={folder!r})
value = picker(name="Ada", n=3, key="picker", default="nothing")
st.markdown(f"value={{value}}")
"""


@pytest.mark.slow
def test_a_component_built_with_streamlit_component_lib(
    serve: Any, page: Any, lib_component: Path
) -> None:
    from playwright.sync_api import expect

    server = serve(LIB_APP.format(folder=str(lib_component)))
    page.goto(server.url)
    frame = page.frame_locator('[data-testid="stCustomComponentV1"]')
    expect(frame.locator("#args")).to_have_text("name=Ada n=3 primary=#ff4b4b")
    expect(page.get_by_test_id("stCustomComponentV1")).to_have_attribute("height", "77")
    expect(page.get_by_text("value=nothing")).to_be_visible()
    frame.locator("#send").click()
    expect(page.get_by_text("value={'picked': 'lib'}")).to_be_visible()
    assert page.errors == []  # type: ignore[attr-defined]
