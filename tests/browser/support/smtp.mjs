// The tests' SMTP receiver (tests/receivers/smtp_receiver.py, Debian's
// python3-aiosmtpd) started for a browser test: each accepted message is a
// .eml file in a folder the test reads.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const receiver = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'receivers', 'smtp_receiver.py');

export async function startSmtpReceiver() {
  const folder = mkdtempSync(join(tmpdir(), 'maitred-smtp-'));
  // It serves until its stdin closes: the pipe stays open until stop().
  const child = spawn('/usr/bin/python3', [receiver, folder, '--port', '0'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const port = await new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /listening on (\d+)/.exec(line);
      if (match) resolve(Number(match[1]));
    });
    child.on('exit', (code) => reject(new Error(`the SMTP receiver exited with ${code}`)));
  });
  const messages = () =>
    readdirSync(folder)
      .filter((name) => name.endsWith('.eml'))
      .sort()
      .map((name) => readFileSync(join(folder, name), 'utf8'));
  return {
    url: `smtp://127.0.0.1:${port}?tls=none`,
    messages,
    // Polls the folder (bounded) until a message matches.
    async waitFor(predicate, what) {
      for (let i = 0; i < 200; i += 1) {
        const found = messages().find(predicate);
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`no e-mail ${what} arrived; got ${messages().length}`);
    },
    stop() {
      child.stdin.end();
      child.kill('SIGTERM');
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
