"""Neo4j's Cypher as the embedded engine (Ladybug) reads it, so one query runs on both backends.

Every rewrite works on tokens outside string literals, quoted names and comments
(:func:`briefgraph.cypher.text.scan` masks those), never on the values a query carries:

* result columns: an unaliased ``RETURN`` item gets its own text as alias (`` AS `count(e)` ``),
  because Neo4j names a column by the expression as written and Ladybug by its own rendering;
* functions: ``type(r)`` -> ``label(r)``, ``labels(n)`` -> ``[label(n)]``,
  ``relationships(p)`` -> ``rels(p)``, ``toLower``/``toUpper``/``toString``/``toInteger``/
  ``toFloat``/``split`` -> ``lower``/``upper``/``to_string``/``to_int64``/``to_double``/
  ``string_split``, ``head``/``last``, ``round(x)`` -> ``round(x, 0)``, ``exists(n.p)`` ->
  ``n.p IS NOT NULL``, and 0-based ``substring`` and list indexes -> Ladybug's 1-based ones;
* ``shortestPath((a)-[*..8]-(b))`` -> ``(a)-[* SHORTEST 1..8]-(b)`` (``allShortestPaths`` ->
  ``ALL SHORTEST``);
* list comprehensions ``[x IN xs WHERE c | e]`` -> ``list_transform(list_filter(xs, x -> c), x -> e)``;
* Neo4j's relationship uniqueness: within one ``MATCH``, two relationship patterns never bind
  the same relationship (Ladybug matches walks), so pairs whose types may overlap get
  ``id(r1) <> id(r2)``, and a variable-length pattern gets ``is_trail(path)``.

What has no translation is refused with one line naming it (:data:`UNSUPPORTED`).
"""

from __future__ import annotations

import re

from briefgraph.cypher.text import Scanned, scan
from briefgraph.errors import QueryError

UNSUPPORTED_HINT = "the memory backend runs Neo4j's Cypher through Ladybug; use --backend neo4j for this one"
_RENAMES = {"type": "label", "relationships": "rels", "tolower": "lower", "toupper": "upper",
            "tostring": "to_string", "tointeger": "to_int64", "tofloat": "to_double", "split": "string_split"}
_REFUSED = {"id": "id() (internal ids differ between engines; use n.id)",
            "elementid": "elementId() (internal ids differ between engines; use n.id)"}
_CLAUSE = re.compile(r"(?<![\w.$])(OPTIONAL\s+MATCH|MATCH|WHERE|WITH|RETURN|UNWIND|CALL|UNION|ORDER\s+BY|SKIP|"
                     r"LIMIT)(?!\w)", re.IGNORECASE)
_CALL = re.compile(r"(?<![\w.$`])([A-Za-z_]\w*)\s*\(")


def _matching(s: Scanned, open_at: int) -> int:
    """Index of the bracket closing the one at ``open_at`` (in code, not in strings)."""
    pairs = {"(": ")", "[": "]", "{": "}"}
    want, depth = pairs[s.masked[open_at]], 0
    for i in range(open_at, len(s.masked)):
        c = s.masked[i]
        if c in pairs:
            depth += 1
        elif c in ")]}":
            depth -= 1
            if depth == 0:
                if c != want:
                    break
                return i
    raise QueryError("unbalanced brackets in the query")


def _args(s: Scanned, open_at: int, close_at: int) -> list[tuple[int, int]]:
    """Spans of the top-level comma-separated arguments between two brackets."""
    spans, a, depth = [], open_at + 1, 0
    for i in range(open_at + 1, close_at):
        c = s.masked[i]
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif c == "," and depth == 0:
            spans.append((a, i))
            a = i + 1
    spans.append((a, close_at))
    return spans if s.text[open_at + 1:close_at].strip() else []


def _edit(text: str, edits: list[tuple[int, int, str]]) -> str:
    out, pos = [], 0
    for a, b, rep in sorted(edits):
        if a < pos:
            continue  # nested in an edit already made: the next pass gets it
        out += [text[pos:a], rep]
        pos = b
    out.append(text[pos:])
    return "".join(out)


def _refuse(what: str) -> None:
    raise QueryError(f"the memory backend cannot run {what}", hint=UNSUPPORTED_HINT)


def _clauses(s: Scanned) -> list[tuple[int, int, str]]:
    """(start, end, keyword) of each top-level clause keyword (``STARTS WITH`` is no clause)."""
    out = []
    for m in _CLAUSE.finditer(s.masked):
        if s.depth[m.start()] != 0:
            continue
        if m.group(1).upper() == "WITH" and re.search(r"(?<!\w)(STARTS|ENDS)\s*$", s.masked[:m.start()], re.IGNORECASE):
            continue
        out.append((m.start(), m.end(), re.sub(r"\s+", " ", m.group(1).upper())))
    return out


# -- result column names ----------------------------------------------------------------------

def alias_returns(text: str) -> str:
    """Give each unaliased item of a top-level RETURN its own text as its name, and make an
    ``ORDER BY`` on an alias that shadows a pattern variable (``RETURN a.name AS a ORDER BY a``)
    order by the expression, as Neo4j does (Ladybug would take the variable)."""
    s = scan(text)
    edits = []
    clauses = _clauses(s)
    for i, (start, end, word) in enumerate(clauses):
        if word != "RETURN":
            continue
        stop = clauses[i + 1][0] if i + 1 < len(clauses) else len(text)
        body = end
        distinct = re.match(r"\s*DISTINCT\b", s.masked[end:stop], re.IGNORECASE)
        if distinct:
            body += distinct.end()
        shadowing = {}
        for a, b in _args(s, body - 1, stop) if s.text[body:stop].strip() else []:
            item = text[a:b].strip()
            alias = re.search(r"\sAS\s+([A-Za-z_]\w*)\s*$", s.masked[a:b], re.IGNORECASE)
            if alias:
                name = alias.group(1)
                bound = re.compile(r"[(\[]\s*" + name + r"\s*[:)\]{*]")
                if bound.search(s.masked[:start]):
                    shadowing[name] = s.text[a:a + alias.start()].strip()
                continue
            if item == "*" or re.search(r"\sAS\s+'[^']*'\s*$", s.masked[a:b], re.IGNORECASE):
                continue
            name = re.sub(r"\s+", " ", item)
            at = a + len(text[a:b].rstrip())
            edits.append((at, at, " AS `" + name.replace("`", "``") + "`"))
        aggregated = distinct or re.search(r"(?<![\w.])(count|sum|avg|min|max|collect|stdev\w*|percentile\w*)\s*\(",
                                           s.masked[body:stop], re.IGNORECASE)
        if shadowing and not aggregated and i + 1 < len(clauses) and clauses[i + 1][2] == "ORDER BY":
            o_end = clauses[i + 2][0] if i + 2 < len(clauses) else len(text)
            for m in re.finditer(r"(?<![\w.$])([A-Za-z_]\w*)(?![\w.(])", s.masked[clauses[i + 1][1]:o_end]):
                if m.group(1) in shadowing:
                    at = clauses[i + 1][1] + m.start()
                    edits.append((at, at + len(m.group(1)), f"({shadowing[m.group(1)]})"))
    return _edit(text, edits)


# -- functions ---------------------------------------------------------------------------------

def _functions(text: str) -> str:
    """Rename and rewrite calls; each pass renames every call it can and rewrites the first call
    whose arguments move (the next pass rescans), until nothing is left to do."""
    for _ in range(200):
        s = scan(text)
        edits = []
        for m in _CALL.finditer(s.masked):
            name = m.group(1).lower()
            open_at = m.end() - 1
            if name in _REFUSED:
                _refuse(_REFUSED[name])
            if name in ("shortestpath", "allshortestpaths"):
                edits.append(_shortest(s, m, name))
                break
            if name in _RENAMES:
                edits.append((m.start(1), m.end(1), _RENAMES[name]))
                continue
            if name not in ("labels", "head", "last", "round", "exists", "substring"):
                continue
            close = _matching(s, open_at)
            args = [text[a:b].strip() for a, b in _args(s, open_at, close)]
            rep = None
            if name == "labels" and len(args) == 1:
                rep = f"[label({args[0]})]"
            elif name == "head" and len(args) == 1:
                rep = f"(CASE WHEN size({args[0]}) = 0 THEN NULL ELSE list_extract({args[0]}, 1) END)"
            elif name == "last" and len(args) == 1:
                rep = f"(CASE WHEN size({args[0]}) = 0 THEN NULL ELSE list_extract({args[0]}, size({args[0]})) END)"
            elif name == "round" and len(args) == 1:
                rep = f"round({args[0]}, 0)"
            elif name == "exists" and len(args) == 1:
                if args[0].startswith("("):
                    _refuse("exists() of a pattern (write EXISTS { MATCH ... })")
                rep = f"({args[0]} IS NOT NULL)"
            elif name == "substring" and len(args) in (2, 3):
                length = args[2] if len(args) == 3 else f"size({args[0]})"
                rep = f"substr({args[0]}, ({args[1]}) + 1, {length})"
            if rep is not None:
                edits.append((m.start(), close + 1, rep))
                break
        if not edits:
            return text
        text = _edit(text, edits)
    raise QueryError("the query nests too many function calls for the memory backend")


def _shortest(s: Scanned, m: re.Match, name: str) -> tuple[int, int, str]:
    open_at = m.end() - 1
    close = _matching(s, open_at)
    inner = s.text[open_at + 1:close]
    mi = scan(inner)
    rels = [i for i, c in enumerate(mi.masked) if c == "[" and mi.masked[:i].rstrip().endswith("-")]
    if len(rels) != 1:
        _refuse(f"{name}() without exactly one relationship pattern in brackets, like (a)-[*..8]-(b)")
    a = rels[0]
    b = _matching(mi, a)
    spec = inner[a + 1:b]
    star = re.search(r"\*\s*(\d*)\s*(\.\.)?\s*(\d*)", spec)
    word = "ALL SHORTEST" if name == "allshortestpaths" else "SHORTEST"
    if star is None:
        new = spec + f"* {word} 1..1"
    else:
        low = star.group(1) or "1"
        high = star.group(3) if star.group(2) else (star.group(1) or "")
        if low not in ("0", "1"):
            _refuse(f"{name}() with a lower bound above 1")
        bounds = f"{low}..{high}" if high else ""
        new = spec[:star.start()] + f"* {word} {bounds}".rstrip() + spec[star.end():]
    return (m.start(), close + 1, inner[:a + 1] + new + inner[b:])


# -- list comprehensions and indexes -----------------------------------------------------------

_COMPREHENSION = re.compile(r"\[\s*([A-Za-z_]\w*)\s+IN\s", re.IGNORECASE)


def _lists(text: str) -> str:
    for _ in range(20):
        s = scan(text)
        edit = None
        for m in _COMPREHENSION.finditer(s.masked):
            if s.masked[:m.start()].rstrip().endswith("-"):
                continue  # a relationship pattern, not a list
            close = _matching(s, m.start())
            var = m.group(1)
            body_start = m.end()
            inner = s.masked[body_start:close]
            depth, where_at, pipe_at = 0, None, None
            for i, c in enumerate(inner):
                if c in "([{":
                    depth += 1
                elif c in ")]}":
                    depth -= 1
                elif depth == 0 and c == "|" and pipe_at is None:
                    pipe_at = i
                elif depth == 0 and where_at is None and re.match(r"(?<!\w)WHERE(?!\w)", inner[i:], re.IGNORECASE) \
                        and (i == 0 or not (inner[i - 1].isalnum() or inner[i - 1] == "_")):
                    where_at = i
            raw = text[body_start:close]
            end_src = min(x for x in (where_at, pipe_at, len(raw)) if x is not None)
            source = raw[:end_src].strip()
            cond = raw[where_at + 5:pipe_at if pipe_at is not None and pipe_at > where_at else len(raw)].strip() \
                if where_at is not None else None
            expr = raw[pipe_at + 1:].strip() if pipe_at is not None else None
            out = source
            if cond:
                out = f"list_filter({out}, {var} -> {cond})"
            if expr:
                out = f"list_transform({out}, {var} -> {expr})"
            edit = (m.start(), close + 1, out)
            break
        if edit is None:
            break
        text = _edit(text, [edit])
    # pattern comprehensions and map projections have no Ladybug form
    s = scan(text)
    if re.search(r"(?<![-\w])\[\s*\(", s.masked):
        _refuse("a pattern comprehension [(a)-->(b) | ...]")
    if re.search(r"[\w)]\s*\{\s*\.", s.masked) or re.search(r"[A-Za-z_]\w*\s*\{\s*\.\*", s.masked):
        _refuse("a map projection n {.name}")
    return _indexes(text)


def _indexes(text: str) -> str:
    """``xs[i]`` (0-based) -> ``xs[(i) + 1]``; slices are refused."""
    s = scan(text)
    edits = []
    for i, c in enumerate(s.masked):
        if c != "[":
            continue
        before = s.masked[:i].rstrip()
        if not before or not (before[-1].isalnum() or before[-1] in "_)]`"):
            continue
        word = re.search(r"([A-Za-z_]\w*)$", before)
        if word and word.group(1).upper() in ("IN", "AND", "OR", "NOT", "RETURN", "WITH", "WHERE", "UNWIND",
                                             "BY", "THEN", "ELSE", "WHEN", "AS", "XOR", "CASE"):
            continue
        close = _matching(s, i)
        inner = text[i + 1:close]
        if ".." in s.masked[i + 1:close]:
            _refuse("a list slice xs[a..b]")
        edits.append((i + 1, close, f"({inner.strip()}) + 1"))
    return _edit(text, edits)


# -- relationship uniqueness -------------------------------------------------------------------

_REL = re.compile(r"^\s*([A-Za-z_]\w*)?\s*(:[^*{]*)?(\*[^{]*)?(\{.*\})?\s*$", re.DOTALL)


def _unique(text: str) -> str:
    s = scan(text)
    clauses = _clauses(s)
    edits, counter = [], [0]

    def fresh(prefix: str) -> str:
        counter[0] += 1
        return f"_bg{prefix}{counter[0]}"

    for i, (start, end, word) in enumerate(clauses):
        if not word.endswith("MATCH"):
            continue
        stop = clauses[i + 1][0] if i + 1 < len(clauses) else len(text)
        has_where = i + 1 < len(clauses) and clauses[i + 1][2] == "WHERE"
        where_end = clauses[i + 2][0] if has_where and i + 2 < len(clauses) else len(text)
        single: list[tuple[str, set[str] | None]] = []
        trails: list[str] = []
        pending: dict[str, tuple[int, int, str]] = {}  # names given to anonymous relationships
        # bare arrows first: --> <-- -- become -[_bgrN]->
        for m in re.finditer(r"<?--(?!\[)>?", s.masked[end:stop]):
            a, b = end + m.start(), end + m.end()
            name = fresh("r")
            rep = ("<" if s.masked[a] == "<" else "") + f"-[{name}]-" + (">" if s.masked[b - 1] == ">" else "")
            pending[name] = (a, b, rep)
            single.append((name, None))
        parts = _args(s, end - 1, stop) if s.text[end:stop].strip() else []
        for pa, pb in parts:
            part_vars = []
            variable_length = False
            for j in range(pa, pb):
                if s.masked[j] != "[" or not s.masked[:j].rstrip().endswith("-"):
                    continue
                close = _matching(s, j)
                spec = s.masked[j + 1:close]
                m = _REL.match(spec)
                if not m:
                    continue
                types = {t.strip().lstrip(":") for t in re.split(r"[|]", m.group(2))} if m.group(2) else None
                if m.group(3):
                    if "SHORTEST" not in spec.upper():
                        variable_length = True
                    continue
                name = m.group(1)
                if not name:
                    name = fresh("r")
                    pending[name] = (j + 1, j + 1, name)
                part_vars.append((name, types))
            single += part_vars
            if variable_length:
                head = re.match(r"\s*([A-Za-z_]\w*)\s*=", s.masked[pa:pb])
                if head:
                    trails.append(head.group(1))
                else:
                    name = fresh("p")
                    lead = len(s.text[pa:pb]) - len(s.text[pa:pb].lstrip())
                    edits.append((pa + lead, pa + lead, f"{name} = "))
                    trails.append(name)
        conds = [f"id({a}) <> id({b})" for k, (a, ta) in enumerate(single) for b, tb in single[k + 1:]
                 if ta is None or tb is None or ta & tb]
        conds += [f"is_trail({p})" for p in trails]
        if not conds:
            continue
        used = {n for c in conds for n in re.findall(r"_bgr\d+", c)}
        edits += [edit for name, edit in pending.items() if name in used]
        extra = " AND ".join(conds)
        if has_where:
            w_end = clauses[i + 1][1]
            edits.append((w_end, w_end, " ("))
            edits.append((where_end, where_end, f") AND {extra} "))
        else:
            edits.append((stop, stop, f" WHERE {extra} "))
    return _edit(text, edits)


def translate(cypher: str) -> str:
    """``cypher`` as Neo4j reads it, rewritten for Ladybug (see the module docstring).

    Examples
    --------
    >>> print(translate("MATCH (a)-[r]->(b) RETURN type(r), count(*) AS n"))
    MATCH (a)-[r]->(b) RETURN label(r) AS `type(r)`, count(*) AS n
    >>> print(translate("MATCH p = shortestPath((a)-[*..8]-(b)) RETURN length(p) AS hops"))
    MATCH p = (a)-[* SHORTEST 1..8]-(b) RETURN length(p) AS hops
    """
    text = alias_returns(cypher)
    text = _functions(text)
    text = _lists(text)
    return _unique(text)
