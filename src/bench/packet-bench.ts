/**
 * `npm run bench`: the packet engine against three baselines measured in the same run, on the same content:
 * pdf-lib with the standard Helvetica font (no embedding: the floor), pdf-lib embedding subset Noto fonts
 * through @pdf-lib/fontkit the obvious way, and warm headless Chromium printing the HTML preview.
 */
import { readFileSync } from 'node:fs';
import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { createEngine } from '../engine.js';
import { generatePacket, generatePreview, layoutPacket, preparePacket } from '../generate.js';
import type { PageLayout } from '../layout/page-layout.js';
import { defaultFontsDir } from '../layout/fonts.js';
import { join } from 'node:path';

const today = new Date('2026-11-27T00:00:00Z');
const latinRequest = { county: 'los-angeles', language: 'es', person: { name: 'José Núñez' }, release: { date: '2026-12-01' } };
const arabicRequest = { ...latinRequest, person: { name: 'محمد علي' } };
const chineseRequest = { ...latinRequest, person: { name: '张伟' } };

interface Stats {
  label: string;
  medianMs: number;
  p95Ms: number;
  perSecond: number;
  kb: number;
}

async function measure(label: string, runs: number, once: () => Promise<Uint8Array>): Promise<Stats> {
  let bytes = await once();
  for (let warm = 0; warm < Math.min(20, runs); warm++) bytes = await once();
  const times: number[] = [];
  const started = performance.now();
  for (let run = 0; run < runs; run++) {
    const t0 = performance.now();
    bytes = await once();
    times.push(performance.now() - t0);
  }
  const elapsed = performance.now() - started;
  times.sort((a, b) => a - b);
  return {
    label,
    medianMs: times[Math.floor(times.length / 2)]!,
    p95Ms: times[Math.floor(times.length * 0.95)]!,
    perSecond: (runs / elapsed) * 1000,
    kb: bytes.length / 1024,
  };
}

interface DrawnLine {
  text: string;
  xPt: number;
  yPt: number;
  sizePt: number;
  faceFile: string;
  isBold: boolean;
}

/** The same text at the same places, for the baselines that draw strings rather than glyphs. */
function linesOf(pages: PageLayout[]): DrawnLine[][] {
  const files = JSON.parse(readFileSync(join(defaultFontsDir, 'fonts.json'), 'utf8')) as { faces: { id: string; file: string }[] };
  return pages.map((page) =>
    page.items.flatMap((item) =>
      item.kind === 'text'
        ? [{
            text: item.glyphs.map((glyph) => String.fromCodePoint(...glyph.codePoints)).join(''),
            xPt: item.xPt,
            yPt: item.yPt,
            sizePt: item.sizePt,
            faceFile: files.faces[item.face.index]!.file,
            isBold: item.face.style === 'bold',
          }]
        : [],
    ),
  );
}

/** WinAnsi can encode Latin-1 and a few more; Helvetica gets '?' for the rest. */
function toWinAnsi(text: string): string {
  return text.replace(/[^\u0020-\u007e\u00a0-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026]/g, '?');
}

async function helveticaFloor(pages: DrawnLine[][], size: [number, number]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  for (const lines of pages) {
    const page = doc.addPage(size);
    for (const line of lines) page.drawText(toWinAnsi(line.text), { x: line.xPt, y: line.yPt, size: line.sizePt, font: line.isBold ? bold : regular });
  }
  return doc.save();
}

const fontBytes = new Map<string, Uint8Array>();
async function naiveFontkit(pages: DrawnLine[][], size: [number, number]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const fonts = new Map<string, PDFFont>();
  for (const lines of pages) {
    const page = doc.addPage(size);
    for (const line of lines) {
      let font = fonts.get(line.faceFile);
      if (!font) {
        let bytes = fontBytes.get(line.faceFile);
        if (!bytes) fontBytes.set(line.faceFile, (bytes = readFileSync(join(defaultFontsDir, line.faceFile))));
        font = await doc.embedFont(bytes, { subset: true });
        fonts.set(line.faceFile, font);
      }
      page.drawText(line.text, { x: line.xPt, y: line.yPt, size: line.sizePt, font });
    }
  }
  return doc.save();
}

async function chromiumBaseline(html: string, runs: number): Promise<Stats | string> {
  let playwright: typeof import('playwright-core');
  try {
    playwright = await import('playwright-core');
  } catch {
    return 'playwright-core not installed';
  }
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  let browser;
  try {
    browser = await playwright.chromium.launch({
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  } catch {
    return `no Chromium at ${executablePath} (apt-get install chromium)`;
  }
  try {
    const page = await browser.newPage();
    return await measure('warm Chromium printing the HTML preview', runs, async () => {
      await page.setContent(html);
      return page.pdf({ format: 'Letter' });
    });
  } finally {
    await browser.close();
  }
}

function row(stats: Stats, floor: Stats): string {
  return `| ${stats.label} | ${stats.medianMs.toFixed(2)} | ${stats.p95Ms.toFixed(2)} | ${stats.perSecond.toFixed(0)} | ${stats.kb.toFixed(1)} | ${(stats.medianMs / floor.medianMs).toFixed(2)}x |`;
}

async function main(): Promise<void> {
  const runs = Number(process.env.BENCH_RUNS ?? 200);
  const engine = createEngine();
  const options = { today, engine };
  const prepared = preparePacket(latinRequest, options);
  const layout = layoutPacket(prepared, engine);
  const drawn = linesOf(layout);
  const size: [number, number] = [layout[0]!.widthPt, layout[0]!.heightPt];

  const ours = await measure('release-packet (prepared fonts)', runs, () => generatePacket(latinRequest, options));
  const arabic = await measure('release-packet, Arabic name', runs, () => generatePacket(arabicRequest, options));
  const chinese = await measure('release-packet, Chinese name', runs, () => generatePacket(chineseRequest, options));
  // The first packet of a county, language pair and day renders, lays out and deflates every section itself.
  const cold = await measure('release-packet, first of its kind (caches emptied)', runs, () => {
    engine.sectionCache.clear();
    engine.pageStreams.clear();
    return generatePacket(latinRequest, options);
  });
  const floor = await measure('pdf-lib + standard Helvetica (floor)', runs, () => helveticaFloor(drawn, size));
  const naive = await measure('pdf-lib + @pdf-lib/fontkit subset (naive)', Math.max(20, Math.floor(runs / 5)), () => naiveFontkit(drawn, size));
  const chromium = await chromiumBaseline(generatePreview(latinRequest, options), Math.max(20, Math.floor(runs / 4)));

  const lines = [
    `Packet: ${layout.length} pages, Spanish + English, Los Angeles County; ${runs} runs after warm-up, one process.`,
    '',
    '| path | median ms | p95 ms | packets/s | KB | vs floor |',
    '|---|---|---|---|---|---|',
    row(ours, floor),
    row(arabic, floor),
    row(chinese, floor),
    row(cold, floor),
    row(floor, floor),
    row(naive, floor),
    typeof chromium === 'string' ? `| warm Chromium | skipped: ${chromium} | | | | |` : row(chromium, floor),
    '',
    `startup (fonts, catalogs, templates, directory, shaped words, prepared font programs): ${engine.startupMs.toFixed(0)} ms`,
    `peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
    '',
    'Ratios (goal in brackets):',
    `- median vs pdf-lib Helvetica floor: ${(ours.medianMs / floor.medianMs).toFixed(2)}x [<= 1.0x]`,
    typeof chromium === 'string' ? '- vs warm Chromium: skipped' : `- speed-up vs warm Chromium: ${(chromium.medianMs / ours.medianMs).toFixed(1)}x [>= 10x]`,
    `- speed-up vs naive fontkit subset: ${(naive.medianMs / ours.medianMs).toFixed(1)}x [>= 30x]`,
    `- first packet of its kind (caches emptied) vs floor: ${(cold.medianMs / floor.medianMs).toFixed(2)}x`,
    `- Arabic name vs Latin: ${(arabic.medianMs / ours.medianMs).toFixed(2)}x, Chinese name vs Latin: ${(chinese.medianMs / ours.medianMs).toFixed(2)}x [<= 2x]`,
    `- size: ${ours.kb.toFixed(1)} KB for ${layout.length} pages = ${(ours.kb / layout.length).toFixed(1)} KB/page [<= 40 KB for 5 pages = 8 KB/page]`,
    `- startup: ${(engine.startupMs / 1000).toFixed(2)} s [<= 1.5 s]`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

await main();
