"""A large synthetic graph in the browser: drawn at the Python positions with no physics,
big-graph settings on (edge labels off until asked for), and still searchable."""

from __future__ import annotations

import pytest

from benchmarks.synthetic_graph import synthetic_graph
from briefgraph.graph.export_html import write_html

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def large_html(tmp_path_factory):
    path = tmp_path_factory.mktemp("large") / "large.html"
    write_html(synthetic_graph(2000, 6000), path, exported="2024-01-01")
    return path


def test_large_graph_is_static_fast_and_usable(explorer, large_html):
    explorer.open(large_html, timeout=60_000)
    assert explorer.requests == [] and explorer.errors == []
    state = explorer.js("""() => { const bg = window.briefgraph, pos = bg.network.getPositions();
        return {moved: Object.keys(pos).filter(i => pos[i].x !== bg.data.nodes[i].x || pos[i].y !== bg.data.nodes[i].y).length,
                physics: bg.network.physics.physicsEnabled,
                labels: bg.labelBoxes().filter(b => b.kind === 'edge').length,
                drawn: bg.network.body.nodeIndices.length, readyAt: window.briefgraphReadyAt}; }""")
    assert state["moved"] == 0 and state["physics"] is False
    assert state["labels"] == 0 and state["drawn"] > 1500
    # labels: the hubs are named even zoomed out, and no two labels overlap
    boxes = explorer.js("window.briefgraph.labelBoxes()")
    assert len(boxes) >= 10
    assert not [(a["text"], b["text"]) for k, a in enumerate(boxes) for b in boxes[k + 1:]
                if a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"] and a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"]]
    explorer.page.check("#bg-edge-labels")
    explorer.js("window.briefgraph.network.moveTo({scale: 1.5, animation: false})")
    labelled = explorer.js("window.briefgraph.labelBoxes().filter(b => b.kind === 'edge').length")
    assert labelled > 0  # as many as fit without overlapping
    explorer.page.fill("#bg-search", "Person 17")
    explorer.page.press("#bg-search", "Enter")
    (i,) = explorer.selected()
    assert explorer.js("(i) => window.briefgraph.data.nodes[i].n", i) == "Person 17"
