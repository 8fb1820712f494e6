/**
 * Ribbon commands of the "Thi đua" tab. They run in the shared runtime (the task pane's page), so a command can
 * run an action itself and hand its report to the task pane: Kiểm tra and Tính điểm & xếp hạng run through the
 * shared actions (one read batch, one write batch) and then show the pane on their view; the commands that need
 * a form (Tạo bảng, Đề xuất khen thưởng, Xuất danh sách) open the pane on the right view.
 *
 * The pane learns what to show from a `thidua:navigate` event on window (detail: CommandNavigation); the latest
 * one also stays in `pendingNavigation()` for a pane that mounts after the command ran.
 */
import type { Bilingual } from '../../core';
import { ActionError, type AppActions, createActions } from '../app/actions';
import { OfficeHost } from '../host/office/office-host';

/** The task pane's views (addin/taskpane/App.tsx ViewId). */
export type CommandView = 'create' | 'check' | 'compute' | 'awards' | 'rotation' | 'yearEnd';

export interface CommandNavigation {
  view: CommandView;
  /** The report of the action the command ran (CheckReport, ComputeReport). */
  report?: unknown;
  /** Why the action could not run. */
  error?: Bilingual;
}

export const NAVIGATE_EVENT = 'thidua:navigate';

let pending: CommandNavigation | undefined;

/** The last navigation a command asked for, once: the task pane calls this when it mounts. */
export function pendingNavigation(): CommandNavigation | undefined {
  const out = pending;
  pending = undefined;
  return out;
}

interface CommandEvent {
  completed(): void;
}

/** What the commands need from Office, so tests can run them without Excel. */
export interface CommandEnvironment {
  actions: () => AppActions;
  showTaskpane: () => Promise<void>;
  dispatch: (navigation: CommandNavigation) => void;
}

function defaultEnvironment(): CommandEnvironment {
  let actions: AppActions | undefined;
  return {
    actions: () => {
      actions ??= createActions(new OfficeHost());
      return actions;
    },
    showTaskpane: () => Office.addin.showAsTaskpane(),
    dispatch: (navigation) => {
      pending = navigation;
      globalThis.dispatchEvent?.(new CustomEvent(NAVIGATE_EVENT, { detail: navigation }));
    },
  };
}

const failure = (error: unknown): Bilingual =>
  error instanceof ActionError
    ? error.text
    : {
        vi: `Không thực hiện được: ${error instanceof Error ? error.message : String(error)}`,
        en: `Could not run: ${error instanceof Error ? error.message : String(error)}`,
      };

/** The handlers, by the FunctionName the manifest gives each button. */
export function commandHandlers(
  env: CommandEnvironment,
): Record<string, (event: CommandEvent) => Promise<void>> {
  /** Shows the pane; if it cannot open, the reason waits for it (the pane reads it when it next mounts). */
  const show = async (view: CommandView) => {
    try {
      await env.showTaskpane();
    } catch (error) {
      env.dispatch({ view, error: failure(error) });
    }
  };
  const open = (view: CommandView) => async (event: CommandEvent) => {
    try {
      env.dispatch({ view });
      await show(view);
    } finally {
      event.completed();
    }
  };
  const run =
    (view: CommandView, action: (actions: AppActions) => Promise<unknown>) => async (event: CommandEvent) => {
      try {
        try {
          const report = await action(env.actions());
          env.dispatch({ view, report });
        } catch (error) {
          env.dispatch({ view, error: failure(error) });
        }
        // The result (or the reason it failed) is shown in the pane either way.
        await show(view);
      } finally {
        event.completed();
      }
    };
  return {
    thiduaNew: open('create'),
    thiduaCheck: run('check', (a) => a.check()),
    thiduaCompute: run('compute', (a) => a.compute()),
    thiduaAwards: open('awards'),
    thiduaExport: open('awards'),
    thiduaYearEnd: open('yearEnd'),
  };
}

/** Registers the handlers once Office is ready (only inside Office: Office.actions exists there). */
export function registerCommands(env: CommandEnvironment = defaultEnvironment()): void {
  for (const [name, handler] of Object.entries(commandHandlers(env))) Office.actions.associate(name, handler);
}

const office = (globalThis as { Office?: typeof Office }).Office;
if (office?.onReady) {
  void office.onReady(() => {
    if (office.actions) registerCommands();
  });
}
