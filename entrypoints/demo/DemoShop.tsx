import { useEffect, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { t } from '../../utils/shared/i18n';
import { DEMO_PRODUCTS, type DemoProductId, isDemoProductId } from '../../utils/services/demo/products';
import { useShortcut } from '../../components/useShortcut';

/**
 * Where an option's choice is kept in the address. Not `size`/`color`, which the detector reads as the variant's
 * option names: the page's own labels name them, in the user's language.
 */
const paramOf = (label: string) => (label === 'demoSize' ? 's' : 'c');

function productFromUrl(): DemoProductId {
  const asked = new URLSearchParams(location.search).get('product');
  return isDemoProductId(asked) ? asked : 'tee';
}

/**
 * The demo product page that ships with the extension: a product with a size and a colour, bought with the built-in
 * demo service from the toolbar button, like any shop's page. The choice is kept in the address, as shops do.
 */
export function DemoShop() {
  const id = productFromUrl();
  const product = DEMO_PRODUCTS[id];
  const [choice, setChoice] = useState<Record<string, string>>(() => {
    const params = new URLSearchParams(location.search);
    return Object.fromEntries(product.options.map((o) => [o.label, params.get(paramOf(o.label)) ?? o.values[0]!.value]));
  });
  const shortcut = useShortcut();
  const baseId = useId();

  useEffect(() => {
    const params = new URLSearchParams({ product: id });
    for (const option of product.options) params.set(paramOf(option.label), choice[option.label]!);
    history.replaceState(null, '', `?${params}`);
  }, [id, product, choice]);

  // Structured data, as shops publish it: the detector reads it like any shop's.
  useEffect(() => {
    const script = document.createElement('script');
    script.type = 'application/ld+json';
    script.textContent = JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'Product',
      name: t(product.name),
      sku: `DEMO-${id.toUpperCase()}`,
      offers: { '@type': 'Offer', price: product.price, priceCurrency: product.currency, availability: 'https://schema.org/InStock' },
    });
    document.head.append(script);
    return () => script.remove();
  }, [id, product]);

  const other: DemoProductId = id === 'tee' ? 'fail-print' : 'tee';

  return (
    <>
      <header className="demo-banner">
        <strong className="demo-mark">{t('demoMark')}</strong> {t('demoBanner')}
      </header>
      <main className="demo-page">
        <article className="demo-product" aria-labelledby={`${baseId}-name`}>
          <img src={browser.runtime.getURL(product.image as '/demo/tee.svg')} alt={t('demoPictureOf', t(product.name))} width={200} height={200} />
          <div>
            <h1 id={`${baseId}-name`}>{t(product.name)}</h1>
            <p className="demo-price price">
              {product.price} {product.currency}
            </p>
            <p>{t(product.description)}</p>
            {product.options.map((option) => (
              <div key={option.label}>
                <label htmlFor={`${baseId}-${option.label}`}>{t(option.label)}</label>
                <select id={`${baseId}-${option.label}`} value={choice[option.label]} onChange={(e) => setChoice({ ...choice, [option.label]: e.target.value })}>
                  {option.values.map((v) => (
                    <option key={v.value} value={v.value}>
                      {v.label ? t(v.label) : v.value}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </div>
        </article>
        <section className="demo-next" aria-labelledby={`${baseId}-next`}>
          <h2 id={`${baseId}-next`}>{t('demoHowHeading')}</h2>
          <p>{shortcut ? t('demoHowShortcut', shortcut) : t('demoHow')}</p>
          <p className="hint">{t('demoNothingSent')}</p>
          <p>
            <a href={`?product=${other}`}>{t(other === 'fail-print' ? 'demoSeeFailure' : 'demoSeeSuccess')}</a>
          </p>
        </section>
      </main>
    </>
  );
}
