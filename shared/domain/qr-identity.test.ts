import { describe, expect, it } from 'vitest';
import { parseCccdQr } from './cccd-qr';
import { qrToIdentity } from './qr-identity';

const qr = (s: string) => {
  const r = parseCccdQr(s);
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
};

describe('QR → CitizenIdentity', () => {
  it('computes the expiry by the validity rule', () => {
    const r = qrToIdentity(qr('001190012345|012345678|Nguyễn Thị Hồng Nhung|05031990|Nữ|Hà Nội|10042021'));
    expect(r).toMatchObject({ ok: true, value: { source: 'qr', dateOfExpiry: '2030-03-05', oldIdNumber: '012345678', sex: 'F' } });
  });
  it('marks a card issued from 58 as no expiry and keeps non-empty extra fields', () => {
    const r = qrToIdentity(qr('079088004321||Trần Đức Anh|20111958|Nam|TP HCM|01072021||x||'));
    expect(r).toMatchObject({ ok: true, value: { dateOfExpiry: 'none', unknownFields: [{ n: 9, raw: '', text: 'x' }] } });
  });
  it('asks for the printed expiry when the QR has no date of issue', () => {
    const q = qr('001190012345||Nguyễn Thị Hồng Nhung|05031990|Nữ|Hà Nội|');
    expect(qrToIdentity(q)).toMatchObject({ ok: false, error: { code: 'qr.expiry_unknown' } });
    expect(qrToIdentity(q, '2030-03-05')).toMatchObject({ ok: true });
  });
});
