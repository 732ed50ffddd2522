"""Word tokens of a sentence with their offsets: the unit every matcher walks.

Words keep their letters whatever the script (``Erdoğan``, ``Fernández``), their inner
hyphens and apostrophes (``Suk-yeol``, ``el-Sisi``, ``O'Neill``); a possessive ``'s`` is a
token of its own, so ``Brazil's`` is ``Brazil`` + ``'s``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}"                               # an abbreviation with dots: U.S., H.E.
    r"|[^\W\d_](?:[^\W_]|[-‐‑'’](?=[^\W\d_]))*"  # a word, with inner hyphens/apostrophes
    r"|\d+(?:[.,:]\d+)*(?:st|nd|rd|th|s)?"          # a number, an ordinal day, a decade
    r"|\S"                                          # any other mark
)
_POSSESSIVE = re.compile(r"(?<=[^\W\d_])(['’]s)$")


class Token(NamedTuple):
    text: str
    start: int
    end: int
    lower: str = ""  # the text in lower case (every matcher compares it)

    @property
    def is_cap(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalpha()


@lru_cache(maxsize=256)
def tokens_of(text: str) -> tuple[Token, ...]:
    """:func:`tokenize`, kept for the last sentences (the passes of a brief ask again)."""
    return tuple(tokenize(text))


def tokenize(text: str) -> list[Token]:
    """The tokens of ``text``.

    >>> [t.text for t in tokenize("Brazil's President Lula da Silva (Brazil) met el-Sisi.")]
    ['Brazil', "'s", 'President', 'Lula', 'da', 'Silva', '(', 'Brazil', ')', 'met', 'el-Sisi', '.']
    """
    out: list[Token] = []
    for m in _TOKEN.finditer(text):
        word, s = m.group(), m.start()
        p = _POSSESSIVE.search(word) if len(word) > 2 else None
        if p:
            out.append(Token(word[:p.start()], s, s + p.start(), word[:p.start()].lower()))
            out.append(Token(word[p.start():], s + p.start(), m.end(), word[p.start():].lower()))
        else:
            out.append(Token(word, s, m.end(), word.lower()))
    return out


def is_possessive(tok: Token | None) -> bool:
    return tok is not None and tok.text in ("'s", "’s", "'", "’")
