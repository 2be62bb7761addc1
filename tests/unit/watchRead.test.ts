// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectionOf } from '../../utils/product/detectInTab';
import { productPage } from '../sandbox/shop.mjs';
import { findProduct } from '../sandbox/catalogue.mjs';
import { MAX_PAGE_CHARS, readHtml } from '../../utils/watch/readHtml';
import { describeWatchNotification, parseWatchNotificationId, watchNotificationId } from '../../utils/background/watchNotifications';
import { createWatch } from '../../utils/watch/manage';
import { DEFAULT_SAFETY } from '../../utils/settings/settings';
import { PRODUCT, PROFILE } from './fixtures/purchase';

describe('reading a fetched page', () => {
  it('reads the product with the same detector and schema as a tab’s page, without running its scripts', () => {
    const url = 'http://127.0.0.1:8788/products/merino-tee?variant=4242';
    const html = productPage(findProduct('merino-tee'), 'http://127.0.0.1:8788', new URLSearchParams('variant=4242')).replace('</body>', '<script>document.title = "changed by a script"</script></body>');
    const report = readHtml(html, url);
    expect(JSON.parse(report!).title).toBe('Merino Crew T-Shirt – Demo Shop');
    const detection = detectionOf(report);
    expect(detection).toMatchObject({ kind: 'product', product: { name: 'Merino Crew T-Shirt', price: '29.00', currency: 'USD', variant: { id: '4242', sku: 'MT-BL-M' } } });
  });

  it('does not read a page larger than a product page needs', () => {
    expect(readHtml(`<title>x</title>${' '.repeat(MAX_PAGE_CHARS)}`, 'https://shop.example/p')).toBeNull();
  });
});

describe('a watch’s notifications', () => {
  const created = createWatch({ watches: [], sites: {} }, { product: PRODUCT, target: { amount: '25.00', currency: 'USD' }, quantity: 1, profileId: PROFILE.id, instructions: '', mode: 'buy', until: Date.now() + 86_400_000 }, { profile: PROFILE, safety: DEFAULT_SAFETY, now: Date.now(), id: 'w1' });
  const watch = created.ok ? { ...created.watch, lastPrice: { amount: '24.00', currency: 'USD' } } : null;

  it('say the price, and that it was bought under the watch within its mandate', () => {
    expect(describeWatchNotification(watch!, 'at_target', '').message).toBe('Merino Tee now costs 24.00 USD (your target: 25.00 USD).');
    expect(describeWatchNotification(watch!, 'bought', '')).toEqual({
      title: 'Bought under your price watch',
      message: 'Merino Tee at 24.00 USD: the purchase has started under your price watch (at most 40.00 USD in all).',
    });
  });

  it('are told apart from purchase notifications by their id', () => {
    expect(parseWatchNotificationId(watchNotificationId('w1', 'at_target'))).toEqual({ watchId: 'w1', event: 'at_target' });
    expect(parseWatchNotificationId('checkout:r1:completed')).toBeNull();
  });
});
