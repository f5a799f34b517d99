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

export type QuestionType = 'single' | 'multiple';

export interface Question {
  readonly id: string;
  /** Progress is keyed on this: `<pack id>/<question id>`. */
  readonly key: string;
  readonly type: QuestionType;
  readonly prompt: string;
  readonly options: readonly Option[];
  readonly explanation: string;
  readonly terms: readonly string[];
  readonly topicId: string;
  readonly domainId: string;
  readonly packId: string;
  readonly source: SourceRef;
}

export interface Topic {
  readonly id: string;
  readonly title: string;
  readonly domainId: string;
  readonly task?: string;
  readonly notes: string;
  readonly questions: readonly Question[];
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

export type PackOrigin = 'builtin' | 'workspace';

export interface Pack {
  readonly id: string;
  readonly title: string;
  readonly version: number;
  readonly description?: string;
  readonly exam?: ExamProfile;
  readonly domains: readonly Domain[];
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
  | 'unreadable-file';
