"""Fixtures for the HTML explorer: Debian's headless Chromium driven by Playwright, with every
request other than the page itself counted and refused, and console errors collected.

Outside CI a missing Chromium or Playwright skips the browser tests with the reason; in CI
(``CI=true``) it fails them, so the suite can never go green without a real browser.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from support import ROOT, service_unavailable  # noqa: F401 (ROOT: for the test modules)

CHROMIUM = os.environ.get("BRIEFGRAPH_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
VIEWPORT = {"width": 1440, "height": 900}
FIXTURES = Path(__file__).parent / "fixtures"


def _no_browser(reason: str):
    service_unavailable("browser", reason)


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the session (launching costs about a second)."""
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        _no_browser("Playwright is not installed: pip install -e '.[test]'")
    if not Path(CHROMIUM).exists():
        _no_browser(f"no Chromium at {CHROMIUM}: apt-get install chromium (or set BRIEFGRAPH_CHROMIUM)")
    with sync_playwright() as p:
        try:
            chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        except Error as exc:
            _no_browser(f"Chromium at {CHROMIUM} does not start: {exc}")
        yield chromium
        chromium.close()


class Explorer:
    """A page that opens explorer files and records what they try to do.

    ``requests``: every request except the navigation to the file itself (each one aborted);
    ``errors``: console errors and uncaught exceptions.
    """

    def __init__(self, context):
        self.context = context
        self.page = context.new_page()
        self.url: str | None = None
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", self._on_request)
        self.page.on("console", lambda m: self.errors.append(f"console.{m.type}: {m.text}")
                     if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(f"uncaught: {e}"))
        self.page.on("websocket", lambda ws: self.requests.append(ws.url))
        context.route("**/*", self._route)

    def _on_request(self, request):
        if request.url != self.url:
            self.requests.append(request.url)

    def _route(self, route):
        if route.request.url == self.url:
            route.continue_()
        else:
            route.abort()

    def open(self, path: Path, timeout: float = 30_000) -> "Explorer":
        self.url = Path(path).resolve().as_uri()
        self.page.goto(self.url)
        self.page.wait_for_function("window.briefgraphReady === true", timeout=timeout)
        return self

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)

    def selected(self) -> list[int]:
        return self.js("window.briefgraph.network.getSelectedNodes()")

    def visible_ids(self) -> set[str]:
        """Ids of the nodes the chart draws now, read from vis-network itself."""
        return set(self.js("""() => { const bg = window.briefgraph;
            return bg.network.body.nodeIndices.map(i => bg.data.nodes[i].id); }"""))

    def click_node(self, index: int) -> None:
        """Centre node ``index`` at scale 1, then click it with the mouse."""
        self.js("""(i) => { const net = window.briefgraph.network;
            net.moveTo({position: net.getPositions([i])[i], scale: 1.0}); }""", index)
        box = self.page.locator("#bg-graph").bounding_box()
        self.page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


@pytest.fixture()
def explorer(browser):
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
    yield Explorer(context)
    context.close()


@pytest.fixture(scope="session")
def brief_html(tmp_path_factory, brief_graph):
    """The explorer of the bundled brief, written once for every browser test that reads it."""
    from briefgraph.graph.export_html import write_html

    path = tmp_path_factory.mktemp("explorer") / "brief.html"
    write_html(brief_graph, path, exported="2024-08-20")
    return path


@pytest.fixture()
def page(explorer, brief_html):
    """The bundled brief's explorer open in Chromium; after the test, no request and no console error."""
    explorer.open(brief_html)
    yield explorer
    assert explorer.requests == [], "the page tried to reach the network"
    assert explorer.errors == [], "console errors"
