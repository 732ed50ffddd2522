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
* **bulk load**: the rows go to files in a temporary folder, one line per row with fields
  separated by :data:`DELIM` and never quoted, read by ``COPY ... FROM (LOAD WITH HEADERS ...
  FROM file)``, the fastest path Ladybug offers without pandas or pyarrow; the few rows such a
  file cannot carry, and the very long ones, are created from a query parameter (:class:`_Rows`). A field
  has no null/empty distinction and no lists, so an empty string is written as :data:`EMPTY`
  and list items are joined by :data:`SEP`, both decoded in the ``LOAD`` query;
* **a cache**: a graph file's database is built once into
  ``$BRIEFGRAPH_CACHE/ladybug-<version>/<sha256 of the file and of this loader>`` (atomically:
  built beside it, then renamed) and opened read-only afterwards, so the second query on a
  file skips both the JSON and the load.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import weakref
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import networkx as nx

from briefgraph.cypher.properties import DOCUMENT_LABEL, document_properties, edge_properties, node_properties
from briefgraph.errors import QueryError
from briefgraph.graph.schema import load_schema

SEP = "\x1f"    # between the items of a list in one field of a load file
EMPTY = "\x1e"  # an empty string or an empty list (an empty field is null)
DELIM = "\x1d"     # between the fields of a row in a load file
NO_QUOTE = "\x02"  # the load file's quote character, which no field it carries holds: no quoting
LOADER_VERSION = "1"  # bump when the layout below changes: old cache entries are then ignored
LONG_ROW = 4096        # characters: a longer row is loaded as a parameter, not from a file (see _Rows)
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
    """The relationship tables: the columns (name -> type) every one has, and the (from, to)
    kind pairs of each relationship type."""

    edge_columns: dict[str, str] = field(default_factory=dict)
    pairs: dict[str, set[tuple[str, str]]] = field(default_factory=dict)


def _node_layout(nodes: list[tuple[str, dict]]) -> dict[str, str]:
    """The columns every node table has: the core ones, those the schema names, those any node has."""
    schema = load_schema()
    cols: dict[str, str | None] = dict(_CORE)
    for spec in schema.node_kinds.values():
        for key in spec.properties:
            cols.setdefault(key, None)
    for key in schema.date_properties:
        cols.setdefault(key, None)
    _widen(cols, (props for _, props in nodes), _CORE)
    return {k: v or "STRING" for k, v in cols.items()}


def _widen(cols: dict[str, str | None], records, fixed) -> None:
    """Widen each column type in ``cols`` to hold the values of ``records`` (property dicts);
    the ``fixed`` columns keep theirs."""
    for props in records:
        for key, value in props.items():
            ctype = _SCALAR.get(type(value)) or _type_of(value)
            old = cols.get(key)
            if old != ctype and key not in fixed:
                cols[key] = _merge(old, ctype)


def _edge_layout(edges: list[tuple[str, str, str, dict]], kind_of: dict[str, str]) -> Layout:
    """The columns every relationship table has, and the (from, to) kind pairs of each type:
    those the schema allows and any others the graph holds."""
    schema = load_schema()
    lay = Layout()
    cols: dict[str, str | None] = {"evidence_json": "STRING", "source_ids": "STRING[]", "extra_json": "STRING"}
    for spec in schema.edge_types.values():
        for key in spec.properties:
            cols.setdefault(key, None)
        lay.pairs[spec.name] = {(s, t) for s in spec.sources for t in spec.targets}
    for u, v, etype, _ in edges:
        lay.pairs.setdefault(etype, set()).add((kind_of[u], kind_of[v]))
    _widen(cols, (props for _, _, _, props in edges), ("evidence_json", "source_ids", "extra_json"))
    lay.edge_columns = {k: v or "STRING" for k, v in cols.items()}
    return lay


def _quote(name: str) -> str:
    return "`" + name.replace("`", "``") + "`"


class _Unfit(Exception):
    """A value a load file cannot carry (see :func:`_cell`): its row goes as a parameter."""


def _cell(value: Any, ctype: str) -> str:
    """One field of a load file (see the module docstring for the encoding); raise _Unfit for a
    value the encoding cannot tell apart (a list item that is empty or holds :data:`SEP` or
    :data:`EMPTY`, a string that is :data:`EMPTY`)."""
    if value is None:
        return ""
    if ctype == "STRING[]" and type(value) is list and value and all(value):
        try:
            text = SEP.join(value)  # a list of non-empty strings, the usual case
        except TypeError:
            pass
        else:
            if text.count(SEP) == len(value) - 1 and EMPTY not in text:
                return text
    if ctype.endswith("[]"):
        if not isinstance(value, (list, tuple)):
            value = [value]
        if not value:
            return EMPTY
        items = [_scalar_text(v) for v in value]
        for item in items:
            if not item or SEP in item or EMPTY in item:
                raise _Unfit
        return SEP.join(items)
    text = _scalar_text(value) if ctype != "STRING" or isinstance(value, str) else _json(value)
    if text == "":
        return EMPTY
    if text == EMPTY:
        raise _Unfit
    return text


def _typed(value: Any, ctype: str) -> Any:
    """``value`` as a parameter for a column of type ``ctype`` (the values :func:`_cell` and
    :func:`_decode` give, without the text encoding)."""
    if value is None:
        return None
    if ctype.endswith("[]"):
        items = value if isinstance(value, (list, tuple)) else [value]
        return [_typed(v, ctype[:-2]) for v in items]
    if ctype == "STRING":
        return value if isinstance(value, str) else (_json(value) if isinstance(value, (list, dict)) else
                                                     _scalar_text(value))
    return {"INT64": int, "DOUBLE": float, "BOOLEAN": bool}[ctype](value)


class _Rows:
    """Encodes the records of one table (``lead`` key fields, then the property columns).

    A record becomes a line of the load file (:meth:`add`), or, when the file cannot carry it
    (a field holding a line break, :data:`DELIM` or :data:`NO_QUOTE`, a value :func:`_cell`
    refuses) or it is long (a hub's evidence: Ladybug's file reader slows with the length of a
    field, to under 2 MB/s at 330 kB), a row of typed values for a parameter.
    """

    def __init__(self, columns: list[tuple[str, str]], lead: int = 0):
        self.columns = columns
        self.lead = lead
        self.types = ["STRING"] * lead + [t for _, t in columns]
        self.lines: list[str] = []
        self.params: list[dict[str, Any]] = []
        self._index = {k: i + lead for i, (k, _) in enumerate(columns)}
        self._type = dict(columns)

    def add(self, keys: list[str], props: dict[str, Any]) -> None:
        out = keys + [""] * len(self.columns)
        index, types = self._index, self._type
        try:
            for key, value in props.items():
                if value is None:
                    continue
                ctype = types[key]
                if ctype == "STRING" and type(value) is str and value and value != EMPTY:
                    out[index[key]] = value  # the common case, on a fast path
                else:
                    out[index[key]] = _cell(value, ctype)
        except _Unfit:
            line = ""
        else:
            line = DELIM.join(out)
        if (line and len(line) <= LONG_ROW and line.count(DELIM) == len(out) - 1 and "\n" not in line
                and "\r" not in line and NO_QUOTE not in line):
            self.lines.append(line)
            return
        row: dict[str, Any] = {f"c{i}": k for i, k in enumerate(keys)}
        row.update({f"c{i}": None for i in range(len(keys), len(out))})  # every row the same fields
        for key, value in props.items():
            row[f"c{index[key]}"] = _typed(value, types[key])
        self.params.append(row)


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


class _Engine:
    """Runs the load's statements in order on a thread of their own. Ladybug releases the GIL
    while it works, so Python encodes the next table while the engine copies the last one: on
    two cores the load takes about the longer of the two parts rather than their sum."""

    def __init__(self, conn):
        from concurrent.futures import ThreadPoolExecutor

        self._conn = conn
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="briefgraph-load")
        self._pending: list = []

    def run(self, query: str, params: dict[str, Any] | None = None, done: Path | None = None) -> None:
        """Queue ``query``; ``done``, a load file, is deleted once the engine has read it."""
        if any(f.done() and f.exception() for f in self._pending):
            self.finish()  # raises the engine's error now rather than after queueing more work
        self._pending.append(self._pool.submit(self._execute, query, params, done))

    def _execute(self, query: str, params: dict[str, Any] | None, done: Path | None) -> None:
        self._conn.execute(query, params or {}).close()
        if done is not None:
            done.unlink(missing_ok=True)

    def finish_quietly(self) -> None:
        """Stop after the running statement, dropping the queued ones and their errors."""
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._pending = []

    def finish(self) -> None:
        """Wait for every queued statement; raise the first error as a QueryError (the rest are
        not run)."""
        try:
            for future in self._pending:
                try:
                    future.result()
                except RuntimeError as exc:
                    first = next((line.strip() for line in str(exc).splitlines() if line.strip()),
                                 type(exc).__name__)
                    raise QueryError(f"the memory backend could not load the graph ({first[:200]})",
                                     hint="use --backend neo4j") from None
        finally:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pending = []


def _copy(engine: _Engine, table: str, rows: _Rows, path: Path, ends: tuple[str, str] | None = None,
          pair_option: bool = False) -> None:
    """Queue the loading of ``rows`` into ``table`` (a relationship table when ``ends`` names
    the kinds it joins; ``pair_option`` when it joins more than that pair): the lines by a
    COPY from a file at ``path``, the rest by CREATE from a parameter. (COPY from a parameter
    would be as fast, but Ladybug 0.22 crashes on a second such COPY into one table.)"""
    if rows.params:
        props = ", ".join(f"{_quote(name)}: CAST(r.c{i + rows.lead} AS {t})" for i, (name, t) in enumerate(rows.columns))
        if ends is None:
            engine.run(f"UNWIND $rows AS r CREATE (:{_quote(table)} {{{props}}})", {"rows": rows.params})
        else:
            engine.run(f"UNWIND $rows AS r MATCH (a:{_quote(ends[0])} {{id: r.c0}}), (b:{_quote(ends[1])} {{id: r.c1}}) "
                       f"CREATE (a)-[:{_quote(table)} {{{props}}}]->(b)", {"rows": rows.params})
    if rows.lines:
        with open(path, "w", encoding="utf-8", newline="") as fh:
            fh.write("\n".join(rows.lines))
            fh.write("\n")
        heads = ", ".join(f"c{i} STRING" for i in range(len(rows.types)))
        cols = ", ".join(_decode(f"c{i}", t) for i, t in enumerate(rows.types))
        where = str(path).replace("\\", "\\\\").replace("'", "\\'")
        option = f" (from='{ends[0]}', to='{ends[1]}')" if ends and pair_option else ""
        engine.run(f"COPY {_quote(table)} FROM (LOAD WITH HEADERS ({heads}) FROM '{where}' "
                   f"(header=false, delim='{DELIM}', quote='{NO_QUOTE}', escape='{NO_QUOTE}', parallel=true) "
                   f"RETURN {cols}){option}", done=path)


def _load(conn, work: Path, read: Callable) -> None:
    """Load the graph that ``read(nodes_done)`` gives (:func:`briefgraph.graph.jsonio.read_json`'s
    contract: ``nodes_done(graph)`` once its nodes are in): the engine copies the nodes while
    the edges are read and encoded."""
    from briefgraph.graph.gc_pause import collector_paused

    engine = _Engine(conn)
    kinds: list[dict[str, str]] = []
    try:
        with collector_paused():
            graph = read(lambda g: kinds.append(_queue_nodes(engine, g, work)))
            if not kinds:  # a reader that did not report its nodes
                kinds.append(_queue_nodes(engine, graph, work))
            _queue_edges(engine, graph, work, kinds[0])
    except BaseException:
        engine.finish_quietly()
        raise
    engine.finish()


def _queue_nodes(engine: _Engine, graph: nx.MultiDiGraph, work: Path) -> dict[str, str]:
    """Queue the node tables (one per kind, every one with the same columns) and their data;
    return the kind of each node."""
    nodes = [(nid, node_properties(nid, d)) for nid, d in graph.nodes(data=True)]
    ncols = list(_node_layout(nodes).items())
    col_defs = ", ".join(f"{_quote(k)} {t}" + (" PRIMARY KEY" if k == "id" else "") for k, t in ncols)
    for kind in load_schema().node_kinds:
        engine.run(f"CREATE NODE TABLE {_quote(kind)}({col_defs})")
    engine.run(f"CREATE NODE TABLE {_quote(DOCUMENT_LABEL)}(id STRING PRIMARY KEY, title STRING, "
               "`date` STRING, header_json STRING)")
    by_kind: dict[str, list[dict[str, Any]]] = {}
    kind_of: dict[str, str] = {}
    for nid, props in nodes:
        kind = kind_of[nid] = props["kind"]
        by_kind.setdefault(kind, []).append(props)
    del nodes
    for kind in list(by_kind):  # each table queued as soon as it is encoded
        rows = _Rows(ncols)
        for props in by_kind.pop(kind):
            rows.add([], props)
        _copy(engine, kind, rows, work / f"node-{kind}.csv")
    docs = _Rows([(k, "STRING") for k in ("id", "title", "date", "header_json")])
    for doc_id, header in sorted(graph.graph.get("documents", {}).items()):
        docs.add([], document_properties(doc_id, header))
    _copy(engine, DOCUMENT_LABEL, docs, work / "documents.csv")
    return kind_of


def _queue_edges(engine: _Engine, graph: nx.MultiDiGraph, work: Path, kind_of: dict[str, str]) -> None:
    """Queue the relationship tables (one per type, with every pair of kinds it joins) and their data."""
    edges = [(u, v, d["type"], edge_properties(u, v, d)) for u, v, d in graph.edges(data=True)]
    lay = _edge_layout(edges, kind_of)
    ecols = list(lay.edge_columns.items())
    edge_defs = "".join(f", {_quote(k)} {t}" for k, t in ecols)
    for etype, pairs in sorted(lay.pairs.items()):
        ends = ", ".join(f"FROM {_quote(s)} TO {_quote(t)}" for s, t in sorted(pairs))
        engine.run(f"CREATE REL TABLE {_quote(etype)}({ends}{edge_defs})")
    by_pair: dict[tuple[str, str, str], list[tuple[str, str, dict[str, Any]]]] = {}
    for u, v, etype, props in edges:
        by_pair.setdefault((etype, kind_of[u], kind_of[v]), []).append((u, v, props))
    del edges
    for etype, s, t in sorted(by_pair):  # each table queued as soon as it is encoded
        rows = _Rows(ecols, lead=2)
        for u, v, props in by_pair.pop((etype, s, t)):
            rows.add([u, v], props)
        _copy(engine, etype, rows, work / f"edge-{etype}-{s}-{t}.csv", (s, t), len(lay.pairs[etype]) > 1)


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


# Ladybug's buffer pool (a cap, not an allocation) and the address space each database reserves:
# its default, 8 TiB, let a process hold only about 16 databases at once (a test session, a
# notebook querying many graphs) before "Mmap ... failed"; 256 GiB holds a graph a thousand
# times the 1,000-brief one (150 MB).
_SIZES = {"buffer_pool_size": 1 << 30, "max_db_size": 1 << 38}
_by_graph: "weakref.WeakKeyDictionary[nx.MultiDiGraph, tuple[tuple[int, int], Database]]" = \
    weakref.WeakKeyDictionary()


def _connect(db, threads: int = 2):
    return _engine().Connection(db, num_threads=threads)


def for_graph(graph: nx.MultiDiGraph) -> Database:
    """An in-memory database of ``graph``, kept while the graph lives and rebuilt when its node
    or edge count changes (a caller that edits attributes in place should pass a copy)."""
    fingerprint = (graph.number_of_nodes(), graph.number_of_edges())
    cached = _by_graph.get(graph)
    if cached and cached[0] == fingerprint:
        return cached[1]
    database = _in_memory(_given(graph), "graph")
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


def for_file(data: bytes, origin: str, read_graph: Callable) -> Database:
    """The cached database for a graph file whose bytes are ``data``; on a miss,
    ``read_graph(nodes_done)`` reads the file into a networkx graph, calling ``nodes_done(graph)``
    once the nodes are in (:func:`briefgraph.graph.jsonio.read_json`'s contract), and the database
    is built from it. A cache that cannot be written (a read-only home) or an entry that does not
    open (a damaged file) costs speed, never the answer: the database is then built again, in
    memory if need be."""
    lb = _engine()
    root = cache_root()
    entry = root / cache_key(data)
    target = entry / "graph.lbdb"
    if not target.exists():
        try:
            _build(root, entry, read_graph)
        except OSError:
            return _in_memory(read_graph, origin)
    else:
        try:
            os.utime(entry)
        except OSError:
            pass
    try:
        db = lb.Database(str(target), read_only=True, **_SIZES)
    except RuntimeError:  # damaged or half-written by a crashed build: start again without it
        shutil.rmtree(entry, ignore_errors=True)
        return _in_memory(read_graph, origin)
    return Database(db, _connect(db), origin)


def _build(root: Path, entry: Path, read_graph: Callable) -> None:
    """Build the database of the graph ``read_graph`` gives beside ``entry`` and rename it into
    place (atomic)."""
    lb = _engine()
    root.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=".build-", dir=root))
    try:
        db = lb.Database(str(building / "graph.lbdb"), **_SIZES)
        conn = _connect(db)
        try:
            _load(conn, building, read_graph)
        finally:
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


def _in_memory(read_graph: Callable, origin: str) -> Database:
    lb = _engine()
    db = lb.Database(":memory:", **_SIZES)
    conn = _connect(db)
    with tempfile.TemporaryDirectory(prefix="briefgraph-ladybug-") as work:
        _load(conn, Path(work), read_graph)
    return Database(db, conn, origin)


def _given(graph: nx.MultiDiGraph) -> Callable:
    """A ``read_graph`` (see :func:`for_file`) for a graph already in memory."""
    def read(nodes_done: Callable) -> nx.MultiDiGraph:
        nodes_done(graph)
        return graph

    return read


def _prune(root: Path) -> None:
    """Keep the :data:`KEEP_CACHED` most recently used databases."""
    entries = sorted((p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")),
                     key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[KEEP_CACHED:]:
        shutil.rmtree(old, ignore_errors=True)
