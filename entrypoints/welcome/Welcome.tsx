import { useId } from 'react';
import { browser } from 'wxt/browser';
import { DemoSwitch } from '../../components/DemoSwitch';
import { emptyDraft, ProfileForm } from '../../components/ProfileForm';
import { useShortcut } from '../../components/useShortcut';
import { useStored } from '../../components/useStored';
import { t } from '../../utils/shared/i18n';
import type { Profile } from '../../utils/profiles/schema';
import { profilesStorage } from '../../utils/profiles/storage';
import { defaultProfile, upsertProfile } from '../../utils/profiles/state';
import { connectedServices, connectionOf } from '../../utils/settings/connections';
import { sessionKeysStorage } from '../../utils/settings/connectionStorage';
import { settingsStorage } from '../../utils/settings/settings';
import { finishWelcome, welcomeStorage } from '../../utils/background/welcome';

/**
 * The first-run page: what the extension does, the two kinds of checkout service, then three steps — try the demo or
 * connect a service, add an address profile, buy — and the privacy policy. Done or dismissed, it never opens by
 * itself again; Options links to it.
 */
export function Welcome() {
  const settings = useStored(settingsStorage);
  const sessionKeys = useStored(sessionKeysStorage);
  const profiles = useStored(profilesStorage);
  const welcome = useStored(welcomeStorage);
  const shortcut = useShortcut();
  const ids = { kinds: useId(), step1: useId(), step2: useId(), step3: useId() };
  if (!settings || !sessionKeys || !profiles || !welcome) return null;

  const connected = connectedServices(settings, sessionKeys);
  const demoOn = connectionOf(settings, sessionKeys, 'demo') !== null;
  const profile = defaultProfile(profiles);
  const finished = welcome.finishedAt !== null;

  async function saveProfile(next: Profile) {
    await profilesStorage.set(upsertProfile(await profilesStorage.get(), { ...next, id: crypto.randomUUID() }));
  }

  return (
    <main className="page">
      <header className="page__header">
        <img src={browser.runtime.getURL('/icon/48.png')} alt="" width={40} height={40} />
        <div>
          <h1>{t('welcomeTitle')}</h1>
          <p className="lead">{t('welcomeWhat')}</p>
        </div>
      </header>

      <section className="card" aria-labelledby={ids.kinds}>
        <h2 id={ids.kinds}>{t('welcomeKindsHeading')}</h2>
        <ul className="kinds">
          <li>
            <strong>{t('welcomeKindAgentName')}</strong> — {t('welcomeKindAgent')}
          </li>
          <li>
            <strong>{t('welcomeKindLinkName')}</strong> — {t('welcomeKindLink')}
          </li>
        </ul>
      </section>

      <section className="card step" aria-labelledby={ids.step1}>
        <h2 id={ids.step1}>{t('welcomeStep1')}</h2>
        <p>{t('welcomeStep1Intro')}</p>
        <DemoSwitch />
        <p>
          <a href={browser.runtime.getURL('/options.html#services')}>{t('welcomeConnect')}</a>
          {connected.filter((id) => id !== 'demo').length ? ` ${t('welcomeConnected')}` : ''}
        </p>
      </section>

      <section className="card step" aria-labelledby={ids.step2}>
        <h2 id={ids.step2}>{t('welcomeStep2')}</h2>
        {profile ? (
          <p className="done">{t('welcomeProfileDone', profile.label)}</p>
        ) : (
          <>
            <p>{t('welcomeStep2Intro')}</p>
            <ProfileForm id="new" initial={emptyDraft()} onSave={saveProfile} />
          </>
        )}
      </section>

      <section className="card step" aria-labelledby={ids.step3}>
        <h2 id={ids.step3}>{t('welcomeStep3')}</h2>
        <p>{demoOn ? t('welcomeStep3Demo') : t('welcomeStep3Shop')}</p>
        <p className="shortcut">{shortcut ? t('welcomeShortcut', shortcut) : t('welcomeNoShortcut')}</p>
        {demoOn ? (
          <button
            type="button"
            className="primary"
            disabled={!profile}
            onClick={() => {
              void browser.tabs.create({ url: browser.runtime.getURL('/demo.html') });
              void finishWelcome();
            }}
          >
            {t('demoOpenPage')}
          </button>
        ) : null}
        {demoOn && !profile ? <p className="hint">{t('welcomeNeedProfileFirst')}</p> : null}
      </section>

      <footer className="page__footer">
        <p>
          {t('welcomePrivacyBefore')} <a href={browser.runtime.getURL('/privacy.html')}>{t('privacyLink')}</a>
        </p>
        {finished ? (
          <p className="hint">{t('welcomeFinished')}</p>
        ) : (
          <button type="button" onClick={() => void finishWelcome()}>
            {t('welcomeDismiss')}
          </button>
        )}
      </footer>
    </main>
  );
}
