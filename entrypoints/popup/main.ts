import { t, uiLanguage } from '../../utils/shared/i18n';
import { mount } from './mount';
import { openPopup } from './opening';

// The background is already reading the page and storage (since the browser requested this page, or since
// popup-read.js or this view asked); the view starts with its answer.
// This module shares its file with React (the popup loads one file of its own before the first card), and the other
// pages take React from that file: the popup starts on its own page only.
if (location.pathname === '/popup.html') {
  mount(openPopup(location.search));
  document.documentElement.lang = uiLanguage();
  document.title = t('pageTitlePopup');
}
