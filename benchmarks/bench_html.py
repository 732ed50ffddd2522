"""HTML explorer: export time (layout included), file size, and time to interactive in headless
Chromium, i.e. from navigation start until the page sets ``window.briefgraphReady`` (chart
drawn at its precomputed positions, timeline drawn, every control wired), read from
``window.briefgraphReadyAt`` (``performance.now()``); ``range_s`` is one timeline range
applied and the chart redrawn. The interaction latencies (``focus_ms``, ``clear_ms``,
``range_ms``, ``unrange_ms``, ``path_ms``) run from the call until the chart has drawn its
first frame after it (what the user sees answer): a 1-hop focus on the most connected
actor, leaving it, a timeline range, clearing it, and a shortest path between two actors.

Run alone: ``.venv/bin/python -m benchmarks.bench_html [N/M ...]`` (default 500/1500,
5000/15000, 20000/60000). Needs Playwright and Debian's Chromium (/usr/bin/chromium).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make ``benchmarks`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.synthetic_graph import synthetic_graph  # noqa: E402

CHROMIUM = os.environ.get("BRIEFGRAPH_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
SIZES = ((500, 1500), (5000, 15000), (20000, 60000))
#: the sizes issue 13 asks about (time to interactive and interaction latency)
INTERACTION_SIZES = ((500, 1000), (5000, 10000), (15000, 30000))
GOAL_TTI_S = 3.0  # 5,000 nodes / 15,000 edges must be interactive within this
GOAL_MB = 10.0


def run(sizes=SIZES, chromium: str = CHROMIUM) -> list[dict]:
    """One row per ``(nodes, edges)`` size: ``nodes``, ``edges``, ``layout_s``, ``export_s``
    (layout included), ``size_mb``, ``tti_s``, ``range_s``."""
    from playwright.sync_api import sync_playwright

    from briefgraph.graph.export_html import write_html
    from briefgraph.graph.layout import layout

    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            for n, m in sizes:
                graph = synthetic_graph(n, m)
                t = time.perf_counter()
                layout(graph)
                layout_s = time.perf_counter() - t
                path = Path(tmp) / f"g{n}.html"
                t = time.perf_counter()
                write_html(graph, path, exported="2024-01-01")
                export_s = time.perf_counter() - t
                tti_s, lat = _time_to_interactive(browser, path)
                rows.append({"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges(),
                             "layout_s": round(layout_s, 2), "export_s": round(export_s, 2),
                             "size_mb": round(path.stat().st_size / 1e6, 2),
                             "tti_s": round(tti_s, 2), "range_s": round(lat["range_ms"] / 1000, 2),
                             **{k: round(v) for k, v in lat.items()}})
        finally:
            browser.close()
    return rows


#: each interaction, then the time until the chart's next drawn frame
_INTERACT = """async () => {
    const bg = window.briefgraph, net = bg.network;
    const frame = () => new Promise(resolve => net.once('afterDrawing', resolve));
    async function timed(fn) {
        await new Promise(r => setTimeout(r, 300));
        const t = performance.now(), drawn = frame();
        fn();
        net.redraw();
        await drawn;
        return performance.now() - t;
    }
    const nodes = bg.data.nodes, kinds = bg.data.kinds.map(k => k.name);
    const actors = nodes.map((n, i) => i).filter(i => ['State', 'Person', 'Organisation'].includes(kinds[nodes[i].k]));
    actors.sort((a, b) => nodes[b].deg - nodes[a].deg);
    const out = {};
    out.focus_ms = await timed(() => bg.focusOn(actors[0], 1));
    await new Promise(r => setTimeout(r, 600));
    out.clear_ms = await timed(() => bg.unfocus());
    await new Promise(r => setTimeout(r, 600));
    out.range_ms = await timed(() => bg.timeline.setRangeText('2000', '2010'));
    out.unrange_ms = await timed(() => bg.timeline.setRange(null, null));
    out.path_ms = await timed(() => bg.findPath(actors[1], actors[Math.min(actors.length - 1, 40)]));
    return out;
}"""


def _time_to_interactive(browser, path: Path) -> tuple[float, dict]:
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    try:
        page = context.new_page()
        url = path.resolve().as_uri()
        context.route("**/*", lambda route: route.continue_() if route.request.url == url else route.abort())
        page.goto(url)
        page.wait_for_function("window.briefgraphReady === true", timeout=300_000, polling=50)
        tti = page.evaluate("window.briefgraphReadyAt") / 1000
        return tti, page.evaluate(_INTERACT)
    finally:
        context.close()


def _table(rows: list[dict]) -> str:
    cols = list(rows[0])
    out = ["  ".join(f"{c:>9}" for c in cols)]
    out += ["  ".join(f"{r[c]:>9}" for c in cols) for r in rows]
    return "\n".join(out)


if __name__ == "__main__":
    if sys.argv[1:] == ["--interaction"]:
        sys.argv[1:] = [f"{n}/{m}" for n, m in INTERACTION_SIZES]
    wanted = tuple(tuple(int(x) for x in a.split("/")) for a in sys.argv[1:]) or SIZES
    result = run(wanted)
    print(_table(result))
    for r in result:
        if (r["nodes"], r["edges"]) == (5000, 15000):
            print(f"5k/15k goals: interactive in {r['tti_s']} s (goal < {GOAL_TTI_S}), "
                  f"{r['size_mb']} MB (goal < {GOAL_MB})")
