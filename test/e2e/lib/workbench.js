// Drives the VS Code workbench in Chromium the way a person does: keyboard shortcuts, Quick Open, the Problems panel,
// hovers and the quick-fix menu. Selectors are VS Code's own DOM classes (stable across 1.9x releases).
const fs = require('node:fs');
const path = require('node:path');
const { requireTool, artifactsDir, poll } = require('./env');

const chromiumArgs = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--disable-default-apps',
];

async function launchBrowser() {
  const { chromium } = requireTool('playwright-core');
  return chromium.launch({ executablePath: process.env.AVGLINT_E2E_CHROMIUM || '/usr/bin/chromium', headless: true, args: chromiumArgs });
}

async function screenshot(page, name) {
  fs.mkdirSync(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Opens the workspace and waits until the workbench and its explorer are up. */
async function openWorkbench(page, url, folder) {
  await page.goto(`${url}/?folder=${encodeURIComponent(folder)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60000 });
}

/** Quick Open (Ctrl+P) the file (a name, or a path relative to the folder) and wait until its editor has focus. */
async function quickOpen(page, relativePath) {
  const fileName = relativePath.split('/').pop();
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(relativePath);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container .tab.active[aria-label*="${fileName}"]`).waitFor();
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** Runs a command from the Command Palette (F1) by its title, as a person does. */
async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** Moves the cursor with Go to Line (Ctrl+G) to a 1-based `line:column`. */
async function goTo(page, line, column) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  // The Go to Line box is Quick Open with a ':' prefix; filling replaces the prefix, so it is written again.
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await poll(`the cursor at ${line}:${column}`, async () => {
    const status = await page.locator('.statusbar-item[id="status.editor.selection"]').innerText();
    return status.includes(`Ln ${line}, Col ${column}`);
  }, { timeoutMs: 5000 });
}

/**
 * The visible lines of the active editor that carry a squiggle (warning, error, info), as their text. A squiggle is a
 * decoration in `.view-overlays` at the same `top` as the line it underlines.
 */
async function squiggledLines(page) {
  // The function runs in the page, where `document` is the workbench's.
  /* global document, requestAnimationFrame */
  return page.evaluate(() => {
    const editor = document.querySelector('.editor-instance .monaco-editor');
    if (!editor) return [];
    const tops = new Set();
    for (const overlay of editor.querySelectorAll('.view-overlays > div')) {
      if (overlay.querySelector('.squiggly-warning, .squiggly-error, .squiggly-info')) tops.add(overlay.style.top);
    }
    return [...editor.querySelectorAll('.view-lines .view-line')]
      .filter((line) => tops.has(line.style.top))
      .map((line) => line.textContent.replace(/\u00a0/g, ' '));
  });
}

const nextFrame = (page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

/**
 * Every row of the Problems list, in list order, whitespace collapsed. The list draws only the rows in view, so it is
 * scrolled from top to bottom with the mouse wheel, as a person reads a long list; rows are keyed by their list index
 * (`data-index`), so identical texts (the same flow step under two findings) are all kept.
 */
async function problemRows(page) {
  const rowsOf = () => page.$$eval('.markers-panel .monaco-list-row',
    (rows) => rows.map((row) => [Number(row.dataset.index), row.innerText.replace(/\s+/g, ' ').trim()]));
  const box = await page.locator('.markers-panel .monaco-list').first().boundingBox();
  if (!box) return (await rowsOf()).sort((a, b) => a[0] - b[0]).map(([, text]) => text);
  // The left edge holds only indentation and twisties, so no hover pops up under the pointer to take the wheel.
  await page.mouse.move(box.x + 6, box.y + box.height / 2);
  for (let i = 0; i < 50 && !(await rowsOf()).some(([index]) => index === 0); i++) {
    await page.mouse.wheel(0, -10000);
    await nextFrame(page);
  }
  const seen = new Map();
  let unchanged = 0;
  for (let i = 0; i < 500 && unchanged < 3; i++) {
    let added = 0;
    for (const [index, text] of await rowsOf()) {
      if (!seen.has(index)) added++;
      seen.set(index, text);
    }
    unchanged = added === 0 ? unchanged + 1 : 0;
    await page.mouse.wheel(0, Math.max(60, box.height * 0.6));
    await nextFrame(page);
  }
  await page.mouse.wheel(0, -1e6);
  await nextFrame(page);
  return [...seen.entries()].sort((a, b) => a[0] - b[0]).map(([, text]) => text);
}

/** Opens the Problems panel (Ctrl+Shift+M) and returns the text of its rows once `until(rows)` holds. */
async function problems(page, until, what = 'the expected problems') {
  if (!(await page.locator('.markers-panel').isVisible())) await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel').waitFor({ state: 'visible' });
  let last = [];
  try {
    return await poll(`${what} in the Problems panel`, async () => {
      last = await problemRows(page);
      return until(last) ? last : undefined;
    });
  } catch (error) {
    error.message += `; the panel lists:\n  ${last.join('\n  ')}`;
    throw error;
  }
}

/** Types `filter` (text or a glob such as `**\/store/cache.ts`) into the Problems panel's filter box. */
async function filterProblems(page, filter) {
  if (!(await page.locator('.markers-panel').isVisible())) await page.keyboard.press('Control+Shift+M');
  const input = page.locator('.viewpane-filter input').first();
  await input.waitFor({ state: 'visible' });
  await input.fill(filter);
}

/** Shows the hover at the cursor (Ctrl+K Ctrl+I) and returns its text once it contains every `expected` string. */
async function hoverAtCursor(page, expected) {
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  return poll(`a hover containing ${expected.join(', ')}`, async () => {
    const hovers = await page.locator('.monaco-hover:visible').allInnerTexts();
    const text = hovers.join('\n');
    return expected.every((part) => text.includes(part)) ? text : undefined;
  }, { timeoutMs: 20000 });
}

/** Opens the quick-fix menu (Ctrl+.) at the cursor and returns the titles of its actions once one matches `pattern`. */
async function quickFixes(page, pattern) {
  // Code actions are computed when asked; asked too early (diagnostics not yet attached to the cursor's range) the
  // editor says "No code actions available", so the menu is asked for again until it lists the action.
  let lastAsked = 0;
  return poll(`a quick fix matching ${pattern}`, async () => {
    const rows = await page.locator('.action-widget .monaco-list-row.action').allInnerTexts();
    if (rows.some((row) => pattern.test(row))) return rows;
    if (Date.now() - lastAsked > 3000) {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+.');
      lastAsked = Date.now();
    }
    return undefined;
  }, { timeoutMs: 30000 });
}

/**
 * Chooses the first action whose title contains `title` with the arrow keys and Enter, as a person using the keyboard
 * does (the menu's pointer block swallows synthetic clicks).
 */
async function chooseQuickFix(page, title) {
  const rows = page.locator('.action-widget .monaco-list-row.action');
  const count = await rows.count();
  for (let i = 0; i <= count; i++) {
    const focused = await page.locator('.action-widget .monaco-list-row.action.focused').allInnerTexts();
    if (focused.some((text) => text.includes(title))) {
      await page.keyboard.press('Enter');
      await page.locator('.action-widget').waitFor({ state: 'hidden' });
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`no quick fix titled ${title} among: ${(await rows.allInnerTexts()).join(' | ')}`);
}

module.exports = { launchBrowser, screenshot, openWorkbench, quickOpen, runCommand, goTo, squiggledLines, problems, filterProblems, hoverAtCursor, quickFixes, chooseQuickFix };
