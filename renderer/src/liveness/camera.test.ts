import { describe, expect, it } from 'vitest';
import { classifyCameraError } from './camera';

const named = (name: string) => Object.assign(new Error(name), { name });

describe('camera errors', () => {
  it('names the three failures the officer can act on', () => {
    expect(classifyCameraError(named('NotFoundError'))).toBe('noCamera');
    expect(classifyCameraError(named('NotReadableError'))).toBe('cameraBusy');
    expect(classifyCameraError(named('NotAllowedError'))).toBe('permissionDenied');
  });
  it('falls back to unknown for anything else', () => {
    expect(classifyCameraError(named('WeirdError'))).toBe('unknown');
    expect(classifyCameraError('nope')).toBe('unknown');
  });
});
