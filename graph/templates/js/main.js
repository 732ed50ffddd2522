// Start-up: wire the controls, draw the chart at the positions computed in Python (no
// physics, so nothing moves and the same file always shows the same picture), then announce
// readiness: window.briefgraphReady = true and window.briefgraphReadyAt = ms since navigation
// start, once the chart is drawn and every control answers (the benchmark's time to interactive).

var OPTIONS = {
  autoResize: true,
  physics: { enabled: false },
  layout: { improvedLayout: false, randomSeed: 1 },
  groups: kindGroups(),
  interaction: {
    hover: !BIG || SCOPED, tooltipDelay: 250, multiselect: false, navigationButtons: false, keyboard: false,
    hideEdgesOnDrag: BIG, hideEdgesOnZoom: BIG, zoomSpeed: 0.7
  },
  nodes: {
    borderWidth: 1.5, borderWidthSelected: 3,
    font: { face: FONT, size: 13, color: '#1f2933', strokeWidth: 3, strokeColor: '#ffffff' },
    shapeProperties: { interpolation: false },
    // wrapping measures every word of every label: worth it only on small charts
    widthConstraint: BIG ? false : { maximum: 170 }
  },
  edges: {
    smooth: false, width: 1.2, selectionWidth: 1.5, hoverWidth: 0.5, arrowStrikethrough: false,
    arrows: { to: { enabled: true, scaleFactor: 0.5 } },
    color: EDGE_COLOR,
    font: { face: FONT, size: 9, color: '#52606d', strokeWidth: 3, strokeColor: '#ffffff', align: 'middle' }
  }
};

function start() {
  wireControls();
  network = new vis.Network($('bg-graph'), { nodes: nodeSet, edges: edgeSet }, OPTIONS);
  wireLabels();
  // hover (tooltips, edge labels) costs a hit test per mouse move: on while the chart is small
  onRefresh(function () {
    var want = !BIG || nodeSet.length <= 3000;
    if (want !== network.interactionHandler.options.hover) network.setOptions({ interaction: { hover: want } });
  });
  wireReport();
  wireKeys();
  wireList();
  network.on('click', function (p) {
    if (p.nodes.length) selectNode(p.nodes[0], { center: false });
    else if (p.edges.length) selectEdge(p.edges[0], { center: false });
    else clearSelection();
  });
  network.once('afterDrawing', function () {
    window.briefgraphReadyAt = performance.now();
    window.briefgraphReady = true;
    document.body.classList.add('bg-ready');
  });
  TL.draw();
  status();
  countFilters();
  showEmpty();
  // the page's API: what the tests drive, and a handle for anyone scripting the explorer
  window.briefgraph = {
    network: network, state: state, data: DATA,
    visibleNodes: visibleNodes, visibleEdges: visibleEdges,
    findNodes: findNodes, selectNode: selectNode, selectEdge: selectEdge,
    focusOn: focusOn, unfocus: unfocus, findPath: function (a, b) { pathEnds = { from: a, to: b }; pathInputs.from(a); pathInputs.to(b); return findPath(); },
    clearPath: function () { clearPath(false); }, reset: reset, toggleList: toggleList, keyCursor: function () { return keyCursor; }, snapshot: snapshot, snapshotSvg: snapshotSvg, reportInfo: function () { return reportCanvas().info; }, timeline: TL,
    labelBoxes: function () { return drawnLabels.map(function (b) { return { kind: b.kind, i: b.i, x: b.x, y: b.y, w: b.w, h: b.h, text: b.text }; }); }
  };
}

start();
