/**
 * What a strict DER reader would refuse (X.690 §10–11): indefinite or non-minimal lengths,
 * constructed OCTET/BIT STRINGs, unsorted SET OF. Used by tests to hold the virtual card's
 * SOD to ICAO 9303-10, which asks for DER; the kiosk's own parser stays tolerant of BER.
 */
export function derProblems(bytes: Uint8Array): string[] {
  const problems: string[] = [];
  walk(bytes, 0, bytes.length, 0, problems);
  return problems;
}

interface Element {
  tag: number;
  constructed: boolean;
  start: number;
  valueStart: number;
  end: number;
}

function header(b: Uint8Array, at: number, end: number, problems: string[]): Element | undefined {
  const first = b[at];
  if (first === undefined || at + 2 > end) return undefined;
  let p = at + 1;
  let tag = first;
  if ((first & 0x1f) === 0x1f) {
    let t = b[p++] ?? 0;
    tag = tag * 256 + t;
    while (t & 0x80) {
      t = b[p++] ?? 0;
      tag = tag * 256 + t;
    }
  }
  const l = b[p++] ?? 0;
  let len = l;
  if (l === 0x80) {
    problems.push(`indefinite length at ${at}`);
    return undefined;
  }
  if (l > 0x80) {
    const n = l & 0x7f;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + (b[p + i] ?? 0);
    if (b[p] === 0 || len < 0x80) problems.push(`non-minimal length at ${at}`);
    p += n;
  }
  if (p + len > end) return undefined;
  return { tag, constructed: (first & 0x20) !== 0, start: at, valueStart: p, end: p + len };
}

const OCTET_STRING = 0x04;
const BIT_STRING = 0x03;
const SET = 0x31;

function walk(b: Uint8Array, from: number, to: number, depth: number, problems: string[]): void {
  if (depth > 32) return;
  let at = from;
  while (at < to) {
    const e = header(b, at, to, problems);
    if (!e) return;
    if (e.tag === (OCTET_STRING | 0x20) || e.tag === (BIT_STRING | 0x20)) problems.push(`constructed string at ${e.start}`);
    if (e.constructed) {
      walk(b, e.valueStart, e.end, depth + 1, problems);
      if (e.tag === SET) checkSetOrder(b, e, problems);
    } else if (e.tag === OCTET_STRING && b[e.valueStart] === 0x30 && header(b, e.valueStart, e.end, [])?.end === e.end) {
      // Encapsulated content (the LDSSecurityObject, extension values): DER all the way down.
      walk(b, e.valueStart, e.end, depth + 1, problems);
    }
    at = e.end;
  }
}

function checkSetOrder(b: Uint8Array, set: Element, problems: string[]): void {
  const items: Uint8Array[] = [];
  let at = set.valueStart;
  while (at < set.end) {
    const e = header(b, at, set.end, []);
    if (!e) return;
    items.push(b.subarray(e.start, e.end));
    at = e.end;
  }
  for (let i = 1; i < items.length; i++) {
    if (Buffer.compare(items[i - 1] ?? new Uint8Array(), items[i] ?? new Uint8Array()) > 0) problems.push(`SET OF not in DER order at ${set.start}`);
  }
}
