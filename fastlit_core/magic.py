"""Magic: bare expressions in a script are shown, as Streamlit does (st.write by default)."""

from __future__ import annotations

import ast

MAGIC_NAME = "__fastlit_magic__"
"""The name the rewritten script calls; the runner puts it in the script's globals."""

_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)


def add_magic(source: str, filename: str) -> ast.Module:
    """Parse `source` and wrap each displayable bare expression in a magic call.

    As Streamlit: expressions in the module and inside functions, with-blocks, loops, ifs,
    try-blocks, match cases and methods; not calls, docstrings, yields or awaits. A tuple
    shows each of its items.
    """
    tree = ast.parse(source, filename, "exec")
    _rewrite(tree, "body", parent=tree)
    return ast.fix_missing_locations(tree)


def _rewrite(node: ast.AST, attr: str, parent: ast.AST) -> None:
    body: list[ast.stmt] = getattr(node, attr)
    for i, stmt in enumerate(body):
        if isinstance(stmt, (*_FUNCTIONS, ast.With, ast.AsyncWith)):
            _rewrite(stmt, "body", stmt)
        elif isinstance(stmt, (ast.For, ast.AsyncFor, ast.While, ast.If)):
            _rewrite(stmt, "body", stmt)
            _rewrite(stmt, "orelse", stmt)
        elif isinstance(stmt, ast.ClassDef):
            for inner in stmt.body:
                if isinstance(inner, _FUNCTIONS):
                    _rewrite(inner, "body", inner)
        elif isinstance(stmt, (ast.Try, ast.TryStar)):
            for part in ("body", "orelse", "finalbody"):
                _rewrite(stmt, part, stmt)
            for handler in stmt.handlers:
                _rewrite(handler, "body", handler)
        elif isinstance(stmt, ast.Match):
            for case in stmt.cases:
                _rewrite(case, "body", case)
        elif isinstance(stmt, ast.Expr) and _displayable(stmt.value, i, parent):
            items = stmt.value.elts if isinstance(stmt.value, ast.Tuple) else [stmt.value]
            stmt.value = ast.Call(ast.Name(MAGIC_NAME, ast.Load()), list(items), [])


def _displayable(value: ast.expr, index: int, parent: ast.AST) -> bool:
    if isinstance(value, (ast.Call, ast.Yield, ast.YieldFrom, ast.Await)):
        return False
    docstring = (
        index == 0
        and isinstance(value, ast.Constant)
        and isinstance(value.value, str)
        and isinstance(parent, (ast.Module, *_FUNCTIONS))
    )
    return not docstring
