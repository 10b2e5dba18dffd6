"""The pages/ folder: Streamlit's classic multipage app, with the entry script as home."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .filenames import page_sort_key
from .page import StreamlitPage
from .selection import select_page

if TYPE_CHECKING:
    from ..context import RunContext
    from ..runner import Script


def run_app(ctx: RunContext, script: Script, run_entry: Callable[[], None]) -> None:
    """Run the entry script; with a pages/ folder beside it (and no st.navigation anywhere
    in the app), as Streamlit's classic multipage app: the entry script is the home page."""
    folder = script.path.parent / "pages"
    if ctx.session.app.uses_navigation or not folder.is_dir():
        run_entry()
        return
    files = sorted(
        (p for p in folder.glob("*.py") if not p.name.startswith(".") and p.name != "__init__.py"),
        key=page_sort_key,
    )
    home = StreamlitPage(script.path.resolve(), default=True)
    home._entry = run_entry
    pages = [home, *(StreamlitPage(p.resolve()) for p in files)]
    select_page(pages, position="sidebar", expanded=False).run()
