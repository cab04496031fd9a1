import { describe, expect, it } from 'vitest';
import type { CardVerificationView } from '../../../../shared/contract/card';
import { failedGroups, suspectFields, todoKey } from './verdict';

const base: CardVerificationView = {
  accessControl: { protocol: 'PACE-CAN' },
  signature: 'valid',
  chain: { status: 'trusted', issuer: 'C=VN' },
  hashes: [{ dg: 1, status: 'match' }, { dg: 2, status: 'match' }, { dg: 13, status: 'match' }],
  notInSod: [],
  activeAuth: 'passed',
  chipAuth: 'not_supported',
  dg3: 'not_read',
  overall: 'genuine',
};

describe('the chip verdict in the officer’s words', () => {
  it('one instruction per verdict, the most pressing cause first', () => {
    expect(todoKey(base)).toBe('genuine');
    expect(todoKey({ ...base, overall: 'failed', hashes: [{ dg: 13, status: 'mismatch' }], activeAuth: 'failed' })).toBe('failed_data');
    expect(todoKey({ ...base, overall: 'failed', activeAuth: 'failed' })).toBe('failed_clone');
    expect(todoKey({ ...base, overall: 'unverified', chain: { status: 'no_anchor', issuer: 'x' } })).toBe('no_anchor');
    expect(todoKey({ ...base, overall: 'unverified', chain: { status: 'expired', issuer: 'x' } })).toBe('expired');
    expect(todoKey({ ...base, overall: 'unverified', activeAuth: 'not_supported' })).toBe('no_clone_check');
  });

  it('a failed DG13 hash marks the citizen data, not the portrait; DG2 marks the portrait', () => {
    const v: CardVerificationView = { ...base, overall: 'failed', hashes: [{ dg: 13, status: 'mismatch' }, { dg: 2, status: 'match' }] };
    expect(suspectFields(v).has('placeOfResidence')).toBe(true);
    expect(suspectFields(v).has('portrait')).toBe(false);
    expect(failedGroups(v)).toEqual([{ dg: 13, key: 'dg13' }]);
    expect([...suspectFields({ ...v, hashes: [{ dg: 2, status: 'mismatch' }] })]).toEqual(['portrait']);
    expect(suspectFields(base).size).toBe(0);
  });
});
