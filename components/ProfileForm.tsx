import { type FormEvent, useId, useMemo, useState } from 'react';
import { countryOptions } from '../utils/profiles/countries';
import { type MessageKey, t, uiLanguage } from '../utils/shared/i18n';
import type { Profile, ProfileField } from '../utils/profiles/schema';
import { subdivisionsOf } from '../utils/profiles/subdivisions';
import { type ProfileDraft as Draft, validateProfileDraft } from '../utils/profiles/validate';

interface FieldSpec {
  name: ProfileField;
  label: MessageKey;
  autoComplete: string;
  type?: string;
}

/** The fields in their order on screen: the country comes before the address because it decides the rest. */
const FIELDS: FieldSpec[] = [
  { name: 'label', label: 'fieldLabel', autoComplete: 'off' },
  { name: 'firstName', label: 'fieldFirstName', autoComplete: 'given-name' },
  { name: 'lastName', label: 'fieldLastName', autoComplete: 'family-name' },
  { name: 'email', label: 'fieldEmail', autoComplete: 'email', type: 'email' },
  { name: 'phone', label: 'fieldPhone', autoComplete: 'tel', type: 'tel' },
  { name: 'country', label: 'fieldCountry', autoComplete: 'country' },
  { name: 'address1', label: 'fieldAddress1', autoComplete: 'address-line1' },
  { name: 'address2', label: 'fieldAddress2', autoComplete: 'address-line2' },
  { name: 'city', label: 'fieldCity', autoComplete: 'address-level2' },
  { name: 'province', label: 'fieldProvince', autoComplete: 'address-level1' },
  { name: 'postalCode', label: 'fieldPostalCode', autoComplete: 'postal-code' },
];


/** A new profile's fields; its label defaults to "Home" in the user's language. */
export const emptyDraft = (): Draft => ({
  label: t('profileDefaultLabel'),
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
});

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
  const countries = useMemo(() => countryOptions(uiLanguage()), []);

  const set = (name: ProfileField, value: string) => setDraft((d) => ({ ...d, [name]: value }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const result = validateProfileDraft(id, draft);
    if ('errors' in result) {
      setErrors(result.errors);
      setSaved('');
      const first = FIELDS.find((f) => result.errors[f.name])?.name;
      form.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    setErrors({});
    const { profile } = result;
    await onSave(profile);
    setDraft({ ...profile });
    setSaved(t('profileSaved', profile.label));
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

  function control({ name, autoComplete, type }: FieldSpec) {
    if (name === 'country') {
      return (
        <select {...common('country')} autoComplete={autoComplete} value={draft.country} onChange={(e) => set('country', e.target.value)}>
          <option value="">{t('profileChooseCountryOption')}</option>
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
        <select {...common('province')} autoComplete={autoComplete} value={draft.province} onChange={(e) => set('province', e.target.value)}>
          <option value="">{t('profileChooseOption')}</option>
          {subdivisions.map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </select>
      );
    }
    return <input {...common(name)} type={type ?? 'text'} autoComplete={autoComplete} value={draft[name]} onChange={(e) => set(name, e.target.value)} />;
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('profileFormLabel')}>
      {FIELDS.map((field) => (
        <div key={field.name}>
          <label htmlFor={fieldId(field.name)}>{t(field.label)}</label>
          {control(field)}
          {errorOf(field.name)}
        </div>
      ))}
      <div className="form-actions">
        <button type="submit" className="primary">
          {t('profileSave')}
        </button>
        {onCancel ? (
          <button type="button" onClick={onCancel}>
            {t('cancel')}
          </button>
        ) : null}
        <span role="status">{saved}</span>
      </div>
    </form>
  );
}
