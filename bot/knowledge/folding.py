"""Texts folded for comparing: quote styles, case and runs of white space alike."""

from __future__ import annotations

import re
from functools import lru_cache

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


@lru_cache(maxsize=4096)  # every entry's source is compared with every story sentence
def comparable(text: str) -> str:
    """Fold quote styles, case and white space so a passage can be found in the story."""
    return re.sub(r"\s+", " ", text.translate(_QUOTES)).strip().casefold()
