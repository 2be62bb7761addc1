import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { connectedServices, connectionOf, preferredService } from '../../utils/settings/connections';
import { disconnectService, readServiceState, saveServiceSettings } from '../../utils/settings/connectionStorage';
import { EMPTY_SERVICE, settingsStorage } from '../../utils/settings/settings';

beforeEach(() => fakeBrowser.reset());

describe('service connections', () => {
  it('the base URL is the documented one unless the user typed another; for Creem it follows the key', async () => {
    await saveServiceSettings('creem', { ...EMPTY_SERVICE, apiKey: 'creem_test_abc' });
    let { settings, sessionKeys } = await readServiceState();
    expect(connectionOf(settings, sessionKeys, 'creem')).toMatchObject({ baseUrl: 'https://test-api.creem.io', mode: 'test', typedBaseUrl: null });
    await saveServiceSettings('creem', { ...EMPTY_SERVICE, apiKey: 'creem_live_abc' });
    ({ settings, sessionKeys } = await readServiceState());
    expect(connectionOf(settings, sessionKeys, 'creem')).toMatchObject({ baseUrl: 'https://api.creem.io', mode: 'live' });
    await saveServiceSettings('creem', { ...EMPTY_SERVICE, apiKey: 'creem_test_abc', apiBaseUrl: 'https://creem-proxy.example/api' });
    ({ settings, sessionKeys } = await readServiceState());
    expect(connectionOf(settings, sessionKeys, 'creem')).toMatchObject({ baseUrl: 'https://creem-proxy.example/api', mode: 'test' });
  });

  it('Diddo publishes no API host: without one it is not connected', async () => {
    await saveServiceSettings('diddo', { ...EMPTY_SERVICE, apiKey: 'diddo_live_1' });
    const { settings, sessionKeys } = await readServiceState();
    expect(connectionOf(settings, sessionKeys, 'diddo')).toBeNull();
    expect(connectedServices(settings, sessionKeys)).toEqual([]);
  });

  it('"Forget the key when the browser closes" keeps the key in session storage only', async () => {
    await saveServiceSettings('shoppex', { ...EMPTY_SERVICE, apiKey: ' shx_secret\u200b', forgetOnClose: true });
    expect((await fakeBrowser.storage.local.get('settings')).settings).toMatchObject({ services: { shoppex: { apiKey: '', forgetOnClose: true } } });
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('shx_secret');
    expect((await fakeBrowser.storage.session.get('serviceKeys')).serviceKeys).toEqual({ shoppex: 'shx_secret' });
    const { settings, sessionKeys } = await readServiceState();
    expect(connectionOf(settings, sessionKeys, 'shoppex')).toMatchObject({ apiKey: 'shx_secret', baseUrl: 'https://api.shoppex.io/dev/v1' });

    // The browser closes: session storage is gone, and so is the connection.
    await fakeBrowser.storage.session.clear();
    const after = await readServiceState();
    expect(connectionOf(after.settings, after.sessionKeys, 'shoppex')).toBeNull();

    // Turned off again: the key moves back to local storage, and nothing stays in the session.
    await saveServiceSettings('shoppex', { ...EMPTY_SERVICE, apiKey: 'shx_secret', forgetOnClose: false });
    expect((await fakeBrowser.storage.session.get('serviceKeys')).serviceKeys).toEqual({});
    expect((await settingsStorage.get()).services.shoppex.apiKey).toBe('shx_secret');
  });

  it('the first service connected becomes the default; disconnecting it moves the default to another connected one', async () => {
    await saveServiceSettings('shoppex', { ...EMPTY_SERVICE, apiKey: 'shx_1' });
    await saveServiceSettings('creem', { ...EMPTY_SERVICE, apiKey: 'creem_test_1' });
    let { settings, sessionKeys } = await readServiceState();
    expect(settings.defaultService).toBe('shoppex');
    expect(preferredService(settings, sessionKeys)).toBe('shoppex');
    await disconnectService('shoppex');
    ({ settings, sessionKeys } = await readServiceState());
    expect(settings.services.shoppex.apiKey).toBe('');
    expect(settings.defaultService).toBe('creem');
    expect(connectedServices(settings, sessionKeys)).toEqual(['creem']);
  });

  it('Disconnect removes the key everywhere: settings, the session keys, and copies of corrupt settings', async () => {
    await saveServiceSettings('smartcheckout', { ...EMPTY_SERVICE, apiKey: 'sk_live_kept' });
    await saveServiceSettings('shoppex', { ...EMPTY_SERVICE, apiKey: 'shx_session_kept', forgetOnClose: true });
    // Copies an older version kept of corrupt settings and session keys, keys and all.
    await fakeBrowser.storage.local.set({ 'settings:corrupt': { services: { shoppex: { apiKey: 'shx_old_copy' } }, safety: 7 } });
    await fakeBrowser.storage.session.set({ 'serviceKeys:corrupt': { shoppex: 'shx_old_session_copy'.repeat(40) } });
    await disconnectService('shoppex');
    await disconnectService('smartcheckout');
    const everything = JSON.stringify([await fakeBrowser.storage.local.get(null), await fakeBrowser.storage.session.get(null)]);
    for (const key of ['sk_live_kept', 'shx_session_kept', 'shx_old_copy', 'shx_old_session_copy']) expect(everything, key).not.toContain(key);
    expect((await fakeBrowser.storage.local.get('settings:corrupt'))['settings:corrupt']).toEqual({ services: { shoppex: { apiKey: '[removed]' } }, safety: 7 });
  });
});
