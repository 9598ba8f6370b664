// The study's numbers, in one place, each with where it comes from.
//
// Study: B. Laufer, H. Oderinwale, J. Kleinberg, "Anatomy of a Machine Learning Ecosystem: 2 Million
// Models on Hugging Face", arXiv 2508.06811 (2025). Snapshot of 1,860,411 models (July 2025).
// The paper's full text was not available; figures come from the authors' analysis repository
// github.com/bendlaufer/ai-ecosystem at 9d172b3 ("code output" = a notebook cell output, "figure" = read
// off the authors' PNG figures, about ±3% on lengths) and from the paper's abstract and a paraphrase.
// See docs in the project's shared notes (paper-findings.md §1–6) for the derivations.

import { isRelation } from '../hub/parse';
import type { Relation } from '../hub/types';
import type { StudyFigure } from './types';

const REPO = 'authors\' analysis code, github.com/bendlaufer/ai-ecosystem @9d172b3';

/** The study's mutation rate: mean over edges of (|union| − |intersection|) / |union| of the two trait sets. */
export const STUDY_MUTATION_DEFINITION =
  'per edge, (size of union − size of intersection) / size of union of parent and child values, averaged over edges where both sides have a value';

export const LICENSE_MUTATION_FINETUNE: StudyFigure = {
  value: 27409.5 / 138694,
  display: '19.8%',
  scope: 'fine-tune edges where both sides have a license, n = 138,694',
  source: `${REPO}, orderings_analysis.ipynb output (27,409.5 / 138,694)`,
};

export const LANGUAGE_MUTATION_FINETUNE: StudyFigure = {
  value: 11458.4 / 47369,
  display: '24.2%',
  scope: 'fine-tune edges where both sides list a language, n = 47,369 (the paper text quotes 12.8%)',
  source: `${REPO}, orderings_analysis.ipynb output (11,458.4 / 47,369)`,
};

export const TASK_MUTATION_FINETUNE: StudyFigure = {
  value: 55307 / 134711,
  display: '41.1%',
  scope: 'fine-tune edges where both sides have a pipeline tag, n = 134,711',
  source: `${REPO}, orderings_analysis.ipynb output (55,307 / 134,711)`,
};

/** Mean languages listed, parent → child, edges where both list at least one. */
export const MEAN_LANGUAGES_ALL: StudyFigure = {
  parentValue: 6.6,
  value: 1.81,
  display: '6.60 → 1.81 languages',
  scope: 'all edge types where both list a language, n ≈ 115,600',
  source: `${REPO}, numerical_drifts.ipynb output`,
};

const MEAN_LANGUAGES_BY_RELATION: Record<Relation, StudyFigure> = {
  finetune: {
    parentValue: 12.3,
    value: 1.5,
    display: '≈12.3 → ≈1.5 languages',
    scope: 'fine-tune edges where both list a language, n = 47,369',
    source: `${REPO}, figure number_of_compatible_languages.png (read off the chart)`,
  },
  quantized: {
    parentValue: 2.95,
    value: 2.55,
    display: '≈2.95 → ≈2.55 languages',
    scope: 'quantized edges where both list a language, n = 41,222',
    source: `${REPO}, figure number_of_compatible_languages.png (read off the chart)`,
  },
  adapter: {
    parentValue: 2.2,
    value: 1.05,
    display: '≈2.2 → ≈1.05 languages',
    scope: 'adapter edges where both list a language, n = 23,728',
    source: `${REPO}, figure number_of_compatible_languages.png (read off the chart)`,
  },
  merge: {
    parentValue: 1.67,
    value: 1.93,
    display: '≈1.67 → ≈1.93 languages',
    scope: 'merge edges where both list a language, n = 3,299',
    source: `${REPO}, figure number_of_compatible_languages.png (read off the chart)`,
  },
};

/** Mean card length in characters (whole README incl. YAML), parent → child; value = child mean. */
export const MEAN_CARD_LENGTH_ALL: StudyFigure = {
  parentValue: 9773,
  value: 4402,
  display: '9,773 → 4,402 characters (child/parent ≈ 0.45)',
  scope: 'all edge types where both have a card, n = 558,385',
  source: `${REPO}, numerical_drifts.ipynb output`,
};

const MEAN_CARD_LENGTH_BY_RELATION: Record<Relation, StudyFigure> = {
  finetune: {
    parentValue: 12100,
    value: 4800,
    display: '≈12.1K → ≈4.8K characters (≈0.40)',
    scope: 'fine-tune edges where both have a card, n = 185,532',
    source: `${REPO}, figure model_card_length_and_auto_generated.png (read off the chart)`,
  },
  adapter: {
    parentValue: 9000,
    value: 4100,
    display: '≈9.0K → ≈4.1K characters (≈0.45)',
    scope: 'adapter edges where both have a card, n = 235,040',
    source: `${REPO}, figure model_card_length_and_auto_generated.png (read off the chart)`,
  },
  quantized: {
    parentValue: 8500,
    value: 5100,
    display: '≈8.5K → ≈5.1K characters (≈0.59)',
    scope: 'quantized edges where both have a card, n = 98,505',
    source: `${REPO}, figure model_card_length_and_auto_generated.png (read off the chart)`,
  },
  merge: {
    parentValue: 5900,
    value: 3400,
    display: '≈5.9K → ≈3.4K characters (≈0.59)',
    scope: 'merge edges where both have a card, n = 39,308',
    source: `${REPO}, figure model_card_length_and_auto_generated.png (read off the chart)`,
  },
};

/** Share of cards containing "automatically generated" / "generated automatically", parent → child. */
export const AUTO_GENERATED_ALL: StudyFigure = {
  parentValue: 0.04,
  value: 0.29,
  display: '≈4% → ≈29% of cards',
  scope: 'all edge types',
  source: `${REPO}, numerical_drifts.ipynb output and figure model_card_length_and_auto_generated.png`,
};

const AUTO_GENERATED_BY_RELATION: Record<Relation, StudyFigure> = {
  finetune: {
    parentValue: 0.05,
    value: 0.5,
    display: '≈5% → ≈50% of cards',
    scope: 'fine-tune edges',
    source: `${REPO}, figure model_card_length_and_auto_generated.png (read off the chart)`,
  },
  adapter: {
    parentValue: 0.02,
    value: 0.29,
    display: '≈2% → ≈29% of cards',
    scope: 'adapter edges',
    source: `${REPO}, figure model_card_length_and_auto_generated.png (read off the chart)`,
  },
  quantized: {
    parentValue: 0.08,
    value: 0.005,
    display: '≈8% → ≈0.5% of cards',
    scope: 'quantized edges',
    source: `${REPO}, figure model_card_length_and_auto_generated.png (read off the chart)`,
  },
  merge: {
    parentValue: 0.04,
    value: 0,
    display: '≈4% → ≈0% of cards',
    scope: 'merge edges',
    source: `${REPO}, figure model_card_length_and_auto_generated.png (read off the chart)`,
  },
};

/** Card length figure for a relation, falling back to all edge types. */
export function studyCardLength(relation: unknown): StudyFigure {
  return isRelation(relation) ? MEAN_CARD_LENGTH_BY_RELATION[relation] : MEAN_CARD_LENGTH_ALL;
}

export function studyAutoGenerated(relation: unknown): StudyFigure {
  return isRelation(relation) ? AUTO_GENERATED_BY_RELATION[relation] : AUTO_GENERATED_ALL;
}

export function studyMeanLanguages(relation: unknown): StudyFigure {
  return isRelation(relation) ? MEAN_LANGUAGES_BY_RELATION[relation] : MEAN_LANGUAGES_ALL;
}

/**
 * Similarity of family members (authors' figures *_finetune_*_aug4.png, trio pattern: a parent and two
 * of its children). Text similarity of the metadata record and of the card's first 512 characters.
 */
export const SIMILARITY_FIGURES: StudyFigure[] = [
  {
    parentValue: 0.662,
    value: 0.837,
    display: 'metadata TF-IDF cosine: parent–child 0.66, siblings 0.84',
    scope: 'fine-tune trios (parent + 2 children), about 500 draws',
    source: `${REPO}, figure *_finetune_tfidf_aug4.png (read off the chart, ±0.01)`,
  },
  {
    parentValue: 0.536,
    value: 0.747,
    display: 'metadata Levenshtein similarity: parent–child 0.54, siblings 0.75',
    scope: 'fine-tune trios (parent + 2 children), about 500 draws',
    source: `${REPO}, figure *_finetune_levenshtein_aug4.png (read off the chart, ±0.01)`,
  },
  {
    parentValue: 0.227,
    value: 0.729,
    display: 'card (first 512 characters) Levenshtein similarity: parent–child 0.23, siblings 0.73',
    scope: 'fine-tune trios, cards ≥ 512 characters and not auto-generated, about 1,000 draws',
    source: `${REPO}, figure *_finetune_levenshtein_aug4.png (read off the chart, ±0.01)`,
  },
];

/**
 * The study's optimal weighted ordering of the top-10 tasks, upstream → downstream (fine-tune edges;
 * consistent with 30 of 32 oriented edges). Source: orderings_analysis.ipynb output.
 */
export const STUDY_TASK_ORDER = [
  'fill-mask',
  'feature-extraction',
  'automatic-speech-recognition',
  'question-answering',
  'text-generation',
  'text-to-image',
  'image-classification',
  'text-classification',
  'reinforcement-learning',
  'token-classification',
] as const;
