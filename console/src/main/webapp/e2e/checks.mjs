// Checks the browser flows run on every page they visit.

/** Fails when a control or chart on the page has no accessible name (no label, aria-label or text). */
export async function assertLabelled(page, where) {
  const unnamed = await page.evaluate(() => {
    const named = (el) => {
      if (el.labels?.length || el.getAttribute('aria-label')?.trim() || el.getAttribute('title')?.trim()) {
        return true;
      }
      const by = el.getAttribute('aria-labelledby');
      if (by && by.split(/\s+/).some((id) => document.getElementById(id)?.textContent.trim())) {
        return true;
      }
      return ['BUTTON', 'A'].includes(el.tagName) && el.textContent.trim().length > 0;
    };
    // Decorative icons are aria-hidden: not for a screen reader, so not checked.
    const visible = (el) => el.getClientRects().length > 0 && el.type !== 'hidden' && !el.closest('[aria-hidden=true]');
    return [...document.querySelectorAll('input, select, textarea, button, a[href], [role=button], svg[role=img]')]
      .filter((el) => visible(el) && !named(el))
      .map((el) => el.outerHTML.slice(0, 160));
  });
  if (unnamed.length) {
    throw new Error(`controls without an accessible name on ${where}:\n${unnamed.join('\n')}`);
  }
}

/** Fails when the page is wider than the viewport, so a phone would have to scroll sideways. */
export async function assertNoSideways(page, where) {
  const { scroll, viewport } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
  }));
  if (scroll > viewport + 1) {
    throw new Error(`${where} is ${scroll}px wide on a ${viewport}px screen: it scrolls sideways`);
  }
}

/**
 * Fails when the navigation still lies over the page once a page was chosen on a narrow screen: the
 * heading must be what a tap on it reaches, and the sidebar folded.
 */
export async function assertNavigationClosed(page, where) {
  try {
    await page.waitForFunction(() => {
      const heading = document.querySelector('main h1');
      const sidebar = document.querySelector('.pf-v6-c-page__sidebar');
      if (!heading) {
        return false;
      }
      const box = heading.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + 4, box.top + box.height / 2);
      return hit !== null && heading.contains(hit) && (!sidebar || sidebar.classList.contains('pf-m-collapsed'));
    }, null, { timeout: 5_000 });
  } catch {
    throw new Error(`the navigation still covers ${where} after it was chosen on a narrow screen`);
  }
}
