/**
 * How the demo service simulates a purchase, with no network and no memory: everything it needs to answer a
 * status read is written into the checkout id when the purchase is created, so a stopped worker (or a new adapter)
 * answers the same. A purchase is "processing" for `DEMO_PROCESSING_MS`, then completed at the page's price ×
 * quantity, or failed when the product's name or address contains "fail" (the demo page's second product).
 */

export const DEMO_PROCESSING_MS = 4_000;
const ID = /^demo_(ok|fail)_(\d{1,15})_(\d{1,9}(?:\.\d{1,4})?|x)_([A-Z]{3}|x)$/;

export interface DemoPlan {
  fails: boolean;
  startedAt: number;
  amount: string | null;
  currency: string | null;
}

/** True when the demo purchase of this product is the failure case. */
export function demoFails(product: { name: string | null; url: string }): boolean {
  return /fail/i.test(product.name ?? '') || /fail/i.test(product.url);
}

/** The checkout id that carries the plan. */
export function demoCheckoutId(plan: DemoPlan): string {
  return `demo_${plan.fails ? 'fail' : 'ok'}_${plan.startedAt}_${plan.amount ?? 'x'}_${plan.currency ?? 'x'}`;
}

/** The plan a checkout id carries, or null when it is not a demo id. */
export function demoPlanOf(checkoutId: string): DemoPlan | null {
  const match = ID.exec(checkoutId);
  if (!match) return null;
  const [, outcome, startedAt, amount, currency] = match;
  return { fails: outcome === 'fail', startedAt: Number(startedAt), amount: amount === 'x' ? null : amount!, currency: currency === 'x' ? null : currency! };
}
