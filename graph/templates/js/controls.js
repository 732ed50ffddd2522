// Filters, search, selection, neighbourhood focus, shortest path and reset (pictures: report.js).

var network = null; // created in main.js, after the controls are wired

// --- filters and legend -------------------------------------------------------------------

function buildFilters() {
  var kinds = $('bg-kinds'), types = $('bg-types');
  KINDS.forEach(function (k, i) {
    if (!KIND_COUNT[i]) return;
    var box = el('input', { type: 'checkbox', checked: state.kindOn[i], onchange: function () { state.kindOn[i] = box.checked; refresh(); refit(); } });
    box.dataset.kind = k.name;
    kinds.appendChild(el('label', { cls: 'bg-filter', title: k.name === 'Source' ? 'Footnote sources: no edges, cited in the evidence' : '' },
      [box, swatch(i), el('span', { cls: 'bg-fname', text: k.name }), el('span', { cls: 'bg-count', id: 'bg-kc-' + i })]));
  });
  TYPES.forEach(function (t, i) {
    if (!TYPE_COUNT[i]) return;
    var box = el('input', { type: 'checkbox', checked: state.typeOn[i], onchange: function () { state.typeOn[i] = box.checked; refresh(); refit(); } });
    box.dataset.type = t.name;
    types.appendChild(el('label', { cls: 'bg-filter', title: t.description },
      [box, el('span', { cls: 'bg-fname bg-etype', text: t.name }), el('span', { cls: 'bg-count', id: 'bg-tc-' + i })]));
  });
  function all(on) {
    types.querySelectorAll('input').forEach(function (b) { b.checked = on; });
    state.typeOn = TYPES.map(function () { return on; });
    refresh();
  }
  var labels = $('bg-edge-labels');
  labels.checked = state.edgeLabels;
  labels.addEventListener('change', function () { setEdgeLabels(labels.checked); });
  $('bg-types-all').addEventListener('click', function () { all(true); });
  $('bg-types-none').addEventListener('click', function () { all(false); });
  onRefresh(countFilters);
}

// After a filter change the view fits what is left (unless a focus or path holds the view).
function refit() {
  if (state.focus || state.path) return;
  network.fit({ nodes: visibleNodes(), animation: { duration: 300, easingFunction: 'easeInOutQuad' } });
}

function countFilters() {
  var kc = KINDS.map(function () { return 0; }), tc = TYPES.map(function () { return 0; });
  NODES.forEach(function (n, i) { if (nodeFlags[i]) kc[n.k] += 1; });
  EDGES.forEach(function (e, j) { if (edgeFlags[j]) tc[e.y] += 1; });
  KINDS.forEach(function (k, i) { var c = $('bg-kc-' + i); if (c) c.textContent = kc[i] === KIND_COUNT[i] ? String(kc[i]) : kc[i] + '/' + KIND_COUNT[i]; });
  TYPES.forEach(function (t, i) { var c = $('bg-tc-' + i); if (c) c.textContent = tc[i] === TYPE_COUNT[i] ? String(tc[i]) : tc[i] + '/' + TYPE_COUNT[i]; });
}

// --- search -------------------------------------------------------------------------------

var searchKeys = null; // built on first use: [[normalised form, node, form as written]]

function findNodes(query, limit) {
  var q = norm(query);
  if (!q) return [];
  if (!searchKeys) {
    searchKeys = [];
    NODES.forEach(function (n, i) {
      [n.n].concat(n.a || []).forEach(function (form) { searchKeys.push([norm(form), i, form]); });
    });
  }
  var best = new Map();
  searchKeys.forEach(function (k) {
    var f = k[0], rank;
    if (f === q) rank = 0;
    else if (f.indexOf(q) === 0) rank = 1;
    else if (f.indexOf(' ' + q) >= 0) rank = 2;
    else if (f.indexOf(q) >= 0) rank = 3;
    else return;
    // then how much of the name the query covers: "Aliyev" is Ilham Aliyev before
    // "Visit of Ilham Aliyev to Pakistan"
    var cover = q.length / Math.max(1, f.length);
    var old = best.get(k[1]);
    if (!old || rank < old[0] || rank === old[0] && cover > old[2]) best.set(k[1], [rank, k[2], cover]);
  });
  return Array.from(best.entries()).sort(function (a, b) {
    var na = NODES[a[0]], nb = NODES[b[0]];
    return a[1][0] - b[1][0] || b[1][2] - a[1][2] || (na.k === SOURCE_KIND) - (nb.k === SOURCE_KIND) ||
      nb.deg - na.deg || na.n.localeCompare(nb.n);
  }).slice(0, limit).map(function (x) { return { node: x[0], form: x[1][1] }; });
}

// A search box with a list of matches; Enter takes the highlighted (or first) one.
function autocomplete(input, list, onPick) {
  var matches = [], active = 0;
  // ARIA 1.2 combobox: the input owns the list box and points at the active option
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', list.id);
  input.setAttribute('aria-expanded', 'false');
  function render() {
    clear(list);
    matches.forEach(function (m, k) {
      var n = NODES[m.node];
      var item = el('li', { cls: k === active ? 'bg-active' : '', role: 'option', id: list.id + '-' + k }, [
        swatch(n.k), el('span', { cls: 'bg-sname', text: n.n }),
        el('span', { cls: 'bg-skind', text: m.form !== n.n ? '\u201c' + m.form + '\u201d' : KINDS[n.k].name })
      ]);
      item.addEventListener('mousedown', function (ev) { ev.preventDefault(); pick(k); });
      list.appendChild(item);
    });
    if (!matches.length && input.value.trim()) list.appendChild(el('li', { cls: 'bg-none', text: 'no match', role: 'option', ariaDisabled: 'true' }));
    list.hidden = !input.value.trim();
    sync();
  }
  function sync() {
    input.setAttribute('aria-expanded', String(!list.hidden));
    list.querySelectorAll('[role=option]').forEach(function (o, k) { o.setAttribute('aria-selected', String(k === active && !!matches.length)); });
    if (!list.hidden && matches.length) input.setAttribute('aria-activedescendant', list.id + '-' + active);
    else input.removeAttribute('aria-activedescendant');
  }
  function pick(k) {
    var m = matches[k];
    if (!m) return;
    input.value = NODES[m.node].n;
    list.hidden = true;
    sync();
    onPick(m.node);
  }
  input.addEventListener('input', function () { matches = findNodes(input.value, 12); active = 0; render(); });
  input.addEventListener('keydown', function (ev) {
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      active = (active + (ev.key === 'ArrowDown' ? 1 : matches.length - 1)) % Math.max(1, matches.length);
      render();
    } else if (ev.key === 'Enter') {
      ev.preventDefault();
      if (!matches.length) matches = findNodes(input.value, 12);
      pick(active);
    } else if (ev.key === 'Escape' && !list.hidden) { ev.preventDefault(); list.hidden = true; sync(); }
  });
  input.addEventListener('blur', function () { list.hidden = true; sync(); });
  return function (node) { input.value = NODES[node].n; list.hidden = true; sync(); };
}

// --- selection ----------------------------------------------------------------------------

// Make node i visible again if a filter, the focus or the range hides it.
function reveal(i) {
  var n = NODES[i], changed = false;
  if (!state.kindOn[n.k]) {
    state.kindOn[n.k] = true;
    var box = document.querySelector('#bg-kinds input[data-kind="' + KINDS[n.k].name + '"]');
    if (box) box.checked = true;
    changed = true;
  }
  if (state.focus && !state.focus.set.has(i)) { state.focus = null; changed = true; }
  if (state.scope && !state.scope.has(i)) { expandScope([i], 1, null, 60); changed = true; }
  if (n.deg < state.minDegree) { state.minDegree = 0; $('bg-min-degree').value = '0'; changed = true; }
  if (changed) refresh();
  if (!nodeFlags[i] && state.range) TL.setRange(null, null);
}

function selectNode(i, opts) {
  if (!NODES[i]) throw new RangeError('no node ' + i);
  reveal(i);
  state.selected = { node: i };
  network.setSelection({ nodes: [i], edges: [] }, { highlightEdges: true });
  if (opts && opts.center) network.focus(i, { scale: Math.max(network.getScale(), BIG ? 0.9 : 1.1), animation: { duration: 350, easingFunction: 'easeInOutQuad' } });
  showNode(i);
  TL.paint();
}

function selectEdge(j, opts) {
  var e = EDGES[j];
  if (!e) throw new RangeError('no edge ' + j);
  if (!edgeFlags[j]) {
    reveal(e.f);
    reveal(e.t);
    if (!state.typeOn[e.y]) {
      state.typeOn[e.y] = true;
      var box = document.querySelector('#bg-types input[data-type="' + TYPES[e.y].name + '"]');
      if (box) box.checked = true;
      refresh();
    }
  }
  state.selected = { edge: j };
  network.setSelection({ nodes: [], edges: [j] });
  if (opts && opts.center) network.fit({ nodes: [e.f, e.t], animation: { duration: 350, easingFunction: 'easeInOutQuad' }, maxZoomLevel: 1.4 });
  showEdge(j);
}

function clearSelection() {
  state.selected = null;
  network.unselectAll();
  if (state.path) showPath(state.path); else showEmpty();
}

// --- focus, path, status ------------------------------------------------------------------

function focusOn(i, hops) {
  var view = state.focus ? state.focus.view : { position: network.getViewPosition(), scale: network.getScale() };
  state.focus = null;
  reveal(i);
  var scope = state.scope;
  state.scope = null; // a focus looks past the scope of a corpus
  computeFlags();
  state.scope = scope;
  state.focus = { node: i, hops: hops, set: neighbourhood(i, hops), view: view };
  refresh();
  network.fit({ nodes: Array.from(state.focus.set).filter(function (k) { return nodeFlags[k]; }), animation: { duration: 400, easingFunction: 'easeInOutQuad' }, maxZoomLevel: 1.6 });
  state.selected = { node: i };
  network.selectNodes([i]);
  TL.paint();
}

// Open more of a corpus around node i (all its links, or those of one type) and show it.
function openAround(i, hops, type) {
  var added = expandScope([i], hops, type === undefined ? null : new Set([type]), 400);
  refresh();
  showNode(i);
  network.fit({ nodes: neighbourhood(i, hops).size < 400 ? Array.from(neighbourhood(i, hops)) : [i], animation: { duration: 300, easingFunction: 'easeInOutQuad' }, maxZoomLevel: 1.4 });
  return added;
}

function unfocus() {
  if (!state.focus) return;
  var view = state.focus.view;
  state.focus = null;
  refresh();
  network.moveTo({ position: view.position, scale: view.scale, animation: { duration: 400, easingFunction: 'easeInOutQuad' } });
}

var pathEnds = { from: null, to: null }, pathInputs = {};

function setPathEnd(which, i) {
  pathEnds[which] = i;
  pathInputs[which](i);
  if (pathEnds.from !== null && pathEnds.to !== null) findPath();
  else $('bg-path-result').textContent = 'Now choose the ' + (which === 'from' ? 'end' : 'start') + '.';
}

// Dim everything on the chart but the path. Only what is drawn is touched (a corpus has far
// more hidden than shown), and exactly that is restored afterwards.
var dimmed = null;
function dimAll(on, keepNodes, keepEdges) {
  if (!on) {
    if (!dimmed) return;
    nodeSet.update(dimmed.nodes.filter(function (i) { return shownNodes[i]; }).map(function (i) { return { id: i, color: nodeColor(NODES[i].k, false) }; }));
    edgeSet.update(dimmed.edges.filter(function (j) { return shownEdges[j]; }).map(function (j) { return { id: j, color: EDGE_COLOR, width: 1.2 }; }));
    dimmed = null;
    return;
  }
  dimAll(false);
  dimmed = { nodes: visibleNodes(), edges: visibleEdges() };
  nodeSet.update(dimmed.nodes.map(function (i) { return { id: i, color: nodeColor(NODES[i].k, !keepNodes.has(i)) }; }));
  edgeSet.update(dimmed.edges.map(function (j) {
    var inPath = keepEdges.has(j);
    return { id: j, color: inPath ? EDGE_PATH : EDGE_DIM, width: inPath ? 3.5 : 1.2 };
  }));
}

function findPath() {
  var out = $('bg-path-result');
  if (pathEnds.from === null || pathEnds.to === null) { out.textContent = 'Choose both ends (type a name, pick from the list).'; return null; }
  clearPath(true);
  reveal(pathEnds.from);
  reveal(pathEnds.to);
  var paths = kShortestPaths(pathEnds.from, pathEnds.to, pathOptions.k);
  if (!paths.length) { out.textContent = 'No path between them through the chosen links' + (pathOptions.throughPlaces ? '' : ' (places are not crossed)') + '.'; return null; }
  state.paths = paths;
  out.textContent = paths[0].edges.length + ' step' + (paths[0].edges.length === 1 ? '' : 's') + (paths.length > 1 ? '; ' + (paths.length - 1) + ' alternative' + (paths.length > 2 ? 's' : '') : '') + '.';
  return showPathOnChart(0);
}

// Draw alternative `k` of the last search and list its steps with their evidence.
function showPathOnChart(k) {
  var path = state.paths[k];
  dimAll(false);
  state.path = path;
  state.pathIndex = k;
  dimAll(true, new Set(path.nodes), new Set(path.edges));
  network.setSelection({ nodes: path.nodes, edges: path.edges }, { highlightEdges: false });
  network.fit({ nodes: path.nodes, animation: { duration: 400, easingFunction: 'easeInOutQuad' }, maxZoomLevel: 1.5 });
  showPath(path);
  status();
  return path;
}

function clearPath(keepInputs) {
  dimAll(false);
  state.path = null;
  state.paths = null;
  if (!keepInputs) {
    pathEnds = { from: null, to: null };
    $('bg-path-from').value = '';
    $('bg-path-to').value = '';
    $('bg-path-result').textContent = '';
  }
  status();
}

function status() {
  var bar = $('bg-status'), bits = [];
  clear(bar);
  if (state.scope && !state.focus) {
    bits.push(el('span', { text: 'Showing ' + visibleNodes().length.toLocaleString('en') + ' of ' + NODES.length.toLocaleString('en') + ' nodes: the most connected actors and what you open' }));
    bits.push(el('button', { type: 'button', text: 'Show everything', title: 'Draw the whole graph (slow on a corpus)', onclick: function () { state.scope = null; refresh(); refit(); } }));
  }
  if (state.focus) {
    bits.push(el('span', { text: 'Neighbourhood of ' + NODES[state.focus.node].n + ' (' + state.focus.hops + ' hop' + (state.focus.hops > 1 ? 's' : '') + ')' }));
    bits.push(el('button', { type: 'button', text: 'Back to the whole graph', onclick: unfocus }));
  }
  if (state.range) {
    bits.push(el('span', { text: 'Period ' + boundText(state.range[0], false) + ' \u2013 ' + boundText(state.range[1], true) }));
    bits.push(el('button', { type: 'button', text: 'Clear range', onclick: function () { TL.setRange(null, null); } }));
  }
  if (state.path) {
    bits.push(el('span', { text: 'Path ' + NODES[state.path.nodes[0]].n + ' \u2192 ' + NODES[state.path.nodes[state.path.nodes.length - 1]].n }));
    bits.push(el('button', { type: 'button', text: 'Clear path', onclick: function () { clearPath(false); clearSelection(); } }));
  }
  bits.forEach(function (b) { bar.appendChild(b); });
  bar.hidden = !bits.length;
}

// --- reset -------------------------------------------------------------------

function reset() {
  clearPath(false);
  state.focus = null;
  state.scope = SCOPED ? initialScope() : null;
  state.minDegree = 0;
  state.hideUnlinked = false;
  $('bg-min-degree').value = '0';
  $('bg-hide-unlinked').checked = false;
  state.kindOn = KINDS.map(function (k, i) { return !(i === SOURCE_KIND && KIND_COUNT[i] < NODES.length); });
  state.typeOn = TYPES.map(function () { return true; });
  document.querySelectorAll('#bg-kinds input').forEach(function (b) { b.checked = state.kindOn[KINDS.map(function (k) { return k.name; }).indexOf(b.dataset.kind)]; });
  document.querySelectorAll('#bg-types input').forEach(function (b) { b.checked = true; });
  $('bg-search').value = '';
  TL.fit();
  TL.setRange(null, null); // refreshes
  clearSelection();
  network.fit({ animation: false });
}

function wireControls() {
  buildFilters();
  autocomplete($('bg-search'), $('bg-search-list'), function (i) { selectNode(i, { center: true }); });
  $('bg-search').addEventListener('input', function () {
    setSearchHits(findNodes($('bg-search').value, 12).map(function (m) { return m.node; }));
  });
  pathInputs.from = autocomplete($('bg-path-from'), $('bg-path-from-list'), function (i) { pathEnds.from = i; });
  pathInputs.to = autocomplete($('bg-path-to'), $('bg-path-to-list'), function (i) { pathEnds.to = i; if (pathEnds.from !== null) findPath(); });
  $('bg-path-go').addEventListener('click', findPath);
  var types = $('bg-path-types');
  TYPES.forEach(function (t, y) {
    if (!TYPE_COUNT[y]) return;
    var box = el('input', { type: 'checkbox', checked: true, onchange: function () { pathOptions.typeOn[y] = box.checked; if (state.path) findPath(); } });
    box.dataset.type = t.name;
    types.appendChild(el('label', { cls: 'bg-filter', title: t.description }, [box, el('span', { cls: 'bg-fname bg-etype', text: t.name })]));
  });
  var places = $('bg-path-places');
  places.checked = pathOptions.throughPlaces;
  places.addEventListener('change', function () { pathOptions.throughPlaces = places.checked; if (state.path) findPath(); });
  $('bg-path-clear').addEventListener('click', function () { clearPath(false); clearSelection(); });
  $('bg-reset').addEventListener('click', reset);
  $('bg-hide-unlinked').addEventListener('change', function () { state.hideUnlinked = $('bg-hide-unlinked').checked; refresh(); refit(); });
  $('bg-min-degree').addEventListener('change', function () {
    var v = Math.max(0, parseInt($('bg-min-degree').value, 10) || 0);
    $('bg-min-degree').value = String(v);
    state.minDegree = v;
    refresh();
    refit();
  });
  $('bg-filters-toggle').addEventListener('click', function () {
    var open = document.body.classList.toggle('bg-left-open');
    $('bg-filters-toggle').setAttribute('aria-expanded', String(open));
  });
  $('bg-png').addEventListener('click', snapshot);
  onRefresh(status);
}
