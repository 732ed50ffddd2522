"""The library of named research queries: ``cypher/queries/<name>.cypher``.

Each file starts with a comment header, then the query::

    // One-line description (the first comment line).
    // @param actor string  what the parameter means, with an example
    MATCH ...

Parameter types say how a ``--param key=value`` string becomes a value: ``string``,
``int``, ``float``, ``date_start`` / ``date_end`` (any date expression, ``2014``, ``2015-03``,
``12 July 2024``, turned into its first or last day, so a year range covers whole years).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from briefgraph.errors import QueryError

PARAM_TYPES = ("string", "int", "float", "date_start", "date_end")
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_PARAM_LINE = re.compile(r"^//\s*@param\s+([A-Za-z_]\w*)\s+(\w+)\s*(.*)$")
_YEAR_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    description: str


@dataclass(frozen=True)
class Query:
    """A named query: ``text`` is the Cypher (header included, comments are harmless)."""

    name: str
    description: str
    params: tuple[Param, ...]
    text: str

    def convert(self, raw: dict[str, str]) -> dict[str, Any]:
        """Turn ``--param`` strings into typed values; raise QueryError if one is unknown or missing."""
        known = {p.name: p for p in self.params}
        unknown = sorted(set(raw) - set(known))
        if unknown:
            raise QueryError(f"query {self.name!r} has no parameter {unknown[0]!r}",
                             hint=self.usage())
        missing = [p for p in known if p not in raw]
        if missing:
            raise QueryError(f"query {self.name!r} needs --param {missing[0]}=...", hint=self.usage())
        return {k: convert_value(known[k], v) for k, v in raw.items()}

    def usage(self) -> str:
        if not self.params:
            return f"{self.name} takes no parameters"
        return "parameters: " + "; ".join(f"{p.name} ({p.type}): {p.description}" for p in self.params)


def convert_value(param: Param, value: str) -> Any:
    """Convert one ``--param`` string to ``param``'s type."""
    try:
        if param.type == "int":
            return int(value)
        if param.type == "float":
            return float(value)
    except ValueError:
        raise QueryError(f"--param {param.name}={value!r}: not a {param.type}") from None
    if param.type in ("date_start", "date_end"):
        from briefgraph.loaders.dates import month_value, parse_date

        # parse_date reads prose dates; an ISO year-month (2015-03) it leaves alone
        m = _YEAR_MONTH.match(value.strip())
        date = month_value(int(m.group(1)), int(m.group(2))) if m and 1 <= int(m.group(2)) <= 12 else parse_date(value)
        if date is None:
            raise QueryError(f"--param {param.name}={value!r}: not a date",
                             hint="use e.g. 2014, 2015-03 or 2024-07-12")
        return date.start if param.type == "date_start" else date.end
    return value


def parse_query(name: str, text: str) -> Query:
    """Read the header of a ``.cypher`` file; raise QueryError if it is malformed."""
    lines = text.splitlines()
    if not lines or not lines[0].startswith("//") or lines[0].lstrip("/ ").startswith("@"):
        raise QueryError(f"query {name}: the first line must be a '// description' comment")
    description = lines[0].lstrip("/").strip()
    params = []
    for line in lines[1:]:
        if not line.startswith("//"):
            break
        if m := _PARAM_LINE.match(line):
            if m.group(2) not in PARAM_TYPES:
                raise QueryError(f"query {name}: parameter {m.group(1)} has unknown type {m.group(2)!r}")
            params.append(Param(m.group(1), m.group(2), m.group(3).strip()))
    return Query(name, description, tuple(params), text)


@lru_cache(maxsize=1)
def _load_all() -> dict[str, Query]:
    folder = resources.files("briefgraph.cypher").joinpath("queries")
    out = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".cypher"):
            name = entry.name[: -len(".cypher")]
            out[name] = parse_query(name, entry.read_text("utf-8"))
    return out


def list_queries() -> list[Query]:
    """Every library query, sorted by name.

    Examples
    --------
    >>> "actor_events" in [q.name for q in list_queries()]
    True
    """
    return list(_load_all().values())


def get_query(name: str) -> Query:
    """The library query called ``name``; raise QueryError naming the choices if there is none."""
    try:
        return _load_all()[name]
    except KeyError:
        raise QueryError(f"no query named {name!r} in the library",
                         hint="briefgraph query --list shows them; or give Cypher text") from None


def looks_like_name(text: str) -> bool:
    """True if ``text`` is a library-style name (``actor_events``) rather than Cypher text."""
    return bool(_NAME.match(text))


def infer_value(value: str) -> Any:
    """Type of an ad-hoc ``--param`` value: JSON when it parses (``5``, ``2.5``, ``true``,
    ``["a", "b"]``, ``"2014"``), else the plain string.

    Examples
    --------
    >>> infer_value("5"), infer_value("Pakistan"), infer_value('"2014"'), infer_value('["a"]')
    (5, 'Pakistan', '2014', ['a'])
    """
    import json

    try:
        parsed = json.loads(value)
    except ValueError:
        return value
    return parsed if not isinstance(parsed, dict) else value
