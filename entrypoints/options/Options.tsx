import { useEffect, useState } from 'react';
import { PurchaseList } from '../../components/PurchaseList';
import { useCheckouts } from '../../components/useStored';
import { sendMessage } from '../../utils/messages';
import { ConnectionSettings } from './ConnectionSettings';
import { ProfilesSection } from './ProfilesSection';

function highlightedPurchase(): string | null {
  const match = location.hash.match(/^#purchase-(.+)$/);
  return match ? decodeURIComponent(match[1]!) : null;
}

export function Options() {
  const checkouts = useCheckouts();
  const [highlight, setHighlight] = useState(highlightedPurchase);

  useEffect(() => {
    const onHash = () => setHighlight(highlightedPurchase());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    if (highlight && checkouts) document.getElementById(`purchase-${highlight}`)?.scrollIntoView({ block: 'center' });
  }, [highlight, checkouts]);

  return (
    <main>
      <h1>Smartcheckout options</h1>
      <nav aria-label="Sections">
        <a href="#connection">Connection</a>
        <a href="#profiles">Shipping profiles</a>
        <a href="#purchases">Purchases</a>
      </nav>
      <section id="connection">
        <ConnectionSettings />
      </section>
      <div id="profiles">
        <ProfilesSection />
      </div>
      <section id="purchases" aria-labelledby="purchases-heading">
        <h2 id="purchases-heading">Purchases</h2>
        {checkouts ? (
          <PurchaseList records={checkouts.records} highlightId={highlight} onCheckAgain={(id) => void sendMessage({ type: 'checkout:recheck', id })}
          onResolve={(id) => void sendMessage({ type: 'checkout:resolve', id })} />
        ) : null}
        {checkouts?.unreadable.length ? (
          <p className="error">{checkouts.unreadable.length} stored purchase record(s) could not be read; they are kept unchanged.</p>
        ) : null}
      </section>
    </main>
  );
}
