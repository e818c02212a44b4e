// A webhook receiver for the black-box tests (tests/api/webhooks_test.cpp):
// plain HTTP on loopback, every request verified with the npm
// `standardwebhooks` library exactly as an integrator would, and kept for the
// test to read back.
//
//   node webhook_receiver.mjs [--clock FILE] [--tls CERT KEY]
//     prints "listening PORT" once it listens on 127.0.0.1 (HTTPS with
//     --tls: the PEM certificate and key; control routes then too).
//   --clock: the pinned clock file of the server's data folder
//     (tests/support/test_clock.hpp). The library refuses a timestamp more
//     than 5 minutes from "now"; "now" here follows the server's pinned
//     clock, so a test that moves the clock by hours still verifies.
//
// Routes, all answering JSON:
//   POST /hook/NAME                  a delivery; answered as NAME is configured
//   POST /control/NAME  {"secrets": ["whsec_..."], "fail": N, "status": 500, "holdMs": 10000}
//                                    secrets to verify with; fail the next N
//                                    deliveries with `status`; answer each
//                                    delivery only after holdMs
//   GET  /received?name=NAME         the deliveries to NAME so far, in arrival
//                                    order: {webhookId, timestamp, signature,
//                                    body, verifiedBy: [indexes of the secrets
//                                    that verify], errors, answered, status}

import http from 'node:http';
import https from 'node:https';
import fs from 'node:fs';
import standardwebhooks from 'standardwebhooks';

const { Webhook } = standardwebhooks;

const args = process.argv.slice(2);
const clockFile = args.includes('--clock') ? args[args.indexOf('--clock') + 1] : null;
const tls = args.includes('--tls')
  ? { cert: fs.readFileSync(args[args.indexOf('--tls') + 1]), key: fs.readFileSync(args[args.indexOf('--tls') + 2]) }
  : null;

if (clockFile) {
  const realNow = Date.now.bind(Date);
  Date.now = () => {
    try {
      const pinned = Date.parse(fs.readFileSync(clockFile, 'utf8').trim());
      const since = realNow() - fs.statSync(clockFile).mtimeMs;
      if (!Number.isNaN(pinned)) return pinned + Math.max(0, since);
    } catch {
      // no clock file (yet): the machine's time
    }
    return realNow();
  };
}

const endpoints = new Map(); // name -> {secrets, fail, status, holdMs, received: []}
const endpoint = (name) => {
  if (!endpoints.has(name)) endpoints.set(name, { secrets: [], fail: 0, status: 500, holdMs: 0, received: [] });
  return endpoints.get(name);
};

const reply = (res, status, value) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
};

const handle = (req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url, 'http://receiver');
    const [, kind, name] = url.pathname.split('/');
    if (req.method === 'POST' && kind === 'control') {
      Object.assign(endpoint(name), JSON.parse(body || '{}'));
      return reply(res, 200, true);
    }
    if (req.method === 'GET' && kind === 'received') {
      return reply(res, 200, endpoint(url.searchParams.get('name')).received);
    }
    if (req.method !== 'POST' || kind !== 'hook') return reply(res, 404, { error: 'no such route' });

    const e = endpoint(name);
    const record = {
      webhookId: req.headers['webhook-id'] ?? null,
      timestamp: req.headers['webhook-timestamp'] ?? null,
      signature: req.headers['webhook-signature'] ?? null,
      body: null,
      verifiedBy: [],
      errors: [],
      answered: false,
      status: 0,
    };
    try {
      record.body = JSON.parse(body);
    } catch (err) {
      record.errors.push(`body is not JSON: ${err.message}`);
    }
    e.secrets.forEach((secret, index) => {
      try {
        new Webhook(secret).verify(body, req.headers);
        record.verifiedBy.push(index);
      } catch (err) {
        record.errors.push(`secret ${index}: ${err.message}`);
      }
    });
    e.received.push(record); // on arrival: a test can see a delivery it holds
    const status = e.fail > 0 ? e.status : 204;
    if (e.fail > 0) e.fail -= 1;
    setTimeout(() => {
      record.answered = true;
      record.status = status;
      if (status === 204) {
        res.writeHead(204);
        res.end();
      } else {
        reply(res, status, { error: 'told to fail' });
      }
    }, e.holdMs);
  });
};

const server = tls ? https.createServer(tls, handle) : http.createServer(handle);
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening ${server.address().port}\n`);
});
