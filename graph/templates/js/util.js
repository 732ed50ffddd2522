// Helpers shared by the page scripts (all concatenated into one closure by export_html.py).
// Rule of the page: nothing from the brief is ever parsed as HTML. Strings reach the DOM only
// through textContent and plain properties (see el), links only through safeHref.

var DATA = JSON.parse(document.getElementById('bg-data').textContent);
var SVG_NS = 'http://www.w3.org/2000/svg';
var DAY_MS = 86400000;
var FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif';
var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function $(id) { return document.getElementById(id); }

// An element with text, class, listeners and properties; children are nodes or strings.
function el(tag, props, children) {
  var node = document.createElement(tag);
  Object.keys(props || {}).forEach(function (k) {
    var v = props[k];
    if (k === 'text') node.textContent = v;
    else if (k === 'cls') node.className = v;
    else if (k.slice(0, 2) === 'on') node.addEventListener(k.slice(2), v);
    else if (k === 'href') throw new Error('links go through link()');
    else node[k] = v;
  });
  (children || []).forEach(function (c) {
    if (c !== null && c !== undefined) node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  });
  return node;
}

function svg(tag, attrs) {
  var node = document.createElementNS(SVG_NS, tag);
  Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
  return node;
}

function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

function truncate(s, n) { s = String(s); return s.length > n ? s.slice(0, n - 1) + '\u2026' : s; }

// Case, accents and punctuation folded, as graph/ids.py normalise() does (letters of any script kept).
function norm(s) {
  return String(s).normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

// An http(s) URL as the browser reads it, or null: every other scheme (script, data ...) never links.
function safeHref(url) {
  if (typeof url !== 'string') return null;
  var u;
  try { u = new URL(url); } catch (e) { return null; }
  return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname ? u.href : null;
}

function link(url, text) {
  var href = safeHref(url);
  if (!href) return el('span', { cls: 'bg-url', text: text || String(url || '') });
  var a = el('a', { target: '_blank', rel: 'noopener noreferrer', text: text || href, title: href });
  a.href = href;
  return a;
}

// `text` with each occurrence of any of `terms` (case-insensitive, longest first) marked.
function highlighted(text, terms) {
  text = String(text);
  var frag = document.createDocumentFragment();
  var hay = text.toLowerCase();
  var fold = hay.length === text.length; // some letters change length when lower-cased
  if (!fold) hay = text;
  var spans = [];
  terms.filter(function (t) { return t && String(t).length > 1; })
    .map(String).sort(function (a, b) { return b.length - a.length; })
    .forEach(function (t) {
      var needle = fold ? t.toLowerCase() : t;
      for (var i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) {
        var j = i + needle.length;
        if (!spans.some(function (s) { return i < s[1] && s[0] < j; })) spans.push([i, j]);
      }
    });
  spans.sort(function (a, b) { return a[0] - b[0]; });
  var at = 0;
  spans.forEach(function (s) {
    frag.appendChild(document.createTextNode(text.slice(at, s[0])));
    frag.appendChild(el('mark', { text: text.slice(s[0], s[1]) }));
    at = s[1];
  });
  frag.appendChild(document.createTextNode(text.slice(at)));
  return frag;
}

// Days since 1970-01-01 (UTC) of a calendar day; months and days may overflow like Date's.
function dayUTC(y, m, d) {
  var t = new Date(0);
  t.setUTCFullYear(y, m, d);
  return Math.round(t.getTime() / DAY_MS);
}

function dayOf(iso) {
  var m = /^(\d{1,4})-(\d\d)-(\d\d)$/.exec(iso || '');
  return m ? dayUTC(+m[1], +m[2] - 1, +m[3]) : null;
}

function dateOfDay(day) { return new Date(day * DAY_MS); }

function isoOfDay(day) {
  var d = dateOfDay(day);
  var y = String(d.getUTCFullYear()).padStart(4, '0');
  return y + '-' + String(d.getUTCMonth() + 1).padStart(2, '0') + '-' + String(d.getUTCDate()).padStart(2, '0');
}

// '2014', '2014-03' or '2014-03-09' as the first day it covers (or the last, if `last`).
function parseBound(text, last) {
  var m = /^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*$/.exec(text || '');
  if (!m) return null;
  var y = +m[1], mo = m[2] ? +m[2] : 0, d = m[3] ? +m[3] : 0;
  if (m[2] && (mo < 1 || mo > 12)) return null;
  if (m[3] && (d < 1 || d > 31)) return null;
  if (d) return dayUTC(y, mo - 1, d);
  if (mo) return last ? dayUTC(y, mo, 1) - 1 : dayUTC(y, mo - 1, 1);
  return last ? dayUTC(y + 1, 0, 1) - 1 : dayUTC(y, 0, 1);
}

// A day range written as briefly as it is exact: 2014, 2015-03 or 2015-03-09.
function boundText(day, last) {
  var d = dateOfDay(last ? day + 1 : day);
  var iso = isoOfDay(day);
  if (d.getUTCMonth() === 0 && d.getUTCDate() === 1) return iso.slice(0, 4);
  if (d.getUTCDate() === 1) return iso.slice(0, 7);
  return iso;
}
