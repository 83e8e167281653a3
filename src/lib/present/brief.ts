// A one-page brief (A4 portrait PDF) for a region or district: title, date and data source, the map, the counts
// by category and potential, the population coverage, the border status, the scenario's parameters, sources.
// jsPDF with Noto Sans TTF (Kazakh letters ә ғ қ ң ө ұ ү һ і; the PDF embeds a subset); both are loaded only
// here (a lazy chunk: the fonts are fetched from the app's own origin when the first brief is made).
import type { jsPDF as JsPdf } from 'jspdf';

export interface BriefTable {
  heading: string;
  /** Column headings after the label column (e.g. count, population). */
  columns: string[];
  rows: { label: string; values: string[]; colour?: string }[];
}

export interface BriefInput {
  title: string;
  subtitle: string;
  /** The map as PNG bytes, and its pixel size (its aspect is kept). */
  map: { png: Uint8Array; width: number; height: number } | null;
  /** A headline figure under the map (the coverage). */
  headline: { label: string; value: string } | null;
  /** Wrapped paragraphs under the headline (the network page's sentences). */
  paragraphs?: string[];
  /** A line chart of shares 0…1 against 1…n (the network's coverage curve), a point marked at `marked` (1-based). */
  curve?: { heading: string; shares: number[]; marked: number | null; caption: string } | null;
  tables: BriefTable[];
  /** Full-width wrapped lists after the tables (the audit page's disagreements); they go on to further pages. */
  lists?: { heading: string; items: string[]; more?: string }[];
  parameters: { label: string; value: string }[];
  parametersHeading: string;
  footer: string;
}

export interface BriefFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

function base64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Lays out the brief on one A4 page. `JsPdfClass` is jsPDF (passed in so Node tests and the app share this). */
export function buildBrief(JsPdfClass: typeof JsPdf, fonts: BriefFonts, input: BriefInput): Uint8Array {
  const doc = new JsPdfClass({ orientation: 'portrait', unit: 'mm', format: 'a4', compress: true });
  doc.addFileToVFS('NotoSans-Regular.ttf', base64(fonts.regular));
  doc.addFont('NotoSans-Regular.ttf', 'NotoSans', 'normal');
  doc.addFileToVFS('NotoSans-Bold.ttf', base64(fonts.bold));
  doc.addFont('NotoSans-Bold.ttf', 'NotoSans', 'bold');
  doc.setProperties({ title: input.title, subject: input.subtitle, creator: 'Auyl Atlas' });
  const W = 210, M = 14, inner = W - 2 * M;
  let y = M + 4;
  const text = (s: string, x: number, size: number, bold = false, colour = '#1b1f2a', align: 'left' | 'right' = 'left') => {
    doc.setFont('NotoSans', bold ? 'bold' : 'normal');
    doc.setFontSize(size);
    doc.setTextColor(colour);
    doc.text(s, x, y, { align });
  };
  // title (wrapped when long), subtitle
  doc.setFont('NotoSans', 'bold');
  doc.setFontSize(17);
  for (const line of doc.splitTextToSize(input.title, inner) as string[]) {
    text(line, M, 17, true);
    y += 7;
  }
  doc.setFontSize(9.5);
  doc.setFont('NotoSans', 'normal');
  for (const line of doc.splitTextToSize(input.subtitle, inner) as string[]) {
    text(line, M, 9.5, false, '#44495a');
    y += 4.5;
  }
  y += 1;
  doc.setDrawColor('#c9ccd6');
  doc.line(M, y, W - M, y);
  // without a map the headline comes next: room for its capitals under the rule
  y += input.map ? 3 : 5;
  if (input.map) {
    const h = Math.min(105, (inner * input.map.height) / input.map.width);
    const w = (h * input.map.width) / input.map.height;
    doc.addImage(input.map.png, 'PNG', M + (inner - w) / 2, y, w, h, undefined, 'FAST');
    doc.rect(M + (inner - w) / 2, y, w, h);
    y += h + 6;
  }
  if (input.headline) {
    text(input.headline.label, M, 10, true);
    text(input.headline.value, W - M, 13, true, '#1b1f2a', 'right');
    y += 6;
  }
  for (const p of input.paragraphs ?? []) {
    doc.setFont('NotoSans', 'normal');
    doc.setFontSize(9.5);
    for (const line of doc.splitTextToSize(p, inner) as string[]) {
      text(line, M, 9.5);
      y += 4.6;
    }
    y += 1.5;
  }
  if (input.curve && input.curve.shares.length) {
    const { shares, marked } = input.curve;
    text(input.curve.heading, M, 9.5, true);
    y += 3;
    const cw = 110, ch = 42, x0 = M + 10;
    doc.setDrawColor('#c9ccd6');
    doc.setFillColor('#f6f7fb');
    doc.rect(x0, y, cw, ch, 'FD');
    // at most ~300 vertices: a 2,000-point curve needs no more at this width
    const step = Math.max(1, Math.ceil(shares.length / 300));
    const px = (k: number) => x0 + (shares.length > 1 ? (k * cw) / (shares.length - 1) : 0);
    const py = (share: number) => y + ch - Math.max(0, Math.min(1, share)) * ch;
    const idx: number[] = [];
    for (let k = 0; k < shares.length; k += step) idx.push(k);
    if (idx.at(-1) !== shares.length - 1) idx.push(shares.length - 1);
    doc.setDrawColor('#0072B2');
    doc.setLineWidth(0.5);
    for (let j = 1; j < idx.length; j++) doc.line(px(idx[j - 1]), py(shares[idx[j - 1]]), px(idx[j]), py(shares[idx[j]]));
    doc.setLineWidth(0.2);
    if (marked !== null && marked >= 1 && marked <= shares.length) {
      doc.setFillColor('#D55E00');
      doc.circle(px(marked - 1), py(shares[marked - 1]), 1.2, 'F');
    }
    const top = y;
    y = top + 2;
    text('100%', x0 - 1, 7, false, '#667', 'right');
    y = top + ch;
    text('0', x0 - 1, 7, false, '#667', 'right');
    y = top + ch + 3.5;
    text('1', x0, 7, false, '#667');
    text(String(shares.length), x0 + cw, 7, false, '#667', 'right');
    y += 4;
    text(input.curve.caption, x0, 8, false, '#44495a');
    y += 6;
  }
  // tables two by two
  const colW = (inner - 6) / 2;
  const drawTable = (t: BriefTable, x: number, top: number): number => {
    let yy = top;
    const at = (s: string, xx: number, size: number, bold = false, align: 'left' | 'right' = 'left', colour = '#1b1f2a') => {
      doc.setFont('NotoSans', bold ? 'bold' : 'normal');
      doc.setFontSize(size);
      doc.setTextColor(colour);
      doc.text(s, xx, yy, { align });
    };
    at(t.heading, x, 9.5, true);
    yy += 4.6;
    const valW = 19;
    t.columns.forEach((c, k) => at(c, x + colW - (t.columns.length - 1 - k) * valW, 7.5, false, 'right', '#667'));
    yy += 4;
    for (const r of t.rows) {
      if (r.colour) {
        doc.setFillColor(r.colour);
        doc.circle(x + 1.4, yy - 1.2, 1.3, 'F');
      }
      const labelX = x + (r.colour ? 4 : 0);
      const maxLabel = colW - t.columns.length * valW - (r.colour ? 4 : 0);
      doc.setFont('NotoSans', 'normal');
      doc.setFontSize(8.5);
      const label = (doc.splitTextToSize(r.label, maxLabel) as string[])[0];
      at(label, labelX, 8.5);
      r.values.forEach((v, k) => at(v, x + colW - (r.values.length - 1 - k) * valW, 8.5, false, 'right'));
      yy += 4.4;
    }
    return yy;
  };
  for (let k = 0; k < input.tables.length; k += 2) {
    const top = y;
    const a = drawTable(input.tables[k], M, top);
    const b = input.tables[k + 1] ? drawTable(input.tables[k + 1], M + colW + 6, top) : top;
    y = Math.max(a, b) + 3;
  }
  // a new page when `h` mm more would run into the footer
  const room = (h: number) => {
    if (y + h <= 297 - M - 8) return;
    doc.addPage('a4', 'portrait');
    y = M + 4;
  };
  for (const list of input.lists ?? []) {
    room(10);
    text(list.heading, M, 9.5, true);
    y += 4.8;
    doc.setFont('NotoSans', 'normal');
    doc.setFontSize(8.2);
    for (const item of [...list.items, ...(list.more ? [list.more] : [])]) {
      const lines = doc.splitTextToSize(item, inner - 4) as string[];
      room(lines.length * 3.8);
      text('•', M, 8.2);
      lines.forEach((l, i) => {
        text(l, M + 4, 8.2);
        if (i < lines.length - 1) y += 3.8;
      });
      y += 4.4;
    }
    y += 2;
  }
  room(12);
  text(input.parametersHeading, M, 9.5, true);
  y += 4.6;
  for (const p of input.parameters) {
    doc.setFont('NotoSans', 'normal');
    doc.setFontSize(8.2);
    const lines = doc.splitTextToSize(p.value, inner - 62) as string[];
    room(lines.length * 3.8);
    text(p.label, M, 8.2, false, '#44495a');
    lines.forEach((l, i) => {
      text(l, M + 62, 8.2);
      if (i < lines.length - 1) y += 3.8;
    });
    y += 4.2;
  }
  // footer at the bottom of every page
  doc.setFontSize(7.5);
  doc.setFont('NotoSans', 'normal');
  const foot = doc.splitTextToSize(input.footer, inner) as string[];
  const pages = doc.getNumberOfPages();
  for (let page = 1; page <= pages; page++) {
    doc.setPage(page);
    y = 297 - M + 2 - (foot.length - 1) * 3.4;
    for (const l of foot) {
      text(l, M, 7.5, false, '#667');
      y += 3.4;
    }
  }
  return new Uint8Array(doc.output('arraybuffer'));
}

/** The brief in the browser: jsPDF and the fonts are loaded on first use (same origin, bundled). */
export async function makeBrief(input: BriefInput): Promise<Uint8Array> {
  const [{ jsPDF }, regularUrl, boldUrl] = await Promise.all([
    import('jspdf'),
    import('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf?url').then((m) => m.default as string),
    import('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf?url').then((m) => m.default as string),
  ]);
  const get = async (url: string) => new Uint8Array(await (await fetch(url)).arrayBuffer());
  const [regular, bold] = await Promise.all([get(regularUrl), get(boldUrl)]);
  return buildBrief(jsPDF, { regular, bold }, input);
}
