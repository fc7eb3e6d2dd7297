"""Clean raw chat text and split it into tokens."""

from __future__ import annotations

import re
import unicodedata
from functools import partial

# Mojibake seen in received stories: a Thai code point where a quote or space was lost.
_MOJIBAKE = str.maketrans({"\u0e42": "'", "\u0e22": " "})
# curly quotation marks (and a backtick) as the straight ones people type
QUOTE_MARKS = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "`": "'"})
_MENTION = re.compile(r"<@[!&]?\d+>|<#\d+>|@everyone|@here|@\w+", re.IGNORECASE)
_COMMAND = re.compile(r"^\s*/\w+(@\w+)?\b")
# where a mention stood, with the marks around it: one sentence break
_BREAK = re.compile(r"[\s,;:]*\0[\s\0.,;:!?]*")
# markup people paste or type: "<b>who</b> is kakar?" asks "who is kakar?"
_TAG = re.compile(r"</?[a-z][a-z0-9]{0,10}(?:\s[^<>]{0,80})?/?>", re.IGNORECASE)
# what a script or style element holds is code, not words: "<script>alert(1)</script> who?"
_CODE = re.compile(r"<(script|style)\b[^<>]{0,80}>.{0,2000}?</\1\s*>", re.IGNORECASE | re.DOTALL)
# a Markdown link says its text; its address is not part of the question
_LINK = re.compile(r"\[([^\[\]]{0,200})\]\([^()\s]{0,300}\)")
# a web address pasted beside a question ("check geo.tv/latest/xi-meets-kakar, where was it
# signed?") is not part of it: its words would be read as the question's
URL = re.compile(
    r"\b[a-z][a-z0-9+.-]*://\S+"  # any scheme: https://, tg://user?id=…
    r"|\bwww\.\S+"
    r"|\b(?:[a-z0-9-]+\.)+[a-z]{2,}/\S*",  # a bare domain with a path: t.me/alice, x.com/a
    re.IGNORECASE,
)
# with the words that point at it: "check this www.x.com/a", "see: t.me/b", "via x.com/c"
_SHARED = re.compile(
    rf"(?:\b(?:check(?: out)?|see|read|look at|via|source)\s*:?\s+(?:this\s+)?)?(?:{URL.pattern})",
    re.IGNORECASE,
)
# terminal colour and cursor codes pasted along with text: "\x1b[31m" must not leave "[31m"
_ESCAPE = re.compile(
    r"\x1b(?:\[[0-9;?]{0,32}[ -/]{0,4}[@-~]|\][^\x07\x1b]{0,256}(?:\x07|\x1b\\)|[@-Z\\-_])"
)
# pictographs and dingbats (not flags, which stand beside a name): in chat, one between words
# ends a sentence, as "so excited 🚀 who signed it" is two
_EMOJI = re.compile(r"\s*(?:[\U0001F300-\U0001FAFF\u2600-\u27BF][\uFE0F\u200D]*)+\s*")
_GAP = " … "  # where a message too long to read whole was cut
_UPPER_US = re.compile(r"\bU\.?S\.?A?\b(?!\w)")
_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)?")
# the same tokens in folded ASCII text, where a letter or digit is one of these: twice as fast
_ASCII_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)?")
# ASCII text without an apostrophe: its tokens are its runs of letters and digits, lower-cased;
# every other byte made a space and the bytes split, twice as fast as the pattern again
_ASCII_WORDS = bytes.maketrans(
    bytes(range(256)),
    bytes(c if chr(c).isalnum() and c < 128 else 32 for c in bytes(range(256)).lower()),
)


def clean(text: str, limit: int) -> str:
    """Return `text` without mentions, commands, tags or controls, in at most `limit` characters.

    A mention after other words ends a sentence: the question follows it.

    A longer message keeps its beginning and its end: the question is usually one or the
    other ("Where was it signed? I ask because …", "… anyway, where was it signed?").
    """
    if len(text) > limit * 4:  # cheap cut first: normalising 100 KB of text is wasted work
        text = text[: limit * 2] + " " + text[-limit * 2 :]
    text = unicodedata.normalize("NFKC", text).translate(_MOJIBAKE).translate(QUOTE_MARKS)
    text = _ESCAPE.sub("", text)
    if not text.isprintable():  # printable text has no control, format or private character
        text = "".join(map(_shown, text))
    text = _SHARED.sub(" ", _LINK.sub(r"\1", _CODE.sub(" ", text)))
    # a mention after other words starts the question: "good morning all, I run a shop in
    # Ketu and my customers ask me: @StoryBot which minister came?" reads as two sentences
    text = _COMMAND.sub(" ", _MENTION.sub("\0", _TAG.sub(" ", text)))
    text = re.sub(r"\s+", " ", _BREAK.sub(". ", text.strip(" \0,;:"))).strip()
    if len(text) <= limit:
        return text
    half = (limit - len(_GAP)) // 2
    head, tail = text[:half].rsplit(" ", 1)[0], text[-half:].split(" ", 1)[-1]
    return head + _GAP + tail


def emoji_breaks(text: str) -> str:
    """Return `text` with each run of emoji between words read as a sentence break."""
    if text.isascii():  # most texts: no emoji
        return text
    return _EMOJI.sub(
        lambda m: ". " if m.start() > 0 and m.end() < len(text) else " ", text
    ).strip()


def chat_words(text: str) -> str:
    """Return `text` in lower case with its punctuation (but apostrophes) as single spaces.

    How chit-chat and questions asking a view are matched: "Are u a bot?!" is "are u a bot".
    """
    return " ".join(re.sub(r"[^\w\s']", " ", text.casefold()).split())


def in_other_script(text: str) -> bool:
    """Return whether most letters of `text` are not Latin ones (Urdu, Cyrillic, Chinese)."""
    if text.isascii():  # most messages: no letter to look up
        return False
    letters = [ch for ch in text if ch.isalpha()]
    latin = sum(ch.isascii() or unicodedata.name(ch, "").startswith("LATIN") for ch in letters)
    return len(letters) > 2 * latin


def _shown(ch: str) -> str:
    """Return `ch` as read: a control, private or surrogate character as a space.

    A format character is dropped: a soft hyphen or a zero-width space pasted inside
    "agree\u00adment" splits no word.
    """
    category = unicodedata.category(ch)
    if not category.startswith("C"):
        return ch
    return "" if category == "Cf" else " "  # Cf: zero-width, soft hyphen, bidi marks


_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
# "$5" is five dollars: the figure, then its currency as a word a question may also type
# a separate capital prefix ("US$", "A$", "HK$") is the sign's, no word of its own
_CURRENCY_WORDS = {"$": "dollars", "€": "euros", "£": "pounds", "₦": "naira", "₩": "won"}
CURRENCY_SIGNS = "[" + re.escape("".join(_CURRENCY_WORDS)) + "]"  # a pattern: any of them
_CURRENCY = re.compile(
    rf"(?<![^\W\d_])(?:[A-Z]{{1,3}})?({CURRENCY_SIGNS})\s?"
    r"(\d[\d,.]*(?:\s?(?i:thousand|million|billion|trillion|bn|m|k)\b)?)"
)
_CURRENCY_SIGN = re.compile(CURRENCY_SIGNS)
# a figure with its scale in a letter or two, as chat writes money and crowds: "1.8bn", "700k"
# are 1.8 billion and 700000, as a story writes them; "40m" is 40 million in a message about
# money only ("is the journey 42m now?" asks of minutes, a "540m bridge" is metres)
_SCALES = {"k": "thousand", "m": "million", "mn": "million", "mil": "million", "bn": "billion"}
_SCALE_LETTER = re.compile(r"\d[kmbKMB]")  # what every scaled figure holds
_ASCII_SCALE_LETTER = re.compile(r"[0-9][kmbKMB]")  # the same in ASCII text: a third faster
_DIGITS = b"0123456789"
_SCALED = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)(k|m|mn|mil|bn)\b", re.IGNORECASE)
_MONEY = re.compile(
    r"[$€£₦]|\b(?:how much|cost|costs|price|paid|pay|paying|fund|funds|funding|invest|"
    r"investment|budget|fee|fare|worth|spend|spent|loan|debt|dollars?|euros?|pounds?|naira)\b",
    re.IGNORECASE,
)
_WISE = re.compile(r"(?<=\w)-wise\b", re.IGNORECASE)


def _unscaled(found: re.Match[str], money: bool) -> str:
    """Return a scaled figure as a story writes it: "700k" as 700000, "40m" as 40 million.

    A lone "m" is a million only in a message about `money`.
    """
    figure, scale = found[1], _SCALES[found[2].lower()]
    if found[2].lower() == "m" and not money:
        return found[0]
    if scale == "thousand" and (whole := float(figure) * 1000).is_integer():
        return str(int(whole))  # "700,000" is read as 700000
    return f"{figure} {scale}"


def tokenize(text: str) -> list[str]:
    """Split cleaned text into lower-case, accent-free word tokens."""
    # most texts: ASCII, whose only sign is "$" and whose digits are 0-9, each looked for at a
    # fraction of a pattern's search (a text stays ASCII through every reading below)
    plain = text.isascii()
    if ("$" in text) if plain else _CURRENCY_SIGN.search(text):  # before "US" is read: "US$300"
        text = _CURRENCY.sub(lambda m: f" {m[2]} {_CURRENCY_WORDS[m[1]]} ", text)
    if "U" in text:  # "US" in capitals is the country; "us" is a pronoun
        text = _UPPER_US.sub(" usa ", text)
    if "-w" in text or "-W" in text:  # "space-wise" is about space, and nothing more
        text = _WISE.sub("", text)
    if "," in text:  # "2,300" is the figure 2300, as a question that writes "2300" has it
        text = _THOUSANDS.sub("", text)
    scale_letter = _ASCII_SCALE_LETTER if plain else _SCALE_LETTER
    # a scaled figure holds a digit, which most texts lack: in ASCII text told by deleting the
    # digits in C, at half the cost of the first search (which scans for a digit and a letter)
    digits = not plain or len(text.encode("ascii").translate(None, _DIGITS)) < len(text)
    if digits and scale_letter.search(text) and _SCALED.search(text):  # the first search: half
        text = _SCALED.sub(partial(_unscaled, money=bool(_MONEY.search(text))), text)
    if text.isascii() and "'" not in text:  # most texts; ASCII folds to lower case
        return text.encode("ascii").translate(_ASCII_WORDS).decode("ascii").split()
    folded = text.casefold()
    if folded.isascii():
        words = _ASCII_TOKEN.findall(folded)
    else:
        folded = unicodedata.normalize("NFKD", folded)
        words = _TOKEN.findall("".join(ch for ch in folded if not unicodedata.combining(ch)))
    if "'" not in folded:
        return words
    return [_unapostrophed(w) if "'" in w else w for w in words]


# what a contraction's tail leaves of its word: "she'll" is "she", not "shell"; "we'd" is
# "we", not "wed" (a negation, "can't", keeps its apostrophe-less form, which chat shorthand
# reads: "cant" as "can", the negation dropped as "dont" is read "do")
_TAILS = ("'ll", "'re", "'ve", "'d", "'m", "'s")


# the article or pronoun French and Italian elide before a vowel: "l'aéroport" is "aéroport",
# "d'après" "après", "qu'on" "on", "dell'anno" "anno"
_ELIDED = frozenset(
    "l d j n s c m t qu jusqu lorsqu puisqu quoiqu dell all nell sull dall coll quest un".split()
)


def _unapostrophed(word: str) -> str:
    """Return a word with an apostrophe as matching reads it: "kakar's" is "kakar"."""
    for tail in _TAILS:
        if word.endswith(tail) and len(word) > len(tail):
            return word[: -len(tail)]
    head, _, rest = word.partition("'")
    if head in _ELIDED and rest:
        return rest.replace("'", "")  # "l'aeroport" is "aeroport"
    return word.replace("'", "")  # "o'brien" is one word
