import { describe, it, expect } from 'vitest';
import { createLogger } from './log';

describe('host log', () => {
  it('redacts fields that may hold personal data', () => {
    const lines: string[] = [];
    const log = createLogger((l) => lines.push(l));
    log.info('card.read', { fullName: 'Nguyễn Văn A', idNumber: '001203004005', dateOfBirth: '2003-01-01', apdus: 42 });
    const rec = JSON.parse(lines[0]!);
    expect(rec).toMatchObject({ level: 'info', event: 'card.read', apdus: 42, fullName: '[redacted]', idNumber: '[redacted]' });
    expect(lines[0]).not.toContain('Nguyễn');
    expect(lines[0]).not.toContain('001203004005');
  });

  it('redacts nested fields too, and does not dump arrays', () => {
    const lines: string[] = [];
    createLogger((l) => lines.push(l)).warn('x', { card: { holder: { fullName: 'Trần Đức Anh' }, apdus: 3 }, list: ['Trần Đức Anh'] });
    expect(lines[0]).not.toContain('Trần');
    expect(JSON.parse(lines[0]!)).toMatchObject({ card: { holder: { fullName: '[redacted]' }, apdus: 3 }, list: '[array of 1]' });
  });
});
