/**
 * avglint's custom LSP messages, declared once. Both the server and the VS Code client import this module; it holds
 * only method names and types (no runtime dependency on either side's library), so the client bundle stays small.
 * Every method is prefixed `avglint/`.
 */
/* eslint-disable @typescript-eslint/no-namespace -- one namespace per message is the LSP convention (vscode-eslint's customMessages.ts) */

/** A position and range as LSP writes them (0-based line and UTF-16 character). */
export interface Position {
  readonly line: number;
  readonly character: number;
}
export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/**
 * Sent by the server to the client whenever the state of a catalogue changes (loaded, broken while the last good one
 * keeps serving, missing) and after the first analysis of a document. The client shows it in the status bar.
 */
export namespace StatusNotification {
  export const method = 'avglint/status';
  export type State = 'loaded' | 'broken' | 'missing' | 'disabled';
  export interface Params {
    readonly state: State;
    /** URI of the catalogue file this status is about, when there is one. */
    readonly catalogue?: string;
    /** Number of problems the loader reported for that catalogue. */
    readonly problems: number;
    /** Whether a previous valid version of a now broken catalogue is still used for the analysis. */
    readonly servingLastGood: boolean;
    /** One line for people: "avglint: catalogue loaded (6 categories, 4 processors)". */
    readonly message: string;
  }
}

/**
 * Sent by the client to the server (also reachable as the `avglint.scanWorkspace` command): analyse every source file
 * of the workspace folders, including files that are not open, with work-done progress, and publish their diagnostics.
 */
export namespace ScanWorkspaceRequest {
  export const method = 'avglint/scanWorkspace';
  export interface Params {
    /** Folders to scan (URIs); the workspace folders when absent. */
    readonly folders?: readonly string[];
    readonly workDoneToken?: string | number;
  }
  export interface Result {
    readonly files: number;
    readonly findings: number;
    readonly problems: number;
    readonly cancelled: boolean;
  }
}

/**
 * Sent by the client to the server: the flow of the finding at a position (source → steps → sink), so the client can
 * let the developer walk it. `steps` is empty when no finding with a flow is there.
 */
export namespace ShowFlowRequest {
  export const method = 'avglint/showFlow';
  export interface Params {
    readonly textDocument: { readonly uri: string };
    readonly position: Position;
  }
  export interface Step {
    readonly kind: 'source' | 'step' | 'sink';
    readonly uri: string;
    readonly range: Range;
    readonly description: string;
  }
  export interface Result {
    /** The rule of the finding, e.g. `no-unauthorised-transfer`. */
    readonly rule?: string;
    readonly message?: string;
    readonly steps: readonly Step[];
  }
}

/**
 * Sent by the client to the server (the `avglint.report` command): analyse every source file of a workspace folder
 * with observations on and return the FG's report model (`buildReport` in the core), for the client to render. The
 * report is the server's own analysis of the folder, as the workspace scan makes it; nothing is analysed twice.
 */
export namespace ReportRequest {
  export const method = 'avglint/report';
  export interface Params {
    /** The folder (URI); the first workspace folder when absent. */
    readonly folder?: string;
  }
  export interface Result {
    /** The core's `Report`, as JSON; absent when there was nothing to report (no folder, no usable catalogue). */
    readonly report?: unknown;
    /** The folder the report is about, as a path: links in the report are relative to it. */
    readonly folder?: string;
    /** Why there is no report, in one line. */
    readonly message?: string;
  }
}

/** Server commands (workspace/executeCommand); the VS Code client binds them to its command palette entries. */
export const Commands = {
  scanWorkspace: 'avglint.scanWorkspace',
  /** Arguments: optionally `{ uri }` of a document; opens the catalogue that applies to it. */
  openCatalogue: 'avglint.openCatalogue',
  /** Arguments: `{ file, line, column }` (1-based) of a catalogue entry; asks the client to show it. */
  openCatalogueEntry: 'avglint.openCatalogueEntry',
} as const;

/** The client-side command that opens the privacy report of the workspace in a webview (VS Code). */
export const REPORT_COMMAND = 'avglint.report';

/** The client-side command that walks a finding's flow (VS Code only; other editors read it from the hover). */
export const SHOW_FLOW_COMMAND = 'avglint.showFlow';

/** The settings section the server asks the client for (workspace/configuration). */
export const SETTINGS_SECTION = 'avglint';
