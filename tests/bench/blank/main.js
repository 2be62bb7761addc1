// The yardstick for the popup: React 19 rendering one element, nothing else. The name comes from the address,
// so it is the same text the popup shows and the bench notices both the same way.
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';

const name = new URLSearchParams(location.search).get('name') ?? '';
createRoot(document.getElementById('root')).render(createElement('h2', null, name));
