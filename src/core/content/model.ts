/** The immutable content model every feature reads. Built by the loader from pack files. */

export interface ExamProfile {
  readonly questions: number;
  readonly minutes: number;
  readonly passScore: number;
  readonly maxScore: number;
}

export interface Domain {
  readonly id: string;
  readonly title: string;
  /** A short title for narrow places such as the tree; the full title is in the tooltip. */
  readonly short?: string;
  readonly weight: number;
}

/** Where an entity was defined, so features can point at it (0-based line). */
export interface SourceRef {
  readonly file: string;
  readonly line: number;
}

export interface Option {
  readonly text: string;
  readonly correct: boolean;
  readonly why: string;
}

export type QuestionType = 'single' | 'multiple' | 'ordering' | 'matching';

/** One step of an ordering question; the pack lists them in the right order. */
export interface OrderItem {
  readonly text: string;
  readonly why: string;
}

/** A prompt of a matching question with its right response. */
export interface MatchPair {
  readonly prompt: string;
  readonly response: string;
  readonly why: string;
}

/** An extra response of a matching question that fits no prompt. */
export interface Distractor {
  readonly text: string;
  readonly why: string;
}

interface QuestionBase {
  readonly id: string;
  /** Progress is keyed on this: `<pack id>/<question id>`. */
  readonly key: string;
  readonly prompt: string;
  readonly explanation: string;
  readonly terms: readonly string[];
  readonly topicId: string;
  readonly domainId: string;
  readonly packId: string;
  /** Exam guide task statement of the topic, e.g. "3.2". */
  readonly task?: string;
  /** Set when the question belongs to a case study: `<pack id>/<case id>`. */
  readonly caseKey?: string;
  readonly source: SourceRef;
}

/** Multiple choice (one right option) or multiple response (two or more). */
export interface ChoiceQuestion extends QuestionBase {
  readonly type: 'single' | 'multiple';
  readonly options: readonly Option[];
}

/**
 * Put 3–5 items in order. Answers are item indexes in the order the learner placed them; right only when
 * every item is in its place (no partial credit, as on the exam).
 */
export interface OrderingQuestion extends QuestionBase {
  readonly type: 'ordering';
  /** In the right order. */
  readonly items: readonly OrderItem[];
}

/**
 * Pair 3–7 prompts with responses. Responses are indexed pairs first, then distractors; an answer gives, per
 * prompt, the index of the response chosen (-1 for none yet). Right only when every pair is.
 */
export interface MatchingQuestion extends QuestionBase {
  readonly type: 'matching';
  readonly pairs: readonly MatchPair[];
  readonly distractors: readonly Distractor[];
}

export type Question = ChoiceQuestion | OrderingQuestion | MatchingQuestion;

/** One scenario shared by two or more questions, each scored on its own. */
export interface CaseStudy {
  readonly id: string;
  /** `<pack id>/<case id>`. */
  readonly key: string;
  readonly title: string;
  /** Markdown. */
  readonly scenario: string;
  /** Keys of its questions, in order; the questions themselves are in the topic's list. */
  readonly questionKeys: readonly string[];
  readonly topicId: string;
  readonly packId: string;
  readonly source: SourceRef;
}

export interface Topic {
  readonly id: string;
  readonly title: string;
  /** A short title for narrow places such as the tree; the full title is in the tooltip. */
  readonly short?: string;
  readonly domainId: string;
  readonly task?: string;
  readonly notes: string;
  /** Every question of the topic; a case study's questions follow the others, together and in order. */
  readonly questions: readonly Question[];
  readonly cases: readonly CaseStudy[];
  /** Where the notes' facts come from (URLs). */
  readonly sources: readonly string[];
  /** When the notes were last checked against their sources, YYYY-MM. */
  readonly reviewed?: string;
  readonly packId: string;
  readonly source: SourceRef;
}

export interface ConfusedWith {
  readonly id: string;
  readonly difference?: string;
}

export interface Term {
  readonly id: string;
  readonly term: string;
  readonly expansion?: string;
  readonly aliases: readonly string[];
  readonly definition: string;
  readonly confusedWith: readonly ConfusedWith[];
  readonly topicId?: string;
  readonly packId: string;
  readonly source: SourceRef;
}

/** An exam guide task statement, e.g. { id: "3.2", title: "Choose effective prompt engineering techniques." }. */
export interface Task {
  readonly id: string;
  readonly title: string;
  readonly domainId?: string;
}

export type PackOrigin = 'builtin' | 'workspace';

export interface Pack {
  readonly id: string;
  readonly title: string;
  /** A short title for the topics tree, where the full one is cut off; the full title is in the tooltip. */
  readonly short?: string;
  readonly version: number;
  readonly description?: string;
  readonly exam?: ExamProfile;
  readonly domains: readonly Domain[];
  readonly tasks: readonly Task[];
  readonly topics: readonly Topic[];
  readonly terms: readonly Term[];
  readonly origin: PackOrigin;
  /** Absolute path of the pack folder. */
  readonly root: string;
}

/** 0-based positions, as editors use them. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export type Severity = 'error' | 'warning' | 'info';

export interface Problem {
  readonly file: string;
  readonly range: Range;
  readonly severity: Severity;
  /** Stable code, documented in the README. */
  readonly code: ProblemCode;
  readonly message: string;
}

export type ProblemCode =
  | 'yaml-syntax'
  | 'duplicate-key'
  | 'empty-file'
  | 'missing-pack-file'
  | 'wrong-type'
  | 'unknown-field'
  | 'missing-field'
  | 'invalid-id'
  | 'invalid-value'
  | 'duplicate-id'
  | 'id-file-mismatch'
  | 'no-correct-option'
  | 'single-many-correct'
  | 'multiple-too-few-correct'
  | 'too-few-options'
  | 'choose-count-mismatch'
  | 'missing-why'
  | 'unknown-term'
  | 'unknown-topic'
  | 'unknown-domain'
  | 'domain-weights'
  | 'unreadable-file'
  | 'missing-notes'
  | 'field-not-for-type'
  | 'ordering-item-count'
  | 'matching-pair-count'
  | 'duplicate-text'
  | 'case-too-few-questions'
  | 'empty-scenario'
  | 'unknown-task'
  | 'invalid-source'
  | 'invalid-date';
