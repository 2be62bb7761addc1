import { t } from '../../utils/i18n';
import { ProfilesSection } from './ProfilesSection';
import { PurchasesSection } from './PurchasesSection';
import { SafetySettings } from './SafetySettings';
import { ServicesSection } from './ServicesSection';

export function Options() {
  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      <nav aria-label={t('optionsSections')}>
        <a href="#services">{t('servicesHeading')}</a>
        <a href="#profiles">{t('profilesHeading')}</a>
        <a href="#safety">{t('safetyHeading')}</a>
        <a href="#purchases">{t('purchasesHeading')}</a>
      </nav>
      <div id="services">
        <ServicesSection />
      </div>
      <div id="profiles">
        <ProfilesSection />
      </div>
      <div id="safety">
        <SafetySettings />
      </div>
      <div id="purchases">
        <PurchasesSection />
      </div>
    </main>
  );
}
