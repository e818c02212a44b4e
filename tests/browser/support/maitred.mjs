// Starts the real maitred binary for a browser test: a demo restaurant in a
// fresh data folder, served on a free loopback port, on a pinned clock (the
// same "now" as the C++ black-box tests: tests/support/test_clock.hpp).
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export const TEST_NOW = '2026-12-02T10:00:00Z';

const binary = process.env.MAITRED_BINARY;
if (!binary) throw new Error('MAITRED_BINARY is not set (ctest sets it; see tests/CMakeLists.txt)');

export async function startMaitred({ args = [] } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'maitred-browser-'));
  // The clock file every process on the folder follows.
  const clockFile = join(dataDir, 'test-clock');
  writeFileSync(clockFile, TEST_NOW);
  const env = { ...process.env, MAITRED_TEST_NOW: `@${clockFile}` };
  const demo = execFileSync(binary, ['demo', '--data', dataDir], { env, encoding: 'utf8' });
  const apiKey = demo.trim().split('\n').pop();
  const server = spawn(binary, ['serve', '--data', dataDir, '--listen', '127.0.0.1:0', ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  server.stderr.on('data', (chunk) => {
    log += chunk;
  });
  const port = await new Promise((resolve, reject) => {
    const lines = createInterface({ input: server.stdout });
    lines.on('line', (line) => {
      const match = /^maitred listening on .*:(\d+)$/.exec(line);
      if (match) resolve(Number(match[1]));
    });
    server.on('exit', (code) => reject(new Error(`maitred exited with ${code} before listening:\n${log}`)));
  });
  const origin = `https://127.0.0.1:${port}`;
  const cli = (...args) => execFileSync(binary, [...args, '--data', dataDir], { env, encoding: 'utf8' });
  return {
    origin,
    apiKey,
    dataDir,
    log: () => log,
    // Moves every process's clock on the folder (no sleeping in tests).
    // Moves every process's clock `seconds` on from where the file says.
    advanceClock(seconds) {
      const current = Date.parse(readFileSync(clockFile, 'utf8').trim());
      this.setClock(new Date(current + seconds * 1000).toISOString().replace('.000Z', 'Z'));
    },
    setClock(instant) {
      writeFileSync(`${clockFile}.new`, `${instant}\n`);
      renameSync(`${clockFile}.new`, clockFile);
    },
    // One request with the demo key; trusts the server's own certificate.
    api(method, path, body, headers = {}) {
      const ca = readFileSync(join(dataDir, 'tls-cert.pem'));
      const payload = body === undefined ? undefined : JSON.stringify(body);
      return new Promise((resolve, reject) => {
        const call = request(
          `${origin}${path}`,
          {
            method,
            ca,
            headers: {
              Authorization: `Basic ${Buffer.from(`${apiKey}:`).toString('base64')}`,
              ...(payload ? { 'Content-Type': 'application/json' } : {}),
              ...headers,
            },
          },
          (response) => {
            let text = '';
            response.setEncoding('utf8');
            response.on('data', (chunk) => {
              text += chunk;
            });
            response.on('end', () =>
              resolve({ status: response.statusCode, headers: response.headers, body: text ? JSON.parse(text) : null }),
            );
          },
        );
        call.on('error', reject);
        call.end(payload);
      });
    },
    // A further restaurant with a key of its own, made with the CLI (the
    // server sees it at once): { id, slug, key, api(method, path, body) }.
    async createRestaurant(name, timezone = 'Europe/Copenhagen') {
      const made = JSON.parse(cli('restaurant', 'create', '--name', name, '--timezone', timezone));
      const key = cli('key', 'create', '--restaurant', made._id, '--name', 'browser test').trim().split('\n').pop();
      const api = (method, path, body) => this.api(method, path, body, { Authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}` });
      return { id: made._id, slug: made.slug, key, api };
    },
    async stop() {
      server.kill('SIGTERM');
      await new Promise((resolve) => (server.exitCode !== null ? resolve() : server.on('exit', resolve)));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
