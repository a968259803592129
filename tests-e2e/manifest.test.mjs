// Teams app package: build it with ../scripts/package-app.sh, then check what is inside against
// Microsoft's own manifest schemas (shipped offline in @microsoft/app-manifest).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import appManifest from '@microsoft/app-manifest';
import { readZip } from './lib/zip.mjs';
import { decodePng, pngInfo } from './lib/png.mjs';

const { AppManifestUtils } = appManifest;
const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const require = createRequire(import.meta.url);
const schemasDir = path.join(path.dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams');
const DEV_ID = '00000000-0000-0000-0000-000000000b07';

let files; // Map<name, Buffer> of the built zip
let manifest;
let en;

function runPackage(env, outFile) {
  const cleanEnv = { ...process.env, ...env };
  for (const k of ['MICROSOFT_APP_ID', 'TEAMS_APP_ID', 'APP_VERSION']) if (!(k in env)) delete cleanEnv[k];
  return execFileSync('bash', [path.join(repo, 'scripts', 'package-app.sh'), ...(outFile ? ['-o', outFile] : [])], {
    env: cleanEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
  }).trim().split('\n').pop();
}

/** Microsoft's schema with its one regex that JS rejects in unicode mode (`\b]`) escaped. */
function loadSchema(version, name) {
  const file = path.join(schemasDir, `v${version}`, name);
  if (!fs.existsSync(file)) return undefined;
  const raw = fs.readFileSync(file, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b').replaceAll('\\\\b]', '\\\\b\\\\]');
  return JSON.parse(raw);
}

before(() => {
  const zipPath = runPackage({});
  assert.equal(zipPath, path.join(repo, 'artifacts', 'helpdeskbot-teams-app.zip'), 'package-app.sh prints the zip path');
  files = readZip(zipPath);
  manifest = JSON.parse(files.get('manifest.json').toString('utf8'));
  en = JSON.parse(files.get('en.json').toString('utf8'));
});

test('the package holds exactly manifest.json, en.json and the two icons at its root', () => {
  assert.deepEqual([...files.keys()].sort(), ['color.png', 'en.json', 'manifest.json', 'outline.png']);
});

test('placeholders are substituted (dev GUID by default)', () => {
  const text = files.get('manifest.json').toString('utf8');
  assert.doesNotMatch(text, /\$\{\{/);
  assert.equal(manifest.id, DEV_ID);
  assert.equal(manifest.bots[0].botId, DEV_ID);
  assert.match(manifest.version, /^\d+\.\d+\.\d+$/);
});

test('MICROSOFT_APP_ID, TEAMS_APP_ID and APP_VERSION are taken from the environment', () => {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pkg-')), 'app.zip');
  const zipPath = runPackage({ MICROSOFT_APP_ID: '11111111-2222-3333-4444-555555555555', APP_VERSION: '2.3.4' }, out);
  assert.equal(zipPath, out);
  const m = JSON.parse(readZip(out).get('manifest.json').toString('utf8'));
  assert.equal(m.bots[0].botId, '11111111-2222-3333-4444-555555555555');
  assert.equal(m.id, '11111111-2222-3333-4444-555555555555', 'the app id defaults to the bot id');
  assert.equal(m.version, '2.3.4');
  assert.throws(() => runPackage({ MICROSOFT_APP_ID: 'not-a-guid' }, out), /not a GUID/);
});

test('manifest.json validates against Microsoft\'s schema for its manifestVersion', async () => {
  assert.match(manifest.$schema, /\/v1\.\d+\/MicrosoftTeams\.schema\.json$/);
  assert.ok(Number(manifest.manifestVersion.split('.')[1]) >= 17, 'schema v1.17 or later');
  const errors = await AppManifestUtils.validateAgainstSchema(manifest);
  assert.deepEqual(errors, []);
});

test('manifest.json also validates against the newest schema the package ships (ready to bump)', async () => {
  const versions = fs.readdirSync(schemasDir).filter((d) => /^v1\.\d+$/.test(d)).map((d) => Number(d.slice(3))).sort((a, b) => a - b);
  const newest = versions.at(-1);
  const m = { ...manifest, $schema: manifest.$schema.replace(/v1\.\d+/, `v1.${newest}`), manifestVersion: `1.${newest}` };
  assert.deepEqual(await AppManifestUtils.validateAgainstSchema(m), [], `v1.${newest}`);
});

test('a broken manifest is rejected (the check can fail)', async () => {
  const broken = structuredClone(manifest);
  delete broken.name;
  broken.bots[0].botId = 'not-a-guid';
  broken.bots[0].scopes = ['everywhere'];
  broken.developer.name = 'x'.repeat(40);
  const errors = await AppManifestUtils.validateAgainstSchema(broken);
  assert.ok(errors.length >= 4, errors.join('\n'));
  assert.ok(errors.some((e) => e.includes("'name'")));
  assert.ok(errors.some((e) => e.includes('/bots/0/botId')));
});

test('bot: personal and team scopes, no files, the Turkish command lists', () => {
  const bot = manifest.bots[0];
  assert.ok(bot.scopes.includes('personal') && bot.scopes.includes('team'));
  assert.equal(bot.supportsFiles, false);
  const byScope = Object.fromEntries(bot.commandLists.map((l) => [l.scopes.join(','), l.commands.map((c) => c.title)]));
  assert.deepEqual(byScope.personal, ['arıza bildir', 'taleplerim', 'yardım', 'iptal']);
  assert.deepEqual(byScope.team, ['bt kanalı yap', 'yardım']);
  assert.equal(manifest.localizationInfo.defaultLanguageTag, 'tr-tr');
  assert.deepEqual(manifest.localizationInfo.additionalLanguages, [{ languageTag: 'en-us', file: 'en.json' }]);
  for (const url of [manifest.developer.websiteUrl, manifest.developer.privacyUrl, manifest.developer.termsOfUseUrl]) {
    assert.match(url, /^https:\/\//);
  }
});

test('en.json validates against the localization schema and covers every command', async (t) => {
  const version = manifest.manifestVersion;
  const schema = loadSchema(version, 'MicrosoftTeams.Localization.schema.json');
  if (!schema) {
    t.skip(`@microsoft/app-manifest ships no localization schema for v${version}`);
    return;
  }
  assert.match(en.$schema, new RegExp(`/v${version.replace('.', '\\.')}/MicrosoftTeams\\.Localization\\.schema\\.json$`));
  assert.deepEqual(await AppManifestUtils.validateAgainstSchema(en, schema), []);
  const broken = await AppManifestUtils.validateAgainstSchema({ ...en, 'bots[0].commandLists[0].commands[99].title': 'x', 'description.full': undefined }, schema);
  assert.ok(broken.length > 0, 'a broken localization file is rejected');

  const expected = [];
  manifest.bots[0].commandLists.forEach((list, i) => list.commands.forEach((_, j) => {
    expected.push(`bots[0].commandLists[${i}].commands[${j}].title`, `bots[0].commandLists[${i}].commands[${j}].description`);
  }));
  const keys = Object.keys(en).filter((k) => k.startsWith('bots['));
  assert.deepEqual(keys.sort(), expected.sort(), 'en.json translates exactly the manifest\'s commands');
  for (const k of keys.filter((key) => key.endsWith('.title'))) assert.ok(en[k].length <= 32, `${k} is at most 32 characters`);
  assert.ok(en['name.short'].length <= 30);
});

test('color.png is 192x192 and opaque; outline.png is 32x32, white on transparent', () => {
  const color = pngInfo(files.get('color.png'));
  assert.deepEqual([color.width, color.height], [192, 192]);
  const colorPixels = decodePng(files.get('color.png')).pixels;
  assert.ok(colorPixels.every((p) => p[3] === 255), 'color icon has no transparency');

  const outline = decodePng(files.get('outline.png'));
  assert.deepEqual([outline.width, outline.height], [32, 32]);
  assert.ok(outline.hasAlpha, 'outline icon has an alpha channel');
  const visible = outline.pixels.filter((p) => p[3] > 0);
  const transparent = outline.pixels.filter((p) => p[3] === 0);
  assert.ok(visible.length > 50 && transparent.length > 300, 'outline icon has a glyph and a transparent background');
  assert.ok(visible.every((p) => p[0] === 255 && p[1] === 255 && p[2] === 255), 'every visible outline pixel is white');
});
