"""HTML explorer: export time (layout included), file size, and time to interactive in headless
Chromium, i.e. from navigation start until the page sets ``window.briefgraphReady`` (chart
drawn at its precomputed positions, timeline drawn, every control wired), read from
``window.briefgraphReadyAt`` (``performance.now()``); ``range_s`` is one timeline range
applied and the chart redrawn.

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
                tti_s, range_s = _time_to_interactive(browser, path)
                rows.append({"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges(),
                             "layout_s": round(layout_s, 2), "export_s": round(export_s, 2),
                             "size_mb": round(path.stat().st_size / 1e6, 2),
                             "tti_s": round(tti_s, 2), "range_s": round(range_s, 2)})
        finally:
            browser.close()
    return rows


def _time_to_interactive(browser, path: Path) -> tuple[float, float]:
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    try:
        page = context.new_page()
        url = path.resolve().as_uri()
        context.route("**/*", lambda route: route.continue_() if route.request.url == url else route.abort())
        page.goto(url)
        page.wait_for_function("window.briefgraphReady === true", timeout=300_000, polling=50)
        tti = page.evaluate("window.briefgraphReadyAt") / 1000
        range_ms = page.evaluate("""() => new Promise(resolve => {
            const t = performance.now();
            window.briefgraph.network.once('afterDrawing', () => resolve(performance.now() - t));
            window.briefgraph.timeline.setRangeText('2000', '2010');
        })""")
        return tti, range_ms / 1000
    finally:
        context.close()


def _table(rows: list[dict]) -> str:
    cols = list(rows[0])
    out = ["  ".join(f"{c:>9}" for c in cols)]
    out += ["  ".join(f"{r[c]:>9}" for c in cols) for r in rows]
    return "\n".join(out)


if __name__ == "__main__":
    wanted = tuple(tuple(int(x) for x in a.split("/")) for a in sys.argv[1:]) or SIZES
    result = run(wanted)
    print(_table(result))
    for r in result:
        if (r["nodes"], r["edges"]) == (5000, 15000):
            print(f"5k/15k goals: interactive in {r['tti_s']} s (goal < {GOAL_TTI_S}), "
                  f"{r['size_mb']} MB (goal < {GOAL_MB})")
