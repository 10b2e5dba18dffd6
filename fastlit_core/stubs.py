"""Type stubs for `import fastlit as st`: one typed signature per st.* element.

`st.<name>` is resolved at run time through the plugin registry, so editors and type
checkers see nothing unless `fastlit/__init__.pyi` spells it out. This module writes that
file from the element functions' own signatures (minus the leading `container`):

    python -m fastlit_core.stubs                    # the installed fastlit's __init__.pyi,
                                                    # with every installed element plugin
    python -m fastlit_core.stubs --builtins-only    # only fastlit's own (the committed stub)
    python -m fastlit_core.stubs --check            # exit 1 with a diff when it is stale
"""

from __future__ import annotations

import argparse
import ast
import builtins
import collections.abc
import difflib
import enum
import importlib.util
import inspect
import keyword
import logging
import math
import re
import sys
import types
import typing
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from importlib_metadata import entry_points

from . import __version__
from .caching import cache_data, cache_resource
from .client_context import ClientContext
from .elements import Element
from .facade import rerun, stop
from .fragments import fragment
from .lifecycle import LifecycleHook
from .options import get_option, set_option
from .page_config import set_page_config
from .pages import StreamlitPage, navigation, switch_page
from .query_params import QueryParams
from .registry import ENTRY_POINT_GROUP, BrokenElement, Registry
from .secrets import Secrets
from .state import SessionState
from .threads import run_in_thread, run_with_session_context

log = logging.getLogger("fastlit.stubs")

DISTRIBUTION = "fastlit"
"""The distribution whose element entry points make up the committed stub."""

COMMAND = "python -m fastlit_core.stubs"
LINE_LENGTH = 100  # pyproject's ruff line-length: the committed stub passes `ruff format`
INDENT = "    "

FACADE_EXPORTS: dict[str, object] = {
    "__version__": __version__,
    "Page": type[StreamlitPage],
    "cache_data": cache_data,
    "cache_resource": cache_resource,
    "context": ClientContext,
    "fragment": fragment,
    "get_option": get_option,
    "navigation": navigation,
    "on_shutdown": LifecycleHook,
    "on_startup": LifecycleHook,
    "query_params": QueryParams,
    "rerun": rerun,
    "run_in_thread": run_in_thread,
    "run_with_session_context": run_with_session_context,
    "secrets": Secrets,
    "session_state": SessionState,  # a proxy at run time; typed as the mapping it forwards to
    "set_option": set_option,
    "set_page_config": set_page_config,
    "stop": stop,
    "switch_page": switch_page,
}
"""What fastlit/__init__.py exports besides elements (its `__all__`), in that order.
A value that is a class stands for "an instance of it" (`type[X]` for the class itself);
functions keep their signature."""

# Import sections, as ruff's isort orders them in this repository.
_FIRST_PARTY = frozenset({"fastlit", "fastlit_core", "fastlit_elements", "fastlit_charts"})
_STDLIB = frozenset(sys.stdlib_module_names)


# --- imports -------------------------------------------------------------------------------


@dataclass
class _Imports:
    """The `from <module> import <name>` lines a stub needs, free of clashes with its names."""

    reserved: set[str]
    local: dict[str, tuple[str, str]] = field(default_factory=dict)  # local name -> source
    bare: set[str] = field(default_factory=set)  # builtins, named without an import

    def name(self, module: str, qualname: str) -> str:
        """The text naming `module.qualname` in the stub; records the import it needs."""
        head, _, rest = qualname.partition(".")
        if module == "builtins" and head not in self.reserved and head not in self.local:
            self.bare.add(head)
            return qualname
        local = head
        taken = local in self.reserved or local in self.bare
        if taken or self.local.get(local, (module, head)) != (module, head):
            local = f"_{module.replace('.', '_')}_{head}"
        self.local[local] = (module, head)
        return f"{local}.{rest}" if rest else local

    def lines(self) -> list[str]:
        sections: dict[int, dict[str, list[tuple[str, str]]]] = {}
        for local, (module, name) in self.local.items():
            top = module.split(".")[0]
            section = 0 if top in _STDLIB else 2 if top in _FIRST_PARTY else 1
            sections.setdefault(section, {}).setdefault(module, []).append((name, local))
        out: list[str] = []
        for section in sorted(sections):
            if out:
                out.append("")
            modules = sections[section]
            for module in sorted(modules, key=_isort_module_key):
                # One statement for the plain names, one per alias; ordered by first name.
                plain = sorted({n for n, local in modules[module] if n == local}, key=_member_key)
                statements = [(plain[0], "", plain)] if plain else []
                statements += [(n, local, [n]) for n, local in modules[module] if n != local]
                for first, alias, names in sorted(
                    statements, key=lambda s: (_member_key(s[0]), s[1])
                ):
                    if alias:
                        out.append(f"from {module} import {first} as {alias}")
                    else:
                        out.extend(_import_from(module, names))
        return out


def _isort_module_key(module: str) -> tuple[str, str]:
    return (module.lower(), module)


def _member_key(name: str) -> tuple[int, str, str]:
    """isort's order-by-type: CONSTANTS, then Classes, then everything else."""
    kind = 0 if name.isupper() and len(name) > 1 else 1 if name[:1].isupper() else 2
    return (kind, name.lower(), name)


def _import_from(module: str, names: list[str]) -> list[str]:
    line = f"from {module} import {', '.join(names)}"
    if len(line) <= LINE_LENGTH:
        return [line]
    return [f"from {module} import (", *(f"{INDENT}{n}," for n in names), ")"]


# --- rendering types -----------------------------------------------------------------------


class _Unresolved(Exception):
    """An annotation (or part of one) that cannot be named in the stub."""


@dataclass
class _Renderer:
    imports: _Imports
    problems: list[str] = field(default_factory=list)

    def type(self, tp: object) -> str:
        """A resolved annotation as stub text (parts that cannot be named become Any)."""
        try:
            return self._type(tp)
        except _Unresolved as exc:
            self.problems.append(str(exc))
            return self.any()

    def strict(self, tp: object) -> str:
        """Like `type`, but raises _Unresolved instead of falling back to Any."""
        return self._type(tp)

    def any(self) -> str:
        return self.imports.name("typing", "Any")

    def _type(self, tp: object) -> str:
        if tp is None or tp is types.NoneType:
            return "None"
        if tp is Ellipsis:
            return "..."
        if tp is Any:
            return self.any()
        if isinstance(tp, str | typing.ForwardRef):
            raise _Unresolved(f"unresolved forward reference {tp!r}")
        if isinstance(tp, typing.TypeVar | typing.ParamSpec | typing.TypeVarTuple):
            raise _Unresolved(f"type variable {tp!r} (stubs name no type variables)")
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        if origin is typing.Union or isinstance(tp, types.UnionType):
            return " | ".join(self._type(a) for a in args)
        if origin is typing.Literal:
            literal = self.imports.name("typing", "Literal")
            return f"{literal}[{', '.join(map(self._literal, args))}]"
        if origin is typing.Annotated:
            return self._type(args[0])
        if origin is collections.abc.Callable and args:
            params, result = args
            if isinstance(params, list):
                inner = f"[{', '.join(self._type(p) for p in params)}]"
            else:
                inner = "..."  # Callable[..., R] and Callable[P, R]
            return f"{self._named(origin)}[{inner}, {self._type(result)}]"
        if origin is not None:
            base = self._named(origin)
            if not args:  # `tuple[()]`, or a bare `typing.List`
                empty_tuple = origin is tuple and isinstance(tp, types.GenericAlias)
                return f"{base}[()]" if empty_tuple else base
            return f"{base}[{', '.join(self._type(a) for a in args)}]"
        return self._named(tp)

    def _named(self, obj: object) -> str:
        special = getattr(obj, "_name", None)
        if isinstance(obj, typing._SpecialForm) and isinstance(special, str):
            return self.imports.name("typing", special)  # NoReturn, Never, LiteralString...
        module = getattr(obj, "__module__", None)
        qualname = getattr(obj, "__qualname__", None)
        if not isinstance(module, str) or not isinstance(qualname, str) or "<" in qualname:
            raise _Unresolved(f"{obj!r} has no importable name")
        return self.imports.name(_public_module(module, qualname, obj), qualname)

    def _literal(self, value: object) -> str:
        if isinstance(value, enum.Enum):
            return f"{self._named(type(value))}.{value.name}"
        if isinstance(value, str):
            return _quoted(value)
        if value is None or isinstance(value, bool | int | bytes):
            return repr(value)
        raise _Unresolved(f"Literal value {value!r}")

    # --- annotations that did not evaluate: keep the string, naming what can be named ---

    def text(self, annotation: str, namespace: dict[str, Any]) -> str:
        try:
            expression = ast.parse(annotation.strip(), mode="eval").body
        except SyntaxError as exc:
            self.problems.append(f"annotation {annotation!r}: {exc}")
            return self.any()
        return self._node_or_any(expression, namespace)

    def _node_or_any(self, node: ast.expr, namespace: dict[str, Any]) -> str:
        try:
            return self._node(node, namespace)
        except _Unresolved as exc:
            self.problems.append(str(exc))
            return self.any()

    def _node(self, node: ast.expr, namespace: dict[str, Any]) -> str:
        if isinstance(node, ast.Name | ast.Attribute):
            dotted = ast.unparse(node)
            try:
                value = eval(dotted, namespace)  # a (dotted) name: no calls, no side effects
            except Exception as exc:
                raise _Unresolved(f"cannot resolve {dotted!r}") from exc
            return self._type(value)
        if isinstance(node, ast.Constant):
            if isinstance(node.value, str):  # a quoted forward reference inside the string
                return self.text(node.value, namespace)
            return self._type(node.value)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
            left = self._node_or_any(node.left, namespace)
            return f"{left} | {self._node_or_any(node.right, namespace)}"
        if isinstance(node, ast.List):
            return f"[{', '.join(self._node_or_any(e, namespace) for e in node.elts)}]"
        if isinstance(node, ast.Subscript):
            base = self._node(node.value, namespace)  # unresolved: the whole subscript is Any
            elements = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
            if base == self.imports.name("typing", "Literal"):
                literals = [e.value for e in elements if isinstance(e, ast.Constant)]
                if len(literals) != len(elements):
                    raise _Unresolved(f"Literal of non-constants {ast.unparse(node)!r}")
                return f"{base}[{', '.join(map(self._literal, literals))}]"
            return f"{base}[{', '.join(self._node_or_any(e, namespace) for e in elements)}]"
        raise _Unresolved(f"unsupported annotation syntax {ast.unparse(node)!r}")


def _public_module(module: str, qualname: str, obj: object) -> str:
    """`io` rather than `_io` for io.StringIO: the public module when it holds the same object."""
    if module.startswith("_") and not module.startswith("__"):
        public = sys.modules.get(module.lstrip("_"))
        if public is not None and getattr(public, qualname.split(".")[0], None) is obj:
            return public.__name__
    return module


def _quoted(text: str) -> str:
    """repr() with ruff format's preference for double quotes."""
    literal = repr(text)
    if literal.startswith("'") and '"' not in text:
        literal = '"' + literal[1:-1].replace("\\'", "'") + '"'
    return literal


def _default(value: object) -> str:
    """Simple literals keep their value; anything else is `...`."""
    if value is None or isinstance(value, bool):
        return repr(value)
    if isinstance(value, int):
        return repr(value)
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else "..."
    if isinstance(value, str):
        return _quoted(value)
    return "..."


# --- signatures ----------------------------------------------------------------------------


def _hints(function: Callable[..., Any], where: str, problems: list[str]) -> dict[str, Any]:
    try:
        return typing.get_type_hints(function)
    except Exception as exc:  # one unresolvable name: resolve the others one by one
        problems.append(f"{where}: get_type_hints failed ({type(exc).__name__}: {exc})")
        return {}


def _annotation(
    renderer: _Renderer,
    function: Callable[..., Any],
    name: str,
    raw: Any,
    hints: dict[str, Any],
    where: str,
) -> str:
    before = len(renderer.problems)
    text = _resolve(renderer, function, name, raw, hints)
    renderer.problems[before:] = [f"{where} ({name}): {p}" for p in renderer.problems[before:]]
    return text


def _resolve(
    renderer: _Renderer,
    function: Callable[..., Any],
    name: str,
    raw: Any,
    hints: dict[str, Any],
) -> str:
    if raw is inspect.Parameter.empty:
        return renderer.any()
    unwrapped = inspect.unwrap(function)
    unwrapped = getattr(unwrapped, "func", unwrapped)  # functools.partial
    namespace = dict(getattr(unwrapped, "__globals__", {}))
    namespace.setdefault("__builtins__", builtins)
    value = raw
    if name in hints:
        value = hints[name]
    elif isinstance(raw, str):
        try:
            value = eval(raw, namespace)
        except Exception:  # keep the string's structure, naming what can be named
            return renderer.text(raw, namespace)
    try:
        return renderer.strict(value)
    except _Unresolved as exc:
        if isinstance(raw, str):  # e.g. a quoted forward reference inside: go name by name
            return renderer.text(raw, namespace)
        renderer.problems.append(str(exc))
        return renderer.any()


def _parameters(
    renderer: _Renderer,
    function: Callable[..., Any],
    where: str,
    skip_first: bool,
) -> tuple[list[str], str]:
    signature = inspect.signature(function)
    hints = _hints(function, where, renderer.problems)
    params = list(signature.parameters.values())[1 if skip_first else 0 :]
    out: list[str] = []
    star_done = False
    for i, param in enumerate(params):
        kind = param.kind
        if kind is param.KEYWORD_ONLY and not star_done:
            out.append("*")
        star_done = star_done or kind in (param.VAR_POSITIONAL, param.KEYWORD_ONLY)
        text = _annotation(renderer, function, param.name, param.annotation, hints, where)
        prefix = "*" if kind is param.VAR_POSITIONAL else "**" if kind is param.VAR_KEYWORD else ""
        item = f"{prefix}{param.name}: {text}"
        if param.default is not param.empty:
            item += f" = {_default(param.default)}"
        out.append(item)
        following = params[i + 1] if i + 1 < len(params) else None
        if kind is param.POSITIONAL_ONLY and (
            following is None or following.kind is not param.POSITIONAL_ONLY
        ):
            out.append("/")
    result = _annotation(renderer, function, "return", signature.return_annotation, hints, where)
    return out, result


def _def(name: str, params: list[str], result: str) -> list[str]:
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


def generate_stub(registry: Registry) -> str:
    """The text of fastlit/__init__.pyi for every element in `registry` (sorted by name).

    Annotations that cannot be resolved are logged and typed `Any`. Without third-party
    elements installed, this is exactly the committed (built-ins only) stub.
    """
    elements: dict[str, Element | BrokenElement] = {**registry.broken, **registry.elements}
    renderer = _Renderer(_Imports(reserved={*FACADE_EXPORTS, *elements, "__all__"}))
    body: list[tuple[str, list[str]]] = []  # ("var" | "def", lines)

    for name, value in FACADE_EXPORTS.items():
        if inspect.isfunction(value):
            params, result = _parameters(renderer, value, name, skip_first=False)
            body.append(("def", _def(name, params, result)))
        else:
            is_type = isinstance(value, type) or typing.get_origin(value) is type
            typed = value if is_type else type(value)
            body.append(("var", [f"{name}: {renderer.type(typed)}"]))

    for name in sorted(elements):
        element = elements[name]
        where = f"st.{name}"
        if name in FACADE_EXPORTS or not name.isidentifier() or keyword.iskeyword(name):
            renderer.problems.append(f"{where}: not a name the stub can declare; left out")
            continue
        any_ = renderer.any()
        loose = [f"*args: {any_}", f"**kwargs: {any_}"]
        if isinstance(element, BrokenElement):
            renderer.problems.append(f"{where}: plugin {element.plugin} failed; typed loosely")
            body.append(("def", _def(name, loose, "None")))
            continue
        try:
            params, result = _parameters(renderer, element.function, where, skip_first=True)
        except Exception as exc:  # e.g. no signature: one odd plugin must not stop the stub
            renderer.problems.append(f"{where}: {type(exc).__name__}: {exc}; typed loosely")
            params, result = loose, any_
        if element.attribute:
            body.append(("var", [f"{name}: {result}"]))
        else:
            body.append(("def", _def(name, params, result)))

    for problem in renderer.problems:
        log.warning("%s", problem)

    lines = [
        f'"""Generated by `{COMMAND} [--builtins-only]`; do not edit."""',
        "",
        *renderer.imports.lines(),
        "",
        *_all_lines([_quoted(n) for n in FACADE_EXPORTS]),
    ]
    previous = None
    for kind, item in body:
        if kind != previous:  # as ruff format spaces a stub: blank lines only between kinds
            lines.append("")
        lines += item
        previous = kind
    return "\n".join(lines) + "\n"


# --- command -------------------------------------------------------------------------------


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def builtin_registry() -> Registry:
    """The elements fastlit itself ships: entry points of the "fastlit" distribution only."""
    registry = Registry()
    registry.load_entry_points(
        ep
        for ep in entry_points(group=ENTRY_POINT_GROUP)
        if ep.dist is not None and _canonical(ep.dist.name) == DISTRIBUTION
    )
    return registry


def default_path() -> Path:
    """The installed fastlit package's `__init__.pyi` (found without importing fastlit)."""
    spec = importlib.util.find_spec("fastlit")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("fastlit_core.stubs: the fastlit package is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "__init__.pyi"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="fastlit stubs",
        description="Write fastlit/__init__.pyi so editors and type checkers know every st.*.",
    )
    parser.add_argument(
        "path",
        nargs="?",
        type=Path,
        help="the stub to write or check (default: the installed fastlit's __init__.pyi)",
    )
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 with a diff when stale"
    )
    parser.add_argument(
        "--builtins-only",
        action="store_true",
        help="only fastlit's own elements, not installed third-party ones (the committed stub)",
    )
    args = parser.parse_args(argv)
    command = f"{COMMAND} --builtins-only" if args.builtins_only else COMMAND
    if args.path is not None:
        command += f" {args.path}"
    registry = builtin_registry() if args.builtins_only else Registry.from_entry_points()
    text = generate_stub(registry)
    path: Path = args.path or default_path()
    if args.check:
        current = path.read_text(encoding="utf-8") if path.is_file() else ""
        if current == text:
            print(f"{path} is up to date")
            return 0
        sys.stdout.writelines(
            difflib.unified_diff(
                current.splitlines(keepends=True),
                text.splitlines(keepends=True),
                fromfile=str(path),
                tofile="generated",
            )
        )
        print(f"{path} is stale; regenerate it with `{command}`", file=sys.stderr)
        return 1
    path.write_text(text, encoding="utf-8", newline="\n")
    count = len(registry.elements) + len(registry.broken)
    print(f"wrote {path} ({count} elements)")
    return 0


def _all_lines(names: list[str]) -> list[str]:
    """`__all__` on one line, or one name per line when too long (as ruff format does)."""
    one_line = f"__all__ = [{', '.join(names)}]"
    if len(one_line) <= 100:
        return [one_line]
    return ["__all__ = [", *(f"    {name}," for name in names), "]"]


if __name__ == "__main__":
    raise SystemExit(main())
