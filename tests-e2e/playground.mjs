// Drives Microsoft 365 Agents Playground (npm @microsoft/m365agentsplayground, evaluation licence: installed at
// test time by run.sh with `npm install --no-save`, never committed) headless with playwright-core and Debian's
// Chromium. What the Playground does and does not do is written up in PLAYGROUND-NOTES.md.
//
//   const pg = await startPlayground({ port: 56150, botEndpoint: 'http://127.0.0.1:3978/api/messages' });
//   const { browser, page } = await openBrowser();
//   await gotoPlayground(page, pg);
//   await gotoPersonalChat(page);
//   await sendMessage(page, 'yardım');
//   await waitForBotText(page, /Yardım/);
//   await actAs(page, 'emre');            // card buttons (Action.Execute / Action.Submit) now act as Emre
//   await clickCardButton(page, 'Üstlen', { card: /BT-2026/ });
//   await screenshot(page, '03-claimed');
//   await browser.close(); await stopPlayground(pg);
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './render-cards.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const SCREENSHOT_DIR = path.join(here, 'screenshots');
export const STATE_DIR = path.join(here, '.m365agentsplayground'); // git-ignored: generated configs, logs
export const CLI = path.join(here, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js');

export const TENANT_ID = '00000000-0000-0000-0000-0000000000001';
export const BOT = { id: '00000000-0000-0000-0000-00000000000011', name: 'Bilgi İşlem Yardım Masası' };

/**
 * The seeded demo people (Infrastructure/Persistence/Seed/DemoMunicipality.cs) with the Playground's mock
 * aadObjectIds. Note: those ids have 13 hex digits in the last group — they are NOT valid GUIDs.
 * `id` is the Bot Framework channel account id the Playground uses (activity.from.id).
 */
export const PEOPLE = {
  ayse: { id: 'user-id-0', name: 'Ayşe Yılmaz', givenName: 'Ayşe', surname: 'Yılmaz', email: 'ayse.yilmaz@belediye.local', aadObjectId: '00000000-0000-0000-0000-0000000000020', role: 'staff' },
  emre: { id: 'user-id-1', name: 'Emre Kaya', givenName: 'Emre', surname: 'Kaya', email: 'emre.kaya@belediye.local', aadObjectId: '00000000-0000-0000-0000-0000000000021', role: 'it-technician' },
  zeynep: { id: 'user-id-2', name: 'Zeynep Şahin', givenName: 'Zeynep', surname: 'Şahin', email: 'zeynep.sahin@belediye.local', aadObjectId: '00000000-0000-0000-0000-0000000000022', role: 'it-technician' },
  mehmet: { id: 'user-id-3', name: 'Mehmet Demir', givenName: 'Mehmet', surname: 'Demir', email: 'mehmet.demir@belediye.local', aadObjectId: '00000000-0000-0000-0000-0000000000023', role: 'unit-manager' },
  ismail: { id: 'user-id-4', name: 'İsmail Işık', givenName: 'İsmail', surname: 'Işık', email: 'ismail.isik@belediye.local', aadObjectId: '00000000-0000-0000-0000-0000000000024', role: 'it-director' },
  fatma: { id: 'user-id-5', name: 'Fatma Çelik', givenName: 'Fatma', surname: 'Çelik', email: 'fatma.celik@belediye.local', aadObjectId: '00000000-0000-0000-0000-0000000000025', role: 'clerk' },
  deniz: { id: 'user-id-6', name: 'Deniz Arslan', givenName: 'Deniz', surname: 'Arslan', email: 'deniz.arslan@belediye.local', aadObjectId: '00000000-0000-0000-0000-0000000000026', role: 'staff (en-US)' },
};

/** Conversation ids the Playground uses with our config (they are what the bot sees as conversation.id). */
export const IDS = {
  tenant: TENANT_ID,
  bot: BOT.id,
  personalChat: (userKey = 'ayse') => `personal-chat-${userKey}`,
  groupChat: 'group-chat-bim',
  team: 'team-bim',
  generalChannel: 'team-bim', // the General channel's id is the team id, as in Teams
  itChannel: 'channel-bt-destek',
  /** A channel post (thread) is its own conversation: "<channelId>;messageid=<rootMessageId>". */
  thread: (channelId, rootMessageId) => `${channelId};messageid=${rootMessageId}`,
};
export const NAV = {
  personalChat: 'Personal Chat',
  groupChat: 'Bilgi İşlem Grubu',
  channel: (name) => `Bilgi İşlem Müdürlüğü - ${name}`,
  itChannelName: 'BT Destek',
};

function userKey(user) {
  if (!user) return 'ayse';
  if (typeof user === 'string' && PEOPLE[user]) return user;
  const found = Object.entries(PEOPLE).find(([, p]) => p === user || p.id === user || p.aadObjectId === user || p.name === user);
  if (!found) throw new Error(`unknown Playground user: ${JSON.stringify(user)}`);
  return found[0];
}

/** YAML for .m365agentsplayground.yml with `currentUser` as the signed-in user (the schema wants exactly 5 others). */
export function playgroundConfigYaml(currentUser = 'ayse') {
  const me = userKey(currentUser);
  const others = Object.keys(PEOPLE).filter((k) => k !== me).slice(0, 5);
  const q = (s) => JSON.stringify(s);
  const fields = (k) => {
    const p = PEOPLE[k];
    return [`id: ${q(p.id)}`, `name: ${q(p.name)}`, `userPrincipleName: ${q(p.email)}`, `aadObjectId: ${q(p.aadObjectId)}`,
      `givenName: ${q(p.givenName)}`, `surname: ${q(p.surname)}`, `email: ${q(p.email)}`];
  };
  const asMap = (k) => fields(k).map((l) => `  ${l}`).join('\n');
  const asItem = (k) => fields(k).map((l, i) => (i === 0 ? `  - ${l}` : `    ${l}`)).join('\n');
  return [
    '# Generated by tests-e2e/playground.mjs (playgroundConfigYaml). Schema: the Playground\'s config 0.1.1.',
    'version: "0.1.1"',
    `tenantId: ${q(TENANT_ID)}`,
    'bot:',
    `  id: ${q(BOT.id)}`,
    `  name: ${q(BOT.name)}`,
    'currentUser:',
    asMap(me),
    'users:',
    ...others.map(asItem),
    'personalChat:',
    `  id: ${q(IDS.personalChat(me))}`,
    'groupChat:',
    `  id: ${q(IDS.groupChat)}`,
    `  name: ${q(NAV.groupChat)}`,
    'team:',
    `  id: ${q(IDS.team)}`,
    '  name: "Bilgi İşlem Müdürlüğü"',
    '  aadGroupId: "00000000-0000-0000-0000-000000000031"',
    '  channels:',
    `    - id: ${q(IDS.itChannel)}`,
    `      name: ${q(NAV.itChannelName)}`,
    '',
  ].join('\n');
}

async function waitForHttp(url, { timeoutMs = 30000, intervalMs = 250, accept = (r) => r.ok } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      const r = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (accept(r)) return r;
      last = `HTTP ${r.status}`;
    } catch (e) {
      last = e.message;
    }
    await new Promise((res) => setTimeout(res, intervalMs));
  }
  throw new Error(`timed out waiting for ${url} (${last})`);
}
export { waitForHttp };

/**
 * Starts the Playground CLI. It serves the web UI and a mock Bot Connector on `port`
 * (serviceUrl http://localhost:<port>/_connector). Resolves once /_debug/ping answers.
 * Options: port (56150), botEndpoint, cwd (tests-e2e/), currentUser ('ayse' … 'deniz'; writes a config into
 * .m365agentsplayground/), configPath (use this yml instead), env (extra variables).
 */
export async function startPlayground({
  port = 56150,
  botEndpoint = 'http://127.0.0.1:3978/api/messages',
  cwd = here,
  currentUser = 'ayse',
  configPath,
  env = {},
  timeoutMs = 30000,
} = {}) {
  if (!fs.existsSync(CLI)) {
    throw new Error(`${CLI} is missing: install it with \`npm install --no-save @microsoft/m365agentsplayground@0.2.28\` in tests-e2e (run.sh does)`);
  }
  fs.mkdirSync(STATE_DIR, { recursive: true });
  const key = userKey(currentUser);
  if (!configPath) {
    configPath = path.join(STATE_DIR, `config-${key}.yml`);
    fs.writeFileSync(configPath, playgroundConfigYaml(key));
  }
  const logFile = path.join(STATE_DIR, `playground-${port}.log`);
  const out = fs.openSync(path.join(STATE_DIR, `playground-${port}.out`), 'w');
  const child = spawn(process.execPath, [CLI, '-e', botEndpoint, '-c', 'msteams', '-p', String(port), '--disable-telemetry'], {
    cwd,
    env: {
      ...process.env,
      TEAMSAPPTESTER_BROWSER: 'none', // do not try to open a browser
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
      M365_AGENTS_PLAYGROUND_LOGFILE: logFile, // default is ./devTools/m365agentsplayground.log in cwd
      TZ: 'Europe/Istanbul', // activity.localTimezone / localTimestamp follow the CLI's time zone
      LANG: 'tr_TR.UTF-8',
      LC_ALL: 'tr_TR.UTF-8', // the Playground's internal config locale (activities still say en-US)
      ...env,
    },
    stdio: ['ignore', out, out],
    detached: true, // own process group, so stopPlayground can end it and only it
  });
  fs.closeSync(out);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const url = `http://localhost:${port}`;
  const ready = waitForHttp(`${url}/_debug/ping`, { timeoutMs });
  const first = await Promise.race([ready.then(() => 'ready'), exited.then((x) => x)]);
  if (first !== 'ready') {
    const log = fs.readFileSync(path.join(STATE_DIR, `playground-${port}.out`), 'utf8');
    throw new Error(`Playground exited early (${JSON.stringify(first)}):\n${log}`);
  }
  const listening = fs.readFileSync(path.join(STATE_DIR, `playground-${port}.out`), 'utf8').match(/Listening on (\d+)/);
  if (listening && Number(listening[1]) !== port) {
    throw new Error(`port ${port} was busy and the Playground took ${listening[1]}; stop whatever holds ${port}`);
  }
  return {
    child,
    pid: child.pid,
    port,
    url,
    serviceUrl: `${url}/_connector`,
    configPath,
    currentUser: key,
    logFile,
    exited,
  };
}

/** Ends the Playground started by startPlayground (its own process group only). */
export async function stopPlayground(pg) {
  if (!pg?.child || pg.child.exitCode !== null || pg.child.signalCode !== null) return;
  try {
    process.kill(-pg.pid, 'SIGTERM');
  } catch {
    return;
  }
  const t = setTimeout(() => { try { process.kill(-pg.pid, 'SIGKILL'); } catch { /* gone */ } }, 5000);
  await pg.exited;
  clearTimeout(t);
}

/** Headless Chromium with a Turkish, Istanbul-time browser context. Returns { browser, context, page }. */
export async function openBrowser({ locale = 'tr-TR', viewport = { width: 1400, height: 1000 } } = {}) {
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport, locale, timezoneId: 'Europe/Istanbul' });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  return { browser, context, page };
}

/**
 * Opens the Playground UI. Keep ONE page for the whole scenario: the UI keeps the conversations in the
 * page; a reload or a second page starts empty (messages sent while no page is open are delivered to
 * the first page that connects).
 */
export async function gotoPlayground(page, pg) {
  page.__playgroundUser = pg.currentUser;
  await page.goto(`${pg.url}/`);
  await page.getByRole('treeitem', { name: NAV.personalChat }).waitFor();
}

async function openNav(page, label) {
  await page.getByRole('treeitem', { name: label }).click();
  await page.locator('[data-lexical-editor="true"][role="textbox"]').first().waitFor();
}

/** The 1:1 chat with the bot. Only the Playground's current user has one (see startPlayground currentUser). */
export async function gotoPersonalChat(page, user) {
  if (user && page.__playgroundUser && userKey(user) !== page.__playgroundUser) {
    throw new Error(`the UI acts as ${page.__playgroundUser}; start the Playground with currentUser '${userKey(user)}' for that user's 1:1 chat`);
  }
  await openNav(page, NAV.personalChat);
  page.__view = 'personal';
}

export async function gotoGroupChat(page) {
  await openNav(page, NAV.groupChat);
  page.__view = 'group';
}

/** A channel of the team "Bilgi İşlem Müdürlüğü": 'BT Destek' (default) or 'General'. */
export async function gotoChannel(page, name = NAV.itChannelName) {
  await openNav(page, NAV.channel(name));
  page.__view = 'channel';
}

async function typeMentionOfBot(page, box) {
  await box.click();
  await page.keyboard.type(`@${BOT.name.slice(0, 5)}`);
  await page.getByRole('menuitem', { name: BOT.name }).click();
  await page.keyboard.type(' ');
}

/**
 * Types a message and sends it. In a chat: Enter. In a channel: a new post with "Post", or with
 * { thread: <text or regex of the root post> } a reply in that thread. Channel and group messages reach
 * the bot only when they @mention it: { mentionBot: true } (default in channels and the group chat).
 */
export async function sendMessage(page, text, { mentionBot, thread } = {}) {
  const inChannel = page.__view === 'channel';
  const boxes = page.locator('[data-lexical-editor="true"][role="textbox"]');
  let box = boxes.first();
  if (thread) {
    const post = page.locator('div').filter({ has: page.getByText(thread) }).filter({ has: boxes }).last();
    box = post.locator('[data-lexical-editor="true"][role="textbox"]').last();
  } else if (!inChannel) {
    box = boxes.last();
  }
  const mention = mentionBot ?? (inChannel || page.__view === 'group');
  if (mention) await typeMentionOfBot(page, box);
  else await box.click();
  await page.keyboard.type(text);
  const sent = page.waitForResponse((r) => /\/_conversation\/v1\/conversations\/[^/]+\/messages$/.test(r.url()));
  if (inChannel && !thread) await page.getByRole('button', { name: 'Post' }).click();
  else await page.keyboard.press('Enter');
  const res = await sent;
  return res.json(); // { messageId, postConversationId?, timestamp }
}

/** Locator of bot texts (chat bubbles, channel posts, card text) matching `pattern`. */
export function botTexts(page, pattern) {
  return page.locator('.fai-OutputCard, p, .ac-textBlock').filter({ hasText: pattern });
}

/**
 * Waits until more than `after` elements show text matching `pattern` (count first with
 * `await botTexts(page, re).count()` to wait for a NEW reply). Returns the last match.
 */
export async function waitForBotText(page, pattern, { timeout = 15000, after = 0 } = {}) {
  const loc = botTexts(page, pattern);
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (await loc.count() > after) {
      const last = loc.last();
      await last.scrollIntoViewIfNeeded().catch(() => {});
      return last;
    }
    await page.waitForTimeout(150);
  }
  throw new Error(`no bot text matching ${pattern} within ${timeout} ms`);
}

/** Number of bot messages (text bubbles and cards) in the open chat (personal or group chat views). */
export function botMessageCount(page) {
  return page.locator('.fai-OutputCard').count();
}

/** In a chat: waits until there are more than `before` bot messages; returns the newest one. */
export async function waitForBotReply(page, before, { timeout = 15000 } = {}) {
  const all = page.locator('.fai-OutputCard');
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (await all.count() > before) {
      await page.waitForTimeout(300); // a reply is often several activities: let them land
      return all.last();
    }
    await page.waitForTimeout(150);
  }
  throw new Error(`no new bot message within ${timeout} ms`);
}

/** The last Adaptive Card (optionally the last one containing `text`). */
export function card(page, text) {
  const cards = page.locator('.ac-adaptiveCard');
  return (text ? cards.filter({ hasText: text }) : cards).last();
}

export async function waitForCard(page, text, { timeout = 15000 } = {}) {
  const c = card(page, text);
  await c.waitFor({ state: 'visible', timeout });
  await page.waitForTimeout(300); // the UI re-renders a new card once; inputs typed before that are lost
  return c;
}

function cardInput(c, { label, placeholder, index = 0 }) {
  if (label) return c.getByLabel(label);
  if (placeholder) return c.getByPlaceholder(placeholder);
  return c.locator('input:not([type=hidden]), textarea').nth(index);
}

/** Fills an input of a card (by its label, placeholder or its position) and checks the value stuck. */
export async function fillCardInput(page, { card: cardText, label, placeholder, index = 0 }, value) {
  const c = await waitForCard(page, cardText);
  const input = cardInput(c, { label, placeholder, index });
  for (let attempt = 0; attempt < 3; attempt++) {
    await input.fill(value);
    await page.waitForTimeout(150);
    if (await input.inputValue() === value) return input;
  }
  throw new Error(`could not fill card input with ${JSON.stringify(value)}`);
}

/**
 * Like fillCardInput, but types the value key by key. Use it for a multiline Input.Text (a textarea) outside a
 * ShowCard: there the Playground's card keeps no value from Playwright's fill() — the box shows the text but the
 * Action.Execute goes without it — while typed keys are picked up.
 */
export async function typeCardInput(page, { card: cardText, label, placeholder, index = 0 }, value) {
  const c = await waitForCard(page, cardText);
  const input = cardInput(c, { label, placeholder, index });
  for (let attempt = 0; attempt < 3; attempt++) {
    await input.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.type(value);
    await page.waitForTimeout(150);
    if (await input.inputValue() === value) return input;
  }
  throw new Error(`could not type ${JSON.stringify(value)} into the card input`);
}

/**
 * Opens an Action.ShowCard (nothing is sent) and waits until its form shows an input. A card that is re-rendered
 * meanwhile (a late in-place update of the same card) closes the form again, so it is clicked again, up to 3 times.
 */
export async function openShowCard(page, name, { card: cardText } = {}) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const c = await waitForCard(page, cardText);
    const button = c.getByRole('button', { name, exact: true });
    if (await button.getAttribute('aria-expanded') !== 'true') await button.click();
    const input = c.locator('input:not([type=hidden]), textarea').first();
    if (await input.waitFor({ state: 'visible', timeout: 3000 }).then(() => true, () => false)) return c;
  }
  throw new Error(`the form behind "${name}" did not open`);
}

/**
 * Clicks a card button by its accessible name. For Action.Execute / Action.Submit it waits for the
 * Playground's answer and returns { kind: 'invoke'|'submit', status, body } (body: what the UI got back,
 * e.g. { type: 'application/vnd.microsoft.card.adaptive', value: <card> }).
 */
export async function clickCardButton(page, name, { card: cardText, timeout = 15000 } = {}) {
  const c = await waitForCard(page, cardText, { timeout });
  const button = c.getByRole('button', { name, exact: true });
  const answer = page.waitForResponse((r) => /\/_conversation\/v1\/(invoke|submit)$/.test(r.url()), { timeout }).catch(() => null);
  await button.click();
  const res = await answer;
  if (!res) return null; // e.g. Action.ShowCard / Action.OpenUrl: nothing is sent
  const text = await res.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch { body = text; }
  return { kind: res.url().endsWith('/invoke') ? 'invoke' : 'submit', status: res.status(), body };
}

/**
 * Makes the card buttons pressed in this page act as another person: rewrites `from.id` of the UI's
 * Action.Execute (/_conversation/v1/invoke) and Action.Submit (/_conversation/v1/submit) requests, which
 * the Playground honours (the user must be a member of the conversation: in the team/group chat everyone
 * is; in the personal chat only the current user). actAs(page, null) goes back to the current user.
 * Typed messages cannot be re-attributed this way (the Playground always sends them as the current user):
 * use sendActivityAs for those.
 */
export async function actAs(page, user) {
  if (page.__actAsHandler) {
    await page.unroute('**/_conversation/v1/invoke', page.__actAsHandler);
    await page.unroute('**/_conversation/v1/submit', page.__actAsHandler);
    page.__actAsHandler = undefined;
  }
  if (!user) return;
  const person = PEOPLE[userKey(user)];
  page.__actAsHandler = async (route) => {
    const body = JSON.parse(route.request().postData() || '{}');
    body.from = { ...(body.from || {}), id: person.id };
    await route.continue({ postData: JSON.stringify(body), headers: { ...route.request().headers(), 'content-type': 'application/json' } });
  };
  await page.route('**/_conversation/v1/invoke', page.__actAsHandler);
  await page.route('**/_conversation/v1/submit', page.__actAsHandler);
}

/**
 * Sends an arbitrary activity to the bot through the Playground's "custom activity" endpoint, as
 * `user` ({ mentionBot: true } prefixes <at>bot</at> and adds the mention entity, as Teams does in channels). The bot's replies into a conversation the UI knows (the current user's personal chat, the group
 * chat, a channel thread) appear in the UI. Example: a technician writing in the thread of a ticket card:
 *   sendActivityAs(pg, 'emre', { conversationId: IDS.thread(IDS.itChannel, cardMessageId), text: '...' })
 */
export async function sendActivityAs(pg, user, { conversationId, text, value, type = 'message', name, replyToId, channelData, mentionBot = false, entities } = {}) {
  const person = PEOPLE[userKey(user)];
  const at = `<at>${BOT.name}</at>`;
  if (mentionBot) {
    text = `${at} ${text ?? ''}`.trim();
    entities = [...(entities ?? []), { type: 'mention', mentioned: { id: BOT.id, name: BOT.name }, text: at }];
  }
  const isChannel = conversationId.startsWith(IDS.itChannel) || conversationId.startsWith(IDS.team);
  const isGroup = conversationId === IDS.groupChat;
  const channelId = conversationId.split(';')[0];
  const activity = {
    type,
    id: `custom-${Date.now()}-${Math.random().toString(16).slice(2, 8)}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: pg.serviceUrl,
    from: { id: person.id, name: person.name, aadObjectId: person.aadObjectId },
    recipient: { id: BOT.id, name: BOT.name },
    conversation: {
      id: conversationId,
      tenantId: TENANT_ID,
      conversationType: isChannel ? 'channel' : isGroup ? 'groupChat' : 'personal',
      ...(isChannel || isGroup ? { isGroup: true } : {}),
    },
    locale: 'tr-TR',
    channelData: channelData ?? {
      tenant: { id: TENANT_ID },
      ...(isChannel ? { team: { id: IDS.team }, channel: { id: channelId }, teamsTeamId: IDS.team, teamsChannelId: channelId } : {}),
    },
    ...(text !== undefined ? { text, textFormat: 'plain' } : {}),
    ...(value !== undefined ? { value } : {}),
    ...(name ? { name } : {}),
    ...(replyToId ? { replyToId } : {}),
    ...(entities ? { entities } : {}),
  };
  const r = await fetch(`${pg.url}/_internal/v1/customActivities`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity),
  });
  if (!r.ok) throw new Error(`custom activity rejected: HTTP ${r.status} ${await r.text()}`);
  return activity;
}

/** Saves a full-page PNG to tests-e2e/screenshots/<name>.png and returns its path. */
export async function screenshot(page, name) {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^\p{L}\p{N}._-]+/gu, '-')}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/** Calls the mock connector directly (what the bot does): e.g. connector(pg, 'POST', `/v3/conversations/${id}/activities`, activity). */
export async function connector(pg, method, pathname, body) {
  const r = await fetch(`${pg.serviceUrl}${pathname}`, {
    method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = text; }
  return { status: r.status, body: json };
}
