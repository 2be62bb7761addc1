import { ConnectionSettings } from './ConnectionSettings';
import { ProfilesSection } from './ProfilesSection';
import { PurchasesSection } from './PurchasesSection';
import { SafetySettings } from './SafetySettings';

export function Options() {
  return (
    <main>
      <h1>Smartcheckout options</h1>
      <nav aria-label="Sections">
        <a href="#connection">Connection</a>
        <a href="#profiles">Shipping profiles</a>
        <a href="#safety">Safety</a>
        <a href="#purchases">Purchases</a>
      </nav>
      <div id="connection">
        <ConnectionSettings />
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
