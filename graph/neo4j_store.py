"""The Neo4j store: the same protocol as :class:`~briefgraph.graph.store.MemoryStore`, over Bolt
with the official ``neo4j`` driver.

Layout in Neo4j (one definition, :mod:`briefgraph.cypher.properties`, shared with the memory
Cypher engine and the ``export cypher`` script):

* a node per graph node, label = its ``kind``; a relationship per edge, type = its ``type``.
  Labels and types come only from the schema's whitelist (``load_schema()``) and every value
  travels as a parameter, so a graph whose kinds hold Cypher is refused before anything runs;
* evidence stays on the node or relationship it supports: ``evidence_json`` (the exact records,
  for the round trip), ``evidence_text`` (the sentences) and ``source_ids`` (ids of the
  ``:Source`` nodes the footnotes cite). Sources are ordinary ``:Source`` nodes (a schema kind);
* documents are ``:BriefgraphDocument {id, title, date, header_json}`` nodes, a label outside the
  schema kinds, so research queries do not see them while ``pull`` restores the documents table.

Writing: schema first (uniqueness constraint on ``id`` per label, indexes on ``name`` and
``date_start``: :mod:`briefgraph.cypher.schema`), then nodes per label and relationships per
(type, start label, end label) as ``UNWIND $rows ... MERGE`` batches, each batch one managed
transaction (``execute_write`` retries transient errors such as deadlocks). ``MERGE`` on label and
id makes a second push of the same graph change nothing; ``SET += row.props`` means a pushed
property replaces the stored one (evidence included) and properties added in Neo4j by hand stay.
A failure stops the push with the counts already committed; the failed batch is rolled back whole.

The password is taken as an argument or from ``NEO4J_PASSWORD`` and is never stored on the
object, printed or put in an error message.
"""

from __future__ import annotations

import contextlib
import os
import time
from typing import Any, Callable, Iterator
from urllib.parse import urlsplit, urlunsplit

import networkx as nx

from briefgraph.cypher.properties import (DOCUMENT_LABEL, document_from_properties, document_properties,
                                          edge_from_properties, edge_properties, node_from_properties,
                                          node_properties, referenced_documents)
from briefgraph.cypher.schema import quote_label, schema_statements
from briefgraph.errors import QueryError, SchemaError, StoreError
from briefgraph.graph.model import add_edge, add_node, new_graph
from briefgraph.graph.schema import load_schema
from briefgraph.graph.store import graph_counts

DEFAULT_BATCH_SIZE = 5000
START_HINT = "start it (eval \"$(scripts/neo4j-local start)\"), or use --backend memory"
Progress = Callable[[str], None] | None


def safe_uri(uri: str) -> str:
    """``uri`` without any ``user:password@`` part, fit for messages.

    Examples
    --------
    >>> safe_uri("neo4j+s://me:secret@db.example.org:7687")
    'neo4j+s://db.example.org:7687'
    """
    try:
        parts = urlsplit(uri)
    except ValueError:
        return "<unparseable URI>"
    if parts.password is None and parts.username is None:
        return uri
    host = parts.hostname or ""
    netloc = host + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def _first_line(text: str) -> str:
    return next((line.strip() for line in str(text).splitlines() if line.strip()), "")


class _RowCountMismatch(Exception):
    """Raised inside a write transaction (so it rolls back) when relationship endpoints are missing."""


class Neo4jStore:
    """A Neo4j database as a briefgraph store.

    Parameters
    ----------
    uri : str
        ``bolt://``, ``neo4j://`` or their TLS forms ``bolt+s://`` / ``neo4j+s://``.
    user, password : str
        Credentials (authentication is expected to be on). The password is handed to the
        driver and not kept.
    database : str, optional
        Database name; the server's default database when None.
    batch_size : int
        Rows per ``UNWIND`` batch (one transaction each).

    Examples
    --------
    >>> with Neo4jStore.from_env() as store:          # doctest: +SKIP
    ...     store.write(graph)["edges"]
    """

    def __init__(self, uri: str, user: str, password: str, database: str | None = None,
                 batch_size: int = DEFAULT_BATCH_SIZE, progress: Progress = None):
        import neo4j

        if batch_size < 1:
            raise StoreError(f"batch size must be at least 1, not {batch_size}")
        self.uri, self.user, self.database = uri, user, database or None
        self.batch_size, self.progress = batch_size, progress
        self._driver = None
        try:
            # Notifications (deprecations, performance hints) would reach stderr through the
            # driver's logger on every query: off, since this is a tool, not a console.
            self._driver = neo4j.GraphDatabase.driver(
                uri, auth=(user, password), notifications_min_severity="OFF",
                user_agent="briefgraph", connection_timeout=10.0)
        except (ValueError, neo4j.exceptions.ConfigurationError) as exc:
            raise StoreError(f"bad Neo4j URI {safe_uri(uri)}: {_first_line(exc)}",
                             hint="use bolt://host:7687, neo4j://host, bolt+s:// or neo4j+s://") from None
        try:
            with self._wrap("connect"):
                self._driver.verify_connectivity()
        except BaseException:
            self.close()
            raise

    @classmethod
    def from_env(cls, **overrides: Any) -> "Neo4jStore":
        """A store from ``NEO4J_URI``, ``NEO4J_USERNAME``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``.

        ``overrides`` (``uri``, ``user``, ``password``, ``database``, ``batch_size``,
        ``progress``) win over the environment; None values are ignored, so CLI options can be
        passed as they are. Raise StoreError with a hint when the URI or password is missing or
        the server cannot be reached.
        """
        given = {k: v for k, v in overrides.items() if v is not None}
        uri = given.pop("uri", None) or os.environ.get("NEO4J_URI")
        user = given.pop("user", None) or os.environ.get("NEO4J_USERNAME") or "neo4j"
        password = given.pop("password", None) or os.environ.get("NEO4J_PASSWORD")
        database = given.pop("database", None) or os.environ.get("NEO4J_DATABASE") or None
        if not uri:
            raise StoreError("no Neo4j to talk to: NEO4J_URI is not set",
                             hint='eval "$(scripts/neo4j-local start)", or export NEO4J_URI / pass --uri')
        if not password:
            raise StoreError(f"no password for Neo4j at {safe_uri(uri)}: NEO4J_PASSWORD is not set",
                             hint="export NEO4J_PASSWORD (it is never taken on the command line)")
        return cls(uri, user, password, database=database, **given)

    def __repr__(self) -> str:
        return f"Neo4jStore({safe_uri(self.uri)!r}, user={self.user!r}, database={self.database!r})"

    def __enter__(self) -> "Neo4jStore":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        """Close the driver (and its connections); safe to call twice."""
        if self._driver is not None:
            self._driver.close()
            self._driver = None

    # -- plumbing ----------------------------------------------------------------------------

    @contextlib.contextmanager
    def _wrap(self, action: str) -> Iterator[None]:
        """Turn driver errors into StoreError / QueryError with a hint (the CLI prints one line)."""
        from neo4j import exceptions as ex

        where = safe_uri(self.uri)
        try:
            yield
        except (ex.ServiceUnavailable, ex.SessionExpired) as exc:
            raise StoreError(f"Neo4j unreachable at {where} ({_first_line(exc)})", hint=START_HINT) from None
        except ex.AuthError:
            raise StoreError(f"Neo4j at {where} refused the credentials of user {self.user!r}",
                             hint="check NEO4J_USERNAME and NEO4J_PASSWORD") from None
        except ex.Neo4jError as exc:
            code, message = exc.code or "", _first_line(exc.message or exc)
            if code.endswith("DatabaseNotFound"):
                raise StoreError(f"Neo4j at {where} has no database {self.database!r}",
                                 hint="check NEO4J_DATABASE / --database") from None
            if action == "query" and ".Statement." in code:
                raise QueryError(f"Neo4j rejected the query: {message}") from None
            raise StoreError(f"Neo4j {action} failed at {where}: {message} [{code}]") from None
        except ex.DriverError as exc:
            raise StoreError(f"Neo4j {action} failed at {where}: {_first_line(exc)}", hint=START_HINT) from None
        except OSError as exc:  # TLS handshake and socket errors the driver lets through
            raise StoreError(f"Neo4j unreachable at {where} ({exc})", hint=START_HINT) from None

    def _session(self):
        if self._driver is None:
            raise StoreError("the Neo4j store is closed")
        return self._driver.session(database=self.database)

    def _say(self, message: str) -> None:
        if self.progress:
            self.progress(message)

    def _labels(self) -> tuple[list[str], list[str]]:
        schema = load_schema()
        return list(schema.node_kinds), list(schema.edge_types)

    # -- writing -----------------------------------------------------------------------------

    def ensure_schema(self) -> None:
        """Create the constraints and indexes (idempotent) and wait until they are online."""
        with self._wrap("schema setup"), self._session() as session:
            for statement in schema_statements():
                session.run(statement).consume()
            session.run("CALL db.awaitIndexes(300)").consume()

    def write(self, graph: nx.MultiDiGraph) -> dict[str, int]:
        """Merge ``graph`` into Neo4j; return the counts written (as ``graph_counts``).

        Raise SchemaError (before writing anything) if a kind, type or property name is not
        allowed; StoreError if the server fails, saying how far the push got.
        """
        node_batches, edge_batches, doc_rows = self._prepare(graph)
        self.ensure_schema()
        total_nodes = graph.number_of_nodes()
        total_edges = graph.number_of_edges()
        done = {"nodes": 0, "edges": 0}

        def fail(what: str, index: int, count: int, reason: str) -> StoreError:
            return StoreError(
                f"push stopped at {what} batch {index} of {count} ({reason}); committed before it: "
                f"{done['nodes']} of {total_nodes} nodes, {done['edges']} of {total_edges} relationships",
                hint="that batch was rolled back; fix the cause and push again (push is idempotent)")

        with self._session() as session:
            for what, batches in (("node", node_batches), ("relationship", edge_batches)):
                started = time.perf_counter()
                for i, (statement, rows) in enumerate(batches, 1):
                    try:
                        with self._wrap("push"):
                            session.execute_write(_write_batch, statement, rows, what == "relationship")
                    except StoreError as exc:
                        raise fail(what, i, len(batches), str(exc)) from None
                    except _RowCountMismatch as exc:
                        raise fail(what, i, len(batches), str(exc)) from None
                    done["nodes" if what == "node" else "edges"] += len(rows)
                    if i % 20 == 0 or i == len(batches):
                        key = "nodes" if what == "node" else "edges"
                        self._say(f"{what}s: {done[key]}/{total_nodes if what == 'node' else total_edges} "
                                  f"({time.perf_counter() - started:.1f} s)")
            if doc_rows:
                with self._wrap("push"):
                    session.execute_write(_write_batch, _DOC_STATEMENT, doc_rows, False)
        return graph_counts(graph)

    def _prepare(self, graph: nx.MultiDiGraph) -> tuple[list, list, list]:
        """Validate the whole graph against the schema and cut it into (statement, rows) batches."""
        schema = load_schema()
        by_kind: dict[str, list[dict]] = {}
        for nid, data in graph.nodes(data=True):
            kind = schema.check_kind(data.get("kind"))
            by_kind.setdefault(kind, []).append({"id": str(nid), "props": node_properties(str(nid), data)})
        by_type: dict[tuple[str, str, str], list[dict]] = {}
        for u, v, data in graph.edges(data=True):
            sk, tk = graph.nodes[u].get("kind"), graph.nodes[v].get("kind")
            etype = data.get("type")
            schema.check_edge(etype, sk, tk)
            by_type.setdefault((etype, sk, tk), []).append(
                {"s": str(u), "t": str(v), "props": edge_properties(u, v, data)})
        node_batches = []
        for kind in schema.node_kinds:  # schema order: a stable, readable progress
            statement = (f"UNWIND $rows AS row MERGE (n:{quote_label(kind)} {{id: row.id}}) "
                         "SET n += row.props")
            node_batches += [(statement, b) for b in _chunks(by_kind.get(kind, []), self.batch_size)]
        edge_batches = []
        for (etype, sk, tk), rows in sorted(by_type.items()):
            statement = (f"UNWIND $rows AS row MATCH (a:{quote_label(sk)} {{id: row.s}}) "
                         f"MATCH (b:{quote_label(tk)} {{id: row.t}}) "
                         f"MERGE (a)-[r:{quote_label(etype)}]->(b) SET r += row.props RETURN count(r) AS n")
            edge_batches += [(statement, b) for b in _chunks(rows, self.batch_size)]
        docs = [{"id": str(k), "props": document_properties(str(k), v)}
                for k, v in sorted(graph.graph.get("documents", {}).items())]
        return node_batches, edge_batches, docs

    # -- reading -----------------------------------------------------------------------------

    def read(self, cypher: str | None = None, params: dict[str, Any] | None = None) -> nx.MultiDiGraph:
        """The whole briefgraph graph in Neo4j, or the subgraph of the nodes, relationships and
        paths that ``cypher`` returns (relationship ends included; documents those cited)."""
        if cypher is None:
            return self._read_all()
        with self._wrap("query"), self._session() as session:
            records = session.execute_read(_collect, cypher, params or {})
            nodes: dict[str, Any] = {}
            rels: dict[str, Any] = {}
            for record in records:
                for value in record.values():
                    _gather(value, nodes, rels)
            missing = {eid for r in rels.values() for eid in (r.start_node.element_id, r.end_node.element_id)
                       if eid not in nodes}
            if missing:
                for record in session.execute_read(
                        _collect, "MATCH (n) WHERE elementId(n) IN $ids RETURN n", {"ids": sorted(missing)}):
                    nodes[record["n"].element_id] = record["n"]
            graph = new_graph()
            kinds, types = self._labels()
            ids = {}
            for eid, node in sorted(nodes.items(), key=lambda kv: str(kv[1].get("id"))):
                if not set(node.labels) & set(kinds):
                    continue  # documents and foreign nodes are not part of the graph
                ids[eid] = self._add_node(graph, dict(node), node.labels)
            for rel in sorted(rels.values(), key=lambda r: (str(r.type), r.element_id)):
                s, t = ids.get(rel.start_node.element_id), ids.get(rel.end_node.element_id)
                if rel.type in types and s and t:
                    evidence, rest = edge_from_properties(dict(rel))
                    add_edge(graph, s, t, rel.type, evidence, **rest)
            wanted = sorted(referenced_documents(graph))
            docs = session.execute_read(
                _collect, f"MATCH (d:{quote_label(DOCUMENT_LABEL)}) WHERE d.id IN $ids RETURN d", {"ids": wanted})
            for record in docs:
                doc_id, header = document_from_properties(dict(record["d"]))
                graph.graph["documents"][doc_id] = header
        return graph

    def _add_node(self, graph: nx.MultiDiGraph, props: dict[str, Any], labels) -> str:
        if "id" not in props:
            raise SchemaError(f"a node labelled {':'.join(sorted(labels))} in Neo4j has no id property",
                              hint="briefgraph reads only nodes it wrote (push) or that carry id and kind")
        nid, kind, name, aliases, evidence, docs, rest = node_from_properties(props)
        if kind is None:
            kinds = [k for k in load_schema().node_kinds if k in labels]
            kind = kinds[0]
        add_node(graph, nid, kind, name, aliases, evidence, docs, **rest)
        return nid

    def _read_all(self) -> nx.MultiDiGraph:
        kinds, types = self._labels()
        any_kind = "|".join(quote_label(k) for k in kinds)
        any_type = "|".join(quote_label(t) for t in types)
        graph = new_graph()
        with self._wrap("pull"), self._session() as session:
            docs = session.execute_read(_collect, f"MATCH (d:{quote_label(DOCUMENT_LABEL)}) RETURN properties(d) AS p", {})
            for record in docs:
                doc_id, header = document_from_properties(record["p"])
                graph.graph["documents"][doc_id] = header
            nodes = session.execute_read(
                _collect, f"MATCH (n:{any_kind}) RETURN properties(n) AS p, labels(n) AS labels", {})
            for record in sorted(nodes, key=lambda r: str(r["p"].get("id"))):
                self._add_node(graph, record["p"], record["labels"])
            rels = session.execute_read(
                _collect, f"MATCH (a:{any_kind})-[r:{any_type}]->(b:{any_kind}) "
                          "RETURN a.id AS s, b.id AS t, type(r) AS type, properties(r) AS p", {})
            for record in rels:
                evidence, rest = edge_from_properties(record["p"])
                add_edge(graph, record["s"], record["t"], record["type"], evidence, **rest)
        return graph

    def counts(self) -> dict[str, int]:
        """Nodes per kind and relationships per type in Neo4j, keyed as ``graph_counts`` does."""
        kinds, types = self._labels()
        parts = [f"MATCH (n:{quote_label(k)}) RETURN 'node:{k}' AS k, count(n) AS c" for k in kinds]
        parts += [f"MATCH ()-[r:{quote_label(t)}]->() RETURN 'edge:{t}' AS k, count(r) AS c" for t in types]
        with self._wrap("count"), self._session() as session:
            rows = session.execute_read(_collect, " UNION ALL ".join(parts), {})
        out = {"nodes": 0, "edges": 0}
        for record in rows:
            if record["c"]:
                out[record["k"]] = record["c"]
                out["nodes" if record["k"].startswith("node:") else "edges"] += record["c"]
        return out

    def run(self, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Rows of ``cypher`` (auto-commit, so ``CALL ... IN TRANSACTIONS`` works too); nodes,
        relationships and paths come back as property dicts, as the memory backend gives them."""
        with self._wrap("query"), self._session() as session:
            result = session.run(cypher, params or {})
            keys = list(result.keys())
            return [{k: plain(record[k]) for k in keys} for record in result]

    def clear(self) -> None:
        """Delete every node with a schema label or the document label (and their relationships);
        other data in the database is left alone. Constraints and indexes stay."""
        kinds, _ = self._labels()
        any_label = "|".join(quote_label(k) for k in (*kinds, DOCUMENT_LABEL))
        with self._wrap("clear"), self._session() as session:
            # In batches, so a large graph does not need one huge transaction.
            session.run(f"MATCH (n:{any_label}) CALL {{ WITH n DETACH DELETE n }} "
                        "IN TRANSACTIONS OF 10000 ROWS").consume()


_DOC_STATEMENT = (f"UNWIND $rows AS row MERGE (d:{quote_label(DOCUMENT_LABEL)} {{id: row.id}}) "
                  "SET d += row.props")


def _chunks(rows: list, size: int) -> Iterator[list]:
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


def _write_batch(tx, statement: str, rows: list[dict], check: bool) -> None:
    """One batch in one managed transaction; for relationships, every row must find its ends."""
    result = tx.run(statement, rows=rows)
    if check:
        written = result.single()["n"]
        if written != len(rows):
            raise _RowCountMismatch(f"{len(rows) - written} relationship(s) name a node missing from Neo4j")
    else:
        result.consume()


def _collect(tx, cypher: str, params: dict[str, Any]) -> list:
    return list(tx.run(cypher, params))


def _gather(value: Any, nodes: dict, rels: dict) -> None:
    from neo4j.graph import Node, Path, Relationship

    if isinstance(value, Node):
        nodes[value.element_id] = value
    elif isinstance(value, Relationship):
        rels[value.element_id] = value
    elif isinstance(value, Path):
        for n in value.nodes:
            nodes[n.element_id] = n
        for r in value.relationships:
            rels[r.element_id] = r
    elif isinstance(value, (list, tuple)):
        for x in value:
            _gather(x, nodes, rels)
    elif isinstance(value, dict):
        for x in value.values():
            _gather(x, nodes, rels)


def plain(value: Any) -> Any:
    """A driver value as plain Python: nodes and relationships as property dicts (keys sorted),
    paths as ``[node, rel, node, ...]``, temporal values as ISO strings."""
    from neo4j.graph import Node, Path, Relationship

    if isinstance(value, (Node, Relationship)):
        return {k: plain(value[k]) for k in sorted(value.keys())}
    if isinstance(value, Path):
        out = [plain(value.start_node)]
        for rel, node in zip(value.relationships, value.nodes[1:]):
            out += [plain(rel), plain(node)]
        return out
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value
