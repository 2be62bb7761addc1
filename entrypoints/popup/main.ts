import '../../components/styles.css';
import './popup.css';
import { t, uiLanguage } from '../../utils/i18n';
import { mount } from './mount';
import { openPopup } from './opening';

// The background is already reading the page and storage (since the browser requested this page, or since
// popup-read.js or this view asked); the view starts with its answer.
mount(openPopup(location.search));
document.documentElement.lang = uiLanguage();
document.title = t('pageTitlePopup');
