import type { ProductSnapshot } from '../utils/product/snapshot';
import { describeVariant } from '../utils/product/describe';
import { isDemoPageUrl } from '../utils/product/demoPage';
import { t } from '../utils/shared/i18n';

/** The detected product: image, name, price, selected variant and identifiers. Text only: page data is never rendered as HTML. */
export function ProductCard({ product }: { product: ProductSnapshot }) {
  const variant = describeVariant(product.variant);
  const ids = [
    product.brand ? t('productBrand', product.brand) : null,
    product.sku ? t('productSku', product.sku) : null,
    product.mpn && product.mpn !== product.sku ? t('productMpn', product.mpn) : null,
    product.gtin ? t('productGtin', product.gtin) : null,
  ].filter((id): id is string => id !== null);
  return (
    <section className="product-card" aria-label={t('productCardLabel')}>
      {product.image ? <img src={product.image} alt="" width={72} height={72} /> : <div className="product-card__placeholder" aria-hidden="true" />}
      <div className="product-card__text">
        <h2 className="product-card__name">{product.name ?? t('productUnnamed')}</h2>
        <p className="product-card__price">
          {product.price ? `${product.price}${product.currency ? ` ${product.currency}` : ''}` : t('productNoPrice')}
        </p>
        {variant ? <p className="product-card__variant">{t('productVariant', variant)}</p> : null}
        {ids.length ? (
          <p className="product-card__ids" aria-label={t('productIdsLabel')}>
            {ids.map((id) => (
              <span key={id}>{id}</span>
            ))}
          </p>
        ) : null}
        <p className="product-card__url" title={product.url}>
          {isDemoPageUrl(product.url) ? t('demoPageAddress') : hostAndPath(product.url)}
        </p>
      </div>
    </section>
  );
}

function hostAndPath(value: string): string {
  const url = new URL(value);
  return `${url.host}${url.pathname}${url.search}`;
}
