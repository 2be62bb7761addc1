import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { defineParsedItem } from '../storage/parsedItem';

/** Whether the welcome page is finished with: done (the user reached the last step) or dismissed. Never shown again then. */
export const welcomeStorage = defineParsedItem('local:welcome', {
  schema: z.object({ finishedAt: z.nullable(z.number()) }),
  fallback: () => ({ finishedAt: null }),
  version: 1,
});

/** True when the welcome page opens by itself: on a fresh install only (not on an update), and never once finished. */
export function opensWelcome(reason: string, finishedAt: number | null): boolean {
  return reason === 'install' && finishedAt === null;
}

/** `runtime.onInstalled`: opens the welcome page on a first install. */
export async function welcomeOnInstall(reason: string): Promise<void> {
  const { finishedAt } = await welcomeStorage.get();
  if (opensWelcome(reason, finishedAt)) await browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
}

/** The welcome page is done or dismissed: it does not open by itself again (Options still links to it). */
export async function finishWelcome(now = Date.now()): Promise<void> {
  const { finishedAt } = await welcomeStorage.get();
  if (finishedAt === null) await welcomeStorage.set({ finishedAt: now });
}
