/**
 * What a phone screen must give (issue 15, item 1): no horizontal scrolling of the page at 360 CSS px, and touch-sized
 * controls — every visible button, link, input, tab and menu entry at least 44 × 44 CSS px (WCAG 2.5.5, Apple's HIG),
 * except a link inside a sentence (WCAG 2.5.8's inline exception). Each check names the offenders.
 */
import type { Locator, Page } from 'playwright-core';

/** The smallest touch target, CSS px. */
export const TOUCH = 44;

/**
 * How wide the page is against the screen: a page wider than its screen scrolls sideways. (On a phone Chromium then
 * widens the layout viewport to the page, so `innerWidth` grows with it; the screen is the initial containing block,
 * `documentElement.clientWidth`.)
 */
export async function horizontalOverflow(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const g = globalThis as any;
    const doc = g.document.documentElement;
    const screen = doc.clientWidth;
    if (doc.scrollWidth <= screen) return null;
    // Name the outermost elements that stick out on the right.
    const wide = [...g.document.body.querySelectorAll('*')]
      .filter((el: any) => el.getBoundingClientRect().right > screen + 1)
      // Fixed layers (a closed menu's backdrop) follow the widened viewport: they are not what widens it.
      .filter((el: any) => !['fixed'].includes(g.getComputedStyle(el).position))
      .filter((el: any) => el.parentElement.getBoundingClientRect().right <= screen + 1)
      .slice(0, 4)
      .map((el: any) => {
        const r = el.getBoundingClientRect();
        return `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 60)} (${Math.round(r.left)}–${Math.round(r.right)} px)`;
      });
    return `page ${doc.scrollWidth} px wide on a ${screen} px screen: ${wide.join('; ') || 'the layout itself'}`;
  });
}

/** The visible controls smaller than `min` × `min` CSS px, each named by its role and words. */
export async function smallTargets(page: Page, min = TOUCH): Promise<string[]> {
  return page.evaluate((min) => {
    const g = globalThis as any;
    const selector = [
      'button',
      'a[href]',
      'input:not([type=hidden])',
      'select',
      'textarea',
      '[role=button]',
      '[role=tab]',
      '[role=menuitem]',
      '[role=option]',
      '[role=combobox]',
    ].join(',');
    const out: string[] = [];
    for (const el of g.document.querySelectorAll(selector)) {
      if (el.closest('[aria-hidden=true], [inert]')) continue;
      const style = g.getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      // A radio or checkbox input is MUI's transparent layer over its round button: the button is the target. A text
      // field's target is its whole box (a tap anywhere on it focuses the input), not the line of text inside.
      const target = ['radio', 'checkbox'].includes(el.type)
        ? el.parentElement
        : (el.closest('.MuiInputBase-root') ?? el);
      const box = target.getBoundingClientRect();
      if (!box.width || !box.height) continue;
      // A link inside a sentence is exempt (WCAG 2.5.5 and 2.5.8, inline): it flows with the words around it.
      const isLink = el.tagName === 'A' || el.classList.contains('MuiLink-root');
      const own = (el.textContent ?? '').trim();
      if (isLink && own && (el.parentElement?.textContent ?? '').trim() !== own) continue;
      // Outside the screen (a closed drawer, a scrolled-away strip of tabs) is not a target.
      if (box.right <= 0 || box.left >= g.document.documentElement.clientWidth) continue;
      if (box.width + 0.5 >= min && box.height + 0.5 >= min) continue;
      const name = (el.getAttribute('aria-label') || el.textContent || el.name || el.type || '').trim().slice(0, 50);
      out.push(
        `${el.tagName.toLowerCase()}${el.type ? `[${el.type}]` : ''} "${name}" ${Math.round(box.width)}×${Math.round(box.height)}`,
      );
    }
    return out;
  }, min);
}

/**
 * What sticks out of the screen's right edge without a way to reach it: content cut off by a container that hides its
 * overflow (a card) instead of scrolling it. Inside a container that scrolls sideways (a strip of tabs, a wide table
 * in its own scroll region) it can be reached, and a cut shown as an ellipsis says so: neither is named.
 */
export async function cutOff(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const g = globalThis as any;
    const screen = g.document.documentElement.clientWidth;
    // A container that scrolls sideways, or one that shows its cut as an ellipsis (MUI's long field labels).
    const scrolls = (el: any) => {
      const cs = g.getComputedStyle(el);
      return ['auto', 'scroll'].includes(cs.overflowX) || (cs.overflowX === 'hidden' && cs.textOverflow === 'ellipsis');
    };
    const out: string[] = [];
    for (const el of g.document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.right <= screen + 1 || !r.width || !r.height) continue;
      const style = g.getComputedStyle(el);
      if (style.visibility === 'hidden' || style.position === 'fixed' || el.closest('[aria-hidden=true]')) continue;
      // Only what a person reads or looks at: words, pictures, fields (not a ripple's empty circle).
      const shown = /\S/.test(el.textContent ?? '') || ['IMG', 'svg', 'CANVAS', 'INPUT', 'SELECT'].includes(el.tagName);
      if (!shown || el.closest('.MuiTouchRipple-root')) continue;
      if (el.parentElement.getBoundingClientRect().right > screen + 1) continue; // its parent is named instead
      let up = el.parentElement;
      while (up && up !== g.document.body && !scrolls(up)) up = up.parentElement;
      if (up && up !== g.document.body) continue;
      const words = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      out.push(
        `${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]} "${words}" (to ${Math.round(r.right)} px)`,
      );
    }
    return out.slice(0, 5);
  });
}

/** What keeps the page from fitting a phone's screen with touch-sized controls, each named with `where`. */
export async function phoneProblems(page: Page, where: string): Promise<string[]> {
  const [overflow, cut, small] = await Promise.all([horizontalOverflow(page), cutOff(page), smallTargets(page)]);
  return [
    ...(overflow ? [`${where}: scrolls sideways: ${overflow}`] : []),
    ...cut.map((c) => `${where}: cut off at the screen's edge: ${c}`),
    ...small.map((s) => `${where}: smaller than ${TOUCH} × ${TOUCH} px: ${s}`),
  ];
}

/**
 * Taps a control after scrolling it to the middle of the screen, as a thumb would: scrolled only "into view" it may
 * sit under the fixed app bar, which then takes the tap.
 */
export async function tap(target: Locator): Promise<void> {
  await target.evaluate((e: any) => e.scrollIntoView({ block: 'center', inline: 'center' }));
  await target.click();
}
