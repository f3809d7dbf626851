#!/usr/bin/env node
/**
 * avglint's command line. Each subcommand lives in its own module and is registered in COMMANDS with one line;
 * main only dispatches, so every command prints and exits the same way.
 */
import { catalogueCommand } from './catalogueCheck';
import { demoCommand } from './demo';
import { initCommand } from './init';
import { reportCommand } from './report/command';
import { scanCommand } from './scan';

/** A subcommand: takes the arguments after its name, returns the exit code. */
export interface Command {
  /** One line for `avglint --help`. */
  readonly summary: string;
  /** Usage line(s), shown with `avglint <name> --help`. */
  readonly usage: string;
  run(args: readonly string[]): number | Promise<number>;
}

/** The subcommands. To add one: write `export const xCommand: Command` in its own module and add a line here. */
export const COMMANDS: Record<string, Command> = {
  init: initCommand,
  catalogue: catalogueCommand,
  scan: scanCommand,
  report: reportCommand,
  demo: demoCommand,
};

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const lines = Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`);
  return [
    'avglint — a privacy linter for Dutch school software, driven by the FG\'s data-category catalogue',
    '',
    'Usage: avglint <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `avglint <command> --help` for the options of a command.',
    '',
    'Exit codes: 0 all good, 1 problems or findings, 2 the command could not run (no catalogue, bad arguments).',
  ].join('\n');
}

export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${usage()}\n`);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- package.json sits outside rootDir, so it is read at run time.
    const pkg = require('../package.json') as { version: string };
    process.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  const command = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    process.stderr.write(`avglint: unknown command \`${name}\`.\n\n${usage()}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    process.stderr.write(`avglint ${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 2;
  }
}

if (require.main === module) {
  // When the reader of the output goes away (`avglint scan | head`), writing fails with EPIPE: that is the reader's
  // choice, not a fault, so the rest of the output is dropped quietly instead of ending in a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') process.exitCode = 2;
    });
  }
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`avglint: ${String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
