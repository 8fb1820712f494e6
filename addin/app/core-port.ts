/**
 * Binds the application's ports (./ports) to the real core and templates. Loaded lazily by createActions,
 * so it lands in its own chunk and the task pane paints before the scoring engine arrives.
 *
 * The functions are looked up by name and checked, so a piece that is missing fails with a clear message
 * naming it, never silently.
 */
import type { CorePorts } from './ports';

type AnyFn = (...args: never[]) => unknown;

function need<T extends AnyFn>(module: Record<string, unknown>, name: string, where: string): T {
  const fn = module[name];
  if (typeof fn !== 'function') {
    throw new Error(`Thi đua: ${where} does not provide ${name}() yet.`);
  }
  return fn as T;
}

export async function loadCore(): Promise<CorePorts> {
  const [core, templates] = await Promise.all([
    import('../../core') as Promise<unknown> as Promise<Record<string, unknown>>,
    import('../../templates') as Promise<unknown> as Promise<Record<string, unknown>>,
  ]);
  const readWorkbook = need<CorePorts['readWorkbook']>(templates, 'readClusterWorkbook', 'templates');
  const buildWorkbook = need<CorePorts['buildWorkbook']>(templates, 'buildClusterWorkbook', 'templates');
  const newDocument = need<CorePorts['newDocument']>(templates, 'newClusterDocument', 'templates');
  const checkDocument = need<CorePorts['checkDocument']>(core, 'checkCluster', 'core/document');
  const compute = need<CorePorts['compute']>(core, 'computeCluster', 'core/compute');
  const nominate = need<CorePorts['nominate']>(core, 'nominateAwards', 'core/awards');
  const rotate = need<CorePorts['rotate']>(core, 'proposeRotation', 'core/cluster');
  const resolveUnit = need<CorePorts['resolveUnit']>(core, 'resolveUnit', 'core/registry');
  return { readWorkbook, buildWorkbook, newDocument, checkDocument, compute, nominate, rotate, resolveUnit };
}
