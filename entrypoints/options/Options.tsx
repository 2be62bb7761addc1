import { browser } from 'wxt/browser';
import { t } from '../../utils/shared/i18n';
import { ProfilesSection } from './ProfilesSection';
import { PurchasesSection } from './PurchasesSection';
import { SafetySettings } from './SafetySettings';
import { ServicesSection } from './ServicesSection';
import { WatchesSection } from './WatchesSection';

const SECTIONS = [
  { id: 'services', label: 'servicesHeading' },
  { id: 'profiles', label: 'profilesHeading' },
  { id: 'safety', label: 'safetyHeading' },
  { id: 'purchases', label: 'purchasesHeading' },
  { id: 'price-watches', label: 'watchesHeading' },
] as const;

export function Options() {
  return (
    <>
      <header className="options-header">
        <div className="options-header__inner">
          <h1>{t('optionsTitle')}</h1>
          <nav aria-label={t('optionsSections')}>
            <ul>
              {SECTIONS.map((s) => (
                <li key={s.id}>
                  <a href={`#${s.id}`}>{t(s.label)}</a>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>
      <main className="options">
        <p className="options-links">
          <a href={browser.runtime.getURL('/welcome.html')}>{t('gettingStartedLink')}</a>
          <a href={browser.runtime.getURL('/privacy.html')}>{t('privacyLink')}</a>
        </p>
        <div id="services" className="options-section">
          <ServicesSection />
        </div>
        <div id="profiles" className="options-section">
          <ProfilesSection />
        </div>
        <div id="safety" className="options-section">
          <SafetySettings />
        </div>
        <div id="purchases" className="options-section">
          <PurchasesSection />
        </div>
        <div id="price-watches" className="options-section">
          <WatchesSection />
        </div>
      </main>
    </>
  );
}
