"""Type stubs for `import fastlit as st`: one typed signature per st.* element.

`st.<name>` is resolved at run time through the plugin registry, so editors and type
checkers see nothing unless `fastlit/__init__.pyi` spells it out. This package writes that
file from the element functions' own signatures (minus the leading `container`):

    python -m fastlit_core.stubs                    # the installed fastlit's __init__.pyi,
                                                    # with every installed element plugin
    python -m fastlit_core.stubs --builtins-only    # only fastlit's own (the committed stub)
    python -m fastlit_core.stubs --check            # exit 1 with a diff when it is stale
"""

from .command import main
from .facade_exports import FACADE_EXPORTS
from .generator import generate_stub

__all__ = ["FACADE_EXPORTS", "generate_stub", "main"]
