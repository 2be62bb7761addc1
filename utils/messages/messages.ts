/**
 * The one message contract between extension pages and the background: what may be sent (checked by the background
 * against `messageSchema.ts`), what comes back, and how to send it. Free of the schema library, so a view can send
 * before that loads.
 */
import { browser, type Browser } from 'wxt/browser';
import type * as z from 'zod/mini';
import type { CheckoutRecord } from '../checkouts/record';
import type { messageSchema } from './messageSchema';
import type { PopupStart } from '../popup/popupStart';
import type { Watch } from '../watch/schema';

export type Message = z.input<typeof messageSchema>;
/** A message as the background reads it (defaults filled in). */
export type ParsedMessage = z.output<typeof messageSchema>;

export type StartReply =
  | { ok: true; record: CheckoutRecord; duplicate: boolean }
  | { ok: false; code: string; message: string };
export type QueryReply = { ok: true; result: unknown } | { ok: false; code: string; message: string };
/** A price watch's reply: the watch as written (null once deleted), or why nothing was done. */
export type WatchReply = { ok: true; watch: Watch | null } | { ok: false; message: string };
export type RecordReply = { ok: true; record: CheckoutRecord | null } | { ok: false; code: string; message: string };

export type CartReply = { ok: true; message: string } | { ok: false; code: string; message: string };
export type OrderReply = { ok: true; orderId: string; records: CheckoutRecord[]; duplicate: boolean } | { ok: false; code: string; message: string };

interface Replies {
  'checkout:start': StartReply;
  'checkout:recheck': RecordReply;
  'checkout:resolve': RecordReply;
  'checkouts:clear-finished': { ok: true; removed: number };
  'checkouts:seen': { ok: true };
  'checkouts:remove-unreadable': { ok: true; removed: boolean };
  'popup:open': PopupStart;
  'settings:test-connection': { ok: boolean; message: string };
  'service:query': QueryReply;
  'cart:add': CartReply;
  'cart:update': CartReply;
  'cart:remove': CartReply;
  'cart:empty': CartReply;
  'cart:refresh': CartReply;
  'cart:buy': OrderReply;
  'cart:link': StartReply;
  'watch:create': WatchReply;
  'watch:check-now': WatchReply;
  'watch:pause': WatchReply;
  'watch:delete': WatchReply;
}

/** Sends a message to the background and returns its typed reply. */
export async function sendMessage<M extends Message>(message: M): Promise<Replies[M['type']]> {
  return (await browser.runtime.sendMessage(message)) as Replies[M['type']];
}

/** True when the sender is one of this extension's own pages (popup, options), not a content script or another extension. */
export function isExtensionPage(sender: Browser.runtime.MessageSender): boolean {
  if (sender.id !== browser.runtime.id || !sender.url) return false;
  return sender.url.startsWith(browser.runtime.getURL('/'));
}
