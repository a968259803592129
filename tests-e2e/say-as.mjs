// Sends a message to the bot as another seeded person through a running Agents Playground, since the Playground's
// UI always types as its current user (Ayşe, staff). The bot's answer shows in the Playground.
// Usage (from tests-e2e/, Playground on port 56150):
//   node say-as.mjs ismail channel "bt kanalı yap"      # İsmail (IT director) makes "BT Destek" the IT channel
//   node say-as.mjs emre channel "kamera durumu"
// Users: ayse, emre, zeynep, mehmet, ismail, fatma. Where: channel (BT Destek, the bot @mentioned) or group.
import { IDS, sendActivityAs } from './playground.mjs';

const [user, where, ...words] = process.argv.slice(2);
const text = words.join(' ');
if (!user || !['channel', 'group'].includes(where) || !text) {
  console.error('usage: node say-as.mjs <ayse|emre|zeynep|mehmet|ismail|fatma> <channel|group> <text>');
  process.exit(2);
}

const port = Number(process.env.PLAYGROUND_PORT || 56150);
const pg = { url: `http://localhost:${port}`, serviceUrl: `http://localhost:${port}/_connector` };
const conversationId = where === 'channel' ? IDS.itChannel : IDS.groupChat;
await sendActivityAs(pg, user, { conversationId, text, mentionBot: true });
console.log(`sent as ${user} to ${conversationId}: ${text}`);
