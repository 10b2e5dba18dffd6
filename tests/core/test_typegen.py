"""fastlit_core.typegen: msgspec Structs as TypeScript interfaces (element props, written once)."""

from __future__ import annotations

import dataclasses
import enum
import subprocess
import sys
from pathlib import Path
from typing import Annotated, Any, Literal, NotRequired, TypedDict

import msgspec
import pytest

from fastlit_core.typegen import typescript

ROOT = Path(__file__).resolve().parents[2]
TSC = ROOT / "frontend" / "node_modules" / ".bin" / "tsc"


class Kind(enum.Enum):
    PRIMARY = "primary"
    SECONDARY = "secondary"


class Point(msgspec.Struct):
    """A point on the chart."""

    x: float
    y: float


class Tree(msgspec.Struct, omit_defaults=True):
    label: str
    children: list[Tree] = []


@dataclasses.dataclass
class Size:
    width: int
    height: int = 10


class Options(TypedDict):
    color: str
    opacity: NotRequired[float]


class Shape(msgspec.Struct, tag="circle"):
    radius: float


class Props(msgspec.Struct):
    """Props of st.example, as its Python function sends them.

    Only the first paragraph becomes the interface's doc comment.
    """

    label: str
    count: int
    ratio: float
    on: bool
    tags: list[str]
    scores: dict[str, int]
    pair: tuple[int, str]
    mixed: list[int | str]
    maybe: int | None
    align: Literal["left", "right"] | None
    kind: Kind
    point: Point
    points: list[Point]
    tree: Tree
    size: Size
    options: Options
    shape: Shape
    anything: Any
    help: Annotated[str, msgspec.Meta(description="Shown on hover.")] = ""


def test_every_field_kind_maps_to_its_typescript_type():
    source = typescript(Props)
    assert source.startswith(
        "/** Props of st.example, as its Python function sends them. */\n"
        "export interface Props {\n"
        "  label: string;\n"
        "  count: number;\n"
        "  ratio: number;\n"
        "  on: boolean;\n"
        "  tags: string[];\n"
        "  scores: Record<string, number>;\n"
        "  pair: [number, string];\n"
        "  mixed: (number | string)[];\n"
        "  maybe: number | null;\n"
        '  align: "left" | "right" | null;\n'
        '  kind: "primary" | "secondary";\n'
        "  point: Point;\n"
        "  points: Point[];\n"
        "  tree: Tree;\n"
        "  size: Size;\n"
        "  options: Options;\n"
        "  shape: Shape;\n"
        "  anything: unknown;\n"
        "  /** Shown on hover. */\n"
        "  help: string;\n"
        "}\n"
    )


def test_nested_types_become_interfaces_of_their_own_once():
    source = typescript(Props)
    assert source.count("export interface Point {") == 1
    point = "export interface Point {\n  x: number;\n  y: number;\n}"
    assert f"/** A point on the chart. */\n{point}" in source
    # recursive, and omit_defaults: a field with a default may be absent on the wire
    assert "export interface Tree {\n  label: string;\n  children?: Tree[];\n}" in source
    # a dataclass always sends every field; its generated docstring is no doc comment
    assert "export interface Size {\n  width: number;\n  height: number;\n}" in source
    assert "Size(" not in source
    assert "export interface Options {\n  color: string;\n  opacity?: number;\n}" in source
    # a tagged Struct carries its tag
    assert 'export interface Shape {\n  type: "circle";\n  radius: number;\n}' in source


def test_optional_fields_follow_what_the_encoder_omits():
    class Sent(msgspec.Struct):
        value: int | None = None

    class Omitted(msgspec.Struct, omit_defaults=True):
        value: int | None = None

    assert "  value: number | null;" in typescript(Sent)
    assert "  value?: number | null;" in typescript(Omitted)


def test_renamed_fields_use_their_wire_names_and_odd_names_are_quoted():
    class Renamed(msgspec.Struct, rename="camel"):
        max_stars: int
        data_test_id: str = msgspec.field(name="data-testid", default="x")

    source = typescript(Renamed, "RenamedProps")
    assert "export interface RenamedProps {" in source
    assert "  maxStars: number;" in source
    assert '  "data-testid": string;' in source


def _another_point() -> Any:
    class Point(msgspec.Struct):
        z: int

    return Point


AnotherPoint = _another_point()


class Both(msgspec.Struct):
    a: Point
    b: AnotherPoint


def test_name_clashes_get_a_suffix():
    source = typescript(Both)
    assert "export interface Point {" in source and "export interface Point2 {" in source
    assert "  b: Point2;" in source


def test_a_non_struct_is_refused():
    with pytest.raises(TypeError, match="not a msgspec Struct"):
        typescript(int)


def test_the_command_prints_the_interface_and_writes_a_file(tmp_path: Path):
    (tmp_path / "props_mod.py").write_text(
        "import msgspec\nclass P(msgspec.Struct):\n    label: str\n    value: int | None = None\n"
    )
    command = [sys.executable, "-m", "fastlit_core.typegen", "props_mod:P", "--name", "Props"]
    printed = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=True)
    assert printed.stdout.startswith("// Generated by `python -m fastlit_core.typegen props_mod:P`")
    assert "export interface Props {\n  label: string;\n  value: number | null;\n}\n" in (
        printed.stdout
    )
    out = tmp_path / "props.ts"
    subprocess.run([*command, "--out", str(out)], cwd=tmp_path, check=True)
    assert out.read_text() == printed.stdout


@pytest.mark.skipif(not TSC.exists(), reason="frontend/node_modules is not installed")
def test_typescript_accepts_the_interfaces_and_what_msgspec_encodes(tmp_path: Path):
    sample = Props(
        label="a",
        count=1,
        ratio=0.5,
        on=True,
        tags=["x"],
        scores={"a": 1},
        pair=(1, "b"),
        mixed=[1, "c"],
        maybe=None,
        align="left",
        kind=Kind.PRIMARY,
        point=Point(1, 2),
        points=[],
        tree=Tree("root", [Tree("leaf")]),
        size=Size(3),
        options={"color": "red"},
        shape=Shape(2.0),
        anything={"free": ["form"]},
    )
    encoded = msgspec.json.encode(sample).decode()
    (tmp_path / "props.ts").write_text(
        typescript(Props) + f"\nexport const sample: Props = {encoded};\n"
    )
    result = subprocess.run(
        [str(TSC), "--noEmit", "--strict", "--target", "es2022", str(tmp_path / "props.ts")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
