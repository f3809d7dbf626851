/**
 * The observations the report needs beyond what the rules record while judging: every flow into a transfer or log
 * sink, allowed or not, read from the same memoised flows the transfer and log rules judged (`fileFlows` is computed
 * once per file), and the names that look like personal data but match no category.
 */
// Default import: `import * as` would read every member through an esModuleInterop getter (a sixth of the time).
import ts from 'typescript';
import { normaliseName, type CategoryIndex } from '../catalogue/names';
import { PERSONAL_DATA_NAMES } from '../report/dictionary';
import type { CheckContext } from './context';
import type { Destination } from './flow/destinations';
import { engineOf, fileFlows } from './flow/flows';
import { categoriesOf } from './flow/labels';
import { firstPerCategory, flowPath, rangeOf } from './flow/report';
import { forEachNode } from './flow/walk';
import type { Observation, ObservedDestination, UnclassifiedName } from './observation';
const { isIdentifier, isPropertyAccessExpression, isPropertyAssignment, isPropertyDeclaration, isPropertySignature, isParameter, isVariableDeclaration, isBindingElement, isShorthandPropertyAssignment } = ts;

/** Every category that flows into a transfer or log sink in the file, with the transfer rule's verdict. */
export function observeFlows(context: CheckContext): Observation[] {
  const engine = engineOf(context);
  const observations: Observation[] = [];
  for (const flow of fileFlows(engine, context.sourceFile, () => context.isCancelled())) {
    const labels = firstPerCategory(categoriesOf(flow.value));
    for (const label of labels) {
      const base = { category: label.category.id, api: flow.sink.api, range: rangeOf(flow.carrier), path: flowPath(flow, label, context.locale) };
      if (flow.sink.kind === 'log') {
        observations.push({ kind: 'log', ...base });
      } else if (flow.sink.destination) {
        const destination = flow.sink.destination;
        const allowed = destination.kind === 'internal' || (destination.kind === 'processor' && destination.processor.receives.includes(label.category.id));
        observations.push({ kind: 'transfer', ...base, destination: observed(destination), allowed });
      }
    }
  }
  return observations;
}

function observed(destination: Destination): ObservedDestination {
  switch (destination.kind) {
    case 'processor':
      return { kind: 'processor', processor: destination.processor.id, text: destination.text };
    case 'unknown':
      return { kind: 'unknown', host: destination.host, text: destination.text };
    case 'internal':
      return { kind: 'internal', host: destination.host, text: destination.text };
    case 'unresolved':
      return destination.text !== undefined ? { kind: 'unresolved', text: destination.text } : { kind: 'unresolved' };
  }
}

/**
 * Names in declarations and member accesses that the dictionary knows as personal data (`geboorteplaats`,
 * `phoneNumber`) and no category of the catalogue matches by name: candidates for the FG to add.
 */
export function unclassifiedNames(context: CheckContext): UnclassifiedName[] {
  const found: UnclassifiedName[] = [];
  // Most files hold none of the dictionary's names that the catalogue leaves out. The parser's table of the file's
  // identifier texts (one entry per distinct name) answers that without walking the tree; where TypeScript does not
  // keep it, the walk decides alone.
  const candidates = uncatalogued(context.index);
  if (candidates.size === 0) return found;
  const identifiers = (context.sourceFile as { readonly identifiers?: ReadonlyMap<string, string> }).identifiers;
  if (identifiers !== undefined && ![...identifiers.keys()].some((name) => candidates.has(normaliseName(name)))) return found;
  forEachNode(context.sourceFile, (node) => {
    const name = nameOf(node);
    if (name === undefined) return true;
    const normal = normaliseName(name.text);
    const kind = candidates.has(normal) ? PERSONAL_DATA_NAMES.get(normal) : undefined;
    if (kind !== undefined) found.push({ name: name.text, kind, range: { start: name.getStart(context.sourceFile), end: name.end } });
    return true;
  });
  return found;
}

const uncataloguedNames = new WeakMap<CategoryIndex, ReadonlySet<string>>();

/** The dictionary's names that no category of the catalogue matches by name (computed once per catalogue). */
function uncatalogued(index: CategoryIndex): ReadonlySet<string> {
  let names = uncataloguedNames.get(index);
  if (!names) {
    names = new Set([...PERSONAL_DATA_NAMES.keys()].filter((name) => !index.byName.has(name)));
    uncataloguedNames.set(index, names);
  }
  return names;
}

function nameOf(node: ts.Node): ts.Identifier | undefined {
  if (isPropertyAccessExpression(node)) return isIdentifier(node.name) ? node.name : undefined;
  if (isPropertyAssignment(node) || isPropertyDeclaration(node) || isPropertySignature(node) || isParameter(node) || isVariableDeclaration(node) || isBindingElement(node)) {
    return isIdentifier(node.name) ? node.name : undefined;
  }
  if (isShorthandPropertyAssignment(node)) return node.name;
  return undefined;
}
