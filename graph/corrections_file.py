"""The analyst's corrections file: YAML, read and checked whole before any work starts.

A file is a list of corrections, each a mapping with one operation and an optional ``note``::

    # comments are allowed anywhere
    - merge: ["Person:Lula", "Person:Luiz Inácio Lula da Silva"]
      note: same person
    - drop: "Place:Noda"
    - rename: {node: "Person:Iham Aliyev", to: "Ilham Aliyev"}
    - retype: {node: "Person:Hezbollah", to: Organisation}
    - set: {node: "Event:Official visit of Ilham Aliyev to Pakistan", date: "2024-07-11/2024-07-12"}
    - add_node: {kind: Organisation, name: "Alliance of Sahel States", aliases: [AES]}
    - add_edge: {source: "Person:Narendra Modi", type: HEAD_OF, target: "State:India"}
    - drop_edge: {source: "Person:Narendra Modi", type: HEAD_OF, target: "State:Nepal"}

A node is named by its id (``person:3f2a...``) or as ``"Kind:name or alias"``. Whatever is
wrong with the file (YAML syntax, an unknown operation, kind, edge type or property, a date
that is not ISO 8601) raises :class:`~briefgraph.errors.CorrectionsError` naming the line.
Whether the nodes named exist is only known when the file is applied
(:mod:`briefgraph.graph.corrections`).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefgraph.errors import CorrectionsError
from briefgraph.inputs import read_input
from briefgraph.graph.schema import load_schema

OPERATIONS = ("merge", "drop", "rename", "retype", "set", "add_node", "add_edge", "drop_edge")
#: properties a correction may not set directly: the id, kind and name have their own
#: operations, evidence and documents come only from the text, dates are derived from ``date``
_NOT_SETTABLE = {"id", "kind", "name", "evidence", "docs", "corrections", "date_start", "date_end",
                 "date_precision"}
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True)
class Correction:
    """One entry of a corrections file: ``op``, its arguments, the note, and where it was written."""

    op: str
    args: dict[str, Any]
    note: str | None
    file: str
    line: int
    text: str = field(default="", compare=False)  # the entry as written, for messages

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"

    def provenance(self) -> dict[str, Any]:
        """The record left on every node and edge this correction touches."""
        return {"op": self.op, "note": self.note, "file": self.file}


def load_corrections(path: str | os.PathLike) -> list[Correction]:
    """Read and check a corrections file; raise CorrectionsError (with the line) if it is malformed.

    Examples
    --------
    >>> import tempfile, os
    >>> with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False) as fh:
    ...     _ = fh.write("# fixes\\n- drop: 'Place:Noda'\\n  note: a surname, not a place\\n")
    >>> [(c.op, c.args, c.note, c.line) for c in load_corrections(fh.name)]
    [('drop', {'node': 'Place:Noda'}, 'a surname, not a place', 2)]
    >>> os.unlink(fh.name)
    """
    p = Path(path)
    data = read_input(p, "a corrections file", missing="corrections file", error=CorrectionsError)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise CorrectionsError(f"{p}: a corrections file must be UTF-8 text") from None
    # As Path.read_text did: universal newlines, so line numbers hold for Windows files too.
    return parse_corrections(text.replace("\r\n", "\n").replace("\r", "\n"), str(path))


def parse_corrections(text: str, file: str = "corrections") -> list[Correction]:
    """The corrections in YAML ``text`` (``file`` names it in messages and provenance)."""
    import yaml  # PyYAML: only commands that read a corrections file pay for the import

    loader = yaml.SafeLoader(text)
    try:
        try:
            root = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            # the line where the broken construct starts (an unclosed bracket), else where it broke
            mark = exc.context_mark or exc.problem_mark
            line = mark.line + 1 if mark else 1
            also = ""
            if exc.problem_mark and exc.context_mark and exc.problem_mark.line != exc.context_mark.line:
                also = f", noticed at line {exc.problem_mark.line + 1}"
            what = "; ".join(x for x in (exc.context, exc.problem) if x)
            raise CorrectionsError(f"{file}:{line}: not valid YAML ({what}{also})") from None
        except yaml.YAMLError as exc:
            raise CorrectionsError(f"{file}: not valid YAML ({exc})") from None
        if root is None:
            return []  # an empty file (or only comments): nothing to correct
        if not isinstance(root, yaml.SequenceNode):
            raise CorrectionsError(f"{file}:{root.start_mark.line + 1}: a corrections file is a list "
                                   "of entries, each starting with '- '")
        out = []
        lines = text.splitlines()
        for item in root.value:
            line = item.start_mark.line + 1
            try:
                value = loader.construct_object(item, deep=True)
            except yaml.YAMLError as exc:
                raise CorrectionsError(f"{file}:{line}: cannot read this entry ({exc})") from None
            entry = lines[line - 1].strip() if line <= len(lines) else ""
            out.append(_check(value, file, line, entry))
        return out
    finally:
        loader.dispose()


def _check(value: Any, file: str, line: int, entry: str) -> Correction:
    def bad(message: str) -> CorrectionsError:
        return CorrectionsError(f"{file}:{line}: {message}")

    if not isinstance(value, dict):
        raise bad(f"an entry is a mapping such as '- drop: \"Place:Noda\"', not {_show(value)}")
    ops = [k for k in value if k in OPERATIONS]
    unknown = [k for k in value if k not in OPERATIONS and k != "note"]
    if unknown:
        raise bad(f"unknown key {unknown[0]!r}; operations: {', '.join(OPERATIONS)} (and 'note')")
    if len(ops) != 1:
        raise bad("an entry has exactly one operation" + (f", not {', '.join(ops)}" if ops else
                                                          f": {', '.join(OPERATIONS)}"))
    op = ops[0]
    note = value.get("note")
    if note is not None and not isinstance(note, (str, int, float)):
        raise bad("'note' is text")
    args = _ARGS[op](value[op], bad)
    return Correction(op, args, None if note is None else str(note), file, line, entry)


def _show(value: Any) -> str:
    return f"{type(value).__name__} {str(value)[:40]!r}"


def _ref(value: Any, what: str, bad) -> str:
    """A node reference: an id (``person:3f2a...``) or ``Kind:name``."""
    if not isinstance(value, str) or ":" not in value or not value.split(":", 1)[1].strip():
        raise bad(f"{what} names a node as 'Kind:name' or by its id, not {_show(value)}")
    prefix = value.split(":", 1)[0].strip()
    kinds = load_schema().node_kinds
    if prefix not in kinds and prefix.lower() not in {k.lower() for k in kinds}:
        raise bad(f"{what} {value!r}: unknown node kind {prefix!r}; kinds: {', '.join(kinds)}")
    return value


def _mapping(value: Any, op: str, required: tuple[str, ...], bad, extra_ok: bool = False) -> dict:
    if not isinstance(value, dict):
        raise bad(f"{op} takes a mapping with {', '.join(required)}, not {_show(value)}")
    missing = [k for k in required if value.get(k) in (None, "")]
    if missing:
        raise bad(f"{op} needs {', '.join(missing)}")
    if not extra_ok:
        extra = [k for k in value if k not in required]
        if extra:
            raise bad(f"{op} takes only {', '.join(required)}, not {extra[0]!r}")
    return dict(value)


def _props(values: dict, bad, where: str) -> dict[str, Any]:
    """Properties a correction sets: names the schema knows, plain values, ISO dates."""
    schema = load_schema()
    allowed = {p for k in schema.node_kinds.values() for p in k.properties}
    allowed |= {p for t in schema.edge_types.values() for p in t.properties}
    allowed |= {"confidence", "date", "date_qualifier"}
    out = {}
    for key, v in values.items():
        if key in _NOT_SETTABLE or key not in allowed:
            raise bad(f"{where}: property {key!r} cannot be set here; "
                      f"use rename/retype for names and kinds, 'date' for dates")
        if isinstance(v, (dt.date, dt.datetime)):  # YAML reads 2024-07-11 as a date
            v = v.isoformat()[:10]
        if key == "date" and v is not None:
            v = str(v)
            if date_props(v) is None:
                raise bad(f"{where}: date {v!r} is not ISO 8601 (YYYY, YYYY-MM, YYYY-MM-DD or START/END)")
        if key == "confidence" and v is not None and (
                isinstance(v, bool) or not isinstance(v, (int, float)) or not 0 <= v <= 1):
            raise bad(f"{where}: confidence is a number from 0 to 1, not {_show(v)}")
        if not (v is None or isinstance(v, (str, int, float, bool))
                or isinstance(v, list) and all(isinstance(x, (str, int, float, bool)) for x in v)):
            raise bad(f"{where}: {key} must be text, a number or a list of them, not {_show(v)}")
        out[key] = v
    return out


def _merge(value: Any, bad) -> dict:
    if not isinstance(value, list) or len(value) < 2:
        raise bad("merge takes a list of two or more nodes, the one to keep first")
    return {"nodes": [_ref(v, "merge", bad) for v in value]}


def _drop(value: Any, bad) -> dict:
    if isinstance(value, dict):
        value = _mapping(value, "drop", ("node",), bad)["node"]
    return {"node": _ref(value, "drop", bad)}


def _rename(value: Any, bad) -> dict:
    v = _mapping(value, "rename", ("node", "to"), bad)
    if not isinstance(v["to"], str) or not v["to"].strip():
        raise bad("rename: 'to' is the new name")
    return {"node": _ref(v["node"], "rename", bad), "to": v["to"].strip()}


def _retype(value: Any, bad) -> dict:
    v = _mapping(value, "retype", ("node", "to"), bad)
    try:
        load_schema().check_kind(v["to"])
    except Exception as exc:
        raise bad(f"retype: {exc}") from None
    return {"node": _ref(v["node"], "retype", bad), "to": v["to"]}


def _set(value: Any, bad) -> dict:
    v = _mapping(value, "set", ("node",), bad, extra_ok=True)
    node = _ref(v.pop("node"), "set", bad)
    if not v:
        raise bad("set needs at least one property besides 'node' (e.g. date: 2024-07-11)")
    return {"node": node, "props": _props(v, bad, "set")}


def _add_node(value: Any, bad) -> dict:
    v = _mapping(value, "add_node", ("kind", "name"), bad, extra_ok=True)
    try:
        load_schema().check_kind(v["kind"])
    except Exception as exc:
        raise bad(f"add_node: {exc}") from None
    if not isinstance(v["name"], str) or not v["name"].strip():
        raise bad("add_node: 'name' is text")
    aliases = v.pop("aliases", None) or []
    if isinstance(aliases, str):
        aliases = [aliases]
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise bad("add_node: 'aliases' is a list of names")
    kind, name = v.pop("kind"), v.pop("name").strip()
    return {"kind": kind, "name": name, "aliases": aliases, "props": _props(v, bad, "add_node")}


def _edge(op: str):
    def check(value: Any, bad) -> dict:
        v = _mapping(value, op, ("source", "type", "target"), bad, extra_ok=(op == "add_edge"))
        try:
            load_schema().check_edge_type(v["type"])
        except Exception as exc:
            raise bad(f"{op}: {exc}") from None
        out = {"source": _ref(v.pop("source"), f"{op} source", bad), "type": v.pop("type"),
               "target": _ref(v.pop("target"), f"{op} target", bad)}
        if op == "add_edge":
            out["props"] = _props(v, bad, op)
        return out
    return check


_ARGS = {"merge": _merge, "drop": _drop, "rename": _rename, "retype": _retype, "set": _set,
         "add_node": _add_node, "add_edge": _edge("add_edge"), "drop_edge": _edge("drop_edge")}


def date_props(value: str) -> dict[str, str] | None:
    """``date``, ``date_start``, ``date_end`` and ``date_precision`` of an ISO 8601 date or
    interval, or None if ``value`` is not one.

    Examples
    --------
    >>> date_props("2024-07-11/2024-07-12")["date_end"], date_props("2015-02")["date_end"]
    ('2024-07-12', '2015-02-28')
    >>> date_props("12 July 2024") is None
    True
    """
    parts = str(value).strip().split("/")
    if len(parts) > 2:
        return None
    days = []
    for part in parts:
        m = _DATE.match(part.strip())
        if not m:
            return None
        y, mo, d = int(m.group(1)), m.group(2), m.group(3)
        try:
            if d:
                first = last = dt.date(y, int(mo), int(d))
                precision = "day"
            elif mo:
                first = dt.date(y, int(mo), 1)
                last = (dt.date(y + int(mo) // 12, int(mo) % 12 + 1, 1) - dt.timedelta(days=1))
                precision = "month"
            else:
                first, last, precision = dt.date(y, 1, 1), dt.date(y, 12, 31), "year"
        except ValueError:
            return None
        days.append((first, last, precision))
    start, end = days[0][0], days[-1][1]
    if end < start:
        return None
    precision = days[0][2] if all(p == days[0][2] for _, _, p in days) else "day"
    text = "/".join(p.strip() for p in parts)
    return {"date": text, "date_start": start.isoformat(), "date_end": end.isoformat(),
            "date_precision": precision}
