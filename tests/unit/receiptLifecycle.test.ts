import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createLifecycle } from '../../utils/checkouts/lifecycle';
import { addressDigest, verifyReceipt } from '../../utils/checkouts/receipt';
import { readCheckouts } from '../../utils/checkouts/store';
import { profilesStorage } from '../../utils/profiles/storage';
import { DEFAULT_SAFETY } from '../../utils/settings/settings';
import { PRODUCT, PROFILE, startRequest } from './fixtures/purchase';
import { connectService, connectSmartcheckout, loadContext, providerAdapters, scriptedLinkAdapter } from './support/services';

const APPROVED_AT = 1_700_000_000_000;

describe('lifecycle.start writes the receipt with the record', () => {
  let posted: Record<string, unknown>[];
  let link: ReturnType<typeof scriptedLinkAdapter>;
  const lifecycle = () =>
    createLifecycle({
      now: () => APPROVED_AT,
      random: () => 0.5,
      newId: () => 'rec-1',
      isOnline: () => true,
      hasHostAccess: async () => true,
      loadContext,
      adapters: providerAdapters(
        {
          create: async (_url, userData) => (posted.push(userData), { checkoutId: 'co-1' }),
          get: async () => ({ status: 'completed', rawStatus: 'completed', amount: '58.00', currency: 'USD', notes: null }),
        },
        { shoppex: link.adapter },
      ),
      notify: async () => ({ title: '', message: '' }),
      onScheduleChange: () => {},
    });

  beforeEach(async () => {
    fakeBrowser.reset();
    posted = [];
    link = scriptedLinkAdapter();
    await connectSmartcheckout({ safety: { ...DEFAULT_SAFETY, confirmEachPurchase: false } });
    await connectService('shoppex', 'shx_test');
    await profilesStorage.set({ profiles: [PROFILE], defaultProfileId: PROFILE.id });
  });

  it('an agent purchase: the prompt exactly as sent, a valid digest, unchanged once the purchase completes', async () => {
    const life = lifecycle();
    await life.start(startRequest({ quantity: 2, instructions: 'Leave at the door.' }));
    const [record] = (await readCheckouts()).records;
    const receipt = record!.receipt!;
    expect(receipt.prompt).toBe(posted[0]!.prompt);
    expect(receipt).toMatchObject({ pageUrl: PRODUCT.url, quantity: 2, total: { amount: '58.00', currency: 'USD' }, service: 'smartcheckout', approvedAt: APPROVED_AT });
    expect(receipt.variant).toEqual({ label: 'Size M, Color Blue', id: '4242', sku: 'TS-BL-M' });
    expect(receipt.profile).toEqual({ label: 'Home', addressDigest: addressDigest(PROFILE) });
    expect(verifyReceipt(receipt)).toBe(true);

    await life.poll('rec-1');
    const [completed] = (await readCheckouts()).records;
    expect(completed!.state).toBe('completed');
    expect(completed!.receipt).toEqual(receipt);
  });

  it('a checkout link: its quote as the total, no prompt', async () => {
    await lifecycle().start({ service: 'shoppex', product: PRODUCT, quantity: 2, profileId: PROFILE.id, instructions: '', order: { sku: 'merino', amount: '57.50' } });
    const receipt = (await readCheckouts()).records[0]!.receipt!;
    expect(receipt).toMatchObject({ service: 'shoppex', total: { amount: '57.50', currency: 'USD' }, ceiling: null, prompt: '' });
    expect(verifyReceipt(receipt)).toBe(true);
  });
});
