import { expect, test } from './fixtures';

test.use({ lang: 'de' });

test('in a German browser the whole flow speaks German: options, profile, popup, status and toolbar title', async ({ context, sandbox, extensionId, clickAction, serviceWorker }) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByRole('heading', { level: 1 })).toHaveText('Smartcheckout-Optionen');
  const smartcheckout = options.getByRole('group', { name: 'Smartcheckout', exact: true });
  await smartcheckout.getByLabel('API-Schlüssel').fill(sandbox.apiKey);
  await smartcheckout.getByLabel('API-Basis-URL').fill(sandbox.apiUrl);
  await smartcheckout.getByRole('button', { name: 'Speichern', exact: true }).click();
  await expect(smartcheckout.getByText('Einstellungen gespeichert.')).toBeVisible();

  // A wrong postal code is explained in German, next to its field.
  await options.getByLabel('Vorname').fill('Grace');
  await options.getByLabel('Nachname').fill('Hopper');
  await options.getByLabel('E-Mail').fill('grace@example.com');
  await options.getByLabel('Land', { exact: true }).selectOption('DE');
  await options.getByLabel('Adresszeile 1').fill('Unter den Linden 1');
  await options.getByLabel('Ort', { exact: true }).fill('Berlin');
  await options.getByLabel('Postleitzahl').fill('1011');
  await options.getByRole('button', { name: 'Profil speichern' }).click();
  await expect(options.getByText('Die Postleitzahl muss so aussehen: 10115')).toBeVisible();
  await options.getByLabel('Postleitzahl').fill('10117');
  await options.getByRole('button', { name: 'Profil speichern' }).click();
  await expect(options.getByText('Profil „Zuhause“ gespeichert.')).toBeVisible();

  const shop = await context.newPage();
  await shop.goto(`${sandbox.shopUrl}/products/merino-tee?variant=4242`);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${await clickAction(shop)}`);
  await expect(popup.getByRole('region', { name: 'Produkt' })).toContainText('Variante: Size M, Color Blue');
  await expect(popup.getByLabel('Versandprofil')).toHaveValue(/.+/);
  // The price watch form speaks German too, down to its mandate.
  await popup.getByRole('button', { name: 'Preis beobachten' }).click();
  await popup.getByRole('radio', { name: 'Automatisch kaufen bei oder unter dem Zielpreis' }).check();
  await expect(popup.getByRole('note')).toContainText('Sie erlauben genau einen Kauf');
  await popup.getByRole('button', { name: 'Abbrechen' }).click();
  await popup.getByLabel('Menge').fill('1');
  await popup.getByRole('button', { name: 'Mit Smartcheckout kaufen' }).click();
  await popup.getByRole('region', { name: 'Kauf bestätigen' }).getByRole('button', { name: 'Kauf bestätigen' }).click();
  await expect(popup.getByRole('status')).toContainText('Abgeschlossen: 29.00 USD');

  const worker = await serviceWorker();
  expect(await worker.evaluate(() => chrome.action.getTitle({}))).toBe('Mit Smartcheckout kaufen');
  const titles = () => worker.evaluate(async () => ((await chrome.storage.local.get('checkouts')).checkouts as { notifications: { title: string }[] }[]).map((r) => r.notifications.map((n) => n.title)));
  await expect.poll(titles).toEqual([['Kauf abgeschlossen']]);
  // What the agent reads stays in English: the prompt is part of the API contract, not the interface.
  expect(sandbox.api.requests.find((r) => r.method === 'POST')!.body.user_data.prompt).toMatch(/^Product, as the shop page describes it .*variant "Size M, Color Blue"/);
});
