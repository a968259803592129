// Starts Microsoft 365 Agents Playground by hand with one of the seeded people as its current user, so that the
// Playground's UI types and presses buttons as that person (it has no user switch). Stop it with Ctrl+C and start it
// again as someone else: the bot's database keeps everything; the Playground forgets its messages, so type a request's
// number (DT-2026-0001) to see its card again. A person who never opened the bot gets the cards held for them
// when their chat opens (as when Teams installs the app for them).
// Usage (from tests-e2e/, the bot running on 3978):
//   node playground-as.mjs              # Ayşe Yılmaz (staff)
//   node playground-as.mjs mehmet       # Mehmet Demir (unit manager): his approval cards
// Users: ayse, emre, zeynep, mehmet, ismail, fatma, deniz. Ports: PLAYGROUND_PORT (56150), BOT_PORT (3978).
import { PEOPLE, startPlayground } from './playground.mjs';

const user = process.argv[2] ?? 'ayse';
if (!PEOPLE[user]) {
  console.error(`usage: node playground-as.mjs [${Object.keys(PEOPLE).join('|')}]`);
  process.exit(2);
}

const port = Number(process.env.PLAYGROUND_PORT || 56150);
const botPort = Number(process.env.BOT_PORT || 3978);
const pg = await startPlayground({ port, botEndpoint: `http://127.0.0.1:${botPort}/api/messages`, currentUser: user });
console.log(`Agents Playground as ${PEOPLE[user].name} (${PEOPLE[user].role}): open ${pg.url}  (log: ${pg.logFile}; Ctrl+C stops it)`);

const stop = () => {
  try {
    process.kill(-pg.pid, 'SIGTERM');
  } catch {
    // already gone
  }
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
const { code, signal } = await pg.exited;
console.error(`the Playground stopped (${signal ?? code})`);
process.exit(code ?? 1);
