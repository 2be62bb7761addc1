// Configures the extension for the sandbox the way a person does: through its options page.
// Shared by `npm start` and `npm run bench`.

/** A sample shipping profile, as typed into the options page (labels → values). */
export const SAMPLE_PROFILE = {
  'First name': 'Ada',
  'Last name': 'Lovelace',
  Email: 'ada@example.com',
  Phone: '+44 20 7123 4567',
  'Address line 1': "12 St James's Square",
  'Address line 2': 'Flat 3',
  City: 'London',
  'Postal code': 'SW1Y 4JH',
};

/** Each service's group in Options, and what the sandbox gives it. */
const CONNECTIONS = {
  smartcheckout: (sandbox) => ({ name: 'Smartcheckout', apiKey: sandbox.apiKey, baseUrl: sandbox.apiUrl }),
  shoppex: (sandbox) => ({ name: 'Shoppex', apiKey: sandbox.shoppex.apiKey, baseUrl: sandbox.shoppex.baseUrl }),
  creem: (sandbox) => ({ name: 'Creem', apiKey: sandbox.creem.apiKey, baseUrl: sandbox.creem.baseUrl }),
  diddo: (sandbox) => ({ name: 'Diddo', apiKey: sandbox.diddo.apiKey, baseUrl: sandbox.diddo.baseUrl, checkoutUrl: sandbox.diddo.checkoutBase }),
};
export const SERVICES = Object.keys(CONNECTIONS);

/**
 * Opens the options page in `page`, connects `service` to the sandbox, saves a sample profile, and
 * leaves the page open. The browser must run in English (the labels are the English ones).
 * @param {import('@playwright/test').Page} page
 * @param {string} extensionId
 * @param {any} sandbox what `startSandbox()` returned
 * @param {'smartcheckout' | 'shoppex' | 'creem' | 'diddo'} [service]
 */
export async function configureForSandbox(page, extensionId, sandbox, service = 'smartcheckout') {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const connection = CONNECTIONS[service](sandbox);
  const group = page.getByRole('group', { name: connection.name, exact: true });
  await group.getByLabel('API key').fill(connection.apiKey);
  await group.getByLabel('API base URL').fill(connection.baseUrl);
  if (connection.checkoutUrl) await group.getByLabel('Checkout page URL').fill(connection.checkoutUrl);
  await group.getByRole('button', { name: 'Save', exact: true }).click();
  await group.getByText('Settings saved.').waitFor();
  for (const [label, value] of Object.entries(SAMPLE_PROFILE)) await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByLabel('Country', { exact: true }).selectOption('GB');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await page.getByText('Profile “Home” saved.').waitFor();
}
