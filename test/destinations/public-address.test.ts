/** Webhooks go to public addresses only, unless the service is told it may post inside its network. */
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { MemoryAudienceHistoryStore } from '../../src/audiences/history/memory-history-store.js';
import { Destinations } from '../../src/destinations/destinations.js';
import { MemoryDestinationStore } from '../../src/destinations/memory-destination-store.js';
import { isPublicAddress, privateHostReason } from '../../src/destinations/public-address.js';

describe('a webhook address', () => {
  it('is public unless loopback, private, link-local or otherwise reserved', () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '172.16.0.9', '192.168.1.1', '169.254.169.254', '0.0.0.0', '::1', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1']) expect(isPublicAddress(a), a).toBe(false);
    for (const a of ['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111']) expect(isPublicAddress(a), a).toBe(true);
  });

  it('says why a URL on the service\'s own network is refused', async () => {
    expect(await privateHostReason('http://127.0.0.1:9/hook')).toMatch(/private or local address \(127\.0\.0\.1\)/);
    expect(await privateHostReason('http://localhost/hook')).toMatch(/private or local/);
    expect(await privateHostReason('http://[::1]/hook')).toMatch(/private or local/);
    expect(await privateHostReason('https://93.184.216.34/hook')).toBeUndefined();
  });

  it('connecting one on a private address is refused unless allowed', async () => {
    const make = (allowPrivateHosts: boolean) => new Destinations({ store: new MemoryDestinationStore(), history: new MemoryAudienceHistoryStore(), allowPrivateHosts, logger: pino({ level: 'silent' }) });
    await expect(make(false).connect('acme', { id: 'a1', name: 'VIP' }, { type: 'webhook', url: 'http://169.254.169.254/latest' })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(make(true).connect('acme', { id: 'a1', name: 'VIP' }, { type: 'webhook', url: 'http://127.0.0.1:9/hook' })).resolves.toMatchObject({ type: 'webhook', secret: expect.any(String) });
  });
});
