/**
 * Where things are in JSON text: a small parser that records the offset of every value by JSON pointer, so that the
 * server's errors (`/rules/0/priority`) can be shown on the line they concern; and the line/column of a syntax error.
 */

export interface Located {
  /** JSON pointer → offset of the value (and of its key, for object members). */
  offsets: Map<string, number>;
}

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    public readonly offset: number,
  ) {
    super(message);
  }
}

const escapePointer = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** Parses `text` as JSON, recording where each pointer starts; throws JsonSyntaxError with an offset. */
export function locate(text: string): Located & { value: unknown } {
  const offsets = new Map<string, number>();
  let i = 0;
  const fail = (message: string): never => {
    throw new JsonSyntaxError(message, Math.min(i, text.length));
  };
  const ws = () => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  const str = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text[i] === '\n') fail('string tidak ditutup / unterminated string');
      i++;
    }
    if (i >= text.length) fail('string tidak ditutup / unterminated string');
    i++;
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      i = start;
      return fail('string tidak valid / invalid string');
    }
  };
  const value = (pointer: string): unknown => {
    ws();
    offsets.set(pointer, i);
    const c = text[i];
    if (c === '{') {
      i++;
      const obj: Record<string, unknown> = {};
      ws();
      if (text[i] === '}') {
        i++;
        return obj;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('diharapkan nama properti dalam tanda kutip / expected a quoted property name');
        const keyAt = i;
        const key = str();
        ws();
        if (text[i] !== ':') fail('diharapkan ":" / expected ":"');
        i++;
        const child = `${pointer}/${escapePointer(key)}`;
        obj[key] = value(child);
        offsets.set(child, Math.min(offsets.get(child) ?? keyAt, keyAt));
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return obj;
        }
        fail('diharapkan "," atau "}" / expected "," or "}"');
      }
    }
    if (c === '[') {
      i++;
      const arr: unknown[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(value(`${pointer}/${arr.length}`));
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return arr;
        }
        fail('diharapkan "," atau "]" / expected "," or "]"');
      }
    }
    if (c === '"') return str();
    const m = /^(-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 64));
    if (!m) return fail('nilai tidak valid / unexpected token');
    i += m[0].length;
    return JSON.parse(m[0]);
  };
  const result = value('');
  ws();
  if (i < text.length) fail('ada teks setelah akhir JSON / unexpected text after the end');
  return { offsets, value: result };
}

/** 1-based line of an offset. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let k = 0; k < offset && k < text.length; k++) if (text[k] === '\n') line++;
  return line;
}

/** The line of the deepest located ancestor of a pointer (a missing property is reported on its parent). */
export function lineOfPointer(text: string, offsets: Map<string, number>, pointer: string): number {
  let p = pointer;
  for (;;) {
    const at = offsets.get(p);
    if (at !== undefined) return lineOf(text, at);
    if (!p) return 1;
    p = p.slice(0, p.lastIndexOf('/'));
  }
}
