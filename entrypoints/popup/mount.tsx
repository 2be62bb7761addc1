import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { Opening } from './opening';
import { Popup } from './Popup';

/**
 * Shows the popup, drawn in React's next task ("Reading…" if the first read is not in yet). The first read usually
 * settles within the task that runs this script (the background started it while the page loaded): then the popup
 * is drawn with the card at once, in that task, rather than after the browser has finished the page and painted
 * it empty.
 */
export function mount(opening: Opening): void {
  const root = createRoot(document.getElementById('root')!);
  const view = (
    <StrictMode>
      <Popup opening={opening} />
    </StrictMode>
  );
  root.render(view);
  opening.promise.then(
    () => flushSync(() => root.render(view)),
    () => {},
  );
}
