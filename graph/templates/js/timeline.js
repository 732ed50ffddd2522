// The timeline: events and agreements on a time axis, drawn in SVG by this file instead of
// vis-timeline (about 500 kB more, and its item templates are HTML strings). Dates keep their
// precision: a day is a point, an interval a solid bar, a year, month or decade a pale band
// over the whole period it may fall in. Dragging selects a range (snapped to the axis unit),
// which hides the events, agreements and dated edges outside it in the chart.

var TL = (function () {
  var box = $('bg-tl'), LANE = 15, AXIS = 22, PAD = 12, MIN_W = 7;
  var root = svg('svg', { class: 'bg-tl-svg', role: 'img', 'aria-label': 'Timeline of events and agreements' });
  box.appendChild(root);
  var dated = KINDS.map(function (k) { return !!k.dated; });
  var entries = [], undated = 0;
  NODES.forEach(function (n, i) {
    if (!dated[n.k]) return;
    if (n.d0 === undefined || n.d0 === null) { undated += 1; return; }
    entries.push(i);
  });
  entries.sort(function (a, b) { return NODES[a].d0 - NODES[b].d0 || NODES[a].d1 - NODES[b].d1 || a - b; });
  var labels = entries.length <= 160;
  var full = extent();
  var view = full.slice();
  var width = 0, height = 0, unit = 'year', drag = null, items = [];

  function extent() {
    if (!entries.length) { var y = new Date().getUTCFullYear(); return [dayUTC(y - 10, 0, 1), dayUTC(y + 1, 0, 1)]; }
    var lo = Infinity, hi = -Infinity;
    entries.forEach(function (i) { lo = Math.min(lo, NODES[i].d0); hi = Math.max(hi, NODES[i].d1 + 1); });
    var span = Math.max(hi - lo, 730), pad = span * 0.03;
    return [Math.floor(lo - pad), Math.ceil(hi + pad)];
  }

  function x(day) { return PAD + (day - view[0]) / (view[1] - view[0]) * (width - 2 * PAD); }
  function dayAt(px) { return view[0] + (px - PAD) / (width - 2 * PAD) * (view[1] - view[0]); }

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

  function snapStart(day) {
    var d = dateOfDay(Math.floor(day));
    if (unit === 'year') return dayUTC(d.getUTCFullYear(), 0, 1);
    if (unit === 'month') return dayUTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    return Math.floor(day);
  }
  function snapEnd(day) { // last day of the unit that holds `day`
    var d = dateOfDay(Math.floor(day));
    if (unit === 'year') return dayUTC(d.getUTCFullYear() + 1, 0, 1) - 1;
    if (unit === 'month') return dayUTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) - 1;
    return Math.floor(day);
  }

  function draw() {
    width = box.clientWidth;
    height = box.clientHeight;
    if (!width || !height) return;
    root.setAttribute('width', width);
    root.setAttribute('height', height);
    root.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
    clear(root);
    var base = height - AXIS;
    var bg = svg('rect', { x: 0, y: 0, width: width, height: height, class: 'tl-bg' });
    root.appendChild(bg);
    var grid = svg('g', { class: 'tl-grid' });
    var axis = svg('g', { class: 'tl-axis' });
    ticks().forEach(function (t) {
      var px = x(t[0]);
      grid.appendChild(svg('line', { x1: px, x2: px, y1: 0, y2: base, class: t[2] ? 'tl-major' : '' }));
      axis.appendChild(svg('line', { x1: px, x2: px, y1: base, y2: base + 4 }));
      var label = svg('text', { x: px + 3, y: base + 15 });
      label.textContent = t[1];
      axis.appendChild(label);
    });
    axis.appendChild(svg('line', { x1: 0, x2: width, y1: base, y2: base, class: 'tl-base' }));
    root.appendChild(grid);
    root.appendChild(axis);

    var lanes = Math.max(1, Math.floor((base - 6) / LANE)), laneEnd = [], layer = svg('g', { class: 'tl-items' });
    function freeLane(left) {
      for (var l = 0; l < laneEnd.length; l++) if (laneEnd[l] < left) return l;
      return laneEnd.length < lanes ? laneEnd.length : -1;
    }
    items = [];
    entries.forEach(function (i) {
      var n = NODES[i], x0 = x(n.d0), x1 = x(n.d1 + 1);
      if (x1 < -200 || x0 > width + 200) return;
      var point = n.dt.p === 'day' && n.d0 === n.d1;
      var interval = !point && n.dt.v.indexOf('/') >= 0;
      var name = truncate(n.n, 26), textW = name.length * 6.2;
      var markL = point ? x0 - 6 : x0, markR = Math.max(x1, x0 + MIN_W) + 2;
      // label right of the mark, or left of it near the right edge; none if no lane has room
      var side = markR + 4 + textW > width - 2 ? 'left' : 'right';
      var left = side === 'left' ? markL - 4 - textW : markL, right = side === 'left' ? markR : markR + 4 + textW;
      var lane = labels ? freeLane(left) : -1, labelled = labels && lane >= 0;
      if (!labelled) { left = markL; right = markR; lane = freeLane(left); }
      if (lane < 0) lane = laneEnd.indexOf(Math.min.apply(null, laneEnd));
      laneEnd[lane] = right;
      var y = base - 8 - lane * LANE - LANE / 2 + 4, color = KINDS[n.k].color;
      var g = svg('g', { class: 'tl-item', 'data-node': i });
      var shape;
      if (point) {
        shape = svg('path', { d: 'M' + x0 + ',' + (y - 5.5) + 'l5.5,5.5l-5.5,5.5l-5.5,-5.5z', fill: color, stroke: shade(color, -0.35) });
      } else if (interval) {
        shape = svg('rect', { x: x0, y: y - 4, width: Math.max(x1 - x0, MIN_W), height: 8, rx: 2, fill: color, stroke: shade(color, -0.35) });
      } else { // vague: somewhere in this year / month / decade
        shape = svg('rect', { x: x0, y: y - 5.5, width: Math.max(x1 - x0, MIN_W), height: 11, rx: 2, fill: color, 'fill-opacity': 0.22, stroke: color, 'stroke-dasharray': '3 2', class: 'tl-vague' });
      }
      g.appendChild(shape);
      if (labelled) {
        var text = side === 'left' ? svg('text', { x: markL - 4, y: y + 4, 'text-anchor': 'end' }) : svg('text', { x: markR + 2, y: y + 4 });
        text.textContent = name;
        g.appendChild(text);
      }
      var tip = svg('title', {});
      tip.textContent = n.n + '\n' + n.dt.l + (n.dt.p ? ' (' + n.dt.p + ')' : '') + '\n' + kindLabel(n);
      g.appendChild(tip);
      layer.appendChild(g);
      items.push([i, g]);
    });
    root.appendChild(layer);
    brush = svg('rect', { class: 'tl-brush', x: 0, y: 0, width: 0, height: base, visibility: 'hidden' });
    root.appendChild(brush);
    paint();
  }
  var brush = null;

  function paint() {
    items.forEach(function (it) {
      it[1].classList.toggle('tl-off', !nodeFlags[it[0]]);
      it[1].classList.toggle('tl-sel', !!(state.selected && state.selected.node === it[0]));
    });
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
    $('bg-tl-note').textContent = shown + ' of ' + entries.length + ' dated' + (undated ? ' \u00b7 ' + undated + ' undated not shown' : '');
  }

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
    var a = dayAt(Math.min(px, drag.x)), b = dayAt(Math.max(px, drag.x));
    drag.lo = snapStart(a);
    drag.hi = snapEnd(b);
    paint();
  });
  window.addEventListener('mouseup', function () {
    if (!drag) return;
    var d = drag;
    drag = null;
    if (d.moved) setRange(d.lo, d.hi);
    else if (d.target) selectNode(+d.target.getAttribute('data-node'), { center: true });
  });
  root.addEventListener('wheel', function (ev) {
    ev.preventDefault();
    var span = view[1] - view[0], at = dayAt(local(ev));
    if (ev.shiftKey || Math.abs(ev.deltaX) > Math.abs(ev.deltaY)) {
      var shift = span * ((ev.deltaX || ev.deltaY) > 0 ? 0.1 : -0.1);
      view = [view[0] + shift, view[1] + shift];
    } else {
      var f = ev.deltaY > 0 ? 1.25 : 0.8, next = Math.min(Math.max(span * f, 20), (full[1] - full[0]) * 4);
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

  $('bg-tl-apply').addEventListener('click', applyInputs);
  ['bg-tl-from', 'bg-tl-to'].forEach(function (id) {
    $(id).addEventListener('keydown', function (ev) { if (ev.key === 'Enter') applyInputs(); });
  });
  $('bg-tl-clear').addEventListener('click', function () { setRange(null, null); });
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
    entries: function () { return entries.slice(); }
  };
})();
