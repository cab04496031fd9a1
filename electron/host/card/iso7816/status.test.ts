import { describe, it, expect } from 'vitest';
import { expectOk, isMoreData, isWrongLe, statusError, swLength, SW } from './status';
import { CardError } from '../errors';

describe('status words', () => {
  it('61xx and 6Cxx carry a length, 00 meaning 256', () => {
    expect(isMoreData(0x6110)).toBe(true);
    expect(isWrongLe(0x6c10)).toBe(true);
    expect(swLength(0x6c10)).toBe(16);
    expect(swLength(0x6100)).toBe(256);
  });
  it('maps SWs to CardError codes by context', () => {
    expect(statusError(SW.FILE_NOT_FOUND, 'select', 'file').code).toBe('card.file_not_found');
    expect(statusError(SW.SECURITY_NOT_SATISFIED, 'read DG3', 'file').code).toBe('card.file_locked');
    expect(statusError(SW.SECURITY_NOT_SATISFIED, 'mutual auth', 'auth').code).toBe('card.access_denied');
    expect(statusError(SW.VERIFY_FAILED, 'mutual auth', 'auth').code).toBe('card.access_denied');
    expect(statusError(SW.SM_DATA_INCORRECT, 'read').code).toBe('card.sm_invalid');
    expect(statusError(SW.INS_NOT_SUPPORTED, 'select').code).toBe('card.protocol');
    expect(statusError(0x6a82, 'x', 'file').sw).toBe(0x6a82);
  });
  it('expectOk returns data or throws', () => {
    expect(expectOk({ data: Uint8Array.of(1), sw: 0x9000 }, 'x')).toEqual(Uint8Array.of(1));
    expect(expectOk({ data: Uint8Array.of(1), sw: 0x6282 }, 'x', 'file', [0x6282])).toEqual(Uint8Array.of(1));
    expect(() => expectOk({ data: new Uint8Array(0), sw: 0x6a82 }, 'x', 'file')).toThrow(CardError);
  });
});
