/**
 * Summarises a V8 CPU profile (`node --cpu-prof`): the top functions by self time and by total (inclusive) time,
 * and the total time spent under each source directory, so a hot path in the core (rules/dist/…) stands out from
 * the TypeScript compiler's own work.
 *
 * Usage: node bench/dist/profile.js <file.cpuprofile> [--top 25] [--filter rules/]
 */
import * as fs from 'node:fs';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number; readonly columnNumber: number };
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface FrameTime {
  readonly frame: string;
  readonly selfMs: number;
  readonly totalMs: number;
}

function shortUrl(url: string): string {
  const marker = ['/node_modules/', '/work/main/'].find((m) => url.includes(m));
  return marker ? url.slice(url.indexOf(marker) + marker.length) : url.replace(/^file:\/\//, '');
}

export function summariseProfile(profile: CpuProfile): { totalMs: number; frames: FrameTime[]; byArea: Array<[string, number]> } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const key = (n: ProfileNode): string => `${n.callFrame.functionName || '(anonymous)'} ${shortUrl(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const area = new Map<string, number>();
  let totalMs = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    totalMs += ms;
    let node = byId.get(profile.samples[i] as number);
    if (!node) continue;
    const leaf = key(node);
    self.set(leaf, (self.get(leaf) ?? 0) + ms);
    const url = shortUrl(node.callFrame.url);
    const areaKey = url === '' ? `(${node.callFrame.functionName || 'native'})` : url.split('/').slice(0, url.startsWith('@') ? 2 : 2).join('/');
    area.set(areaKey, (area.get(areaKey) ?? 0) + ms);
    const seen = new Set<string>();
    while (node) {
      const k = key(node);
      if (!seen.has(k)) {
        seen.add(k);
        total.set(k, (total.get(k) ?? 0) + ms);
      }
      const up = parent.get(node.id);
      node = up === undefined ? undefined : byId.get(up);
    }
  }
  const frames = [...total.entries()].map(([frame, t]) => ({ frame, selfMs: self.get(frame) ?? 0, totalMs: t }));
  return { totalMs, frames, byArea: [...area.entries()].sort((a, b) => b[1] - a[1]) };
}

function main(argv: readonly string[]): void {
  const file = argv[0];
  if (!file) throw new Error('usage: profile <file.cpuprofile> [--top N] [--filter text]');
  const topIndex = argv.indexOf('--top');
  const top = topIndex >= 0 ? Number(argv[topIndex + 1]) : 25;
  const filterIndex = argv.indexOf('--filter');
  const filter = filterIndex >= 0 ? argv[filterIndex + 1] : undefined;
  const { totalMs, frames, byArea } = summariseProfile(JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile);
  const out: string[] = [`profile ${file}: ${(totalMs / 1000).toFixed(2)} s sampled`, '', 'self time by file area:'];
  for (const [name, ms] of byArea.slice(0, 12)) out.push(`  ${(ms / 1000).toFixed(2).padStart(8)} s ${((100 * ms) / totalMs).toFixed(1).padStart(5)} %  ${name}`);
  const shown = filter ? frames.filter((f) => f.frame.includes(filter)) : frames;
  out.push('', `top ${top} by self time${filter ? ` (frames matching ${filter})` : ''}:`);
  for (const f of [...shown].sort((a, b) => b.selfMs - a.selfMs).slice(0, top)) out.push(`  ${(f.selfMs / 1000).toFixed(2).padStart(8)} s self ${(f.totalMs / 1000).toFixed(2).padStart(8)} s total  ${f.frame}`);
  out.push('', `top ${top} by total time${filter ? ` (frames matching ${filter})` : ''}:`);
  for (const f of [...shown].sort((a, b) => b.totalMs - a.totalMs).slice(0, top)) out.push(`  ${(f.totalMs / 1000).toFixed(2).padStart(8)} s total ${(f.selfMs / 1000).toFixed(2).padStart(8)} s self  ${f.frame}`);
  process.stdout.write(`${out.join('\n')}\n`);
}

if (require.main === module) main(process.argv.slice(2));
