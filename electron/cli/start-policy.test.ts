import { describe, expect, it } from 'vitest';
import { noReaderMessage, rootVerdict } from './start-policy';

describe('start policy', () => {
  it.each([
    [1000, false, false, 'ok'],
    [1000, true, false, 'ok'],
    [0, false, false, 'refuse'],
    [0, false, true, 'warn'],
    [0, true, false, 'warn'],
  ] as const)('uid %i, demo %s, --allow-root %s → %s', (uid, demo, allowRoot, verdict) => {
    expect(rootVerdict({ uid, demo, allowRoot })).toBe(verdict);
  });

  it('with no reader it tells the officer to plug one in or start the training mode, and nothing with one', () => {
    expect(noReaderMessage({ reachable: false, readers: [] })).toMatch(/not running[\s\S]*npm run demo/);
    expect(noReaderMessage({ reachable: true, readers: [] })).toMatch(/no reader[\s\S]*keeps waiting/);
    expect(noReaderMessage({ reachable: true, readers: ['ACS ACR1252'] })).toBeNull();
  });
});
