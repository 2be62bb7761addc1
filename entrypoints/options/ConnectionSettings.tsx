import { type FormEvent, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { useStored } from '../../components/useStored';
import { hasHostAccess, originPattern, requestHostAccess } from '../../utils/hostAccess';
import { t } from '../../utils/i18n';
import { sendMessage } from '../../utils/messages';
import { checkBaseUrl, cleanApiKey, normaliseBaseUrl, settingsStorage } from '../../utils/settings';

type Line = { text: string; tone: 'ok' | 'error' | 'info' } | null;

/** API key, base URL, connection test and host access. */
export function ConnectionSettings() {
  const settings = useStored(settingsStorage);
  const [apiKey, setApiKey] = useState('');
  const [baseUrl, setBaseUrl] = useState('');
  const [revealed, setRevealed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState('');
  const [test, setTest] = useState<Line>(null);
  const [access, setAccess] = useState<boolean | null>(null);

  useEffect(() => {
    if (!settings) return;
    setApiKey(settings.apiKey);
    setBaseUrl(settings.apiBaseUrl);
    // Access can also be granted or withdrawn outside this page (Firefox's add-on manager, Chrome's site access).
    const check = () => void hasHostAccess(settings.apiBaseUrl).then(setAccess, () => setAccess(null));
    check();
    browser.permissions.onAdded.addListener(check);
    browser.permissions.onRemoved.addListener(check);
    return () => {
      browser.permissions.onAdded.removeListener(check);
      browser.permissions.onRemoved.removeListener(check);
    };
  }, [settings]);

  function save(event: FormEvent) {
    event.preventDefault();
    const problem = checkBaseUrl(baseUrl);
    setError(problem);
    if (problem) {
      setSaved('');
      return;
    }
    const apiBaseUrl = normaliseBaseUrl(baseUrl);
    // Asked within the click, as browsers require; declining still saves, with an explanation below.
    const granted = requestHostAccess(apiBaseUrl).catch(() => false);
    void (async () => {
      await settingsStorage.set({ ...(await settingsStorage.get()), apiKey: cleanApiKey(apiKey), apiBaseUrl });
      setAccess(await granted);
      setSaved(t('connectionSaved'));
    })();
  }

  async function runTest() {
    setTest({ text: t('connectionTesting'), tone: 'info' });
    try {
      const result = await sendMessage({ type: 'settings:test-connection', apiBaseUrl: baseUrl.trim(), apiKey });
      setTest({ text: result.message, tone: result.ok ? 'ok' : 'error' });
    } catch {
      setTest({ text: t('connectionNoAnswer'), tone: 'error' });
    }
  }

  const origin = settings ? new URL(settings.apiBaseUrl).host : '';

  return (
    <form onSubmit={save} noValidate aria-labelledby="connection-heading">
      <h2 id="connection-heading">{t('connectionHeading')}</h2>
      <label htmlFor="api-key">{t('connectionApiKey')}</label>
      <div className="row">
        <input
          id="api-key"
          type={revealed ? 'text' : 'password'}
          autoComplete="off"
          spellCheck={false}
          value={apiKey}
          onChange={(e) => setApiKey(e.target.value)}
        />
        <button type="button" style={{ flex: 'none' }} aria-pressed={revealed} onClick={() => setRevealed(!revealed)}>
          {revealed ? t('connectionHide') : t('connectionShow')}
        </button>
      </div>
      <p className="hint">{t('connectionKeyHint')}</p>

      <label htmlFor="api-base-url">{t('connectionBaseUrl')}</label>
      <input
        id="api-base-url"
        type="url"
        spellCheck={false}
        value={baseUrl}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'api-base-url-error' : undefined}
        onChange={(e) => setBaseUrl(e.target.value)}
      />
      {error ? (
        <p id="api-base-url-error" className="field-error">
          {error}
        </p>
      ) : null}
      {access && settings && originPattern(settings.apiBaseUrl) ? <p className="hint">{t('connectionAccessGranted', origin)}</p> : null}
      {access === false ? (
        <p className="field-error">
          {t('connectionNoAccess', origin)}{' '}
          <button type="button" onClick={() => void requestHostAccess(settings!.apiBaseUrl).then(setAccess, () => setAccess(false))}>
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
        <span role="status">{saved}</span>
      </div>
      <p role="status" className={test ? `status status--${test.tone}` : 'status'}>
        {test?.text}
      </p>
    </form>
  );
}
