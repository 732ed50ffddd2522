"""The Neo4j store: the same protocol as :class:`~briefgraph.graph.store.MemoryStore`, over Bolt
with the official ``neo4j`` driver.

Layout in Neo4j (one definition, :mod:`briefgraph.cypher.properties`, shared with the memory
Cypher engine and the ``export cypher`` script):

* a node per graph node, label = its ``kind``; a relationship per edge, type = its ``type``.
  Labels and types come only from the schema's whitelist (``load_schema()``) and every value
  travels as a parameter, so a graph whose kinds hold Cypher is refused before anything runs;
* evidence stays on the node or relationship it supports: ``evidence_json`` (the exact records:
  sentence, document, offsets, footnote sources) and ``source_ids`` (ids of the ``:Source``
  nodes the footnotes cite). Sources are ordinary ``:Source`` nodes (a schema kind);
* documents are ``:BriefgraphDocument {id, title, date, header_json}`` nodes, a label outside the
  schema kinds, so research queries do not see them while ``pull`` restores the documents table.

Writing: schema first (uniqueness constraint on ``id`` per label, indexes on ``name`` and
``date_start``: :mod:`briefgraph.cypher.schema`), then ``UNWIND $rows ... MERGE`` batches: nodes
per label (``MERGE`` on label and id, which returns each node's element id), then relationships
per type between the ends found by those element ids (checked against ``id``). Each batch is one
managed transaction (``execute_write`` retries transient errors). ``workers`` sessions write at
once; relationship batches are planned so that concurrent ones never share an end node (MERGE
locks both ends, and shared ends deadlock; the rare deadlock left, over a neighbouring
relationship record, is retried like any transient error). While a batch is on the wire the next one is built
in a helper thread. ``MERGE`` makes a second push of the same graph change nothing;
``SET += row.props`` means a pushed property replaces the stored one (evidence included) and
properties added in Neo4j by hand stay. A failure stops the push with the counts already
committed; the failed batch is rolled back whole.

Corrections: a graph that an analyst's corrections file changed remembers the ids it dropped
(``graph.graph["dropped"]``: dropped, merged away, renamed or retyped from). Before the
``MERGE`` batches, a push deletes exactly those nodes (by label and id, with their
relationships) and those relationships (by type and both ends), in one transaction, so the
database keeps no trace of them; everything else in it is left alone, and a second push
deletes nothing more.

The password is taken as an argument or from ``NEO4J_PASSWORD`` and is never stored on the
object, printed or put in an error message.
"""

from __future__ import annotations

import contextlib
import os
import queue
import signal
import threading
import time
import zlib
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable, Iterator
from urllib.parse import urlsplit, urlunsplit

import networkx as nx

from briefgraph.cypher.properties import (DERIVED, DOCUMENT_LABEL, document_from_properties, document_properties,
                                          edge_from_properties, edge_properties, node_from_properties,
                                          node_properties, referenced_documents)
from briefgraph.cypher.schema import quote_label, schema_statements
from briefgraph.errors import Interrupted, QueryError, SchemaError, StoreError
from briefgraph.graph.model import add_edge, add_node, new_graph
from briefgraph.graph.schema import load_schema
from briefgraph.graph.store import graph_counts

DEFAULT_BATCH_SIZE = 10_000
DEFAULT_WORKERS = 2
# Seconds to open a connection, Bolt handshake included. The driver's default acquisition
# timeout (60 s) is what a dead or silent server costs otherwise; a real one answers in
# milliseconds on a LAN and well under a second across the internet.
CONNECT_TIMEOUT = 5.0



def start_hint(memory_backend: bool = False) -> str:
    """How to get a Neo4j to talk to. ``scripts/neo4j-local`` is named only when it exists, that
    is in a git checkout of briefgraph (a pip install has no scripts/); ``--backend memory``
    only for the command that has it (``query``)."""
    from pathlib import Path

    hint = "start Neo4j or check NEO4J_URI"
    if (Path(__file__).resolve().parents[1] / "scripts" / "neo4j-local").is_file():
        hint = 'start Neo4j (in the briefgraph checkout: eval "$(scripts/neo4j-local start)") or check NEO4J_URI'
    if memory_backend:
        hint += ", or use --backend memory"
    return hint
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


SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


def _check_uri(uri: str) -> None:
    """Refuse what the store cannot use before the driver sees it: the driver's own messages
    repeat the URI, and a URI may carry a password."""
    try:
        parts = urlsplit(uri)
        userinfo = parts.username is not None or parts.password is not None
    except ValueError:
        raise StoreError("bad Neo4j URI", hint="use bolt://host:7687, neo4j://host, bolt+s:// or neo4j+s://") from None
    if userinfo:
        raise StoreError(f"bad Neo4j URI {safe_uri(uri)}: it holds credentials",
                         hint="give them in NEO4J_USERNAME / NEO4J_PASSWORD, not in the URI")
    if parts.scheme not in SCHEMES or not parts.hostname:
        raise StoreError(f"bad Neo4j URI {uri!r}: the scheme must be one of {', '.join(SCHEMES)}",
                         hint="e.g. bolt://127.0.0.1:7687 or neo4j+s://xxxx.databases.neo4j.io")


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
    workers : int
        Transactions in flight at once (each in its own session); relationship lanes are
        planned so that they never share an end node.
    memory_backend : bool
        Whether error hints may suggest ``--backend memory`` (only ``query`` has it).

    Examples
    --------
    >>> with Neo4jStore.from_env() as store:          # doctest: +SKIP
    ...     store.write(graph)["edges"]
    """

    def __init__(self, uri: str, user: str, password: str, database: str | None = None,
                 batch_size: int = DEFAULT_BATCH_SIZE, progress: Progress = None,
                 workers: int = DEFAULT_WORKERS, memory_backend: bool = False):
        import neo4j

        if batch_size < 1 or workers < 1:
            raise StoreError(f"batch size and workers must be at least 1, not {batch_size} and {workers}")
        self.uri, self.user, self.database = uri, user, database or None
        self.batch_size, self.progress, self.workers = batch_size, progress, workers
        self.memory_backend = memory_backend  # hints may offer --backend memory (the query command)
        self.last_push: dict[str, float] = {}  # seconds per phase of the last write(), for benchmarks
        # what the last write() changed: nodes_created, nodes_updated, nodes_unchanged, and the
        # same for relationships
        self.last_changes: dict[str, int] = {}
        self.skipped = 0  # nodes the last read() left out: no id, or not a valid briefgraph node
        self.skipped_relationships = 0  # relationships the schema does not allow between their ends
        self._driver = None
        _check_uri(uri)
        try:
            # Notifications (deprecations, performance hints) would reach stderr through the
            # driver's logger on every query: off, since this is a tool, not a console.
            self._driver = neo4j.GraphDatabase.driver(
                uri, auth=(user, password), notifications_min_severity="OFF",
                user_agent="briefgraph", connection_timeout=CONNECT_TIMEOUT,
                connection_acquisition_timeout=CONNECT_TIMEOUT)
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
        ``workers``, ``progress``) win over the environment; None values are ignored, so CLI options can be
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
                             hint=start_hint().replace("or check NEO4J_URI", "and export NEO4J_URI (or pass --uri)"))
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
    def _wrap(self, action: str, memory_backend: bool | None = None) -> Iterator[None]:
        """Turn driver errors into StoreError / QueryError with a hint (the CLI prints one line).
        ``memory_backend``: whether the hint may offer ``--backend memory`` (by default, if
        the store was opened for a command that has that option)."""
        from neo4j import exceptions as ex

        where = safe_uri(self.uri)
        hint = start_hint(self.memory_backend if memory_backend is None else memory_backend)
        try:
            yield
        except (ex.ServiceUnavailable, ex.SessionExpired) as exc:
            raise StoreError(f"Neo4j unreachable at {where} ({_first_line(exc)})", hint=hint) from None
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
            raise StoreError(f"Neo4j {action} failed at {where}: {_first_line(exc)}", hint=hint) from None
        except OSError as exc:  # TLS handshake and socket errors the driver lets through
            raise StoreError(f"Neo4j unreachable at {where} ({exc})", hint=hint) from None

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
        started = time.perf_counter()
        by_kind, by_type = self._validate(graph)
        removals = self._dropped(graph)
        self.last_push = {}
        try:
            self.ensure_schema()
        except KeyboardInterrupt as exc:
            raise Interrupted("push interrupted while creating the constraints; no node was written",
                              hint="push again", signum=getattr(exc, "signum", signal.SIGINT)) from None
        if removals:
            self._remove(removals)
        push = _Push(self, graph)
        self.last_push = {**self.last_push, "setup_seconds": push.started - started}  # validation and schema
        # Nodes: distinct nodes never contend, so batches simply alternate between the lanes.
        lanes: list[list] = [[] for _ in range(self.workers)]
        for kind in load_schema().node_kinds:  # schema order: stable, readable progress
            for i, ids in enumerate(_chunks(by_kind.get(kind, []), self.batch_size)):
                lanes[i % self.workers].append((kind, ids))
        push.run_round([self._node_lane(graph, lane) for lane in lanes if lane], "node")
        push.report("node")
        self.last_push["node_seconds"] = time.perf_counter() - push.started
        # Relationships: MERGE locks both ends, so two lanes sharing a node can deadlock. Nodes
        # are hashed into 2 x workers groups and the (group, group) buckets are run in rounds
        # of buckets with no group in common (a round-robin tournament), so lanes never share an
        # end node. (Inserting into a node's relationship chain also locks the chain's first
        # relationship, whose other end may be another lane's: that rare deadlock is retried.)
        buckets = _buckets(by_type, self.workers)
        for round_ in _rounds(self.workers):
            lanes = [self._edge_lane(buckets.get(pair, {}), push.element_ids) for pair in round_]
            push.run_round(lanes, "relationship")
        if push.done["relationship"] != graph.number_of_edges():  # a planning bug must not pass silently
            raise StoreError(f"push wrote {push.done['relationship']} of {graph.number_of_edges()} relationships")
        push.report("relationship")
        self.last_push["relationship_seconds"] = time.perf_counter() - push.started - self.last_push["node_seconds"]
        docs = [{"id": str(k), "props": document_properties(str(k), v)}
                for k, v in sorted(graph.graph.get("documents", {}).items())]
        if docs:
            push.run_round([iter([("document", _DOC_STATEMENT, docs)])], "document")
        self.last_push["total_seconds"] = time.perf_counter() - started
        self.last_changes = {f"{what}s_{state}": n for what in ("node", "relationship") for state, n in (
            ("created", push.created[what]), ("updated", max(0, push.changed[what] - push.created[what])),
            ("unchanged", push.total[what] - push.changed[what]))}
        return graph_counts(graph)

    def _dropped(self, graph: nx.MultiDiGraph) -> list[tuple[str, str, list]]:
        """The statements that delete what corrections dropped (``graph.graph["dropped"]``, see
        :mod:`briefgraph.graph.corrections`), and nothing else: nodes by label and id (with
        their relationships) unless the graph holds that id again; relationships by type and
        both ends when both ends stay. Labels and types only from the schema's allow-list."""
        from briefgraph.graph.corrections import dropped_items

        nodes, edges = dropped_items(graph)
        out = []
        for kind, ids in nodes.items():
            out.append(("node", f"UNWIND $rows AS id MATCH (n:{quote_label(kind)} {{id: id}}) "
                                "DETACH DELETE n RETURN count(*) AS n", ids))
        for (etype, ku, kv), rows in sorted(edges.items()):
            out.append(("relationship", f"UNWIND $rows AS row MATCH (a:{quote_label(ku)} {{id: row.s}})"
                                        f"-[r:{quote_label(etype)}]->(b:{quote_label(kv)} {{id: row.t}}) "
                                        "DELETE r RETURN count(*) AS n", rows))
        return out

    def _remove(self, removals: list[tuple[str, str, list]]) -> None:
        """Run the deletions of :meth:`_dropped`, in one transaction (all or nothing)."""
        def run(tx) -> dict[str, int]:
            counts = {"node": 0, "relationship": 0}
            for what, statement, rows in removals:
                counts[what] += tx.run(statement, rows=rows).single()["n"]
            return counts

        with self._wrap("push"), self._session() as session:
            counts = session.execute_write(run)
        self.last_push["removed_nodes"] = counts["node"]
        self.last_push["removed_relationships"] = counts["relationship"]
        if counts["node"] or counts["relationship"]:
            self._say(f"removed what corrections dropped: {counts['node']} node(s), "
                      f"{counts['relationship']} relationship(s)")

    def _node_lane(self, graph: nx.MultiDiGraph, chunks: list) -> Iterator[tuple[str, str, list]]:
        for kind, ids in chunks:
            statement = (f"UNWIND $rows AS row MERGE (n:{quote_label(kind)} {{id: row.id}}) "
                         f"WITH n, row, {_CHANGED.format('n')} AS changed "
                         "SET n += row.props RETURN row.id AS id, elementId(n) AS e, changed")
            yield "node", statement, [{"id": str(n), "props": node_properties(str(n), graph.nodes[n])} for n in ids]

    def _edge_lane(self, by_type: dict, element_ids: dict) -> Iterator[tuple[str, str, list]]:
        for etype, edges in sorted(by_type.items()):
            # The ends are found by the element ids their MERGE just returned: a direct record
            # lookup, where an index seek per end cost 40 % of the write in the benchmark. The id
            # check guards against an element id reused after a concurrent delete.
            statement = ("UNWIND $rows AS row MATCH (a) WHERE elementId(a) = row.a AND a.id = row.s "
                         "MATCH (b) WHERE elementId(b) = row.b AND b.id = row.t "
                         f"MERGE (a)-[r:{quote_label(etype)}]->(b) WITH r, row, {_CHANGED.format('r')} AS changed "
                         "SET r += row.props RETURN count(r) AS n, sum(CASE WHEN changed THEN 1 ELSE 0 END) AS changed")
            for chunk in _chunks(edges, self.batch_size):
                yield "relationship", statement, [
                    {"a": element_ids[str(u)], "b": element_ids[str(v)], "s": str(u), "t": str(v),
                     "props": edge_properties(u, v, d)} for u, v, d in chunk]

    def _validate(self, graph: nx.MultiDiGraph) -> tuple[dict, dict]:
        """Check every kind, type and property name against the schema before anything is sent;
        return node ids by kind and edges by type."""
        schema = load_schema()
        reserved = set(DERIVED)
        by_kind: dict[str, list] = {}
        for nid, data in graph.nodes(data=True):
            kind = schema.check_kind(data.get("kind"))
            if reserved & data.keys():
                node_properties(str(nid), data)  # raises the SchemaError that names the property
            by_kind.setdefault(kind, []).append(nid)
        by_type: dict[str, list] = {}
        for u, v, data in graph.edges(data=True):
            etype = data.get("type")
            schema.check_edge(etype, graph.nodes[u].get("kind"), graph.nodes[v].get("kind"))
            if reserved & data.keys():
                edge_properties(u, v, data)
            by_type.setdefault(etype, []).append((u, v, data))
        return by_kind, by_type

    # -- reading -----------------------------------------------------------------------------

    def read(self, cypher: str | None = None, params: dict[str, Any] | None = None) -> nx.MultiDiGraph:
        """The whole briefgraph graph in Neo4j, or the subgraph of the nodes, relationships and
        paths that ``cypher`` returns (relationship ends included; documents those cited)."""
        self.skipped = self.skipped_relationships = 0
        if cypher is None:
            return self._read_all()
        from briefgraph.cypher.guard import check

        check(cypher)
        with self._wrap("query", memory_backend=False), self._session() as session:
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
                    if DOCUMENT_LABEL not in node.labels:
                        self.skipped += 1  # a foreign node: not part of the graph
                    continue
                nid = self._add_node(graph, dict(node), node.labels)
                if nid is not None:
                    ids[eid] = nid
            for rel in sorted(rels.values(), key=lambda r: (str(r.type), r.element_id)):
                s, t = ids.get(rel.start_node.element_id), ids.get(rel.end_node.element_id)
                if rel.type in types and s and t:
                    self._add_edge(graph, s, t, rel.type, dict(rel))
            wanted = sorted(referenced_documents(graph))
            docs = session.execute_read(
                _collect, f"MATCH (d:{quote_label(DOCUMENT_LABEL)}) WHERE d.id IN $ids RETURN d", {"ids": wanted})
            for record in docs:
                doc_id, header = document_from_properties(dict(record["d"]))
                graph.graph["documents"][doc_id] = header
        return graph

    def _add_node(self, graph: nx.MultiDiGraph, props: dict[str, Any], labels) -> str | None:
        """Add a node read from Neo4j; return its id, or None (counted in ``skipped``) for a
        node briefgraph cannot have written: no id or name, a kind outside the schema,
        unreadable evidence. One foreign node must not make a whole pull fail."""
        if props.get("id") is None or not isinstance(props.get("name"), str):
            self.skipped += 1
            return None
        try:
            nid, kind, name, aliases, evidence, docs, rest = node_from_properties(props)
            if kind is None:
                kind = next(k for k in load_schema().node_kinds if k in labels)
            add_node(graph, nid, kind, name, aliases, evidence, docs, **rest)
        except SchemaError:
            self.skipped += 1
            return None
        return nid

    def _add_edge(self, graph: nx.MultiDiGraph, s: str, t: str, etype: str, props: dict[str, Any]) -> None:
        """Add a relationship read from Neo4j, unless one of its ends was skipped or the schema
        does not allow it between those kinds (then it is left out, like a foreign node)."""
        if s not in graph or t not in graph:
            return
        try:
            evidence, rest = edge_from_properties(props)
            add_edge(graph, s, t, etype, evidence, **rest)
        except SchemaError:
            self.skipped_relationships += 1

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
            foreign = session.execute_read(
                _collect, f"MATCH (n) WHERE NOT n:{any_kind}|{quote_label(DOCUMENT_LABEL)} RETURN count(n) AS c", {})
            self.skipped += foreign[0]["c"]
            rels = session.execute_read(
                _collect, f"MATCH (a:{any_kind})-[r:{any_type}]->(b:{any_kind}) "
                          "WHERE a.id IS NOT NULL AND b.id IS NOT NULL "
                          "RETURN a.id AS s, b.id AS t, type(r) AS type, properties(r) AS p", {})
            for record in rels:
                self._add_edge(graph, str(record["s"]), str(record["t"]), record["type"], record["p"])
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

    def run(self, cypher: str, params: dict[str, Any] | None = None,
            allow_write: bool = False) -> list[dict[str, Any]]:
        """Rows of ``cypher``; nodes, relationships and paths come back as property dicts, as the
        memory backend gives them.

        The statement passes :func:`briefgraph.cypher.guard.check` first (no file access, no
        administration, no writes unless ``allow_write``), then runs in a read transaction, so
        the server refuses a write the guard did not see. With ``allow_write`` it runs as an
        auto-commit transaction (``CALL ... IN TRANSACTIONS`` works there).
        """
        from briefgraph.cypher.guard import check

        check(cypher, allow_write)
        with self._wrap("query"), self._session() as session:
            if not allow_write:
                return session.execute_read(_rows, cypher, params or {})
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


# Whether a MERGEd node or relationship differs from its row (created, or a property that
# the push changes), so that a second push of the same graph can say that nothing changed.
_CHANGED = "any(k IN keys(row.props) WHERE {0}[k] IS NULL OR {0}[k] <> row.props[k])"

_DOC_STATEMENT = (f"UNWIND $rows AS row MERGE (d:{quote_label(DOCUMENT_LABEL)} {{id: row.id}}) "
                  "SET d += row.props")


def _chunks(rows: list, size: int) -> Iterator[list]:
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


def _write_batch(tx, what: str, statement: str, rows: list[dict]) -> tuple[list, int, int]:
    """One batch in one managed transaction: ``(pairs, created, changed)``. Nodes return
    ``(id, element id)`` pairs; for relationships every row must find both ends, else the
    batch is rolled back. ``changed`` counts the rows that created or altered something."""
    result = tx.run(statement, rows=rows)
    if what == "node":
        records = list(result)
        created = result.consume().counters.nodes_created
        return [(r["id"], r["e"]) for r in records], created, sum(1 for r in records if r["changed"])
    if what == "relationship":
        record = result.single()
        written = record["n"]
        if written != len(rows):
            raise _RowCountMismatch(f"{len(rows) - written} relationship(s) name a node missing from Neo4j")
        return [], result.consume().counters.relationships_created, record["changed"] or 0
    result.consume()
    return [], 0, 0


def _group(node_id: Any, groups: int) -> int:
    return zlib.crc32(str(node_id).encode("utf-8")) % groups


def _buckets(by_type: dict[str, list], workers: int) -> dict[tuple[int, int], dict[str, list]]:
    """Edges by bucket (unordered pair of the ends' node groups, smaller first), then by type."""
    if workers == 1:
        return {(0, 0): by_type}
    groups, out = 2 * workers, {}
    for etype, edges in by_type.items():
        for edge in edges:
            a, b = _group(edge[0], groups), _group(edge[1], groups)
            out.setdefault((min(a, b), max(a, b)), {}).setdefault(etype, []).append(edge)
    return out


def _rounds(workers: int) -> list[list[tuple[int, int]]]:
    """Rounds of (group, group) buckets over ``2 * workers`` node groups; the buckets of one
    round share no group, and every unordered pair (and every group with itself) comes once.

    Examples
    --------
    >>> _rounds(1)
    [[(0, 0)]]
    >>> _rounds(2)
    [[(0, 0), (1, 1), (2, 2), (3, 3)], [(0, 3), (1, 2)], [(0, 2), (1, 3)], [(0, 1), (2, 3)]]
    """
    if workers == 1:
        return [[(0, 0)]]  # one lane: no one to meet, so no groups needed
    k = 2 * workers
    out = [[(g, g) for g in range(k)]]
    ring = list(range(1, k))
    for _ in range(k - 1):  # the circle method: group 0 stays, the others rotate
        line = [0, *ring]
        out.append([(min(line[i], line[k - 1 - i]), max(line[i], line[k - 1 - i])) for i in range(k // 2)])
        ring = ring[-1:] + ring[:-1]
    return out


def _prefetch(lane: Iterator, depth: int = 1) -> Iterator:
    """Build the next batch of ``lane`` in a helper thread while the current one is being sent:
    the property projection costs about as much as the server's work, so they overlap."""
    box: queue.Queue = queue.Queue(maxsize=depth)
    stop = threading.Event()
    done = object()

    def put(item) -> bool:
        while not stop.is_set():
            try:
                box.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def fill() -> None:
        try:
            for item in lane:
                if not put(item):
                    return  # the consumer gave up (an error elsewhere): stop building
            put(done)
        except BaseException as exc:  # handed to the consumer, which raises it
            put(exc)

    helper = threading.Thread(target=fill, daemon=True)
    helper.start()
    try:
        while True:
            item = box.get()
            if item is done:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        helper.join()


class _Push:
    """Book-keeping of one push: lanes run in parallel, counts of committed rows, first error."""

    def __init__(self, store: "Neo4jStore", graph: nx.MultiDiGraph):
        self.store, self.lock, self.failed = store, threading.Lock(), None
        self.total = {"node": graph.number_of_nodes(), "relationship": graph.number_of_edges(), "document": 0}
        self.done = {"node": 0, "relationship": 0, "document": 0}
        self.batches = {"node": 0, "relationship": 0, "document": 0}
        self.created = {"node": 0, "relationship": 0, "document": 0}
        self.changed = {"node": 0, "relationship": 0, "document": 0}
        self.element_ids: dict[str, str] = {}
        self.started = time.perf_counter()

    def run_round(self, lanes: list[Iterator], what: str) -> None:
        """Run ``lanes`` (iterators of batches) at once, each in its own session; raise the first error."""
        if not lanes:
            return
        stopped = None
        with ThreadPoolExecutor(max_workers=min(len(lanes), self.store.workers)) as pool:
            futures = [pool.submit(self._lane, lane) for lane in lanes]
            try:
                for future in futures:
                    future.result()
            except KeyboardInterrupt as exc:  # Ctrl-C or SIGTERM (errors.Terminated)
                # The lanes finish the batch they are sending (committed or rolled back whole)
                # and take no other; leaving the with-block waits for them.
                stopped = exc
                with self.lock:
                    self.failed = self.failed or ("interrupted", exc)
        if stopped is not None:
            raise self.interrupted(getattr(stopped, "signum", signal.SIGINT))
        if self.failed:  # built now, when every lane has stopped, so the counts are final
            raise self._error(*self.failed)

    def committed(self) -> str:
        return (f"committed: {self.done['node']} of {self.total['node']} nodes, "
                f"{self.done['relationship']} of {self.total['relationship']} relationships")

    def interrupted(self, signum: int) -> Interrupted:
        return Interrupted(f"push interrupted; {self.committed()}",
                           hint="push again to finish (push is idempotent)", signum=signum)

    def _lane(self, lane: Iterator) -> None:
        with self.store._session() as session:
            for what, statement, rows in _prefetch(lane):
                if self.failed:
                    return
                try:
                    with self.store._wrap("push"):
                        pairs, created, changed = session.execute_write(_write_batch, what, statement, rows)
                except (StoreError, _RowCountMismatch) as exc:
                    with self.lock:
                        self.failed = self.failed or (what, exc)
                    return
                with self.lock:
                    self.element_ids.update(pairs)
                    self.done[what] += len(rows)
                    self.created[what] += created
                    self.changed[what] += changed
                    self.batches[what] += 1
                    if self.batches[what] % 20 == 0:
                        self.store._say(f"{what}s: {self.done[what]}/{self.total[what]}")

    def _error(self, what: str, exc: Exception) -> StoreError:
        return StoreError(
            f"push stopped in a {what} batch ({exc}); {self.committed()}", hint="the failed batch was rolled back; fix the cause and push again "
                                  "(push is idempotent)")

    def report(self, what: str) -> None:
        if self.total[what]:
            self.store._say(f"{what}s: {self.done[what]}/{self.total[what]} after "
                            f"{time.perf_counter() - self.started:.1f} s")


def _collect(tx, cypher: str, params: dict[str, Any]) -> list:
    return list(tx.run(cypher, params))


def _rows(tx, cypher: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    result = tx.run(cypher, params)
    keys = list(result.keys())
    return [{k: plain(record[k]) for k in keys} for record in result]


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
