"""The import lines of a stub, sorted as ruff's isort sorts them."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field

from .layout import INDENT, LINE_LENGTH

# Import sections, as ruff's isort orders them in this repository.
_FIRST_PARTY = frozenset({"fastlit", "fastlit_core", "fastlit_elements", "fastlit_charts"})
_STDLIB = frozenset(sys.stdlib_module_names)


@dataclass
class Imports:
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
