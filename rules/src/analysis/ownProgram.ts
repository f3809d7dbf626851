/**
 * A program of a file's own, for when TypeScript's checker itself throws on a file in the project's program: two files
 * of one program can declare a global differently (two `JSX` namespaces whose `IntrinsicClassAttributes` take a
 * different number of type parameters), and TypeScript's checker then fails on the mix (`tsc` too) while each file on
 * its own checks. The file is then analysed in a program of the file, what it imports and the shared program's
 * declaration files (the project's global declarations and `@types`), built from the source files and module
 * resolutions the shared program already holds: no file is read (the core does no I/O).
 */
import * as path from 'node:path';
import ts from 'typescript';

/** TypeScript's own lookup of a resolution the program made; internal to TypeScript, so asked for with care. */
type ResolvedModuleLookup = (file: ts.SourceFile, moduleName: string, mode: ts.ResolutionMode) => ts.ResolvedModuleWithFailedLookupLocations | undefined;

/** The program, or undefined when none can be built (the caller then reports the original failure). */
export function programOfItsOwn(shared: ts.Program, sourceFile: ts.SourceFile): ts.Program | undefined {
  try {
    const files = new Map<string, ts.SourceFile>();
    for (const file of shared.getSourceFiles()) files.set(file.fileName, file);
    if (files.get(sourceFile.fileName) !== sourceFile) return undefined;
    const options: ts.CompilerOptions = { ...shared.getCompilerOptions(), types: [], noEmit: true };
    const library = shared.getSourceFiles().find((file) => shared.isSourceFileDefaultLibrary(file));
    const lookup = (shared as unknown as { getResolvedModule?: ResolvedModuleLookup }).getResolvedModule;
    const resolutionHost: ts.ModuleResolutionHost = { fileExists: (name) => files.has(name), readFile: () => undefined };
    const host: ts.CompilerHost = {
      getSourceFile: (name) => files.get(name),
      getDefaultLibFileName: (o) => (library ? path.posix.join(path.posix.dirname(library.fileName), ts.getDefaultLibFileName(o)) : ts.getDefaultLibFileName(o)),
      writeFile: () => undefined,
      getCurrentDirectory: () => shared.getCurrentDirectory(),
      getCanonicalFileName: (name) => name,
      useCaseSensitiveFileNames: () => true,
      getNewLine: () => '\n',
      fileExists: (name) => files.has(name),
      readFile: () => undefined,
      resolveModuleNameLiterals: (literals, containingFile, _redirect, resolutionOptions, containing) =>
        literals.map((literal) => {
          const mode = shared.getModeForUsageLocation(containing, literal);
          return lookup?.call(shared, containing, literal.text, mode) ?? ts.resolveModuleName(literal.text, containingFile, resolutionOptions, resolutionHost, undefined, undefined, mode);
        }),
    };
    // The project's own and installed declaration files stay (their globals are not what fails); its other source
    // files, whose declarations met this file's in the failing mix, do not.
    const declarations = shared.getSourceFiles().filter((file) => file.isDeclarationFile && !shared.isSourceFileDefaultLibrary(file) && file !== sourceFile);
    const own = ts.createProgram({ rootNames: [sourceFile.fileName, ...declarations.map((file) => file.fileName)], options, host });
    return own.getSourceFile(sourceFile.fileName) === sourceFile ? own : undefined;
  } catch {
    return undefined;
  }
}
