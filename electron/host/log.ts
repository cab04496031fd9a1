/**
 * Structured host log (JSON lines). Personal data must never reach it: callers pass event names
 * and technical fields only, and `redact` drops any field whose name suggests personal data.
 */
export interface Logger {
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

const PERSONAL = /name|birth|dob|idnumber|id_number|phone|email|address|portrait|image|mrz|can|pin|secret|token|key/i;

export function redact(fields: Record<string, unknown>, depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (PERSONAL.test(k)) out[k] = '[redacted]';
    else if (v instanceof Error) out[k] = { name: v.name, message: v.message.slice(0, 300), code: (v as { code?: unknown }).code };
    else if (v && typeof v === 'object' && !Array.isArray(v)) out[k] = depth < 4 ? redact(v as Record<string, unknown>, depth + 1) : '[nested]';
    else if (Array.isArray(v)) out[k] = `[array of ${v.length}]`;
    else out[k] = v;
  }
  return out;
}

export function createLogger(write: (line: string) => void = (l) => process.stderr.write(l + '\n')): Logger {
  const emit = (level: string, event: string, fields: Record<string, unknown> = {}) =>
    write(JSON.stringify({ t: new Date().toISOString(), level, event, ...redact(fields) }));
  return {
    info: (e, f) => emit('info', e, f),
    warn: (e, f) => emit('warn', e, f),
    error: (e, f) => emit('error', e, f),
  };
}

/** What a log line may say of a caught error: its class and code, never its message (which can
 *  quote a value: a name, a path with an ID number). */
export function errorFields(e: unknown): { kind: string; code: unknown } {
  return { kind: e instanceof Error ? e.name : typeof e, code: (e as { code?: unknown } | null)?.code ?? null };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
