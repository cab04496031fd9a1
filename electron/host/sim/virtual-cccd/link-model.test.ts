import { describe, expect, it } from 'vitest';
import { linkTimeMs } from './link-model';

describe('link model', () => {
  const model = { bitRate: 424_000, turnaroundMs: 3 };

  it('charges the turnaround plus the framed bytes for a short exchange', () => {
    // 13 + 4 bytes command, 30 + 4 bytes response, 10 bits a byte at 424 kbit/s.
    expect(linkTimeMs(model, 13, 30)).toBeCloseTo(3 + (51 * 10 * 1000) / 424_000, 6);
  });

  it('chains a long answer in 256-byte blocks, each with framing, an ACK and a gap', () => {
    const oneLong = linkTimeMs(model, 10, 4096);
    // 4096 bytes = 17 blocks of 252: 16 chained blocks on top of the first.
    const blocksOnly = 3 + ((10 + 4 + 4096 + 17 * 4 + 16 * 3) * 10 * 1000) / 424_000 + 16 * 0.3;
    expect(oneLong).toBeCloseTo(blocksOnly, 6);
    // Still far cheaper than 19 separate short reads, which pay 19 turnarounds.
    expect(oneLong).toBeLessThan(19 * linkTimeMs(model, 20, 240));
  });
});
