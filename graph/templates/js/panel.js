// The side panel: what the chart knows about the selected node, edge or path, and the
// sentences (with their footnotes) that say so.

var panel = $('bg-panel');
var PANEL_LIST_MAX = 60;

function swatch(k) {
  var box = svg('svg', { width: 14, height: 14, viewBox: '-7 -7 14 14', 'aria-hidden': 'true', class: 'bg-swatch' });
  box.appendChild(shapeOf(KINDS[k].shape, 5.5, KINDS[k].color));
  return box;
}

// A small SVG of a vis-network shape, for the legend, lists and the timeline.
function shapeOf(shape, r, color) {
  var stroke = shade(color, -0.35), node;
  if (shape === 'square' || shape === 'box') node = svg('rect', { x: -r, y: shape === 'box' ? -r * 0.7 : -r, width: 2 * r, height: shape === 'box' ? 1.4 * r : 2 * r, rx: shape === 'box' ? 1.5 : 0 });
  else if (shape === 'triangle') node = svg('path', { d: 'M0,' + (-r) + 'L' + r + ',' + (r * 0.8) + 'L' + (-r) + ',' + (r * 0.8) + 'Z' });
  else if (shape === 'triangleDown') node = svg('path', { d: 'M0,' + r + 'L' + r + ',' + (-r * 0.8) + 'L' + (-r) + ',' + (-r * 0.8) + 'Z' });
  else if (shape === 'hexagon') {
    var h = '';
    for (var k = 0; k < 6; k++) h += (k ? 'L' : 'M') + (Math.cos(Math.PI / 3 * k) * r).toFixed(2) + ',' + (Math.sin(Math.PI / 3 * k) * r).toFixed(2);
    node = svg('path', { d: h + 'Z' });
  }
  else if (shape === 'diamond') node = svg('path', { d: 'M0,' + (-r) + 'L' + r + ',0L0,' + r + 'L' + (-r) + ',0Z' });
  else if (shape === 'star') {
    var d = '';
    for (var i = 0; i < 10; i++) {
      var a = Math.PI / 5 * i - Math.PI / 2, rr = i % 2 ? r * 0.45 : r;
      d += (i ? 'L' : 'M') + (Math.cos(a) * rr).toFixed(2) + ',' + (Math.sin(a) * rr).toFixed(2);
    }
    node = svg('path', { d: d + 'Z' });
  } else node = svg('circle', { r: r });
  node.setAttribute('fill', color);
  node.setAttribute('stroke', stroke);
  node.setAttribute('stroke-width', '1');
  return node;
}

function nodeButton(i) {
  var n = NODES[i];
  return el('button', { type: 'button', cls: 'bg-ref', title: kindLabel(n), onclick: function () { selectNode(i, { center: true }); } },
    [swatch(n.k), el('span', { text: n.n })]);
}

function edgeButton(j) {
  var e = EDGES[j];
  return el('button', { type: 'button', cls: 'bg-ref', onclick: function () { selectEdge(j, { center: true }); } },
    [el('span', { text: NODES[e.f].n }), el('span', { cls: 'bg-etype', text: ' ' + edgeLabel(e) + ' ' }), el('span', { text: NODES[e.t].n })]);
}

function section(title, count, children) {
  return el('section', { cls: 'bg-psec' }, [el('h3', { text: title + (count !== undefined ? ' (' + count + ')' : '') })].concat(children));
}

function propsTable(rows) {
  if (!rows.length) return null;
  var table = el('table', { cls: 'bg-props' });
  rows.forEach(function (r) {
    table.appendChild(el('tr', {}, [el('th', { text: r[0] }), el('td', {}, [typeof r[1] === 'string' ? document.createTextNode(r[1]) : r[1]])]));
  });
  return table;
}

function propText(v) {
  if (Array.isArray(v)) return v.map(propText).join(', ');
  if (v !== null && typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function dateRows(dt) {
  if (!dt) return [];
  var rows = [['date', dt.l + (dt.p ? '  (' + dt.p + ' precision)' : '')]];
  if (dt.s && dt.e && (dt.s !== dt.e || dt.p !== 'day')) rows.push(['covers', dt.s + ' \u2013 ' + dt.e]);
  return rows;
}

function humanKey(k) { return k.replace(/_/g, ' '); }

function sourceItem(si) {
  var s = NODES[si], p = s.p || {};
  var bits = [p.publisher, p.date, p.accessed ? 'accessed ' + p.accessed : null].filter(Boolean).map(String);
  return el('li', { cls: 'bg-fn' }, [
    el('span', { cls: 'bg-fn-no', text: p.footnote !== undefined ? String(p.footnote) : '\u2022' }),
    el('div', {}, [
      el('button', { type: 'button', cls: 'bg-linkbtn bg-fn-title', text: String(p.title || s.n), onclick: function () { selectNode(si, { center: true }); } }),
      bits.length ? el('span', { cls: 'bg-fn-meta', text: ' \u2014 ' + bits.join(', ') }) : null,
      s.u ? el('div', { cls: 'bg-fn-url' }, [link(s.u)]) : (p.url ? el('div', { cls: 'bg-fn-url' }, [el('span', { cls: 'bg-url', text: String(p.url) })]) : null)
    ])
  ]);
}

// Where a sentence is: the brief's title and date, then paragraph and page where known
// (character offsets only when neither is).
function whereText(s, withBrief) {
  var doc = DOCS[s[1]] || {};
  var place = [];
  if (s[5] !== null && s[5] !== undefined) place.push('para. ' + s[5]);
  if (s[6] !== null && s[6] !== undefined) place.push('p. ' + s[6]);
  if (!place.length && s[2] !== null && s[2] !== undefined) place.push('chars ' + s[2] + '\u2013' + s[3]);
  var brief = withBrief ? [doc.title || doc.id, doc.date].filter(Boolean).join(', ') : null;
  return [brief].concat(place).filter(Boolean).join(' \u00b7 ');
}

// A fact's confidence (0 to 1) as the extractor gave it, or null.
function confidenceRow(x) {
  if (typeof x.c !== 'number') return null;
  var pct = Math.round(x.c * 100);
  var fill = el('span', { cls: 'bg-conf-fill' });
  fill.style.width = pct + '%'; // CSSOM, which the page's CSP allows (style attributes it refuses)
  var meter = el('span', { cls: 'bg-conf', title: 'how sure the automatic extraction was' }, [
    el('span', { cls: 'bg-conf-bar' }, [fill]),
    el('span', { text: ' ' + x.c.toFixed(2) + (x.c < 0.5 ? ' (low: check the sentence)' : '') })]);
  return ['confidence', meter];
}

function evidenceList(evidence, terms) {
  var list = el('ol', { cls: 'bg-evidence' });
  evidence.forEach(function (ev) {
    var s = SENTENCES[ev[0]], doc = DOCS[s[1]] || {};
    var marks = ev[1] ? [ev[1]] : terms;
    var where = whereText(s, true);
    var item = el('li', {}, [
      el('blockquote', {}, [highlighted(s[0], marks)]),
      where ? el('div', { cls: 'bg-where', text: where }) : null
    ]);
    if (s[4].length) item.appendChild(el('ul', { cls: 'bg-fns' }, s[4].map(sourceItem)));
    list.appendChild(item);
  });
  return list;
}

function more(items, render) {
  var out = items.slice(0, PANEL_LIST_MAX).map(render);
  if (items.length > PANEL_LIST_MAX) out.push(el('li', { cls: 'bg-note', text: '\u2026 and ' + (items.length - PANEL_LIST_MAX) + ' more' }));
  return out;
}

function showNode(i) {
  var n = NODES[i], p = n.p || {};
  clear(panel);
  var head = el('div', { cls: 'bg-phead' }, [
    el('div', { cls: 'bg-kind' }, [swatch(n.k), el('span', { text: kindLabel(n) })]),
    el('h2', { text: n.n })
  ]);
  panel.appendChild(head);
  if (n.a && n.a.length) panel.appendChild(el('div', { cls: 'bg-aliases' }, [el('span', { cls: 'bg-note', text: 'also ' })].concat(n.a.map(function (a) { return el('span', { cls: 'bg-chip', text: a }); }))));
  var rows = dateRows(n.dt);
  if (confidenceRow(n)) rows.push(confidenceRow(n));
  Object.keys(p).forEach(function (k) {
    if (k === 'url' || k === 'raw' || k === 'event_type' || k === 'agreement_type') return;
    rows.push([humanKey(k), propText(p[k])]);
  });
  if (p.url !== undefined) rows.push(['url', n.u ? link(n.u) : el('span', { cls: 'bg-url', text: String(p.url) })]);
  rows.push(['id', n.id]);
  panel.appendChild(propsTable(rows));
  panel.appendChild(el('div', { cls: 'bg-row bg-actions-row' }, [
    el('button', { type: 'button', text: 'Focus 1 hop', onclick: function () { focusOn(i, 1); } }),
    el('button', { type: 'button', text: '2 hops', onclick: function () { focusOn(i, 2); } }),
    el('button', { type: 'button', text: 'Path from', title: 'Use as the start of a shortest path', onclick: function () { setPathEnd('from', i); } }),
    el('button', { type: 'button', text: 'Path to', title: 'Use as the end of a shortest path', onclick: function () { setPathEnd('to', i); } }),
    state.scope ? el('button', { type: 'button', text: 'Open links', title: 'Add what this node links to, to the chart', onclick: function () { openAround(i, 1); } }) : null,
    state.scope ? el('button', { type: 'button', text: 'Open 2 hops', onclick: function () { openAround(i, 2); } }) : null,
    TL.isActor(i) ? el('button', { type: 'button', cls: 'bg-pin', text: TL.pinned(i) ? 'Unpin timeline lane' : 'Pin timeline lane', title: 'Keep a timeline lane of this actor\u2019s events', onclick: function (ev) { TL.pin(i); ev.target.textContent = TL.pinned(i) ? 'Unpin timeline lane' : 'Pin timeline lane'; } }) : null
  ]));
  if (p.raw) panel.appendChild(section('Footnote', undefined, [el('blockquote', { cls: 'bg-raw', text: String(p.raw) })]));
  var cited = CITED_BY[i];
  if (cited) {
    panel.appendChild(section('Cited as evidence for', cited.nodes.length + cited.edges.length, [
      el('ul', { cls: 'bg-refs' }, more(cited.nodes.map(function (x) { return ['n', x]; }).concat(cited.edges.map(function (x) { return ['e', x]; })),
        function (r) { return el('li', {}, [r[0] === 'n' ? nodeButton(r[1]) : edgeButton(r[1])]); }))
    ]));
  }
  // grouped by type and direction: "PARTICIPATED_IN <-" then the parties, each with the
  // edge's role (or "link") opening the edge and its evidence
  var links = ADJ[i].slice().sort(function (a, b) {
    return EDGES[a].y - EDGES[b].y || (EDGES[a].f === i) - (EDGES[b].f === i) ||
      NODES[otherEnd(a, i)].n.localeCompare(NODES[otherEnd(b, i)].n);
  });
  if (links.length) {
    var groups = el('div', { cls: 'bg-conn' }), list = null, last = null;
    links.slice(0, PANEL_LIST_MAX).forEach(function (j) {
      var e = EDGES[j], out = e.f === i, key = e.y + (out ? '>' : '<');
      if (key !== last) {
        last = key;
        var typeHead = el('div', { cls: 'bg-etype bg-conn-type', text: TYPES[e.y].name + (TYPES[e.y].symmetric ? ' \u2194' : out ? ' \u2192' : ' \u2190'), title: TYPES[e.y].description });
        if (state.scope) typeHead.appendChild(el('button', { type: 'button', cls: 'bg-expand', text: 'open', title: 'Add these ' + TYPES[e.y].name + ' links to the chart', onclick: (function (y) { return function () { openAround(i, 1, y); }; })(e.y) }));
        groups.appendChild(typeHead);
        list = groups.appendChild(el('ul', { cls: 'bg-refs' }));
      }
      list.appendChild(el('li', { cls: edgeFlags[j] ? '' : 'bg-hidden-ref' }, [
        nodeButton(otherEnd(j, i)),
        el('button', { type: 'button', cls: 'bg-linkbtn bg-edge-link', text: (e.p && e.p.role) || 'link', title: 'This link and its evidence', onclick: function () { selectEdge(j, { center: true }); } })
      ]));
    });
    if (links.length > PANEL_LIST_MAX) groups.appendChild(el('p', { cls: 'bg-note', text: '\u2026 and ' + (links.length - PANEL_LIST_MAX) + ' more' }));
    panel.appendChild(section('Connections', links.length, [groups]));
  }
  var terms = [n.n].concat(n.a || []);
  panel.appendChild(section('Evidence', n.e.length, [n.e.length ? evidenceList(n.e, terms) : el('p', { cls: 'bg-note', text: 'No evidence recorded.' })]));
  panel.scrollTop = 0;
}

function showEdge(j) {
  var e = EDGES[j], t = TYPES[e.y];
  clear(panel);
  panel.appendChild(el('div', { cls: 'bg-phead' }, [
    el('div', { cls: 'bg-kind' }, [el('span', { cls: 'bg-etype', text: t.name })]),
    el('h2', {}, [nodeButton(e.f), el('span', { cls: 'bg-arrow', text: t.symmetric ? ' \u2194 ' : ' \u2192 ' }), nodeButton(e.t)]),
    t.description ? el('p', { cls: 'bg-note', text: t.description }) : null
  ]));
  var rows = dateRows(e.dt);
  if (confidenceRow(e)) rows.push(confidenceRow(e));
  Object.keys(e.p || {}).forEach(function (k) { rows.push([humanKey(k), propText(e.p[k])]); });
  var table = propsTable(rows);
  if (table) panel.appendChild(table);
  var terms = [NODES[e.f].n, NODES[e.t].n].concat(NODES[e.f].a || [], NODES[e.t].a || []);
  panel.appendChild(section('Evidence', e.e.length, [e.e.length ? evidenceList(e.e, terms) : el('p', { cls: 'bg-note', text: 'No evidence recorded.' })]));
  panel.scrollTop = 0;
}

function showPath(path) {
  clear(panel);
  panel.appendChild(el('div', { cls: 'bg-phead' }, [
    el('div', { cls: 'bg-kind' }, [el('span', { text: 'Shortest path \u00b7 ' + path.edges.length + ' step' + (path.edges.length === 1 ? '' : 's') })]),
    el('h2', { text: NODES[path.nodes[0]].n + ' \u2192 ' + NODES[path.nodes[path.nodes.length - 1]].n })
  ]));
  var alts = state.paths || [path];
  if (alts.length > 1) {
    panel.appendChild(el('div', { cls: 'bg-row bg-alts', role: 'group', ariaLabel: 'Alternative paths' }, alts.map(function (p, k) {
      var b = el('button', { type: 'button', cls: p === path ? 'bg-alt bg-alt-on' : 'bg-alt', text: (k ? 'Alternative ' + k : 'Shortest') + ' (' + p.edges.length + ')',
        title: p.nodes.map(function (i) { return NODES[i].n; }).join(' \u2192 '), onclick: function () { showPathOnChart(k); } });
      b.setAttribute('aria-pressed', String(p === path));
      return b;
    })));
  }
  var list = el('ol', { cls: 'bg-pathlist' });
  path.nodes.forEach(function (i, k) {
    list.appendChild(el('li', {}, [nodeButton(i)]));
    if (k < path.edges.length) {
      var j = path.edges[k], e = EDGES[j];
      var step = el('li', { cls: 'bg-step' }, [el('button', { type: 'button', cls: 'bg-linkbtn bg-etype', text: (e.f === i ? '\u2193 ' : '\u2191 ') + edgeLabel(e), onclick: function () { selectEdge(j, { center: true }); } })]);
      // the step's evidence: its first sentence, located, and how many more there are
      if (e.e.length) {
        var s = SENTENCES[e.e[0][0]];
        step.appendChild(el('blockquote', { cls: 'bg-step-ev' }, [highlighted(truncate(s[0], 240), [e.e[0][1], NODES[e.f].n, NODES[e.t].n])]));
        step.appendChild(el('div', { cls: 'bg-where', text: whereText(s, true) + footnoteText(s) + (e.e.length > 1 ? ' \u00b7 ' + (e.e.length - 1) + ' more' : '') }));
      } else step.appendChild(el('div', { cls: 'bg-where', text: 'no evidence recorded' }));
      list.appendChild(step);
    }
  });
  panel.appendChild(list);
}

function showEmpty() {
  clear(panel);
  var top = NODES.map(function (n, i) { return i; })
    .filter(function (i) { return NODES[i].k !== SOURCE_KIND && !KINDS[NODES[i].k].dated && NODES[i].deg > 0; })
    .sort(function (a, b) { return NODES[b].deg - NODES[a].deg || NODES[a].n.localeCompare(NODES[b].n); })
    .slice(0, 12);
  panel.appendChild(el('div', { cls: 'bg-empty' }, [
    el('h2', { text: 'Nothing selected' }),
    el('p', { text: 'Click a node or an edge to see its properties and the sentences of the brief that support it, with their footnotes.' }),
    el('p', { text: 'Search by name or alias above; filter kinds and edge types on the left; drag across the timeline to keep one period.' })
  ]));
  if (top.length) {
    panel.appendChild(section('Most connected', undefined, [el('ul', { cls: 'bg-refs' }, top.map(function (i) {
      return el('li', { cls: 'bg-top' }, [nodeButton(i), el('span', { cls: 'bg-count', text: NODES[i].deg + ' links' })]);
    }))]));
  }
}
