/**
 * `avglint catalogue check`, run as the FG runs it: the built CLI in a child process, on the shared test catalogue
 * (exit 0 with a summary) and on broken copies (exit 1 with positioned, readable errors).
 */
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '../../..');
const CLI = path.join(REPO, 'cli/dist/main.js');
const FIXTURE = path.join(REPO, 'test/fixtures/project/avglint.catalogue.yaml');

function run(args: readonly string[], cwd = REPO): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 30_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('avglint catalogue check (CLI)', function () {
  this.timeout(30_000);
  let temp: string;

  before(() => {
    temp = fs.mkdtempSync(path.join(os.tmpdir(), 'avglint-check-'));
  });
  after(() => {
    fs.rmSync(temp, { recursive: true, force: true });
  });

  it('exits 0 with a summary on the shared test catalogue', () => {
    const { status, stdout, stderr } = run(['catalogue', 'check', FIXTURE]);
    assert.equal(status, 0, stdout + stderr);
    assert.match(stdout, /the catalogue is valid/);
    assert.match(stdout, /Organisation: Testschool/);
    assert.match(stdout, /6 categories \(special: zorgdossier; identifiers: bsn, eckid\)/);
    assert.match(stdout, /5 processors/);
    assert.match(stdout, /duo \(recipient\): legal-obligation/);
    assert.match(stdout, /5 retention terms/);
    assert.match(stdout, /leerlingdossier: P2Y \(about 731 days\) from leaving-school/);
    assert.match(stdout, /zorgdossier: only code in src\/zorg\/\*\*; roles zorgcoordinator; purposes leerlingenzorg/);
  });

  it('finds the catalogue upward from the working directory when no file is given', () => {
    const { status, stdout } = run(['catalogue', 'check'], path.dirname(FIXTURE));
    assert.equal(status, 0, stdout);
    assert.match(stdout, /^avglint\.catalogue\.yaml: the catalogue is valid/);
  });

  it('exits 0 on the starter catalogue in examples/', () => {
    const { status, stdout, stderr } = run(['catalogue', 'check', 'examples/avglint.catalogue.yaml']);
    assert.equal(status, 0, stdout + stderr);
    // The starter catalogue says `settings.locale: nl`: its problems and everything around them are Dutch.
    assert.match(stdout, /^Organisatie: Veluwse Onderwijsgroep$/m);
    assert.match(stdout, /: waarschuwing catalogue\/agreement-missing: Verwerker `zermelo` is een verwerker/);
    assert.match(stdout, /^ {2}tip: /m);
    assert.match(stdout, /^examples\/avglint\.catalogue\.yaml: de catalogus is geldig, met \d+ waarschuwingen \(hierboven\)\.$/m);
    assert.match(stdout, /^\d+ bewaartermijnen:$/m);
    assert.doesNotMatch(stdout, /\b(warning|hint|Organisation|retention terms?|receives)\b/);
    // --locale wins over the catalogue's own setting.
    const english = run(['catalogue', 'check', 'examples/avglint.catalogue.yaml', '--locale', 'en']);
    assert.equal(english.status, 0, english.stdout + english.stderr);
    assert.match(english.stdout, /^Organisation: Veluwse Onderwijsgroep$/m);
    assert.match(english.stdout, /: warning catalogue\/agreement-missing: Processor `zermelo`/);
    assert.match(english.stdout, /the catalogue is valid, with \d+ warnings \(above\)\.$/m);
    assert.equal(run(['catalogue', 'check', 'examples/avglint.catalogue.yaml', '--locale', 'de']).status, 2);
  });

  it('says a missing catalogue in the locale asked for', () => {
    const { status, stderr } = run(['catalogue', 'check', 'nergens.yaml', '--locale', 'nl'], temp);
    assert.equal(status, 2);
    assert.match(stderr, /^avglint: Geen catalogus gevonden: \S*nergens\.yaml bestaat niet\.\n {2}tip: Maak er een met `npx avglint init`/u);
  });

  it('exits 1 with file:line:col, code, message, hint and the line itself on a broken copy', () => {
    const broken = path.join(temp, 'avglint.catalogue.yaml');
    const text = fs
      .readFileSync(FIXTURE, 'utf8')
      .replace('    retention: leerlingdossier\n    alternative: eckid', '    retentoin: leerlingdossier\n    alternative: eckid')
      .replace('duration: P5Y', 'duration: 5 jaar');
    fs.writeFileSync(broken, text);
    const { status, stdout } = run(['catalogue', 'check', 'avglint.catalogue.yaml'], temp);
    assert.equal(status, 1, stdout);
    assert.match(stdout, /^avglint\.catalogue\.yaml:14:40: error catalogue\/bad-duration: Retention term `verzuim`: `duration` is `5 jaar`/m);
    assert.match(stdout, /^avglint\.catalogue\.yaml:23:5: error catalogue\/unknown-key: Unknown key `retentoin` in category `bsn`\.$/m);
    assert.match(stdout, /^ {2}hint: Did you mean `retention`\?$/m);
    assert.match(stdout, /^ {2}23 \| {5}retentoin: leerlingdossier\n {5}\| {5}\^{9}$/m);
    assert.match(stdout, /2 errors\. avglint cannot use this catalogue/);
  });

  it('prints warnings but still exits 0 when nothing is an error', () => {
    const warned = path.join(temp, 'warned.yaml');
    fs.writeFileSync(
      warned,
      fs.readFileSync(FIXTURE, 'utf8').replace('names: [camerabeeld, opname]', 'names: [camerabeeld, opname, BSN]').replace('ends: 2027-07-31', 'ends: 2020-07-31'),
    );
    const { status, stdout } = run(['catalogue', 'check', warned]);
    assert.equal(status, 0, stdout);
    assert.match(stdout, /warned\.yaml:\d+:\d+: warning catalogue\/overlapping-synonym: The name `BSN` belongs to both category `bsn`/);
    assert.match(stdout, /warned\.yaml:\d+:\d+: warning catalogue\/agreement-ended: Processor `leermiddelen`: the agreement `VWO-2024-017` ended on 2020-07-31\./);
    assert.match(stdout, /the catalogue is valid, with 2 warnings \(above\)/);
    assert.match(stdout, /Organisation: Testschool/);
  });

  it('prints the summary as JSON with --json', () => {
    const { status, stdout } = run(['catalogue', 'check', FIXTURE, '--json']);
    assert.equal(status, 0);
    const output = JSON.parse(stdout) as { ok: boolean; problems: unknown[]; summary: { categories: { id: string; special: boolean }[]; processors: unknown[] } };
    assert.equal(output.ok, true);
    assert.deepEqual(output.problems, []);
    assert.deepEqual(output.summary.categories.filter((c) => c.special).map((c) => c.id), ['zorgdossier']);
    assert.equal(output.summary.processors.length, 5);
  });

  it('prints the same problems as JSON with --json', () => {
    const broken = path.join(temp, 'json.yaml');
    fs.writeFileSync(broken, 'version: 1\ncategories:\n  bsn: { label: BSN, match: { names: [bsn] } }\n');
    const { status, stdout } = run(['catalogue', 'check', broken, '--json']);
    assert.equal(status, 1);
    const output = JSON.parse(stdout) as { ok: boolean; problems: { code: string; line: number; column: number }[] };
    assert.equal(output.ok, false);
    assert.deepEqual(output.problems.map((p) => [p.code, p.line, p.column]), [['catalogue/missing-retention', 3, 3]]);
  });

  it('prints its usage when the subcommand is missing or unknown (exit 2), and for --help (exit 0)', () => {
    // [arguments, exit code, stream with the usage]
    const cases: [string[], number, 'stdout' | 'stderr'][] = [
      [['catalogue'], 2, 'stderr'],
      [['catalogue', 'chek'], 2, 'stderr'],
      [['catalogue', '--help'], 0, 'stdout'],
    ];
    for (const [args, status, stream] of cases) {
      const result = run(args);
      assert.equal(result.status, status, args.join(' '));
      assert.match(result[stream], /^Usage: avglint catalogue check \[file\]/mu, args.join(' '));
    }
  });

  it('exits 2 with a clear message when there is no catalogue', () => {
    // Not below `temp`: the search upward would find the broken copies there.
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'avglint-empty-'));
    try {
      const searched = run(['catalogue', 'check'], empty);
      assert.equal(searched.status, 2, searched.stdout);
      assert.match(searched.stderr, /No catalogue found: there is no avglint\.catalogue\.yaml or avglint\.catalogue\.yml in .* or any directory above it/);
      assert.match(searched.stderr, /hint: Run `npx avglint init` to create avglint\.catalogue\.yaml/);
      const named = run(['catalogue', 'check', 'nope.yaml'], empty);
      assert.equal(named.status, 2);
      assert.match(named.stderr, /nope\.yaml does not exist/);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });

  it('prints usage for --help and exits 2 on an unknown command', () => {
    const help = run(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /Usage: avglint <command>/);
    assert.match(help.stdout, /catalogue/);
    const checkHelp = run(['catalogue', 'check', '--help']);
    assert.equal(checkHelp.status, 0);
    assert.match(checkHelp.stdout, /--json/);
    assert.equal(run(['frobnicate']).status, 2);
    assert.equal(run(['catalogue', 'bless']).status, 2);
  });

  it('exits 2, like a missing file, when given a directory', () => {
    const { status, stdout, stderr } = run(['catalogue', 'check', temp]);
    assert.equal(status, 2, stdout + stderr);
    assert.match(stderr, /No catalogue found: .* is a directory, not a catalogue file\./);
  });

  it('prints at most 100 problems and counts the rest, each line once however long the file', () => {
    const many = path.join(temp, 'many.yaml');
    const entries = Array.from({ length: 300 }, (_, i) => `  c${i}: { label: C${i}, retention: nergens${i}, match: { names: [n${i}] } }`);
    fs.writeFileSync(many, `version: 1\norganisation: ${'Onderwijsgroep '.repeat(10_000)}\ncategories:\n${entries.join('\n')}\n`);
    const { status, stdout } = run(['catalogue', 'check', 'many.yaml'], temp);
    assert.equal(status, 1, stdout);
    assert.equal(stdout.match(/^many\.yaml:\d+:\d+: error /gm)?.length, 100);
    assert.match(stdout, /^… and 200 more problems not shown \(fix these first, or see them all with --json\)\.$/m);
    assert.match(stdout, /^many\.yaml: 300 errors\. avglint cannot use this catalogue/m);
    const json = run(['catalogue', 'check', many, '--json']);
    assert.equal((JSON.parse(json.stdout) as { problems: unknown[] }).problems.length, 300);
  });

  it('cuts a very long organisation name in the summary', () => {
    const long = path.join(temp, 'long.yaml');
    fs.writeFileSync(long, fs.readFileSync(FIXTURE, 'utf8').replace('organisation: Testschool', `organisation: ${'Testschool'.repeat(100_000)}`));
    const { status, stdout } = run(['catalogue', 'check', long]);
    assert.equal(status, 0, stdout.slice(0, 500));
    assert.match(stdout, /^Organisation: (Testschool){20}… \(999800 more characters\)$/m);
    assert.ok(stdout.length < 10_000, `${stdout.length} characters printed`);
  });

  it('stops quietly when the reader of its output goes away (EPIPE), without a stack trace', async () => {
    const many = path.join(temp, 'pipe.yaml');
    const entries = Array.from({ length: 3_000 }, (_, i) => `  c${i}:\n    labl: x`);
    fs.writeFileSync(many, `version: 1\ncategories:\n${entries.join('\n')}\n`);
    const child = spawn(process.execPath, [CLI, 'catalogue', 'check', many, '--json'], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Like `| head -1`: read one chunk, then close the pipe while the CLI is still writing.
    child.stdout.once('data', () => child.stdout.destroy());
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(stderr, '');
    assert.equal(status, 1);
  });
});
