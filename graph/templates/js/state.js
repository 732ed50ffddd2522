// The graph as vis-network data, and what is visible: kind and type filters, the timeline
// range, a neighbourhood focus, degree filters and, on a corpus, the scope (the part of the
// graph the analyst has opened: the most connected actors at first, grown on demand).
// Visibility is computed once per change into two flag arrays; the vis DataSets hold only
// what is visible and change by the difference, so an interaction costs what it changes on
// screen, never a pass of vis-network over the whole graph.

var KINDS = DATA.kinds, TYPES = DATA.edgeTypes, NODES = DATA.nodes, EDGES = DATA.edges;
var SENTENCES = DATA.sentences, DOCS = DATA.documents;
var BIG = NODES.length > 1500 || EDGES.length > 4000;
// past this many nodes the chart opens on the most connected actors, not on everything
var SCOPED = NODES.length > 2500;
var SCOPE_ACTORS = 100, SCOPE_EVENTS = 250;
var SOURCE_KIND = KINDS.map(function (k) { return k.name; }).indexOf('Source');

var ADJ = NODES.map(function () { return []; }); // node -> incident edge indices
var CITED_BY = NODES.map(function () { return null; }); // Source node -> {nodes, edges}
var KIND_COUNT = KINDS.map(function () { return 0; });
var TYPE_COUNT = TYPES.map(function () { return 0; });

NODES.forEach(function (n, i) {
  KIND_COUNT[n.k] += 1;
  if (n.dt && n.dt.s) { n.d0 = dayOf(n.dt.s); n.d1 = dayOf(n.dt.e || n.dt.s); }
  cite(n.e, 'nodes', i);
});
EDGES.forEach(function (e, j) {
  TYPE_COUNT[e.y] += 1;
  ADJ[e.f].push(j);
  if (e.t !== e.f) ADJ[e.t].push(j);
  if (e.dt && e.dt.s) { e.d0 = dayOf(e.dt.s); e.d1 = dayOf(e.dt.e || e.dt.s); }
  cite(e.e, 'edges', j);
});

function cite(evidence, what, index) {
  (evidence || []).forEach(function (ev) {
    SENTENCES[ev[0]][4].forEach(function (s) {
      var c = CITED_BY[s] || (CITED_BY[s] = { nodes: [], edges: [] });
      if (c[what][c[what].length - 1] !== index) c[what].push(index);
    });
  });
}

var state = {
  // Sources are footnotes without edges: listed in the panel, off the chart unless asked for
  kindOn: KINDS.map(function (k, i) { return !(i === SOURCE_KIND && KIND_COUNT[i] < NODES.length); }),
  typeOn: TYPES.map(function () { return true; }),
  range: null,     // [first day, last day], inclusive
  focus: null,     // {node, hops, set: Set of node indices, view}
  path: null,      // {nodes: [...], edges: [...]}
  selected: null,  // {node: i} or {edge: j}
  scope: null,     // Set of node indices opened so far on a corpus (null: everything)
  minDegree: 0,    // hide nodes with fewer links than this (in the whole graph)
  hideUnlinked: false, // hide nodes none of whose links is visible
  // every edge's label (labels.js shows those of the hovered and selected items in any case)
  edgeLabels: false
};
var nodeFlags = new Uint8Array(NODES.length);
var edgeFlags = new Uint8Array(EDGES.length);
var refreshListeners = [];

function inRange(x) {
  return x.d0 !== undefined && x.d0 !== null && x.d1 >= state.range[0] && x.d0 <= state.range[1];
}

function computeFlags() {
  var dated = KINDS.map(function (k) { return !!k.dated; });
  var scope = state.focus ? null : state.scope, minDeg = state.minDegree;
  NODES.forEach(function (n, i) {
    nodeFlags[i] = state.kindOn[n.k] && (!state.focus || state.focus.set.has(i)) && (!scope || scope.has(i)) &&
      n.deg >= minDeg && (!state.range || !dated[n.k] || inRange(n)) ? 1 : 0;
  });
  EDGES.forEach(function (e, j) {
    edgeFlags[j] = state.typeOn[e.y] && nodeFlags[e.f] && nodeFlags[e.t] &&
      (!state.range || e.d0 === undefined || inRange(e)) ? 1 : 0;
  });
  if (state.hideUnlinked) {
    var linked = new Uint8Array(NODES.length);
    EDGES.forEach(function (e, j) { if (edgeFlags[j]) { linked[e.f] = 1; linked[e.t] = 1; } });
    nodeFlags.forEach(function (f, i) { if (f && !linked[i] && !(state.selected && state.selected.node === i)) nodeFlags[i] = 0; });
  }
}

// The opening scope of a corpus: the most connected actors, and the events and agreements
// that tie at least two of them (the best connected first).
function initialScope() {
  var dated = KINDS.map(function (k) { return !!k.dated; });
  var actors = LABEL_ORDER_BY_DEGREE.filter(function (i) { return !dated[NODES[i].k] && NODES[i].k !== SOURCE_KIND && NODES[i].k !== PLACE_KIND_INDEX; }).slice(0, SCOPE_ACTORS);
  var scope = new Set(actors), ties = new Map();
  actors.forEach(function (a) {
    ADJ[a].forEach(function (j) { var k = otherEnd(j, a); if (dated[NODES[k].k]) ties.set(k, (ties.get(k) || 0) + 1); });
  });
  Array.from(ties.entries()).filter(function (t) { return t[1] >= 2; })
    .sort(function (x, y) { return y[1] - x[1] || NODES[y[0]].deg - NODES[x[0]].deg; })
    .slice(0, SCOPE_EVENTS).forEach(function (t) { scope.add(t[0]); });
  return scope;
}

// Open more of a corpus: `nodes` and, with `hops`, their neighbours (through `types` only,
// if given); at most `cap` new nodes per call, the best connected first.
function expandScope(nodes, hops, types, cap) {
  if (!state.scope) return 0;
  var add = new Set(nodes), frontier = nodes.slice();
  for (var h = 0; h < (hops || 0); h++) {
    var next = [];
    frontier.forEach(function (i) {
      ADJ[i].forEach(function (j) {
        if (types && !types.has(EDGES[j].y)) return;
        var k = otherEnd(j, i);
        if (!add.has(k) && !state.scope.has(k) && NODES[k].k !== SOURCE_KIND) { add.add(k); next.push(k); }
      });
    });
    frontier = next;
  }
  var fresh = Array.from(add).filter(function (i) { return !state.scope.has(i); });
  fresh.sort(function (a, b) { return (nodes.indexOf(b) >= 0) - (nodes.indexOf(a) >= 0) || NODES[b].deg - NODES[a].deg; });
  fresh.slice(0, cap || 400).forEach(function (i) { state.scope.add(i); });
  return Math.min(fresh.length, cap || 400);
}

// --- vis-network items ------------------------------------------------------------------

function shade(hex, f) { // f < 0 darkens towards black, f > 0 lightens towards white
  var n = parseInt(hex.slice(1), 16), out = '#';
  [16, 8, 0].forEach(function (s) {
    var c = (n >> s) & 255;
    c = f < 0 ? Math.round(c * (1 + f)) : Math.round(c + (255 - c) * f);
    out += c.toString(16).padStart(2, '0');
  });
  return out;
}

function nodeColor(k, dim) {
  var c = KINDS[k].color;
  if (dim) return { background: '#eef0f3', border: '#d5d9df', highlight: { background: c, border: '#111827' }, hover: { background: '#eef0f3', border: '#9aa3ae' } };
  return { background: c, border: shade(c, -0.35), highlight: { background: shade(c, 0.15), border: '#111827' }, hover: { background: shade(c, 0.15), border: '#111827' } };
}

var EDGE_COLOR = { color: '#aab2bd', highlight: '#1f2933', hover: '#52606d', inherit: false, opacity: 1 };
var EDGE_DIM = { color: '#e6e9ed', highlight: '#1f2933', hover: '#aab2bd', inherit: false, opacity: 1 };
var EDGE_PATH = { color: '#e8590c', highlight: '#e8590c', hover: '#e8590c', inherit: false, opacity: 1 };

function kindLabel(n) {
  var p = n.p || {};
  return KINDS[n.k].name + (p.event_type || p.agreement_type ? ' \u00b7 ' + (p.event_type || p.agreement_type) : '');
}

function visNode(i) {
  // shape and colour come from the kind's group (per-item options cost vis-network dearly)
  var n = NODES[i];
  return {
    // labels are drawn by labels.js (priority, no overlaps); only boxes carry their text inside
    id: i, x: n.x, y: n.y, size: n.s, group: KINDS[n.k].name,
    label: KINDS[n.k].shape === 'box' ? truncate(n.n, 32) : undefined,
    title: n.n + '\n' + kindLabel(n) + (n.dt ? '\n' + n.dt.l : '')
  };
}

function edgeLabel(e) {
  var role = e.p && e.p.role;
  return TYPES[e.y].name + (role ? ' (' + role + ')' : '');
}

function visEdge(j) {
  var e = EDGES[j];
  var item = {
    id: j, from: e.f, to: e.t,
    title: NODES[e.f].n + '  \u2192  ' + NODES[e.t].n + '\n' + edgeLabel(e) + (e.dt ? '\n' + e.dt.l : '')
  };
  if (TYPES[e.y].symmetric) item.arrows = { to: { enabled: false } };
  return item;
}

var PLACE_KIND_INDEX = KINDS.map(function (k) { return k.name; }).indexOf('Place');
var LABEL_ORDER_BY_DEGREE = NODES.map(function (n, i) { return i; }).sort(function (a, b) { return NODES[b].deg - NODES[a].deg || a - b; });
if (SCOPED) state.scope = initialScope();
computeFlags();
// the DataSets hold exactly the visible items; syncSets() applies each change as a difference
var shownNodes = new Uint8Array(NODES.length), shownEdges = new Uint8Array(EDGES.length);
var nodeSet = new vis.DataSet(), edgeSet = new vis.DataSet();
syncSets();

function syncSets() {
  var addN = [], remN = [], addE = [], remE = [], i, j;
  for (i = 0; i < NODES.length; i++) {
    if (nodeFlags[i] !== shownNodes[i]) { if (nodeFlags[i]) addN.push(visNode(i)); else remN.push(i); shownNodes[i] = nodeFlags[i]; }
  }
  for (j = 0; j < EDGES.length; j++) {
    if (edgeFlags[j] !== shownEdges[j]) { if (edgeFlags[j]) addE.push(visEdge(j)); else remE.push(j); shownEdges[j] = edgeFlags[j]; }
  }
  if (remE.length) edgeSet.remove(remE);
  if (remN.length) nodeSet.remove(remN);
  if (addN.length) nodeSet.add(addN);
  if (addE.length) edgeSet.add(addE);
}

function kindGroups() {
  var groups = {};
  KINDS.forEach(function (k, i) {
    groups[k.name] = { shape: k.shape, color: nodeColor(i, false) };
    if (k.shape === 'box') groups[k.name].font = { color: '#ffffff', strokeWidth: 0, size: 11 };
  });
  return groups;
}

function setEdgeLabels(on) {
  state.edgeLabels = on;
  if (network) network.redraw();
}

function refresh() {
  computeFlags();
  syncSets();
  refreshListeners.forEach(function (fn) { fn(); });
}

function onRefresh(fn) { refreshListeners.push(fn); }

function visibleNodes() {
  var out = [];
  nodeFlags.forEach(function (f, i) { if (f) out.push(i); });
  return out;
}

function visibleEdges() {
  var out = [];
  edgeFlags.forEach(function (f, j) { if (f) out.push(j); });
  return out;
}

function otherEnd(j, i) { var e = EDGES[j]; return e.f === i ? e.t : e.f; }

// Node indices within `hops` of `start` over the visible edges.
function neighbourhood(start, hops) {
  var seen = new Set([start]), frontier = [start];
  for (var h = 0; h < hops; h++) {
    var next = [];
    frontier.forEach(function (i) {
      ADJ[i].forEach(function (j) {
        var k = otherEnd(j, i);
        if (edgeFlags[j] && !seen.has(k)) { seen.add(k); next.push(k); }
      });
    });
    frontier = next;
  }
  return seen;
}

// Shortest paths (fewest edges, directions ignored) over the visible graph, through the link
// types ticked for paths and, unless asked, not through places (a shared place is not a tie).
var pathOptions = { typeOn: TYPES.map(function () { return true; }), throughPlaces: false, k: 3 };
var PLACE_KIND = KINDS.map(function (k) { return k.name; }).indexOf('Place');

function pairKey(u, v) { return u < v ? u + ':' + v : v + ':' + u; }

// One shortest path from a to b avoiding the banned nodes and node pairs, or null.
function bfsPath(a, b, bannedNodes, bannedPairs) {
  var via = new Map([[a, -1]]), queue = [a];
  for (var q = 0; q < queue.length && !via.has(b); q++) {
    var i = queue[q];
    if (i !== a && i !== b && ((!pathOptions.throughPlaces && NODES[i].k === PLACE_KIND) || NODES[i].k === SOURCE_KIND)) continue; // an end, not a way through
    var adj = ADJ[i];
    for (var x = 0; x < adj.length; x++) {
      var j = adj[x], k = otherEnd(j, i);
      if (!edgeFlags[j] || !pathOptions.typeOn[EDGES[j].y] || via.has(k) || bannedNodes.has(k)) continue;
      if (bannedPairs.size && bannedPairs.has(pairKey(i, k))) continue;
      via.set(k, j);
      queue.push(k);
    }
  }
  if (!via.has(b)) return null;
  var nodes = [b], edges = [];
  for (var at = b; at !== a;) { var j = via.get(at); edges.unshift(j); at = otherEnd(j, at); nodes.unshift(at); }
  return { nodes: nodes, edges: edges };
}

function shortestPath(a, b) { return bfsPath(a, b, new Set(), new Set()); }

// Up to k shortest paths that differ in the nodes they pass (Yen's algorithm over BFS).
function kShortestPaths(a, b, k) {
  var first = shortestPath(a, b);
  if (!first) return [];
  var found = [first], seen = new Set([first.nodes.join(',')]), candidates = [];
  while (found.length < k) {
    var prev = found[found.length - 1];
    for (var s = 0; s < prev.nodes.length - 1; s++) {
      var spur = prev.nodes[s], root = prev.nodes.slice(0, s + 1), rootKey = root.join(',');
      var bannedPairs = new Set(), bannedNodes = new Set(root.slice(0, s));
      found.concat(candidates).forEach(function (p) {
        if (p.nodes.length > s + 1 && p.nodes.slice(0, s + 1).join(',') === rootKey) bannedPairs.add(pairKey(p.nodes[s], p.nodes[s + 1]));
      });
      var tail = bfsPath(spur, b, bannedNodes, bannedPairs);
      if (!tail) continue;
      var path = { nodes: root.concat(tail.nodes.slice(1)), edges: prev.edges.slice(0, s).concat(tail.edges) };
      var key = path.nodes.join(',');
      if (!seen.has(key)) { seen.add(key); candidates.push(path); }
    }
    if (!candidates.length) break;
    candidates.sort(function (x, y) { return x.edges.length - y.edges.length; });
    found.push(candidates.shift());
  }
  return found;
}
