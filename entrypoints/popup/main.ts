import '../../components/styles.css';
import './popup.css';
import { t, uiLanguage } from '../../utils/i18n';
import { openPopup } from './opening';

// First: the background reads the page and storage while the view's code (React) loads and starts.
const opening = openPopup(location.search);
document.documentElement.lang = uiLanguage();
document.title = t('pageTitlePopup');
void import('./mount').then(({ mount }) => mount(opening));
