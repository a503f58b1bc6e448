/**
 * Sizes a workspace: how often people visit and how widely campaigns are sent so that the
 * events come to about `eventsPerProfile` per profile. At `shop/`'s size (~111 per profile)
 * every subscriber gets every campaign; smaller sizes send each campaign to a share of them.
 */
import { DAY } from './clock.js';
import { type CampaignSend, expectedCampaignEvents } from './campaigns.js';
import type { ProfileTable } from './profile-table.js';
import { EVENTS_PER_SESSION } from './sessions.js';

export const SHOP_EVENTS_PER_PROFILE = 111;

export interface Sizing {
  visitRate: number;
  campaignShare: number;
}

export function sizeWorkspace(
  table: ProfileTable, sends: readonly CampaignSend[], yearStart: number, now: number, eventsPerProfile: number,
): Sizing {
  const campaignShare = Math.min(1, eventsPerProfile / SHOP_EVENTS_PER_PROFILE);
  const campaignEvents = expectedCampaignEvents(table, sends) * campaignShare;
  let signupEvents = 0;
  let activityDays = 0;
  for (let i = 0; i < table.count; i++) {
    const created = table.created[i] ?? 0;
    if (created >= yearStart) signupEvents += 1 + EVENTS_PER_SESSION;
    const from = Math.max(created, yearStart);
    const until = Math.min(table.churnAt[i] ?? 0, now);
    if (until > from) activityDays += ((table.activity[i] ?? 0) * (until - from)) / DAY;
  }
  const visitEvents = eventsPerProfile * table.count - campaignEvents - signupEvents;
  const visitRate = activityDays > 0 ? Math.max(0, visitEvents / (EVENTS_PER_SESSION * activityDays)) : 0;
  return { visitRate, campaignShare };
}
