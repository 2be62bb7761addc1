import { type FormEvent, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { openDemoPage } from '../../components/DemoSwitch';
import { useStored } from '../../components/useStored';
import { t } from '../../utils/shared/i18n';
import { httpUrlSchema } from '../../utils/product/snapshot';
import { welcomeStorage } from '../../utils/background/welcome';

/**
 * What to do on a page without a product: open a product page, paste a product link (then bought by its address, as
 * the context menu does for a link), or try the demo product page; "Getting started" until the welcome page is done.
 */
export function NextSteps() {
  const welcome = useStored(welcomeStorage);
  const [link, setLink] = useState('');
  const [error, setError] = useState('');
  const ids = { link: useId(), hint: useId(), error: useId() };

  function useLink(event: FormEvent) {
    event.preventDefault();
    const url = link.trim();
    if (!httpUrlSchema.safeParse(url).success) {
      setError(t('popupPasteLinkInvalid'));
      return;
    }
    // The popup for a link's address: the same view the context menu opens for a link.
    location.search = `?${new URLSearchParams({ url })}`;
  }

  return (
    <div className="next-steps">
      <p>{t('popupNoProductNext')}</p>
      <form onSubmit={useLink} noValidate>
        <label htmlFor={ids.link}>{t('popupPasteLink')}</label>
        <div className="row">
          <input
            id={ids.link}
            type="url"
            inputMode="url"
            spellCheck={false}
            value={link}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${ids.error} ${ids.hint}` : ids.hint}
            onChange={(e) => {
              setLink(e.target.value);
              setError('');
            }}
          />
          <button type="submit" style={{ flex: 'none' }}>
            {t('popupPasteLinkButton')}
          </button>
        </div>
        {error ? (
          <p id={ids.error} className="field-error">
            {error}
          </p>
        ) : null}
        <p id={ids.hint} className="hint">
          {t('popupPasteLinkHint')}
        </p>
      </form>
      <p>
        {t('popupTryDemo')}{' '}
        <button type="button" className="link" onClick={openDemoPage}>
          {t('popupOpenDemo')}
        </button>
      </p>
      {welcome && welcome.finishedAt === null ? (
        <p>
          <a href={browser.runtime.getURL('/welcome.html')} target="_blank" rel="noreferrer">
            {t('popupGettingStarted')}
          </a>
        </p>
      ) : null}
    </div>
  );
}
