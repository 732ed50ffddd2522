"""The offline Cypher engine: an embedded Ladybug database built from a briefgraph graph.

The networkx graph stays the store of the design; this module copies it into Ladybug (the
maintained MIT fork of Kùzu, a columnar graph database that runs in this process) so Cypher
runs on it at database speed:

* **the same properties as Neo4j**: every node and relationship gets exactly the properties the
  Neo4j store writes (:mod:`briefgraph.cypher.properties`: ``evidence_json``, ``source_ids``,
  ``extra_json``; the label is the ``kind``, the relationship type the edge ``type``), and
  documents are ``:BriefgraphDocument`` nodes, so a query written for Neo4j sees the same data;
* **a schema generated from graph/schema.json**: Ladybug declares tables up front, so there is a
  node table per kind (plus the document label) and a relationship table per edge type with
  the ``FROM``/``TO`` pairs the schema allows (and any others the graph holds). Every node
  table has the same columns, the union of the properties any node has and those the schema
  names, so ``n.title`` on an unlabelled ``n`` is null where Neo4j's is, instead of an error;
  column types come from the values (STRING, INT64, DOUBLE, BOOLEAN and lists of them);
* **bulk load**: the rows are written to CSV files in a temporary folder and read by ``COPY ...
  FROM (LOAD WITH HEADERS ... FROM file)``, the fastest path Ladybug offers without pandas or
  pyarrow. CSV has no null/empty distinction and no lists, so an empty string is written as
  :data:`EMPTY` and list items are joined by :data:`SEP`, both decoded in the ``LOAD`` query;
* **a cache**: a graph file's database is built once into
  ``$BRIEFGRAPH_CACHE/ladybug-<version>/<sha256 of the file and of this loader>`` (atomically:
  built beside it, then renamed) and opened read-only afterwards, so the second query on a
  file skips both the JSON and the load.
"""

from __future__ import annotations

import csv
import hashlib
import os
import shutil
import tempfile
import weakref
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import networkx as nx

from briefgraph.cypher.properties import DOCUMENT_LABEL, document_properties, edge_properties, node_properties
from briefgraph.errors import QueryError

SEP = "\x1f"    # between the items of a list in one CSV field
EMPTY = "\x1e"  # an empty string or an empty list (an empty CSV field is null)
QUOTE = "\x02"  # the CSV quote character: absent from text, so never doubled (doubled if it occurs)
LOADER_VERSION = "1"  # bump when the layout below changes: old cache entries are then ignored
KEEP_CACHED = 8       # databases kept in the cache folder, most recently used first
_CORE = {"id": "STRING", "kind": "STRING", "name": "STRING", "aliases": "STRING[]", "docs": "STRING[]",
         "evidence_json": "STRING", "source_ids": "STRING[]", "extra_json": "STRING"}
_SCALAR = {bool: "BOOLEAN", int: "INT64", float: "DOUBLE", str: "STRING"}


def _engine():
    try:
        import ladybug
    except ImportError:  # pragma: no cover - a dependency, present in every install
        raise QueryError("the memory backend needs the ladybug package",
                         hint="pip install ladybug, or use --backend neo4j") from None
    return ladybug


def engine_version() -> str:
    return getattr(_engine(), "__version__", "unknown")


def _type_of(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        inner = {_SCALAR.get(type(v), "STRING") for v in value}
        if inner == {"INT64", "DOUBLE"}:
            inner = {"DOUBLE"}
        return (inner.pop() if len(inner) == 1 else "STRING") + "[]"
    return _SCALAR.get(type(value), "STRING")


def _merge(a: str | None, b: str) -> str:
    if a is None or a == b:
        return b
    if {a, b} == {"INT64", "DOUBLE"}:
        return "DOUBLE"
    if {a, b} == {"INT64[]", "DOUBLE[]"}:
        return "DOUBLE[]"
    if a.endswith("[]") and b.endswith("[]"):
        return "STRING[]"
    return "STRING"  # a property with values of several types: kept as text (Neo4j keeps each type)


@dataclass
class Layout:
    """The tables: columns (name -> type) shared by every node table, every relationship table,
    and the (from, to) kind pairs of each relationship type."""

    node_columns: dict[str, str] = field(default_factory=dict)
    edge_columns: dict[str, str] = field(default_factory=dict)
    pairs: dict[str, set[tuple[str, str]]] = field(default_factory=dict)
    kinds: tuple[str, ...] = ()


def _layout(nodes: list[tuple[str, dict]], edges: list[tuple[str, str, str, dict]]) -> Layout:
    from briefgraph.graph.schema import load_schema

    schema = load_schema()
    lay = Layout(kinds=tuple(schema.node_kinds))
    cols: dict[str, str | None] = dict(_CORE)
    for spec in schema.node_kinds.values():
        for key in spec.properties:
            cols.setdefault(key, None)
    for key in schema.date_properties:
        cols.setdefault(key, None)
    for _, props in nodes:
        for key, value in props.items():
            if key not in _CORE:
                cols[key] = _merge(cols.get(key), _type_of(value))
    lay.node_columns = {k: v or "STRING" for k, v in cols.items()}
    ecols: dict[str, str | None] = {"evidence_json": "STRING", "source_ids": "STRING[]", "extra_json": "STRING"}
    for spec in schema.edge_types.values():
        for key in spec.properties:
            ecols.setdefault(key, None)
        lay.pairs[spec.name] = {(s, t) for s in spec.sources for t in spec.targets}
    for _, _, etype, props in edges:
        for key, value in props.items():
            if key not in ("evidence_json", "source_ids", "extra_json"):
                ecols[key] = _merge(ecols.get(key), _type_of(value))
    lay.edge_columns = {k: v or "STRING" for k, v in ecols.items()}
    return lay


def _quote(name: str) -> str:
    return "`" + name.replace("`", "``") + "`"


def _cell(value: Any, ctype: str) -> str:
    """One CSV field (see the module docstring for the encoding)."""
    if value is None:
        return ""
    if ctype.endswith("[]"):
        if not isinstance(value, (list, tuple)):
            value = [value]
        if not value:
            return EMPTY
        items = [_scalar_text(v) for v in value]
        for item in items:
            if SEP in item or EMPTY in item:
                raise QueryError("a list value holds the control character U+001F or U+001E; "
                                 "the memory backend cannot load it", hint="use --backend neo4j")
        return SEP.join(items)
    text = _scalar_text(value) if ctype != "STRING" or isinstance(value, str) else _json(value)
    if text == "":
        return EMPTY
    if text == EMPTY:
        raise QueryError("a value is the control character U+001E; the memory backend cannot load it",
                         hint="use --backend neo4j")
    return text


def _row_maker(columns: list[tuple[str, str]], lead: int = 0):
    """A function from a property dict to its CSV row: only the keys a record has are encoded
    (most of the shared columns are null for any one kind), plain strings on a fast path."""
    index = {k: i + lead for i, (k, _) in enumerate(columns)}
    types = dict(columns)
    width = lead + len(columns)

    def row(props: dict[str, Any]) -> list[str]:
        out = [""] * width
        for key, value in props.items():
            if value is None:
                continue
            ctype = types[key]
            if ctype == "STRING" and type(value) is str and value and value != EMPTY:
                out[index[key]] = value
            else:
                out[index[key]] = _cell(value, ctype)
        return out

    return row


def _json(value: Any) -> str:
    import json

    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _scalar_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return str(value) if not isinstance(value, (list, dict)) else _json(value)


def _decode(column: str, ctype: str) -> str:
    """The ``LOAD`` expression that turns CSV field ``column`` back into a value of ``ctype``
    (``nullif`` first: Ladybug evaluates every branch of a CASE, so a cast must never see ``''``)."""
    value = f"nullif({column}, '')"
    if ctype == "STRING":
        return f"CASE WHEN {column} = '{EMPTY}' THEN '' ELSE {value} END"
    if not ctype.endswith("[]"):
        return f"CAST({value} AS {ctype})"
    inner = ctype[:-2]
    split = f"string_split(nullif({value}, '{EMPTY}'), '{SEP}')"
    if inner != "STRING":
        split = f"list_transform({split}, x -> CAST(x AS {inner}))"
    return f"CASE WHEN {column} = '{EMPTY}' THEN CAST([] AS {ctype}) ELSE {split} END"


def _copy(conn, table: str, path: Path, types: list[str], pair: tuple[str, str] | None = None) -> None:
    heads = ", ".join(f"c{i} STRING" for i in range(len(types)))
    cols = ", ".join(_decode(f"c{i}", t) for i, t in enumerate(types))
    where = str(path).replace("'", "\\'")
    options = f" (from='{pair[0]}', to='{pair[1]}')" if pair else ""
    conn.execute(f"COPY {_quote(table)} FROM (LOAD WITH HEADERS ({heads}) FROM '{where}' "
                 f"(header=false, quote='{QUOTE}', escape='{QUOTE}', parallel=false) RETURN {cols}){options}")


def _write_csv(path: Path, rows: Iterable[list[str]]) -> int:
    n = 0
    with open(path, "w", newline="", encoding="utf-8") as fh:
        # every field quoted (a lone carriage return would otherwise end the record), by QUOTE:
        # evidence JSON is full of double quotes, whose doubling made Ladybug's reader 3x slower
        w = csv.writer(fh, lineterminator="\n", quoting=csv.QUOTE_ALL, quotechar=QUOTE)
        for row in rows:
            w.writerow(row)
            n += 1
    return n


def load(conn, graph: nx.MultiDiGraph, work: Path) -> Layout:
    """Create the tables on ``conn`` and bulk-load ``graph`` through CSV files in ``work``;
    raise QueryError (one line) if the engine refuses the data."""
    try:
        return _load(conn, graph, work)
    except RuntimeError as exc:
        first = next((line.strip() for line in str(exc).splitlines() if line.strip()), type(exc).__name__)
        raise QueryError(f"the memory backend could not load the graph ({first[:200]})",
                         hint="use --backend neo4j") from None


def _load(conn, graph: nx.MultiDiGraph, work: Path) -> Layout:
    nodes = [(nid, node_properties(nid, d)) for nid, d in graph.nodes(data=True)]
    edges = [(u, v, d["type"], edge_properties(u, v, d)) for u, v, d in graph.edges(data=True)]
    lay = _layout(nodes, edges)
    kind_of = {nid: props["kind"] for nid, props in nodes}
    for u, v, etype, _ in edges:
        lay.pairs.setdefault(etype, set()).add((kind_of[u], kind_of[v]))
    ncols = list(lay.node_columns.items())
    col_defs = ", ".join(f"{_quote(k)} {t}" + (" PRIMARY KEY" if k == "id" else "") for k, t in ncols)
    for kind in lay.kinds:
        conn.execute(f"CREATE NODE TABLE {_quote(kind)}({col_defs})")
    conn.execute(f"CREATE NODE TABLE {_quote(DOCUMENT_LABEL)}(id STRING PRIMARY KEY, title STRING, "
                 "`date` STRING, header_json STRING)")
    ecols = list(lay.edge_columns.items())
    edge_defs = "".join(f", {_quote(k)} {t}" for k, t in ecols)
    for etype, pairs in sorted(lay.pairs.items()):
        ends = ", ".join(f"FROM {_quote(s)} TO {_quote(t)}" for s, t in sorted(pairs))
        conn.execute(f"CREATE REL TABLE {_quote(etype)}({ends}{edge_defs})")

    by_kind: dict[str, list] = {}
    node_row = _row_maker(ncols)
    for nid, props in nodes:
        by_kind.setdefault(props["kind"], []).append(node_row(props))
    for kind, rows in by_kind.items():
        path = work / f"node-{kind}.csv"
        _write_csv(path, rows)
        _copy(conn, kind, path, [t for _, t in ncols])
    docs = [document_properties(d, h) for d, h in sorted(graph.graph.get("documents", {}).items())]
    if docs:
        path = work / "documents.csv"
        dtypes = ["STRING"] * 4
        _write_csv(path, ([_cell(p.get(k), "STRING") for k in ("id", "title", "date", "header_json")] for p in docs))
        _copy(conn, DOCUMENT_LABEL, path, dtypes)
    by_pair: dict[tuple[str, str, str], list] = {}
    edge_row = _row_maker(ecols, lead=2)
    for u, v, etype, props in edges:
        row = edge_row(props)
        row[0], row[1] = u, v
        by_pair.setdefault((etype, kind_of[u], kind_of[v]), []).append(row)
    for (etype, s, t), rows in sorted(by_pair.items()):
        path = work / f"edge-{etype}-{s}-{t}.csv"
        _write_csv(path, rows)
        _copy(conn, etype, path, ["STRING", "STRING"] + [t for _, t in ecols],
              (s, t) if len(lay.pairs[etype]) > 1 else None)
    return lay


# -- databases: one per graph object (in memory) or per graph file (cached on disk) -------------

class Database:
    """An open Ladybug database holding one graph, with one connection, read-only when cached."""

    def __init__(self, db, conn, origin: str):
        self.db, self.conn, self.origin = db, conn, origin

    def execute(self, cypher: str, params: dict[str, Any]) -> tuple[list[str], list[list[Any]]]:
        result = self.conn.execute(cypher, params)
        try:
            return list(result.get_column_names()), result.get_all()
        finally:
            result.close()

    def close(self) -> None:
        self.conn.close()
        self.db.close()


_BUFFER = 1 << 30  # bytes of Ladybug's buffer pool: a cap, not an allocation
_by_graph: "weakref.WeakKeyDictionary[nx.MultiDiGraph, tuple[tuple[int, int], Database]]" = \
    weakref.WeakKeyDictionary()


def _connect(db):
    lb = _engine()
    conn = lb.Connection(db, num_threads=2)
    return conn


def for_graph(graph: nx.MultiDiGraph) -> Database:
    """An in-memory database of ``graph``, kept while the graph lives and rebuilt when its node
    or edge count changes (a caller that edits attributes in place should pass a copy)."""
    fingerprint = (graph.number_of_nodes(), graph.number_of_edges())
    cached = _by_graph.get(graph)
    if cached and cached[0] == fingerprint:
        return cached[1]
    database = _in_memory(graph, "graph")
    _by_graph[graph] = (fingerprint, database)
    return database


def cache_root() -> Path:
    base = Path(os.environ.get("BRIEFGRAPH_CACHE") or Path.home() / ".cache" / "briefgraph")
    return base / f"ladybug-{engine_version()}"


def _loader_stamp() -> bytes:
    from importlib import resources

    schema = resources.files("briefgraph.graph").joinpath("schema.json").read_bytes()
    here = Path(__file__).read_bytes()
    props = Path(__file__).with_name("properties.py").read_bytes()
    return hashlib.sha256(b"|".join([LOADER_VERSION.encode(), schema, here, props])).digest()


def cache_key(data: bytes) -> str:
    """The cache entry name for a graph file's bytes (and this loader's code and schema)."""
    return hashlib.sha256(_loader_stamp() + data).hexdigest()[:32]


def for_file(data: bytes, origin: str, read_graph) -> Database:
    """The cached database for a graph file whose bytes are ``data``; on a miss, ``read_graph()``
    gives the networkx graph to build it from. A cache that cannot be written (a read-only home)
    or an entry that does not open (a damaged file) costs speed, never the answer: the database
    is then built again, in memory if need be."""
    lb = _engine()
    root = cache_root()
    entry = root / cache_key(data)
    target = entry / "graph.lbdb"
    graph = None
    if not target.exists():
        graph = read_graph()
        try:
            _build(root, entry, graph)
        except OSError:
            return _in_memory(graph, origin)
    else:
        try:
            os.utime(entry)
        except OSError:
            pass
    try:
        db = lb.Database(str(target), read_only=True, buffer_pool_size=_BUFFER)
    except RuntimeError:  # damaged or half-written by a crashed build: start again without it
        shutil.rmtree(entry, ignore_errors=True)
        return _in_memory(graph if graph is not None else read_graph(), origin)
    return Database(db, _connect(db), origin)


def _build(root: Path, entry: Path, graph: nx.MultiDiGraph) -> None:
    """Build ``graph``'s database beside ``entry`` and rename it into place (atomic)."""
    lb = _engine()
    root.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=".build-", dir=root))
    try:
        db = lb.Database(str(building / "graph.lbdb"), buffer_pool_size=_BUFFER)
        conn = _connect(db)
        load(conn, graph, building)
        conn.close()
        db.close()
        for f in building.glob("*.csv"):
            f.unlink()
        try:
            os.replace(building, entry)
        except OSError:  # another process built it first: use theirs
            pass
    finally:
        shutil.rmtree(building, ignore_errors=True)
    _prune(root)


def _in_memory(graph: nx.MultiDiGraph, origin: str) -> Database:
    lb = _engine()
    db = lb.Database(":memory:", buffer_pool_size=_BUFFER)
    conn = _connect(db)
    with tempfile.TemporaryDirectory(prefix="briefgraph-ladybug-") as work:
        load(conn, graph, Path(work))
    return Database(db, conn, origin)


def _prune(root: Path) -> None:
    """Keep the :data:`KEEP_CACHED` most recently used databases."""
    entries = sorted((p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")),
                     key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[KEEP_CACHED:]:
        shutil.rmtree(old, ignore_errors=True)
