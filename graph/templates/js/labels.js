// Labels drawn by the page, not by vis-network: after each frame the most important labels are
// placed first (selection, path, focused neighbourhood, search hits, then by number of links)
// and a label that would overlap one already drawn, or the shape of a labelled node, tries a few
// other sides of its node and is otherwise left out. Text keeps one screen size at every zoom,
// so a zoomed-out chart still names its hubs. Edge labels show for the hovered or selected
// items (all of them only when "Show edge labels" is ticked), under the same rule.
// drawnLabels holds the boxes of the last frame (CSS pixels of the chart), for tests and tools.

var LABEL_PX = 12, EDGE_LABEL_PX = 10, LABEL_MAX = 40, LABEL_CELL = 96;
var labelWidth = new Float32Array(NODES.length); // measured once per node, at LABEL_PX
var drawnLabels = [];
var hoverEdge = null, hoverNode = null;
var searchHits = [];
var keyCursor = null; // the node the arrow keys are on (keys.js)
// nodes by importance: degree, actors before events, sources last
var LABEL_ORDER = NODES.map(function (n, i) { return i; }).sort(function (a, b) {
  var na = NODES[a], nb = NODES[b];
  return (na.k === SOURCE_KIND) - (nb.k === SOURCE_KIND) || nb.deg - na.deg ||
    (KINDS[na.k].dated ? 1 : 0) - (KINDS[nb.k].dated ? 1 : 0) || a - b;
});

function labelTextOf(i) { return truncate(NODES[i].n, LABEL_MAX); }

// A grid of boxes for overlap tests: each box lands in every cell it touches.
function BoxGrid() { this.cells = new Map(); }
BoxGrid.prototype.keys = function (b) {
  var out = [], x0 = Math.floor(b[0] / LABEL_CELL), x1 = Math.floor((b[0] + b[2]) / LABEL_CELL);
  var y0 = Math.floor(b[1] / LABEL_CELL), y1 = Math.floor((b[1] + b[3]) / LABEL_CELL);
  for (var x = x0; x <= x1; x++) for (var y = y0; y <= y1; y++) out.push(x * 100003 + y);
  return out;
};
BoxGrid.prototype.hits = function (b) {
  var cells = this.cells;
  return this.keys(b).some(function (k) {
    var list = cells.get(k);
    return list && list.some(function (o) {
      return b[0] < o[0] + o[2] && o[0] < b[0] + b[2] && b[1] < o[1] + o[3] && o[1] < b[1] + b[3];
    });
  });
};
BoxGrid.prototype.add = function (b) {
  var cells = this.cells;
  this.keys(b).forEach(function (k) { var l = cells.get(k); if (l) l.push(b); else cells.set(k, [b]); });
};

// Node indices whose labels must come first, most important first.
function forcedLabels() {
  var out = [];
  if (keyCursor !== null) out.push(keyCursor);
  if (state.selected && state.selected.node !== undefined) out.push(state.selected.node);
  if (state.selected && state.selected.edge !== undefined) out.push(EDGES[state.selected.edge].f, EDGES[state.selected.edge].t);
  if (state.path) out = out.concat(state.path.nodes);
  if (hoverNode !== null) out.push(hoverNode);
  out = out.concat(searchHits);
  if (state.focus) out = out.concat(Array.from(state.focus.set).sort(function (a, b) { return NODES[b].deg - NODES[a].deg; }));
  if (state.selected && state.selected.node !== undefined) {
    var i = state.selected.node;
    out = out.concat(ADJ[i].filter(function (j) { return edgeFlags[j]; }).map(function (j) { return otherEnd(j, i); }));
  }
  return out;
}

function forcedEdges() {
  var out = [];
  if (hoverEdge !== null) out.push(hoverEdge);
  if (state.selected && state.selected.edge !== undefined) out.push(state.selected.edge);
  if (state.path) out = out.concat(state.path.edges);
  if (state.selected && state.selected.node !== undefined) out = out.concat(ADJ[state.selected.node]);
  return out.filter(function (j) { return edgeFlags[j]; });
}

function drawLabels(ctx) {
  var body = network.body, view = body.view, scale = view.scale, tx = view.translation.x, ty = view.translation.y;
  var canvas = network.canvas.frame.canvas, W = canvas.clientWidth, H = canvas.clientHeight;
  var ratio = network.canvas.pixelRatio || 1;
  var grid = new BoxGrid(), boxes = [], done = new Uint8Array(NODES.length);
  var forced = forcedLabels(), forcedSet = new Set(forced);
  ctx.save();
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.textBaseline = 'middle';
  ctx.lineJoin = 'round';

  function screen(i) {
    var node = body.nodes[i];
    if (!node) return null;
    return [node.x * scale + tx, node.y * scale + ty, Math.max(3, NODES[i].s * scale)];
  }
  function width(i) {
    if (!labelWidth[i]) { ctx.font = LABEL_PX + 'px ' + FONT; labelWidth[i] = ctx.measureText(labelTextOf(i)).width + 4; }
    return labelWidth[i];
  }
  function place(kind, i, cands, text, px, bold, clearOfShapes) {
    for (var c = 0; c < cands.length; c++) {
      var b = cands[c];
      if (b[0] < 0 || b[1] < 0 || b[0] + b[2] > W || b[1] + b[3] > H) continue;
      if (grid.hits(b) || clearOfShapes && shapes.hits(b)) continue;
      grid.add(b);
      boxes.push({ kind: kind, i: i, x: b[0], y: b[1], w: b[2], h: b[3], text: text, px: px, bold: bold });
      return true;
    }
    return false;
  }
  function nodeLabel(i, important) {
    if (done[i] || !nodeFlags[i] || KINDS[NODES[i].k].shape === 'box') return;
    done[i] = 1;
    var p = screen(i);
    if (!p || p[0] < -200 || p[0] > W + 200 || p[1] < -50 || p[1] > H + 50) return;
    var w = width(i), h = LABEL_PX + 4, r = p[2];
    var cands = [[p[0] - w / 2, p[1] + r + 2, w, h], [p[0] - w / 2, p[1] - r - 2 - h, w, h],
      [p[0] + r + 3, p[1] - h / 2, w, h], [p[0] - r - 3 - w, p[1] - h / 2, w, h]];
    if (important) cands.push([p[0] + r, p[1] + r, w, h], [p[0] - r - w, p[1] - r - h, w, h],
      [p[0] + r, p[1] - r - h, w, h], [p[0] - r - w, p[1] + r, w, h]);
    // a labelled node's own shape is kept clear of the labels that come after it
    var shape = [p[0] - r, p[1] - r, 2 * r, 2 * r];
    if (grid.hits(shape) && !important) return;
    var bold = important && (i === keyCursor || (state.selected && state.selected.node === i) || (state.path && state.path.nodes.indexOf(i) >= 0));
    // the best connected few may cover an unlabelled node's shape when a crowd leaves no room
    var placed = place('node', i, cands, labelTextOf(i), LABEL_PX, bold, !important) ||
      (!important && hubs-- > 0 && place('node', i, cands, labelTextOf(i), LABEL_PX, false, false));
    if (placed) grid.add(shape);
  }
  var hubs = 25;
  function edgeLabelAt(j, forced) {
    var e = EDGES[j], a = screen(e.f), b = screen(e.t);
    if (!a || !b) return;
    var text = edgeLabel(e);
    ctx.font = EDGE_LABEL_PX + 'px ' + FONT;
    var w = ctx.measureText(text).width + 4, h = EDGE_LABEL_PX + 4;
    // the middle of the edge first, then further along it, on it or just beside it
    var cands = [];
    [0.5, 0.38, 0.62, 0.27, 0.73].forEach(function (t) {
      var mx = a[0] + (b[0] - a[0]) * t, my = a[1] + (b[1] - a[1]) * t;
      cands.push([mx - w / 2, my - h / 2, w, h], [mx - w / 2, my + 2, w, h], [mx - w / 2, my - h - 2, w, h]);
    });
    if (!place('edge', j, cands, text, EDGE_LABEL_PX, false, true) && forced) place('edge', j, cands, text, EDGE_LABEL_PX, false, false);
  }

  // every node on screen is an obstacle for the ordinary labels (a label never hides a node);
  // on a crowded zoomed-out corpus only the first few thousand count, the rest are specks
  var shapes = new BoxGrid(), ids = network.body.nodeIndices, counted = 0;
  for (var s = 0; s < ids.length && counted < 6000; s++) {
    var q = screen(ids[s]);
    if (!q || q[0] < -q[2] || q[0] > W + q[2] || q[1] < -q[2] || q[1] > H + q[2]) continue;
    counted += 1;
    shapes.add([q[0] - q[2], q[1] - q[2], 2 * q[2], 2 * q[2]]);
  }
  forced.forEach(function (i) { nodeLabel(i, true); });
  var fe = new Set();
  forcedEdges().forEach(function (j) { if (!fe.has(j)) { fe.add(j); edgeLabelAt(j, true); } });
  // the rest by importance, until the chart is full (a few thousand tries at most)
  var tries = 0, budget = BIG ? 3000 : 20000;
  for (var k = 0; k < LABEL_ORDER.length && tries < budget; k++) {
    var i = LABEL_ORDER[k];
    if (done[i] || !nodeFlags[i]) continue;
    tries += 1;
    nodeLabel(i, false);
  }
  if (state.edgeLabels) {
    for (var j = 0, n = 0; j < EDGES.length && n < budget; j++) if (edgeFlags[j] && !fe.has(j)) { n += 1; edgeLabelAt(j); }
  }
  var dim = state.path ? new Set(state.path.nodes) : null;
  boxes.forEach(function (b) {
    ctx.font = (b.bold ? '600 ' : '') + b.px + 'px ' + FONT;
    var x = b.x + 2, y = b.y + b.h / 2;
    ctx.lineWidth = 3;
    ctx.strokeStyle = 'rgba(255,255,255,0.92)';
    ctx.strokeText(b.text, x, y);
    ctx.fillStyle = b.kind === 'edge' ? '#52606d' : (dim && !dim.has(b.i) ? '#b8bfc8' : '#1f2933');
    ctx.fillText(b.text, x, y);
  });
  if (keyCursor !== null && nodeFlags[keyCursor]) {
    var p = screen(keyCursor);
    if (p) {
      ctx.beginPath();
      ctx.arc(p[0], p[1], p[2] + 5, 0, 2 * Math.PI);
      ctx.lineWidth = 2.5;
      ctx.strokeStyle = '#2563eb';
      ctx.setLineDash([4, 3]);
      ctx.stroke();
    }
  }
  ctx.restore();
  drawnLabels = boxes;
}

function setSearchHits(nodes) {
  searchHits = nodes;
  if (network) network.redraw();
}

function wireLabels() {
  network.on('afterDrawing', drawLabels);
  network.on('hoverEdge', function (p) { hoverEdge = p.edge; network.redraw(); });
  network.on('blurEdge', function () { hoverEdge = null; network.redraw(); });
  network.on('hoverNode', function (p) { hoverNode = p.node; network.redraw(); });
  network.on('blurNode', function () { hoverNode = null; network.redraw(); });
}
