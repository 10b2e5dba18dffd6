"""TypeScript types for an element's props, generated from their msgspec schema.

An element package declares the props its Python function sends as a msgspec Struct; its
build turns that Struct into the component's props interface, so the shape is written once:

    python -m fastlit_core.typegen fastlit_rating:RatingProps [--name Props] [--out props.ts]

Nested Structs (also dataclasses and TypedDicts) become interfaces of their own; Literal and
Enum become unions of their values; a field with a default is optional (`?`) only where the
value may be absent on the wire (a Struct with `omit_defaults=True`, a non-required TypedDict
key).
"""

from __future__ import annotations

import argparse
import enum
import importlib
import json
import re
import sys
from pathlib import Path
from typing import Any

import msgspec.inspect as mi

__all__ = ["typescript"]

_IDENTIFIER = re.compile(r"^[A-Za-z_$][\w$]*$")
_STRINGS = (
    mi.StrType,
    mi.BytesType,
    mi.ByteArrayType,
    mi.MemoryViewType,
    mi.DateTimeType,
    mi.DateType,
    mi.TimeType,
    mi.TimeDeltaType,
    mi.UUIDType,
    mi.DecimalType,
)
_ARRAYS = (mi.ListType, mi.SetType, mi.FrozenSetType, mi.VarTupleType)
_OBJECTS = (mi.StructType, mi.DataclassType, mi.TypedDictType)


def typescript(cls: Any, name: str | None = None) -> str:
    """TypeScript source declaring `cls` (a msgspec Struct, dataclass or TypedDict) as an
    exported interface named `name` (default: the class name), then every interface it uses."""
    info = mi.type_info(cls)
    if not isinstance(info, _OBJECTS):
        raise TypeError(f"{cls!r} is not a msgspec Struct, a dataclass or a TypedDict")
    return _Generator().run(info, name)


class _Generator:
    def __init__(self) -> None:
        self.names: dict[type, str] = {}
        self.taken: set[str] = set()
        self.pending: list[mi.StructType | mi.DataclassType | mi.TypedDictType] = []

    def run(
        self, root: mi.StructType | mi.DataclassType | mi.TypedDictType, name: str | None
    ) -> str:
        self.interface_name(root, name)
        blocks: list[str] = []
        while self.pending:
            blocks.append(self.interface(self.pending.pop(0)))
        return "\n\n".join(blocks) + "\n"

    def interface_name(
        self, info: mi.StructType | mi.DataclassType | mi.TypedDictType, name: str | None = None
    ) -> str:
        known = self.names.get(info.cls)
        if known is not None:
            return known
        base = name or info.cls.__name__
        unique, n = base, 2
        while unique in self.taken:
            unique, n = f"{base}{n}", n + 1
        self.names[info.cls] = unique
        self.taken.add(unique)
        self.pending.append(info)
        return unique

    def interface(self, info: mi.StructType | mi.DataclassType | mi.TypedDictType) -> str:
        lines: list[str] = []
        doc = _doc(info.cls)
        if doc:
            lines.append(f"/** {doc} */")
        lines.append(f"export interface {self.names[info.cls]} {{")
        if isinstance(info, mi.StructType) and info.tag_field is not None:
            lines.append(f"  {_key(info.tag_field)}: {json.dumps(info.tag)};")
        for field in info.fields:
            description = _description(field.type)
            if description:
                lines.append(f"  /** {description} */")
            mark = "?" if not field.required and _may_omit(info) else ""
            lines.append(f"  {_key(field.encode_name)}{mark}: {self.ts(field.type)};")
        if lines[-1].endswith("{"):
            lines[-1] += "}"
        else:
            lines.append("}")
        return "\n".join(lines)

    def ts(self, t: mi.Type) -> str:
        """The TypeScript type of the JSON msgspec encodes for `t`."""
        if isinstance(t, mi.Metadata):
            return self.ts(t.type)
        if isinstance(t, mi.NoneType):
            return "null"
        if isinstance(t, mi.BoolType):
            return "boolean"
        if isinstance(t, (mi.IntType, mi.FloatType)):
            return "number"
        if isinstance(t, _STRINGS):
            return "string"
        if isinstance(t, mi.LiteralType):
            return _union(json.dumps(v) for v in t.values)
        if isinstance(t, mi.EnumType):
            return _union(json.dumps(_enum_value(m)) for m in t.cls)
        if isinstance(t, _ARRAYS):
            item = self.ts(t.item_type)
            return f"({item})[]" if " | " in item else f"{item}[]"
        if isinstance(t, mi.TupleType):
            return "[" + ", ".join(self.ts(item) for item in t.item_types) + "]"
        if isinstance(t, mi.NamedTupleType):
            return "[" + ", ".join(self.ts(f.type) for f in t.fields) + "]"
        if isinstance(t, (mi.DictType, mi.FrozenDictType)):
            return f"Record<string, {self.ts(t.value_type)}>"
        if isinstance(t, mi.UnionType):
            return _union(self.ts(member) for member in t.types)
        if isinstance(t, mi.StructType) and t.array_like:
            tag = [json.dumps(t.tag)] if t.tag_field is not None else []
            return "[" + ", ".join(tag + [self.ts(f.type) for f in t.fields]) + "]"
        if isinstance(t, _OBJECTS):
            return self.interface_name(t)
        return "unknown"  # Any, Raw, msgpack Ext, custom types


def _may_omit(info: mi.StructType | mi.DataclassType | mi.TypedDictType) -> bool:
    """Whether a field with a default may be missing from the encoded object."""
    if isinstance(info, mi.StructType):
        return bool(info.cls.__struct_config__.omit_defaults)
    return isinstance(info, mi.TypedDictType)


def _enum_value(member: Any) -> Any:
    return member.value if isinstance(member, enum.Enum) else member


def _union(parts: Any) -> str:
    unique = list(dict.fromkeys(parts))
    return " | ".join(unique) if unique else "never"


def _key(name: str) -> str:
    return name if _IDENTIFIER.match(name) else json.dumps(name)


def _doc(cls: type) -> str:
    """A class docstring's first paragraph, on one line (not a dataclass's generated one)."""
    text = cls.__doc__
    if not text or text.startswith(f"{cls.__name__}("):
        return ""
    paragraph = text.strip().split("\n\n")[0]
    return " ".join(paragraph.split()).replace("*/", "* /")


def _description(t: mi.Type) -> str:
    if isinstance(t, mi.Metadata) and t.extra_json_schema:
        return " ".join(str(t.extra_json_schema.get("description", "")).split())
    return ""


def _load(spec: str) -> Any:
    module_name, _, attribute = spec.partition(":")
    if not module_name or not attribute:
        raise SystemExit(f"expected module:Struct, got {spec!r}")
    value: Any = importlib.import_module(module_name)
    for part in attribute.split("."):
        value = getattr(value, part)
    return value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m fastlit_core.typegen",
        description="Print the TypeScript interface of a msgspec Struct (an element's props).",
    )
    parser.add_argument("struct", help="module:Struct, e.g. fastlit_rating:RatingProps")
    parser.add_argument("--name", help="the interface's name (default: the class name)")
    parser.add_argument("--out", type=Path, help="write to this file instead of printing")
    args = parser.parse_args(argv)
    if "" not in sys.path:
        sys.path.insert(0, "")  # module:Struct resolves from the working directory
    source = (
        f"// Generated by `python -m fastlit_core.typegen {args.struct}` from the Python "
        "schema; do not edit.\n\n" + typescript(_load(args.struct), args.name)
    )
    if args.out is None:
        sys.stdout.write(source)
    elif not args.out.exists() or args.out.read_text() != source:
        args.out.write_text(source)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
