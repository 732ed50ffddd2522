// Corrections made in the page: mark a node or an edge as wrong, merge nodes, fix a date, and
// download them as a corrections file for `briefgraph ingest --corrections` (YAML written
// here, saved through a Blob: nothing leaves the page). Items an earlier corrections file
// changed (n.r / e.r, their provenance) and items corrected here are drawn dashed.
// Nothing from the brief is parsed as HTML: text goes through el() and textContent, and into
// the YAML only as JSON strings (which YAML reads as double-quoted scalars).

var CORR = { entries: [], merge: [] }; // entries: {op, value, note, nodes: [i], edges: [j], text}
var CORR_COLOR = '#c2185b';

// A node as a corrections file names it: "Kind:name" when no other node of its kind has that
// name or alias (it keeps working when a re-ingest changes ids), else its id.
function corrRef(i) {
  var n = NODES[i], key = norm(n.n);
  var plain = /^[\x20-\x7e\u00c0-\u024f\u2019]+$/.test(n.n) && key && n.n.indexOf(':') < 0;
  var clash = plain && NODES.some(function (m, k) {
    return k !== i && m.k === n.k && [m.n].concat(m.a || []).some(function (f) { return norm(f) === key; });
  });
  return plain && !clash ? KINDS[n.k].name + ':' + n.n : n.id;
}

// A YAML double-quoted scalar: JSON's escapes, plus the characters YAML will not take raw.
function corrString(s) {
  return JSON.stringify(String(s)).replace(/[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g, function (c) {
    return '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0');
  });
}

function corrNote() {
  var box = $('bg-corr-note');
  var note = box.value.trim();
  box.value = '';
  return note;
}

function corrSay(text) { $('bg-corr-msg').textContent = text; }

function corrAdd(entry) {
  CORR.entries.push(entry);
  corrRender();
  corrRestyle();
  corrSay('added: ' + entry.text);
}

function corrMarkWrong() {
  var sel = state.selected, note = corrNote();
  if (!sel) return corrSay('select a node or an edge first');
  if (sel.node !== undefined) {
    corrAdd({ op: 'drop', value: corrString(corrRef(sel.node)), note: note, nodes: [sel.node], edges: [],
      text: 'drop ' + NODES[sel.node].n });
  } else {
    var e = EDGES[sel.edge];
    corrAdd({ op: 'drop_edge', note: note, nodes: [], edges: [sel.edge],
      value: '{source: ' + corrString(corrRef(e.f)) + ', type: ' + TYPES[e.y].name + ', target: ' + corrString(corrRef(e.t)) + '}',
      text: 'drop ' + NODES[e.f].n + ' ' + TYPES[e.y].name + ' ' + NODES[e.t].n });
  }
}

function corrMergeAdd() {
  var sel = state.selected;
  if (!sel || sel.node === undefined) return corrSay('select a node first');
  if (CORR.merge.indexOf(sel.node) < 0) CORR.merge.push(sel.node);
  corrRender();
  corrSay(CORR.merge.length < 2 ? 'now select the node to merge with it' : CORR.merge.length + ' nodes to merge, the first kept');
}

function corrMerge() {
  if (CORR.merge.length < 2) return corrSay('add two or more nodes to merge');
  var nodes = CORR.merge.slice();
  CORR.merge = [];
  corrAdd({ op: 'merge', note: corrNote(), nodes: nodes, edges: [],
    value: '[' + nodes.map(function (i) { return corrString(corrRef(i)); }).join(', ') + ']',
    text: 'merge ' + nodes.map(function (i) { return NODES[i].n; }).join(' + ') });
}

var CORR_DATE = /^\d{4}(-\d{2}(-\d{2})?)?(\/\d{4}(-\d{2}(-\d{2})?)?)?$/;

function corrFixDate() {
  var sel = state.selected, value = $('bg-corr-date').value.trim();
  if (!sel || sel.node === undefined || !KINDS[NODES[sel.node].k].dated) return corrSay('select an event or an agreement first');
  if (!CORR_DATE.test(value)) return corrSay('a date is YYYY, YYYY-MM, YYYY-MM-DD or START/END');
  $('bg-corr-date').value = '';
  corrAdd({ op: 'set', note: corrNote(), nodes: [sel.node], edges: [],
    value: '{node: ' + corrString(corrRef(sel.node)) + ', date: ' + corrString(value) + '}',
    text: 'date of ' + NODES[sel.node].n + ' = ' + value });
}

function correctionsYaml() {
  var lines = ['# briefgraph corrections made in the explorer of ' + $('bg-title').textContent.replace(/[\r\n\u2028\u2029]+/g, ' '),
    '# apply with: briefgraph ingest BRIEF... --corrections THIS-FILE -o graph.json'];
  CORR.entries.forEach(function (c) {
    lines.push('- ' + c.op + ': ' + c.value);
    if (c.note) lines.push('  note: ' + corrString(c.note));
  });
  return lines.join('\n') + '\n';
}

function corrDownload() {
  if (!CORR.entries.length) return corrSay('no corrections to download yet');
  var url = URL.createObjectURL(new Blob([correctionsYaml()], { type: 'text/yaml;charset=utf-8' }));
  var a = el('a', { download: 'corrections.yaml' });
  a.href = url; // a blob: URL made here, never text from the brief
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(function () { URL.revokeObjectURL(url); }, 2000);
}

function corrRender() {
  var list = $('bg-corr-list');
  clear(list);
  CORR.entries.forEach(function (c, k) {
    list.appendChild(el('li', {}, [el('span', { text: c.text + (c.note ? ' (' + c.note + ')' : '') }),
      el('button', { type: 'button', cls: 'bg-linkbtn', text: 'undo', title: 'Remove this correction',
        onclick: function () { CORR.entries.splice(k, 1); corrRender(); corrRestyle(); } })]));
  });
  $('bg-corr-merge').textContent = 'Merge' + (CORR.merge.length ? ' (' + CORR.merge.length + ')' : '');
  $('bg-corr-count').textContent = CORR.entries.length ? String(CORR.entries.length) : '';
}

// Corrected items drawn dashed in the correction colour; items marked wrong here also faded.
var corrStyled = { nodes: [], edges: [] };
function corrRestyle() {
  var nodes = new Map(), edges = new Map();
  NODES.forEach(function (n, i) { if (n.r) nodes.set(i, false); });
  EDGES.forEach(function (e, j) { if (e.r) edges.set(j, false); });
  CORR.entries.forEach(function (c) {
    c.nodes.forEach(function (i) { nodes.set(i, nodes.get(i) || c.op === 'drop'); });
    c.edges.forEach(function (j) { edges.set(j, true); });
  });
  var nodeUpdates = corrStyled.nodes.filter(function (i) { return !nodes.has(i); })
    .map(function (i) { return { id: i, borderWidth: 1.5, shapeProperties: { borderDashes: false }, opacity: 1 }; });
  nodes.forEach(function (wrong, i) {
    nodeUpdates.push({ id: i, borderWidth: 3, shapeProperties: { borderDashes: [5, 3] }, opacity: wrong ? 0.35 : 1 });
  });
  var edgeUpdates = corrStyled.edges.filter(function (j) { return !edges.has(j); })
    .map(function (j) { return { id: j, dashes: false, color: EDGE_COLOR, width: 1.2 }; });
  edges.forEach(function (wrong, j) {
    edgeUpdates.push({ id: j, dashes: [6, 4], width: 2, color: { color: wrong ? '#e0a0b8' : CORR_COLOR, highlight: CORR_COLOR, hover: CORR_COLOR, inherit: false, opacity: 1 } });
  });
  // only what the chart holds now: the explorer keeps hidden items out of its data sets, and
  // restyles after each refresh (onRefresh below)
  nodeUpdates = nodeUpdates.filter(function (u) { return nodeSet.get(u.id) !== null; });
  edgeUpdates = edgeUpdates.filter(function (u) { return edgeSet.get(u.id) !== null; });
  if (nodeUpdates.length) nodeSet.update(nodeUpdates);
  if (edgeUpdates.length) edgeSet.update(edgeUpdates);
  corrStyled = { nodes: Array.from(nodes.keys()), edges: Array.from(edges.keys()) };
}

// The panel gains a "Corrections" section: what earlier corrections files did to the item
// (op, note, file) and what is pending here.
function corrSection(records, pending) {
  if (!records.length && !pending.length) return null;
  var list = el('ul', { cls: 'bg-corr-prov' });
  records.forEach(function (r) {
    list.appendChild(el('li', { text: String(r.op) + (r.note ? ': ' + String(r.note) : '') + (r.file ? ' \u2014 ' + String(r.file) : '') }));
  });
  pending.forEach(function (c) { list.appendChild(el('li', { cls: 'bg-corr-pending', text: 'pending: ' + c.text })); });
  return section('Corrections', records.length + pending.length, [list]);
}

function corrTarget() {
  var sel = state.selected, t = $('bg-corr-target');
  if (!sel) t.textContent = 'Select a node or an edge.';
  else if (sel.node !== undefined) t.textContent = NODES[sel.node].n;
  else t.textContent = NODES[EDGES[sel.edge].f].n + ' ' + TYPES[EDGES[sel.edge].y].name + ' ' + NODES[EDGES[sel.edge].t].n;
}

showNode = (function (show) {
  return function (i) {
    show(i);
    var box = corrSection(NODES[i].r || [], CORR.entries.filter(function (c) { return c.nodes.indexOf(i) >= 0; }));
    if (box) panel.insertBefore(box, panel.children[1] || null);
    corrTarget();
  };
})(showNode);

showEdge = (function (show) {
  return function (j) {
    show(j);
    var box = corrSection(EDGES[j].r || [], CORR.entries.filter(function (c) { return c.edges.indexOf(j) >= 0; }));
    if (box) panel.insertBefore(box, panel.children[1] || null);
    corrTarget();
  };
})(showEdge);

clearSelection = (function (clearSel) {
  return function () { clearSel(); corrTarget(); };
})(clearSelection);

function wireCorrections() {
  $('bg-corr-wrong').addEventListener('click', corrMarkWrong);
  $('bg-corr-merge-add').addEventListener('click', corrMergeAdd);
  $('bg-corr-merge').addEventListener('click', corrMerge);
  $('bg-corr-date-set').addEventListener('click', corrFixDate);
  $('bg-corr-download').addEventListener('click', corrDownload);
  corrRender();
  corrRestyle();
  onRefresh(corrRestyle);  // items the explorer adds back to the chart come back dashed
  corrTarget();
  window.briefgraphCorrections = { entries: CORR.entries, yaml: correctionsYaml, ref: corrRef };
}

wireCorrections();
