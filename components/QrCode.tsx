import { useMemo } from 'react';
import { t } from '../utils/shared/i18n';
import { qrModules, qrPath, qrSvgFile } from '../utils/shared/qr';

const PNG_PIXELS = 10;

function download(href: string, name: string) {
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  link.click();
}

/** The checkout link as a QR code to scan with a phone, with PNG and SVG downloads. Loaded on demand. */
export default function QrCode({ url, fileName }: { url: string; fileName: string }) {
  const modules = useMemo(() => qrModules(url), [url]);
  const size = modules.length;

  function downloadSvg() {
    const href = URL.createObjectURL(new Blob([qrSvgFile(modules)], { type: 'image/svg+xml' }));
    download(href, `${fileName}.svg`);
    setTimeout(() => URL.revokeObjectURL(href), 10_000);
  }

  function downloadPng() {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = size * PNG_PIXELS;
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.fillStyle = '#000';
    modules.forEach((row, y) => row.forEach((dark, x) => dark && context.fillRect(x * PNG_PIXELS, y * PNG_PIXELS, PNG_PIXELS, PNG_PIXELS)));
    download(canvas.toDataURL('image/png'), `${fileName}.png`);
  }

  return (
    <figure className="qr">
      <svg role="img" aria-label={t('qrLabel')} viewBox={`0 0 ${size} ${size}`} width={200} height={200} shapeRendering="crispEdges">
        <rect width={size} height={size} fill="#fff" />
        <path d={qrPath(modules)} fill="#000" />
      </svg>
      <figcaption className="qr__actions">
        <button type="button" onClick={downloadPng}>
          {t('qrDownloadPng')}
        </button>
        <button type="button" onClick={downloadSvg}>
          {t('qrDownloadSvg')}
        </button>
      </figcaption>
    </figure>
  );
}
