import { expect, type Page } from '@playwright/test';

/** The toolbar popup, opened as `popup.html?tabId=N` for the tab the user clicked the button on. */
export class PopupPage {
  constructor(
    readonly page: Page,
    private readonly extensionId: string,
  ) {}

  async open(tabId: number) {
    await this.page.goto(`chrome-extension://${this.extensionId}/popup.html?tabId=${tabId}`);
  }

  get status() {
    return this.page.getByRole('status');
  }

  get productCard() {
    return this.page.getByRole('region', { name: 'Product' });
  }

  get recentPurchases() {
    return this.page.getByRole('region', { name: 'Recent purchases' });
  }

  get confirmation() {
    return this.page.getByRole('region', { name: 'Confirm purchase' });
  }

  /** The hand-off of a checkout link: the link, "Open checkout", "Copy link", "Show QR code". */
  get handoff() {
    return this.page.getByRole('region', { name: 'Checkout link' });
  }

  /** Chooses the service (shown when more than one is connected). */
  async chooseService(name: string) {
    await this.page.getByLabel('Checkout service').selectOption({ label: name });
  }

  /** Clicks "Create checkout link" and waits for the hand-off; returns the page the customer pays on, opened by "Open checkout". */
  async createLink(options: { quantity?: number; profile?: string } = {}) {
    if (options.profile) await this.page.getByLabel('Shipping profile').selectOption({ label: options.profile });
    if (options.quantity !== undefined) await this.page.getByLabel('Quantity').fill(String(options.quantity));
    await this.page.getByRole('button', { name: 'Create checkout link' }).click();
    await expect(this.handoff).toBeVisible();
    await expect(this.status).toContainText('Waiting for payment');
  }

  /** "Open checkout": the tab the extension opens for the customer. */
  async openCheckout() {
    const opened = this.page.context().waitForEvent('page');
    await this.handoff.getByRole('button', { name: 'Open checkout' }).click();
    const page = await opened;
    await page.waitForLoadState();
    return page;
  }

  get confirmButton() {
    return this.confirmation.getByRole('button', { name: 'Confirm purchase' });
  }

  get buyButton() {
    return this.page.getByRole('button', { name: 'Buy via Smartcheckout' });
  }

  /** The prompt the confirmation shows, exactly as the agent will receive it. */
  get promptShown() {
    return this.confirmation.locator('pre');
  }

  /** Records every text the status line shows from now on; returns a function that reads them. */
  async recordStatus(): Promise<() => Promise<string[]>> {
    await this.page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { statusSeen: string[] }).statusSeen = seen;
      const status = document.querySelector('[role="status"]')!;
      const note = () => {
        const text = status.textContent ?? '';
        if (text && seen[seen.length - 1] !== text) seen.push(text);
      };
      note();
      new MutationObserver(note).observe(status, { childList: true, characterData: true, subtree: true });
    });
    return () => this.page.evaluate(() => [...(window as unknown as { statusSeen: string[] }).statusSeen]);
  }

  /** Fills the form and clicks "Buy via Smartcheckout"; then "Confirm purchase" unless `confirm` is false. */
  async buy(options: { quantity?: number; instructions?: string; profile?: string; confirm?: boolean } = {}) {
    if (options.profile) await this.page.getByLabel('Shipping profile').selectOption({ label: options.profile });
    if (options.instructions !== undefined) await this.page.getByLabel('Instructions').fill(options.instructions);
    if (options.quantity !== undefined) await this.page.getByLabel('Quantity').fill(String(options.quantity));
    await this.page.getByRole('button', { name: 'Buy via Smartcheckout' }).click();
    if (options.confirm !== false) await this.confirmation.getByRole('button', { name: 'Confirm purchase' }).click();
  }
}
