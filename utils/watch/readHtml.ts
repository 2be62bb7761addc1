import { collectReport, reportJson } from '../product/collect';

/** The message the background sends the offscreen document to read a fetched page. */
export const OFFSCREEN_READ = 'offscreen:read-page';
/** A fetched page larger than this is not read (no product page needs more). */
export const MAX_PAGE_CHARS = 5_000_000;

/**
 * The detector's report (JSON text, as the tab's detector returns it) for a page's HTML, parsed without running
 * any of its scripts; null when there is no DOM parser here or the page is too large.
 */
export function readHtml(html: string, url: string): string | null {
  if (typeof DOMParser === 'undefined' || html.length > MAX_PAGE_CHARS) return null;
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return reportJson(collectReport(doc, url));
}
