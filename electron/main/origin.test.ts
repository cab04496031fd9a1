import { describe, it, expect } from 'vitest';
import { isAppUrl } from './origin';

describe('isAppUrl', () => {
  it.each([
    ['app://kiosk/index.html', true],
    ['app://kiosk/', true],
    ['app://kiosk.evil/', false],
    ['app://other/', false],
    ['https://kiosk/', false],
    ['file:///index.html', false],
    ['not a url', false],
    ['', false],
  ])('%s → %s', (url, ok) => expect(isAppUrl(url)).toBe(ok));
});
