/** The same `{ ok, value } | { ok, error }` shape the bridge uses, for pure parsers in shared/. */
export type DomainResult<T, C extends string = string> =
  | { ok: true; value: T }
  | { ok: false; error: { code: C; message: string } };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const fail = <C extends string>(code: C, message: string): { ok: false; error: { code: C; message: string } } => ({
  ok: false,
  error: { code, message },
});
