// The last few analysed frames, by their timestamp, so the portrait is cut from the very frame
// whose observation completed the steady interval. With two frames in flight to the worker, the
// next frame is usually analysed before the page's grab request arrives: "the last frame" would
// be one frame too late (a frame nobody checked: eyes may be closing, the head moving).
export class FrameHistory {
  private frames: { t: number; bitmap: ImageBitmap }[] = [];

  constructor(private readonly keep = 3) {}

  /** Takes ownership of the bitmap; closes the ones that fall out of the history. */
  add(t: number, bitmap: ImageBitmap): void {
    this.frames.push({ t, bitmap });
    while (this.frames.length > this.keep) this.frames.shift()?.bitmap.close();
  }

  /** A copy of the frame analysed at `t` (the newest one if it is no longer held), or null. */
  copy(t: number): Promise<ImageBitmap> | null {
    const hit = this.frames.find((f) => f.t === t) ?? this.frames[this.frames.length - 1];
    return hit ? createImageBitmap(hit.bitmap) : null;
  }

  clear(): void {
    this.frames.forEach((f) => f.bitmap.close());
    this.frames = [];
  }
}
