"""Is a brief written in English? A cheap check before extraction.

The extractors know English (trigger words, titles, date expressions); on another language
they would invent nodes from capitalised words ("Organisation" from "l'Organisation de ...").
English prose is about a fifth function words ("the", "of", "and" ...), even a terse brief;
French, Spanish or German prose has almost none of them. The list of words is data
(``data/stopwords-en.txt``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

# Below this share of English function words a text is not English. English briefs score
# 0.19-0.28 (the bundled brief, the test fixtures, the synthetic corpus), French, Spanish and
# German prose 0.00-0.03.
MIN_SHARE = 0.08
MIN_WORDS = 30  # too few words to judge: a short text is given the benefit of the doubt
SAMPLE_WORDS = 5000  # the first words are enough; the check stays cheap on a long brief
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    text = resources.files("briefgraph.loaders").joinpath("data", "stopwords-en.txt").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def english_share(text: str) -> tuple[float, int]:
    """``(share of English function words, words looked at)`` over the first words of ``text``.

    Examples
    --------
    >>> english_share("The visit of the President to Baku was the first of its kind.")[0] > 0.3
    True
    >>> english_share("La visite du président à Bakou était la première du genre.")[0]
    0.0
    """
    words, english = 0, 0
    known = stop_words()
    for match in _WORD.finditer(text):
        words += 1
        english += match.group().lower() in known
        if words >= SAMPLE_WORDS:
            break
    return (english / words if words else 0.0), words


def not_english(text: str) -> str | None:
    """None if ``text`` reads as English (or is too short to tell), else why it does not."""
    share, words = english_share(text)
    if words < MIN_WORDS or share >= MIN_SHARE:
        return None
    return f"does not look like English ({share:.0%} English function words in {words} words)"
