/**
 * A visitor as a website or app sends it to `POST /v1/match`: who they are, what their visit
 * looks like right now, and traits the site knows. Strict: a misspelt field is an error naming
 * it, so a site learns at once that "devise" is not "device".
 */
import { z } from 'zod';
import { DEVICES } from '../definition/schema.js';

const MAX_TEXT = 2_000;
const text = (max = 200) => z.string().min(1).max(max);

/** An ISO 8601 local date-time as the visitor's device shows it; the offset, when given, is not applied. */
const LocalTime = z.string().regex(
  /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/,
  'must be a local date and time such as 2026-11-23T14:05:00 (an offset may follow)',
).refine((s) => {
  const [y, m, d] = s.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d); // not Date.UTC, which reads years 0–99 as 1900–1999
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}, 'must be a real calendar date');

const TraitValue = z.union([text(MAX_TEXT), z.number().finite(), z.boolean(), z.array(text()).max(100)], {
  error: 'must be text, a number, true or false, or a list of up to 100 texts',
});

export const VisitContext = z.strictObject({
  device: z.enum(DEVICES).optional(),
  /** The current page's full address. */
  url: z.url({ protocol: /^https?$/ }).max(MAX_TEXT).optional(),
  referrer: text(MAX_TEXT).optional(),
  /** ISO 3166-1 alpha-2, any case (`de`, `DE`). */
  country: z.string().regex(/^[A-Za-z]{2}$/, 'must be a two-letter country code such as DE').optional(),
  city: text().optional(),
  os: text().optional(),
  browser: text().optional(),
  /** Used for device, os and browser when those are not given. */
  userAgent: text(MAX_TEXT).optional(),
  localTime: LocalTime.optional(),
  cookies: z.record(text(), z.string().max(4_096)).refine((c) => Object.keys(c).length <= 100, 'must have at most 100 cookies').optional(),
  /** Sessions so far, this one included: 1 is a new visitor. */
  sessionCount: z.number().int().min(1).max(1_000_000).optional(),
});
export type VisitContext = z.infer<typeof VisitContext>;

export const VisitorInput = z.strictObject({
  /** The visitor's id: a profile's user id when they are known, any stable id when not. */
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:@+-]{0,199}$/, 'must be 1–200 letters, digits, ".", "_", ":", "@", "+" or "-"'),
  context: VisitContext.default({}),
  /** Traits the site knows for this visit (they win over recorded answers and profile traits). */
  traits: z.record(text(), TraitValue).refine((t) => Object.keys(t).length <= 100, 'must have at most 100 traits').default({}),
});
export type VisitorInput = z.infer<typeof VisitorInput>;
