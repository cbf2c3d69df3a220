/** Reads the text of the PDFs the API makes (pdfkit), for tests that check what a person reads in them. */
import { inflateSync } from 'node:zlib';

/**
 * The text drawn on the pages of a pdfkit PDF, in one line: inflates each content stream and decodes its hex strings.
 */
export function pdfText(pdf: Buffer): string {
  const out: string[] = [];
  const raw = pdf.toString('latin1');
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    let body: string;
    try {
      body = inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      continue; // not a deflated stream (fonts, images)
    }
    for (const tj of body.matchAll(/\[(.*?)\]\s*TJ/g))
      out.push(
        Buffer.from([...tj[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]).join(''), 'hex').toString('latin1'),
      );
  }
  return out.join(' ').replace(/\s+/g, ' ');
}

/** A supertest parser that keeps a binary body (a PDF) as one Buffer: `.buffer(true).parse(binaryBody)`. */
// superagent's Response type is not exported in a form its parse() accepts: the stream is typed loosely.
export function binaryBody(res: any, cb: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}
