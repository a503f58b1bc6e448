import { describe, expect, it } from 'vitest';
import { rolesOf } from '../../src/vocabulary/roles.js';
import { event, planCatalog, property, trait } from './plan-catalog.js';

describe('the parts a workspace\'s events and traits play', () => {
  it('takes as the purchase the event that says paying and carries the money', () => {
    const roles = rolesOf(planCatalog([
      event('Subscription Purchased', 'A paid subscription was bought.', [property('Plan')]),
      event('Charged', 'A payment.', [property('Amount', 'number'), property('Payment Mode')]),
    ]));
    expect(roles.events.purchase).toEqual({ event: 'Charged', property: 'Amount', source: 'inferred' });
  });

  it('finds the money in a property named in another style or described as money', () => {
    const roles = rolesOf(planCatalog([event('PackPurchased', undefined, [property('price-eur', 'number')])]));
    expect(roles.events.purchase?.property).toBe('price-eur');
    const described = rolesOf(planCatalog([event('order.placed', undefined, [property('gross', 'number', 'Order value in GBP')])]));
    expect(described.events.purchase?.event).toBe('order.placed');
  });

  it('finds the activity, sign-up and channel events by what they say', () => {
    const roles = rolesOf(planCatalog([
      event('App Launched', 'One session of the app.'), event('accountCreated', 'A user signed up.'),
      event('Email Opened'), event('Email Clicked'), event('Notification Viewed'), event('Notification Clicked'),
    ]));
    expect(roles.events.activity?.event).toBe('App Launched');
    expect(roles.events.signup?.event).toBe('accountCreated');
    expect(roles.events.email_open?.event).toBe('Email Opened');
    expect(roles.events.email_click?.event).toBe('Email Clicked');
    expect(roles.events.push_receive?.event).toBe('Notification Viewed');
    expect(roles.events.push_open?.event).toBe('Notification Clicked');
  });

  it('gives no role on weak evidence (an event that merely says "added" is not the cart)', () => {
    const roles = rolesOf(planCatalog([event('seatAdded', 'Seats were added to the subscription.')]));
    expect(roles.events.cart_add).toBeUndefined();
  });

  it('finds traits by name in any style', () => {
    const roles = rolesOf(planCatalog([], [trait('COUNTRY'), trait('segmentTags', 'string[]'), trait('Install Date', 'datetime'), trait('DOB', 'date', 'Date of birth.')]));
    expect(roles.traits.country?.trait).toBe('COUNTRY');
    expect(roles.traits.tags?.trait).toBe('segmentTags');
    expect(roles.traits.signup_date?.trait).toBe('Install Date');
    expect(roles.traits.birth_date?.trait).toBe('DOB');
  });

  it('follows what the team set in workspace.json over the guess', () => {
    const roles = rolesOf(planCatalog(
      [event('Charged', undefined, [property('Amount', 'number')]), event('Subscription Purchased')],
      [trait('Install Date', 'datetime')],
      { purchase: { event: 'Subscription Purchased' }, signup_date: { trait: 'Install Date' } },
    ));
    expect(roles.events.purchase).toEqual({ event: 'Subscription Purchased', source: 'configured' });
    expect(roles.traits.signup_date).toEqual({ trait: 'Install Date', source: 'configured' });
  });
});
