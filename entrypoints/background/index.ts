import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createCheckoutService, openPurchase } from '../../utils/checkouts/service';
import { POLL_ALARM } from '../../utils/checkouts/schedule';
import { recordIdOf } from '../../utils/notifications';

// Wiring only. Listeners are registered synchronously so the event that woke the worker is not missed.
export default defineBackground(() => {
  const service = createCheckoutService();

  browser.runtime.onMessage.addListener((message, sender) => service.handleMessage(message, sender));
  browser.alarms.onAlarm.addListener((alarm) => (alarm.name === POLL_ALARM ? service.scheduler.run() : undefined));
  browser.notifications.onClicked.addListener((id) => {
    const recordId = recordIdOf(id);
    if (recordId) void openPurchase(recordId).then(() => browser.notifications.clear(id));
  });

  // Listening for start-up makes the browser wake this worker when it starts, so pending purchases resume
  // even if their alarm did not survive the restart. The work itself is the same on every worker start.
  browser.runtime.onStartup.addListener(() => {});
  void service.resume();
});
