// Hand-in codes written and read by the documented rules (docs/room.md), independently
// of the app: version, participant key, ordering value, the nine answers in base 147,
// Crockford base32, CRC-15/CAN. Also the room's figures computed from the answers, a
// picture of a QR code as a Y4M video (Chromium's fake camera), for tests/e2e/room.test.mjs.
import { CATEGORIES } from './expected.mjs';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const SOURCING = ['', 'insource', 'outsource'];
const SCORES = ['', '1', '2', '3', '4', '5', 'n/a'];

function crc15(bits) {
  let crc = 0;
  for (const bit of bits) {
    const feedback = ((crc >> 14) & 1) ^ bit;
    crc = (crc << 1) & 0x7fff;
    if (feedback) crc ^= 0x4599;
  }
  return crc;
}

function push(bits, value, n) {
  for (let i = n - 1; i >= 0; i--) bits.push(Number((BigInt(value) >> BigInt(i)) & 1n));
}

/** Bits (a multiple of five) as code letters, the CRC-15 of them appended. */
function letters(bits) {
  const crc = crc15(bits);
  push(bits, crc, 15);
  let out = '';
  for (let i = 0; i < bits.length; i += 5) out += ALPHABET[bits.slice(i, i + 5).reduce((v, b) => v * 2 + b, 0)];
  return out;
}

/**
 * The code of a hand-in: key (a BigInt below 2^48), made (an integer below 2^32),
 * answers { A: [sourcing, current, target], ... } with '' for unset (missing: all unset).
 */
export function encodeHandIn({ key, made, answers }) {
  let n = 0n;
  for (const c of CATEGORIES) {
    const [s, cur, tgt] = answers[c] ?? ['', '', ''];
    const value = SOURCING.indexOf(s) * 49 + SCORES.indexOf(cur) * 7 + SCORES.indexOf(tgt);
    if (value < 0 || SOURCING.indexOf(s) < 0 || SCORES.indexOf(cur) < 0 || SCORES.indexOf(tgt) < 0) throw new Error(`bad answer ${c}`);
    n = n * 147n + BigInt(value);
  }
  const bits = [];
  push(bits, 1, 5);
  push(bits, key, 48);
  push(bits, made, 32);
  push(bits, n, 65);
  return letters(bits);
}

/** A code of a later version (`version` 2..9) with a right check value. */
export function newerCode(version, dataLetters = 29) {
  const bits = [];
  push(bits, version, 5);
  for (let i = 0; i < dataLetters * 5; i++) bits.push(i % 3 === 0 ? 1 : 0);
  return letters(bits);
}

/** Reads a version-1 code (groups with '-' allowed): { key, made, answers }. */
export function decodeHandIn(code) {
  const clean = code.replaceAll('-', '').toUpperCase();
  if (clean.length !== 33) throw new Error(`not 33 letters: ${code}`);
  const bits = [];
  for (const ch of clean) push(bits, ALPHABET.indexOf(ch), 5);
  const crc = bits.slice(150).reduce((v, b) => v * 2 + b, 0);
  if (crc15(bits.slice(0, 150)) !== crc) throw new Error(`bad check value: ${code}`);
  const num = (from, to) => bits.slice(from, to).reduce((v, b) => v * 2n + BigInt(b), 0n);
  let n = num(85, 150);
  const answers = {};
  for (const c of [...CATEGORIES].reverse()) {
    const v = Number(n % 147n);
    n /= 147n;
    answers[c] = [SOURCING[Math.floor(v / 49)], SCORES[Math.floor((v % 49) / 7)], SCORES[v % 7]];
  }
  return { version: Number(num(0, 5)), key: num(5, 53), made: Number(num(53, 85)), answers };
}

/** The counts `n1..n5,nna,nunset` of one column (1 current, 2 target) of category c. */
export function expectedCounts(participants, c, column) {
  const counts = [0, 0, 0, 0, 0, 0, 0];
  for (const p of participants) {
    const v = (p.answers[c] ?? ['', '', ''])[column];
    counts[v === '' ? 6 : v === 'n/a' ? 5 : Number(v) - 1] += 1;
  }
  return counts.join(',');
}

/** The lower middle integer value of a column, or null. */
export function expectedMedian(participants, c, column) {
  const values = participants.map((p) => (p.answers[c] ?? ['', '', ''])[column]).filter((v) => /^[1-5]$/.test(v)).map(Number);
  values.sort((a, b) => a - b);
  return values.length ? values[Math.floor((values.length - 1) / 2)] : null;
}

/** The dark modules of a QR code from the SVG path the app draws ("M{x} {y}h1v1h-1z" each). */
export function modulesOfPath(path, size) {
  const dark = Array.from({ length: size }, () => new Array(size).fill(false));
  for (const m of path.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) dark[Number(m[2])][Number(m[1])] = true;
  return dark;
}

/**
 * A Y4M video (4:2:0, grey) of `frames` frames, each the QR code's modules drawn
 * `scale` pixels a module, with a quiet zone of four modules, centred on a grey frame.
 */
export function qrVideo(dark, { width = 640, height = 480, scale = 8, frames = 2 } = {}) {
  const size = dark.length;
  const luma = Buffer.alloc(width * height, 128);
  const side = (size + 8) * scale;
  const left = Math.floor((width - side) / 2);
  const top = Math.floor((height - side) / 2);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const mx = Math.floor(x / scale) - 4;
      const my = Math.floor(y / scale) - 4;
      const on = mx >= 0 && my >= 0 && mx < size && my < size && dark[my][mx];
      luma[(top + y) * width + left + x] = on ? 16 : 235;
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const parts = [Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`)];
  for (let f = 0; f < frames; f++) parts.push(Buffer.from('FRAME\n'), luma, chroma);
  return Buffer.concat(parts);
}
