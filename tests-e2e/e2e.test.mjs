// End-to-end: the real bot (dotnet run --project ../Bot --no-build, SQLite in a temp folder) behind
// Microsoft 365 Agents Playground, driven in headless Chromium: a printer fault from Ayşe's chat to the IT
// channel card and back. Set E2E_SKIP=1 to skip. Ports: E2E_BOT_PORT (3978), E2E_PLAYGROUND_PORT (56150).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as P from './playground.mjs';
import { assertCanStart, startBot } from './bot-process.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const SKIP = process.env.E2E_SKIP === '1' ? 'E2E_SKIP=1' : false;
const BOT_PORT = Number(process.env.E2E_BOT_PORT || 3978);
const PG_PORT = Number(process.env.E2E_PLAYGROUND_PORT || 56150);
const BOT_URL = `http://127.0.0.1:${BOT_PORT}`;

let bot; // startBot()'s handle
let pg;
let browser;
let page;

before(async () => {
  if (SKIP) return;
  await assertCanStart({ botPort: BOT_PORT, playgroundPort: PG_PORT });
  bot = await startBot({ url: BOT_URL, name: 'e2e' });
  pg = await P.startPlayground({ port: PG_PORT, botEndpoint: `${BOT_URL}/api/messages` });
  ({ browser, page } = await P.openBrowser());
  await P.gotoPlayground(page, pg); // sends installationUpdate + conversationUpdate for Ayşe's personal chat
});

after(async () => {
  await browser?.close().catch(() => {});
  await P.stopPlayground(pg).catch(() => {});
  await bot?.stop().catch(() => {});
});

test('helpdesk ticket from Ayşe\'s chat to the IT channel and back', { skip: SKIP, timeout: 300000 }, async (t) => {
  const shot = (name) => P.screenshot(page, `e2e-${name}`);
  let number; // the ticket number the bot announces, e.g. BT-2026-0001
  let ticketCard;

  await t.test('0. İsmail (IT director) makes "BT Destek" the IT channel', async () => {
    await P.gotoChannel(page); // first visit: the Playground sends installationUpdate/conversationUpdate for the team
    // Typed messages always come from the Playground's current user (Ayşe, staff), so the director's
    // command goes in as a custom activity from İsmail, @mentioning the bot, as a new post in the channel.
    await P.sendActivityAs(pg, 'ismail', { conversationId: P.IDS.itChannel, text: 'bt kanalı yap', mentionBot: true });
    await P.waitForBotText(page, /artık Bilgi İşlem kanalı/);
    await shot('00-it-channel');
  });

  await t.test('1. Ayşe reports "yazıcım kağıt sıkıştırıyor" in her personal chat', async () => {
    await P.gotoPersonalChat(page);
    await P.sendMessage(page, 'yazıcım kağıt sıkıştırıyor');
    await P.waitForBotText(page, /Anladım, konu: Yazıcı/);
    await P.waitForCard(page, 'Hangi birimdesiniz?');
    await P.sendMessage(page, 'yazı işleri');
    await P.waitForCard(page, 'Hangi hizmet yerindesiniz?');
    await P.sendMessage(page, 'ana hizmet');
    await P.waitForCard(page, 'Hangi yazıcı?');
    await shot('01-ayse-printer-choice');
    await P.clickCardButton(page, 'YZC-0001 · HP LaserJet Pro M404dn', { card: 'Hangi yazıcı?' });
    await P.waitForCard(page, 'Kontrol 1 / 6');
    await shot('01-ayse-self-check');
    await P.clickCardButton(page, 'Sonraki kontrol', { card: 'Kontrol 1 / 6' });
    await P.waitForCard(page, 'Kontrol 2 / 6');
    await P.clickCardButton(page, 'Kontrolleri atla', { card: 'Kontrol 2 / 6' });
    await P.waitForCard(page, 'Ne kadar acil?');
    await P.clickCardButton(page, 'Yüksek (işim durdu)', { card: 'Ne kadar acil?' });
    await P.waitForCard(page, 'Talebiniz gönderilmeden önce kontrol edin');
    await shot('01-ayse-summary');
    await P.clickCardButton(page, 'Gönder', { card: 'Talebiniz gönderilmeden önce kontrol edin' });
    const filed = await P.waitForBotText(page, /Talebiniz alındı/);
    number = (await filed.innerText()).match(/BT-\d{4}-\d{4}/)[0];
    ticketCard = number;
    await shot('01-ayse-ticket-created');
  });

  await t.test('2. the ticket card appears in the IT channel', async () => {
    await P.gotoChannel(page);
    const c = await P.waitForCard(page, ticketCard);
    const text = await c.innerText();
    assert.match(text, /Ayşe Yılmaz/);
    assert.match(text, /Yazı İşleri Müdürlüğü/);
    assert.match(text, /yazıcım kağıt sıkıştırıyor/);
    await shot('02-channel-card');
  });

  await t.test('3. Emre (technician) claims it, then resolves it with a note', async () => {
    await P.actAs(page, 'emre'); // card buttons pressed from here on are Emre's (invoke from.id = user-id-1)
    const claimed = await P.clickCardButton(page, 'Üstlen', { card: ticketCard });
    assert.equal(claimed.status, 200, JSON.stringify(claimed.body));
    await P.waitForCard(page, `${number} · Yazıcı · Üstlenildi`);
    await shot('03-claimed');

    await P.openShowCard(page, 'Çöz', { card: ticketCard }); // the note form
    await P.fillCardInput(page, { card: ticketCard, index: 0 }, 'Sıkışan kağıt çıkarıldı, toner değiştirildi.');
    await P.fillCardInput(page, { card: ticketCard, index: 1 }, 'CF259A');
    const resolved = await P.clickCardButton(page, 'Çözüldü olarak kaydet', { card: ticketCard });
    assert.equal(resolved.status, 200, JSON.stringify(resolved.body));
    await P.waitForCard(page, `${number} · Yazıcı · Çözüldü`);
    await shot('03-resolved');
    await P.actAs(page, null);
  });

  await t.test('4. Ayşe sees both changes in her personal chat', async () => {
    await P.gotoPersonalChat(page);
    await P.waitForBotText(page, /Emre Kaya talebi üstlendi/);
    await P.waitForBotText(page, /Emre Kaya talebi çözdü/);
    await P.waitForCard(page, 'Onayla ve puanla');
    await shot('04-ayse-notified');
  });
});

test('the committed .m365agentsplayground.yml is the generated config for Ayşe', () => {
  const committed = fs.readFileSync(path.join(here, '.m365agentsplayground.yml'), 'utf8');
  const body = committed.split('\n').filter((l) => !l.startsWith('#')).join('\n');
  const generated = P.playgroundConfigYaml('ayse').split('\n').filter((l) => !l.startsWith('#')).join('\n');
  assert.equal(body, generated, 'regenerate with: node -e "import(\'./playground.mjs\').then(m => process.stdout.write(m.playgroundConfigYaml()))"');
});
