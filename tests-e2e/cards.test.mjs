// Every golden card the .NET tests write (../Tests/Cards/Golden/*.json) rendered by Microsoft's
// JavaScript Adaptive Cards renderer in headless Chromium with a Teams-like host config:
// no parse or validation events, a non-empty rendering, one PNG per card in screenshots/cards/.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  GOLDEN_DIR, SAMPLES_DIR, DEFAULT_OUT_DIR, listCardFiles, renderCards, launchChromium,
} from './render-cards.mjs';
import { pngInfo } from './lib/png.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');

/** Golden files git knows about (so a deleted or unwritten folder is noticed once it is in the repo). */
function goldenFilesInGit() {
  try {
    const out = execFileSync('git', ['-C', repo, 'ls-files', '--', 'Tests/Cards/Golden'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return out.split('\n').filter((l) => l.endsWith('.json'));
  } catch {
    return [];
  }
}

function cardSource() {
  const golden = listCardFiles(GOLDEN_DIR);
  if (golden.length > 0) return { label: 'Tests/Cards/Golden', files: golden };
  const tracked = goldenFilesInGit();
  if (fs.existsSync(GOLDEN_DIR) || tracked.length > 0) {
    return { label: 'Tests/Cards/Golden', files: [], missing: `Tests/Cards/Golden has no *.json files on disk (git tracks ${tracked.length}); run the .NET card tests first` };
  }
  console.log('# Tests/Cards/Golden does not exist yet: rendering the sample cards in tests-e2e/cards-samples instead');
  return { label: 'cards-samples', files: listCardFiles(SAMPLES_DIR) };
}

const source = cardSource();
let browser;
let results = [];

before(async () => {
  browser = await launchChromium();
  if (source.files.length > 0) results = await renderCards({ files: source.files, outDir: DEFAULT_OUT_DIR, browser });
});

after(async () => {
  await browser?.close();
});

test(`card files are present (${source.label})`, () => {
  assert.equal(source.missing, undefined, source.missing);
  assert.ok(source.files.length > 0, 'at least one card to render');
});

describe(`rendering ${source.label}`, () => {
  for (const file of source.files) {
    const name = path.basename(file, '.json');
    test(name, () => {
      const r = results.find((x) => x.file === file);
      assert.ok(r, 'was rendered');
      const problems = r.errors.map((e) => `${e.phase}/${e.event}: ${e.message}`);
      assert.deepEqual(problems, [], `renderer reported problems for ${name}`);
      assert.ok(r.rendered, 'AdaptiveCard.render() returned an element');
      assert.ok(r.height > 20 && r.width > 0, `rendered element has a size (${r.width}x${r.height})`);
      assert.ok(r.textLength > 0 || r.elementCount > 3, 'rendered element is not empty');
      const info = pngInfo(fs.readFileSync(r.png));
      assert.ok(info.width >= 450 && info.height > 20, `screenshot ${r.png} is ${info.width}x${info.height}`);
    });
  }
});

test('the sample cards render cleanly too (renderer sanity check)', async () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cards-samples-'));
  const r = await renderCards({ files: listCardFiles(SAMPLES_DIR), outDir: out, browser });
  assert.ok(r.length >= 2);
  for (const x of r) assert.deepEqual(x.errors, [], x.name);
  const ticket = r.find((x) => x.name === 'sample-ticket-channel');
  assert.deepEqual(ticket.buttons, ['Üstlen', 'Çöz'], 'Action.Execute buttons are drawn');
});

test('a broken card is reported (the check can fail)', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cards-broken-'));
  fs.writeFileSync(path.join(dir, 'broken.json'), JSON.stringify({
    type: 'AdaptiveCard', version: '1.5',
    body: [{ type: 'Input.Text' }, { type: 'NoSuchElement' }],
    actions: [{ type: 'Action.Submit', title: 'A', id: 'x' }, { type: 'Action.Execute', title: 'B', id: 'x' }],
  }));
  fs.writeFileSync(path.join(dir, 'not-json.json'), '{ "type": "AdaptiveCard", ');
  const r = await renderCards({ files: listCardFiles(dir), outDir: dir, browser });
  const broken = r.find((x) => x.name === 'broken');
  const events = broken.errors.map((e) => e.event);
  assert.ok(events.includes('UnknownElementType'), events.join(', '));
  assert.ok(events.includes('DuplicateId'), events.join(', '));
  assert.ok(r.find((x) => x.name === 'not-json').jsonError);
});
