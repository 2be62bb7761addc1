import type { Connection, SessionKeys } from '../settings/connections';
import type { ProfilesState } from '../profiles/storage';
import type { ProductSnapshot } from '../product/snapshot';
import type { ServiceAdapter } from '../services/adapter';
import type { ServiceId } from '../services/registry';
import type { Detection } from '../product/detectInTab';
import type { Money } from '../money/money';
import type { Profile } from '../profiles/schema';
import type { Settings } from '../settings/settings';
import type { CheckoutRecord, NotificationEvent } from './record';
import type { Offer } from './reread';

export interface StartRequest {
  /** Which checkout service; Smartcheckout when not said (requests made before there were several). */
  service?: ServiceId;
  product: ProductSnapshot;
  quantity: number;
  profileId: string;
  /** The user's own words (agent purchases). */
  instructions: string;
  /** Text the user selected on the page (context menu): a hint about the product, not instructions. */
  hint?: string | null;
  /**
   * The popup's id for this attempt, used as the record id and idempotency key: sending the same attempt again
   * (after the background did not answer) finds the first one instead of starting a second checkout.
   */
  attemptId?: string;
  /** The prompt the user saw and confirmed; the purchase is sent only if it is still exactly what would be sent. */
  confirmedPrompt?: string;
  /** The service's own part (a store product, an amount, a cart): read by the service's adapter. */
  order?: unknown;
  /** Say with a notification that it started (when no popup is there to show it). */
  notifyStarted?: boolean;
  /** The most the agent may spend, as the user set it for this purchase in the confirmation. */
  ceiling?: Money | null;
  /**
   * The shop tab and its offer as the user saw it: the background reads the tab once more before sending, and
   * sends nothing if the price, currency or variant moved (the popup may be closed by then).
   */
  tabId?: number | null;
  seen?: Offer | null;
  /**
   * The price watch's mandate the user signed ("Buy automatically"): it is the confirmation. Only the background's
   * watch passes it (no page's message can); its ceiling goes as `ceiling`, and the limits still decide.
   */
  mandate?: { watchId: string; ceiling: Money; signedAt: number; until: number } | null;
}

export type StartResult =
  | { ok: true; record: CheckoutRecord; duplicate: boolean }
  | {
      ok: false;
      code:
        | 'no_api_key'
        | 'no_profile'
        | 'offline'
        | 'no_access'
        | 'over_limit'
        | 'needs_confirmation'
        | 'confirmation_changed'
        | 'storage'
        | 'auth'
        | 'rejected'
        | 'invalid_order';
      message: string;
    };

export interface LifecycleContext {
  settings: Settings;
  sessionKeys: SessionKeys;
  profiles: ProfilesState;
}

export interface LifecycleDeps {
  now(): number;
  random(): number;
  newId(): string;
  isOnline(): boolean;
  /** Whether the browser lets the extension reach a service's base URL (Firefox lets users withhold it). */
  hasHostAccess(baseUrl: string): Promise<boolean>;
  loadContext(): Promise<LifecycleContext>;
  /** How to talk to each service. */
  adapters: Record<ServiceId, ServiceAdapter>;
  /** Shows the notification for `event` (idempotent per record and event); returns what it said. */
  notify(record: CheckoutRecord, event: NotificationEvent): Promise<{ title: string; message: string }>;
  /** Shows a cart order's one notification (on its item `record`), about all its `items`; returns what it said. */
  notifyOrder?(record: CheckoutRecord, items: CheckoutRecord[]): Promise<{ title: string; message: string }>;
  /** Called after any change that may move the next poll time. */
  onScheduleChange(): void;
  /** Tells the user that checkout updates cannot be saved (storage refuses writes); called once per run of failures. */
  notifyStorageProblem?(): Promise<unknown>;
  /** Reads the product in a tab again (the drift check before sending a confirmed purchase); `detectInTab` unless replaced. */
  readTab?(tabId: number): Promise<Detection>;
}

/** What sending a recorded checkout needs besides its record. */
export interface Sending {
  connection: Connection;
  profile: Profile;
  order: unknown;
  product: ProductSnapshot;
  instructions: string;
  hint: string | null;
  notifyStarted: boolean;
  /** A service's refusal keeps the record (as not sent) instead of forgetting it: no popup may be there to say it. */
  keepRejected?: boolean;
}
