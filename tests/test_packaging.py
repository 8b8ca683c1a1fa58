"""The wheel ships every package and the bundled scenarios and assets."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_is_listed_for_the_wheel() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    listed = set(config["packages"])
    found = {
        ".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "game").rglob("__init__.py")
    }
    assert found <= listed, f"add to pyproject.toml packages: {sorted(found - listed)}"
    assert config["package-dir"] == {"game._scenarios": "scenarios", "game._assets": "assets"}


def test_bundled_data_patterns_cover_the_files() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    patterns = config["package-data"]
    suffixes = {p.suffix for p in (ROOT / "scenarios").rglob("*") if p.is_file()}
    suffixes -= {".py"}  # build-time tools are not shipped
    shipped = {pat.rsplit(".", 1)[-1] for pat in patterns["game._scenarios"]}
    assert {s.lstrip(".") for s in suffixes} <= shipped
    assert patterns["game._assets"] == ["**/*"]
