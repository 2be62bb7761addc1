import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Opening } from './opening';
import { Popup } from './Popup';

/** Shows the popup, with what `opening` reads once it is there. */
export function mount(opening: Opening): void {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Popup opening={opening} />
    </StrictMode>,
  );
}
