import * as z from 'zod/mini';
import { moneySchema } from '../money/money';
import { SERVICE_IDS } from '../services/registry';

const text = (max: number) => z.string().check(z.maxLength(max));
const hex64 = z.string().check(z.regex(/^[0-9a-f]{64}$/));

/**
 * What the user approved when they confirmed a purchase or a checkout link, written with the record and never
 * changed after. `digest` is the SHA-256 of the canonical JSON (`canonicalJson`) of every other field.
 * Limits are generous: a receipt that failed them would make its whole purchase unreadable.
 */
export const receiptSchema = z.object({
  version: z.literal(1),
  pageUrl: text(4000),
  product: z.object({ name: z.nullable(text(1000)), price: z.nullable(text(60)), currency: z.nullable(text(16)) }),
  variant: z.nullable(z.object({ label: text(8000), id: z.nullable(text(1000)), sku: z.nullable(text(1000)) })),
  quantity: z.int().check(z.minimum(1)),
  /** Listed price × quantity (agent purchases), or the amount the checkout link was quoted at. */
  total: z.nullable(moneySchema),
  /** The most the agent may spend (agent purchases only). */
  ceiling: z.nullable(moneySchema),
  service: z.enum(SERVICE_IDS),
  /** The profile's name, and the SHA-256 of its shipping address as sent: it proves which address without repeating it. */
  profile: z.object({ label: text(1000), addressDigest: hex64 }),
  /** The prompt exactly as sent ('' for checkout links). */
  prompt: text(50_000),
  approvedAt: z.number(),
  /**
   * The price watch whose mandate approved it, when a watch bought it ("Buy automatically"): the watch, its most it
   * may spend, when it was signed and until when. Null for purchases confirmed by the user (and older receipts).
   */
  mandate: z._default(z.nullable(z.object({ watchId: text(64), ceiling: moneySchema, signedAt: z.number(), until: z.number() })), null),
  digest: hex64,
});
export type Receipt = z.infer<typeof receiptSchema>;
