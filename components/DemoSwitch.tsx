import { browser } from 'wxt/browser';
import { t } from '../utils/shared/i18n';
import { connectionOf } from '../utils/settings/connections';
import { sessionKeysStorage, setServiceEnabled } from '../utils/settings/connectionStorage';
import { settingsStorage } from '../utils/settings/settings';
import { useStored } from './useStored';

/** Opens the demo product page that ships with the extension, in a new tab. */
export function openDemoPage(): void {
  void browser.tabs.create({ url: browser.runtime.getURL('/demo.html') });
}

interface Props {
  /** Also offer "Open the demo product page" while the demo is on. */
  withPageLink?: boolean;
  onOpenPage?: () => void;
}

/** The built-in demo, switched on and off in one click; marked DEMO. */
export function DemoSwitch({ withPageLink, onOpenPage }: Props) {
  const settings = useStored(settingsStorage);
  const sessionKeys = useStored(sessionKeysStorage);
  if (!settings || !sessionKeys) return null;
  const on = connectionOf(settings, sessionKeys, 'demo') !== null;
  return (
    <div className="demo-switch">
      <p className="service__state">
        <span className="demo-mark">{t('demoMark')}</span>
        <span role="status">{on ? t('demoIsOn') : t('demoIsOff')}</span>
      </p>
      <div className="form-actions">
        <button type="button" className={on ? undefined : 'primary'} aria-pressed={on} onClick={() => void setServiceEnabled('demo', !on)}>
          {on ? t('demoSwitchOff') : t('demoSwitchOn')}
        </button>
        {on && withPageLink ? (
          <button
            type="button"
            className="primary"
            onClick={() => {
              openDemoPage();
              onOpenPage?.();
            }}
          >
            {t('demoOpenPage')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
