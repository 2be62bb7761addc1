/** What every checkout service is: its id, kind, defaults and polling plan (see `registry.ts`). */

/**
 * - agent: the service buys the product with the user's money (price cap and spending limits apply).
 * - link: the user owns a store there; the extension creates a checkout a customer pays (no limits apply).
 */
export type ServiceKind = 'agent' | 'link';

/** How often a waiting checkout is polled: fast while the user is likely watching, then slower, until a deadline. */
export interface PollPlan {
  fastMs: number;
  fastPhaseMs: number;
  slowMs: number;
  /** Polling stops after this long ("no longer followed", with "Check again"). */
  deadlineMs: number;
}

export interface ServiceDescriptor {
  /** Stable id, stored with every checkout (never renamed). */
  id: string;
  /** Brand name, the same in every language. */
  name: string;
  kind: ServiceKind;
  /** The documented API base for this key, or null when the service publishes none (the user must enter it). */
  defaultBaseUrl(apiKey: string): string | null;
  /** Test or live mode, when the key says so. */
  keyMode(apiKey: string): 'test' | 'live' | null;
  poll: PollPlan;
  /** The service's hosted checkout page, for services whose checkout link the extension builds itself; else null. */
  checkoutPageUrl: string | null;
  /**
   * True when a checkout is certainly dead once its expiry passes although the service cannot say so (its link
   * holds a token that expires); otherwise an unpaid checkout past its deadline is "no longer followed".
   */
  endsAtExpiry: boolean;
  /**
   * A simulated service (the built-in demo): it needs no key (connected while switched on), makes no request, moves
   * no money and never counts toward the spending limits; it is marked DEMO wherever it appears.
   */
  simulated?: boolean;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Agent purchases: every 3 s for two minutes (the user is waiting, and most purchases end by then), then once a
 * minute until 30 minutes. Measured by `npm run bench`: completions 5–120 s after the start are notified within
 * about 3 s (p95), and a purchase still processing at the 30-minute deadline costs 67 requests.
 */
export const AGENT_POLL: PollPlan = { fastMs: 3_000, fastPhaseMs: 2 * MINUTE, slowMs: MINUTE, deadlineMs: 30 * MINUTE };

/**
 * Checkout links: a customer may pay at once (the seller often watches) or hours later. Every 5 s for ten minutes,
 * then on the 30-second alarm until the link can no longer be paid (24 hours unless the service says otherwise).
 */
export const LINK_POLL: PollPlan = { fastMs: 5_000, fastPhaseMs: 10 * MINUTE, slowMs: 30_000, deadlineMs: 24 * HOUR };

/** Everything needed to talk to one service: the key goes to `baseUrl` and nowhere else. */
export interface Connection {
  service: string;
  apiKey: string;
  baseUrl: string;
  /** The base URL the user typed, or null when `baseUrl` is the service's default. */
  typedBaseUrl: string | null;
  /** Where the service's hosted checkout page lives (services whose checkout link the extension builds). */
  checkoutUrl: string | null;
  mode: 'test' | 'live' | null;
}
