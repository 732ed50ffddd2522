"""The explorer file, parsed: one self-contained page, data escaped, deterministic, UTF-8."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import subprocess
import sys
from html.parser import HTMLParser

import pytest

from briefgraph.errors import ExportError
from briefgraph.graph.export_html import date_label, explorer_data, render_html, safe_url, script_json, write_html
from briefgraph.graph.model import add_node, new_graph
from hostile import BAD_URLS, GOOD_URL, PAYLOADS, hostile_graph

# every element the page template itself writes; anything else would come from the data
TEMPLATE_TAGS = {"html", "head", "meta", "title", "link", "style", "body", "header", "div", "h1", "span",
                 "time", "input", "ul", "button", "main", "aside", "section", "h2", "p", "label",
                 "strong", "noscript", "script", "svg", "path", "rect", "details", "summary"}  # svg: the timeline legend


class Page(HTMLParser):
    """The parts of an explorer file the tests look at."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[tuple[dict, str]] = []
        self.title = ""
        self._in: str | None = None
        self._buf: list[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "title"):
            self._in, self._attrs, self._buf = tag, dict(attrs), []

    def handle_endtag(self, tag):
        if tag == self._in:
            text = "".join(self._buf)
            if tag == "script":
                self.scripts.append((self._attrs, text))
            else:
                self.title = text
            self._in = None

    def handle_data(self, data):
        if self._in:
            self._buf.append(data)

    def data(self) -> dict:
        return json.loads(next(text for attrs, text in self.scripts if attrs.get("id") == "bg-data"))

    def csp(self) -> str:
        return next(a["content"] for t, a in self.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")


@pytest.fixture(scope="module")
def brief_page(brief_graph):
    return render_html(brief_graph, exported="2024-08-20")


@pytest.fixture(scope="module")
def hostile_page():
    return render_html(hostile_graph(), exported="2024-08-20")


def test_the_page_fetches_nothing_and_names_no_outside_file(brief_page):
    page = Page(brief_page)
    for tag, attrs in page.tags:
        assert "src" not in attrs, tag
        if "href" in attrs:
            assert tag == "link" and attrs["href"].startswith("data:")
    assert [a.get("type") for a, _ in page.scripts] == ["application/json", None, None]
    for needle in ("cdn", "node_modules", "googleapis", "bootstrap", "@import", "url(http"):
        assert needle not in brief_page.lower()


def test_page_scripts_never_parse_strings_as_html_or_code():
    """The rule that keeps brief text inert: the page's own scripts only assign textContent
    and properties (vis-network 9.1.2 also uses innerText for its tooltips)."""
    from briefgraph.graph.export_html import SCRIPTS, _templates

    for name in SCRIPTS:
        code = (_templates() / "js" / name).read_text("utf-8")
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                     "new Function", "setTimeout('", 'setTimeout("', "srcdoc", "javascript:"):
            assert sink not in code, (name, sink)


def test_csp_admits_exactly_the_two_inline_scripts_and_no_network(brief_page):
    page = Page(brief_page)
    csp = page.csp()
    assert "default-src 'none'" in csp and "connect-src" not in csp
    code = [text for attrs, text in page.scripts if attrs.get("type") is None]
    hashes = {"'sha256-" + base64.b64encode(hashlib.sha256(c.encode()).digest()).decode() + "'" for c in code}
    script_src = next(d for d in csp.split(";") if d.strip().startswith("script-src")).split()[1:]
    assert set(script_src) == hashes and len(hashes) == 2
    style = brief_page.split("<style>", 1)[1].split("</style>", 1)[0]
    style_hash = "'sha256-" + base64.b64encode(hashlib.sha256(style.encode()).digest()).decode() + "'"
    assert next(d for d in csp.split(";") if d.strip().startswith("style-src")).split()[1:] == [style_hash]
    assert "vis-network" in code[0] and "window.briefgraph" in code[1]


def test_bundled_brief_export_is_small_and_carries_header_and_counts(brief_page, brief_graph):
    assert len(brief_page.encode("utf-8")) < 2_000_000
    page = Page(brief_page)
    assert page.title == "Enhancing Cooperation: Pakistan-Azerbaijan Multi-Sectoral Partnership"
    data = page.data()
    assert data["meta"]["counts"] == {"nodes": brief_graph.number_of_nodes(),
                                      "edges": brief_graph.number_of_edges(), "documents": 1}
    assert f"{brief_graph.number_of_nodes():,} nodes" in brief_page and "2024-08-20" in brief_page


def test_data_round_trips_every_node_edge_and_sentence(brief_graph):
    data = json.loads(json.dumps(explorer_data(brief_graph)))
    ids = [n["id"] for n in data["nodes"]]
    assert ids == sorted(brief_graph.nodes)
    for n in data["nodes"]:
        g = brief_graph.nodes[n["id"]]
        assert n["n"] == g["name"] and data["kinds"][n["k"]]["name"] == g["kind"]
        texts = sorted(data["sentences"][s][0] for s, _ in n["e"])
        assert texts == sorted(ev["text"] for ev in g["evidence"])
    assert len(data["edges"]) == brief_graph.number_of_edges()
    for e in data["edges"]:
        u, v, t = ids[e["f"]], ids[e["t"]], data["edgeTypes"][e["y"]]["name"]
        assert brief_graph.has_edge(u, v, key=t)


def test_kinds_and_styles_come_from_the_schema():
    from briefgraph.graph.schema import load_schema

    g = new_graph()
    add_node(g, "state:1", "State", "Pakistan")
    kinds = explorer_data(g)["kinds"]
    schema = load_schema()
    assert [k["name"] for k in kinds] == list(schema.node_kinds)
    assert all(k["color"] == schema.node_kinds[k["name"]].color and k["shape"] == schema.node_kinds[k["name"]].shape
               for k in kinds)


def test_hostile_text_never_becomes_markup(hostile_page):
    page = Page(hostile_page)
    assert {t for t, _ in page.tags} <= TEMPLATE_TAGS
    assert len(page.scripts) == 3
    for tag, attrs in page.tags:
        assert not any(a.startswith("on") for a in attrs), (tag, attrs)
    data_text = next(text for attrs, text in page.scripts if attrs.get("id") == "bg-data")
    assert "<" not in data_text and ">" not in data_text and "&" not in data_text
    assert "\u2028" not in data_text and "\u2029" not in data_text
    assert page.title == PAYLOADS[0] + " brief"  # shown as text, exactly


def test_hostile_data_survives_as_plain_text(hostile_page):
    data = Page(hostile_page).data()
    names = {n["n"] for n in data["nodes"]}
    aliases = {a for n in data["nodes"] for a in n.get("a", [])}
    for p in PAYLOADS:
        assert p in names or f"State {p}" in names or any(p in x for x in names)
        assert p in aliases or any(p in s[0] for s in data["sentences"])
    assert all(s[0].startswith("Sentence ") for s in data["sentences"])


def test_only_http_and_https_urls_become_links(hostile_page):
    data = Page(hostile_page).data()
    links = {n["p"]["url"]: n.get("u") for n in data["nodes"] if n.get("p", {}).get("url")}
    assert links[GOOD_URL] == GOOD_URL
    for bad in BAD_URLS:
        assert links[bad] is None, bad


@pytest.mark.parametrize("url", BAD_URLS + ["", None, 42, "http://", "https:/x", "ftp://example.org/"])
def test_safe_url_refuses(url):
    assert safe_url(url) is None


@pytest.mark.parametrize("url", [GOOD_URL, "http://example.org", "HTTPS://Example.org/a?b=c#d"])
def test_safe_url_keeps(url):
    assert safe_url(url) == url


def test_script_json_cannot_close_its_element():
    text = script_json({"x": "</script><!--<script>\u2028", "y": "a&b"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"x": "</script><!--<script>\u2028", "y": "a&b"}


def test_lone_surrogates_do_not_break_the_utf8_file(tmp_path):
    g = new_graph()
    add_node(g, "person:1", "Person", "Broken \ud800 name")
    write_html(g, tmp_path / "x.html", title="Title \udfff")
    (tmp_path / "x.html").read_bytes().decode("utf-8")


@pytest.mark.parametrize("value,precision,qualifier,label", [
    ("1995", "year", None, "1995"),
    ("2015-03", "month", None, "March 2015"),
    ("1992-06-09", "day", None, "9 June 1992"),
    ("2024-07-11/2024-07-12", "day", None, "11–12 July 2024"),
    ("2024-06-30/2024-07-02", "day", None, "30 June – 2 July 2024"),
    ("2014/2020", "year", None, "2014 – 2020"),
    ("199", "decade", "early", "early 1990s"),
    ("1995", "year", "circa", "circa 1995"),
    (None, None, None, None),
])
def test_date_label_keeps_the_precision(value, precision, qualifier, label):
    assert date_label(value, precision, qualifier) == label


def test_same_graph_same_file_but_for_the_date(brief_graph):
    a = render_html(brief_graph, exported="2024-08-20")
    b = render_html(brief_graph, exported="2024-08-20")
    c = render_html(brief_graph, exported="2031-01-02")
    assert a == b
    assert a.replace("2024-08-20", "DATE") == c.replace("2031-01-02", "DATE")


def test_positions_do_not_depend_on_insertion_order(brief_graph):
    from briefgraph.graph.jsonio import from_dict, to_dict

    d = to_dict(brief_graph)
    d["nodes"].reverse()
    d["edges"].reverse()
    again = from_dict(d)
    xy = lambda g: [(n["id"], n["x"], n["y"]) for n in explorer_data(g)["nodes"]]  # noqa: E731
    assert xy(again) == xy(brief_graph)


def test_no_edge_is_exactly_level(brief_graph):
    data = explorer_data(brief_graph)
    nodes = data["nodes"]
    assert all(nodes[e["f"]]["y"] != nodes[e["t"]]["y"] for e in data["edges"] if e["f"] != e["t"])


def test_empty_graph_is_an_export_error():
    with pytest.raises(ExportError, match="empty"):
        render_html(new_graph())


def test_writes_to_an_open_file_and_refuses_a_directory(tmp_path, brief_graph):
    buf = io.StringIO()
    write_html(brief_graph, buf, exported="2024-08-20")
    assert buf.getvalue().startswith("<!DOCTYPE html>")
    with pytest.raises(ExportError, match="directory"):
        write_html(brief_graph, tmp_path)


def test_file_is_utf8_whatever_the_locale(tmp_path):
    """pyvis's write_html uses the platform encoding (cp1252 on Windows) and fails on
    non-Latin names; ours always writes UTF-8. Run under an ASCII locale to prove it."""
    out = tmp_path / "x.html"
    name = "Türkiye — Азербайджан — 巴基斯坦"
    code = ("from briefgraph.graph.model import new_graph, add_node\n"
            "from briefgraph.graph.export_html import write_html\n"
            f"g = new_graph(); add_node(g, 'state:1', 'State', {ascii(name)})\n"
            f"write_html(g, {str(out)!r})\n")
    env = {"PATH": "/usr/bin:/bin", "LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": "ascii"}
    subprocess.run([sys.executable, "-c", code], check=True, env=env)
    assert name in out.read_bytes().decode("utf-8")


def test_every_kind_has_its_own_shape_so_colour_is_never_the_only_cue():
    """Greyscale prints and colour-blind readers tell kinds apart by shape alone (State and
    Person were both dots); the shapes are ones vis-network draws and the page's legend knows."""
    from briefgraph.graph.schema import load_schema

    schema = load_schema()
    shapes = [k.shape for k in schema.node_kinds.values()]
    assert len(set(shapes)) == len(shapes), shapes
    drawn = {"dot", "square", "triangle", "triangleDown", "diamond", "star", "box", "hexagon"}
    assert set(shapes) <= drawn
