"""The Vega-Lite spec of Streamlit's built-in charts, built from a DataFrame (no Altair needed).

Mirrors streamlit.elements.lib.built_in_chart_utils: the same column handling (index as x,
wide data melted to long form, aliases for Vega-Lite-special column names) and the same
encodings, layers and params, with Altair's auto-generated names already stabilized.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from fastlit_core.plugin import StreamlitAPIException, StreamlitInvalidParameterTypeError

from ._colors import is_builtin_color_name, is_color_like, is_color_tuple_like, to_css_color

if TYPE_CHECKING:
    import pandas as pd

SCHEMA = "https://vega.github.io/schema/vega-lite/v6.4.1.json"
SUFFIX = " -- streamlit-generated"
INDEX_TITLE, VALUE_TITLE, COLOR_TITLE = "index", "value", "color"
INDEX, VALUE, COLOR = INDEX_TITLE + SUFFIX, VALUE_TITLE + SUFFIX, COLOR_TITLE + SUFFIX
NON_EXISTENT = "DOES_NOT_EXIST" + SUFFIX
ALIAS_PREFIX = "col" + SUFFIX + "-"
SPECIAL_CHARS = (".", "[", "]", "\\")
LEGEND = {"titlePadding": 5, "offset": 5, "orient": "bottom"}
LARGE_DATASET = 1000  # above this many points, hover events are throttled


def chart_spec(
    df: pd.DataFrame,
    mark: str,
    x: str | None,
    y: str | Sequence[str] | None,
    x_label: str | None,
    y_label: str | None,
    color: Any,
    width: int | None,
    height: int | None,
) -> tuple[dict[str, Any], pd.DataFrame]:
    """(spec without data, the prepared long-form data) for one built-in chart."""
    x_column = _parse_x(df, x)
    y_columns = _parse_y(df, y, x_column)
    color_column, color_value = (
        (color, None) if isinstance(color, str) and color in df.columns else (None, color)
    )
    df, x_column, y_column, y_columns, color_column, aliases = _prep_data(
        df, x_column, y_columns, color_column
    )
    encoding: dict[str, Any] = {
        "x": _axis_encoding(df, x_column, x, x_label, INDEX, False, aliases),
        "y": _axis_encoding(df, y_column, y, y_label, VALUE, True, aliases),
    }
    color_encoding = _color_encoding(df, color_value, color_column, y_columns, color, aliases)
    if color_encoding is not None:
        encoding["color"] = color_encoding
    if x_column is not None and y_column is not None:
        encoding["tooltip"] = _tooltip(df, x_column, y_column, color_column, aliases)
    size = {"width": width or 0, "height": height or 0}
    autosize = {"type": "fit", "contains": "padding"}
    if x_column is None:
        spec = {
            "mark": {"type": mark},
            "encoding": encoding,
            **size,
            "params": [
                {
                    "name": "param_1",
                    "bind": "scales",
                    "select": {"type": "interval", "encodings": ["x", "y"]},
                }
            ],
            "$schema": SCHEMA,
            "autosize": autosize,
        }
        return spec, df
    hover = "mousemove{16}" if len(df) > LARGE_DATASET else "mousemove"
    spec = {
        "layer": [
            {"mark": {"type": mark}, "encoding": encoding, "name": "view_1"},
            {"mark": {"type": "point", "opacity": 0}, "encoding": encoding, "name": "view_2"},
            {
                "mark": {"type": "point", "filled": True, "size": 65},
                "encoding": encoding,
                "transform": [{"filter": {"param": "param_1", "empty": False}}],
            },
        ],
        "config": {"legend": {"symbolType": "stroke"}},
        **size,
        "params": [
            {
                "name": "param_1",
                "views": ["view_2"],
                "select": {
                    "type": "point",
                    "clear": "mouseleave",
                    "fields": [x_column],
                    "nearest": True,
                    "on": hover,
                },
            },
            {
                "name": "param_2",
                "views": ["view_1"],
                "bind": "scales",
                "select": {"type": "interval", "encodings": ["x", "y"]},
            },
        ],
        "$schema": SCHEMA,
        "autosize": autosize,
    }
    return spec, df


# --- columns -------------------------------------------------------------------------------


def _not_found(df: pd.DataFrame, name: Any) -> StreamlitAPIException:
    available = ", ".join(str(c) for c in df.columns)
    return StreamlitAPIException(
        f'Data does not have a column named `"{name}"`. Available columns are `{available}`'
    )


def _parse_x(df: pd.DataFrame, x: Any) -> str | None:
    if x is None:
        return None
    if not isinstance(x, str):
        raise StreamlitInvalidParameterTypeError(
            "x",
            type(x).__name__,
            ["str", "None"],
            detail="Pass a column name or None to use the dataframe's index.",
        )
    if x not in df.columns:
        raise _not_found(df, x)
    return x


def _parse_y(df: pd.DataFrame, y: Any, x_column: str | None) -> list[Any]:
    if y is None:
        columns = list(df.columns)
    elif isinstance(y, str):
        columns = [y]
    else:
        columns = [str(c) for c in y]
    for column in columns:
        if column not in df.columns:
            raise _not_found(df, column)
    if x_column in columns and (not y or x_column not in y):
        columns.remove(x_column)
    return columns


def _prep_data(
    df: pd.DataFrame, x_column: str | None, y_columns: list[Any], color_column: str | None
) -> tuple[pd.DataFrame, str | None, str | None, list[str], str | None, dict[str, str]]:
    if x_column is None and y_columns:  # plot against the index
        x_column = INDEX if df.index.name is None else str(df.index.name)
        df = df.rename_axis(x_column).reset_index()
    keep = list(dict.fromkeys(c for c in (x_column, color_column, *y_columns) if c is not None))
    df = df[keep]
    if (
        color_column is not None
        and len(df[color_column])
        and is_color_tuple_like(df[color_column].iat[0])
    ):
        df = df.assign(**{color_column: df[color_column].apply(to_css_color)})
    df, x_column, y_columns, color_column, aliases = _safe_names(
        df, x_column, y_columns, color_column
    )
    y_column: str | None = y_columns[0] if len(y_columns) == 1 else None
    if len(y_columns) > 1 and x_column is not None:  # wide -> long
        y_column, color_column = VALUE, COLOR
        df = _melt(df, x_column, y_columns)
        if aliases:
            df[COLOR] = df[COLOR].map(lambda v: aliases.get(v, v))
            y_columns = [aliases.get(c, c) for c in y_columns]
    return df, x_column, y_column, y_columns, color_column, aliases


def _safe_names(
    df: pd.DataFrame, x_column: str | None, y_columns: list[Any], color_column: str | None
) -> tuple[Any, ...]:
    """String column names; names Vega-Lite would parse as paths get aliases."""
    import pandas as pd

    names = [str(c) for c in df.columns]
    reserved = {n for n in names if not any(ch in n for ch in SPECIAL_CHARS)}
    aliases: dict[str, str] = {}
    first_alias: dict[str, str] = {}
    queue: dict[str, list[str]] = {}
    final = []
    for i, name in enumerate(names):
        if any(ch in name for ch in SPECIAL_CHARS):
            alias, n = f"{ALIAS_PREFIX}{i}", 0
            while alias in reserved or alias in aliases:
                n += 1
                alias = f"{ALIAS_PREFIX}{i}-{n}"
            aliases[alias] = name
            first_alias.setdefault(name, alias)
            queue.setdefault(name, []).append(alias)
            final.append(alias)
        else:
            final.append(name)
    df = df.copy()
    df.columns = pd.Index(final)

    def remap(name: Any) -> str | None:
        return None if name is None else first_alias.get(str(name), str(name))

    def remap_y(name: Any) -> str:
        pending = queue.get(str(name))
        return pending.pop(0) if pending else first_alias.get(str(name), str(name))

    return df, remap(x_column), [remap_y(c) for c in y_columns], remap(color_column), aliases


def _melt(df: pd.DataFrame, x_column: str, y_columns: list[str]) -> pd.DataFrame:
    import pandas as pd
    from pandas.api.types import infer_dtype

    melted = pd.melt(df, id_vars=[x_column], value_vars=y_columns, var_name=COLOR, value_name=VALUE)
    values = melted[VALUE]
    if values.dtype == "object" and "mixed" in infer_dtype(values) and len(values.unique()) > 100:
        raise StreamlitAPIException(
            "The columns used for rendering the chart contain too many values with mixed types. "
            "Please select the columns manually via the y parameter."
        )
    return melted


# --- encodings -----------------------------------------------------------------------------


def vegalite_type(series: pd.Series) -> str:
    """Altair's type inference: quantitative, ordinal, temporal or nominal."""
    from pandas.api.types import infer_dtype

    kind = infer_dtype(series)
    if kind in {"floating", "mixed-integer-float", "integer", "mixed-integer", "complex"}:
        return "quantitative"
    if kind == "categorical" and series.cat.ordered:
        return "ordinal"
    if kind in {"datetime", "datetime64", "timedelta", "timedelta64", "date", "time", "period"}:
        return "temporal"
    return "nominal"


def _axis_encoding(
    df: pd.DataFrame,
    column: str | None,
    from_user: Any,
    label: str | None,
    generated: str,
    grid: bool,
    aliases: dict[str, str],
) -> dict[str, Any]:
    from pandas.api.types import is_integer_dtype

    if column is None:
        field, title, kind = NON_EXISTENT, "", "quantitative"
    else:
        field, kind = column, vegalite_type(df[column])
        title = "" if column == generated or from_user is None else aliases.get(column, column)
    axis: dict[str, Any] = {"grid": grid}
    if column is not None and is_integer_dtype(df[column]):
        axis["tickMinStep"] = 1
    return {
        "field": field,
        "title": title if label is None else label,
        "type": kind,
        "scale": {},
        "axis": axis,
    }


def _color_encoding(
    df: pd.DataFrame,
    value: Any,
    column: str | None,
    y_columns: list[str],
    from_user: Any,
    aliases: dict[str, str],
) -> dict[str, Any] | None:
    if value is not None and not (isinstance(value, (list, tuple)) and len(value) == 0):
        if is_color_like(value) or is_builtin_color_name(value):
            if len(y_columns) != 1:
                raise _length_mismatch([value], y_columns)
            return {"value": value if is_builtin_color_name(value) else to_css_color(value)}
        if isinstance(value, (list, tuple)):
            if len(value) != len(y_columns):
                raise _length_mismatch(value, y_columns)
            colors = [c if is_builtin_color_name(c) else to_css_color(c) for c in value]
            if len(colors) == 1:
                return {"value": colors[0]}
            encoding: dict[str, Any] = {
                "scale": {"domain": y_columns, "range": colors},
                "legend": LEGEND,
                "type": "nominal",
                "title": " ",
            }
            if column is not None:
                encoding["field"] = column
            return encoding
        raise StreamlitAPIException(
            f"\nThis does not look like a valid color argument: `{from_user}`.\n\nThe color "
            'argument can be:\n\n* A hex string like "#ffaa00" or "#ffaa0088".\n* An RGB or '
            "RGBA tuple with the red, green, blue, and alpha\n  components specified as ints "
            "from 0 to 255 or floats from 0.0 to\n  1.0.\n* The name of a column.\n* Or a "
            "list of colors, matching the number of y columns to draw.\n            "
        )
    if column is None:
        return None
    melted = column == COLOR
    encoding = {
        "field": column,
        "legend": LEGEND,
        "type": "nominal" if melted else vegalite_type(df[column]),
    }
    if melted:
        encoding["title"] = " "  # an empty title would hide the axis (Vega-Lite quirk)
        return encoding
    if column in aliases:
        encoding["title"] = aliases[column]
    if len(df[column]) and is_color_like(df[column].iat[0]):
        encoding["scale"] = {"range": [to_css_color(c) for c in df[column].unique()]}
        encoding["legend"] = None
    return encoding


def _length_mismatch(colors: Any, y_columns: list[str]) -> StreamlitAPIException:
    return StreamlitAPIException(
        f"The list of colors `{colors}` must have the same length as the list of columns to "
        f"be colored `{y_columns}`."
    )


def _tooltip(
    df: pd.DataFrame,
    x_column: str,
    y_column: str,
    color_column: str | None,
    aliases: dict[str, str],
) -> list[dict[str, Any]]:
    def tip(column: str, title: str | None = None, kind: str | None = None) -> dict[str, Any]:
        entry = {"field": column, "type": kind or vegalite_type(df[column])}
        if title is None and column in aliases:
            title = aliases[column]
        if title is not None:
            entry["title"] = title
        return entry

    tooltip = [
        tip(x_column, INDEX_TITLE if x_column == INDEX else None),
        tip(y_column, VALUE_TITLE, "quantitative") if y_column == VALUE else tip(y_column),
    ]
    # Streamlit means to skip colour columns whose values are colours (legend None), but
    # Altair never reports that legend as None, so the column is always listed; so is it here.
    if color_column:
        tooltip.append(
            tip(color_column, COLOR_TITLE, "nominal")
            if color_column == COLOR
            else tip(color_column)
        )
    return tooltip
