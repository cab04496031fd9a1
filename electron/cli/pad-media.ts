// Makes held-out presentation media from the shared faces with ffmpeg (recipes in
// pad-eval/media-recipes.ts) and a labels.json for them. Output goes to a cache folder, never to git.
//   npm run pad:media -- [--faces DIR] [--out DIR] [--repeat N]
//   npm run pad:eval -- .cache/pad-media
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from './pad-eval/page';
import { ffmpegArgs, labelsFor, recipes } from './pad-eval/media-recipes';

function main(): void {
  const { values } = parseArgs({ options: { faces: { type: 'string' }, out: { type: 'string' }, repeat: { type: 'string' } } });
  const faces = resolve(values.faces ?? process.env.FACES_DIR ?? `${PROJECT_ROOT}../shared/faces`);
  const out = resolve(values.out ?? `${PROJECT_ROOT}.cache/pad-media`);
  const all = recipes();
  for (const r of all) {
    const src = join(faces, r.src);
    const dst = join(out, r.out);
    mkdirSync(dirname(dst), { recursive: true });
    if (existsSync(dst) && statSync(dst).mtimeMs > statSync(src).mtimeMs && statSync(dst).size > 0) continue;
    const p = spawnSync('ffmpeg', ffmpegArgs(r, src, dst), { encoding: 'utf8' });
    if (p.status !== 0) throw new Error(`ffmpeg failed for ${r.out}: ${p.stderr}`);
    console.log(JSON.stringify({ made: r.out, from: r.src, label: r.label, type: r.type ?? null }));
  }
  const presentations = labelsFor(all, Number(values.repeat ?? 2));
  writeFileSync(join(out, 'labels.json'), JSON.stringify({ presentations }, null, 2) + '\n');
  console.log(JSON.stringify({ out, files: all.length, labels: join(out, 'labels.json') }));
}

main();
