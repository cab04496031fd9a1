/**
 * What every intake step must satisfy on a kiosk screen (issue 13): its main action inside the
 * viewport without scrolling (and not under another element), the expected control focused, no
 * English words in the Vietnamese UI, and touch targets of at least 44x44 px.
 */
import { expect, type Locator, type Page } from '@playwright/test';

/** Names the Vietnamese UI shows as they are (languages, standards, protocols, proper names). */
export const PROPER_NAMES = [
  'English', 'Enter', 'Esc', 'R', 'CCCD', 'CMND', 'QR', 'PACE', 'CAN', 'MRZ', 'BAC', 'OTP', 'CSCA', 'SOD', 'APDU', 'DEMO', 'ISO', 'IEC', 'NĐ', 'CP', 'HS', 'USB', 'NFC',
];

/**
 * English words a screen could leak (browser defaults, developer strings, metric names, button
 * names): lower case. Words Vietnamese also writes without diacritics (in, con, tin, ban, nam,
 * camera…) are deliberately absent.
 */
const ENGLISH = new Set(
  ('the and or of to is are was not yes file files choose chosen no select steps step cancel retry continue back next submit read card reader ' +
    'readers virtual error info created delegate failed passed genuine valid invalid signature certificate hash face single present distance head size ' +
    'pose yaw pitch roll eyes eye open mouth closed sharpness luminance mean illumination uniformity exposure prevention occlusion crop margin with for ' +
    'from this that please press button click loading version connected training officer supervisor admin sign password username reference today ' +
    'submitted done unknown details technical leftward rightward above below inter single tensorflow lite xnnpack cpu found allowed test synthetic vietnam').split(' '),
);

export async function englishWords(page: Page): Promise<string[]> {
  return page.evaluate(
    ({ english, proper }) => {
      const found: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!el || !n.textContent?.trim()) continue;
        // Shown as it is: code, an element marked English on purpose (technical details).
        if (el.closest('code, [lang="en"], script, style, option:not(:checked)')) continue;
        if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
        for (const word of n.textContent.match(/[\p{L}]+/gu) ?? []) {
          if (proper.includes(word)) continue;
          if (/[a-z][A-Z]/.test(word) || english.includes(word.toLowerCase())) found.push(`${word} (in “${n.textContent.trim().slice(0, 60)}”)`);
        }
      }
      // What a native file input says when it has no label of ours ("Choose File / No file chosen").
      for (const f of document.querySelectorAll('input[type=file]')) if (f.checkVisibility()) found.push('input[type=file]');
      return found;
    },
    { english: [...ENGLISH], proper: PROPER_NAMES },
  );
}

/** Every visible touch target smaller than 44x44 px (a checkbox counts with its label). */
export async function smallTargets(page: Page, min = 44): Promise<string[]> {
  return page.evaluate((min) => {
    const out: string[] = [];
    const targets = document.querySelectorAll('button, a[href], input:not([type=hidden]), select, textarea, summary, [role=tab]');
    for (const t of targets) {
      const el = t as HTMLElement;
      if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      const box = (el.matches('input[type=checkbox], input[type=radio]') ? el.closest('label') ?? el : el).getBoundingClientRect();
      if (box.width < min - 0.5 || box.height < min - 0.5) {
        out.push(`${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''} “${(el.textContent ?? el.getAttribute('name') ?? '').trim().slice(0, 40)}” ${Math.round(box.width)}x${Math.round(box.height)}`);
      }
    }
    return out;
  }, min);
}

/** The element is wholly inside the viewport as the page stands (no scrolling) and nothing covers its centre. */
export async function expectInView(target: Locator): Promise<void> {
  await expect(target).toBeVisible();
  const r = await target.evaluate((el) => {
    const b = el.getBoundingClientRect();
    const hit = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
    return { top: b.top, bottom: b.bottom, left: b.left, right: b.right, w: innerWidth, h: innerHeight, covered: !(hit && (hit === el || el.contains(hit))) };
  });
  expect(r.top, 'top inside the viewport').toBeGreaterThanOrEqual(0);
  expect(r.bottom, 'bottom inside the viewport').toBeLessThanOrEqual(r.h);
  expect(r.left).toBeGreaterThanOrEqual(0);
  expect(r.right).toBeLessThanOrEqual(r.w);
  expect(r.covered, 'nothing drawn over it').toBe(false);
}

/**
 * One step as the officer meets it: opened at the top, the main action in view, `focus` focused
 * (the main action, or the field typed into first), no English, every target at least 44 px.
 */
export async function expectStepReady(page: Page, main: Locator, focus: Locator = main, opts: { atTop?: boolean } = {}): Promise<void> {
  await expect(focus).toBeFocused();
  if (opts.atTop !== false) expect(await page.evaluate(() => scrollY), 'the step opens at the top').toBe(0);
  await expectInView(main);
  expect(await englishWords(page), 'English text in the Vietnamese UI').toEqual([]);
  expect(await smallTargets(page), 'touch targets under 44x44 px').toEqual([]);
}
