import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { t, uiLanguage } from '../../utils/shared/i18n';
import '../../components/styles.css';
import '../../components/page.css';
import { Welcome } from './Welcome';

document.documentElement.lang = uiLanguage();
document.title = t('pageTitleWelcome');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Welcome />
  </StrictMode>,
);
