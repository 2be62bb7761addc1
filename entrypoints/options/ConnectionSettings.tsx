import { type FormEvent, useEffect, useState } from 'react';
import { useStored } from '../../components/useStored';
import { checkBaseUrl, normaliseBaseUrl, settingsStorage } from '../../utils/settings';

/** API key and base URL. */
export function ConnectionSettings() {
  const settings = useStored(settingsStorage);
  const [apiKey, setApiKey] = useState('');
  const [baseUrl, setBaseUrl] = useState('');
  const [revealed, setRevealed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState('');

  useEffect(() => {
    if (!settings) return;
    setApiKey(settings.apiKey);
    setBaseUrl(settings.apiBaseUrl);
  }, [settings]);

  async function save(event: FormEvent) {
    event.preventDefault();
    const problem = checkBaseUrl(baseUrl);
    setError(problem);
    if (problem) {
      setSaved('');
      return;
    }
    await settingsStorage.set({ ...(await settingsStorage.get()), apiKey: apiKey.trim(), apiBaseUrl: normaliseBaseUrl(baseUrl) });
    setSaved('Settings saved.');
  }

  return (
    <form onSubmit={save} noValidate aria-labelledby="connection-heading">
      <h2 id="connection-heading">Connection</h2>
      <label htmlFor="api-key">API key</label>
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
          {revealed ? 'Hide' : 'Show'}
        </button>
      </div>
      <p className="hint">Kept on this device only (never synced).</p>

      <label htmlFor="api-base-url">API base URL</label>
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

      <div className="form-actions">
        <button type="submit" className="primary">
          Save
        </button>
        <span role="status">{saved}</span>
      </div>
    </form>
  );
}
