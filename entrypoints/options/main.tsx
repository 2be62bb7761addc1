import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { t, uiLanguage } from '../../utils/shared/i18n';
import '../../components/styles.css';
import './options.css';
import { Options } from './Options';

document.documentElement.lang = uiLanguage();
document.title = t('pageTitleOptions');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Options />
  </StrictMode>,
);
