// Recipes for held-out presentation media made from the shared faces with ffmpeg (npm run pad:media).
// Every recipe renders at the camera's size (640x480) so the harness's letterbox is a no-op, and is
// deterministic (no random filters without a fixed seed): the same faces give the same media.
//
// Attacks imitate what a camera in front of the kiosk would film:
//   screen_replay       the video on a screen held in front of the camera: dark bezel, sub-pixel
//                       grid, moiré from the grid against the camera's sampling, a rolling refresh
//                       band, gamma/colour shift of the display, slight perspective and blur.
//   screen_replay_close the same screen so close that its bezel is outside the picture.
//   print_in_hand       a photo printed on paper (white margin), swaying in a hand, slight perspective.
//   looped_second       one second of the video looped (an injected or replayed loop).
//   frozen_replay       a paused video on the screen (one frame, bezel and grid).
// Bona fide variants of the clip whose subject performs a known order: dimmed, warm light, 15 fps.

export interface MediaRecipe {
  /** Output name, relative to the output folder. */
  out: string;
  /** Source, relative to the faces folder. */
  src: string;
  label: 'bona_fide' | 'attack';
  type?: string;
  /** ffmpeg arguments placed before -i (e.g. looping a still). */
  pre?: string[];
  vf: string;
  fps: number;
  note: string;
}

const W = 640;
const H = 480;
/** The shared clip whose subject performs a known sequence (as in tests/fixtures/faces/labels.json). */
export const BONA_FIDE_CLIP = 'video/liveportrait_d12.mp4';
export const BONA_FIDE_ACTIONS = ['turnLeft', 'turnRight', 'openMouth'] as const;

const VIDEOS = ['video/liveportrait_d12.mp4', 'video/liveportrait_d3.mp4', 'video/WDA_KatieHill_000.mp4', 'video/WDA_AlexandriaOcasioCortez_000.mp4'];
const PHOTOS = ['photos/biden2.jpg', 'photos/liveportrait_s11_printed_photo_in_hand.jpg'];

/** The display: content at `size` px, grid, moiré, refresh band, gamma and colour of a screen. */
export function screenContent(size: number): string {
  // Luma only (yuv420p planes): a dark line every 3rd column and row (the sub-pixel/pixel grid),
  // a slanted low-contrast interference pattern (moiré of the grid against the camera's pixels),
  // and a band rolling down the screen (refresh/PWM banding the camera's rolling shutter catches).
  const lum = [
    'lum(X,Y)',
    '(1-0.16*eq(mod(X,3),2))',
    '(1-0.16*eq(mod(Y,3),2))',
    '(1+0.05*sin(2*PI*(X*0.93+Y*0.37)/7.3))',
    '(1+0.04*sin(2*PI*(Y/57-T*1.9)))',
  ].join('*');
  return [
    `scale=${size}:${size}`,
    'eq=gamma=1.18:contrast=0.9:saturation=0.82',
    'colorbalance=bs=0.06:bm=0.04:rs=-0.03',
    `geq=lum='${lum}':cb='cb(X,Y)':cr='cr(X,Y)'`,
  ].join(',');
}

/** Places a picture of `w`x`h` on a room-coloured background with a slight perspective and blur. */
function inRoom(w: number, h: number, border: number, borderColor: string, sway: string | null): string {
  const pw = w + 2 * border;
  const ph = h + 2 * border;
  return [
    `pad=${pw}:${ph}:${border}:${border}:color=${borderColor}`,
    ...(sway ? [`rotate='${sway}':ow=${pw + 24}:oh=${ph + 24}:c=0x847c70`] : []),
    `pad=${W}:${H}:(ow-iw)/2:(oh-ih)/2:color=0x847c70`,
    // A screen or card held slightly tilted: the top edge a little narrower than the bottom.
    'perspective=x0=14:y0=6:x1=W-10:y1=0:x2=0:y2=H:x3=W:y3=H-4:interpolation=linear',
    'gblur=sigma=0.6',
    'format=yuv420p',
  ].join(',');
}

export function recipes(): MediaRecipe[] {
  const out: MediaRecipe[] = [];
  const name = (p: string) => p.replace(/^.*\//, '').replace(/\.[^.]+$/, '');
  for (const v of VIDEOS) {
    out.push({
      out: `attack/screen_replay/${name(v)}.mp4`, src: v, label: 'attack', type: 'screen_replay', fps: 25,
      vf: `${screenContent(360)},${inRoom(360, 360, 18, '0x141414', null)}`,
      note: 'screen held in front of the camera: bezel, grid, moiré, refresh band, gamma, perspective, blur',
    });
    out.push({
      out: `attack/screen_replay_close/${name(v)}.mp4`, src: v, label: 'attack', type: 'screen_replay_close', fps: 25,
      vf: `${screenContent(480)},pad=${W}:${H}:(ow-iw)/2:0:color=0x101010,perspective=x0=8:y0=4:x1=W-6:y1=0:x2=0:y2=H:x3=W:y3=H-3:interpolation=linear,gblur=sigma=0.6,format=yuv420p`,
      note: 'screen close to the camera: no bezel in the picture, grid, moiré, band, gamma',
    });
  }
  for (const v of [VIDEOS[0], VIDEOS[1]] as string[]) {
    out.push({
      out: `attack/looped_second/${name(v)}.mp4`, src: v, label: 'attack', type: 'looped_second', fps: 25,
      vf: `trim=start=1.5:duration=1,setpts=PTS-STARTPTS,loop=loop=7:size=25,scale=${H}:${H},pad=${W}:${H}:(ow-iw)/2:0,format=yuv420p`,
      note: 'one second of the clip looped eight times',
    });
    out.push({
      out: `attack/frozen_replay/${name(v)}.mp4`, src: v, label: 'attack', type: 'frozen_replay', fps: 25,
      vf: `trim=start=2:duration=0.04,setpts=PTS-STARTPTS,loop=loop=200:size=1,${screenContent(360)},${inRoom(360, 360, 18, '0x141414', null)}`,
      note: 'a paused video on a screen (one frame held)',
    });
  }
  for (const p of PHOTOS) {
    out.push({
      out: `attack/print_in_hand/${name(p)}.mp4`, src: p, label: 'attack', type: 'print_in_hand', fps: 25, pre: ['-loop', '1', '-t', '8'],
      vf: `scale=300:-2,eq=gamma=0.95:saturation=0.9,${inRoom(300, 300, 16, '0xf2f0ea', '0.035*sin(2*PI*t*0.6)+0.015*sin(2*PI*t*1.7)')}`,
      note: 'a print with a white margin swaying in a hand, slightly tilted',
    });
  }
  const bf = (suffix: string, extra: string, fps: number, note: string): MediaRecipe => ({
    out: `bona_fide/${name(BONA_FIDE_CLIP)}-${suffix}.mp4`, src: BONA_FIDE_CLIP, label: 'bona_fide', fps,
    vf: `${extra ? `${extra},` : ''}scale=${H}:${H},pad=${W}:${H}:(ow-iw)/2:0,format=yuv420p`, note,
  });
  out.push(bf('plain', '', 25, 'the clip as recorded'));
  out.push(bf('dim', 'eq=brightness=-0.12:gamma=0.8', 25, 'dimmed room'));
  out.push(bf('warm', 'colortemperature=temperature=3200,eq=gamma=0.95', 25, 'warm (tungsten) light'));
  out.push(bf('15fps', 'fps=15', 15, 'a 15 fps camera'));
  return out;
}

/** ffmpeg arguments that render one recipe. */
export function ffmpegArgs(r: MediaRecipe, src: string, dst: string): string[] {
  return [
    '-y', '-loglevel', 'error', ...(r.pre ?? []), '-i', src, '-an', '-vf', r.vf, '-r', String(r.fps),
    // Nearly lossless: the grid and the moiré must survive the file, as they would reach a camera.
    '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '12', '-pix_fmt', 'yuv420p', dst,
  ];
}

export interface LabelOut {
  file: string;
  label: 'bona_fide' | 'attack';
  type?: string;
  seeds?: number[];
  actions?: string[];
  repeat?: number;
  fps?: number;
  note: string;
}

/** labels.json entries for the made media: bona fide with the order its subject performs; attacks with fresh seeds. */
export function labelsFor(rs: readonly MediaRecipe[], repeat: number): LabelOut[] {
  return rs.map((r) => r.label === 'bona_fide'
    ? { file: r.out, label: r.label, actions: [...BONA_FIDE_ACTIONS], repeat, ...(r.fps !== 25 ? { fps: r.fps } : {}), note: r.note }
    : { file: r.out, label: r.label, ...(r.type ? { type: r.type } : {}), repeat, note: r.note });
}

/**
 * What a real camera filming a screen or a print adds: temporal sensor noise (no two frames alike)
 * and a small hand/camera jitter of a few pixels, so no frame of a replay repeats exactly.
 */
export function cameraNoise(strength: number): string {
  return [
    // Any input size (a 512x512 clip, a photo): crop 16x12 px less, moving, and scale back.
    'crop=iw-16:ih-12:8+6*sin(2*PI*t*0.9):6+5*sin(2*PI*t*1.3+1)',
    'scale=iw+16:ih+12',
    `noise=alls=${strength}:allf=t`,
  ].join(',');
}
