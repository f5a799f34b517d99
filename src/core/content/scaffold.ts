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
# A short title for the sidebar; the full title is its tooltip.
short: First topic
domain: basics
# Where the notes' facts come from, and the month they were last checked against them.
sources:
  - https://en.wikipedia.org/wiki/API
reviewed: "2026-01"
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
    'topics/question-types.yaml': `id: question-types
title: Ordering, matching and case studies
domain: practice
notes: |
  ## More question types
  An "ordering" question lists its items in the right order; learners see them shuffled.
  A "matching" question pairs each prompt with its response; responses are shown shuffled, and
  distractors are extra responses that match no prompt. A case study shares one scenario between
  two or more questions. Every item, pair and distractor says why.
questions:
  - id: question-types-order
    type: ordering
    prompt: Put the steps of calling an API in order, first to last.
    items:
      - { text: Read the API's documentation, why: You need to know the endpoint and its parameters first. }
      - { text: Get credentials, why: Most APIs reject a request without a key or token. }
      - { text: Send the request, why: Once the endpoint and credentials are known the call can be made. }
      - { text: Handle the response, why: Only after the call returns is there a response to read. }
    explanation: Learn the contract, authenticate, call, then handle what comes back.
    terms: [api]
  - id: question-types-match
    type: matching
    prompt: Match each need with the tool that meets it.
    pairs:
      - { prompt: A contract between two programs, response: An API, why: The API defines requests and responses. }
      - { prompt: Libraries and samples for a platform, response: An SDK, why: An SDK bundles them around an API. }
      - { prompt: Turning source code into a program, response: A compiler, why: Compiling is its whole job. }
    distractors:
      - { text: A spreadsheet, why: It organises data; it is none of these tools. }
    explanation: Each tool has one job; the spreadsheet matches no need here.
    terms: [api, sdk]
cases:
  - id: weather-app
    title: A weather app
    scenario: |
      A small team is building a phone app that shows the local weather. A public weather service
      offers an API and an SDK for the team's language. The team has two weeks.
    questions:
      - id: weather-app-fastest-start
        type: single
        prompt: What gets the team calling the weather service soonest?
        options:
          - { text: The service's SDK, correct: true, why: Its libraries and samples wrap the API for them. }
          - { text: Writing their own HTTP client, why: It works but takes longer than using the SDK. }
          - { text: A compiler for another language, why: A compiler does not call services. }
        explanation: With two weeks, the SDK saves the most time.
        terms: [sdk]
      - id: weather-app-contract
        type: single
        prompt: What defines which requests the weather service accepts?
        options:
          - { text: The service's API, correct: true, why: The API is the contract for requests and responses. }
          - { text: The team's phone, why: The phone runs the app; it does not define the service's contract. }
          - { text: The SDK's samples, why: Samples show the API in use; they do not define it. }
        explanation: Whatever the tooling, the API is the contract.
        terms: [api]
`,
  };
}
