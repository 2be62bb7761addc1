import { t } from '../shared/i18n';
import { isDemoPageUrl } from '../product/demoPage';
import { describeVariant, withOptionOrder } from '../product/describe';
import type { ProductSnapshot } from '../product/snapshot';
import type { Money } from '../money/money';
import { isSimulated, type ServiceId } from '../services/registry';
import { buildPrompt, purchaseDetails } from '../services/smartcheckout/userData';
import { safetyFor, spendHistory } from './limits';
import { planOrder } from './orderLimits';
import { createReceipt } from './receipt';
import { type CheckoutRecord, freshBookkeeping } from './record';
import { offerOf } from './reread';
import { readCheckouts, updateCheckouts } from './store';
import { unreadableSpendSources } from './unreadable';
import type { StartResult } from './lifecycleTypes';
import type { LifecycleState } from './lifecycleState';
import { itemsOf } from './orderEnd';
import { proceed } from './send';
import { readyToStart } from './start';

/** A cart bought by an agent: one checkout per item, recorded together as one order. */
export interface OrderRequest {
  service: ServiceId;
  profileId: string;
  /** The user's one set of instructions, sent with every item. */
  instructions: string;
  /** The popup's id for this order: the order's id, so the same order sent twice is one order. */
  attemptId: string;
  items: { product: ProductSnapshot; quantity: number; tabId: number | null; optionOrder?: string[] }[];
  /** Each item's ceiling as the confirmation showed it; the order is refused if the limits now decide otherwise. */
  confirmedCeilings: (Money | null)[];
}

export type OrderResult = { ok: true; orderId: string; records: CheckoutRecord[]; duplicate: boolean } | Exclude<StartResult, { ok: true }>;

/**
 * Records a cart order: every item is checked against the limits as one (nothing is written when the cart does not
 * fit) and written in one serialised write as a `confirmed` purchase holding its ceiling, before anything is sent.
 * The same order id again finds the order already recorded.
 */
export async function recordOrder(ctx: LifecycleState, request: OrderRequest): Promise<OrderResult> {
  if (!request.items.length) return { ok: false, code: 'invalid_order', message: t('orderEmpty') };
  const ready = await readyToStart(ctx, request.service, request.profileId, request.items[0]!.product.url);
  if ('refused' in ready) return ready.refused;
  const { service, settings, profile } = ready;
  if (service.kind !== 'agent') return { ok: false, code: 'invalid_order', message: t('orderLinkService', service.name) };
  if (!isSimulated(request.service) && request.items.some((item) => isDemoPageUrl(item.product.url))) {
    return { ok: false, code: 'invalid_order', message: t('startDemoProductOnly', service.name) };
  }
  const now = ctx.deps.now();
  const orderId = request.attemptId;
  type Outcome = { records: CheckoutRecord[]; duplicate: boolean } | { refused: Exclude<StartResult, { ok: true }> };
  let outcome: Outcome;
  try {
    outcome = await updateCheckouts<Outcome>((records, ledger, unreadable) => {
      const earlier = itemsOf(records, orderId);
      if (earlier.length) return { records, result: { records: earlier, duplicate: true } };
      const history = [...spendHistory(records, ledger), ...unreadableSpendSources([...unreadable], now)];
      const lines = request.items.map((item) => ({ name: item.product.name ?? item.product.url, price: item.product.price, currency: item.product.currency, quantity: item.quantity }));
      const plan = planOrder(lines, safetyFor(request.service, settings.safety), history, now);
      if (plan.blocked !== null) return { records, result: { refused: { ok: false, code: 'over_limit', message: plan.blocked } } };
      // Exactly what the user confirmed, or nothing: a limit that now decides another ceiling asks again.
      if (JSON.stringify(plan.lines.map((line) => line.ceiling)) !== JSON.stringify(request.confirmedCeilings)) {
        return { records, result: { refused: { ok: false, code: 'confirmation_changed', message: t('startConfirmationChanged') } } };
      }
      const created = request.items.map((item, index): CheckoutRecord => {
        const limits = plan.lines[index]!;
        const { product, quantity, tabId } = item;
        const optionOrder = item.optionOrder?.length ? item.optionOrder : Object.keys(product.variant?.options ?? {});
        // Built as the item will be sent (its options in the shop's order), so sending finds exactly this prompt.
        const ordered = { ...product, variant: withOptionOrder(product.variant, optionOrder) };
        const prompt = buildPrompt(purchaseDetails({ product: ordered, quantity, instructions: request.instructions }, profile, limits.maxSpend));
        return {
          ...freshBookkeeping(now, now + service.poll.deadlineMs),
          id: ctx.deps.newId(),
          service: request.service,
          intent: JSON.stringify(['order', orderId, index]),
          quoted: null,
          orderLabel: '',
          state: 'confirmed',
          product: { url: product.url, name: product.name, image: product.image, price: product.price, currency: product.currency },
          variant: product.variant,
          variantLabel: describeVariant(withOptionOrder(product.variant, optionOrder)),
          quantity,
          maxPrice: safetyFor(request.service, settings.safety).maxPrice,
          maxSpend: limits.maxSpend,
          allowance: limits.allowance,
          prompt,
          ceiling: limits.ceiling,
          // An item whose tab is still open is read again before it is sent, like any confirmed purchase.
          confirmedRequest: { product, instructions: request.instructions, hint: null, order: undefined, tabId, seen: tabId === null ? null : offerOf(product), optionOrder },
          receipt: createReceipt({ product, quantity, quoted: null, ceiling: limits.ceiling, service: request.service, profile, prompt, approvedAt: now }),
          profileId: profile.id,
          profileLabel: profile.label,
          orderId,
          orderSize: request.items.length,
          orderIndex: index,
        };
      });
      return { records: [...created, ...records], result: { records: created, duplicate: false } };
    });
  } catch {
    // Nothing was written, so nothing is sent.
    void ctx.deps.notifyStorageProblem?.();
    return { ok: false, code: 'storage', message: t('startStorageFailed') };
  }
  if ('refused' in outcome) return outcome.refused;
  ctx.deps.onScheduleChange();
  return { ok: true, orderId, records: outcome.records, duplicate: outcome.duplicate };
}

/**
 * Sends a recorded order's items one after another (each read again first when its tab is open). Each item is its
 * own checkout with its own idempotency key; an item already sent is not sent again, so this may run twice.
 */
export async function sendOrder(ctx: LifecycleState, orderId: string): Promise<CheckoutRecord[]> {
  for (const item of itemsOf((await readCheckouts()).records, orderId)) {
    if (item.state === 'confirmed' && !ctx.postsInFlight.has(item.id)) await proceed(ctx, item.id);
  }
  return itemsOf((await readCheckouts()).records, orderId);
}
