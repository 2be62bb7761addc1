import { type FormEvent, useId, useMemo, useState } from 'react';
import { countryOptions } from '../utils/profiles/countries';
import type { Profile, ProfileField } from '../utils/profiles/schema';
import { subdivisionsOf } from '../utils/profiles/subdivisions';
import { type ProfileDraft as Draft, validateProfileDraft } from '../utils/profiles/validate';

interface FieldSpec {
  name: ProfileField;
  label: string;
  autoComplete: string;
  type?: string;
}

const FIELDS: FieldSpec[] = [
  { name: 'label', label: 'Label', autoComplete: 'off' },
  { name: 'firstName', label: 'First name', autoComplete: 'given-name' },
  { name: 'lastName', label: 'Last name', autoComplete: 'family-name' },
  { name: 'email', label: 'Email', autoComplete: 'email', type: 'email' },
  { name: 'phone', label: 'Phone', autoComplete: 'tel', type: 'tel' },
  { name: 'address1', label: 'Address line 1', autoComplete: 'address-line1' },
  { name: 'address2', label: 'Address line 2', autoComplete: 'address-line2' },
  { name: 'city', label: 'City', autoComplete: 'address-level2' },
  { name: 'province', label: 'State / province', autoComplete: 'address-level1' },
  { name: 'postalCode', label: 'Postal code', autoComplete: 'postal-code' },
];

/** Order of the fields on screen: the country comes first because it decides the rest. */
const FIELD_ORDER: ProfileField[] = ['label', 'firstName', 'lastName', 'email', 'phone', 'country', 'address1', 'address2', 'city', 'province', 'postalCode'];

export const EMPTY_DRAFT: Draft = {
  label: 'Home',
  firstName: '',
  lastName: '',
  email: '',
  phone: '',
  address1: '',
  address2: '',
  city: '',
  province: '',
  postalCode: '',
  country: '',
};

interface Props {
  initial: Draft;
  id: string;
  onSave: (profile: Profile) => Promise<void>;
  onCancel?: () => void;
}

/** Add or edit one address profile; errors are shown next to each field, in words. */
export function ProfileForm({ initial, id, onSave, onCancel }: Props) {
  const [draft, setDraft] = useState<Draft>(initial);
  const [errors, setErrors] = useState<Partial<Record<ProfileField, string>>>({});
  const [saved, setSaved] = useState('');
  const prefix = useId();
  const countries = useMemo(() => countryOptions(navigator.language || 'en'), []);

  const set = (name: ProfileField, value: string) => setDraft((d) => ({ ...d, [name]: value }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const result = validateProfileDraft(id, draft);
    if ('errors' in result) {
      setErrors(result.errors);
      setSaved('');
      const first = FIELD_ORDER.find((name) => result.errors[name]);
      form.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    setErrors({});
    const { profile } = result;
    await onSave(profile);
    setDraft({ ...profile });
    setSaved(`Profile “${profile.label}” saved.`);
  }

  const fieldId = (name: string) => `${prefix}-${name}`;
  const describedBy = (name: ProfileField) => (errors[name] ? `${fieldId(name)}-error` : undefined);

  const subdivisions = subdivisionsOf(draft.country);
  const errorOf = (name: ProfileField) =>
    errors[name] ? (
      <p id={`${fieldId(name)}-error`} className="field-error">
        {errors[name]}
      </p>
    ) : null;
  const common = (name: ProfileField) => ({
    id: fieldId(name),
    name,
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': describedBy(name),
  });

  function control(name: ProfileField) {
    if (name === 'country') {
      return (
        <select {...common('country')} autoComplete="country" value={draft.country} onChange={(e) => set('country', e.target.value)}>
          <option value="">Choose a country…</option>
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      );
    }
    if (name === 'province' && subdivisions) {
      return (
        <select {...common('province')} autoComplete="address-level1" value={draft.province} onChange={(e) => set('province', e.target.value)}>
          <option value="">Choose…</option>
          {subdivisions.map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </select>
      );
    }
    const spec = FIELDS.find((f) => f.name === name)!;
    return <input {...common(name)} type={spec.type ?? 'text'} autoComplete={spec.autoComplete} value={draft[name]} onChange={(e) => set(name, e.target.value)} />;
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Address profile">
      {FIELD_ORDER.map((name) => (
        <div key={name}>
          <label htmlFor={fieldId(name)}>{name === 'country' ? 'Country' : FIELDS.find((f) => f.name === name)!.label}</label>
          {control(name)}
          {errorOf(name)}
        </div>
      ))}
      <div className="form-actions">
        <button type="submit" className="primary">
          Save profile
        </button>
        {onCancel ? (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
        <span role="status">{saved}</span>
      </div>
    </form>
  );
}
