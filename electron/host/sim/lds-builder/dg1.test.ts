import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse as parseMrz } from 'mrz';
import { parseDg1, parseTd1 } from '../../card/icao/lds/dg1';
import { isCardError } from '../../card/errors';
import { buildDg1, composeTd1 } from './dg1';
import { DUC_ANH, NHUNG } from './sample-citizens';

describe('DG1 build → parse', () => {
  it('round-trips a TD1 MRZ with every check digit valid', () => {
    const mrz = composeTd1(NHUNG);
    expect(mrz).toHaveLength(90);
    const bytes = buildDg1(mrz);
    expect(bytes[0]).toBe(0x61);
    expect(Array.from(bytes.slice(2, 4))).toEqual([0x5f, 0x1f]);
    const dg1 = parseDg1(bytes);
    expect(dg1).toMatchObject({
      documentCode: 'ID',
      issuingState: 'VNM',
      documentNumber: '190012345',
      idNumber: '001190012345',
      dateOfBirth: '900305',
      dateOfExpiry: '300305',
      sex: 'F',
      nationality: 'VNM',
      surname: 'NGUYEN',
      givenNames: 'THI HONG NHUNG',
      failedChecks: [],
    });
  });
  it('is a valid TD1 for an independent MRZ implementation (the mrz package)', () => {
    const mrz = composeTd1(NHUNG);
    const r = parseMrz([mrz.slice(0, 30), mrz.slice(30, 60), mrz.slice(60)]);
    expect(r.format).toBe('TD1');
    expect(r.valid).toBe(true);
    expect(r.fields.documentNumber).toBe('190012345');
  });
  it('verifies the ICAO 9303 Part 5 TD1 specimen', () => {
    const specimen = parseTd1('I<UTOD231458907<<<<<<<<<<<<<<<' + '7408122F1204159UTO<<<<<<<<<<<6' + 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<');
    expect(specimen).toMatchObject({ documentNumber: 'D23145890', dateOfBirth: '740812', sex: 'F', dateOfExpiry: '120415', surname: 'ERIKSSON', givenNames: 'ANNA MARIA', failedChecks: [] });
    expect(specimen.idNumber).toBeUndefined();
  });
  it('accepts a no-expiry MRZ with filler', () => {
    const dg1 = parseDg1(buildDg1(composeTd1(DUC_ANH)));
    expect(dg1.dateOfExpiry).toBe('<<<<<<');
    expect(dg1.failedChecks).toEqual([]);
  });
  it('reports each failed check digit', () => {
    const mrz = composeTd1(NHUNG);
    const bad = mrz.slice(0, 14) + ((Number(mrz[14]) + 1) % 10) + mrz.slice(15, 36) + ((Number(mrz[36]) + 2) % 10) + mrz.slice(37);
    expect(parseDg1(buildDg1(bad)).failedChecks).toEqual(['documentNumber', 'dateOfBirth', 'composite']);
  });
  it('refuses a wrong length with card.parse', () => {
    expect(() => parseDg1(buildDg1('IDVNM'))).toThrow(expect.objectContaining({ code: 'card.parse' }));
  });
  it('fuzz: random bytes and mutations give a result or card.parse', () => {
    const valid = buildDg1(composeTd1(NHUNG));
    const check = (b: Uint8Array): void => {
      try {
        parseDg1(b);
      } catch (e) {
        if (!isCardError(e) || e.code !== 'card.parse') throw e;
      }
    };
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (b) => check(b)), { numRuns: 1000 });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }), fc.nat(valid.length), (muts, cut) => {
        const b = valid.slice(0, Math.max(cut, 1));
        for (const [i, v] of muts) if (i < b.length) b[i] = v;
        check(b);
      }),
      { numRuns: 1000 },
    );
  });
});
