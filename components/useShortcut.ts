import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';

/** The keyboard shortcut that opens the popup, as the browser has it now (the user may have changed it); '' when none. */
export function useShortcut(): string {
  const [shortcut, setShortcut] = useState('');
  useEffect(() => {
    void browser.commands
      .getAll()
      .then((commands) => setShortcut(commands.find((c) => c.name === '_execute_action')?.shortcut ?? ''))
      .catch(() => setShortcut(''));
  }, []);
  return shortcut;
}
