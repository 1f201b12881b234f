// Shared checks of how pages read at a given width: header cells of at most two lines, nothing
// wider than the window, and screenshots of the whole page (whose content may scroll inside it).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const imagesDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../docs/images',
);

/**
 * The header cells (`th`, column and row headers) of the page's main content whose text takes
 * more than two lines of its font: the height of their content (getBoundingClientRect of a range
 * over it, so that a row made high by other cells does not count) against two and a half times
 * the largest computed line-height of their text (two lines and the glyphs' overhang). Each as `"Budget left": 56 px high, lines of 14 px`.
 */
export async function headerCellsTallerThanTwoLines(page) {
  return page.evaluate(() => {
    const lineHeight = element => {
      const style = getComputedStyle(element);
      return style.lineHeight === 'normal'
        ? 1.2 * Number.parseFloat(style.fontSize)
        : Number.parseFloat(style.lineHeight);
    };
    const tall = [];
    for (const th of document.querySelectorAll('main th')) {
      if (!th.textContent.trim() || th.getBoundingClientRect().width === 0)
        continue;
      const range = document.createRange();
      range.selectNodeContents(th);
      const height = range.getBoundingClientRect().height;
      let line = lineHeight(th);
      const texts = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
      while (texts.nextNode()) {
        if (texts.currentNode.textContent.trim())
          line = Math.max(line, lineHeight(texts.currentNode.parentElement));
      }
      // Glyphs overhang their line a little (two lines of 14 px measure 30 px); a third line
      // adds a whole line.
      if (height > 2.5 * line)
        tall.push(
          `"${th.innerText.replace(/\s+/g, ' ').trim()}": ${Math.round(
            height,
          )} px high, lines of ${line} px`,
        );
    }
    return tall;
  });
}

/** How far the page itself scrolls sideways (0 when tables scroll inside their cards). */
export async function pageOverflowX(page) {
  return page.evaluate(
    () =>
      document.documentElement.scrollWidth -
      document.documentElement.clientWidth,
  );
}

/**
 * A screenshot of the whole page as wide as the window: Backstage pages scroll inside their
 * content area, so the window is made as tall as the content first, and restored afterwards.
 */
export async function saveWholePageScreenshot(page, name) {
  const viewport = page.viewportSize();
  const height = await page.evaluate(() =>
    Math.max(
      ...[...document.querySelectorAll('body, body *')].map(
        element => element.scrollHeight,
      ),
    ),
  );
  await page.setViewportSize({
    width: viewport.width,
    height: Math.min(Math.max(height, viewport.height), 8000),
  });
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(imagesDir, `${name}.png`) });
  await page.setViewportSize(viewport);
}
