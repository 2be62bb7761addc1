import { type Profile, toShippingAddress } from '../profiles/schema';
import type { Variant } from '../product/snapshot';

export interface PurchaseDetails {
  profile: Profile;
  variant: Variant | null;
  quantity: number;
  /** The user's own words. */
  instructions: string;
  /** Price cap the agent must respect, when the user set one. */
  maxPrice?: { amount: string; currency: string } | null;
}

/** Restates variant, quantity and price cap in plain words (the agent reads free text), then the user's words. */
export function buildPrompt({ variant, quantity, instructions, maxPrice }: Omit<PurchaseDetails, 'profile'>): string {
  const parts: string[] = [];
  if (variant) {
    const options = Object.entries(variant.options).map(([name, value]) => `${name} ${value}`);
    const described = options.length ? options.join(', ') : variant.label ?? '';
    const ids = [variant.sku && `SKU ${variant.sku}`, variant.id && `variant id ${variant.id}`].filter(Boolean).join(', ');
    if (described || ids) parts.push(`Variant: ${[described, ids && (described ? `(${ids})` : ids)].filter(Boolean).join(' ')}.`);
  }
  parts.push(`Quantity: ${quantity}.`);
  if (maxPrice) parts.push(`Do not pay more than ${maxPrice.amount} ${maxPrice.currency}.`);
  const own = instructions.trim();
  if (own) parts.push(own);
  return parts.join(' ');
}

/** The `user_data` object sent with a checkout, exactly in the shape the API contract page defines. */
export function buildUserData(details: PurchaseDetails): Record<string, unknown> {
  const { profile, variant, quantity, maxPrice } = details;
  return {
    email: profile.email,
    prompt: buildPrompt(details),
    quantity,
    ...(variant ? { variant: { id: variant.id, sku: variant.sku, options: variant.options } } : {}),
    ...(maxPrice ? { max_price: maxPrice } : {}),
    shipping_address: toShippingAddress(profile),
  };
}
