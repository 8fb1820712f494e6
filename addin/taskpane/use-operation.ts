/**
 * One long action at a time per view: runs it with an AbortSignal and a progress callback, keeps its
 * progress for the status bar, and turns failures into text the view shows (never a thrown error).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Bilingual, Issue } from '../../core';
import { ActionError, type ProgressUpdate, type RunOptions } from '../app/actions';
import { translate } from './i18n';

export type Operation<T> =
  | { status: 'idle' }
  | { status: 'running'; progress?: ProgressUpdate }
  | { status: 'done'; value: T }
  | { status: 'cancelled' }
  | { status: 'failed'; text: Bilingual; issues: Issue[] };

export function failureOf(error: unknown): { text: Bilingual; issues: Issue[] } | 'cancelled' {
  if (error instanceof ActionError) return { text: error.text, issues: error.issues };
  if (error instanceof DOMException && error.name === 'AbortError') return 'cancelled';
  const message = error instanceof Error ? error.message : String(error);
  return {
    text: {
      vi: translate('vi', 'error.unexpected', { message }),
      en: translate('en', 'error.unexpected', { message }),
    },
    issues: [],
  };
}

export interface OperationControl<T> {
  state: Operation<T>;
  running: boolean;
  run(work: (options: RunOptions) => Promise<T>): Promise<void>;
  cancel(): void;
  /** Show a report or failure that arrived from elsewhere (a ribbon command ran the action). */
  adopt(outcome: { value: T } | { text: Bilingual }): void;
}

export function useOperation<T>(): OperationControl<T> {
  const [state, setState] = useState<Operation<T>>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  const run = useCallback(async (work: (options: RunOptions) => Promise<T>) => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setState({ status: 'running' });
    try {
      const value = await work({
        signal: current.signal,
        onProgress: (progress) => {
          if (controller.current === current) setState({ status: 'running', progress });
        },
      });
      if (controller.current !== current) return;
      // Finished work is shown even if cancel came after the last step: what was written is written.
      setState({ status: 'done', value });
    } catch (error) {
      if (controller.current !== current) return;
      const failure = failureOf(error);
      setState(failure === 'cancelled' ? { status: 'cancelled' } : { status: 'failed', ...failure });
    } finally {
      if (controller.current === current) controller.current = null;
    }
  }, []);

  const cancel = useCallback(() => controller.current?.abort(), []);

  const adopt = useCallback((outcome: { value: T } | { text: Bilingual }) => {
    controller.current?.abort();
    controller.current = null;
    setState(
      'value' in outcome
        ? { status: 'done', value: outcome.value }
        : { status: 'failed', text: outcome.text, issues: [] },
    );
  }, []);

  return { state, running: state.status === 'running', run, cancel, adopt };
}
