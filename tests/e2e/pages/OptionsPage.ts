import { expect, type Page } from '@playwright/test';

export interface ProfileInput {
  label?: string;
  firstName: string;
  lastName: string;
  email: string;
  phone?: string;
  address1: string;
  address2?: string;
  city: string;
  province?: string;
  postalCode: string;
  /** Country name as listed, e.g. "United Kingdom". */
  country: string;
}

export const ADA: ProfileInput = {
  label: 'Home',
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.com',
  phone: '+44 20 7123 4567',
  address1: "12 St James's Square",
  address2: 'Flat 3',
  city: 'London',
  postalCode: 'SW1Y 4JH',
  country: 'United Kingdom',
};

/** The options page, driven by its visible labels. */
export class OptionsPage {
  constructor(
    readonly page: Page,
    private readonly extensionId: string,
  ) {}

  async open() {
    await this.page.goto(`chrome-extension://${this.extensionId}/options.html`);
    await expect(this.page.getByRole('heading', { name: 'Smartcheckout options' })).toBeVisible();
  }

  /** One checkout service's group in "Checkout services" ("Smartcheckout", "Shoppex", "Creem", "Diddo"). */
  service(name: string) {
    return this.page.getByRole('group', { name, exact: true });
  }

  /** Enters a service's key and base URL (and, for Diddo, its checkout page) and saves them. */
  async connect(name: string, settings: { apiKey: string; baseUrl: string; checkoutUrl?: string }) {
    const group = this.service(name);
    await group.getByLabel('API key').fill(settings.apiKey);
    await group.getByLabel('API base URL').fill(settings.baseUrl);
    if (settings.checkoutUrl) await group.getByLabel('Checkout page URL').fill(settings.checkoutUrl);
    await group.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(group.getByText('Settings saved.')).toBeVisible();
  }

  async saveConnection(apiKey: string, baseUrl: string) {
    await this.connect('Smartcheckout', { apiKey, baseUrl });
  }

  async saveProfile(profile: ProfileInput) {
    await fillProfile(this.page, profile);
  }

  /** Sets a limit ("Maximum price per purchase", "Daily spending limit", "30-day spending limit") and waits until it is saved. */
  async setLimit(label: string, amount: string, currency: string) {
    await this.page.getByLabel(label, { exact: true }).fill(amount);
    await this.page.getByLabel(`${label} currency`).fill(currency);
    await expect(this.page.getByText('Safety settings saved.')).toBeVisible();
  }

  /** Turns "Ask me to confirm each purchase" off (or on) and waits until it is saved. */
  async askToConfirm(on: boolean) {
    await this.page.getByLabel('Ask me to confirm each purchase').setChecked(on);
    await expect(this.page.getByText('Safety settings saved.')).toBeVisible();
  }

  /** API key, sandbox base URL and one profile: what a user does once after installing. */
  async configure(apiKey: string, baseUrl: string, profile: ProfileInput = ADA) {
    await this.open();
    await this.saveConnection(apiKey, baseUrl);
    await this.saveProfile(profile);
    await expect(this.page.getByText(`Profile “${profile.label ?? 'Home'}” saved.`)).toBeVisible();
  }
}

/** Fills the address profile form by its labels (Options, welcome page) and saves it. */
export async function fillProfile(p: Page, profile: ProfileInput) {
  if (profile.label) await p.getByLabel('Label').fill(profile.label);
  await p.getByLabel('First name').fill(profile.firstName);
  await p.getByLabel('Last name').fill(profile.lastName);
  await p.getByLabel('Email').fill(profile.email);
  await p.getByLabel('Phone').fill(profile.phone ?? '');
  await p.getByLabel('Address line 1').fill(profile.address1);
  await p.getByLabel('Address line 2').fill(profile.address2 ?? '');
  await p.getByLabel('City').fill(profile.city);
  // The country decides whether State / province is a list or free text, so it goes first.
  await p.getByLabel('Country').selectOption({ label: profile.country });
  const province = p.getByLabel('State / province');
  if ((await province.evaluate((el) => el.tagName)) === 'SELECT') await province.selectOption(profile.province ?? '');
  else await province.fill(profile.province ?? '');
  await p.getByLabel('Postal code').fill(profile.postalCode);
  await p.getByRole('button', { name: 'Save profile' }).click();
}
