import type { Page } from '@playwright/test';

/** The welcome page a first install opens, driven by what it shows. */
export class WelcomePage {
  constructor(readonly page: Page) {}

  step(name: RegExp | string) {
    return this.page.getByRole('region', { name });
  }

  /** "Open the demo product page": the demo shop tab it opens. */
  async openDemoPage(): Promise<Page> {
    const opened = this.page.context().waitForEvent('page', { predicate: (p) => p.url().includes('/demo.html') });
    await this.step('3. Buy something').getByRole('button', { name: 'Open the demo product page' }).click();
    const demo = await opened;
    await demo.waitForLoadState();
    return demo;
  }
}
