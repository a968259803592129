// Renders Adaptive Card JSON files the way Microsoft's JavaScript renderer (npm `adaptivecards`, with
// `markdown-it` for TextBlock markdown) draws them, in headless Debian Chromium driven by playwright-core,
// with a Teams-like light host config, as Teams supports cards up to version 1.5.
//
// Library:  const results = await renderCards({ files, outDir });  // one PNG per card, plus diagnostics
// CLI:      node render-cards.mjs [file.json|dir ...] [--out dir] [--width 450]
//           (default input: ../Tests/Cards/Golden, default output: screenshots/cards/)
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { teamsHostConfig, teamsCardCss } from './lib/teams-host-config.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
/** A file inside an installed package, bypassing its "exports" map (markdown-it does not export dist/). */
const packageFile = (pkg, rel) => path.join(path.dirname(require.resolve(`${pkg}/package.json`)), rel);

export const GOLDEN_DIR = path.resolve(here, '..', 'Tests', 'Cards', 'Golden');
export const SAMPLES_DIR = path.join(here, 'cards-samples');
export const DEFAULT_OUT_DIR = path.join(here, 'screenshots', 'cards');

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** Every *.json under dir (recursively), sorted. */
export function listCardFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.json'))
    .map((e) => path.join(e.parentPath ?? e.path, e.name))
    .sort();
}

function pageHtml(width) {
  const acCss = fs.readFileSync(packageFile('adaptivecards', 'dist/adaptivecards.css'), 'utf8');
  return `<!doctype html><html lang="tr"><head><meta charset="utf-8"><style>${acCss}\n${teamsCardCss}
    #bubble { width: ${width}px; }</style></head>
    <body><div id="frame"><div id="bubble"><div id="card"></div></div></div></body></html>`;
}

/** Runs inside the page: parse with a 1.5 serialization context, validate, render. */
function renderInPage({ card, hostConfig }) {
  const AC = window.AdaptiveCards;
  const md = window.markdownit({ html: false, linkify: true, breaks: false });
  AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
    result.outputHtml = md.render(text);
    result.didProcess = true;
  };
  const target = document.getElementById('card');
  target.innerHTML = '';
  const describe = (e) => ({
    phase: AC.ValidationPhase?.[e.phase] ?? e.phase,
    event: AC.ValidationEvent?.[e.event] ?? e.event,
    message: e.message,
  });
  const errors = [];
  const ac = new AC.AdaptiveCard();
  ac.hostConfig = new AC.HostConfig(hostConfig);
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  try {
    ac.parse(card, context);
  } catch (e) {
    errors.push({ phase: 'Parse', event: 'Exception', message: String(e && e.message || e) });
  }
  for (let i = 0; i < context.eventCount; i++) errors.push(describe(context.getEventAt(i)));
  const validation = ac.validateProperties();
  for (const e of validation.validationEvents) errors.push(describe(e));

  let element;
  try {
    element = ac.render();
  } catch (e) {
    errors.push({ phase: 'Render', event: 'Exception', message: String(e && e.message || e) });
  }
  if (element) target.appendChild(element);
  const rect = element ? element.getBoundingClientRect() : { width: 0, height: 0 };
  return {
    errors,
    rendered: !!element,
    width: Math.round(rect.width),
    height: Math.round(rect.height),
    textLength: element ? element.innerText.trim().length : 0,
    elementCount: element ? element.querySelectorAll('*').length : 0,
    buttons: element ? [...element.querySelectorAll('button')].map((b) => b.innerText.trim()) : [],
  };
}

/**
 * Renders each card file to `${outDir}/${basename}.png`.
 * Returns [{ file, name, png, errors, rendered, width, height, textLength, elementCount, buttons, jsonError? }].
 */
export async function renderCards({ files, outDir = DEFAULT_OUT_DIR, width = 450, browser } = {}) {
  fs.mkdirSync(outDir, { recursive: true });
  const ownBrowser = !browser;
  browser ??= await launchChromium();
  const results = [];
  try {
    const context = await browser.newContext({ viewport: { width: width + 24, height: 800 }, deviceScaleFactor: 1, locale: 'tr-TR' });
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.setContent(pageHtml(width));
    await page.addScriptTag({ path: packageFile('markdown-it', 'dist/browser/markdown-it.umd.min.js') });
    await page.addScriptTag({ path: packageFile('adaptivecards', 'dist/adaptivecards.min.js') });
    for (const file of files) {
      const name = path.basename(file, '.json');
      const png = path.join(outDir, `${name}.png`);
      let card;
      try {
        card = JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch (e) {
        results.push({ file, name, png: null, errors: [{ phase: 'Json', event: 'InvalidJson', message: e.message }], rendered: false, jsonError: true });
        continue;
      }
      pageErrors.length = 0;
      const r = await page.evaluate(renderInPage, { card, hostConfig: teamsHostConfig });
      await page.evaluate(() => document.fonts.ready);
      await page.locator('#frame').screenshot({ path: png });
      for (const e of pageErrors) r.errors.push({ phase: 'Page', event: 'PageError', message: e });
      results.push({ file, name, png, ...r });
    }
    await context.close();
  } finally {
    if (ownBrowser) await browser.close();
  }
  return results;
}

// ---- CLI ----
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  let outDir = DEFAULT_OUT_DIR;
  let width = 450;
  const inputs = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--out') outDir = path.resolve(args[++i]);
    else if (args[i] === '--width') width = Number(args[++i]);
    else inputs.push(path.resolve(args[i]));
  }
  if (inputs.length === 0) inputs.push(fs.existsSync(GOLDEN_DIR) ? GOLDEN_DIR : SAMPLES_DIR);
  const files = inputs.flatMap((p) => (fs.statSync(p).isDirectory() ? listCardFiles(p) : [p]));
  const results = await renderCards({ files, outDir, width });
  let bad = 0;
  for (const r of results) {
    const status = r.errors.length ? 'ERRORS' : 'ok';
    if (r.errors.length) bad++;
    console.log(`${status.padEnd(6)} ${r.name}  ${r.width ?? 0}x${r.height ?? 0}  ${r.png ?? ''}`);
    for (const e of r.errors) console.log(`       ${e.phase}/${e.event}: ${e.message}`);
  }
  process.exitCode = bad ? 1 : 0;
}
