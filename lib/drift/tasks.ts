// Tasks (pipeline_tag) and their place in the study's upstream → downstream ordering.

import { STUDY_TASK_ORDER } from './study';
import type { TaskMove, TaskMoveKind, TaskStage } from './types';

/**
 * The study's three stages ("recapitulates the ML lifecycle"): low-level/feature tasks, then
 * generation/"translation" between modalities, then classification and RL. Membership follows the
 * authors' colour groups; ASR sits upstream as in their top-10 order. Tasks outside these lists are
 * "unplaced" rather than guessed.
 */
const STAGE_OF_TASK: Readonly<Record<string, TaskStage>> = {
  'fill-mask': 'features',
  'feature-extraction': 'features',
  'sentence-similarity': 'features',
  'automatic-speech-recognition': 'features',
  'any-to-any': 'generation',
  'image-text-to-text': 'generation',
  'text-to-speech': 'generation',
  translation: 'generation',
  'question-answering': 'generation',
  summarization: 'generation',
  'text-generation': 'generation',
  'text-to-image': 'generation',
  'image-to-text': 'generation',
  'audio-to-audio': 'generation',
  'image-classification': 'classification',
  'text-classification': 'classification',
  'audio-classification': 'classification',
  'video-classification': 'classification',
  'token-classification': 'classification',
  'object-detection': 'classification',
  'reinforcement-learning': 'classification',
};

export const TASK_STAGE_LABELS: Readonly<Record<TaskStage, string>> = {
  features: 'features & embeddings (upstream)',
  generation: 'generation',
  classification: 'classification & RL (downstream)',
};

const STAGE_INDEX: Readonly<Record<TaskStage, number>> = { features: 0, generation: 1, classification: 2 };

export function taskStage(task: string | undefined): TaskStage | undefined {
  return task !== undefined && Object.prototype.hasOwnProperty.call(STAGE_OF_TASK, task) ? STAGE_OF_TASK[task] : undefined;
}

/** 1-based place in the study's top-10 order, or undefined. */
export function taskPosition(task: string | undefined): number | undefined {
  if (task === undefined) return undefined;
  const index = (STUDY_TASK_ORDER as readonly string[]).indexOf(task);
  return index < 0 ? undefined : index + 1;
}

export function describeTask(task: string | undefined): string {
  if (task === undefined) return 'not stated';
  const stage = taskStage(task);
  const position = taskPosition(task);
  const where = [
    stage ? `stage: ${TASK_STAGE_LABELS[stage]}` : 'not placed in the study\'s ordering',
    position ? `#${position} of the study's top-10 order` : undefined,
  ].filter(Boolean);
  return `${task} (${where.join('; ')})`;
}

/**
 * Forward = downstream in the study's ordering (e.g. fill-mask → text-classification). Both tasks in
 * the top-10 order: compared by position; otherwise by stage; same stage = sideways.
 */
export function compareTasks(parent: string | undefined, child: string | undefined): TaskMove {
  const parentStage = taskStage(parent);
  const childStage = taskStage(child);
  const base = { parentTask: parent, childTask: child, parentStage, childStage };
  const move = (kind: TaskMoveKind, summary: string): TaskMove => ({ kind, ...base, summary });
  if (parent === undefined && child === undefined) return move('none', 'Neither states a task.');
  if (parent === undefined) return move('added', `The parent states no task; the child is ${child}.`);
  if (child === undefined) return move('removed', `The child states no task; the parent was ${parent}.`);
  if (parent === child) return move('same', `Same task: ${child}.`);
  const pp = taskPosition(parent);
  const cp = taskPosition(child);
  let kind: TaskMoveKind;
  if (pp !== undefined && cp !== undefined) kind = cp > pp ? 'forward' : 'backward';
  else if (parentStage !== undefined && childStage !== undefined) {
    const delta = STAGE_INDEX[childStage] - STAGE_INDEX[parentStage];
    kind = delta > 0 ? 'forward' : delta < 0 ? 'backward' : 'sideways';
  } else kind = 'unplaced';
  const text = {
    forward: 'moved downstream, the usual direction in the study',
    backward: 'moved upstream, against the usual direction in the study',
    sideways: 'changed within the same stage of the study\'s ordering',
    unplaced: 'changed; the study\'s ordering does not place one of these tasks',
  } as const;
  return move(kind, `Task ${parent} → ${child}: ${text[kind as keyof typeof text]}.`);
}
