/**
 * A saved audience's size over time, from the counts the service kept (GET
 * /v1/audiences/:id/history): a line of the sizes, oldest first, and the latest counts with
 * who entered and who left since the one before.
 */
import { formatCount, formatDateTime } from '../model/format.js';
import { h } from '../ui/dom.js';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 320;
const HEIGHT = 64;
const PAD = 4;
/** Counts listed under the line, newest first. */
const LISTED = 5;

function svg(tag, attrs) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/** The sizes as points across the box, the largest at the top. */
function sizeLine(sizes) {
  const max = Math.max(1, ...sizes);
  const step = sizes.length > 1 ? (WIDTH - 2 * PAD) / (sizes.length - 1) : 0;
  const points = sizes.map((s, i) => [PAD + i * step, HEIGHT - PAD - (s / max) * (HEIGHT - 2 * PAD)]);
  const chart = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'aw-history-line', role: 'img', 'aria-label': `Size over time: ${sizes.map(formatCount).join(', ')}` });
  chart.append(svg('polyline', { points: points.map((p) => p.join(',')).join(' '), fill: 'none', stroke: 'currentColor', 'stroke-width': 2 }));
  for (const [x, y] of points) chart.append(svg('circle', { cx: x, cy: y, r: 2.5, fill: 'currentColor' }));
  return chart;
}

/**
 * @param {Array<{ seq: number, at: string, size: number, entered: number, exited: number }>} counts newest first, as the service sends them
 */
export function sizeHistory(counts) {
  if (!counts.length) return h('p', { class: 'aw-muted aw-small' }, 'No counts kept yet: “Count again” keeps one.');
  const latest = counts.slice(0, LISTED);
  return h('div', { class: 'aw-history' },
    sizeLine(counts.map((c) => c.size).reverse()),
    h('ul', { class: 'aw-history-list' }, latest.map((c) => h('li', {},
      h('span', {}, formatDateTime(c.at)), ' · ',
      h('strong', {}, formatCount(c.size)),
      // The first count ever has no earlier one to differ from.
      c.seq > 1 ? h('span', { class: 'aw-muted' }, ` · +${formatCount(c.entered)} entered, −${formatCount(c.exited)} left`) : null,
    ))),
  );
}
