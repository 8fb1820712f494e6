import type { Command } from '../context';
import { checkCommand } from './check';
import { computeCommand } from './compute';
import { demoCommand } from './demo';
import { diffCommand } from './diff';
import { dossierCommand } from './dossier';
import { exportCommand } from './export';
import { finaliseCommand } from './finalise';
import { historyCommand } from './history';
import { mergeCommand } from './merge';
import { newCommand } from './new';
import { nextCommand } from './next';
import { nominateCommand } from './nominate';
import { rotateCommand } from './rotate';
import { rulesCommand } from './rules';
import { tallyCommand } from './tally';
import { unitsCommand } from './units';

/** In the order of ../shared/spec/cli.md. */
export const commands: Command[] = [
  checkCommand,
  computeCommand,
  nominateCommand,
  rotateCommand,
  tallyCommand,
  newCommand,
  exportCommand,
  mergeCommand,
  unitsCommand,
  rulesCommand,
  demoCommand,
  dossierCommand,
  finaliseCommand,
  diffCommand,
  nextCommand,
  historyCommand,
];
