import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { t, uiLanguage } from '../../utils/shared/i18n';
import '../../components/styles.css';
import './demo.css';
import { answerDetection } from './answerDetection';
import { DemoShop } from './DemoShop';

document.documentElement.lang = uiLanguage();
document.title = t('pageTitleDemo');
answerDetection();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <DemoShop />
  </StrictMode>,
);
