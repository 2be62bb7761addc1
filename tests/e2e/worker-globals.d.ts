// Code passed to `worker.evaluate` runs inside the extension's service worker, where `chrome` exists.
declare const chrome: any;
