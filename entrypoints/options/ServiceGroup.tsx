import { type FormEvent, useEffect, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { hasHostAccess, originPattern, requestHostAccess } from '../../utils/settings/hostAccess';
import { t } from '../../utils/shared/i18n';
import { sendMessage } from '../../utils/messages/messages';
import { apiKeyOf, baseUrlOf, type SessionKeys } from '../../utils/settings/connections';
import { disconnectService, saveServiceSettings } from '../../utils/settings/connectionStorage';
import { serviceOf, type ServiceId } from '../../utils/services/registry';
import { checkBaseUrl, cleanApiKey, normaliseBaseUrl, type Settings } from '../../utils/settings/settings';

type Line = { text: string; tone: 'ok' | 'error' | 'info' } | null;

interface Props {
  id: ServiceId;
  settings: Settings;
  sessionKeys: SessionKeys;
}

/** The last characters of a key, enough to recognise it without revealing it. */
function maskKey(key: string): string {
  return `••••${key.slice(-4)}`;
}

/**
 * One checkout service: its key (shown masked once saved), API base URL (the documented one unless the user typed
 * another), "Forget the key when the browser closes", connection test, host access and disconnect.
 */
export function ServiceGroup({ id, settings, sessionKeys }: Props) {
  const service = serviceOf(id);
  const saved = settings.services[id];
  const savedKey = apiKeyOf(settings, sessionKeys, id);
  const ids = { key: useId(), keyHint: useId(), baseUrl: useId(), baseUrlHint: useId(), baseUrlError: useId(), checkoutUrl: useId(), checkoutUrlError: useId() };
  const [apiKey, setApiKey] = useState('');
  const [revealed, setRevealed] = useState(false);
  /** What the user typed in the base URL field; null while it shows the service's default. */
  const [typedBaseUrl, setTypedBaseUrl] = useState<string | null>(saved.apiBaseUrl);
  const [checkoutUrl, setCheckoutUrl] = useState(saved.checkoutUrl ?? service.checkoutPageUrl ?? '');
  const [forgetOnClose, setForgetOnClose] = useState(saved.forgetOnClose);
  const [errors, setErrors] = useState<{ baseUrl?: string; checkoutUrl?: string }>({});
  const [status, setStatus] = useState('');
  const [test, setTest] = useState<Line>(null);
  const [access, setAccess] = useState<boolean | null>(null);

  // The key that requests would use now: the one being typed, else the saved one.
  const effectiveKey = cleanApiKey(apiKey) || savedKey;
  const defaultBase = service.defaultBaseUrl(effectiveKey);
  const baseUrl = typedBaseUrl ?? defaultBase ?? '';
  const savedBase = baseUrlOf(id, saved, savedKey);
  const connected = Boolean(savedKey && savedBase);
  const mode = service.keyMode(effectiveKey);

  useEffect(() => {
    setTypedBaseUrl(saved.apiBaseUrl);
    setForgetOnClose(saved.forgetOnClose);
  }, [saved.apiBaseUrl, saved.forgetOnClose]);

  useEffect(() => {
    if (!savedBase) return;
    // Access can also be granted or withdrawn outside this page (Firefox's add-on manager, Chrome's site access).
    const check = () => void hasHostAccess(savedBase).then(setAccess, () => setAccess(null));
    check();
    browser.permissions.onAdded.addListener(check);
    browser.permissions.onRemoved.addListener(check);
    return () => {
      browser.permissions.onAdded.removeListener(check);
      browser.permissions.onRemoved.removeListener(check);
    };
  }, [savedBase]);

  function validate(): { apiBaseUrl: string | null; checkoutUrl: string | null } | null {
    const next: typeof errors = {};
    if (!baseUrl.trim()) next.baseUrl = t('serviceBaseUrlRequired', service.name);
    else next.baseUrl = checkBaseUrl(baseUrl) ?? undefined;
    if (service.checkoutPageUrl !== null && checkoutUrl.trim()) next.checkoutUrl = checkBaseUrl(checkoutUrl) ?? undefined;
    setErrors(next);
    if (next.baseUrl || next.checkoutUrl) return null;
    const normalised = normaliseBaseUrl(baseUrl);
    // A base URL equal to the documented one is stored as "the default", so it keeps following the key.
    const apiBaseUrl = defaultBase !== null && normalised === normaliseBaseUrl(defaultBase) ? null : normalised;
    const page = service.checkoutPageUrl !== null && checkoutUrl.trim() ? normaliseBaseUrl(checkoutUrl) : null;
    return { apiBaseUrl, checkoutUrl: page && page !== service.checkoutPageUrl ? page : null };
  }

  function save(event: FormEvent) {
    event.preventDefault();
    const valid = validate();
    if (!valid) {
      setStatus('');
      return;
    }
    const target = valid.apiBaseUrl ?? defaultBase!;
    // Asked within the click, as browsers require; declining still saves, with an explanation below.
    const granted = requestHostAccess(target).catch(() => false);
    void (async () => {
      await saveServiceSettings(id, { apiKey: cleanApiKey(apiKey) || savedKey, forgetOnClose, ...valid });
      setApiKey('');
      setRevealed(false);
      setAccess(await granted);
      setStatus(t('connectionSaved'));
    })();
  }

  async function disconnect() {
    await disconnectService(id);
    setApiKey('');
    setTest(null);
    setStatus(t('serviceDisconnected', service.name));
  }

  async function runTest() {
    setTest({ text: t('connectionTesting'), tone: 'info' });
    try {
      const typed = cleanApiKey(apiKey);
      const result = await sendMessage({ type: 'settings:test-connection', service: id, apiBaseUrl: baseUrl.trim(), apiKey: typed || null });
      setTest({ text: result.message, tone: result.ok ? 'ok' : 'error' });
    } catch {
      setTest({ text: t('connectionNoAnswer'), tone: 'error' });
    }
  }

  const origin = savedBase ? new URL(savedBase).host : '';
  const legendId = `service-${id}`;

  return (
    <form onSubmit={save} noValidate className="service">
      <fieldset aria-describedby={`${legendId}-state`}>
        <legend id={legendId}>{service.name}</legend>
        <p id={`${legendId}-state`} className="service__state">
          <span className={connected ? 'pill pill--ok' : 'pill'}>{connected ? t('serviceConnected') : t('serviceNotConnected')}</span>
          {mode ? <span className={mode === 'test' ? 'pill pill--test' : 'pill'}>{mode === 'test' ? t('serviceModeTest') : t('serviceModeLive')}</span> : null}
          <span className="hint">{service.kind === 'agent' ? t('serviceKindAgent') : t('serviceKindLink')}</span>
        </p>

        <label htmlFor={ids.key}>{t('connectionApiKey')}</label>
        <div className="row">
          <input
            id={ids.key}
            type={revealed ? 'text' : 'password'}
            autoComplete="off"
            spellCheck={false}
            value={apiKey}
            placeholder={savedKey ? t('serviceKeyReplacePlaceholder') : undefined}
            aria-describedby={ids.keyHint}
            onChange={(e) => setApiKey(e.target.value)}
          />
          <button type="button" style={{ flex: 'none' }} aria-pressed={revealed} onClick={() => setRevealed(!revealed)}>
            {revealed ? t('connectionHide') : t('connectionShow')}
          </button>
        </div>
        <p id={ids.keyHint} className="hint">
          {savedKey ? `${t('serviceKeySaved', maskKey(savedKey))} ` : ''}
          {forgetOnClose ? t('serviceKeySessionHint') : t('connectionKeyHint')}
        </p>
        <label className="checkbox">
          <input type="checkbox" checked={forgetOnClose} onChange={(e) => setForgetOnClose(e.target.checked)} />
          {t('serviceForgetOnClose')}
        </label>

        <label htmlFor={ids.baseUrl}>{t('connectionBaseUrl')}</label>
        <input
          id={ids.baseUrl}
          type="url"
          spellCheck={false}
          value={baseUrl}
          aria-invalid={errors.baseUrl ? true : undefined}
          aria-describedby={[errors.baseUrl ? ids.baseUrlError : null, ids.baseUrlHint].filter(Boolean).join(' ')}
          onChange={(e) => setTypedBaseUrl(e.target.value)}
        />
        {errors.baseUrl ? (
          <p id={ids.baseUrlError} className="field-error">
            {errors.baseUrl}
          </p>
        ) : null}
        <p id={ids.baseUrlHint} className="hint">
          {defaultBase === null ? t('serviceBaseUrlNoDefault', service.name) : typedBaseUrl === null ? t('serviceBaseUrlDefault') : t('serviceBaseUrlTyped', defaultBase)}
        </p>

        {service.checkoutPageUrl !== null ? (
          <>
            <label htmlFor={ids.checkoutUrl}>{t('serviceCheckoutUrl')}</label>
            <input
              id={ids.checkoutUrl}
              type="url"
              spellCheck={false}
              value={checkoutUrl}
              aria-invalid={errors.checkoutUrl ? true : undefined}
              aria-describedby={errors.checkoutUrl ? ids.checkoutUrlError : undefined}
              onChange={(e) => setCheckoutUrl(e.target.value)}
            />
            {errors.checkoutUrl ? (
              <p id={ids.checkoutUrlError} className="field-error">
                {errors.checkoutUrl}
              </p>
            ) : null}
          </>
        ) : null}

        {access && savedBase && originPattern(savedBase) ? <p className="hint">{t('connectionAccessGranted', origin)}</p> : null}
        {access === false && savedBase ? (
          <p className="field-error">
            {t('serviceNoAccess', service.name, origin)}{' '}
            <button type="button" onClick={() => void requestHostAccess(savedBase).then(setAccess, () => setAccess(false))}>
              {t('connectionGrantAccess')}
            </button>
          </p>
        ) : null}

        <div className="form-actions">
          <button type="submit" className="primary">
            {t('connectionSave')}
          </button>
          <button type="button" onClick={() => void runTest()}>
            {t('connectionTest')}
          </button>
          {connected ? (
            <button type="button" onClick={() => void disconnect()}>
              {t('serviceDisconnect')}
            </button>
          ) : null}
          <span role="status">{status}</span>
        </div>
        <p role="status" className={test ? `status status--${test.tone}` : 'status'}>
          {test?.text}
        </p>
      </fieldset>
    </form>
  );
}
