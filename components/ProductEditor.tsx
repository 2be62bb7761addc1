import { type FormEvent, useState } from 'react';
import { type ProductSnapshot, productSnapshotSchema } from '../utils/product/snapshot';
import { variantInPath, withoutVariantParams } from '../utils/product/url';
import { t } from '../utils/shared/i18n';

interface Props {
  product: ProductSnapshot;
  onSave: (product: ProductSnapshot) => void;
  onCancel: () => void;
}

/** Lets the user correct what was detected (name, price, currency, variant) before buying. */
export function ProductEditor({ product, onSave, onCancel }: Props) {
  const [name, setName] = useState(product.name ?? '');
  const [price, setPrice] = useState(product.price ?? '');
  const [currency, setCurrency] = useState(product.currency ?? '');
  const [sku, setSku] = useState(product.variant?.sku ?? '');
  const [options, setOptions] = useState<[string, string][]>(Object.entries(product.variant?.options ?? {}));
  const [error, setError] = useState<string | null>(null);

  const detectedSku = product.variant?.sku ?? '';
  const cleanOptions = Object.fromEntries(options.filter(([k, v]) => k.trim() && v.trim()).map(([k, v]) => [k.trim(), v.trim()]));
  const optionsEdited = JSON.stringify(Object.entries(cleanOptions)) !== JSON.stringify(Object.entries(product.variant?.options ?? {}));
  // The user described another variant: what identified the detected one (its id, SKU and the URL's variant
  // parameters) would contradict it, so it goes; only what the user wrote is sent.
  const variantEdited = optionsEdited || sku.trim() !== detectedSku;
  // A variant named in the path cannot be removed without maybe breaking the address: the user is told instead.
  const namedInPath = variantEdited ? variantInPath(product.url) : null;

  /** A changed option describes another variant: the detected SKU no longer names it, so it is cleared too. */
  function editOption(index: number, value: string) {
    setOptions(options.map((o, i) => (i === index ? [o[0], value] : o)));
    if (sku === detectedSku) setSku('');
  }

  function save(event: FormEvent) {
    event.preventDefault();
    const id = variantEdited ? null : product.variant?.id ?? null;
    const hasVariant = sku.trim() || Object.keys(cleanOptions).length || id;
    const candidate = {
      ...product,
      url: variantEdited ? withoutVariantParams(product.url) : product.url,
      name: name.trim() || null,
      price: price.trim().replace(',', '.') || null,
      currency: currency.trim().toUpperCase() || null,
      variant: hasVariant ? { id, sku: sku.trim() || null, options: cleanOptions, label: variantEdited ? null : product.variant?.label ?? null } : null,
      // The product's SKU is the selected variant's: a corrected variant SKU corrects it too.
      sku: sku.trim() || (product.variant?.sku ? null : product.sku),
    };
    const parsed = productSnapshotSchema.safeParse(candidate);
    if (!parsed.success) {
      setError(editorError(parsed.error.issues[0]!.path[0]));
      return;
    }
    onSave(parsed.data);
  }

  return (
    <form className="product-editor" onSubmit={save} aria-label={t('editorTitle')} noValidate>
      <label htmlFor="edit-name">{t('editorName')}</label>
      <input id="edit-name" value={name} onChange={(e) => setName(e.target.value)} />
      <div className="row">
        <div>
          <label htmlFor="edit-price">{t('editorPrice')}</label>
          <input id="edit-price" inputMode="decimal" value={price} onChange={(e) => setPrice(e.target.value)} />
        </div>
        <div>
          <label htmlFor="edit-currency">{t('editorCurrency')}</label>
          <input id="edit-currency" maxLength={3} value={currency} onChange={(e) => setCurrency(e.target.value)} />
        </div>
      </div>
      {options.map(([key, value], index) => (
        <div key={index}>
          <label htmlFor={`edit-option-${index}`}>{key}</label>
          <input id={`edit-option-${index}`} value={value} onChange={(e) => editOption(index, e.target.value)} />
        </div>
      ))}
      <label htmlFor="edit-sku">{t('editorSku')}</label>
      <input id="edit-sku" value={sku} onChange={(e) => setSku(e.target.value)} />
      {namedInPath ? (
        <p role="alert" className="field-error">
          {t('editorVariantInPath', namedInPath)}
        </p>
      ) : null}
      {error ? <p className="field-error">{error}</p> : null}
      <div className="confirm__actions">
        <button type="submit" className="primary">
          {t('editorSave')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

/** The first problem with the corrected details, by the field it is about. */
function editorError(field: PropertyKey | undefined): string {
  if (field === 'price') return t('editorPriceInvalid');
  if (field === 'currency') return t('editorCurrencyInvalid');
  return t('editorInvalid');
}
