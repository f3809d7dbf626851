/**
 * The output formats are one table (cli/src/formats/index.ts), one module per format: `--format` validation, the
 * defaults and the usage text of `avglint scan` and `avglint report` come from it.
 */
import * as assert from 'node:assert/strict';
import { defaultFormat, FORMATS, formatsOf, type FormatCommand } from 'avglint/dist/formats/index';
import { main } from 'avglint/dist/main';
import { REPORT_USAGE, runReport } from 'avglint/dist/report/command';
import { runScan, SCAN_USAGE, type Io } from 'avglint/dist/scan';

async function run(command: FormatCommand, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) };
  const code = command === 'scan' ? await runScan(args, io) : await runReport(args, io);
  return { code, stdout, stderr };
}

const USAGE: Record<FormatCommand, string> = { scan: SCAN_USAGE, report: REPORT_USAGE };

describe('output formats: one table', () => {
  it('has a module per format, named as the format', () => {
    assert.deepEqual(FORMATS.map((f) => f.name), ['text', 'json', 'sarif', 'gitlab', 'md', 'html', 'csv']);
    for (const format of FORMATS) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the module is found by the format's name.
      const module = require(`avglint/dist/formats/${format.name}`) as Record<string, unknown>;
      assert.equal(module[format.name], format, `formats/${format.name}.ts exports the table's entry`);
    }
  });

  it('says which command writes which format, with one default each', () => {
    assert.deepEqual(formatsOf('scan').map((f) => f.name), ['text', 'json', 'sarif', 'gitlab']);
    assert.deepEqual(formatsOf('report').map((f) => f.name), ['json', 'md', 'html', 'csv']);
    assert.equal(defaultFormat('scan'), 'text');
    assert.equal(defaultFormat('report'), 'html');
  });

  for (const command of ['scan', 'report'] as const) {
    it(`lists exactly the table's formats of ${command} in its usage text`, async () => {
      const usage = USAGE[command];
      const formats = formatsOf(command);
      assert.equal(/\[--format ([^\]]+)\]/u.exec(usage)?.[1], formats.map((f) => f.name).join('|'));
      const lines = [...usage.matchAll(/^ {2}--format (\S+) +(.*)$/gmu)].map((m) => [m[1], m[2]]);
      assert.deepEqual(
        lines,
        formats.map((f) => [f.name, `${f.renderer.description}${f.name === defaultFormat(command) ? ' (default)' : ''}`]),
      );
      // `avglint <command> --help` prints that text.
      let stdout = '';
      const write = process.stdout.write.bind(process.stdout);
      process.stdout.write = ((chunk: string) => ((stdout += chunk), true)) as typeof process.stdout.write;
      try {
        assert.equal(await main([command, '--help']), 0);
      } finally {
        process.stdout.write = write;
      }
      assert.equal(stdout, `${usage}\n`);
    });
  }

  it('rejects a format scan does not write with exit 2, naming the valid ones and the command that writes it', async () => {
    const xml = await run('scan', ['--format', 'xml']);
    assert.equal(xml.code, 2);
    assert.equal(xml.stderr.split('\n')[0], 'avglint scan: unknown format `xml`: avglint scan writes `text`, `json`, `sarif` or `gitlab`.');
    assert.ok(xml.stderr.endsWith(`${SCAN_USAGE}\n`));
    assert.equal(xml.stdout, '');
    const html = await run('scan', ['--format', 'html']);
    assert.equal(html.code, 2);
    assert.equal(html.stderr.split('\n')[0], 'avglint scan: unknown format `html`: avglint scan writes `text`, `json`, `sarif` or `gitlab`. `html` is a format of `avglint report`.');
  });

  it('rejects a format report does not write with exit 2, naming the valid ones and the command that writes it', async () => {
    const sarif = await run('report', ['--format', 'sarif']);
    assert.equal(sarif.code, 2);
    assert.equal(sarif.stderr.split('\n')[0], 'avglint report: unknown format `sarif`: avglint report writes `json`, `md`, `html` or `csv`. `sarif` is a format of `avglint scan`.');
    assert.ok(sarif.stderr.endsWith(`${REPORT_USAGE}\n`));
    // --base needs a format that renders a diff; which ones do is the table's to say.
    const base = await run('report', ['--format', 'csv', '--base', 'HEAD']);
    assert.equal(base.code, 2);
    assert.equal(base.stderr.split('\n')[0], 'avglint report: --base writes json or md (a pull-request comment), not csv.');
  });
});
