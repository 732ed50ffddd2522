"""Make the explorer screenshots in docs/: the bundled brief, a 16-brief graph and a 300-brief
corpus (synthetic briefs from benchmarks/corpus.py, ingested like real ones), each at
1400x900 and 1024x768, in Debian's headless Chromium.

Run from the repository: ``.venv/bin/python docs/screenshots.py`` (a few minutes: the corpus
is ingested first). PNGs are palette-reduced by Chromium's screenshot as is; they stay small
because the page is mostly flat colour.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import write_corpus  # noqa: E402
from briefgraph.graph.export_html import write_html  # noqa: E402
from briefgraph.pipeline import bundled_brief, gather, ingest  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
SIZES = ((1400, 900), (1024, 768))


def shots(browser, html: Path, name: str, script: str) -> None:
    for w, h in SIZES:
        page = browser.new_page(viewport={"width": w, "height": h})
        page.route("**/*", lambda r: r.continue_() if r.request.url == html.as_uri() else r.abort())
        page.goto(html.as_uri())
        page.wait_for_function("window.briefgraphReady === true", timeout=120_000)
        if script:
            page.evaluate(script)
        page.wait_for_timeout(900)
        target = ROOT / "docs" / f"explorer-{name}-{w}x{h}.png"
        page.screenshot(path=str(target))
        print(target.relative_to(ROOT), target.stat().st_size // 1024, "kB")
        page.close()


SELECT = """(name) => { const bg = window.briefgraph, i = bg.data.nodes.findIndex(n => n.n === name);
    if (i >= 0) bg.selectNode(i, {center: false}); }"""


def main() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        tmp = Path(tmp)
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
        brief = tmp / "brief.html"
        write_html(ingest([bundled_brief()]), brief, exported="2024-08-20")
        shots(browser, brief, "brief", "(" + SELECT + ")('Ilham Aliyev')")
        paths = write_corpus(tmp / "briefs", 300)
        sixteen = tmp / "sixteen.html"
        write_html(gather(paths[:16], jobs=2).graph(), sixteen, exported="2024-08-20")
        shots(browser, sixteen, "16-briefs", """(() => { const bg = window.briefgraph, n = bg.data.nodes, k = bg.data.kinds;
            const i = n.map((x, i) => i).filter(i => k[n[i].k].name === 'Person').sort((a, b) => n[b].deg - n[a].deg)[0];
            bg.selectNode(i, {center: false}); })()""")
        corpus = tmp / "corpus.html"
        write_html(gather(paths, jobs=2).graph(), corpus, exported="2024-08-20")
        shots(browser, corpus, "corpus", "")
        browser.close()


if __name__ == "__main__":
    main()
