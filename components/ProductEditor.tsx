import { type FormEvent, useState } from 'react';
import { type ProductSnapshot, productSnapshotSchema } from '../utils/product/snapshot';
import { t } from '../utils/i18n';

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

  function save(event: FormEvent) {
    event.preventDefault();
    const cleanOptions = Object.fromEntries(options.filter(([k, v]) => k.trim() && v.trim()).map(([k, v]) => [k.trim(), v.trim()]));
    const hasVariant = sku.trim() || Object.keys(cleanOptions).length || product.variant?.id;
    const candidate = {
      ...product,
      name: name.trim() || null,
      price: price.trim().replace(',', '.') || null,
      currency: currency.trim().toUpperCase() || null,
      variant: hasVariant ? { id: product.variant?.id ?? null, sku: sku.trim() || null, options: cleanOptions, label: null } : null,
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
          <input id={`edit-option-${index}`} value={value} onChange={(e) => setOptions(options.map((o, i) => (i === index ? [o[0], e.target.value] : o)))} />
        </div>
      ))}
      <label htmlFor="edit-sku">{t('editorSku')}</label>
      <input id="edit-sku" value={sku} onChange={(e) => setSku(e.target.value)} />
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
