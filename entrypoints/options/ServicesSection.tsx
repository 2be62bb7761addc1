import { useId } from 'react';
import { useStored } from '../../components/useStored';
import { t } from '../../utils/shared/i18n';
import { connectedServices, preferredService } from '../../utils/settings/connections';
import { sessionKeysStorage } from '../../utils/settings/connectionStorage';
import { isSimulated, SERVICE_IDS, serviceOf, type ServiceId } from '../../utils/services/registry';
import { DemoSwitch } from '../../components/DemoSwitch';
import { settingsStorage } from '../../utils/settings/settings';
import { ServiceGroup } from './ServiceGroup';

/** "Checkout services": the built-in demo, one group per service, and the one the popup preselects. */
export function ServicesSection() {
  const settings = useStored(settingsStorage);
  const sessionKeys = useStored(sessionKeysStorage);
  const defaultId = useId();
  const demoId = useId();
  if (!settings || !sessionKeys) return null;
  const connected = connectedServices(settings, sessionKeys);
  const preferred = preferredService(settings, sessionKeys);

  async function chooseDefault(id: ServiceId) {
    await settingsStorage.set({ ...(await settingsStorage.get()), defaultService: id });
  }

  return (
    <section aria-labelledby="services-heading">
      <h2 id="services-heading">{t('servicesHeading')}</h2>
      <p className="hint">{t('servicesIntro')}</p>
      <fieldset className="demo-group" aria-describedby={`${demoId}-intro`}>
        <legend>{t('demoHeading')}</legend>
        <p id={`${demoId}-intro`} className="hint">
          {t('demoIntro')}
        </p>
        <DemoSwitch withPageLink />
      </fieldset>
      <label htmlFor={defaultId}>{t('servicesDefault')}</label>
      <select id={defaultId} value={preferred ?? ''} disabled={connected.length === 0} onChange={(e) => void chooseDefault(e.target.value as ServiceId)}>
        {connected.length === 0 ? <option value="">{t('servicesNoneConnected')}</option> : null}
        {connected.map((id) => (
          <option key={id} value={id}>
            {serviceOf(id).name}
          </option>
        ))}
      </select>
      {SERVICE_IDS.filter((id) => !isSimulated(id)).map((id) => (
        <ServiceGroup key={id} id={id} settings={settings} sessionKeys={sessionKeys} />
      ))}
    </section>
  );
}
