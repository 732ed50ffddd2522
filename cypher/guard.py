"""What a query may do: one rule for ``briefgraph query`` and ``pull --cypher``, on both backends.

A query is read-only unless the caller asks for writes. The statement is tokenised once
(:func:`briefgraph.cypher.text.scan` blanks string literals, backtick-quoted names and comments,
so ``'LOAD'`` in a string or ``n.`set``` never count), and every keyword is checked wherever it
stands, subqueries included:

* always refused, write flag or not: anything that reads or writes files or the machine
  (``LOAD CSV``, ``LOAD FROM``, ``COPY``, ``EXPORT``, ``IMPORT``, ``INSTALL``, ``ATTACH``,
  ``DETACH DATABASE``, ``USE``, ``CHECKPOINT``), transaction control (``BEGIN``, ``COMMIT``,
  ``ROLLBACK``), and administration (``CREATE``/``DROP``/``ALTER``/``RENAME`` of users, roles,
  databases, indexes, constraints or tables, ``GRANT``, ``DENY``, ``REVOKE``, ``SHOW``,
  ``START``/``STOP DATABASE``, ``TERMINATE``). ``SHOW`` is refused although it only reads: it
  is administration (users, privileges, transactions), never a research question, and the
  memory backend has no such command;
* refused unless writing is allowed: ``CREATE (``, ``MERGE (``, ``SET``, ``DELETE``,
  ``DETACH DELETE``, ``REMOVE``, ``FOREACH``;
* ``CALL`` only of a subquery (``CALL {``, checked like the rest) or of a procedure on
  :data:`ALLOWED_PROCEDURES` (schema introspection that reads nothing but names).

A word used as a property (``n.set``) or map key (``{load: 1}``) is not a keyword. The guard is
the first wall; Neo4j queries also run in a read transaction, and the memory backend's database
is opened read-only, so a construct the guard missed is still refused by the engine.
"""

from __future__ import annotations

import re

from briefgraph.cypher.text import scan
from briefgraph.errors import QueryError

ALLOWED_PROCEDURES = ("db.labels", "db.relationshipTypes", "db.propertyKeys",
                      "db.schema.nodeTypeProperties", "db.schema.relTypeProperties", "db.schema.visualization",
                      "show_tables", "table_info")
WRITE_HINT = "queries are read-only; pass --allow-write (Neo4j only) to run CREATE, MERGE, SET, DELETE or REMOVE"
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_ALWAYS = {
    "LOAD": "LOAD (reads files)", "COPY": "COPY (reads or writes files)", "EXPORT": "EXPORT (writes files)",
    "IMPORT": "IMPORT (reads files)", "INSTALL": "INSTALL (installs extensions)",
    "ATTACH": "ATTACH (opens another database)", "USE": "USE (switches database)",
    "DROP": "DROP (administration)",
    "ALTER": "ALTER (administration)", "RENAME": "RENAME (administration)", "GRANT": "GRANT (administration)",
    "DENY": "DENY (administration)", "REVOKE": "REVOKE (administration)", "SHOW": "SHOW (administration)",
    "TERMINATE": "TERMINATE (administration)",
}
# Words that are commands only in one place, so a variable may bear their name elsewhere
_FIRST = {"BEGIN": "BEGIN (transaction control)", "COMMIT": "COMMIT (transaction control)",
          "ROLLBACK": "ROLLBACK (transaction control)", "CHECKPOINT": "CHECKPOINT (administration)"}
_BEFORE_DATABASE = {"START", "STOP", "ENABLE"}
_WRITES = {"CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "FOREACH"}


def _words(masked: str) -> list[tuple[int, int, str]]:
    """Keyword candidates: words not after ``.`` (a property) nor before ``:`` (a map key)."""
    out = []
    for m in _WORD.finditer(masked):
        before = masked[:m.start()].rstrip()
        after = masked[m.end():].lstrip()
        if before.endswith(".") or before.endswith("$") or after.startswith(":") and not after.startswith("::"):
            continue
        if re.search(r"(?<![\w])AS$", before, re.IGNORECASE):  # an alias
            continue
        out.append((m.start(), m.end(), m.group(0)))
    return out


def check(cypher: str, allow_write: bool = False) -> None:
    """Raise QueryError, one line naming the construct, if ``cypher`` may not run.

    Examples
    --------
    >>> check("MATCH (n:Person) WHERE n.name = 'DELETE me' RETURN n.set AS load")
    >>> check("MATCH (n:Person) DETACH DELETE n")
    Traceback (most recent call last):
    ...
    briefgraph.errors.QueryError: refused: DETACH DELETE writes to the database
    >>> check("LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line", allow_write=True)
    Traceback (most recent call last):
    ...
    briefgraph.errors.QueryError: refused: LOAD (reads files) is never allowed in a query
    """
    s = scan(cypher)
    masked = s.masked
    words = _words(masked)
    for i, (start, end, word) in enumerate(words):
        upper = word.upper()
        nxt = words[i + 1][2].upper() if i + 1 < len(words) else ""
        if upper == "DETACH" and nxt == "DATABASE":
            raise QueryError("refused: DETACH DATABASE is never allowed in a query")
        if upper in _FIRST and i == 0:
            raise QueryError(f"refused: {_FIRST[upper]} is never allowed in a query")
        if upper in _BEFORE_DATABASE and nxt in ("DATABASE", "DATABASES", "SERVER"):
            raise QueryError(f"refused: {upper} {nxt} (administration) is never allowed in a query")
        if upper in _ALWAYS:
            raise QueryError(f"refused: {_ALWAYS[upper]} is never allowed in a query")
        if upper == "CALL":
            rest = masked[end:].lstrip()
            if rest.startswith("{") or rest.startswith("("):  # a subquery, checked word by word
                continue
            name = re.match(r"[A-Za-z_][\w.]*", rest)
            proc = name.group(0) if name else rest[:20]
            if proc not in ALLOWED_PROCEDURES:
                raise QueryError(f"refused: CALL {proc} is not on the allow-list "
                                 f"({', '.join(ALLOWED_PROCEDURES)})")
        elif upper in _WRITES:
            previous = words[i - 1][2].upper() if i else ""
            if upper in ("CREATE", "MERGE") and previous != "ON":  # ON CREATE SET belongs to MERGE
                if not masked[end:].lstrip().startswith("("):
                    raise QueryError(f"refused: {upper} {nxt or '...'} (administration) is never allowed in a query")
            if upper == "DETACH":
                upper = "DETACH DELETE"
            if not allow_write:
                raise QueryError(f"refused: {upper} writes to the database", hint=WRITE_HINT)


def is_write(cypher: str) -> bool:
    """True if ``cypher`` holds a write clause (it passes :func:`check` only with writes allowed)."""
    try:
        check(cypher)
    except QueryError as exc:
        return "writes to the database" in str(exc)
    return False
