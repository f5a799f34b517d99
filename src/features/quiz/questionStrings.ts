import * as vscode from 'vscode';

/** Strings the quiz and exam webviews both need to show ordering, matching and case study questions. */
export function questionStrings(): Record<string, string> {
  return {
    orderHint: vscode.l10n.t('Put these in order, first to last.'),
    orderKeys: vscode.l10n.t('Drag an item, or select it and press Alt+Up or Alt+Down to move it. Up and Down move between items.'),
    orderList: vscode.l10n.t('Items, first to last'),
    moveUp: vscode.l10n.t('Move up: {0}'),
    moveDown: vscode.l10n.t('Move down: {0}'),
    movedTo: vscode.l10n.t('{0}: now in position {1} of {2}.'),
    itemAt: vscode.l10n.t('{0}, position {1} of {2}'),
    answerOrder: vscode.l10n.t('Answer with this order'),
    matchHint: vscode.l10n.t('Choose the response that matches each prompt. Each response is used once: to give one to another prompt, first choose something else where it is used.'),
    chooseResponse: vscode.l10n.t('Choose a response…'),
    usedFor: vscode.l10n.t('{0} (matched with: {1})'),
    caseStudy: vscode.l10n.t('Case study: {0}'),
    casePart: vscode.l10n.t('question {0} of {1}'),
    partsOrdering: vscode.l10n.t('{0} of {1} in the right place.'),
    partsMatching: vscode.l10n.t('{0} of {1} pairs right.'),
    allOrNothing: vscode.l10n.t('Only an answer right in full counts, as on the exam.'),
    rightOrder: vscode.l10n.t('The right order'),
    youPut: vscode.l10n.t('you put it {0}'),
    inPlace: vscode.l10n.t('in place'),
    rightPairs: vscode.l10n.t('The right pairs'),
    yourMatch: vscode.l10n.t('your answer: {0}'),
    noMatch: vscode.l10n.t('no answer'),
    distractors: vscode.l10n.t('Responses that match no prompt'),
    ...termStrings(),
  };
}

/** The glossary tooltip's labels, for every webview that marks terms. */
export function termStrings(): Record<string, string> {
  return {
    confusedWith: vscode.l10n.t('Often confused with'),
    termOpenHint: vscode.l10n.t('Click or press Enter for the whole entry; Escape closes this.'),
  };
}
