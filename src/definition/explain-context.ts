/** Context (live) conditions in plain words: "Device is mobile", "URL parameter utm_campaign contains spring". */
import type { Comparator, ContextCondition } from './schema.js';
import { formatNumber, joinAlternatives, joinItems } from './explain-format.js';

const FIELD_WORDS: Record<ContextCondition['field'], string> = {
  device: 'Device', country: 'Visit country', city: 'Visit city', os: 'Operating system', browser: 'Browser',
  url: 'Page URL', referrer: 'Referrer', url_param: 'URL parameter', cookie: 'Cookie',
  local_time: 'Local time', day_of_week: 'Local day', session_count: 'Session count',
};
const TEXT_OP_WORDS: Record<string, string> = {
  eq: 'is', neq: 'is not', contains: 'contains', not_contains: 'does not contain',
  starts_with: 'starts with', matches: 'matches', not_matches: 'does not match',
};
const COUNT_WORDS: Record<Comparator, string> = {
  eq: 'is', neq: 'is not', gt: 'is more than', gte: 'is at least', lt: 'is less than', lte: 'is at most',
};
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function explainContext(c: ContextCondition, capital: boolean): string {
  const subject = c.field === 'url_param' || c.field === 'cookie' ? `${FIELD_WORDS[c.field]} ${c.name}` : FIELD_WORDS[c.field];
  const line = ((): string => {
    switch (c.field) {
      case 'local_time': return `${subject} is between ${c.value[0]} and ${c.value[1]}`;
      case 'day_of_week': return `${subject} is ${c.op === 'in' ? '' : 'none of '}${(c.op === 'in' ? joinAlternatives : joinItems)(c.value.map(capitalise))}`;
      case 'session_count': {
        if ((c.op === 'gte' && c.value <= 1) || (c.op === 'gt' && c.value === 0)) return 'Any visitor';
        if ((c.op === 'eq' && c.value === 1) || (c.op === 'lte' && c.value === 1) || (c.op === 'lt' && c.value === 2)) return 'New visitor (first session)';
        if ((c.op === 'gt' && c.value === 1) || (c.op === 'gte' && c.value === 2)) return 'Returning visitor (more than one session)';
        return `${subject} ${COUNT_WORDS[c.op]} ${formatNumber(c.value)}`;
      }
      default:
        switch (c.op) {
          case 'exists': return `${subject} is set`;
          case 'not_exists': return `${subject} is not set`;
          case 'in': return `${subject} is ${joinAlternatives(c.value)}`;
          case 'not_in': return `${subject} is none of ${joinItems(c.value)}`;
          default: return `${subject} ${TEXT_OP_WORDS[c.op]} ${c.value}`;
        }
    }
  })();
  return capital ? line : line.charAt(0).toLowerCase() + line.slice(1);
}
