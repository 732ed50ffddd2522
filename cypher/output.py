"""Query rows as text: an aligned table for people, JSON or CSV for tools."""

from __future__ import annotations

import csv
import json
from typing import IO, Any

FORMATS = ("table", "json", "csv")
_TABLE_CELL = 80  # characters; JSON and CSV are never cut


def cell(value: Any) -> str:
    """One value as text: scalars as they are, lists and maps (nodes, paths) as compact JSON."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return str(value)


def write_rows(rows: list[dict[str, Any]], fmt: str, out: IO[str]) -> None:
    """Write ``rows`` (dicts in column order) to ``out`` as ``table``, ``json`` or ``csv``.

    Examples
    --------
    >>> import io; buf = io.StringIO()
    >>> write_rows([{"name": "Pakistan", "n": 2}, {"name": "Azerbaijan", "n": 10}], "table", buf)
    >>> print(buf.getvalue(), end="")
    name        n
    ----------  --
    Pakistan    2
    Azerbaijan  10
    """
    if fmt == "json":
        json.dump(rows, out, ensure_ascii=False, indent=1)
        out.write("\n")
        return
    columns = list(rows[0]) if rows else []
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        if columns:
            writer.writerow(columns)
        for row in rows:
            writer.writerow([cell(row.get(c)) for c in columns])
        return
    if not rows:
        return
    cells = [[_cut(cell(row.get(c))) for c in columns] for row in rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths)),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths)) for r in cells]
    out.write("\n".join(line.rstrip() for line in lines) + "\n")


def _cut(text: str) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= _TABLE_CELL else text[:_TABLE_CELL - 1] + "…"
