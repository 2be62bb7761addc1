import AxeBuilder from '@axe-core/playwright';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { canonicalJson } from '../../utils/checkouts/digest';
import { expect, storedCheckouts, test } from './fixtures';
import { OptionsPage } from './pages/OptionsPage';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

test('the history shows what was approved beside what was reported, flags a difference, and exports a receipt whose digest verifies', async ({ context, sandbox, extensionId, shopPopup, seed }) => {
  test.setTimeout(120_000);
  await seed();
  const first = await shopPopup(`${sandbox.shopUrl}/products/merino-tee?variant=4242`);
  await first.popup.buy({ instructions: 'Gift wrap, please.' });
  await expect(first.popup.status).toContainText('Completed: 29.00 USD');
  // The service reports an amount that cannot be read: a difference from what was approved.
  const second = await shopPopup(`${sandbox.shopUrl}/products/merino-tee?variant=4243&sc_amount=abc`);
  await second.popup.buy();
  await expect(second.popup.status).toContainText('Completed');

  const options = new OptionsPage(await context.newPage(), extensionId);
  await options.open();
  const history = options.page.locator('#purchases');
  const good = history.getByRole('listitem').filter({ hasText: 'Completed: 29.00 USD' });
  const odd = history.getByRole('listitem').filter({ hasNotText: 'Completed: 29.00 USD' });

  // Nothing differs: the receipt is there, closed, until asked for.
  const goodTable = good.getByRole('table', { name: 'What you approved, beside what the service reported' });
  await expect(goodTable).toBeHidden();
  await good.getByText('What you approved', { exact: true }).click();
  await expect(goodTable).toBeVisible();
  await expect(goodTable.getByRole('row', { name: /^Product/ })).toContainText('Merino Crew T-Shirt');
  await expect(goodTable.getByRole('row', { name: /^Total/ })).toContainText('29.00 USD');
  await expect(goodTable.getByRole('row', { name: /^Instructions sent to the agent/ })).toContainText('Gift wrap, please.');
  await expect(good.getByText('Different')).toHaveCount(0);

  // A difference opens the receipt by itself and is said in words, beside the reported value.
  await expect(odd.getByRole('table')).toBeVisible();
  await expect(odd).toContainText('What you approved · 1 difference');
  await expect(odd).toContainText('The amount the service reported could not be read: “abc USD”.');
  await expect(odd.getByRole('row', { name: /^Total/ })).toContainText('Different');
  // Both receipts open, in light and dark: no serious or critical accessibility violations.
  for (const colorScheme of ['light', 'dark'] as const) {
    await options.page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page: options.page }).include('#purchases').analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`), colorScheme).toEqual([]);
  }

  const [goodId] = (await storedCheckouts(options.page)).filter((r) => r.amount === '29.00').map((r) => r.id);
  const downloading = options.page.waitForEvent('download');
  await good.getByRole('button', { name: 'Export receipt' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`receipt-${goodId}.json`);
  const exported = JSON.parse(await readFile(await download.path(), 'utf8'));

  // Anyone can check the digest: SHA-256 over the canonical JSON of every other field.
  const { digest, ...approved } = exported.receipt;
  expect(digest).toBe(sha256(canonicalJson(approved)));
  const post = sandbox.api.requests.find((r) => r.method === 'POST' && r.body.url.includes('variant=4242'))!;
  expect(approved.prompt).toBe(post.body.user_data.prompt);
  expect(approved.profile).toEqual({ label: 'Home', addressDigest: sha256(canonicalJson(post.body.user_data.shipping_address)) });
  expect(JSON.stringify(exported)).not.toContain('Lovelace');
  expect(exported.reported).toMatchObject({ state: 'completed', amount: '29.00', currency: 'USD' });
  expect(exported.differences).toEqual([]);
});
