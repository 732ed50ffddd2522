// The timeline, the analyst's chronology: events and agreements on a time axis, drawn in SVG by
// this file instead of vis-timeline (about 500 kB more, and its item templates are HTML
// strings). Lanes: one per actor of interest (the selected actor, and any pinned from the
// panel), then one per kind for the rest, so each event is in exactly one lane; inside a lane
// items stack in rows so that no two marks or labels overlap. Labels say who and what
// ("Aliyev visits Pakistan"). Dates keep their precision: a day is a point, an interval a
// solid bar, a year, month or decade a pale band over the whole period it may fall in, and
// "after" / "before" an arrow open towards the unknown side. The axis fits where most events
// are; far outliers (1620, 2100) sit at its edges, marked. Undated events are listed in a tray
// whose items open like any other. Dragging selects a range (snapped to the axis unit), which
// hides the events, agreements and dated edges outside it in the chart.

var TL = (function () {
  var box = $('bg-tl'), ROW = 16, LANE_HEAD = 17, AXIS = 22, PAD = 12, MIN_W = 7, ROWS_MAX = 40, LABEL_MAX_ITEMS = 400;
  var root = svg('svg', { class: 'bg-tl-svg', role: 'group', 'aria-label': 'Timeline of events and agreements' });
  box.appendChild(root);
  var dated = KINDS.map(function (k) { return !!k.dated; });
  var entries = [], undatedList = [];
  NODES.forEach(function (n, i) {
    if (!dated[n.k]) return;
    if (n.d0 === undefined || n.d0 === null) { undatedList.push(i); return; }
    entries.push(i);
  });
  entries.sort(function (a, b) { return NODES[a].d0 - NODES[b].d0 || NODES[a].d1 - NODES[b].d1 || a - b; });
  var outliers = new Set(), core = coreExtent();
  var full = core.slice();
  var view = full.slice();
  var width = 0, unit = 'year', drag = null, items = [], lanes = [], pinned = [];
  var measure = document.createElement('canvas').getContext('2d');
  measure.font = '11px ' + FONT;
  var captions = new Map();

  // The span most events fall in; items beyond Tukey's far-out fences (three interquartile
  // ranges past the quartiles, the range at least ten years) are outliers, drawn at the edges.
  function coreExtent() {
    if (!entries.length) { var y = new Date().getUTCFullYear(); return [dayUTC(y - 10, 0, 1), dayUTC(y + 1, 0, 1)]; }
    var mids = entries.map(function (i) { return (NODES[i].d0 + NODES[i].d1) / 2; }).sort(function (a, b) { return a - b; });
    var q1 = mids[Math.floor((mids.length - 1) * 0.25)], q3 = mids[Math.ceil((mids.length - 1) * 0.75)];
    var iqr = Math.max(q3 - q1, 3652), fence0 = q1 - 3 * iqr, fence1 = q3 + 3 * iqr;
    var lo = Infinity, hi = -Infinity;
    entries.forEach(function (i) {
      var n = NODES[i];
      if (n.d1 < fence0 || n.d0 > fence1) { outliers.add(i); return; }
      lo = Math.min(lo, n.d0); hi = Math.max(hi, n.d1 + 1);
    });
    var span = Math.max(hi - lo, 730), pad = span * 0.03;
    return [Math.floor(lo - pad), Math.ceil(hi + pad)];
  }

  function x(day) { return PAD + (day - view[0]) / (view[1] - view[0]) * (width - 2 * PAD); }
  function dayAt(px) { return view[0] + (px - PAD) / (width - 2 * PAD) * (view[1] - view[0]); }

  // --- who did what ------------------------------------------------------------------------

  var ACTOR_RANK = { Person: 0, State: 1, Organisation: 2 };
  function shortName(i) {
    var n = NODES[i];
    if (KINDS[n.k].name !== 'Person') return n.n;
    var words = n.n.split(/\s+/);
    return words[words.length - 1];
  }
  // "Aliyev visits Pakistan", "Pakistan, Azerbaijan: Patriotic War", or the name when it
  // already names its parties.
  function caption(i) {
    if (captions.has(i)) return captions.get(i);
    var n = NODES[i], p = n.p || {}, parties = [];
    ADJ[i].forEach(function (j) {
      var e = EDGES[j], t = TYPES[e.y].name;
      if (e.t !== i || (t !== 'PARTICIPATED_IN' && t !== 'PARTY_TO')) return;
      var k = KINDS[NODES[e.f].k].name;
      if (ACTOR_RANK[k] === undefined) return;
      parties.push({ i: e.f, rank: ACTOR_RANK[k], role: e.p && e.p.role });
    });
    parties.sort(function (a, b) { return a.rank - b.rank || NODES[b.i].deg - NODES[a.i].deg; });
    var text = n.n;
    var visitors = parties.filter(function (q) { return q.role === 'visitor'; });
    var hosts = parties.filter(function (q) { return q.role === 'host'; });
    if (p.event_type === 'Visit' && visitors.length && hosts.length) {
      text = shortName(visitors[0].i) + ' visits ' + shortName(hosts[0].i);
    } else if (parties.length) {
      var named = parties.filter(function (q) { return n.n.indexOf(shortName(q.i)) >= 0; });
      if (!named.length) {
        var who = parties.slice(0, 2).map(function (q) { return shortName(q.i); }).join(', ') + (parties.length > 2 ? ' +' + (parties.length - 2) : '');
        text = who + ': ' + n.n;
      }
    }
    captions.set(i, text);
    return text;
  }

  // --- axis --------------------------------------------------------------------------------

  // Tick step: the smallest calendar unit that leaves room for its labels.
  function ticks() {
    var perDay = (width - 2 * PAD) / (view[1] - view[0]), out = [], lo = dateOfDay(view[0]), hi = dateOfDay(view[1]);
    var years = [1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000], step, y, m, d;
    if (perDay * 365.25 >= 60) {
      var months = [1, 3, 6].filter(function (s) { return perDay * 30.44 * s >= 58; });
      if (perDay >= 30) {
        unit = 'day';
        step = [1, 2, 7, 14].filter(function (s) { return perDay * s >= 46; })[0] || 14;
        for (d = Math.ceil(view[0]); d <= view[1]; d++) {
          var date = dateOfDay(d), dd = date.getUTCDate();
          if ((dd - 1) % step === 0 && (step < 7 || dd < 29)) {
            out.push([d, dd === 1 ? MONTHS[date.getUTCMonth()] + ' ' + date.getUTCFullYear() : String(dd), dd === 1]);
          }
        }
        return out;
      }
      if (months.length) {
        unit = 'month';
        step = months[0];
        for (y = lo.getUTCFullYear(); y <= hi.getUTCFullYear(); y++) {
          for (m = 0; m < 12; m += step) {
            d = dayUTC(y, m, 1);
            if (d >= view[0] && d <= view[1]) out.push([d, m === 0 ? String(y) : MONTHS[m], m === 0]);
          }
        }
        return out;
      }
    }
    unit = 'year';
    step = years.filter(function (s) { return perDay * 365.25 * s >= 44; })[0] || 1000;
    for (y = Math.ceil(lo.getUTCFullYear() / step) * step; y <= hi.getUTCFullYear(); y += step) {
      d = dayUTC(y, 0, 1);
      if (d >= view[0] && d <= view[1]) out.push([d, String(y), y % (step * 5) === 0]);
    }
    return out;
  }

  // A drag bound snaps to the unit under the pointer, read a pixel or so inwards, so a drag
  // that starts on the 1990 gridline starts in 1990, not at the end of 1989.
  var SNAP_PX = 1.5;
  function snapStart(px) {
    var d = dateOfDay(Math.floor(dayAt(px + SNAP_PX)));
    if (unit === 'year') return dayUTC(d.getUTCFullYear(), 0, 1);
    if (unit === 'month') return dayUTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    return Math.floor(dayAt(px + SNAP_PX));
  }
  function snapEnd(px) { // last day of the unit that holds the pointer
    var day = Math.floor(dayAt(px - SNAP_PX / 2)), d = dateOfDay(day);
    if (unit === 'year') return dayUTC(d.getUTCFullYear() + 1, 0, 1) - 1;
    if (unit === 'month') return dayUTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) - 1;
    return day;
  }

  // --- lanes -------------------------------------------------------------------------------

  function isActor(i) { return i !== null && i !== undefined && !dated[NODES[i].k] && NODES[i].k !== SOURCE_KIND; }
  function eventsOf(i) {
    var out = new Set();
    ADJ[i].forEach(function (j) { var k = otherEnd(j, i); if (dated[NODES[k].k]) out.add(k); });
    return out;
  }
  function selectedActor() { return state.selected && isActor(state.selected.node) ? state.selected.node : null; }

  // [{name, actor, nodes}] with every dated event in exactly one lane, in date order.
  function makeLanes() {
    var actors = pinned.slice(), sel = selectedActor();
    if (sel !== null && actors.indexOf(sel) < 0) actors.unshift(sel);
    var taken = new Set(), out = [];
    actors.forEach(function (a) {
      var mine = eventsOf(a), nodes = entries.filter(function (i) { return mine.has(i) && !taken.has(i); });
      nodes.forEach(function (i) { taken.add(i); });
      out.push({ name: NODES[a].n, actor: a, nodes: nodes, pinned: pinned.indexOf(a) >= 0 });
    });
    KINDS.forEach(function (k, ki) {
      if (!dated[ki]) return;
      var nodes = entries.filter(function (i) { return NODES[i].k === ki && !taken.has(i); });
      var plural = k.name === 'Agreement' ? 'agreements' : k.name === 'Event' ? 'events' : k.name;
      var name = actors.length ? 'Other ' + plural : plural.charAt(0).toUpperCase() + plural.slice(1);
      if (nodes.length || !actors.length) out.push({ name: name, actor: null, kind: ki, nodes: nodes });
    });
    return out;
  }

  // --- drawing -----------------------------------------------------------------------------

  function textWidth(s, bold) { measure.font = (bold ? '650 ' : '') + '11px ' + FONT; return measure.measureText(s).width; }

  function draw() {
    width = box.clientWidth;
    if (!width || !box.clientHeight) return;
    clear(root);
    lanes = makeLanes();
    var inView = entries.filter(function (i) { return NODES[i].d1 + 1 >= view[0] && NODES[i].d0 <= view[1]; }).length;
    var labelled = inView <= LABEL_MAX_ITEMS;
    var hl = selectedActor() !== null ? eventsOf(selectedActor()) : null;
    layer = svg('g', { class: 'tl-items' });
    overlay = svg('g', { class: 'tl-overlay' });
    selItem = null;
    var heads = svg('g', { class: 'tl-lanes' });
    var y = AXIS + 4;
    items = [];
    lanes.forEach(function (lane, li) {
      var top = y, rowEnd = [];
      var head = svg('text', { x: 4, y: top + 12, class: 'tl-lane-name' + (lane.actor !== null ? ' tl-lane-actor' : '') });
      head.textContent = lane.name + ' (' + lane.nodes.length + ')' + (lane.pinned ? ' \u2022 pinned' : '');
      heads.appendChild(head);
      y += LANE_HEAD;
      lane.nodes.forEach(function (i) {
        var n = NODES[i], out = outliers.has(i) && (n.d1 + 1 < view[0] || n.d0 > view[1]);
        if (!out && (n.d1 + 1 < view[0] - 30 || n.d0 > view[1] + 30)) return;
        var x0, x1;
        if (out) { x0 = n.d0 > view[1] ? width - PAD - MIN_W : PAD; x1 = x0 + MIN_W; } else { x0 = x(n.d0); x1 = x(n.d1 + 1); }
        var point = n.dt.p === 'day' && n.d0 === n.d1;
        var interval = !point && n.dt.v.indexOf('/') >= 0;
        var open = n.dt.q === 'after' ? 1 : n.dt.q === 'before' ? -1 : 0;
        var name = (out ? (n.d0 > view[1] ? '' : '\u2039 ') + n.dt.l + (n.d0 > view[1] ? ' \u203a' : '') + ' \u00b7 ' : '') + truncate(caption(i), 48);
        var markL = point ? x0 - 6 : x0, markR = point ? x0 + 6 : Math.max(x1, x0 + MIN_W);
        if (open > 0) markR = labelled ? width - PAD : Math.min(width - PAD, x1 + 28); else if (open < 0) markL = labelled ? PAD : Math.max(PAD, x0 - 28);
        var textW = labelled ? textWidth(name, hl && hl.has(i)) + 6 : 0;
        var side = markR + 4 + textW > width - 2 ? 'left' : 'right';
        var left = labelled && side === 'left' ? markL - 4 - textW : markL, right = labelled && side === 'right' ? markR + 4 + textW : markR;
        var row = 0;
        while (row < rowEnd.length && rowEnd[row] > left - 2) row++;
        if (row >= ROWS_MAX) row = ROWS_MAX - 1; // a crowded lane at corpus scale: the last row takes the rest
        rowEnd[row] = Math.max(rowEnd[row] || -Infinity, right);
        var cy = y + row * ROW + ROW / 2, color = KINDS[n.k].color;
        var g = svg('g', { class: 'tl-item' + (out ? ' tl-outlier' : '') + (hl && hl.has(i) ? ' tl-hl' : ''), 'data-node': i, tabindex: 0, role: 'button' });
        g.setAttribute('aria-label', caption(i) + ', ' + n.dt.l + ', ' + kindLabel(n));
        var shape;
        if (out) {
          shape = svg('path', { d: n.d0 > view[1] ? 'M' + (x0 + MIN_W) + ',' + cy + 'l-7,-5v10z' : 'M' + x0 + ',' + cy + 'l7,-5v10z', fill: color, stroke: shade(color, -0.35), class: 'tl-out' });
        } else if (open) {
          // after X: from the end of X on, open to the right; before X: up to its start
          // (a short arrow when items are too many to label: a corpus would be all dashes)
          var from = open > 0 ? x1 : x0, to = open > 0 ? width - PAD : PAD;
          if (!labelled) to = open > 0 ? Math.min(to, from + 28) : Math.max(to, from - 28);
          shape = svg('path', { d: 'M' + from + ',' + (cy - 5) + 'v10M' + from + ',' + cy + 'H' + to + 'm' + (open > 0 ? '-6,-4l6,4l-6,4' : '6,-4l-6,4l6,4'),
            fill: 'none', stroke: color, 'stroke-width': 2, 'stroke-dasharray': '5 3', class: 'tl-open' });
        } else if (point) {
          shape = svg('path', { d: 'M' + x0 + ',' + (cy - 5.5) + 'l5.5,5.5l-5.5,5.5l-5.5,-5.5z', fill: color, stroke: shade(color, -0.35) });
        } else if (interval) {
          shape = svg('rect', { x: x0, y: cy - 4, width: Math.max(x1 - x0, MIN_W), height: 8, rx: 2, fill: color, stroke: shade(color, -0.35) });
        } else { // vague: somewhere in this year / month / decade
          shape = svg('rect', { x: x0, y: cy - 5.5, width: Math.max(x1 - x0, MIN_W), height: 11, rx: 2, fill: color, 'fill-opacity': 0.22, stroke: color, 'stroke-dasharray': '3 2', class: 'tl-vague' });
        }
        g.appendChild(shape);
        if (labelled) {
          var text = side === 'left' ? svg('text', { x: markL - 4, y: cy + 4, 'text-anchor': 'end' }) : svg('text', { x: markR + 4, y: cy + 4 });
          text.textContent = name;
          g.appendChild(text);
        }
        if (labelled || out) { // a tooltip per item only while items are few enough to read
          var tip = svg('title', {});
          tip.textContent = n.n + '\n' + n.dt.l + (n.dt.p ? ' (' + n.dt.p + ')' : '') + (out ? ', outside the fitted axis' : '') + '\n' + kindLabel(n);
          g.appendChild(tip);
        }
        layer.appendChild(g);
        items.push([i, g, li, row, left, right, false]);
      });
      y += Math.max(1, rowEnd.length) * ROW + 4;
      heads.appendChild(svg('line', { x1: 0, x2: width, y1: y, y2: y, class: 'tl-lane-sep' }));
    });
    var height = Math.max(y + 4, box.clientHeight - 2);
    root.setAttribute('width', width);
    root.setAttribute('height', height);
    root.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
    root.appendChild(svg('rect', { x: 0, y: 0, width: width, height: height, class: 'tl-bg' }));
    var grid = svg('g', { class: 'tl-grid' }), axis = svg('g', { class: 'tl-axis' });
    ticks().forEach(function (t) {
      var px = x(t[0]);
      grid.appendChild(svg('line', { x1: px, x2: px, y1: AXIS, y2: height, class: t[2] ? 'tl-major' : '' }));
      axis.appendChild(svg('line', { x1: px, x2: px, y1: AXIS - 4, y2: AXIS }));
      var label = svg('text', { x: px + 3, y: AXIS - 8 });
      label.textContent = t[1];
      axis.appendChild(label);
    });
    axis.appendChild(svg('line', { x1: 0, x2: width, y1: AXIS, y2: AXIS, class: 'tl-base' }));
    root.appendChild(grid);
    root.appendChild(axis);
    root.appendChild(heads);
    root.appendChild(layer);
    root.appendChild(overlay);
    brush = svg('rect', { class: 'tl-brush', x: 0, y: 0, width: 0, height: height, visibility: 'hidden' });
    root.appendChild(brush);
    paint();
  }
  var brush = null, drawnFor = null, pending = false, layer = null, overlay = null, selItem = null;

  function paint() {
    // the selected actor gets its own lane: redraw when that changes
    // (after the chart has answered: on a corpus the timeline holds thousands of items)
    var actor = selectedActor();
    if (actor !== drawnFor) {
      drawnFor = actor;
      if (!pending) { pending = true; requestAnimationFrame(function () { setTimeout(function () { pending = false; draw(); }, 0); }); }
    }
    // on a corpus the chart shows only the opened scope: the timeline greys out only what the
    // filters and the range remove, not what is merely not opened yet
    var scoped = state.scope && !state.focus, on = [], off = [];
    items.forEach(function (it) {
      var n = NODES[it[0]];
      it[7] = !!(scoped ? state.kindOn[n.k] && n.deg >= state.minDegree && (!state.range || inRange(n)) : nodeFlags[it[0]]);
      (it[7] ? on : off).push(it);
    });
    // Greying out: when most items stay, each item that changed toggles its class; when most
    // go (a focus, a short range), the whole layer greys at once and copies of the few that
    // stay are drawn over it: thousands of class changes would cost a long style pass.
    var few = off.length > on.length && items.length > 200;
    clear(overlay);
    if (layer) layer.classList.toggle('tl-dim-all', few);
    items.forEach(function (it) {
      var want = !few && !it[7];
      if (it[6] !== want) { it[1].classList.toggle('tl-off', want); it[6] = want; }
    });
    if (few) on.forEach(function (it) { overlay.appendChild(it[1].cloneNode(true)); });
    var sel = state.selected && state.selected.node !== undefined ? state.selected.node : null;
    if (selItem && selItem[0] !== sel) { selItem[1].classList.remove('tl-sel'); selItem = null; }
    if (sel !== null && !selItem) {
      selItem = items.filter(function (it) { return it[0] === sel; })[0] || null;
      if (selItem) selItem[1].classList.add('tl-sel');
    }
    if (few && selItem) overlay.querySelectorAll('[data-node="' + sel + '"]').forEach(function (g) { g.classList.add('tl-sel'); });
    var r = drag && drag.moved ? [drag.lo, drag.hi] : state.range;
    if (brush) {
      if (r) {
        var x0 = x(r[0]), x1 = x(r[1] + 1);
        brush.setAttribute('x', x0);
        brush.setAttribute('width', Math.max(1, x1 - x0));
        brush.setAttribute('visibility', 'visible');
      } else brush.setAttribute('visibility', 'hidden');
    }
    var shown = entries.filter(function (i) { return nodeFlags[i]; }).length;
    $('bg-tl-note').textContent = shown + ' of ' + entries.length + ' dated' + (outliers.size ? ' \u00b7 ' + outliers.size + ' far outside, at the edges' : '');
    $('bg-tl-undated').textContent = 'Undated (' + undatedList.length + ')';
    $('bg-tl-undated').disabled = !undatedList.length;
  }

  // --- undated tray ------------------------------------------------------------------------

  function toggleTray(open) {
    var tray = $('bg-tl-tray'), btn = $('bg-tl-undated');
    if (open === undefined) open = tray.hidden;
    tray.hidden = !open;
    btn.setAttribute('aria-expanded', String(open));
    if (!open) return;
    clear(tray);
    tray.appendChild(el('h3', { text: 'Undated events and agreements (' + undatedList.length + ')' }));
    var list = el('ul', { cls: 'bg-refs' });
    undatedList.slice().sort(function (a, b) { return caption(a).localeCompare(caption(b)); }).slice(0, 500).forEach(function (i) {
      var b = el('button', { type: 'button', cls: 'bg-ref', title: NODES[i].n, onclick: function () { selectNode(i, { center: true }); } },
        [swatch(NODES[i].k), el('span', { text: caption(i) })]);
      b.dataset.node = i;
      list.appendChild(el('li', {}, [b]));
    });
    if (undatedList.length > 500) list.appendChild(el('li', { cls: 'bg-note', text: '\u2026 and ' + (undatedList.length - 500) + ' more (search finds them)' }));
    tray.appendChild(list);
  }

  // --- interaction -------------------------------------------------------------------------

  function local(ev) { return ev.clientX - root.getBoundingClientRect().left; }

  root.addEventListener('mousedown', function (ev) {
    if (ev.button !== 0) return;
    ev.preventDefault();
    drag = { x: local(ev), moved: false, target: ev.target.closest ? ev.target.closest('.tl-item') : null };
  });
  window.addEventListener('mousemove', function (ev) {
    if (!drag) return;
    var px = local(ev);
    if (!drag.moved && Math.abs(px - drag.x) < 4) return;
    drag.moved = true;
    drag.lo = snapStart(Math.min(px, drag.x));
    drag.hi = snapEnd(Math.max(px, drag.x));
    paint();
  });
  window.addEventListener('mouseup', function () {
    if (!drag) return;
    var d = drag;
    drag = null;
    if (d.moved) setRange(d.lo, d.hi);
    else if (d.target) selectNode(+d.target.getAttribute('data-node'), { center: true });
  });
  root.addEventListener('keydown', function (ev) {
    var g = ev.target.closest ? ev.target.closest('.tl-item') : null;
    if (!g) return;
    if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); selectNode(+g.getAttribute('data-node'), { center: true }); }
  });
  root.addEventListener('wheel', function (ev) {
    ev.preventDefault();
    var span = view[1] - view[0], at = dayAt(local(ev));
    if (ev.shiftKey || Math.abs(ev.deltaX) > Math.abs(ev.deltaY)) {
      var shift = span * ((ev.deltaX || ev.deltaY) > 0 ? 0.1 : -0.1);
      view = [view[0] + shift, view[1] + shift];
    } else {
      var f = ev.deltaY > 0 ? 1.25 : 0.8, next = Math.min(Math.max(span * f, 20), (full[1] - full[0]) * 8);
      view = [at - (at - view[0]) * next / span, at + (view[1] - at) * next / span];
    }
    draw();
  }, { passive: false });
  root.addEventListener('dblclick', function () { view = full.slice(); draw(); });

  function setRange(lo, hi) {
    if (lo === null || hi === null || hi < lo) { state.range = null; }
    else state.range = [lo, hi];
    $('bg-tl-from').value = state.range ? boundText(state.range[0], false) : '';
    $('bg-tl-to').value = state.range ? boundText(state.range[1], true) : '';
    refresh();
  }

  function applyInputs() {
    var a = $('bg-tl-from').value.trim(), b = $('bg-tl-to').value.trim();
    if (!a && !b) { setRange(null, null); return; }
    var lo = a ? parseBound(a, false) : full[0], hi = b ? parseBound(b, true) : full[1];
    var bad = (a && lo === null) || (b && hi === null);
    $('bg-tl-from').classList.toggle('bg-bad', !!(a && lo === null));
    $('bg-tl-to').classList.toggle('bg-bad', !!(b && hi === null));
    if (!bad) setRange(lo, hi);
  }

  function pin(i) {
    var k = pinned.indexOf(i);
    if (k >= 0) pinned.splice(k, 1); else pinned.push(i);
    draw();
  }

  $('bg-tl-apply').addEventListener('click', applyInputs);
  ['bg-tl-from', 'bg-tl-to'].forEach(function (id) {
    $(id).addEventListener('keydown', function (ev) { if (ev.key === 'Enter') applyInputs(); });
  });
  $('bg-tl-clear').addEventListener('click', function () { setRange(null, null); });
  $('bg-tl-undated').addEventListener('click', function () { toggleTray(); });
  window.addEventListener('resize', draw);
  onRefresh(paint);

  return {
    draw: draw,
    paint: paint,
    setRange: setRange,
    setRangeText: function (a, b) { $('bg-tl-from').value = a || ''; $('bg-tl-to').value = b || ''; applyInputs(); },
    fit: function () { view = full.slice(); draw(); },
    // pixel offset of a day inside the timeline, for tests and for people writing tools
    xOf: function (iso) { return x(dayOf(iso)); },
    unit: function () { return unit; },
    entries: function () { return entries.slice(); },
    undated: function () { return undatedList.slice(); },
    outliers: function () { return Array.from(outliers); },
    lanes: function () { return lanes.map(function (l) { return { name: l.name, actor: l.actor, nodes: l.nodes.slice() }; }); },
    caption: caption,
    pin: pin,
    pinned: function (i) { return pinned.indexOf(i) >= 0; },
    isActor: isActor,
    openTray: function (open) { toggleTray(open !== false); },
    pending: function () { return pending; }
  };
})();
