import { describe, expect, it } from 'vitest';
import { matchEvents } from '../../src/vocabulary/match-events.js';
import { termsOf, textWords, vocabularyOf } from '../../src/vocabulary/vocabulary.js';
import { event, planCatalog } from './plan-catalog.js';

const q = (acts: string, things = '') => ({ acts: termsOf(textWords(acts)), things: termsOf(textWords(things)) });

const streaming = vocabularyOf(planCatalog([
  event('App Launched', 'The app or the web player was opened: one session.'),
  event('Video Started', "Playback of a video started: one view. This is what 'watched' or 'viewed a video' means."),
  event('Video Completed', 'The viewer watched a video to the end (finished it).'),
  event('Notification Viewed', 'A push notification was shown on the device (received).'),
  event('Notification Clicked', 'The user tapped a push notification.'),
  event('Email Opened'), event('Email Clicked'),
  event('Charged', 'A payment: a subscription payment or a movie rental.'),
  event('Subscription Purchased'), event('Subscription Cancelled'), event('App Uninstalled'),
]));

const tasks = vocabularyOf(planCatalog([
  event('accountCreated', 'A user created their account (signed up).'),
  event('loginSucceeded'), event('reportExported'), event('invoicePaid'), event('inviteSent'),
  event('webinarRegistered'), event('webinarAttended'), event('taskCompleted'), event('taskCreated'), event('supportTicketOpened'),
]));

const best = (v: typeof streaming, acts: string, things = '') => matchEvents(v, q(acts, things))[0]?.event;

describe('finding the event a phrase names, whatever the workspace calls it', () => {
  it('takes what the description says people call an event ("watched" is a video started)', () => {
    expect(best(streaming, 'watched', 'video')).toBe('Video Started');
  });

  it('does not take an event whose name says the contrary act ("completed" is not "started")', () => {
    expect(best(streaming, 'completed', 'videos')).toBe('Video Completed');
    expect(matchEvents(streaming, q('completed', 'videos')).map((m) => m.event)).not.toContain('Video Started');
  });

  it('reads camelCase names as words', () => {
    expect(best(tasks, 'exported', 'a report')).toBe('reportExported');
    expect(best(tasks, 'paid', 'invoices')).toBe('invoicePaid');
    expect(best(tasks, 'logged in')).toBe('loginSucceeded');
    expect(best(tasks, 'attended', 'webinar')).toBe('webinarAttended');
  });

  it('prefers the event that says no more than the phrase ("signed up" is the account, not the webinar)', () => {
    expect(best(tasks, 'signed up')).toBe('accountCreated');
  });

  it('refuses an event whose words do not say the thing acted on', () => {
    expect(matchEvents(streaming, q('opened', 'email')).map((m) => m.event)).not.toContain('App Launched');
    expect(best(streaming, 'opened', 'the app')).toBe('App Launched');
  });

  it('reads general words for a thing ("a film" is a video)', () => {
    expect(best(streaming, 'finished', 'a film')).toBe('Video Completed');
  });

  it('finds nothing for an act the workspace does not track', () => {
    expect(matchEvents(tasks, q('rented', 'a car'))).toEqual([]);
  });
});
