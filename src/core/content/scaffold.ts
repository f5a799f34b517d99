/** The files of a small, valid starter pack: what "New Pack" writes, relative to the pack folder. */
export function scaffoldPack(id: string, title: string): Record<string, string> {
  return {
    'pack.yaml': `# A Study Deck pack. The format is described in the Study Deck README ("Writing packs").
id: ${id}
title: ${JSON.stringify(title)}
version: 1
description: Replace this with one sentence about what the pack covers.
# The mock exam uses this profile; remove it if the pack is not for an exam.
exam: { questions: 10, minutes: 15, passScore: 700, maxScore: 1000 }
domains:
  - { id: basics, title: Basics, weight: 60 }
  - { id: practice, title: Practice, weight: 40 }
`,
    'glossary.yaml': `# Terms explained by the hover in any editor. Acronyms in capitals match only in capitals.
terms:
  - id: api
    term: API
    expansion: Application Programming Interface
    aliases: [application programming interface]
    definition: A defined way for one program to ask another for data or actions.
    confusedWith:
      - { id: sdk, difference: An SDK is a toolkit that often wraps an API; the API is the contract itself. }
    topic: first-topic
  - id: sdk
    term: SDK
    expansion: Software Development Kit
    definition: A bundle of libraries and tools for building software on a platform.
    topic: first-topic
`,
    'topics/first-topic.yaml': `id: first-topic
title: A first topic
domain: basics
notes: |
  ## What this topic covers
  Notes are Markdown. Mention glossary terms such as API and SDK and the hover explains them.
questions:
  # Question ids are stable: progress is keyed on them, so do not reuse an id for a new question.
  - id: first-topic-1
    type: single
    prompt: Which of these is the contract one program uses to ask another for data?
    options:
      - text: An API
        correct: true
        why: An API is exactly that contract.
      - text: An SDK
        why: An SDK is a toolkit that often wraps an API, not the contract itself.
      - text: A compiler
        why: A compiler translates source code; it does not define how programs talk.
    explanation: The API is the contract; SDKs and other tools are built around it.
    terms: [api, sdk]
`,
    'topics/second-topic.yaml': `id: second-topic
title: A second topic
domain: practice
notes: |
  ## Multiple response
  A "multiple" question has two or more correct options and says how many to choose.
questions:
  - id: second-topic-1
    type: multiple
    prompt: Which two are usually part of an SDK? (Choose two.)
    options:
      - text: Client libraries
        correct: true
        why: Libraries that call the platform are the heart of an SDK.
      - text: Documentation and samples
        correct: true
        why: SDKs ship documentation and examples so developers can start quickly.
      - text: The platform's production database
        why: An SDK talks to the platform; it does not contain its data.
      - text: A physical server
        why: An SDK is software, not hardware.
    explanation: An SDK bundles libraries, documentation and tools around an API.
    terms: [sdk, api]
`,
  };
}
