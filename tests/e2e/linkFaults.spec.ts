import { CREEM_MERINO_PRODUCT_ID } from '../sandbox/index.mjs';
import { expect, FRESH_PROFILE, stopServiceWorker, test } from './fixtures';
import { OptionsPage } from './pages/OptionsPage';
import { GRETE } from './seed';

interface StoredLink {
  id: string;
  state: string;
  pendingNotification: string | null;
  checkoutId: string | null;
  amount: string | null;
  currency: string | null;
  product: { url: string };
  notifications: { event: string }[];
}

type Service = 'shoppex' | 'creem';
/** What happens to the link at the service while the worker is stopped; null when the service never created one. */
type End = 'pay' | 'expire' | null;

test('chaos for checkout links: created under 5xx, 429 and slow answers, paid or expired while the worker is stopped, answers in lower case: each ends true, created and notified once', { tag: FRESH_PROFILE }, async ({ context, sandbox, extensionId, seed }) => {
  test.setTimeout(120_000);
  await seed({ services: ['shoppex', 'creem'], profiles: [GRETE] });
  const options = new OptionsPage(await context.newPage(), extensionId);
  await options.open();

  const plan: [Service, string, End][] = [
    ['shoppex', '', 'pay'],
    ['shoppex', 'get_500', 'pay'],
    ['shoppex', 'get_429', 'expire'],
    ['shoppex', 'get_slow', 'pay'],
    ['shoppex', 'lower_currency,amount_text', 'pay'],
    ['shoppex', 'post_slow', 'expire'],
    ['shoppex', 'post_slow,get_500,lower_currency', 'pay'],
    ['shoppex', 'post_500', null],
    ['shoppex', 'post_429', null],
    ['creem', 'get_500,lower_currency,cents_text', 'pay'],
    ['creem', 'get_429', 'expire'],
  ];
  const links = plan.map(([service, scenario, end], i) => ({
    service,
    scenario,
    end,
    url: `${sandbox.shopUrl}/products/merino-tee?variant=${4241 + (i % 6)}&sc_scenario=${scenario}&sc_n=${i}`,
  }));
  const created = (link: (typeof links)[number]) =>
    link.service === 'shoppex'
      ? [...sandbox.shoppex.sessions.values()].filter((s) => s.metadata.product_url === link.url)
      : [...sandbox.creem.checkouts.values()].filter((c) => c.metadata.page_url === link.url);
  const posts = (link: (typeof links)[number]) =>
    sandbox[link.service].requests.filter((r) => r.method === 'POST' && Object.values(r.body?.metadata ?? {}).includes(link.url));

  // Started together from an extension page, as several popups would.
  const profileId = GRETE.id;
  const replies = await options.page.evaluate(
    async ({ links, profileId, creemProduct }) =>
      Promise.all(
        links.map(({ service, url }) =>
          chrome.runtime.sendMessage({
            type: 'checkout:start',
            service,
            product: { url, name: 'Merino Crew T-Shirt', image: null, price: '29.00', currency: 'USD', availability: null, variant: null, sources: ['json-ld'] },
            quantity: 1,
            profileId,
            instructions: '',
            order:
              service === 'shoppex'
                ? { amount: '29.00', currency: 'USD', label: 'Merino Crew T-Shirt' }
                : { productId: creemProduct, label: 'Merino Crew T-Shirt', price: '29.00', currency: 'USD' },
          }),
        ),
      ),
    { links: links.map(({ service, url }) => ({ service, url })), profileId, creemProduct: CREEM_MERINO_PRODUCT_ID },
  );
  expect(replies.map((r: { ok: boolean; record?: { state: string } }) => (r.ok ? r.record?.state : 'refused'))).toEqual(
    links.map((link) => (link.scenario === 'post_429' ? 'refused' : link.scenario === 'post_500' ? 'outcome_unknown' : 'processing')),
  );

  // Each link is paid or expired at the service while the worker is stopped; half the time something wakes the
  // worker at once (a popup opening), otherwise its alarm has to.
  let randomSeed = 11;
  const random = () => ((randomSeed = (randomSeed * 16807) % 2147483647) / 2147483647);
  for (const link of links.filter((l) => l.end)) {
    await options.page.waitForTimeout(300 + random() * 1200);
    await stopServiceWorker(context);
    const [checkout] = created(link);
    sandbox[link.service][link.end!](checkout!.id);
    if (random() < 0.5) await options.page.evaluate(() => chrome.runtime.sendMessage({ type: 'checkout:recheck', id: 'wake-up' }));
  }

  const ended = ['paid', 'voided', 'expired', 'outcome_unknown'];
  const stored = () => options.page.evaluate(async () => ((await chrome.storage.local.get('checkouts')).checkouts ?? []) as StoredLink[]);
  // Ended, and told: a notification is shown just after the state is written.
  await expect.poll(async () => (await stored()).filter((r) => ended.includes(r.state) && r.pendingNotification === null).length, { timeout: 60_000 }).toBe(links.length - 1);

  const records = await stored();
  for (const link of links) {
    const record = records.find((r) => r.product.url === link.url);
    const sessions = created(link);
    expect(posts(link), link.url).toHaveLength(1);
    if (link.scenario === 'post_429') {
      // Refused: nothing was created, so nothing is listed or followed.
      expect(record, link.url).toBeUndefined();
      expect(sessions).toHaveLength(0);
      continue;
    }
    if (link.scenario === 'post_500') {
      expect(sessions).toHaveLength(0);
      expect([record!.state, record!.notifications.map((n) => n.event)], link.url).toEqual(['outcome_unknown', ['outcome_unknown']]);
      continue;
    }
    expect(sessions, link.url).toHaveLength(1);
    expect(record!.checkoutId).toBe(sessions[0]!.id);
    const truth = link.end === 'pay' ? 'paid' : link.service === 'shoppex' ? 'voided' : 'expired';
    expect([record!.state, record!.notifications.map((n) => n.event)], link.url).toEqual([truth, [truth === 'paid' ? 'paid' : 'ended']]);
    if (truth === 'paid') expect([record!.amount, record!.currency], link.url).toEqual(['29.00', 'USD']);
  }
});
