// The list view: the chart's nodes, or its events and agreements, as a table that sorts by any
// column and filters by name, for reading with a screen reader or scanning by date. It lists
// what the chart shows now (filters, focus and range apply); a row's name opens it.

var LIST_MAX = 1000;
var listState = { tab: 'nodes', key: 'links', dir: -1, filter: '' };

var LIST_COLUMNS = {
  nodes: [
    { key: 'name', title: 'Name', value: function (i) { return NODES[i].n; } },
    { key: 'kind', title: 'Kind', value: function (i) { return kindLabel(NODES[i]); } },
    { key: 'links', title: 'Links', num: true, value: function (i) { return NODES[i].deg; } },
    { key: 'evidence', title: 'Sentences', num: true, value: function (i) { return NODES[i].e.length; } }
  ],
  events: [
    { key: 'date', title: 'Date', value: function (i) { return NODES[i].dt ? NODES[i].dt.l : 'undated'; }, sortValue: function (i) { return NODES[i].d0 === undefined || NODES[i].d0 === null ? Infinity : NODES[i].d0; }, num: true },
    { key: 'what', title: 'Who and what', value: function (i) { return TL.caption(i); } },
    { key: 'kind', title: 'Kind', value: function (i) { return kindLabel(NODES[i]); } },
    { key: 'links', title: 'Links', num: true, value: function (i) { return NODES[i].deg; } }
  ]
};

function listRows() {
  var q = norm(listState.filter), dated = KINDS.map(function (k) { return !!k.dated; });
  var rows = [];
  for (var i = 0; i < NODES.length; i++) {
    if (!nodeFlags[i]) continue;
    if (listState.tab === 'events' && !dated[NODES[i].k]) continue;
    if (q && norm(NODES[i].n).indexOf(q) < 0) continue;
    rows.push(i);
  }
  var col = LIST_COLUMNS[listState.tab].filter(function (c) { return c.key === listState.key; })[0] || LIST_COLUMNS[listState.tab][0];
  var val = col.sortValue || col.value;
  rows.sort(function (a, b) {
    var x = val(a), y = val(b);
    var c = col.num ? x - y : String(x).localeCompare(String(y));
    return c * listState.dir || NODES[a].n.localeCompare(NODES[b].n);
  });
  return rows;
}

function renderList() {
  var box = $('bg-list-body');
  clear(box);
  var cols = LIST_COLUMNS[listState.tab], rows = listRows();
  var table = el('table', { cls: 'bg-table' });
  var head = el('tr', {});
  cols.forEach(function (c) {
    var sorted = c.key === listState.key;
    var th = el('th', { scope: 'col' }, [el('button', { type: 'button', cls: 'bg-sort', text: c.title + (sorted ? (listState.dir > 0 ? ' \u25b2' : ' \u25bc') : ''),
      onclick: function () { if (sorted) listState.dir = -listState.dir; else { listState.key = c.key; listState.dir = c.num && c.key !== 'date' ? -1 : 1; } renderList(); } })]);
    th.setAttribute('aria-sort', sorted ? (listState.dir > 0 ? 'ascending' : 'descending') : 'none');
    head.appendChild(th);
  });
  table.appendChild(el('thead', {}, [head]));
  var body = el('tbody', {});
  rows.slice(0, LIST_MAX).forEach(function (i) {
    var tr = el('tr', {});
    tr.dataset.node = i;
    cols.forEach(function (c, k) {
      var v = c.value(i);
      tr.appendChild(el('td', { cls: c.num ? 'bg-num' : '' }, [k === (listState.tab === 'events' ? 1 : 0)
        ? el('button', { type: 'button', cls: 'bg-linkbtn', text: String(v), onclick: function () { toggleList(false); selectNode(i, { center: true }); } })
        : String(v)]));
    });
    body.appendChild(tr);
  });
  table.appendChild(body);
  box.appendChild(table);
  $('bg-list-note').textContent = rows.length + ' row' + (rows.length === 1 ? '' : 's') + (rows.length > LIST_MAX ? ', the first ' + LIST_MAX + ' shown: filter to narrow' : '');
}

function toggleList(open) {
  var list = $('bg-list'), btn = $('bg-list-toggle');
  if (open === undefined) open = list.hidden;
  list.hidden = !open;
  btn.setAttribute('aria-pressed', String(open));
  btn.textContent = open ? 'Chart' : 'List';
  if (open) { renderList(); $('bg-list-filter').focus(); } else $('bg-graph').focus();
}

function wireList() {
  $('bg-list-toggle').addEventListener('click', function () { toggleList(); });
  ['nodes', 'events'].forEach(function (tab) {
    $('bg-list-tab-' + tab).addEventListener('click', function () {
      listState.tab = tab;
      listState.key = tab === 'events' ? 'date' : 'links';
      listState.dir = tab === 'events' ? 1 : -1;
      $('bg-list-tab-nodes').setAttribute('aria-selected', String(tab === 'nodes'));
      $('bg-list-tab-events').setAttribute('aria-selected', String(tab === 'events'));
      renderList();
    });
  });
  $('bg-list-filter').addEventListener('input', function () { listState.filter = $('bg-list-filter').value; renderList(); });
  onRefresh(function () { if (!$('bg-list').hidden) renderList(); });
}
