// Keyboard: the chart takes focus (Tab), the arrow keys move a cursor from node to neighbour in
// the direction pressed, Enter selects the node under the cursor, Escape clears (the path, then
// the selection, then the focus, then the range). What the cursor is on is announced.

function neighboursOf(i) {
  var out = [];
  ADJ[i].forEach(function (j) { if (edgeFlags[j]) { var k = otherEnd(j, i); if (k !== i && out.indexOf(k) < 0) out.push(k); } });
  return out;
}

// The neighbour of `from` that lies most nearly in direction (dx, dy) on screen, or null.
function neighbourToward(from, dx, dy) {
  var pos = network.getPositions(neighboursOf(from).concat([from])), a = pos[from], best = null, bestScore = -Infinity;
  neighboursOf(from).forEach(function (k) {
    var vx = pos[k].x - a.x, vy = pos[k].y - a.y, len = Math.sqrt(vx * vx + vy * vy) || 1;
    var cos = (vx * dx + vy * dy) / len;
    if (cos < 0.2) return; // not that way
    var score = cos * 4 - len / 2000;
    if (score > bestScore) { bestScore = score; best = k; }
  });
  return best;
}

function moveCursor(i) {
  keyCursor = i;
  var n = NODES[i], links = neighboursOf(i).length;
  $('bg-announce').textContent = n.n + ', ' + kindLabel(n) + (n.dt ? ', ' + n.dt.l : '') + ', ' + links + ' link' + (links === 1 ? '' : 's') + '. Enter selects.';
  var p = network.getPositions([i])[i], dom = network.canvasToDOM(p), c = network.canvas.frame.canvas;
  if (dom.x < 30 || dom.y < 30 || dom.x > c.clientWidth - 30 || dom.y > c.clientHeight - 30) {
    network.moveTo({ position: p, animation: { duration: 250, easingFunction: 'easeInOutQuad' } });
  } else network.redraw();
}

function startNode() {
  if (state.selected && state.selected.node !== undefined && nodeFlags[state.selected.node]) return state.selected.node;
  var best = null;
  LABEL_ORDER.some(function (i) { if (nodeFlags[i]) { best = i; return true; } return false; });
  return best;
}

var ARROWS = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

function onChartKey(ev) {
  var dir = ARROWS[ev.key];
  if (dir) {
    ev.preventDefault();
    if (keyCursor === null || !nodeFlags[keyCursor]) { var s = startNode(); if (s !== null) moveCursor(s); return; }
    var next = neighbourToward(keyCursor, dir[0], dir[1]);
    if (next !== null) moveCursor(next);
    else $('bg-announce').textContent = NODES[keyCursor].n + ': no link that way.';
  } else if (ev.key === 'Enter' || ev.key === ' ') {
    ev.preventDefault();
    if (keyCursor === null) { var t = startNode(); if (t !== null) moveCursor(t); return; }
    selectNode(keyCursor, { center: false });
  } else if (ev.key === '+' || ev.key === '=' || ev.key === '-') {
    ev.preventDefault();
    network.moveTo({ scale: network.getScale() * (ev.key === '-' ? 0.8 : 1.25) });
  }
}

// Escape anywhere (outside an open list of suggestions) undoes the last narrowing.
function onEscape(ev) {
  if (ev.key !== 'Escape' || ev.defaultPrevented) return;
  var t = ev.target;
  if (t && t.tagName === 'INPUT' && t.value && t.getAttribute('aria-expanded') === 'true') return;
  if (!$('bg-tl-tray').hidden) { TL.openTray(false); return; }
  if (!$('bg-list').hidden) { toggleList(false); return; }
  if (state.path) { clearPath(false); clearSelection(); }
  else if (keyCursor !== null || state.selected) { keyCursor = null; clearSelection(); network.redraw(); }
  else if (state.focus) unfocus();
  else if (state.range) TL.setRange(null, null);
}

function wireKeys() {
  var chart = $('bg-graph');
  chart.tabIndex = 0;
  chart.setAttribute('role', 'application');
  chart.setAttribute('aria-roledescription', 'link chart');
  chart.setAttribute('aria-describedby', 'bg-keys-help');
  chart.addEventListener('keydown', onChartKey);
  chart.addEventListener('blur', function () { if (keyCursor !== null && (!state.selected || state.selected.node !== keyCursor)) { keyCursor = null; network.redraw(); } });
  document.addEventListener('keydown', onEscape);
}
