/**
 * The words inside a catalog name, whatever its naming style: `loginSucceeded`, `Order
 * Completed`, `MSG-push`, `order.placed`, `HOME_STUDIO`, `class-type`, `trialEndsAt`.
 * Common abbreviations in names are spelled out (`msg` → message, `mrr` → monthly recurring
 * revenue) so that a prompt's words can meet them.
 */

export const NAME_ABBREVIATIONS: Record<string, string> = {
  msg: 'message', msgs: 'messages', notif: 'notification', notifs: 'notifications', qty: 'quantity', amt: 'amount',
  num: 'number', no: 'number', cnt: 'count', pct: 'percent', avg: 'average', dob: 'date of birth', ltv: 'lifetime value',
  clv: 'lifetime value', cltv: 'lifetime value', mrr: 'monthly recurring revenue', arr: 'annual recurring revenue',
  aov: 'average order value', nps: 'nps', csm: 'customer success manager', dt: 'date', ts: 'timestamp', cat: 'category',
  desc: 'description', addr: 'address', tel: 'phone', mob: 'mobile', subs: 'subscription', sub: 'subscription',
  acct: 'account', org: 'organisation', co: 'company', usr: 'user', pref: 'preference', prefs: 'preferences',
  lang: 'language', ctry: 'country', geo: 'location', src: 'source', utm: 'utm', mins: 'minutes', min: 'minutes',
  hrs: 'hours', yrs: 'years', eur: 'eur', usd: 'usd', gbp: 'gbp', pw: 'password', opt: 'opt',
};

/** Surface words of a name, lower case, in order. */
export function splitName(name: string): string[] {
  const spaced = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([a-zA-Z])(\d)/g, '$1 $2')
    .replace(/[_.\-/:#]+/g, ' ');
  return spaced.toLowerCase().split(/\s+/).filter(Boolean);
}

/** Name words with abbreviations spelled out: `MSG-push` → message push. */
export function nameWords(name: string): string[] {
  return splitName(name).flatMap((w) => (NAME_ABBREVIATIONS[w] ?? w).split(' '));
}

/** How a name reads to a person: `loginSucceeded` → "login succeeded". */
export function spacedName(name: string): string {
  return splitName(name).join(' ');
}
