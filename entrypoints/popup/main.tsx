import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { t, uiLanguage } from '../../utils/i18n';
import '../../components/styles.css';
import './popup.css';
import { Popup } from './Popup';

document.documentElement.lang = uiLanguage();
document.title = t('pageTitlePopup');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Popup />
  </StrictMode>,
);
