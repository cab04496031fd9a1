/** A large packet's upload progress in words, in both languages. */
import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { catalogues } from '../../i18n/index';
import { uploadText } from './UploadProgress';

const cats = catalogues();

describe('upload progress words', () => {
  it.each([
    ['vi', 'Đã gửi 192 / 353 KB (54%).', 'Cấp trên đã nhận 192 / 353 KB; lần thử sau chỉ gửi phần còn lại.'],
    ['en', 'Sent 192 of 353 KB (54%).', 'The upstream holds 192 of 353 KB; the next attempt sends only the rest.'],
  ] as const)('%s: bytes sent of the total while sending, what the upstream holds while waiting', async (lang, sending, waiting) => {
    const i = i18next.createInstance();
    await i.init({ lng: lang, resources: { [lang]: { sync: cats[lang].sync! } }, ns: ['sync'], defaultNS: 'sync', interpolation: { escapeValue: false } });
    const u = { sent: 192 * 1024, total: 353 * 1024 + 100 };
    expect(uploadText(i.t.bind(i), u, true)).toBe(sending);
    expect(uploadText(i.t.bind(i), u, false)).toBe(waiting);
  });
});
