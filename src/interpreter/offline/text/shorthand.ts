/**
 * How people type in a chat box, spelled out before reading: shorthand ("ppl", "w/o", "acct"),
 * contractions without their apostrophe ("havent", "isnt"), numbers glued to their unit
 * ("30d", "2wks", "6mo"), symbols ("3+", ">", "&", "#"). General English, not any workspace.
 */

/** Whole words (case-insensitive) → what they stand for. */
const WORDS: Record<string, string> = {
  ppl: 'people', peeps: 'people', ppls: 'people', folx: 'folks',
  u: 'you', ur: 'your', pls: 'please', plz: 'please', plse: 'please', thx: '', thanks: '', ty: '', tia: '',
  bc: 'because', 'b/c': 'because', cuz: 'because', coz: 'because', bcuz: 'because', bcoz: 'because',
  acct: 'account', accts: 'accounts', acc: 'account', accs: 'accounts', cust: 'customer', custs: 'customers', usr: 'user', usrs: 'users',
  mbr: 'member', mbrs: 'members', subs: 'subscribers', subscr: 'subscribers',
  smth: 'something', sth: 'something', smthg: 'something', sb: 'somebody', sm1: 'someone',
  msg: 'message', msgs: 'messages', notif: 'notification', notifs: 'notifications', notis: 'notifications', noti: 'notification',
  yr: 'year', yrs: 'years', mo: 'month', mos: 'months', mth: 'month', mths: 'months', mnth: 'month', mnths: 'months',
  wk: 'week', wks: 'weeks', hr: 'hour', hrs: 'hours', mins: 'minutes', sec: 'seconds', secs: 'seconds',
  ytd: 'this year', mtd: 'this month', qtd: 'this quarter', wtd: 'this week',
  yday: 'yesterday', yest: 'yesterday', tmrw: 'tomorrow', '2day': 'today', b4: 'before', thru: 'through', tho: 'though',
  approx: 'about', avg: 'average', tot: 'total', amt: 'amount', num: 'number', nr: 'number', qty: 'quantity', prev: 'previous',
  info: 'information', asap: '', fyi: '', tbh: '', imo: '', btw: '', idk: '', lol: '', kinda: 'kind of', sorta: 'sort of',
  gonna: 'going to', wanna: 'want to', gotta: 'have to', lemme: 'let me', gimme: 'give me',
  havent: "haven't", hasnt: "hasn't", hadnt: "hadn't", didnt: "didn't", dont: "don't", doesnt: "doesn't", isnt: "isn't",
  arent: "aren't", wasnt: "wasn't", werent: "weren't", wont: "won't", cant: "can't", couldnt: "couldn't", shouldnt: "shouldn't",
  wouldnt: "wouldn't", aint: "isn't", theyre: "they're", theyve: "they've", weve: "we've", youre: "you're", ive: "I've",
  im: "I'm", whos: 'who', thats: 'that', whats: 'what',
};

/** Written forms matched anywhere a word may stand: "w/o", "w/", "&", "#". */
const SYMBOLS: Array<[RegExp, string]> = [
  [/(^|\s)w\/o(?=\s|$|[.,;:!?])/gi, '$1without'],
  [/(^|\s)w\/out(?=\s|$|[.,;:!?])/gi, '$1without'],
  [/(^|\s)w\/in(?=\s|$|[.,;:!?])/gi, '$1within'],
  [/(^|\s)w\/(?=\s|[a-z])/gi, '$1with '],
  [/(^|\s)b\/c(?=\s|$)/gi, '$1because'],
  [/\s&\s/g, ' and '],
  [/(\w)\s*#(?=\s|$|[.,;:!?])/g, '$1 number'],
  [/(^|\s)#\s?(\d)/g, '$1number $2'],
  [/(\d)\s*\+(?=\s|$|[.,;:!?)])/g, '$1 or more'],
  [/(^|\s)>=\s?(?=[\d$€£¥])/g, '$1at least '],
  [/(^|\s)<=\s?(?=[\d$€£¥])/g, '$1at most '],
  [/(^|\s)>\s?(?=[\d$€£¥])/g, '$1more than '],
  [/(^|\s)<\s?(?=[\d$€£¥])/g, '$1less than '],
  [/(^|\s)(\d+)\s?x(?=\s|$|[.,;:!?])/gi, '$1$2 times'],
];

/** A number glued to its unit: "30d", "2wks", "6mo", "1yr", "24h", "90days". */
const GLUED_UNIT = /(^|[\s(])(\d+)(d|days?|w|wks?|weeks?|mo|mos|mths?|months?|y|yrs?|years?|h|hrs?|hours?|mins?)(?=$|[\s.,;:!?)])/gi;
const UNIT_NAMES: Record<string, string> = {
  d: 'days', day: 'days', days: 'days', w: 'weeks', wk: 'weeks', wks: 'weeks', week: 'weeks', weeks: 'weeks', mo: 'months', mos: 'months',
  mth: 'months', mths: 'months', month: 'months', months: 'months', y: 'years', yr: 'years', yrs: 'years', year: 'years', years: 'years',
  h: 'hours', hr: 'hours', hrs: 'hours', hour: 'hours', hours: 'hours', min: 'minutes', mins: 'minutes',
};

export interface Rewrite {
  from: string;
  to: string;
}

export function expandShorthand(text: string): { text: string; rewrites: Rewrite[] } {
  const rewrites: Rewrite[] = [];
  let out = text;
  for (const [pattern, to] of SYMBOLS) out = out.replace(pattern, to);
  out = out.replace(GLUED_UNIT, (m, lead: string, n: string, unit: string) => {
    const name = UNIT_NAMES[unit.toLowerCase()];
    return name ? `${lead}${n} ${name}` : m;
  });
  out = out.replace(/[\p{L}\d][\p{L}\p{M}\d'/]*/gu, (word) => {
    const key = word.toLowerCase();
    if (!(key in WORDS)) return word;
    const to = WORDS[key]!;
    if (to.toLowerCase() !== key && /[a-z]{3,}/i.test(word) && !/'/.test(to)) rewrites.push({ from: word, to: to || '(nothing)' });
    return to;
  });
  return { text: out.replace(/\s+/g, ' ').trim(), rewrites };
}
