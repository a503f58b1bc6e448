/** Reachability per channel as a small bar chart; the numbers are text, so they are read out too. */
import { formatCount, formatShare, humanize } from '../model/format.js';
import { h, uid } from './dom.js';

/** Channel keys as people write them; unknown ones humanized. */
const NAMES = { email: 'Email', sms: 'SMS', push: 'Push', line: 'LINE', whatsapp: 'WhatsApp', web: 'Web', ads: 'Ads' };
const channelName = (key) => NAMES[key.toLowerCase()] ?? humanize(key);

/**
 * @param {Record<string, number>} reachability channel → members reachable
 * @param {number} size the audience's size (bars are shares of it)
 */
export function reachChart(reachability, size) {
  const id = uid('aw-reach');
  const channels = Object.entries(reachability ?? {});
  if (!channels.length) return h('p', { class: 'aw-muted' }, 'No channels are set up for this workspace.');
  return h(
    'figure',
    { class: 'aw-reach', 'aria-labelledby': id },
    h('figcaption', { id, class: 'aw-subhead' }, 'Reachable by channel'),
    h(
      'ul',
      { class: 'aw-reach-list' },
      channels.map(([channel, n]) => {
        const fill = h('span', { class: 'aw-reach-fill' });
        fill.style.width = `${size > 0 ? Math.round((n / size) * 100) : 0}%`;
        return h(
          'li',
          { class: 'aw-reach-row' },
          h('span', { class: 'aw-reach-name' }, channelName(channel)),
          h('span', { class: 'aw-reach-track', 'aria-hidden': 'true' }, fill),
          h('span', { class: 'aw-reach-num' }, `${formatCount(n)} (${formatShare(n, size)})`),
        );
      }),
    ),
  );
}
