"""The offline HTML explorer: link chart, timeline and evidence in one self-contained file.

``write_html(graph, "brief.html")`` writes a page that opens from disk with no network at all
(every script and style is inlined, no fonts or images are fetched) and can be sent by email.

How the page is built, and why:

* vis-network draws the chart. It is the library pyvis wraps, and pyvis ships its minified
  build in the package (``pyvis/lib/vis-9.1.2``), so it is inlined from there at export time:
  nothing downloads, and the version is the one pyvis was tested with. pyvis's own ``Network``
  class and template are not used: its template loads Bootstrap from a CDN, names
  ``../node_modules`` paths, renders without autoescaping and switches tooltips to
  ``innerHTML``; its ``add_node``/``add_edge`` scan lists, which is quadratic at 20,000 nodes.
* Positions come from :mod:`briefgraph.graph.layout` (numpy, deterministic), so the browser
  runs no physics and the same graph always gives the same picture.
* The timeline is a small SVG widget of our own (``templates/js/timeline.js``, ~450 lines)
  rather than vis-timeline (about 500 kB more, and its item templates take HTML).
* Labels are drawn by the page (``labels.js``), not by vis-network, so that they can be placed
  by importance without overlaps; the report pictures (PNG, SVG, print) are painted by
  ``report.js`` from the same scene, so they never depend on the screen's resolution.
* Evidence sentences carry the paragraph (from the record, or counted in the original file
  when it is still there unchanged) and the page where the record gives one.
* Everything from the brief is data: it travels as JSON in a ``<script type="application/json">``
  block with ``<``, ``>`` and ``&`` escaped (so neither ``</script>`` nor ``<!--`` can occur),
  the page script only ever assigns ``textContent``, and links are only made from ``http:`` and
  ``https:`` URLs. A Content-Security-Policy admits exactly the two inline scripts and the
  style sheet (by hash) and no network source, so even a missed escape could not run a script,
  inject a style or fetch anything.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import json
import math
import os
from importlib import resources
from pathlib import Path
from string import Template
from typing import IO, Any
from urllib.parse import urlsplit

import networkx as nx

from briefgraph.errors import ExportError
from briefgraph.graph.atomic import open_output
from briefgraph.graph.schema import dated_kinds, load_schema

VIS_VERSION = "9.1.2"
#: page scripts, concatenated in this order inside one closure (see templates/js/)
SCRIPTS = ("util.js", "state.js", "panel.js", "timeline.js", "controls.js", "labels.js", "report.js",
           "keys.js", "listview.js", "corrections.js", "main.js")
#: node attributes shown elsewhere than in the property table
_NODE_FIXED = {"kind", "name", "aliases", "evidence", "docs", "date", "date_start", "date_end",
               "date_precision", "date_qualifier", "confidence"}
_MONTHS = ("January February March April May June July August September October November "
           "December").split()


def write_html(graph: nx.MultiDiGraph, path_or_file: str | os.PathLike | IO[str],
               title: str | None = None, exported: dt.date | str | None = None) -> None:
    """Write the explorer of ``graph`` to a path (atomically, UTF-8), ``"-"`` or an open file.

    Parameters
    ----------
    graph : nx.MultiDiGraph
        A briefgraph graph (see :mod:`briefgraph.graph.model`).
    path_or_file : path, ``"-"`` or text file
    title : str, optional
        Heading of the page; by default the title of the brief (or a count of briefs).
    exported : date or ISO string, optional
        Export date shown in the header (default: today). It is the only part of the file
        that changes when the same graph is exported twice.

    Raises
    ------
    ExportError
        If the graph is empty, the target cannot be written, or pyvis's vis-network build
        is missing.
    """
    text = render_html(graph, title=title, exported=exported)
    with open_output(path_or_file, encoding="utf-8") as fh:
        fh.write(text)


def render_html(graph: nx.MultiDiGraph, title: str | None = None,
                exported: dt.date | str | None = None) -> str:
    """The explorer page of ``graph`` as one string (see :func:`write_html`).

    Examples
    --------
    >>> from briefgraph.graph.model import add_node, new_graph
    >>> g = new_graph()
    >>> add_node(g, "state:1", "State", "Pakistan </script>")
    >>> page = render_html(g, exported="2024-08-15")
    >>> page.startswith("<!DOCTYPE html>") and "</script>" not in page.split("bg-data")[1][:200]
    True
    """
    if graph.number_of_nodes() == 0:
        raise ExportError("the graph is empty: nothing to draw",
                          hint="check the input file or the query that produced it")
    exported = _export_date(exported)
    data = explorer_data(graph, title=title)
    heading = data["meta"]["title"]
    app_js = _app_script()
    vis_js = _asset(_vis_dir() / "vis-network.min.js", "</script", "<!--")
    css = _asset(_templates() / "explorer.css", "</style", "<!--")
    csp = ("default-src 'none'; "
           f"script-src {_csp_hash(vis_js)} {_csp_hash(app_js)}; "
           f"style-src {_csp_hash(css)}; img-src data: blob:; "
           "base-uri 'none'; form-action 'none'")
    counts = data["meta"]["counts"]
    page = Template((_templates() / "explorer.html").read_text("utf-8")).substitute(
        csp=html.escape(csp, quote=True),
        title=_text(heading),
        subtitle=_text(data["meta"]["subtitle"]),
        counts=_text(f"{counts['nodes']:,} nodes · {counts['edges']:,} edges · "
                     f"{counts['documents']:,} brief{'s' if counts['documents'] != 1 else ''}"),
        exported=_text(exported),
        trust=_text(trust_line(data["documents"], graph.graph.get("documents", {}))),
        exported_attr=html.escape(exported, quote=True),
        css=css,
        data=script_json(data),
        vis_js=vis_js,
        app_js=app_js,
    )
    return page


def explorer_data(graph: nx.MultiDiGraph, title: str | None = None) -> dict[str, Any]:
    """The JSON the page reads: schema styling, nodes with positions, edges, and evidence
    sentences stored once and referenced by index (a sentence often supports many facts):
    ``[text, document index, start, end, source node indices, paragraph, page]``. Nodes and
    edges with an extracted ``confidence`` in [0, 1] carry it as ``c``."""
    from briefgraph.graph.layout import layout

    schema = load_schema()
    kinds = list(schema.node_kinds)
    etypes = list(schema.edge_types)
    ids = sorted(graph.nodes)
    index = {nid: i for i, nid in enumerate(ids)}
    docs = sorted(graph.graph.get("documents", {}).items())
    doc_index = {d: i for i, (d, _) in enumerate(docs)}
    sentences: list[list] = []
    sentence_index: dict[tuple, int] = {}
    paragraphs = _Paragraphs(graph.graph.get("documents", {}))

    def evidence(records) -> list[list]:
        out = []
        for ev in records or []:
            sources = [index[s] for s in ev.get("sources") or [] if s in index]
            doc = ev.get("doc")
            if doc not in doc_index:
                doc_index[doc] = len(docs)
                docs.append((doc, {}))
            key = (ev.get("text", ""), doc, ev.get("start"), ev.get("end"), tuple(sources),
                   str(ev.get("paragraph")), str(ev.get("page")))
            if key not in sentence_index:
                sentence_index[key] = len(sentences)
                para = ev.get("paragraph")
                if para is None:
                    para = paragraphs.number(doc, ev.get("start"))
                sentences.append([str(ev.get("text", "")), doc_index[doc], ev.get("start"),
                                  ev.get("end"), sources, _int_or_none(para),
                                  _int_or_none(ev.get("page"))])
            out.append([sentence_index[key], ev.get("mention")])
        return out

    kind_rank = {k: i for i, k in enumerate(kinds)}
    pos = layout(graph, order=lambda n: (kind_rank.get(graph.nodes[n]["kind"], 99),
                                          str(graph.nodes[n].get("name", "")).lower(), n))
    _tilt_level_edges(graph, pos)
    nodes = []
    for nid in ids:
        d = graph.nodes[nid]
        degree = graph.degree(nid)
        node = {"id": nid, "k": kind_rank[d["kind"]], "n": str(d.get("name") or nid),
                "x": pos[nid][0], "y": pos[nid][1], "s": round(10 + 5 * math.log2(1 + degree), 1),
                "deg": degree}
        aliases = [str(a) for a in d.get("aliases") or [] if a != d.get("name")]
        if aliases:
            node["a"] = aliases
        date = _date(d)
        if date:
            node["dt"] = date
        props = {k: _jsonable(v) for k, v in sorted(d.items()) if k not in _NODE_FIXED and v is not None}
        if props.get("corrections"):  # an analyst's corrections: their own panel section, drawn dashed
            node["r"] = props.pop("corrections")
        if props:
            node["p"] = props
        link = safe_url(d.get("url")) if d["kind"] == "Source" else None
        if link:
            node["u"] = link
        node["e"] = evidence(d.get("evidence"))
        if _confidence(d) is not None:
            node["c"] = _confidence(d)
        nodes.append(node)
    edges = []
    for u, v, key in sorted(graph.edges(keys=True)):
        d = graph.edges[u, v, key]
        edge = {"f": index[u], "t": index[v], "y": etypes.index(d["type"])}
        props = {k: _jsonable(x) for k, x in sorted(d.items())
                 if k not in ("type", "evidence", "confidence") and not k.startswith("date") and x is not None}
        if props.get("corrections"):
            edge["r"] = props.pop("corrections")
        if props:
            edge["p"] = props
        date = _date(d)
        if date:
            edge["dt"] = date
        edge["e"] = evidence(d.get("evidence"))
        if _confidence(d) is not None:
            edge["c"] = _confidence(d)
        edges.append(edge)

    documents = [{"id": str(k), **{f: _jsonable(v.get(f)) for f in ("title", "author", "editor",
                                                                     "publisher", "date") if v.get(f)}}
                 for k, v in docs]
    real_docs = [d for d in documents if d["id"] in graph.graph.get("documents", {})]
    return {
        "meta": {"title": title or _heading(real_docs), "subtitle": _subtitle(real_docs),
                 "counts": {"nodes": len(nodes), "edges": len(edges), "documents": len(real_docs)}},
        "kinds": [{"name": k, "color": schema.node_kinds[k].color, "shape": schema.node_kinds[k].shape,
                   "dated": k in dated_kinds()} for k in kinds],
        "edgeTypes": [{"name": t, "symmetric": schema.edge_types[t].symmetric,
                       "description": schema.edge_types[t].description} for t in etypes],
        "documents": documents,
        "nodes": nodes,
        "edges": edges,
        "sentences": sentences,
    }


def trust_line(documents: list[dict], real: dict) -> str:
    """What the page says about where its facts come from.

    Examples
    --------
    >>> trust_line([{"id": "d", "title": "Brief", "date": "2024-08-15"}], {"d": {}})
    'Facts extracted automatically by briefgraph from Brief (15 August 2024); each links to its sentence: check it before quoting.'
    """
    docs = [d for d in documents if d["id"] in real]
    named = [f"{d.get('title') or d['id']}" + (f" ({date_label(d['date'])})" if d.get("date") else "")
             for d in docs[:2]]
    more = f" and {len(docs) - 2} more briefs" if len(docs) > 2 else ""
    source = "; ".join(named) + more if named else "the briefs"
    return (f"Facts extracted automatically by briefgraph from {source}; each links to its "
            "sentence: check it before quoting.")


def _confidence(d: dict) -> float | None:
    """The extractor's confidence in [0, 1], rounded for the page, or None."""
    value = d.get("confidence")
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        return None
    return round(float(value), 2)


def _int_or_none(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    return None


class _Paragraphs:
    """Paragraph numbers (1-based blocks of text between blank lines) of offsets into a
    brief's original file, read from the path in the graph's documents table when the file
    is still there with the same sha256; None when it is not (the page then shows offsets)."""

    def __init__(self, documents: dict):
        self.documents = documents
        self.starts: dict[Any, list[int] | None] = {}

    def number(self, doc: Any, offset: Any) -> int | None:
        if not isinstance(offset, int) or isinstance(offset, bool):
            return None
        if doc not in self.starts:
            self.starts[doc] = self._load(self.documents.get(doc) or {})
        starts = self.starts[doc]
        if not starts:
            return None
        import bisect
        return max(1, bisect.bisect_right(starts, offset))

    @staticmethod
    def _load(header: dict) -> list[int] | None:
        path, digest = header.get("path"), header.get("sha256")
        if not path or not digest:
            return None
        try:
            raw = Path(path).read_bytes()
        except (OSError, ValueError):
            return None
        if hashlib.sha256(raw).hexdigest() != digest:
            return None
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            return None
        return paragraph_starts(text)


def paragraph_starts(text: str) -> list[int]:
    """Offsets where each paragraph (a block of non-blank lines) of ``text`` begins.

    Examples
    --------
    >>> paragraph_starts("Title\\n\\nFirst line\\nstill first.\\n\\n\\nSecond.")
    [0, 7, 33]
    """
    starts, at, blank = [], 0, True
    for line in text.splitlines(keepends=True):
        if line.strip():
            if blank:
                starts.append(at)
            blank = False
        else:
            blank = True
        at += len(line)
    return starts


def _tilt_level_edges(graph: nx.MultiDiGraph, pos: dict) -> None:
    """vis-network 9.1.2 skips an edge label's rotation transform when the edge's angle is
    exactly 0, then draws the (align: middle) label near the origin of the chart: lower one
    end of every level edge by a pixel, until none is level (chains take a few passes)."""
    pairs = sorted({(u, v) for u, v in graph.edges() if u != v})
    for _ in range(10):
        level = [(u, v) for u, v in pairs if pos[u][1] == pos[v][1]]
        if not level:
            return
        for u, v in level:
            if pos[u][1] == pos[v][1]:
                pos[v] = (pos[v][0], pos[v][1] + 1)


def script_json(value: Any) -> str:
    """JSON that is safe inside an HTML ``<script>`` element: ``<``, ``>`` and ``&`` become
    ``\\u`` escapes (so ``</script>`` and ``<!--`` cannot occur), as do the line separators
    JavaScript once rejected; lone surrogates, which UTF-8 cannot encode, become ``?``.

    Examples
    --------
    >>> script_json({"n": "</script><!--"})
    '{"n":"\\\\u003c/script\\\\u003e\\\\u003c!--"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    text = (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
    return text.encode("utf-8", "replace").decode("utf-8")


def safe_url(url: Any) -> str | None:
    """``url`` if it is an absolute ``http:`` or ``https:`` URL with a host, else ``None``
    (``javascript:``, ``data:``, relative and malformed URLs never become links).

    Examples
    --------
    >>> safe_url("https://mofa.gov.pk/press"), safe_url("javascript:alert(1)")
    ('https://mofa.gov.pk/press', None)
    """
    if not isinstance(url, str):
        return None
    url = url.strip()
    if any(ord(c) < 33 or c in "<>\"'`\\" for c in url):
        return None  # browsers drop tabs and newlines inside schemes: refuse them all
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


def date_label(value: str | None, precision: str | None = None, qualifier: str | None = None) -> str | None:
    """A date at the precision it was given, for people: ``1995``, ``March 2015``,
    ``9 June 1992``, ``11–12 July 2024``, ``the 1990s``, with the qualifier in front.

    Examples
    --------
    >>> date_label("2024-07-11/2024-07-12"), date_label("199", "decade", "early")
    ('11–12 July 2024', 'early 1990s')
    """
    if not value:
        return None
    value = str(value)
    if "/" in value:
        a, b = value.split("/", 1)
        pa, pb = _split(a), _split(b)
        if pa and pb and len(pa) == len(pb) == 3 and pa[0] == pb[0]:
            if pa[1] == pb[1]:
                text = f"{pa[2]}–{pb[2]} {_MONTHS[pa[1] - 1]} {pa[0]}"
            else:
                text = f"{pa[2]} {_MONTHS[pa[1] - 1]} – {pb[2]} {_MONTHS[pb[1] - 1]} {pa[0]}"
        else:
            text = f"{_one(a)} – {_one(b)}"
    else:
        text = _one(value)
    return f"{qualifier} {text}" if qualifier else text


def _one(value: str) -> str:
    parts = _split(value)
    if parts is None:
        if len(value) == 3 and value.isdigit():
            return f"{value}0s"
        return value
    if len(parts) == 1:
        return f"{parts[0]}"
    if len(parts) == 2:
        return f"{_MONTHS[parts[1] - 1]} {parts[0]}"
    return f"{parts[2]} {_MONTHS[parts[1] - 1]} {parts[0]}"


def _split(value: str) -> tuple[int, ...] | None:
    bits = value.split("-")
    if not bits or len(bits[0]) != 4 or not all(b.isdigit() for b in bits) or len(bits) > 3:
        return None
    nums = tuple(int(b) for b in bits)
    if len(nums) > 1 and not 1 <= nums[1] <= 12:
        return None
    return nums


def _date(d: dict) -> dict | None:
    """The date block of a node or edge: label, precision, qualifier and covered days."""
    if not d.get("date") and not d.get("date_start"):
        return None
    out = {"v": str(d.get("date") or ""),
           "l": date_label(d.get("date") or d.get("date_start"), d.get("date_precision"),
                           d.get("date_qualifier"))}
    for key, short in (("date_precision", "p"), ("date_qualifier", "q"), ("date_start", "s"),
                       ("date_end", "e")):
        if d.get(key):
            out[short] = str(d[key])
    if "s" in out and "e" not in out:
        out["e"] = out["s"]
    return out


def _heading(docs: list[dict]) -> str:
    titles = [d.get("title") or d["id"] for d in docs]
    if len(titles) == 1:
        return str(titles[0])
    if not titles:
        return "briefgraph explorer"
    return f"{len(titles)} briefs"


def _subtitle(docs: list[dict]) -> str:
    if len(docs) == 1:
        d = docs[0]
        bits = [d.get("author") and f"by {d['author']}", d.get("publisher"),
                date_label(d.get("date")) if d.get("date") else None]
        return " · ".join(str(b) for b in bits if b)
    titles = [str(d.get("title") or d["id"]) for d in docs[:3]]
    more = f" and {len(docs) - 3} more" if len(docs) > 3 else ""
    return "; ".join(titles) + more


def _jsonable(value: Any) -> Any:
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (list, tuple, set)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    return str(value)


def _text(value: Any) -> str:
    """Escape for HTML text and attribute values (lone surrogates replaced)."""
    s = str(value).encode("utf-8", "replace").decode("utf-8")
    return html.escape(s, quote=True)


def _export_date(value: dt.date | str | None) -> str:
    if value is None:
        return dt.date.today().isoformat()
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _templates() -> Path:
    return Path(str(resources.files("briefgraph.graph").joinpath("templates")))


def _vis_dir() -> Path:
    """pyvis's bundled vis-network, found without importing pyvis (which pulls in IPython
    and jinja2 at import time)."""
    from importlib.util import find_spec

    spec = find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise ExportError("pyvis is not installed", hint="pip install 'pyvis>=0.3.2'")
    folder = Path(list(spec.submodule_search_locations)[0]) / "lib" / f"vis-{VIS_VERSION}"
    if not (folder / "vis-network.min.js").is_file():
        raise ExportError(f"pyvis has no vis-network {VIS_VERSION} build at {folder}",
                          hint="install pyvis 0.3.2, which ships it")
    return folder


def _asset(path: Path, *forbidden: str) -> str:
    """A file to inline, refused if it could end its own element early."""
    text = path.read_text("utf-8")
    lower = text.lower()
    for bad in forbidden:
        if bad in lower:
            raise ExportError(f"cannot inline {path.name}: it contains {bad!r}")
    return text


def _app_script() -> str:
    folder = _templates() / "js"
    parts = [_asset(folder / name, "</script", "<!--") for name in SCRIPTS]
    return "(function () {\n'use strict';\n" + "\n".join(parts) + "\n})();\n"


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"
