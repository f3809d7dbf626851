/**
 * Which of a project's npm packages can reach the network: the host's half of "unknown third parties" (the core
 * decides with this set as data and its own SDK families; see rules/src/analysis/libraries/packages.ts). Every host
 * passes it to `analyseFile` as `networkPackages` — `avglint scan` and `report`, the ESLint plugin and the language
 * server — so they name the same unknown destinations.
 *
 * A package can reach the network when its code uses fetch, XMLHttpRequest, WebSocket, `navigator.sendBeacon` or
 * Node's http(s)/http2/net/tls/dgram, or when one of its dependencies can (two levels deep). Answers are cached per
 * package version for the life of the process, so a project's packages are read once however many files are analysed.
 * Only `dependencies`, `optionalDependencies` and `peerDependencies` count: build and test tools are devDependencies.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXACT_STAMPS, type FileStamps } from './files';
import { nearestPackageRoot } from './project';

const NETWORK_CODE = /\bfetch\s*\(|\bXMLHttpRequest\b|\bnew\s+WebSocket\b|\bnavigator\.sendBeacon\b|\brequire\(\s*['"](?:node:)?(?:https?|http2|net|tls|dgram)['"]\s*\)|\bfrom\s*['"](?:node:)?(?:https?|http2|net|tls|dgram)['"]/;
/** Dependencies that make a package a network user without reading its code. */
const NETWORK_DEPENDENCIES = new Set(['axios', 'node-fetch', 'cross-fetch', 'isomorphic-fetch', 'got', 'ky', 'undici', 'superagent', 'request', 'needle', 'ofetch', 'ws', 'socket.io-client', 'isomorphic-ws']);
const CODE_FILE = /\.(c|m)?js$/;
/** How much of a package is read: enough for its entry points and bundles, bounded for the monorepo-sized ones. */
const MAX_FILES = 400;
const MAX_BYTES = 8 * 1024 * 1024;
const MAX_DEPTH = 2;

/** By `name@version`: whether that version of the package can reach the network. */
const byVersion = new Map<string, boolean>();
/** By project root: the package.json's modification time and the answer for it. */
const byProject = new Map<string, { readonly stamp: number; readonly packages: ReadonlySet<string> }>();

/** By source folder: the project root above it (the upward search costs more than the rest of a cached answer). */
const rootByDirectory = new Map<string, string | undefined>();
/**
 * One empty answer for every file outside a project: the core keeps its engine (and its per-program summaries) while
 * the set it was given is the same object, so a new empty set per file would cost it that cache.
 */
const NONE: ReadonlySet<string> = new Set();

/**
 * The packages of the project `fromFile` belongs to (nearest `package.json` upward) that can reach the network: the
 * same set object for every file of the project while its package.json is unchanged. Never throws: a package that
 * cannot be read is taken not to reach the network. `stamps`: how fresh package.json's stamp must be (see `FileStamps`).
 */
export function networkPackagesFor(fromFile: string, stamps: FileStamps = EXACT_STAMPS): ReadonlySet<string> {
  const directory = path.dirname(path.resolve(fromFile));
  let root = rootByDirectory.get(directory);
  if (root === undefined && !rootByDirectory.has(directory)) {
    root = nearestPackageRoot(fromFile);
    rootByDirectory.set(directory, root);
  }
  if (root === undefined) return NONE;
  const manifest = path.join(root, 'package.json');
  const stamp = stamps.modifiedTime(manifest) ?? -1;
  const cached = byProject.get(root);
  if (cached && cached.stamp === stamp) return cached.packages;
  const packages = new Set<string>();
  for (const name of runtimeDependencies(readJson(manifest))) if (reachesNetwork(name, root, 0)) packages.add(name);
  byProject.set(root, { stamp, packages });
  return packages;
}

function reachesNetwork(name: string, from: string, depth: number): boolean {
  const directory = installedDirectory(name, from);
  if (directory === undefined || isWorkspaceLink(directory)) return false;
  const manifest = readJson(path.join(directory, 'package.json'));
  const version = typeof manifest?.['version'] === 'string' ? manifest['version'] : '?';
  const key = `${name}@${version}`;
  const cached = byVersion.get(key);
  if (cached !== undefined) return cached;
  // Cycles in the dependency graph end here: a package being computed counts as not reaching the network.
  byVersion.set(key, false);
  const dependencies = runtimeDependencies(manifest);
  let found = dependencies.some((dependency) => NETWORK_DEPENDENCIES.has(dependency)) || codeReachesNetwork(directory);
  if (!found && depth < MAX_DEPTH) found = dependencies.some((dependency) => reachesNetwork(dependency, directory, depth + 1));
  byVersion.set(key, found);
  return found;
}

function codeReachesNetwork(directory: string): boolean {
  let files = 0;
  let bytes = 0;
  const queue = [directory];
  while (queue.length > 0 && files < MAX_FILES && bytes < MAX_BYTES) {
    const current = queue.shift() as string;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(current, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.') && entry.name !== 'test' && entry.name !== 'tests' && entry.name !== '__tests__') queue.push(path.join(current, entry.name));
        continue;
      }
      if (!entry.isFile() || !CODE_FILE.test(entry.name)) continue;
      let text: string;
      try {
        text = fs.readFileSync(path.join(current, entry.name), 'utf8');
      } catch {
        continue;
      }
      files++;
      bytes += text.length;
      if (NETWORK_CODE.test(withoutComments(text))) return true;
      if (files >= MAX_FILES || bytes >= MAX_BYTES) break;
    }
  }
  return false;
}

/** Drops block and line comments (roughly: enough that a comment mentioning `fetch(` does not count). */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:"'`\\])\/\/[^\n]*/g, '$1');
}

function runtimeDependencies(manifest: Record<string, unknown> | undefined): string[] {
  const names = new Set<string>();
  for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies']) {
    const value = manifest?.[field];
    if (value && typeof value === 'object') for (const name of Object.keys(value)) names.add(name);
  }
  return [...names];
}

/** Node's resolution of a package directory: `node_modules/<name>` in `from` or a directory above it. */
function installedDirectory(name: string, from: string): string | undefined {
  let directory = from;
  for (;;) {
    const candidate = path.join(directory, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
    const parent = path.dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
}

/** A workspace package linked into node_modules is the project's own code, not a third party. */
function isWorkspaceLink(directory: string): boolean {
  try {
    return !fs.realpathSync(directory).split(path.sep).includes('node_modules');
  } catch {
    return false;
  }
}

function readJson(file: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
