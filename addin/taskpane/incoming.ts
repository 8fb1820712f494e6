/**
 * Reports that reach the task pane from outside it: a ribbon command ran an action (one read, one write) and
 * asks the pane to show its view with the report, or why it failed. The Office entry wires this to the
 * commands' events; the standalone page has none.
 */
import { useEffect } from 'react';
import type { Bilingual } from '../../core';
import type { OperationControl } from './use-operation';

export type IncomingView =
  | 'create'
  | 'exchange'
  | 'check'
  | 'compute'
  | 'awards'
  | 'rotation'
  | 'settings'
  | 'yearEnd';

export interface Incoming {
  view: IncomingView;
  report?: unknown;
  error?: Bilingual;
}

export interface IncomingSource {
  /** What arrived before the pane was ready, once. */
  take(): Incoming | undefined;
  subscribe(listener: (incoming: Incoming) => void): () => void;
}

/** The pane's views, in the order of its tabs. */
export const VIEW_IDS: readonly IncomingView[] = [
  'create',
  'exchange',
  'check',
  'compute',
  'awards',
  'rotation',
  'settings',
  'yearEnd',
];

/**
 * The view a page address asks for (`taskpane.html?view=check`): the basic manifest's ribbon buttons open the pane
 * this way, since Excel 2016 and 2019 have no shared runtime to run a command in. Anything else: no view.
 */
export function viewFromSearch(search: string): Incoming | undefined {
  const view = new URLSearchParams(search).get('view');
  return VIEW_IDS.find((v) => v === view) ? { view: view as IncomingView } : undefined;
}

/** A delivered item with a sequence number, so the same report delivered twice is shown twice. */
export interface Delivered extends Incoming {
  seq: number;
}

/** A view adopts what was delivered for it. */
export function useDelivered<T>(
  view: IncomingView,
  delivered: Delivered | undefined,
  operation: OperationControl<T>,
) {
  const { adopt } = operation;
  useEffect(() => {
    if (!delivered || delivered.view !== view) return;
    if (delivered.error) adopt({ text: delivered.error });
    else if (delivered.report !== undefined) adopt({ value: delivered.report as T });
  }, [delivered, view, adopt]);
}
