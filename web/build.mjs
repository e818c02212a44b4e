// Bundles the web front ends and writes them as a C++ source the server is
// compiled with, so one binary carries its pages (no CDN, no files to
// install next to it).
//
//   node web/build.mjs --out DIR
//
// writes DIR/assets/* (the bundles, for looking at) and DIR/web_assets.cpp:
// every asset with its media type, an ETag from its content hash, and its
// identity, gzip and brotli bytes (compressed once here, at the highest
// levels, instead of per request). Assets loaded by the pages get the hash in
// their name, so the server may let browsers cache them for a year; the page
// shells and widget.js keep stable names (restaurants link to them).
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const webDir = dirname(fileURLToPath(import.meta.url));
const outArg = process.argv.indexOf('--out');
if (outArg < 0 || !process.argv[outArg + 1]) {
  console.error('usage: node web/build.mjs --out DIR');
  process.exit(2);
}
const outDir = process.argv[outArg + 1];
mkdirSync(join(outDir, 'assets'), { recursive: true });

async function bundle(entry, loader = undefined) {
  const result = await build({
    entryPoints: [join(webDir, entry)],
    bundle: true,
    minify: true,
    write: false,
    format: 'iife',
    target: ['es2020'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    legalComments: 'none',
    loader,
    logLevel: 'error',
  });
  return Buffer.from(result.outputFiles[0].contents);
}

const hashOf = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
const assets = [];
// `inline`: the CSP hashes of a page's inline script and style.
function add(path, contentType, bytes, immutable, inline = ['', '']) {
  assets.push({ path, contentType, bytes, immutable, hash: hashOf(bytes), inline });
  writeFileSync(join(outDir, 'assets', path.replace(/^\//, '').replaceAll('/', '_')), bytes);
  return path;
}
function addHashed(stem, ext, contentType, bytes) {
  return add(`/assets/${stem}.${hashOf(bytes).slice(0, 10)}.${ext}`, contentType, bytes, true);
}

// The booking page: one response carries all the first step needs (on a
// phone network every further request costs a round trip of half a
// second): its script and style inline, allowed by their hashes in the
// Content-Security-Policy, and a JSON block the server fills with the
// restaurant (@@RESTAURANT@@).
const bookingScriptText = (await bundle('booking/main.jsx')).toString('utf8');
const bookingStyleText = (await bundle('booking/style.css')).toString('utf8').trim();
for (const [name, text, closing] of [['script', bookingScriptText, '</script'], ['style', bookingStyleText, '</style']]) {
  if (text.toLowerCase().includes(closing)) throw new Error(`the booking page's ${name} contains ${closing}`);
}
const cspHash = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const shell = readFileSync(join(webDir, 'booking/index.html'), 'utf8')
  .replace('{{inline_style}}', () => bookingStyleText)
  .replace('{{inline_script}}', () => bookingScriptText);
add('/book', 'text/html; charset=utf-8', Buffer.from(shell), false, [cspHash(bookingScriptText), cspHash(bookingStyleText)]);
const bookingStyle = addHashed('booking', 'css', 'text/css; charset=utf-8', Buffer.from(bookingStyleText));

// The guest's manage page (/manage/{token}): its own script, the same style.
const manageScript = addHashed('manage', 'js', 'text/javascript; charset=utf-8', await bundle('manage/main.jsx'));
const manageShell = readFileSync(join(webDir, 'manage/index.html'), 'utf8')
  .replaceAll('{{script}}', manageScript)
  .replaceAll('{{style}}', bookingStyle);
add('/manage', 'text/html; charset=utf-8', Buffer.from(manageShell), false);

// The widget restaurants put on their own site, under a stable name.
add('/widget.js', 'text/javascript; charset=utf-8', await bundle('widget/widget.js'), false);

// C++: one array per variant, then the table.
const bytesLiteral = (bytes) => {
  const parts = [];
  for (let i = 0; i < bytes.length; i += 24) {
    parts.push(Array.from(bytes.subarray(i, i + 24), (b) => `0x${b.toString(16).padStart(2, '0')}`).join(','));
  }
  return parts.join(',\n');
};
let arrays = '';
let table = '';
assets.forEach((asset, i) => {
  const gzip = gzipSync(asset.bytes, { level: 9 });
  const brotli = brotliCompressSync(asset.bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: asset.bytes.length,
    },
  });
  for (const [name, bytes] of [['identity', asset.bytes], ['gzip', gzip], ['brotli', brotli]]) {
    arrays += `constexpr unsigned char asset${i}_${name}[] = {\n${bytesLiteral(bytes)}};\n`;
  }
  table +=
    `    {"${asset.path}", "${asset.contentType}", ${asset.immutable}, "\\"${asset.hash}\\"", "${asset.inline[0]}", "${asset.inline[1]}",\n` +
    `     {asset${i}_identity, ${asset.bytes.length}}, {asset${i}_gzip, ${gzip.length}},` +
    ` {asset${i}_brotli, ${brotli.length}}},\n`;
});
const cpp = `// Generated by web/build.mjs from web/. Do not edit.
#include "web/assets.hpp"

namespace maitred::web {
namespace {
${arrays}
constexpr Asset table[] = {
${table}};
}  // namespace

std::span<const Asset> all_assets() { return table; }

}  // namespace maitred::web
`;
// Rewritten only when it changed, so an unchanged web/ recompiles nothing.
const target = join(outDir, 'web_assets.cpp');
let old = '';
try {
  old = readFileSync(target, 'utf8');
} catch {}
if (old !== cpp) writeFileSync(target, cpp);
for (const a of assets) {
  const gz = gzipSync(a.bytes, { level: 9 }).length;
  console.log(`web: ${a.path} ${a.bytes.length} B, ${gz} B gzip`);
}
