/** JSON output for the technician CLIs: bytes as hex, Maps as objects, errors with a code. */
import { isCardError } from '../../host/card/errors';
import { HostError } from '../../host/bridge/host-error';

export function toJson(value: unknown): string {
  return JSON.stringify(
    value,
    (_k, v: unknown) => {
      if (v instanceof Uint8Array) return Buffer.from(v).toString('hex');
      if (v instanceof Map) return Object.fromEntries(v);
      if (typeof v === 'bigint') return v.toString();
      return v;
    },
    2,
  );
}

/** Prints `{ok:false,error:{code,message}}` and exits 1; an unexpected error gets code "internal". */
export function failJson(e: unknown): never {
  const error =
    isCardError(e) || e instanceof HostError
      ? { code: e.code, message: e.message }
      : { code: 'internal', message: e instanceof Error ? e.message : String(e) };
  console.log(toJson({ ok: false, error }));
  process.exit(1);
}
