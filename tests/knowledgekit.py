"""Editing a copied knowledge folder as a maintainer would, and finding a line in it."""

from __future__ import annotations

import argparse
from pathlib import Path

from bot.config import Settings
from bot.serving import maintain_cli


def edit(folder: Path, name: str, old: str, new: str) -> None:
    """Replace the first `old` in the file `name` of `folder` with `new`; `old` must be there."""
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(folder: Path, name: str, needle: str) -> int:
    """Return the line that is `needle` (spaces aside), or else the first that holds it."""
    lines = (folder / name).read_text(encoding="utf-8").splitlines()
    exact = [n for n, line in enumerate(lines, start=1) if line.strip() == needle.strip()]
    return exact[0] if exact else next(n for n, line in enumerate(lines, 1) if needle in line)


def validate(folder: Path) -> int:
    """Run `storybot validate` on `folder` in this process, without the semantic layer."""
    args = argparse.Namespace(folder=folder, knowledge=None)
    return maintain_cli.validate(args, Settings(_env_file=None, encoder="none"))
