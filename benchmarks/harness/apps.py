"""The benchmark apps and what to look for on their pages."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .paths import APPS_DIR


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
