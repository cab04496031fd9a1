/**
 * `npm run face:eval -- [faces folder]` (default ../shared/faces): the 1:1 face comparison over
 * genuine pairs (a chip-like portrait and other frames or photos of the same person) and impostor
 * pairs (another person), every chip variant. Prints the score distributions, FMR/FNMR at the
 * chosen threshold, the EER, and how thin the set is. JSON lines with --json.
 */
import { parseArgs } from 'node:util';
import { fromDescriptions, THRESHOLD } from '../host/face/compare';
import { buildEvalSet, DEFAULT_FACES_DIR } from '../host/face/eval-set';
import { equalErrorRate, histogram, ratesAt, summary } from '../host/face/metrics';
import { faceModel, MODEL_NAME, type FaceDescription } from '../host/face/model';

const { values, positionals } = parseArgs({ options: { json: { type: 'boolean', default: false } }, allowPositionals: true });
const dir = positionals[0] ?? DEFAULT_FACES_DIR;

const set = await buildEvalSet(dir);
const model = await faceModel();
const describe = async (bytes: Uint8Array): Promise<FaceDescription | null> => model.describe(bytes);
const chips = await Promise.all(set.chips.map(async (c) => ({ ...c, d: await describe(c.bytes) })));
const lives = await Promise.all(set.lives.map(async (l) => ({ ...l, d: await describe(l.bytes) })));

interface Pair { chip: string; live: string; variant: string; genuine: boolean; score: number | null }
const pairs: Pair[] = [];
for (const c of chips) {
  for (const l of lives) {
    if (c.source === l.source) continue; // the same picture on both sides proves nothing
    const r = fromDescriptions(c.d, l.d);
    pairs.push({ chip: `${c.person}:${c.source}`, live: `${l.person}:${l.source}`, variant: c.variant, genuine: c.person === l.person, score: r.score });
  }
}
const scored = pairs.filter((p) => p.score !== null) as Array<Pair & { score: number }>;
const genuine = scored.filter((p) => p.genuine).map((p) => p.score);
const impostor = scored.filter((p) => !p.genuine).map((p) => p.score);
const people = new Set([...set.chips, ...set.lives].map((s) => s.person));
const at = ratesAt(genuine, impostor, THRESHOLD);
const eer = equalErrorRate(genuine, impostor);
const perVariant = [...new Set(scored.map((p) => p.variant))].map((v) => {
  const g = scored.filter((p) => p.variant === v && p.genuine).map((p) => p.score);
  const i = scored.filter((p) => p.variant === v && !p.genuine).map((p) => p.score);
  return { variant: v, genuine: summary(g), impostor: summary(i), ...ratesAt(g, i, THRESHOLD) };
});
const noFace = [...chips, ...lives].filter((s) => !s.d).map((s) => s.source);
const result = {
  model: MODEL_NAME,
  folder: dir,
  people: people.size,
  samples: { chip: chips.length, live: lives.length, noFaceFound: noFace },
  pairs: { genuine: genuine.length, impostor: impostor.length, notCompared: pairs.length - scored.length },
  threshold: THRESHOLD,
  atThreshold: { fmr: at.fmr, fnmr: at.fnmr, falseMatches: impostor.filter((s) => s >= THRESHOLD).length, falseNonMatches: genuine.filter((s) => s < THRESHOLD).length },
  eer: { eer: eer.eer, threshold: eer.threshold, fmr: eer.fmr, fnmr: eer.fnmr },
  genuine: summary(genuine),
  impostor: summary(impostor),
  perVariant,
  histogram: { genuine: histogram(genuine), impostor: histogram(impostor) },
  // Impostor pairs of the same two people are not independent: the set tells about a handful of faces.
  closest: {
    impostor: [...scored].filter((p) => !p.genuine).sort((a, b) => b.score - a.score).slice(0, 5),
    genuine: [...scored].filter((p) => p.genuine).sort((a, b) => a.score - b.score).slice(0, 5),
  },
  thinness: `${people.size} people, ${genuine.length} genuine and ${impostor.length} impostor pairs, but only ${(people.size * (people.size - 1)) / 2} distinct pairs of people: an FMR below about 1/${impostor.length} cannot be measured here, and impostor pairs of the same two people are not independent`,
};

if (values.json) {
  console.log(JSON.stringify(result));
} else {
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  console.log(`model: ${MODEL_NAME}`);
  console.log(`set: ${dir} — ${people.size} people, ${chips.length} chip-like and ${lives.length} live-like samples; no face found in: ${noFace.join(', ') || 'none'}`);
  console.log(`pairs: ${genuine.length} genuine, ${impostor.length} impostor (${result.pairs.notCompared} not compared)`);
  console.log('\nscore   genuine  impostor');
  result.histogram.genuine.forEach((b, i) => console.log(`${b.from.toFixed(1)}–${b.to.toFixed(1)}  ${String(b.count).padStart(7)}  ${String(result.histogram.impostor[i]!.count).padStart(8)}`));
  console.log(`\ngenuine  min ${result.genuine.min.toFixed(2)} median ${result.genuine.median.toFixed(2)} max ${result.genuine.max.toFixed(2)}`);
  console.log(`impostor min ${result.impostor.min.toFixed(2)} median ${result.impostor.median.toFixed(2)} max ${result.impostor.max.toFixed(2)}`);
  console.log('\nvariant   genuine(min/med)  impostor(med/max)  FMR      FNMR');
  for (const v of perVariant) console.log(`${v.variant.padEnd(9)} ${v.genuine.min.toFixed(2)}/${v.genuine.median.toFixed(2)}         ${v.impostor.median.toFixed(2)}/${v.impostor.max.toFixed(2)}          ${pct(v.fmr).padEnd(8)} ${pct(v.fnmr)}`);
  console.log(`\nat threshold ${THRESHOLD}: FMR ${pct(at.fmr)} (${result.atThreshold.falseMatches}/${impostor.length}), FNMR ${pct(at.fnmr)} (${result.atThreshold.falseNonMatches}/${genuine.length})`);
  console.log(`EER ${pct(eer.eer)} at ${eer.threshold.toFixed(2)}`);
  console.log('\nhighest impostor pairs:');
  for (const p of result.closest.impostor) console.log(`  ${p.score.toFixed(2)}  ${p.variant} ${p.chip}  vs  ${p.live}`);
  console.log('lowest genuine pairs:');
  for (const p of result.closest.genuine) console.log(`  ${p.score.toFixed(2)}  ${p.variant} ${p.chip}  vs  ${p.live}`);
  console.log(`\nhow thin: ${result.thinness}`);
}
