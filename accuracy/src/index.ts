export * from './labels';
export * from './match';
export { COMMIT_MARKER, defaultCacheDir, loadAllLabels, main, setupCommands, staleLabels } from './run';
