import "server-only";
import type { Delimiter, TextEncoding } from "@/shared/import/fields";

export type { TextEncoding };

// Windows-1252's 0x80–0x9F; the rest of the byte range is Latin-1.
const CP1252_HIGH = [
  0x20ac, 0xfffd, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0xfffd,
  0x017d, 0xfffd, 0xfffd, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0xfffd, 0x017e, 0x0178,
];

/**
 * The text of a CSV file and the encoding it was read as: a byte-order mark decides
 * (UTF-8, UTF-16 LE or BE, as Excel's "Unicode Text" writes); UTF-16 without one is
 * recognised by its zero bytes; then UTF-8 if the bytes are valid UTF-8, else Windows-1252
 * (what Excel on a European Windows machine saves as "CSV").
 */
export function decodeText(bytes: Uint8Array, chosen?: TextEncoding): { text: string; encoding: TextEncoding } {
  if (chosen) return { text: decodeAs(bytes, chosen), encoding: chosen };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: utf8(bytes.subarray(3))!, encoding: "utf-8" };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: utf16(bytes.subarray(2), "le"), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: utf16(bytes.subarray(2), "be"), encoding: "utf-16be" };
  const bomless = utf16WithoutBom(bytes);
  if (bomless) return { text: utf16(bytes, bomless), encoding: bomless === "le" ? "utf-16le" : "utf-16be" };
  const text = utf8(bytes);
  if (text !== null) return { text, encoding: "utf-8" };
  return { text: windows1252(bytes), encoding: "windows-1252" };
}

/** The text in the encoding the user chose, its byte-order mark left out; bytes that do not fit read as �. */
function decodeAs(bytes: Uint8Array, encoding: TextEncoding): string {
  switch (encoding) {
    case "utf-8":
      return new TextDecoder("utf-8", { ignoreBOM: false }).decode(bytes);
    case "utf-16le":
      return utf16(bytes[0] === 0xff && bytes[1] === 0xfe ? bytes.subarray(2) : bytes, "le");
    case "utf-16be":
      return utf16(bytes[0] === 0xfe && bytes[1] === 0xff ? bytes.subarray(2) : bytes, "be");
    case "windows-1252":
      return windows1252(bytes);
  }
}

function utf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function utf16(bytes: Uint8Array, order: "le" | "be"): string {
  const even = bytes.length - (bytes.length % 2);
  if (order === "le") return new TextDecoder("utf-16le").decode(bytes.subarray(0, even));
  const swapped = new Uint8Array(even);
  for (let i = 0; i < even; i += 2) {
    swapped[i] = bytes[i + 1]!;
    swapped[i + 1] = bytes[i]!;
  }
  return new TextDecoder("utf-16le").decode(swapped);
}

/** Mostly-ASCII UTF-16 has a zero in every other byte. */
function utf16WithoutBom(bytes: Uint8Array): "le" | "be" | null {
  const sample = Math.min(bytes.length, 4096) & ~1;
  if (sample < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = sample / 2;
  if (oddZeros > pairs * 0.6 && evenZeros < pairs * 0.05) return "le";
  if (evenZeros > pairs * 0.6 && oddZeros < pairs * 0.05) return "be";
  return null;
}

function windows1252(bytes: Uint8Array): string {
  let text = "";
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    text += String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b)));
  }
  return text;
}

const CANDIDATES: Delimiter[] = [",", ";", "\t"];

/**
 * The delimiter of a CSV text: the candidate found the same number of times (outside
 * quotes) on most of the first lines; ties go to the one found more often per line.
 */
export function detectDelimiter(text: string): Delimiter {
  const lines = firstLines(text, 20);
  let best: { delimiter: Delimiter; lines: number; perLine: number } = { delimiter: ",", lines: 0, perLine: 0 };
  for (const delimiter of CANDIDATES) {
    const counts = lines.map((line) => countOutsideQuotes(line, delimiter)).filter((n) => n > 0);
    if (counts.length === 0) continue;
    const tally = new Map<number, number>();
    for (const n of counts) tally.set(n, (tally.get(n) ?? 0) + 1);
    const [perLine, agreeing] = [...tally.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]!;
    if (agreeing > best.lines || (agreeing === best.lines && perLine > best.perLine))
      best = { delimiter, lines: agreeing, perLine };
  }
  return best.delimiter;
}

function firstLines(text: string, n: number): string[] {
  const lines: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length && lines.length < n; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === "\n" && !quoted) {
      const line = text.slice(start, i).replace(/\r$/, "");
      if (line.trim()) lines.push(line);
      start = i + 1;
    }
  }
  if (lines.length < n && start < text.length && !quoted) {
    const rest = text.slice(start).split(/\r?\n/)[0]!;
    if (rest.trim()) lines.push(rest);
  }
  return lines;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === delimiter && !quoted) count++;
  }
  return count;
}
