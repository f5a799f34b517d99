import * as assert from 'node:assert/strict';
import { term } from './helpers';
import { TermIndex } from '../../src/core/glossary/termIndex';

const index = new TermIndex([
  term('peft', 'PEFT', ['parameter-efficient fine-tuning']),
  term('rlhf', 'RLHF'),
  term('rouge', 'ROUGE'),
  term('llm', 'LLM', ['large language model']),
  term('canvas', 'Amazon SageMaker Canvas', ['SageMaker Canvas', 'Canvas']),
  term('sagemaker', 'Amazon SageMaker AI', ['SageMaker', 'Amazon SageMaker']),
  term('fm', 'foundation model'),
  term('self-attention', 'self-attention'),
  term('vector-db', 'vector database'),
  term('policy', 'policy'),
  term('kms', 'AWS KMS'),
  term('encoder', 'encoder'),
  term('zurich', 'Zürich model'),
]);

/** `line` with the cursor marked by |, and the matched text expected (undefined: no hover). */
const table: [string, string, string | undefined, string?][] = [
  ['acronym', 'We used |PEFT here.', 'PEFT', 'peft'],
  ['acronym is case-sensitive', 'we used |peft here', undefined],
  ['acronym is not a word in prose', 'the |rouge of her cheeks', undefined],
  ['acronym plural', 'Most |LLMs are decoders.', 'LLMs', 'llm'],
  ['bold Markdown', 'Use **|PEFT** first.', 'PEFT', 'peft'],
  ['inline code', 'set `|RLHF` on', 'RLHF', 'rlhf'],
  ['parentheses', 'a metric (|ROUGE) for summaries', 'ROUGE', 'rouge'],
  ['hyphen suffix', 'report |ROUGE-L too', 'ROUGE', 'rouge'],
  ['identifier with underscore is not the term', 'const |peft_config = 1', undefined],
  ['identifier with underscore, upper case', 'PEFT_|CONFIG', undefined],
  ['multi-word wins over its part (cursor on the part)', 'Try Amazon SageMaker |Canvas today', 'Amazon SageMaker Canvas', 'canvas'],
  ['multi-word wins (cursor on the first word)', 'Try |Amazon SageMaker Canvas today', 'Amazon SageMaker Canvas', 'canvas'],
  ['shorter alias when alone', 'open |Canvas now', 'Canvas', 'canvas'],
  ['two-word alias over one-word alias', 'in |SageMaker Canvas', 'SageMaker Canvas', 'canvas'],
  ['SageMaker alone is SageMaker', 'deploy on |SageMaker endpoints', 'SageMaker', 'sagemaker'],
  ['phrase in any case', 'A Large |Language Model answers', 'Large Language Model', 'llm'],
  ['phrase plural', 'Many |foundation models exist', 'foundation models', 'fm'],
  ['phrase plural -y → -ies', 'Two |policies apply', 'policies', 'policy'],
  ['hyphenated term', 'the |self-attention layer', 'self-attention', 'self-attention'],
  ['hyphenated term, cursor after the hyphen', 'the self-|attention layer', 'self-attention', 'self-attention'],
  ['hyphenated alias matches with a space too', 'parameter efficient |fine tuning', 'parameter efficient fine tuning', 'peft'],
  ['words joined by a comma do not make a phrase', 'vector, |database', undefined],
  ['acronym phrase is case-sensitive', 'use |AWS KMS keys', 'AWS KMS', 'kms'],
  ['acronym phrase in lower case is not a match', 'use aws |kms keys', undefined],
  ['non-ASCII text around a term', 'Größe: |PEFT für alle', 'PEFT', 'peft'],
  ['non-ASCII inside a term', 'das |Zürich Model', 'Zürich Model', 'zurich'],
  ['non-ASCII letter glued to an acronym is not a match', 'ßPEF|T', undefined],
  ['a word that is not a term', 'plain |words only', undefined],
  ['cursor on whitespace', 'PEFT| and', undefined],
  ['term that is a prefix of a longer word', '|encoders and |encoderless', 'encoders', 'encoder'],
  ['longer word containing the term', 'an |encoderless design', undefined],
  ['vector database plural', 'three |vector databases', 'vector databases', 'vector-db'],
];

describe('term index: findTermAt', () => {
  for (const [name, marked, expected, id] of table) {
    it(name, () => {
      const column = marked.indexOf('|');
      const line = marked.slice(0, column) + marked.slice(column + 1).replace(/\|/g, '');
      const m = index.findTermAt(line, column);
      assert.equal(m?.text, expected, `in "${line}" at ${column}`);
      if (expected) {
        assert.equal(m?.term.id, id);
        assert.equal(line.slice(m!.start, m!.end), expected, 'range covers the matched text');
        assert.ok(m!.start <= column && column < m!.end, 'range contains the cursor');
      }
    });
  }

  it('finds a term at the end of a 100,000-character line and in the middle of one', () => {
    const long = 'x'.repeat(50_000) + ' PEFT ' + 'y'.repeat(50_000) + ' RLHF';
    assert.equal(index.findTermAt(long, 50_002)?.term.id, 'peft');
    assert.equal(index.findTermAt(long, long.length - 2)?.term.id, 'rlhf');
    assert.equal(index.findTermAt(long, 10)?.term, undefined);
  });

  it('does not see a term inside a word longer than the look-around window', () => {
    const line = 'a'.repeat(200) + 'PEFT' + 'b'.repeat(200);
    assert.equal(index.findTermAt(line, 201), undefined);
  });

  it('keeps the first of two terms with the same text (workspace packs come first)', () => {
    const i = new TermIndex([{ ...term('peft', 'PEFT'), packId: 'mine' }, term('peft', 'PEFT')]);
    assert.equal(i.findTermAt('PEFT', 0)?.term.packId, 'mine');
  });

  it('returns nothing for columns outside the line', () => {
    assert.equal(index.findTermAt('PEFT', -1), undefined);
    assert.equal(index.findTermAt('PEFT', 4), undefined);
    assert.equal(index.findTermAt('', 0), undefined);
  });
});
