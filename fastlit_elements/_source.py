"""Finding the user's own line of code behind an st.* call (for st.echo and st.help)."""

from __future__ import annotations

import inspect
import linecache
from pathlib import Path
from types import FrameType

_OURS = tuple(
    str(Path(p).resolve()) for p in (Path(__file__).parents[1] / "fastlit_elements",
                                     Path(__file__).parents[1] / "fastlit_core",
                                     Path(__file__).parents[1] / "fastlit")
)  # fmt: skip


def caller_frame() -> FrameType | None:
    """The first frame outside Fastlit: the script line that called st.*."""
    frame = inspect.currentframe()
    while frame is not None:
        filename = str(Path(frame.f_code.co_filename).resolve())
        if not filename.startswith(_OURS) and "contextlib" not in filename:
            return frame
        frame = frame.f_back
    return None


def block_after(filename: str, lineno: int) -> str:
    """The indented block under line `lineno` (a `with` statement), dedented."""
    lines = linecache.getlines(filename)
    if not 0 < lineno <= len(lines):
        return ""
    header = lines[lineno - 1]
    indent = len(header) - len(header.lstrip())
    block: list[str] = []
    for line in lines[lineno:]:
        if line.strip() and len(line) - len(line.lstrip()) <= indent:
            break
        block.append(line.rstrip("\n"))
    while block and not block[-1].strip():
        block.pop()
    width = min((len(b) - len(b.lstrip()) for b in block if b.strip()), default=0)
    return "\n".join(b[width:] for b in block)


def call_argument(filename: str, lineno: int, function: str) -> str | None:
    """The source text of the first argument of `function(...)` on that line, if simple."""
    line = linecache.getline(filename, lineno)
    start = line.find(f"{function}(")
    if start < 0:
        return None
    depth, begin = 0, start + len(function) + 1
    for i in range(begin, len(line)):
        char = line[i]
        if char in "([{":
            depth += 1
        elif char in ")]}":
            if depth == 0:
                return line[begin:i].strip() or None
            depth -= 1
        elif char == "," and depth == 0:
            return line[begin:i].strip() or None
    return None
