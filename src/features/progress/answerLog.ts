import * as vscode from 'vscode';
import type { AnswerEvent } from '../../core/quiz/session';

/**
 * Where every answer goes. For now answers are kept for the session only; the progress store
 * (durable, FSRS-scheduled) replaces this behind the same interface.
 */
export interface AnswerSink {
  record(event: AnswerEvent): void;
  readonly onDidRecord: vscode.Event<AnswerEvent>;
}

export class InMemoryAnswerLog implements AnswerSink, vscode.Disposable {
  readonly events: AnswerEvent[] = [];
  private readonly emitter = new vscode.EventEmitter<AnswerEvent>();
  readonly onDidRecord = this.emitter.event;

  record(event: AnswerEvent): void {
    this.events.push(event);
    this.emitter.fire(event);
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
