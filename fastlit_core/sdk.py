"""The component SDK's npm package, as an installed fastlit carries it.

`@fastlit/component-sdk` is not on the npm registry: a third-party element package installs
it from the fastlit it builds against, whose frontend build put it in this folder:

    npm install --no-save --install-links "$(python -m fastlit_core.sdk)"
"""

from __future__ import annotations

from pathlib import Path

from . import SDK_VERSION

__all__ = ["SDK_VERSION", "package_dir"]


def package_dir() -> Path:
    """The npm package folder of `@fastlit/component-sdk` (its version is SDK_VERSION)."""
    folder = Path(__file__).resolve().parent / "sdk_package"
    if not (folder / "package.json").exists():
        raise FileNotFoundError(
            f"{folder} is missing: this fastlit was installed from source without its frontend "
            "build; run `npm run build` in fastlit's frontend/ folder, or install a fastlit wheel"
        )
    return folder


if __name__ == "__main__":
    print(package_dir())
