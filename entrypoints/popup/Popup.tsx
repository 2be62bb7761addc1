import { lazy, startTransition, Suspense, useEffect, useId, useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import { ProductCard } from '../../components/ProductCard';
import { checkoutName, describeState, isFinal, isLink } from '../../utils/checkouts/record';
import { connectedServices, connectionOf, preferredService } from '../../utils/settings/connections';
import { t } from '../../utils/shared/i18n';
import { sendMessage } from '../../utils/messages/messages';
import { hostOf, RECENT_COUNT } from '../../utils/popup/popupTarget';
import { isDemoPageUrl } from '../../utils/product/demoPage';
import type { ProductSnapshot } from '../../utils/product/snapshot';
import { defaultProfile } from '../../utils/profiles/state';
import { isServiceId, isSimulated, serviceOf, type ServiceId } from '../../utils/services/registry';
import type { Notice } from './notice';
import type { Opening } from './opening';
import { useOpened } from './useOpened';
import { usePageDetection } from './usePageDetection';
import { usePopupState } from './usePopupState';

// Everything but the product card loads after it; each part appears below the card, which therefore never moves.
const AgentPurchase = lazy(() => import('./AgentPurchase').then((m) => ({ default: m.AgentPurchase })));
const LinkCheckout = lazy(() => import('./LinkCheckout').then((m) => ({ default: m.LinkCheckout })));
const NextSteps = lazy(() => import('./NextSteps').then((m) => ({ default: m.NextSteps })));
const ProductEditor = lazy(() => import('../../components/ProductEditor').then((m) => ({ default: m.ProductEditor })));
const CheckoutHandoff = lazy(() => import('../../components/CheckoutHandoff').then((m) => ({ default: m.CheckoutHandoff })));
const PurchaseList = lazy(() => import('../../components/PurchaseList').then((m) => ({ default: m.PurchaseList })));
const CartBar = lazy(() => import('./CartBar').then((m) => ({ default: m.CartBar })));
const WatchPrice = lazy(() => import('./WatchPrice').then((m) => ({ default: m.WatchPrice })));

const rememberCheckout = (target: string, recordId: string | null) => void import('../../utils/popup/popupMemory').then((m) => m.rememberCheckout(target, recordId));
const rememberService = (host: string, id: ServiceId) => void import('../../utils/popup/popupMemory').then((m) => m.rememberService(host, id));
const switchDemoOn = () => void import('../../utils/settings/connectionStorage').then((m) => m.setServiceEnabled('demo', true));

export function Popup({ opening }: { opening: Opening }) {
  const opened = useOpened(opening);
  const { detection, target, tabId } = usePageDetection(opened);
  // The context menu may ask for a service (`?service=`), e.g. to finish a checkout link it could not create alone.
  const [chosen, setChosen] = useState<ServiceId | null>(() => {
    const asked = new URLSearchParams(location.search).get('service');
    return isServiceId(asked) ? asked : null;
  });
  const [profileId, setProfileId] = useState('');
  const [notice, setNotice] = useState<Notice | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  /** The user's corrections; while set, the popup stops following the page. */
  const [edited, setEdited] = useState<ProductSnapshot | null>(null);
  const [editing, setEditing] = useState(false);
  const [cartOpen, setCartOpen] = useState(false); // the cart, shown in place of the page's purchase form
  const [quantity, setQuantity] = useState(1); // the purchase form's, which "Add to cart" adds
  const ids = { profile: useId(), service: useId() };
  // The parts loaded on demand are asked for once the first read is on screen (see `Later`): a transition, so the
  // browser paints the card first even when it was drawn synchronously (`mount`).
  const [later, setLater] = useState(false);
  useEffect(() => {
    if (detection) startTransition(() => setLater(true));
  }, [detection]);
  const { settings, sessionKeys, profiles, bySite, shown, records, checkouts } = usePopupState(opened, later);

  useEffect(() => {
    if (profiles && !profileId) setProfileId(defaultProfile(profiles)?.id ?? '');
  }, [profiles, profileId]);

  const detected = detection && detection.kind !== 'unreadable' ? detection.product : null;
  // A page that shows no product has nothing to say about one: only its address is sent, with the user's words.
  const fromPage = detection?.kind === 'no-product' ? { ...detection.product, name: null, image: null, price: null, currency: null, variant: null } : detected;
  const product = edited ?? fromPage;
  const host = hostOf(detected?.url);
  const connected = settings && sessionKeys ? connectedServices(settings, sessionKeys) : [];
  // The demo product page exists only inside the extension: only the DEMO service is offered there.
  const demoPage = detected !== null && isDemoPageUrl(detected.url);
  const offered = demoPage ? connected.filter(isSimulated) : connected;
  const remembered = bySite?.[host];
  const preferred = settings && sessionKeys ? preferredService(settings, sessionKeys) : null;
  const service: ServiceId | null =
    chosen && offered.includes(chosen) ? chosen : remembered && offered.includes(remembered) ? remembered : preferred && offered.includes(preferred) ? preferred : offered[0] ?? null;
  const connection = service && settings && sessionKeys ? connectionOf(settings, sessionKeys, service) : null;
  const noService = settings !== undefined && sessionKeys !== undefined && connected.length === 0;
  // On the demo page with the demo off, the one thing to say is how to switch it on.
  const demoOff = demoPage && offered.length === 0;
  const demo = service !== null && isSimulated(service);
  const noProfiles = profiles !== undefined && profiles.profiles.length === 0;
  const profile = profiles?.profiles.find((p) => p.id === profileId) ?? null;
  const watchable = detection?.kind === 'product' && detected?.price && detected.currency && /^https?:/.test(detected.url) && !demoPage && profiles?.profiles.length ? detected : null;

  // A checkout link shown here before (the popup was closed) is shown again.
  const restoredId = target && shown ? shown[target] ?? null : null;
  // Every purchase once read; until then, the few the first read checked (the newest, and the one shown here before).
  const known = checkouts?.records ?? records;
  const unreadableRecords = checkouts?.unreadable ?? [];
  const active = useMemo(() => known.find((r) => r.id === (activeId ?? restoredId)) ?? null, [known, activeId, restoredId]);
  const handingOff = active && isLink(active) ? active : null;

  /** A checkout started here; a checkout link is remembered for this tab, so reopening the popup shows it. */
  function started(recordId: string, link: boolean) {
    setActiveId(recordId);
    if (target && link) rememberCheckout(target, recordId);
  }

  function chooseService(id: ServiceId) {
    setChosen(id);
    setNotice(null);
    if (host) rememberService(host, id);
  }

  function newCheckout() {
    setActiveId(null);
    setNotice(null);
    if (target) rememberCheckout(target, null);
  }

  const statusText = active
    ? `${notice ? `${notice.text} ` : ''}${t('popupStatusLine', isLink(active) ? checkoutName(active) : active.product.name ?? t('popupPurchase'), describeState(active))}`
    : notice?.text ?? '';
  const good = active && (active.state === 'completed' || active.state === 'paid');
  const statusTone = active ? (good ? 'ok' : isFinal(active) || active.state === 'outcome_unknown' ? 'error' : 'info') : notice?.tone;

  const profilePicker = (
    <>
      <label htmlFor={ids.profile}>{t('popupShippingProfile')}</label>
      <select id={ids.profile} value={profileId} onChange={(e) => setProfileId(e.target.value)} disabled={noProfiles}>
        {profiles?.profiles.map((p) => (
          <option key={p.id} value={p.id}>
            {p.label} — {p.firstName} {p.lastName}, {p.city}
          </option>
        ))}
      </select>
    </>
  );
  const kind = serviceOf(service ?? 'smartcheckout').kind;

  return (
    <main>
      <header className="popup-header">
        <h1>{t('extName')}</h1>
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
          {t('popupOptionsLink')}
        </a>
      </header>

      {detection === null ? <p className="muted">{t('popupReading')}</p> : null}
      {detection?.kind === 'unreadable' ? <p className="error">{detection.message}</p> : null}
      {detection?.kind === 'unreadable' || (detection?.kind === 'no-product' && !edited) ? (
        <Later ready={later}>
          <NextSteps />
        </Later>
      ) : null}
      {detection?.kind === 'link' ? (
        <p>
          {t('popupLinkBefore')} <span className="link-url">{detection.product.url}</span>. {kind === 'agent' ? t('popupLinkAfter') : null}
        </p>
      ) : null}
      {detection?.kind === 'no-product' && kind === 'agent' ? <p className="muted">{t('popupNoProduct')}</p> : null}
      {product && (detection?.kind === 'product' || edited) && !editing ? <ProductCard product={product} /> : null}
      {product && !editing && !handingOff && (kind === 'agent' || detection?.kind === 'product' || edited) ? (
        <p className="edit-links">
          <button type="button" className="link" onClick={() => setEditing(true)}>
            {t('popupEditDetails')}
          </button>
          {edited ? (
            <button type="button" className="link" onClick={() => setEdited(null)}>
              {t('popupUsePageDetails')}
            </button>
          ) : null}
        </p>
      ) : null}
      {product && editing ? (
        <Later ready={later}>
          <ProductEditor
            product={product}
            onSave={(next) => {
              setEdited(next);
              setEditing(false);
            }}
            onCancel={() => setEditing(false)}
          />
        </Later>
      ) : null}

      {noService && !demoOff ? (
        <p className="error">
          {t('popupNeedKeyBefore')} <OptionsLink /> {t('popupNeedKeyAfter')}
        </p>
      ) : null}
      {noService || demoOff ? (
        <p>
          {demoOff ? `${t('popupDemoOff')} ` : null}
          <button type="button" onClick={switchDemoOn}>
            {t('popupDemoOn')}
          </button>
        </p>
      ) : null}
      {demo && !handingOff ? (
        <p className="demo-notice">
          <span className="demo-mark">{t('demoMark')}</span> {t('popupDemoNotice')}
        </p>
      ) : null}
      {noProfiles ? (
        <p className="error">
          {t('popupNeedProfileBefore')} <OptionsLink /> {t('popupNeedProfileAfter')}
        </p>
      ) : null}

      {offered.length > 1 && !handingOff ? (
        <>
          <label htmlFor={ids.service}>{t('popupServiceLabel')}</label>
          <select id={ids.service} value={service ?? ''} onChange={(e) => chooseService(e.target.value as ServiceId)}>
            {offered.map((id) => (
              <option key={id} value={id}>
                {serviceOf(id).name}
              </option>
            ))}
          </select>
        </>
      ) : null}
      {connection?.mode === 'test' && service ? <p className="test-mode">{t('popupTestMode', serviceOf(service).name)}</p> : null}

      {settings && !handingOff && !editing ? (
        <Later ready={later}>
          <CartBar product={detection?.kind === 'product' ? product : null} quantity={kind === 'agent' ? quantity : 1} tabId={tabId} open={cartOpen} onOpen={setCartOpen} service={service} settings={settings} checkouts={checkouts} profile={profile} profilePicker={profilePicker} onNotice={setNotice} />
        </Later>
      ) : null}
      {cartOpen ? null : handingOff ? (
        <section className="handoff-section" aria-label={t('linkHeading')}>
          <h2>{t('linkHeading')}</h2>
          <Later ready={later}>
            <CheckoutHandoff record={handingOff} withQr onNotice={(text) => setNotice({ text, tone: 'info' })} />
          </Later>
          <button type="button" className="link" onClick={newCheckout}>
            {t('popupNewCheckout')}
          </button>
        </section>
      ) : product && settings && kind === 'agent' ? (
        <Later ready={later}>
          <AgentPurchase
            key={service ?? 'none'}
            service={service ?? (demoPage ? 'demo' : 'smartcheckout')}
            product={product}
            detected={detection?.kind === 'product' ? detection.product : null}
            detection={detection}
            edited={edited !== null}
            tabId={tabId}
            settings={settings}
            checkouts={checkouts}
            profile={profile}
            profilePicker={profilePicker}
            disabled={noService || noProfiles || demoOff}
            onNotice={setNotice}
            onStarted={(id) => started(id, false)}
            onQuantity={setQuantity}
          />
        </Later>
      ) : product && service ? (
        <Later ready={later}>
          <LinkCheckout key={service} service={service} product={product} profile={profile} profilePicker={profilePicker} disabled={noProfiles} onNotice={setNotice} onStarted={(id) => started(id, true)} />
        </Later>
      ) : null}

      {/* "Watch price": a product page with a price, as the page states it (not edited, not the demo page). */}
      {watchable && !handingOff && !cartOpen && settings && profiles ? <Later ready={later}><WatchPrice product={watchable} settings={settings} profiles={profiles.profiles} profileId={profileId} onNotice={setNotice} /></Later> : null}
      <div role="status" aria-live="polite" className={`status status--${statusTone ?? 'info'}`}>
        {statusText}
        {notice?.needsOptions && !active ? (
          <>
            {' '}
            <OptionsLink />
          </>
        ) : null}
      </div>

      {known.length || unreadableRecords.length ? (
        <section className="recent" aria-label={t('popupRecent')}>
          <h2>{t('popupRecent')}</h2>
          <Later ready={later}>
            <PurchaseList
              records={known.slice(0, RECENT_COUNT)}
              unreadable={unreadableRecords.slice(0, RECENT_COUNT)}
              onCheckAgain={(id) => void sendMessage({ type: 'checkout:recheck', id })}
              onResolve={(id) => void sendMessage({ type: 'checkout:resolve', id })}
            />
          </Later>
        </section>
      ) : null}
    </main>
  );
}

/** A part loaded on demand, asked for only once `ready` (the first read is on screen), so it never holds that up. */
function Later({ ready, children }: { ready: boolean; children: React.ReactNode }) {
  return ready ? <Suspense fallback={null}>{children}</Suspense> : null;
}

function OptionsLink() {
  return (
    <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
      {t('popupOptionsLink')}
    </a>
  );
}
