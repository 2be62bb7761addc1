import { lazy, Suspense, useState } from 'react';
import { browser } from 'wxt/browser';
import { type CheckoutRecord, maskedLink } from '../utils/checkouts/record';
import { t } from '../utils/shared/i18n';

const QrCode = lazy(() => import('./QrCode'));

interface Props {
  record: CheckoutRecord;
  /** Where to say that the link was copied (the page's own status line). */
  onNotice(text: string): void;
  /** Offer the QR code too (the popup does; the history keeps to open and copy). */
  withQr?: boolean;
}

/**
 * Hands a checkout link to the customer: open it in a tab, copy it, or show it as a QR code to scan with a phone.
 * The link is shown without its fragment, which may hold a customer token.
 */
export function CheckoutHandoff({ record, onNotice, withQr = false }: Props) {
  const [qr, setQr] = useState(false);
  const url = record.checkoutUrl;
  if (!url) return null;

  async function copy() {
    try {
      await navigator.clipboard.writeText(url!);
      onNotice(t('linkCopied'));
    } catch {
      onNotice(t('linkNotCopied'));
    }
  }

  return (
    <div className="handoff">
      <p className="link-url">{maskedLink(url)}</p>
      <div className="handoff__actions">
        <button type="button" className="primary" onClick={() => void browser.tabs.create({ url })}>
          {t('linkOpen')}
        </button>
        <button type="button" onClick={() => void copy()}>
          {t('linkCopy')}
        </button>
        {withQr ? (
          <button type="button" aria-expanded={qr} onClick={() => setQr(!qr)}>
            {qr ? t('qrHide') : t('qrShow')}
          </button>
        ) : null}
      </div>
      {qr ? (
        <Suspense fallback={<div className="qr qr--placeholder" aria-busy="true" />}>
          <QrCode url={url} fileName={`checkout-${record.id.slice(0, 8)}`} />
        </Suspense>
      ) : null}
    </div>
  );
}
