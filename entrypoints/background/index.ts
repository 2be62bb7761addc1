import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { updateBadge } from '../../utils/background/badge';
import { POLL_ALARM } from '../../utils/checkouts/schedule';
import { createCheckoutService, openPurchase, reviewAgain } from './checkoutService';
import { watchPopupRequests } from './popupRequests';
import { readCheckouts, watchCheckouts } from '../../utils/checkouts/store';
import { createContextMenu, handleMenuClick, syncContextMenu } from '../../utils/background/contextMenu';
import { scrubCorruptCopies, sessionKeysStorage } from '../../utils/settings/connectionStorage';
import { settingsStorage } from '../../utils/settings/settings';
import { notificationButtons, parseNotificationId } from '../../utils/background/notifications';
import { welcomeOnInstall } from '../../utils/background/welcome';
import { cartStorage } from '../../utils/cart/store';
import { parseWatchNotificationId } from '../../utils/background/watchNotifications';
import { buyNow, openWatches, WATCH_ALARM } from './watchService';

// Wiring only. Listeners are registered synchronously so the event that woke the worker is not missed.
export default defineBackground(() => {
  const service = createCheckoutService();

  browser.runtime.onInstalled.addListener(({ reason }) => {
    void createContextMenu();
    void welcomeOnInstall(reason);
  });
  watchPopupRequests((tabId) => service.earlyReads.start(tabId));
  browser.runtime.onMessage.addListener((message, sender) => service.handleMessage(message, sender));
  browser.alarms.onAlarm.addListener((alarm) => (alarm.name === POLL_ALARM ? service.scheduler.run() : undefined));
  browser.contextMenus.onClicked.addListener((info, tab) => handleMenuClick(info, tab, service.lifecycle, service.adapters, service.cart.add));
  browser.notifications.onClicked.addListener((id) => {
    const parsed = parseNotificationId(id);
    if (parsed) void (parsed.event === 'not_sent' ? reviewAgain(parsed.recordId) : openPurchase(parsed.recordId)).then(() => browser.notifications.clear(id));
  });
  browser.notifications.onButtonClicked?.addListener((id, index) => {
    const parsed = parseNotificationId(id);
    if (!parsed) return;
    const button = notificationButtons(parsed.event)[index];
    if (button === 'check-again') void service.lifecycle.recheck(parsed.recordId);
    else if (button === 'review') void reviewAgain(parsed.recordId);
    else void openPurchase(parsed.recordId);
    void browser.notifications.clear(id);
  });
  // Price watches: their alarm, and their notifications ("Buy now"; a click opens them in Options, or the purchase made).
  browser.alarms.onAlarm.addListener((alarm) => (alarm.name === WATCH_ALARM ? service.watches.run() : undefined));
  browser.notifications.onClicked.addListener((id) => {
    if (parseWatchNotificationId(id)) void openWatches().then(() => browser.notifications.clear(id));
  });
  browser.notifications.onButtonClicked?.addListener((id) => {
    const parsed = parseWatchNotificationId(id);
    if (parsed?.event === 'at_target') void buyNow(parsed.watchId).then(() => browser.notifications.clear(id));
  });
  watchCheckouts((list) => void updateBadge(list.records));
  cartStorage.watch(() => void readCheckouts().then((list) => updateBadge(list.records)));
  // "Create checkout link" shows while a checkout-link service is connected.
  settingsStorage.watch(() => void syncContextMenu());
  sessionKeysStorage.watch(() => void syncContextMenu());
  // Listening for start-up makes the browser wake this worker when it starts, so pending purchases resume
  // even if their alarm did not survive the restart. The work itself is the same on every worker start.
  browser.runtime.onStartup.addListener(() => {});
  void readCheckouts().then((list) => updateBadge(list.records));
  void service.resume();
  void syncContextMenu();
  void scrubCorruptCopies();
});
