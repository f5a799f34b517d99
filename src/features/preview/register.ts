import * as vscode from 'vscode';
import type { MarkdownIt } from 'markdown-it';
import { glossaryPreviewPlugin } from '../../core/glossary/previewPlugin';
import type { ContentService } from '../content/contentService';
import { plainText } from '../glossary/register';

/**
 * VS Code's Markdown preview asks every extension that contributes `markdown.markdownItPlugins` for this
 * function. Terms are marked with the hover's matcher and honour the hover's settings for Markdown.
 */
export function previewExtender(content: ContentService): (md: MarkdownIt) => MarkdownIt {
  let asked = false;
  return (md: MarkdownIt) => {
    glossaryPreviewPlugin(md, {
      index: () => {
        const c = content.peek();
        if (!c && !asked) {
          // The first preview may come before the packs are loaded: load them, then draw the preview again.
          asked = true;
          void content.get().then(() => vscode.commands.executeCommand('markdown.preview.refresh'));
        }
        return c?.terms;
      },
      enabled: () => {
        const config = vscode.workspace.getConfiguration('studyDeck.hover', { languageId: 'markdown' });
        return config.get<boolean>('enabled', true) && !config.get<string[]>('excludedLanguages', []).includes('markdown');
      },
      describe: (term) => `${term.term}${term.expansion ? ` (${term.expansion})` : ''}: ${plainText(term.definition)}`,
    });
    return md;
  };
}
