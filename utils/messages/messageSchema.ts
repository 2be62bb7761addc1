import * as z from 'zod/mini';
import { offerSchema } from '../checkouts/recordSchema';
import { moneySchema } from '../money/money';
import { productSnapshotSchema } from '../product/snapshot';
import { SERVICE_IDS } from '../services/registry';

/** Every message an extension page may send the background; the background checks each one against this. */
export const messageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('checkout:start'),
    service: z._default(z.enum(SERVICE_IDS), 'smartcheckout'),
    product: productSnapshotSchema,
    quantity: z.int().check(z.minimum(1), z.maximum(99)),
    profileId: z.string().check(z.minLength(1), z.maxLength(64)),
    instructions: z.string().check(z.maxLength(2000)),
    /** The service's own part of the request; its adapter in the background reads it. */
    order: z.optional(z.unknown()),
    /** Text selected on the page (context menu): a hint about the product, sent as page data. */
    hint: z.optional(z.nullable(z.string().check(z.maxLength(2000)))),
    /** The popup's id for this attempt: sending it again never starts a second purchase. */
    attemptId: z.optional(z.string().check(z.regex(/^[0-9a-f-]{36}$/i))),
    /** The prompt the user confirmed, exactly as shown; absent when no confirmation was asked. */
    confirmedPrompt: z.optional(z.string().check(z.maxLength(20_000))),
    /** The most the agent may spend, as the user set it in the confirmation (checked against the cap and limits again). */
    ceiling: z.optional(z.nullable(moneySchema)),
    /** The shop tab, read once more by the background before sending, and its offer as the user saw it. */
    tabId: z.optional(z.nullable(z.int().check(z.minimum(0)))),
    seen: z.optional(z.nullable(offerSchema)),
  }),
  z.object({ type: z.literal('checkout:recheck'), id: z.string().check(z.minLength(1), z.maxLength(64)) }),
  z.object({ type: z.literal('checkout:resolve'), id: z.string().check(z.minLength(1), z.maxLength(64)) }),
  z.object({ type: z.literal('checkouts:clear-finished') }),
  z.object({ type: z.literal('checkouts:seen') }),
  /** Removes one stored record that cannot be read, named by what the history showed of it. */
  z.object({ type: z.literal('checkouts:remove-unreadable'), key: z.string().check(z.maxLength(2000)) }),
  /** The popup opened: what it shows first (the page or link, settings, profiles, a few purchases); also marks purchases seen. */
  z.object({
    type: z.literal('popup:open'),
    tabId: z.nullable(z.int().check(z.minimum(0))),
    link: z.nullable(z.string().check(z.maxLength(4000))),
  }),
  z.object({
    type: z.literal('settings:test-connection'),
    service: z._default(z.enum(SERVICE_IDS), 'smartcheckout'),
    apiBaseUrl: z.string().check(z.maxLength(2000)),
    /** The key being typed; null to test the saved one (the options page never reads a saved key back). */
    apiKey: z._default(z.nullable(z.string().check(z.maxLength(500))), null),
  }),
  z.object({
    type: z.literal('service:query'),
    service: z.enum(SERVICE_IDS),
    query: z.string().check(z.maxLength(40)),
    params: z.unknown(),
    /** The profile a query is for (a shipping quote needs the address). */
    profileId: z._default(z.nullable(z.string().check(z.maxLength(64))), null),
  }),
  // The cart: the popup asks, the background (its only writer) changes it.
  z.object({
    type: z.literal('cart:add'),
    product: productSnapshotSchema,
    quantity: z.int().check(z.minimum(1), z.maximum(99)),
    tabId: z.nullable(z.int().check(z.minimum(0))),
  }),
  z.object({ type: z.literal('cart:update'), id: z.string().check(z.minLength(1), z.maxLength(64)), quantity: z.int().check(z.minimum(1), z.maximum(99)) }),
  z.object({ type: z.literal('cart:remove'), id: z.string().check(z.minLength(1), z.maxLength(64)) }),
  z.object({ type: z.literal('cart:empty') }),
  /** The cart opened: items whose tab is still open are read again, and a moved price or gone variant marked. */
  z.object({ type: z.literal('cart:refresh') }),
  /** One checkout link (Shoppex) for the whole cart, for a customer's profile. */
  z.object({
    type: z.literal('cart:link'),
    service: z.enum(SERVICE_IDS),
    profileId: z.string().check(z.minLength(1), z.maxLength(64)),
    attemptId: z.string().check(z.regex(/^[0-9a-f-]{36}$/i)),
  }),
  /** Buy the cart as one order: the items exactly as confirmed (quantity, price, the most the agent may spend on each). */
  z.object({
    type: z.literal('cart:buy'),
    service: z.enum(SERVICE_IDS),
    profileId: z.string().check(z.minLength(1), z.maxLength(64)),
    instructions: z.string().check(z.maxLength(2000)),
    attemptId: z.string().check(z.regex(/^[0-9a-f-]{36}$/i)),
    items: z
      .array(
        z.object({
          id: z.string().check(z.minLength(1), z.maxLength(64)),
          quantity: z.int().check(z.minimum(1), z.maximum(99)),
          price: z.nullable(z.string().check(z.maxLength(20))),
          currency: z.nullable(z.string().check(z.maxLength(3))),
          ceiling: z.nullable(moneySchema),
        }),
      )
      .check(z.minLength(1), z.maxLength(20)),
  }),
  /** "Watch price": the background checks it again (target, until, the 50 cap) and writes the mandate itself. */
  z.object({
    type: z.literal('watch:create'),
    product: productSnapshotSchema,
    target: moneySchema,
    quantity: z.int().check(z.minimum(1), z.maximum(99)),
    profileId: z.string().check(z.minLength(1), z.maxLength(64)),
    instructions: z.string().check(z.maxLength(2000)),
    mode: z.enum(['notify', 'buy']),
    until: z.number(),
  }),
  z.object({ type: z.literal('watch:check-now'), id: z.string().check(z.minLength(1), z.maxLength(64)) }),
  z.object({ type: z.literal('watch:pause'), id: z.string().check(z.minLength(1), z.maxLength(64)), paused: z.boolean() }),
  z.object({ type: z.literal('watch:delete'), id: z.string().check(z.minLength(1), z.maxLength(64)) }),
]);
