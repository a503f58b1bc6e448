/**
 * The shop's marketing calendar and what each send produces. As in `shop/`: a campaign every
 * second Tuesday at 09:00 UTC, by email to everyone subscribed, by push every other campaign and
 * by SMS every fourth; opens, clicks and coupon claims follow within hours.
 */
import { DAY, HOUR, MINUTE } from './clock.js';
import { Kind } from './event-kinds.js';
import type { GenerationContext } from './generation-context.js';
import { type ProfileTable, REACH_EMAIL, REACH_PUSH, REACH_SMS } from './profile-table.js';
import { CAMPAIGNS, CLAIMABLE_COUPONS } from './vocabulary.js';

export interface CampaignSend {
  at: number;
  /** Index into CAMPAIGNS. */
  campaign: number;
  email: boolean;
  push: boolean;
  sms: boolean;
}

const TUESDAY = 2;
const EMAIL_OPENS = 0.3;
const EMAIL_CLICKS = 0.3;
const CLAIMS_AFTER_OPEN = 0.45;
const PUSH_OPENS = 0.18;
const SMS_CLICKS = 0.125;
/** People who stopped visiting still get messages but rarely open them. */
const CHURNED_ENGAGEMENT = 0.3;

export function campaignCalendar(yearStart: number, now: number): CampaignSend[] {
  const startDay = Math.ceil((yearStart - 9 * HOUR) / DAY);
  const weekday = new Date(startDay * DAY * 1000).getUTCDay();
  let at = (startDay + ((TUESDAY - weekday + 7) % 7)) * DAY + 9 * HOUR;
  const sends: CampaignSend[] = [];
  for (let k = 0; at < now; k++, at += 14 * DAY) {
    sends.push({ at, campaign: k % CAMPAIGNS.length, email: true, push: k % 2 === 0, sms: k % 4 === 1 });
  }
  return sends;
}

const PROMOTION_SHARE = CAMPAIGNS.filter((c) => c.type === 'promotion').length / CAMPAIGNS.length;
/** Events a send is expected to produce per reached person, by channel (used to size visits). */
const EVENTS_PER_EMAIL = 1 + EMAIL_OPENS * (1 + EMAIL_CLICKS + CLAIMS_AFTER_OPEN * PROMOTION_SHARE);
const EVENTS_PER_PUSH = 1 + PUSH_OPENS;
const EVENTS_PER_SMS = 1 + SMS_CLICKS;

/** Expected number of campaign events over all profiles when every reachable person gets every send. */
export function expectedCampaignEvents(table: ProfileTable, sends: readonly CampaignSend[]): number {
  let total = 0;
  for (let i = 0; i < table.count; i++) {
    const reach = table.reach[i] ?? 0;
    if (reach === 0) continue;
    const created = table.created[i] ?? 0;
    for (const send of sends) {
      if (send.at < created) continue;
      if (send.email && reach & REACH_EMAIL) total += EVENTS_PER_EMAIL;
      if (send.push && reach & REACH_PUSH) total += EVENTS_PER_PUSH;
      if (send.sms && reach & REACH_SMS) total += EVENTS_PER_SMS;
    }
  }
  return total;
}

export function sendCampaign(ctx: GenerationContext, send: CampaignSend): void {
  const { rng, table, buffer } = ctx;
  const { at, campaign } = send;
  const promotion = CAMPAIGNS[campaign]?.type === 'promotion';
  for (let i = 0; i < table.count; i++) {
    const reach = table.reach[i] ?? 0;
    if (reach === 0 || (table.created[i] ?? 0) > at || !rng.chance(ctx.campaignShare)) continue;
    const engagement = at > (table.churnAt[i] ?? 0) ? CHURNED_ENGAGEMENT : 1;
    if (send.email && reach & REACH_EMAIL) {
      buffer.add(at, Kind.EmailDelivered, i, campaign);
      if (rng.chance(EMAIL_OPENS * engagement)) {
        const opened = at + HOUR * (1 + Math.min(47, Math.floor(rng.exponential(5))));
        buffer.add(opened, Kind.EmailOpened, i, campaign);
        if (rng.chance(EMAIL_CLICKS)) buffer.add(opened + 2 * MINUTE, Kind.EmailLinkClicked, i, campaign);
        if (promotion && rng.chance(CLAIMS_AFTER_OPEN)) {
          const coupon = rng.int(CLAIMABLE_COUPONS);
          buffer.add(opened, Kind.CouponClaimed, i, coupon, campaign);
          table.coupon[i] = coupon + 1;
          table.couponAt[i] = opened;
        }
      }
    }
    if (send.push && reach & REACH_PUSH) {
      buffer.add(at, Kind.PushReceived, i, campaign);
      if (rng.chance(PUSH_OPENS * engagement)) buffer.add(at + MINUTE * rng.between(1, 240), Kind.PushOpened, i, campaign);
    }
    if (send.sms && reach & REACH_SMS) {
      buffer.add(at, Kind.SmsDelivered, i, campaign);
      if (rng.chance(SMS_CLICKS * engagement)) buffer.add(at + MINUTE * rng.between(1, 120), Kind.SmsLinkClicked, i, campaign);
    }
  }
}
