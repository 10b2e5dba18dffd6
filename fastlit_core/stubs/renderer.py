"""Annotations as stub text, naming (and importing) every type they mention."""

from __future__ import annotations

import ast
import collections.abc
import enum
import sys
import types
import typing
from dataclasses import dataclass, field
from typing import Any

from .imports import Imports
from .layout import quoted


class Unresolved(Exception):
    """An annotation (or part of one) that cannot be named in the stub."""


@dataclass
class Renderer:
    imports: Imports
    problems: list[str] = field(default_factory=list)

    def type(self, tp: object) -> str:
        """A resolved annotation as stub text (parts that cannot be named become Any)."""
        try:
            return self._type(tp)
        except Unresolved as exc:
            self.problems.append(str(exc))
            return self.any()

    def strict(self, tp: object) -> str:
        """Like `type`, but raises Unresolved instead of falling back to Any."""
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
            raise Unresolved(f"unresolved forward reference {tp!r}")
        if isinstance(tp, typing.TypeVar | typing.ParamSpec | typing.TypeVarTuple):
            raise Unresolved(f"type variable {tp!r} (stubs name no type variables)")
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
            raise Unresolved(f"{obj!r} has no importable name")
        return self.imports.name(_public_module(module, qualname, obj), qualname)

    def _literal(self, value: object) -> str:
        if isinstance(value, enum.Enum):
            return f"{self._named(type(value))}.{value.name}"
        if isinstance(value, str):
            return quoted(value)
        if value is None or isinstance(value, bool | int | bytes):
            return repr(value)
        raise Unresolved(f"Literal value {value!r}")

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
        except Unresolved as exc:
            self.problems.append(str(exc))
            return self.any()

    def _node(self, node: ast.expr, namespace: dict[str, Any]) -> str:
        if isinstance(node, ast.Name | ast.Attribute):
            dotted = ast.unparse(node)
            try:
                value = eval(dotted, namespace)  # a (dotted) name: no calls, no side effects
            except Exception as exc:
                raise Unresolved(f"cannot resolve {dotted!r}") from exc
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
                    raise Unresolved(f"Literal of non-constants {ast.unparse(node)!r}")
                return f"{base}[{', '.join(map(self._literal, literals))}]"
            return f"{base}[{', '.join(self._node_or_any(e, namespace) for e in elements)}]"
        raise Unresolved(f"unsupported annotation syntax {ast.unparse(node)!r}")


def _public_module(module: str, qualname: str, obj: object) -> str:
    """`io` rather than `_io` for io.StringIO: the public module when it holds the same object."""
    if module.startswith("_") and not module.startswith("__"):
        public = sys.modules.get(module.lstrip("_"))
        if public is not None and getattr(public, qualname.split(".")[0], None) is obj:
            return public.__name__
    return module
