// The webhook receiver of the webhook benchmarks (bench/webhook_backlog.sh,
// bench/create_with_webhooks.sh): plain HTTP on 127.0.0.1, answers every
// POST 204 at once and only counts it (no signature check, no storage of
// bodies): the cheapest receiver Node can be, so that the benchmarks measure
// maitred's delivery, not the receiver.
//
//   node bench/instant_receiver.mjs    prints "listening PORT"
//
// Routes:
//   POST /anything      a delivery: 204, counted (and its webhook-id)
//   GET  /count         {"posts": N, "unique": N}: POSTs answered 204 so far,
//                       and distinct webhook-id headers among them
//   POST /hold?ms=N     from now on answer deliveries only after N ms (still
//                       204), to let a backlog build up without a single
//                       failed attempt (maitred gives an attempt 10 s)
//   POST /release       answer the held deliveries now, and every later
//                       one at once again
import http from 'node:http';

let posts = 0;
const ids = new Set();
let holdMs = 0;
const held = new Set(); // {res, timer}

const answer = (res, id) => {
  posts += 1;
  if (id) ids.add(id);
  res.writeHead(204);
  res.end();
};

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/count') {
    const body = JSON.stringify({ posts, unique: ids.size });
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
    return;
  }
  if (req.method === 'POST' && req.url.startsWith('/hold')) {
    holdMs = Number(new URL(req.url, 'http://x').searchParams.get('ms') || 9000);
    res.writeHead(204);
    res.end();
    return;
  }
  if (req.method === 'POST' && req.url === '/release') {
    holdMs = 0;
    for (const h of held) {
      clearTimeout(h.timer);
      answer(h.res, h.id);
    }
    held.clear();
    res.writeHead(204);
    res.end();
    return;
  }
  // A delivery: read the body to its end, then answer.
  req.on('data', () => {});
  req.on('end', () => {
    const id = req.headers['webhook-id'];
    if (holdMs > 0) {
      const h = { res, id };
      h.timer = setTimeout(() => {
        held.delete(h);
        answer(res, id);
      }, holdMs);
      held.add(h);
    } else {
      answer(res, id);
    }
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
