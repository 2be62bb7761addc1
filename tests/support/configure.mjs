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

/**
 * Opens the options page in `page`, enters the sandbox's key and URL, saves a sample profile, and
 * leaves the page open. The browser must run in English (the labels are the English ones).
 * @param {import('@playwright/test').Page} page
 * @param {string} extensionId
 * @param {{ apiKey: string, apiUrl: string }} sandbox
 */
export async function configureForSandbox(page, extensionId, sandbox) {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const smartcheckout = page.getByRole('group', { name: 'Smartcheckout', exact: true });
  await smartcheckout.getByLabel('API key').fill(sandbox.apiKey);
  await smartcheckout.getByLabel('API base URL').fill(sandbox.apiUrl);
  await smartcheckout.getByRole('button', { name: 'Save', exact: true }).click();
  for (const [label, value] of Object.entries(SAMPLE_PROFILE)) await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByLabel('Country', { exact: true }).selectOption('GB');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await page.getByText('Profile “Home” saved.').waitFor();
}
