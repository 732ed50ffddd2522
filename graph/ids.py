"""Deterministic ids: ``"<kind>:" + short hash of the normalised natural key``.

The same input always gives the same id, so re-ingesting a brief never duplicates a node.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

_NON_WORD = re.compile(r"[^0-9a-z]+")


@lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """Fold case, accents, apostrophes and punctuation so that variants share one key.

    Examples
    --------
    >>> normalise("  Türkiye’s ")
    'turkiye s'
    """
    if not text.isascii():  # ASCII has no accents to fold: skip the walk over every character
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", text.lower()).strip()


@lru_cache(maxsize=65536)  # the same states and bodies come back in brief after brief
def make_id(kind: str, *key: object) -> str:
    """Return the id of a ``kind`` record whose natural key is ``key``.

    Examples
    --------
    >>> make_id("State", "PK")
    'state:49ae7adc8f67'
    >>> make_id("State", "PK") == make_id("State", "PK")
    True
    """
    joined = "\x1f".join(normalise(str(k)) for k in key)
    digest = hashlib.sha1(f"{kind}\x1e{joined}".encode("utf-8")).hexdigest()[:12]
    return f"{kind.lower()}:{digest}"
