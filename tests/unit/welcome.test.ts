import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { finishWelcome, opensWelcome, welcomeOnInstall, welcomeStorage } from '../../utils/background/welcome';

describe('the welcome page', () => {
  beforeEach(() => fakeBrowser.reset());

  it.each([
    ['install', null, true],
    ['update', null, false],
    ['chrome_update', null, false],
    ['shared_module_update', null, false],
    ['install', 123, false],
  ] as const)('on %s (finished at %s): opens = %s', (reason, finishedAt, opens) => {
    expect(opensWelcome(reason, finishedAt)).toBe(opens);
  });

  it('opens on the first install only, never on an update, and never again once done or dismissed', async () => {
    const opened: string[] = [];
    fakeBrowser.tabs.onCreated.addListener((tab) => void opened.push(tab.url ?? ''));
    await welcomeOnInstall('update');
    expect(opened).toEqual([]);
    await welcomeOnInstall('install');
    expect(opened).toEqual([expect.stringMatching(/\/welcome\.html$/)]);
    await finishWelcome(42);
    expect(await welcomeStorage.get()).toEqual({ finishedAt: 42 });
    await finishWelcome(99);
    expect(await welcomeStorage.get()).toEqual({ finishedAt: 42 });
    await welcomeOnInstall('install');
    expect(opened).toHaveLength(1);
  });
});
