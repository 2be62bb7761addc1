import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Markdown } from '../../components/Markdown';
import { t, uiLanguage } from '../../utils/shared/i18n';
import '../../components/styles.css';
import '../../components/page.css';
import policy from '../../store/PRIVACY.md?raw';

// The policy's own text is English: only the note about that follows the user's language.
document.documentElement.lang = 'en';
document.title = t('pageTitlePrivacy');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <main className="page privacy">
      {uiLanguage().startsWith('en') ? null : <p className="hint" lang={uiLanguage()}>{t('privacyEnglishOnly')}</p>}
      <Markdown source={policy} />
    </main>
  </StrictMode>,
);
