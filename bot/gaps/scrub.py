"""Take what identifies people out of a question before it is stored."""

from __future__ import annotations

import re

from bot.matching.text import URL

_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
# Discord mentions (<@id>, <@!id>, <@&role>, <#channel>) and @names of any platform
_MENTION = re.compile(r"<[@#][!&]?\d+>|(?<![\w@])@\w+")
# a run of digits with the separators phone numbers are written with: +92 300 123-4567
_NUMBERISH = re.compile(r"\+?\(?\d[\d\s().-]*\d")
_YEAR_RANGE = re.compile(r"\d{4}\s*[-.]\s*\d{4}")  # "2028-2030" is no phone number
_MIN_ID_DIGITS = 7  # ids and phone numbers; years, counts and amounts are shorter


def scrub(text: str) -> str:
    """Return `text` with mentions removed and links, e-mails, phones and ids replaced."""
    # order matters: an e-mail address holds an "@name", a link digits and an address
    text = URL.sub("[link]", text)
    text = _EMAIL.sub("[email]", text)
    text = _MENTION.sub("", text)
    text = _NUMBERISH.sub(_number, text)
    return re.sub(r"[ \t]{2,}", " ", text).strip()


def _number(match: re.Match[str]) -> str:
    found = match.group()
    digits = sum(ch.isdigit() for ch in found)
    if digits < _MIN_ID_DIGITS or _YEAR_RANGE.fullmatch(found.strip()):
        return found
    return "[number]"
