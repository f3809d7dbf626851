/**
 * The project's own modules, found without asking the checker: which file a relative import names, when the program's
 * files alone decide it. Following an import through the checker (`getSymbolAtLocation` on a use, then its alias)
 * makes TypeScript resolve the module specifier again and build the module's export table, which was most of the
 * checker's time for names on the benchmark corpus (a tenth of the rules' time in ESLint). The resolver reads the
 * target file's bound export table instead and asks the checker only where this module gives no answer.
 *
 * Only answers TypeScript itself must give are given. A relative specifier without an extension names the first of
 * `x.ts`, `x.tsx`, `x.d.ts` that exists (TypeScript's order); a file TypeScript resolved an import to is part of the
 * program, so the first candidate the program holds is the one TypeScript took. Everything else is left to the
 * checker: package names, `paths` and `rootDirs` (the program cannot tell which alternative TypeScript took),
 * `moduleSuffixes`, directories (a `package.json` inside may name another entry point), explicit extensions, and
 * ES modules under Node16/NodeNext, where an extensionless import does not resolve at all.
 */
// Default import: `import * as` would read every member through an esModuleInterop getter (a sixth of the time).
import ts from 'typescript';

const { ModuleResolutionKind, ModuleKind } = ts;

/** TypeScript's order for a specifier without an extension. */
const EXTENSIONS = ['.ts', '.tsx', '.d.ts'];

export class ProjectModules {
  /** Whether the program's options let this module answer: always, for CommonJS files only (Node16), or never. */
  private readonly usable: 'always' | 'commonjs' | 'never';
  /** By containing folder, then specifier: the file, or null where the checker must answer. */
  private readonly found = new Map<string, Map<string, ts.SourceFile | null>>();
  /**
   * The program's files by name, as TypeScript wrote it (absolute, `/`-separated): a map lookup where
   * `program.getSourceFile` normalises the path again for every candidate. A specifier spelled in another case than
   * the file (on a case-insensitive disk) finds nothing here and is left to the checker.
   */
  private files: Map<string, ts.SourceFile> | undefined;

  constructor(private readonly program: ts.Program | undefined) {
    const options = program?.getCompilerOptions();
    this.usable = options === undefined ? 'never' : resolutionOf(options);
  }

  /** The file a relative import names, when the program's files decide it; undefined when the checker must answer. */
  fileOf(from: ts.SourceFile, specifier: string): ts.SourceFile | undefined {
    const program = this.program;
    if (!program || this.usable === 'never' || !isPlainRelative(specifier)) return undefined;
    // Node16/NodeNext resolve a relative import without an extension only in a CommonJS file.
    if (this.usable === 'commonjs' && from.impliedNodeFormat !== ModuleKind.CommonJS) return undefined;
    const folder = from.fileName.slice(0, from.fileName.lastIndexOf('/') + 1);
    let inFolder = this.found.get(folder);
    if (!inFolder) this.found.set(folder, (inFolder = new Map()));
    let file = inFolder.get(specifier);
    if (file === undefined) {
      file = null;
      const base = joinPath(folder, specifier);
      if (base !== undefined) {
        this.files ??= new Map(program.getSourceFiles().map((f) => [f.fileName, f]));
        for (const extension of EXTENSIONS) {
          const candidate = this.files.get(base + extension);
          if (candidate) {
            file = candidate;
            break;
          }
        }
      }
      inFolder.set(specifier, file);
    }
    return file ?? undefined;
  }
}

/**
 * Where a relative, extensionless specifier means `x.ts`/`x.tsx`/`x.d.ts` next to the importer first: in every file
 * (Node10, Bundler, Classic), in CommonJS files only (Node16, NodeNext: an ES module must name the extension), or,
 * with `rootDirs` or `moduleSuffixes`, in none.
 */
function resolutionOf(options: ts.CompilerOptions): 'always' | 'commonjs' | 'never' {
  if (options.rootDirs !== undefined || options.moduleSuffixes !== undefined) return 'never';
  const kind = options.moduleResolution;
  if (kind === ModuleResolutionKind.Node16 || kind === ModuleResolutionKind.NodeNext) return 'commonjs';
  // Without `moduleResolution`, Node16/NodeNext follow from `module`.
  if (kind === undefined && options.module !== undefined && options.module >= ModuleKind.Node16 && options.module <= ModuleKind.NodeNext) return 'commonjs';
  return 'always';
}

/** Extensions TypeScript treats specially in a specifier (`./x.js` may mean `x.ts`): the checker decides those. */
const KNOWN_EXTENSION = /\.(?:[cm]?[jt]sx?|json|d\.[cm]?ts)$/i;

/**
 * `./x`, `../a/b`, `./leerling.service`: relative, without an extension TypeScript knows and without a trailing slash
 * (a directory), so only `x.ts`, `x.tsx` and `x.d.ts` can be meant first.
 */
function isPlainRelative(specifier: string): boolean {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return false;
  if (specifier.endsWith('/') || specifier.endsWith('/.') || specifier.endsWith('/..') || specifier.includes('\\')) return false;
  return !KNOWN_EXTENSION.test(specifier);
}

/** `folder/` (ending in `/`) joined with a relative specifier, `.` and `..` applied; undefined above the root. */
function joinPath(folder: string, specifier: string): string | undefined {
  const parts = folder.split('/');
  parts.pop();
  for (const part of specifier.split('/')) {
    if (part === '.' || part === '') continue;
    if (part === '..') {
      if (parts.length <= 1) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}
