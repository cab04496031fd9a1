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
});
