// Report output: the current view as a picture for a report, with what a reader needs beside
// it (title, briefs, export date, legend, the selection and its evidence references). One scene
// is computed from the chart's positions, then painted either on a canvas (PNG at REPORT_SCALE
// times the screen) or as SVG elements (the SVG file, and the printed page built on beforeprint).
// Text from the brief reaches the SVG only as text nodes, and XMLSerializer escapes it.

var REPORT_SCALE = 2; // the PNG is at least twice the pixels of the view on screen

function trustLine() { return $('bg-trust').textContent; } // written by export_html.trust_line

function briefLines() {
  return DOCS.slice(0, 3).map(function (d) {
    return [d.title || d.id, d.author ? 'by ' + d.author : null, d.publisher, d.date].filter(Boolean).join(' \u00b7 ');
  }).concat(DOCS.length > 3 ? ['and ' + (DOCS.length - 3) + ' more briefs'] : []);
}

// The selection as report lines: its name, then one reference per evidence sentence.
function selectionLines(max) {
  var sel = state.selected, lines = [], evidence = [], head = null;
  if (sel && sel.node !== undefined) { head = NODES[sel.node].n + ' (' + kindLabel(NODES[sel.node]) + (NODES[sel.node].dt ? ', ' + NODES[sel.node].dt.l : '') + ')'; evidence = NODES[sel.node].e; }
  else if (sel && sel.edge !== undefined) { var e = EDGES[sel.edge]; head = NODES[e.f].n + ' ' + edgeLabel(e) + ' ' + NODES[e.t].n; evidence = e.e; }
  else if (state.path) { head = 'Path ' + state.path.nodes.map(function (i) { return NODES[i].n; }).join(' \u2192 '); state.path.edges.forEach(function (j) { evidence = evidence.concat(EDGES[j].e.slice(0, 1)); }); }
  if (!head) return [];
  lines.push(['Selected: ' + head, true]);
  evidence.slice(0, max).forEach(function (ev, k) {
    var s = SENTENCES[ev[0]];
    lines.push(['[' + (k + 1) + '] ' + whereText(s, true) + ': \u201c' + truncate(s[0], 150) + '\u201d' + footnoteText(s), false]);
  });
  if (evidence.length > max) lines.push(['\u2026 and ' + (evidence.length - max) + ' more sentences in the explorer', false]);
  return lines;
}

function footnoteText(s) {
  var fns = s[4].map(function (si) { var p = NODES[si].p || {}; return p.footnote !== undefined ? String(p.footnote) : null; }).filter(Boolean);
  return fns.length ? ' (footnote' + (fns.length > 1 ? 's ' : ' ') + fns.join(', ') + ')' : '';
}

// What is on screen now, in chart pixels.
function scene() {
  var body = network.body, view = body.view, sc = view.scale, tx = view.translation.x, ty = view.translation.y;
  var canvas = network.canvas.frame.canvas, W = canvas.clientWidth, H = canvas.clientHeight;
  var pathNodes = state.path ? new Set(state.path.nodes) : null, pathEdges = state.path ? new Set(state.path.edges) : null;
  var sel = state.selected || {};
  function pt(i) { var n = body.nodes[i]; return [n.x * sc + tx, n.y * sc + ty]; }
  var nodes = [], edges = [], kinds = new Set();
  body.nodeIndices.forEach(function (i) {
    var p = pt(i), r = Math.max(2.5, NODES[i].s * sc);
    if (p[0] < -r || p[0] > W + r || p[1] < -r || p[1] > H + r) return;
    kinds.add(NODES[i].k);
    nodes.push({ i: i, x: p[0], y: p[1], r: r, dim: !!pathNodes && !pathNodes.has(i), sel: sel.node === i });
  });
  body.edgeIndices.forEach(function (j) {
    var e = EDGES[j], a = pt(e.f), b = pt(e.t);
    if (Math.max(a[0], b[0]) < 0 || Math.min(a[0], b[0]) > W || Math.max(a[1], b[1]) < 0 || Math.min(a[1], b[1]) > H) return;
    edges.push({ j: j, a: a, b: b, rb: Math.max(2.5, NODES[e.t].s * sc), path: !!pathEdges && pathEdges.has(j), dim: !!pathEdges && !pathEdges.has(j),
      arrow: !TYPES[e.y].symmetric, sel: sel.edge === j || (sel.node !== undefined && (e.f === sel.node || e.t === sel.node)) });
  });
  return { W: W, H: H, nodes: nodes, edges: edges, labels: drawnLabels.slice(), kinds: Array.from(kinds).sort() };
}

// A painter draws report primitives on a 2D canvas context or into an SVG element.
function CanvasPainter(ctx) { this.ctx = ctx; }
CanvasPainter.prototype.rect = function (x, y, w, h, fill) { this.ctx.fillStyle = fill; this.ctx.fillRect(x, y, w, h); };
CanvasPainter.prototype.line = function (x1, y1, x2, y2, color, width) {
  var c = this.ctx; c.beginPath(); c.moveTo(x1, y1); c.lineTo(x2, y2); c.strokeStyle = color; c.lineWidth = width; c.stroke();
};
CanvasPainter.prototype.poly = function (points, fill, stroke, width) {
  var c = this.ctx; c.beginPath();
  points.forEach(function (p, k) { if (k) c.lineTo(p[0], p[1]); else c.moveTo(p[0], p[1]); });
  c.closePath(); c.fillStyle = fill; c.fill();
  if (stroke) { c.strokeStyle = stroke; c.lineWidth = width; c.stroke(); }
};
CanvasPainter.prototype.circle = function (x, y, r, fill, stroke, width) {
  var c = this.ctx; c.beginPath(); c.arc(x, y, r, 0, 2 * Math.PI); c.fillStyle = fill; c.fill();
  if (stroke) { c.strokeStyle = stroke; c.lineWidth = width; c.stroke(); }
};
CanvasPainter.prototype.text = function (x, y, s, px, color, weight, halo) {
  var c = this.ctx; c.font = (weight || '') + ' ' + px + 'px ' + FONT; c.textBaseline = 'middle';
  if (halo) { c.lineWidth = 3; c.lineJoin = 'round'; c.strokeStyle = '#ffffff'; c.strokeText(s, x, y); }
  c.fillStyle = color; c.fillText(s, x, y);
};

function SvgPainter(root) { this.root = root; }
SvgPainter.prototype.add = function (tag, attrs) { var n = svg(tag, attrs); this.root.appendChild(n); return n; };
SvgPainter.prototype.rect = function (x, y, w, h, fill) { this.add('rect', { x: r2(x), y: r2(y), width: r2(w), height: r2(h), fill: fill }); };
SvgPainter.prototype.line = function (x1, y1, x2, y2, color, width) { this.add('line', { x1: r2(x1), y1: r2(y1), x2: r2(x2), y2: r2(y2), stroke: color, 'stroke-width': width }); };
SvgPainter.prototype.poly = function (points, fill, stroke, width) {
  this.add('polygon', { points: points.map(function (p) { return r2(p[0]) + ',' + r2(p[1]); }).join(' '), fill: fill, stroke: stroke || 'none', 'stroke-width': width || 0 });
};
SvgPainter.prototype.circle = function (x, y, r, fill, stroke, width) { this.add('circle', { cx: r2(x), cy: r2(y), r: r2(r), fill: fill, stroke: stroke || 'none', 'stroke-width': width || 0 }); };
SvgPainter.prototype.text = function (x, y, s, px, color, weight, halo) {
  var t = this.add('text', { x: r2(x), y: r2(y), 'font-size': px, 'font-family': FONT, fill: color, 'dominant-baseline': 'central' });
  if (weight) t.setAttribute('font-weight', weight);
  if (halo) { t.setAttribute('stroke', '#ffffff'); t.setAttribute('stroke-width', 3); t.setAttribute('paint-order', 'stroke'); t.setAttribute('stroke-linejoin', 'round'); }
  t.textContent = s;
};
function r2(v) { return Math.round(v * 100) / 100; }

// The outline of a kind's shape around (x, y), as polygon points (null for a circle).
function shapePoints(shape, x, y, r) {
  var pts = [], k;
  if (shape === 'square') return [[x - r, y - r], [x + r, y - r], [x + r, y + r], [x - r, y + r]];
  if (shape === 'box') return [[x - r * 1.6, y - r * 0.7], [x + r * 1.6, y - r * 0.7], [x + r * 1.6, y + r * 0.7], [x - r * 1.6, y + r * 0.7]];
  if (shape === 'triangle') return [[x, y - r * 1.15], [x + r, y + r * 0.6], [x - r, y + r * 0.6]];
  if (shape === 'triangleDown') return [[x, y + r * 1.15], [x + r, y - r * 0.6], [x - r, y - r * 0.6]];
  if (shape === 'diamond') return [[x, y - r * 1.2], [x + r * 1.2, y], [x, y + r * 1.2], [x - r * 1.2, y]];
  if (shape === 'hexagon') { for (k = 0; k < 6; k++) pts.push([x + r * Math.cos(Math.PI / 3 * k), y + r * Math.sin(Math.PI / 3 * k)]); return pts; }
  if (shape === 'star') {
    for (k = 0; k < 10; k++) { var a = Math.PI / 5 * k - Math.PI / 2, rr = k % 2 ? r * 0.5 : r * 1.2; pts.push([x + Math.cos(a) * rr, y + Math.sin(a) * rr]); }
    return pts;
  }
  return null;
}

function paintShape(p, k, x, y, r, dim, sel) {
  var c = KINDS[k].color, fill = dim ? '#eef0f3' : c, stroke = sel ? '#111827' : (dim ? '#d5d9df' : shade(c, -0.35)), w = sel ? 3 : 1.5;
  var pts = shapePoints(KINDS[k].shape, x, y, r);
  if (pts) p.poly(pts, fill, stroke, w); else p.circle(x, y, r, fill, stroke, w);
}

// Lays the report out and paints it; returns its size and where the legend went.
function paintReport(p, sc, measure) {
  var pad = 16, W = sc.W, y = pad;
  var out = { width: W + 2 * pad };
  function wrap(text, px, weight, maxW) { // greedy line breaking with real text widths
    var words = String(text).split(/\s+/), lines = [], line = '';
    words.forEach(function (w) {
      var next = line ? line + ' ' + w : w;
      if (line && measure(next, px, weight) > maxW) { lines.push(line); line = w; } else line = next;
    });
    if (line) lines.push(line);
    return lines;
  }
  var head = [[$('bg-title').textContent, 17, '600', '#1f2933']];
  briefLines().forEach(function (l) { head.push([l, 12, '', '#52606d']); });
  head.push(['Exported ' + $('bg-exported').textContent + ' \u00b7 ' + trustLine(), 11, '', '#616e7c']);
  var headLines = [];
  head.forEach(function (h) { wrap(h[0], h[1], h[2], W).forEach(function (l) { headLines.push([l, h[1], h[2], h[3]]); }); });
  var headH = headLines.reduce(function (a, l) { return a + l[1] + 6; }, 0);
  var top = pad + headH + 8;
  // legend: each kind on the chart, with its shape
  var legend = [], lx = pad, ly = 0, lineH = 20, legendRows = 1;
  sc.kinds.forEach(function (k) {
    var w = 22 + measure(KINDS[k].name, 12, '') + 18;
    if (lx + w > pad + W && lx > pad) { lx = pad; legendRows += 1; }
    legend.push([k, lx, legendRows - 1]);
    lx += w;
  });
  if (state.path) { legend.push([-1, lx, legendRows - 1]); }
  var legendTop = top + sc.H + 10, legendH = legendRows * lineH;
  var refs = [];
  selectionLines(6).forEach(function (l) { wrap(l[0], 11, l[1] ? '600' : '', W).forEach(function (t) { refs.push([t, l[1]]); }); });
  var refsTop = legendTop + legendH + 8;
  out.height = refsTop + refs.length * 15 + pad;
  out.legend = { x: pad, y: legendTop, w: W, h: legendH };
  out.chart = { x: pad, y: top, w: W, h: sc.H };
  p.rect(0, 0, out.width, out.height, '#ffffff');
  headLines.forEach(function (l) { p.text(pad, y + l[1] / 2, l[0], l[1], l[3], l[2]); y += l[1] + 6; });
  p.rect(pad - 0.5, top - 0.5, W + 1, sc.H + 1, '#e4e7eb');
  p.rect(pad, top, W, sc.H, '#ffffff');
  var ox = pad, oy = top;
  function inside(x, y) { return x >= -1 && y >= -1 && x <= sc.W + 1 && y <= sc.H + 1; }
  sc.edges.forEach(function (e) {
    // clip both ends to the chart frame (Liang-Barsky), so nothing is painted outside it
    var t0 = 0, t1 = 1, dx = e.b[0] - e.a[0], dy = e.b[1] - e.a[1];
    [[-dx, e.a[0]], [dx, sc.W - e.a[0]], [-dy, e.a[1]], [dy, sc.H - e.a[1]]].forEach(function (q) {
      if (q[0] === 0) { if (q[1] < 0) t1 = -1; return; }
      var t = q[1] / q[0];
      if (q[0] < 0) t0 = Math.max(t0, t); else t1 = Math.min(t1, t);
    });
    if (t0 > t1) return;
    var color = e.path ? '#e8590c' : e.sel ? '#1f2933' : e.dim ? '#e6e9ed' : '#aab2bd';
    p.line(ox + e.a[0] + t0 * dx, oy + e.a[1] + t0 * dy, ox + e.a[0] + t1 * dx, oy + e.a[1] + t1 * dy, color, e.path ? 3 : 1.2);
    var len = Math.sqrt(dx * dx + dy * dy);
    if (e.arrow && len > e.rb + 8 && t1 === 1) {
      var ux = dx / len, uy = dy / len, tipx = e.b[0] - ux * (e.rb + 1), tipy = e.b[1] - uy * (e.rb + 1);
      if (inside(tipx, tipy)) p.poly([[ox + tipx, oy + tipy], [ox + tipx - ux * 7 - uy * 3.5, oy + tipy - uy * 7 + ux * 3.5], [ox + tipx - ux * 7 + uy * 3.5, oy + tipy - uy * 7 - ux * 3.5]], color);
    }
  });
  sc.nodes.forEach(function (n) {
    if (n.x - n.r < 0 || n.y - n.r < 0 || n.x + n.r > sc.W || n.y + n.r > sc.H) return; // cut by the frame
    paintShape(p, NODES[n.i].k, ox + n.x, oy + n.y, n.r, n.dim, n.sel);
  });
  sc.labels.forEach(function (b) {
    p.text(ox + b.x + 2, oy + b.y + b.h / 2, b.text, b.kind === 'edge' ? 10 : 12, b.kind === 'edge' ? '#52606d' : '#1f2933', b.bold ? '600' : '', true);
  });
  legend.forEach(function (l) {
    var yy = legendTop + l[2] * lineH + lineH / 2;
    if (l[0] < 0) { p.line(l[1], yy, l[1] + 16, yy, '#e8590c', 3); p.text(l[1] + 22, yy, 'path', 12, '#1f2933', ''); return; }
    paintShape(p, l[0], l[1] + 8, yy, 6, false, false);
    p.text(l[1] + 22, yy, KINDS[l[0]].name, 12, '#1f2933', '');
  });
  refs.forEach(function (r, k) { p.text(pad, refsTop + k * 15 + 7, r[0], 11, r[1] ? '#1f2933' : '#3e4c59', r[1] ? '600' : ''); });
  return out;
}

var measureCtx = document.createElement('canvas').getContext('2d');
function measureText(s, px, weight) { measureCtx.font = (weight || '') + ' ' + px + 'px ' + FONT; return measureCtx.measureText(s).width; }

function reportCanvas() {
  var sc = scene();
  var size = paintReport({ rect: function () {}, line: function () {}, poly: function () {}, circle: function () {}, text: function () {} }, sc, measureText);
  var scale = Math.max(REPORT_SCALE, 2 * (window.devicePixelRatio || 1));
  var out = document.createElement('canvas');
  out.width = Math.ceil(size.width * scale);
  out.height = Math.ceil(size.height * scale);
  var ctx = out.getContext('2d');
  ctx.scale(scale, scale);
  var info = paintReport(new CanvasPainter(ctx), sc, measureText);
  info.scale = scale;
  return { canvas: out, info: info };
}

function reportSvg() {
  var sc = scene();
  var root = svg('svg', { xmlns: SVG_NS, version: '1.1' });
  var info = paintReport(new SvgPainter(root), sc, measureText);
  root.setAttribute('width', Math.ceil(info.width));
  root.setAttribute('height', Math.ceil(info.height));
  root.setAttribute('viewBox', '0 0 ' + Math.ceil(info.width) + ' ' + Math.ceil(info.height));
  var title = svg('title', {});
  title.textContent = $('bg-title').textContent;
  root.insertBefore(title, root.firstChild);
  return root;
}

function download(blob, name) {
  var url = URL.createObjectURL(blob);
  var a = el('a', { download: name });
  a.href = url; // a blob: URL made here, never text from the brief
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(function () { URL.revokeObjectURL(url); }, 2000);
}

function snapshot() {
  var r = reportCanvas();
  r.canvas.toBlob(function (blob) { download(blob, 'briefgraph-' + $('bg-exported').textContent + '.png'); }, 'image/png');
  return r.info;
}

function snapshotSvg() {
  var text = '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(reportSvg());
  download(new Blob([text], { type: 'image/svg+xml' }), 'briefgraph-' + $('bg-exported').textContent + '.svg');
  return text;
}

// Printing: the page is replaced (by the print style sheet) with the report as SVG, which keeps
// its aspect at any paper size, and the selected item's evidence as text.
var printSheetRule = -1;
function beforePrint() {
  var box = $('bg-print');
  clear(box);
  var pic = reportSvg();
  pic.setAttribute('class', 'bg-print-chart');
  pic.removeAttribute('width');
  pic.removeAttribute('height');
  box.appendChild(pic);
  var sel = state.selected;
  if (sel && (sel.node !== undefined || sel.edge !== undefined)) {
    var item = sel.node !== undefined ? NODES[sel.node] : EDGES[sel.edge];
    var name = sel.node !== undefined ? item.n : NODES[item.f].n + ' ' + edgeLabel(item) + ' ' + NODES[item.t].n;
    box.appendChild(el('h2', { text: 'Evidence for ' + name }));
    box.appendChild(evidenceList(item.e, sel.node !== undefined ? [item.n].concat(item.a || []) : [NODES[item.f].n, NODES[item.t].n]));
  }
  // landscape where the picture is wider than tall
  var sheet = document.styleSheets[0], wide = pic.viewBox.baseVal.width >= pic.viewBox.baseVal.height;
  try { printSheetRule = sheet.insertRule('@page { size: A4 ' + (wide ? 'landscape' : 'portrait') + '; margin: 12mm; }', sheet.cssRules.length); } catch (e) { printSheetRule = -1; }
}
function afterPrint() {
  clear($('bg-print'));
  if (printSheetRule >= 0) { try { document.styleSheets[0].deleteRule(printSheetRule); } catch (e) { /* already gone */ } }
  printSheetRule = -1;
}

function wireReport() {
  $('bg-svg').addEventListener('click', snapshotSvg);
  window.addEventListener('beforeprint', beforePrint);
  window.addEventListener('afterprint', afterPrint);
}
