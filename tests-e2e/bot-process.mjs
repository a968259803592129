// The real bot as a child process for the end-to-end tests: `dotnet run --project ../Bot --no-build` (scripts/test.sh
// builds Debug first) on a SQLite database in a temp folder, in its own process group so that stopping it stops
// dotnet's child too. Also the checks both Playground tests make before they start anything.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLI, waitForHttp } from './playground.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function portIsFree(port) {
  try {
    await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(1000) });
    return false;
  } catch (e) {
    return /ECONNREFUSED/.test(String(e.cause?.code || e.cause || e));
  }
}

/** Fails with what to do when the Playground is not installed, the bot is not built or a port is taken. */
export async function assertCanStart({ botPort, playgroundPort }) {
  assert.ok(fs.existsSync(CLI), 'the Playground is not installed: run tests-e2e/run.sh (npm install --no-save @microsoft/m365agentsplayground@0.2.28)');
  const dll = path.join(repo, 'Bot', 'bin', 'Debug', 'net10.0', 'HelpdeskBot.Bot.dll');
  assert.ok(fs.existsSync(dll), `${dll} is missing: build the solution first (dotnet build), the e2e tests run the bot with --no-build`);
  assert.ok(await portIsFree(botPort), `port ${botPort} is busy (another bot running?); set E2E_BOT_PORT`);
  assert.ok(await portIsFree(playgroundPort), `port ${playgroundPort} is busy; set E2E_PLAYGROUND_PORT`);
}

/**
 * Starts the bot on `url` (Development) with a fresh database `<name>.db` in a temp folder and waits for /healthz.
 * Returns { tmp, log, logTail(lines), stop({ keep }) }; stop() removes the temp folder unless `keep` or E2E_KEEP.
 */
export async function startBot({ url, name }) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `helpdesk-${name}-`));
  const log = path.join(tmp, 'bot.log');
  const out = fs.openSync(log, 'w');
  const child = spawn('dotnet', ['run', '--project', path.join(repo, 'Bot'), '--no-build', '--no-launch-profile'], {
    cwd: repo,
    env: {
      ...process.env,
      ASPNETCORE_ENVIRONMENT: 'Development',
      ASPNETCORE_URLS: url,
      Storage__ConnectionString: `Data Source=${path.join(tmp, `${name}.db`)}`,
      DOTNET_NOLOGO: '1',
    },
    stdio: ['ignore', out, out],
    detached: true,
  });
  fs.closeSync(out);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  const logTail = (lines = 80) => {
    try {
      return fs.readFileSync(log, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '(no bot log)';
    }
  };

  const stop = async ({ keep = false } = {}) => {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
        const t = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 10000);
        await exited;
        clearTimeout(t);
      } catch { /* already gone */ }
    }
    if (keep || process.env.E2E_KEEP) console.error(`${name}: the bot's log and database are kept in ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  };

  const first = await Promise.race([waitForHttp(`${url}/healthz`, { timeoutMs: 90000 }).then(() => 'ready'), exited]);
  if (first !== 'ready') throw new Error(`the bot exited before /healthz answered (${JSON.stringify(first)}):\n${logTail()}`);
  return { tmp, log, logTail, stop };
}
