/**
 * JSON: for `scan` the result (findings with positions, flow paths and fingerprints; problems; suppressed findings),
 * for `report` the core's report model (with `--base`: the diff).
 */
import type { ScanResult } from '../scan';
import type { Format } from './format';

export function formatJson(result: ScanResult): string {
  // The loaded catalogue and the report's observations are for other commands, not part of the scan's output.
  const { catalogue: _catalogue, observed: _observed, ...output } = result;
  return JSON.stringify(output, null, 2) + '\n';
}

export const json: Format = {
  name: 'json',
  scan: {
    description: 'the scan as JSON: findings with positions, flow paths and fingerprints, and problems',
    render: (result) => formatJson(result),
  },
  report: {
    description: 'the report model as JSON (with --base: the diff)',
    render: (report) => `${JSON.stringify(report, null, 2)}\n`,
    renderDiff: (diff) => `${JSON.stringify(diff, null, 2)}\n`,
  },
};
