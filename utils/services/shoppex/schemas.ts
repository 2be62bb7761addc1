import * as z from 'zod/mini';
import { decimalAmount, nonEmptyString, optionalHttpUrl, optionalString } from '../fields';

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
    // A created session must not be reported as failed over an odd optional field.
    amount: z.catch(decimalAmount(), null),
    currency: optionalString(),
    expires_at: z.optional(z.unknown()),
  }),
});

/** `GET /payments/{id}`. */
export const paymentResponseSchema = z.object({
  data: z.object({
    id: nonEmptyString(),
    uniqid: optionalString(),
    status: nonEmptyString(),
    total: decimalAmount(),
    currency: optionalString(),
    gateway: optionalString(),
  }),
});
