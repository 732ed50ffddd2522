"""Small, careful tools for Cypher text: literals, and a scanner that knows strings and comments.

Nothing here builds Cypher from data except :func:`literal`, which writes a value as a properly
escaped Cypher literal (used where parameters cannot travel: the ``export cypher`` script, which
must run in any client). The scanner is what the guard and the dialect layer read queries with.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from typing import Any

from briefgraph.errors import QueryError

_KEY_OK = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_ESCAPES = {"\\": "\\", "'": "'", '"': '"', "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


def string_literal(text: str) -> str:
    """A double-quoted Cypher string literal for ``text``.

    JSON string escapes (``\\"``, ``\\\\``, ``\\n``, ``\\uXXXX`` for control characters) are a
    subset of Cypher's, so ``json.dumps`` gives a literal Neo4j reads back exactly; non-ASCII
    text stays as is.

    Examples
    --------
    >>> print(string_literal('say "hi"\\n'))
    "say \\"hi\\"\\n"
    """
    return json.dumps(text, ensure_ascii=False)


def map_key(key: str) -> str:
    """A map key or property name, backtick-quoted unless it is a plain identifier."""
    if _KEY_OK.match(key):
        return key
    return "`" + key.replace("`", "``") + "`"


def literal(value: Any) -> str:
    """``value`` (None, bool, int, float, str, list, dict) as a Cypher literal.

    Examples
    --------
    >>> literal({"id": "p:1", "n": [1, 2.5, True, None]})
    '{id: "p:1", n: [1, 2.5, true, null]}'
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise QueryError(f"cannot write {value!r} as a Cypher literal")
        return repr(value).replace("e+", "e")  # Cypher's exponent takes no '+' sign
    if isinstance(value, str):
        return string_literal(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{map_key(str(k))}: {literal(v)}" for k, v in value.items()) + "}"
    raise QueryError(f"cannot write a {type(value).__name__} as a Cypher literal")


def _decode_string(body: str) -> str:
    """The value of a Cypher string literal's body (between the quotes)."""
    out, i = [], 0
    while i < len(body):
        c = body[i]
        if c != "\\" or i + 1 >= len(body):
            out.append(c)
            i += 1
            continue
        e = body[i + 1]
        if e in _ESCAPES:
            out.append(_ESCAPES[e])
            i += 2
        elif e in "uU":
            width = 4 if e == "u" else 8
            digits = body[i + 2:i + 2 + width]
            try:
                out.append(chr(int(digits, 16)))
            except ValueError:
                raise QueryError(f"bad escape \\{e}{digits} in a string literal") from None
            i += 2 + width
        else:
            out.append(c)
            i += 1
    return "".join(out)


@dataclass
class Scanned:
    """A query split into code and literals: ``masked`` is the text with every string, quoted
    name and comment blanked (same length), ``depth`` the bracket depth at each character."""

    text: str
    masked: str
    depth: list[int]
    strings: list[tuple[int, int, str]]  # (start, end, decoded value) of each string literal
    params: list[tuple[int, int, str]]   # (start, end, name) of each $parameter
    comments: list[tuple[int, int]]      # (start, end) of each comment


def scan(text: str) -> Scanned:
    """Scan ``text`` once; raise QueryError on an unterminated string or comment."""
    masked, depth, strings, params, comments = list(text), [0] * len(text), [], [], []
    level, i, n = 0, 0, len(text)
    while i < n:
        c = text[i]
        if c in "'\"`":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" and c != "`" else 1
            if j >= n:
                raise QueryError("unterminated quote in the query")
            if c != "`":
                strings.append((i, j + 1, _decode_string(text[i + 1:j])))
            for k in range(i, j + 1):
                masked[k], depth[k] = " " if k not in (i, j) else "'", level
            i = j + 1
            continue
        if text.startswith("//", i) or text.startswith("/*", i):
            j = text.find("\n", i) if text[i + 1] == "/" else text.find("*/", i)
            if j < 0:
                if text[i + 1] == "*":
                    raise QueryError("unterminated /* comment in the query")
                j = n
            elif text[i + 1] == "*":
                j += 2
            comments.append((i, j))
            for k in range(i, j):
                masked[k], depth[k] = " ", level
            i = j
            continue
        if c == "$":
            m = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)").match(text, i)
            if m:
                params.append((i, m.end(), m.group(1)))
        if c in "([{":
            level += 1
        elif c in ")]}":
            level = max(0, level - 1)
        depth[i] = level if c not in "([{" else level - 1
        i += 1
    return Scanned(text, "".join(masked), depth, strings, params, comments)
