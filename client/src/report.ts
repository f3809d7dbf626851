/**
 * "avglint: privacy report": asks the server for the report of the workspace folder (the server's own analysis with
 * observations), renders it with the same HTML renderer as `avglint report`, and shows it in a webview. The page keeps
 * its filters; a click on a place opens that file at that line in the editor.
 */
import * as path from 'node:path';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Report } from '@avglint/rules';
import { ReportRequest } from '@avglint/server/dist/protocol';
import { renderHtml } from 'avglint/dist/formats/html';
import { WORDS, type Locale } from 'avglint/dist/formats/words';
import { activeFolder, openFileAt, showInformation, showWebview } from './vscodeHost';

/** The script added to the page: a click on a place posts the file and line to the extension instead of navigating. */
const OPEN_LINKS = `<script>(function () {
  var vscode = acquireVsCodeApi();
  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('a[data-place]');
    if (!link) return;
    event.preventDefault();
    vscode.postMessage({ open: link.getAttribute('data-place') });
  });
})();</script>`;

export async function showReport(client: LanguageClient, locale: Locale = 'nl'): Promise<void> {
  const folder = activeFolder();
  const result = await client.sendRequest<ReportRequest.Result>(ReportRequest.method, folder !== undefined ? { folder } : {});
  if (result.report === undefined || result.folder === undefined) {
    showInformation(result.message ?? 'avglint: no privacy report for this folder.');
    return;
  }
  const root = result.folder;
  const report = result.report as Report;
  const words = WORDS[locale];
  // Places link to `#file:line` and carry the place for the click handler above.
  const html = renderHtml(report, { words, locale, link: (p) => `#${p.file}:${p.line}` })
    .replace(/<a href="#([^"]+)">/gu, (_m, place: string) => `<a href="#${place}" data-place="${place}">`)
    .replace('</body>', `${OPEN_LINKS}</body>`);
  showWebview(`${words.title}: ${path.basename(root)}`, html, (message) => {
    const place = typeof message === 'object' && message !== null ? (message as { open?: unknown }).open : undefined;
    if (typeof place !== 'string') return;
    const match = /^(.*):(\d+)$/u.exec(place);
    if (match?.[1] !== undefined) void openFileAt(path.join(root, match[1]), Number(match[2]) - 1);
  });
}
