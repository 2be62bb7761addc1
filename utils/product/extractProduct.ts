import { collectReport, reportJson } from './collect';
import { type ExtractedProduct, productFromReport } from './extract';
import { readReport } from './report';

/**
 * Detects the product on `doc` as a click does: the detector's report (as JSON text, checked against its schema),
 * then the extension's reading of it. For the demo page, which reads itself, and for tests. Throws when the report
 * does not pass its own schema.
 */
export function extractProduct(doc: Document, pageUrl: string): ExtractedProduct {
  const report = readReport(reportJson(collectReport(doc, pageUrl)));
  if (!report) throw new Error('The detector reported what its schema does not accept');
  return productFromReport(report);
}
