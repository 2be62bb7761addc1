import * as z from 'zod/mini';

/** An amount as a decimal string ("60.00") with its ISO 4217 currency. */
export const moneySchema = z.object({
  amount: z.string().check(z.regex(/^\d{1,9}(\.\d{1,4})?$/, 'Amount must be a number like 60 or 60.00')),
  currency: z.string().check(z.regex(/^[A-Z]{3}$/, 'Currency must be a three-letter code like USD')),
});
export type Money = z.infer<typeof moneySchema>;

// Amounts are compared in ten-thousandths, as integers, so 0.1 + 0.2 never lands over a limit.
const SCALE = 10_000;

export function toUnits(amount: string): number {
  return Math.round(Number(amount) * SCALE);
}

export function fromUnits(units: number): string {
  return (units / SCALE).toFixed(2);
}

/** "60.00 USD" */
export function formatAmount(units: number, currency: string): string {
  return `${fromUnits(units)} ${currency}`;
}

/** Multiplies a decimal amount by a whole quantity. */
export function times(amount: string, quantity: number): number {
  return toUnits(amount) * quantity;
}
