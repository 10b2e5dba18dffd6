"""Stub text laid out as ruff format lays it out: quotes, `def`s and `__all__`."""

from __future__ import annotations

LINE_LENGTH = 100  # pyproject's ruff line-length: the committed stub passes `ruff format`
INDENT = "    "


def quoted(text: str) -> str:
    """repr() with ruff format's preference for double quotes."""
    literal = repr(text)
    if literal.startswith("'") and '"' not in text:
        literal = '"' + literal[1:-1].replace("\\'", "'") + '"'
    return literal


def stub_def(name: str, params: list[str], result: str) -> list[str]:
    """A stub `def` laid out as ruff format lays it out."""
    one_line = f"def {name}({', '.join(params)}) -> {result}: ..."
    if len(one_line) <= LINE_LENGTH:
        return [one_line]
    hugged = INDENT + ", ".join(params)
    if len(hugged) <= LINE_LENGTH:
        return [f"def {name}(", hugged, f") -> {result}: ..."]
    lines = [line for p in params for line in _parameter_lines(p)]
    return [f"def {name}(", *lines, f") -> {result}: ..."]


def _parameter_lines(param: str) -> list[str]:
    """One parameter per line; one too long for it splits its union at the top level, one
    member per line, as ruff format does."""
    line = f"{INDENT}{param},"
    if len(line) <= LINE_LENGTH or ": " not in param:
        return [line]
    head, _, annotation = param.partition(": ")
    members, depth, start = [], 0, 0
    for i, char in enumerate(annotation):
        if char in "[(":
            depth += 1
        elif char in "])":
            depth -= 1
        elif depth == 0 and annotation.startswith(" | ", i):
            members.append(annotation[start:i])
            start = i + 3
    members.append(annotation[start:])
    if len(members) == 1:
        return [line]
    first, *rest = members
    return [
        f"{INDENT}{head}: {first}",
        *(f"{INDENT}| {m}" for m in rest[:-1]),
        f"{INDENT}| {rest[-1]},",
    ]


def dunder_all_lines(names: list[str]) -> list[str]:
    """`__all__` on one line, or one name per line when too long (as ruff format does)."""
    one_line = f"__all__ = [{', '.join(names)}]"
    if len(one_line) <= 100:
        return [one_line]
    return ["__all__ = [", *(f"    {name}," for name in names), "]"]
