// Stacked bar charts drawn as SVG (no chart library needed for two charts). Colours come from app.css classes;
// every bar has a <title> tooltip, and a visually hidden table gives screen readers the same numbers.
import { h, svg } from './dom.js';
import { number } from './format.js';

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { top: 12, right: 12, bottom: 44, left: 48 };

function niceMax(value) {
  if (value <= 5) return 5;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 2.5, 5, 10].map((f) => f * magnitude).find((m) => m >= value);
}

function shortLabel(text, max = 12) {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * groups: [{label, values: {key: number}}]; series: [{key, label, className}]; format formats a value; width is
 * the drawing's width in SVG units (its height is fixed), so a chart across the page is not drawn taller.
 */
export function stackedBars({ id, title, groups, series, format = number, emptyText, width = WIDTH }) {
  const totals = groups.map((g) => series.reduce((sum, s) => sum + (g.values[s.key] || 0), 0));
  const max = niceMax(Math.max(1, ...totals));
  const plotW = width - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, groups.length);
  const barW = Math.min(48, slot * 0.7);
  const y = (v) => PAD.top + plotH - (v / max) * plotH;

  const grid = [0, 0.25, 0.5, 0.75, 1].map((f) => svg('g', { class: 'chart__grid' },
    svg('line', { x1: PAD.left, x2: width - PAD.right, y1: y(max * f), y2: y(max * f) }),
    svg('text', { x: PAD.left - 6, y: y(max * f) + 4, 'text-anchor': 'end' }, format(max * f))));

  const bars = groups.map((g, i) => {
    const x = PAD.left + slot * i + (slot - barW) / 2;
    let base = 0;
    const parts = series.map((s) => {
      const value = g.values[s.key] || 0;
      if (!value) return null;
      const rect = svg('rect', { class: `chart__bar ${s.className}`, x, width: barW, y: y(base + value),
        height: Math.max(1, y(base) - y(base + value)) }, svg('title', {}, `${g.label} · ${s.label}: ${format(value)}`));
      base += value;
      return rect;
    });
    return svg('g', {}, parts,
      svg('text', { class: 'chart__label', x: x + barW / 2, y: HEIGHT - PAD.bottom + 16, 'text-anchor': 'middle' },
        shortLabel(g.label)));
  });

  const legend = h('ul', { class: 'chart__legend' }, series.map((s) => h('li', {},
    h('span', { class: `chart__swatch ${s.className}`, 'aria-hidden': 'true' }), s.label)));
  const data = h('table', { class: 'visually-hidden' },
    h('caption', {}, title),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, '-'), series.map((s) => h('th', { scope: 'col' }, s.label)))),
    h('tbody', {}, groups.map((g) => h('tr', {}, h('th', { scope: 'row' }, g.label),
      series.map((s) => h('td', {}, format(g.values[s.key] || 0)))))));
  const picture = groups.length
    ? svg('svg', { class: 'chart__svg', viewBox: `0 0 ${width} ${HEIGHT}`, role: 'img', 'aria-label': title,
      preserveAspectRatio: 'xMidYMid meet' }, grid, bars)
    : h('p', { class: 'muted' }, emptyText);
  return h('figure', { class: 'chart', id }, h('figcaption', { class: 'chart__title' }, title), picture, legend, data);
}
