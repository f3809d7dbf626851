/**
 * The avglint extension: starts the bundled language server over node IPC, shows the catalogue's state in the status
 * bar, and adds the commands that walk a finding's flow and open the FG's privacy report. Everything else (diagnostics, hovers, quick fixes, the scan
 * and open-catalogue commands) comes from the server through the language client.
 */
import * as path from 'node:path';
import type { ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { Commands, REPORT_COMMAND, SETTINGS_SECTION, SHOW_FLOW_COMMAND, ShowFlowRequest, StatusNotification } from '@avglint/server/dist/protocol';
import { showReport } from './report';
import { activeLocation, createOutputChannel, createStatusBarItem, isWorkspaceTrusted, onWorkspaceTrusted, pickOne, registerCommand, relativePath, revealRange, showInformation, themeColor } from './vscodeHost';

let client: LanguageClient | undefined;

const LANGUAGES = ['typescript', 'typescriptreact', 'javascript', 'javascriptreact'];

export async function activate(context: ExtensionContext): Promise<void> {
  const output = createOutputChannel();
  const status = createStatusBarItem();
  status.text = '$(shield) avglint';
  status.tooltip = 'avglint: starting';
  status.command = Commands.openCatalogue;
  status.show();
  context.subscriptions.push(output, status);

  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      ...LANGUAGES.map((language) => ({ scheme: 'file', language })),
      // The catalogue, and shared bases such as `groep.avglint.catalogue.yaml` that catalogues extend.
      { scheme: 'file', pattern: '**/*avglint.catalogue.{yaml,yml}' },
      // Prisma schemas: require-retention checks each model's `/// @retention`.
      { scheme: 'file', pattern: '**/*.prisma' },
    ],
    synchronize: { configurationSection: SETTINGS_SECTION },
    // The server loads the project's ESLint config (workspace code) for severities only in a trusted workspace.
    initializationOptions: () => ({ workspaceTrusted: isWorkspaceTrusted() }),
    outputChannel: output,
    middleware: {
      // From the command palette `avglint.openCatalogue` has no argument: pass the active document, whose catalogue
      // is the one to open.
      executeCommand: async (command, args, next) => {
        if (command === Commands.openCatalogue && args.length === 0) {
          const active = activeLocation();
          return next(command, active ? [{ uri: active.uri }] : []);
        }
        return next(command, args);
      },
    },
  };
  client = new LanguageClient('avglint', 'avglint', serverOptions, clientOptions);

  context.subscriptions.push(
    client.onNotification(StatusNotification.method, (params: StatusNotification.Params) => {
      const icon = params.state === 'loaded' ? '$(shield)' : params.state === 'disabled' ? '$(circle-slash)' : '$(warning)';
      const label = params.state === 'loaded' ? 'catalogue loaded' : params.state === 'broken' ? `catalogue: ${params.problems} problem(s)` : params.state === 'missing' ? 'no catalogue' : 'off';
      status.text = `${icon} avglint: ${label}`;
      status.tooltip = params.message;
      status.backgroundColor = params.state === 'broken' || params.state === 'missing' ? themeColor('statusBarItem.warningBackground') : undefined;
    }),
    registerCommand(SHOW_FLOW_COMMAND, async (arg?: unknown) => showFlow(arg)),
    registerCommand(REPORT_COMMAND, async () => {
      if (client) await showReport(client);
    }),
    // Trust granted later: restart, so the server is told (it then reads the project's ESLint config).
    onWorkspaceTrusted(() => client?.restart()),
  );
  await client.start();
}

/** Walks the flow of the finding under the cursor (or at the given position): pick a step, go there. */
async function showFlow(arg: unknown): Promise<void> {
  if (!client) return;
  const given = arg as { uri?: string; position?: { line: number; character: number } } | undefined;
  const active = activeLocation();
  const uri = given?.uri ?? active?.uri;
  const position = given?.position ?? (active ? { line: active.line, character: active.character } : undefined);
  if (!uri || !position) return;
  const result = await client.sendRequest<ShowFlowRequest.Result>(ShowFlowRequest.method, { textDocument: { uri }, position });
  if (result.steps.length === 0) {
    showInformation('avglint: no finding with a flow at the cursor.');
    return;
  }
  const items = result.steps.map((step, i) => ({
    label: `${i + 1}. ${step.kind}`,
    description: step.description,
    detail: `${relativePath(step.uri)}:${step.range.start.line + 1}:${step.range.start.character + 1}`,
    step,
  }));
  const picked = await pickOne(items, `avglint/${result.rule ?? ''}: the flow from source to sink`);
  if (picked) await revealRange(picked.step.uri, picked.step.range);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
