import * as z from 'zod/mini';
import { nonEmptyString, optionalHttpUrl, optionalString } from '../fields';
import { serviceValue } from '../reportedMoney';

// Shoppex wraps every answer in `data`. Only what the extension uses is required.

/** `GET /me/capabilities`. Its fields are not documented beyond "enabled gateways": read leniently. */
export const capabilitiesResponseSchema = z.object({
  data: z.object({
    gateways: z.pipe(
      z.optional(z.unknown()),
      z.transform((value) => (Array.isArray(value) ? value.map(gatewayName).filter((name): name is string => name !== null) : [])),
    ),
  }),
});

// A gateway may be listed as "STRIPE" or as { "gateway"/"name"/"id": "STRIPE", "enabled": true }.
function gatewayName(entry: unknown): string | null {
  if (typeof entry === 'string') return entry || null;
  if (!entry || typeof entry !== 'object') return null;
  const record = entry as Record<string, unknown>;
  if (record.enabled === false) return null;
  const name = record.gateway ?? record.name ?? record.id;
  return typeof name === 'string' && name ? name : null;
}

/** `POST /checkout/sessions`. `expires_at` is documented without a format: read by `timeToMs`. */
export const sessionResponseSchema = z.object({
  data: z.object({
    id: nonEmptyString(),
    status: nonEmptyString(),
    url: optionalHttpUrl(),
    checkout_url: optionalHttpUrl(),
    // Amount and currency vary (a number or text, "usd" or "USD"): read by `readQuotedMoney`, never a reason to fail.
    amount: serviceValue(),
    currency: serviceValue(),
    expires_at: z.optional(z.unknown()),
  }),
});

/** `GET /payments/{id}`. */
export const paymentResponseSchema = z.object({
  data: z.object({
    id: nonEmptyString(),
    uniqid: optionalString(),
    status: nonEmptyString(),
    // Read by `readReportedMoney`: an odd total or currency is kept as text, never a reason to lose the payment.
    total: serviceValue(),
    currency: serviceValue(),
    gateway: optionalString(),
  }),
});
