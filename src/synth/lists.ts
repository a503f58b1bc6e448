/**
 * The static lists a marketing team uploads (audiences.json), as in `shop/`: who came to the
 * spring in-store event, who must never be messaged, who is in the mobile app beta.
 */
import { DAY } from './clock.js';
import type { ProfileTable } from './profile-table.js';
import type { Prng } from './prng.js';
import { APP_PLATFORMS } from './vocabulary.js';

export interface StaticList {
  name: string;
  description: string;
  members: string[];
}

/** The in-store event took place about 200 days before now; only people with an account by then came. */
const SPRING_EVENT_DAYS_AGO = 200;

export function drawLists(rng: Prng, table: ProfileTable, now: number): StaticList[] {
  const spring: string[] = [];
  const blocked: string[] = [];
  const beta: string[] = [];
  const springEvent = now - SPRING_EVENT_DAYS_AGO * DAY;
  for (let i = 0; i < table.count; i++) {
    if ((table.created[i] ?? 0) < springEvent && rng.chance(0.11)) spring.push(table.userId(i));
    if (rng.chance(0.025)) blocked.push(table.userId(i));
    if ((table.platform[i] ?? 0) < APP_PLATFORMS && rng.chance(0.068)) beta.push(table.userId(i));
  }
  return [
    { name: 'Spring Sale Attendees', description: 'Customers who came to the spring in-store event', members: spring },
    { name: 'Blocklist', description: 'Customers who must never be messaged', members: blocked },
    { name: 'Beta Testers', description: 'Customers in the mobile app beta program', members: beta },
  ];
}
