// ISO/IEC 30107-3 error rates.
//   APCER (per PAI species): attack presentations wrongly accepted as bona fide / attack presentations.
//   BPCER: bona fide presentations wrongly rejected / bona fide presentations.
// A run that ends without a verdict in time counts as a rejection (the kiosk would not accept it);
// a run that fails to process (no camera, engine error) is excluded and reported separately.
export interface Outcome {
  label: 'bona_fide' | 'attack';
  type?: string;
  accepted: boolean;
  processed: boolean;
}

export interface Rates {
  apcer: Record<string, { rate: number; accepted: number; presentations: number }>;
  apcerMax: number | null;
  bpcer: { rate: number; rejected: number; presentations: number } | null;
  notProcessed: number;
}

export function computeRates(outcomes: readonly Outcome[]): Rates {
  const done = outcomes.filter((o) => o.processed);
  const apcer: Rates['apcer'] = {};
  for (const o of done.filter((x) => x.label === 'attack')) {
    const k = o.type ?? 'unspecified';
    const r = (apcer[k] ??= { rate: 0, accepted: 0, presentations: 0 });
    r.presentations++;
    if (o.accepted) r.accepted++;
  }
  for (const r of Object.values(apcer)) r.rate = r.accepted / r.presentations;
  const bf = done.filter((o) => o.label === 'bona_fide');
  const rejected = bf.filter((o) => !o.accepted).length;
  const rates = Object.values(apcer).map((r) => r.rate);
  return {
    apcer,
    apcerMax: rates.length ? Math.max(...rates) : null,
    bpcer: bf.length ? { rate: rejected / bf.length, rejected, presentations: bf.length } : null,
    notProcessed: outcomes.length - done.length,
  };
}
