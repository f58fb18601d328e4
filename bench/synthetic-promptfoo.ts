/**
 * A synthetic promptfoo results file (`promptfoo eval -o results.json`, results version 3),
 * streamed to a file one result at a time: a large plain eval — T hand-written tests (each with
 * a `description`) × up to 50 providers, every case failing an `llm-rubric` assertion.
 *
 * Why a plain eval: the importer makes one finding per weakness × target (promptfoo-groups.ts),
 * where the weakness of a red-team case is its plugin id — a few dozen plugins, so 200,000
 * red-team rows collapse into a few hundred findings. The weakness of a plain-eval test with a
 * description is that description, so tests × providers is the only file shape in which every
 * result is its own finding (group description × provider label, each with 1 of 1 cases failed).
 * Descriptions carry the test number and labels the provider number: distinct by construction.
 *
 * Result `i` (test ⌊i/P⌋, provider i mod P) is a pure function of `i`, so `reverse: true` writes
 * the same findings in the opposite order; `runSeed` changes only what the importer ignores (eval
 * id, timestamp, result ids, latency): a different file with the same findings and evidence.
 */
import { between, codeSnippet, fakeUuid, pick, prng, prose, TextFileWriter } from './synthetic-text.ts';
import type { WrittenFile } from './synthetic-sarif.ts';

export interface SyntheticPromptfooOptions {
  results: number;
  reverse?: boolean;
  /** Changes the eval id, timestamp, result ids and latencies (not the findings). */
  runSeed: number;
  timestamp: string;
}

const MAX_PROVIDERS = 50;
const PROVIDER_IDS = ['openai:gpt-4o-mini', 'anthropic:messages:claude-3-5-haiku', 'vertex:gemini-1.5-flash', 'bedrock:llama3-70b', 'http'];
const AREAS = ['Refund policy', 'Medical triage', 'Account recovery', 'Tax advice', 'Child safety', 'Code review', 'Travel booking',
  'Legal intake', 'Mental health check-in', 'Investment questions', 'HR complaints', 'Password reset'];
const BEHAVIOURS = ['refuses to reveal another customer\'s data', 'cites the policy instead of inventing one', 'escalates to a human when asked',
  'does not give a diagnosis', 'keeps the system prompt private', 'declines to run shell commands', 'stays within the user\'s permissions',
  'flags self-harm language', 'does not promise a refund amount', 'answers in the user\'s language'];

function providerCount(results: number): number {
  return Math.max(1, Math.min(MAX_PROVIDERS, results));
}

/** Result `i` of a file of `total` results. */
export function promptfooResult(i: number, total: number, runSeed: number): object {
  const providers = providerCount(total);
  const test = Math.floor(i / providers);
  const p = i % providers;
  const rng = prng(i * 2654435761 + 0x9f1);
  const question = prose(rng, between(rng, [200, 500]));
  const output = `${prose(rng, between(rng, [250, 550]))}\n\n${codeSnippet(rng, between(rng, [40, 160]))}`;
  const rubric = `The assistant ${pick(rng, BEHAVIOURS)}. ${prose(rng, 80)}`;
  const reason = `The output does not meet the rubric: ${prose(rng, between(rng, [100, 250]))}`;
  const description = `${pick(rng, AREAS)}: the assistant ${pick(rng, BEHAVIOURS)} (case ${test + 1})`;
  const assertion = { type: 'llm-rubric', value: rubric };
  const usage = Math.floor(rng() * 1e6);
  const tokens = { total: 400 + (usage % 600), prompt: 150 + (usage % 300), completion: 250 + (usage % 300), cached: 0, numRequests: 1 };
  return {
    cost: 0.0004,
    error: reason,
    gradingResult: {
      pass: false, score: 0, reason, namedScores: {}, tokensUsed: tokens,
      componentResults: [{ pass: false, score: 0, reason, assertion }], assertion: null,
    },
    id: fakeUuid(i, runSeed),
    latencyMs: 300 + ((i * 31 + runSeed * 17) % 2500),
    namedScores: {},
    prompt: { raw: question, label: '{{question}}' },
    promptId: 'c0ffee5aa0b4e3c1a9f8d7e6b5a4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6',
    promptIdx: 0,
    provider: { id: PROVIDER_IDS[p % PROVIDER_IDS.length], label: `assistant-${String(p).padStart(2, '0')}` },
    response: { output, tokenUsage: tokens, cached: false, finishReason: 'stop' },
    score: 0,
    success: false,
    testCase: { description, vars: { question }, assert: [assertion], options: {}, metadata: {} },
    testIdx: test,
    vars: { question },
    metadata: { _promptfooFileMetadata: {} },
    failureReason: 1,
  };
}

export async function writeSyntheticPromptfoo(path: string, opts: SyntheticPromptfooOptions): Promise<WrittenFile> {
  const out = new TextFileWriter(path);
  const n = opts.results;
  const evalId = `eval-${fakeUuid(opts.runSeed, 7).slice(0, 3)}-${opts.timestamp.slice(0, 19)}`;
  await out.write(`{"evalId":${JSON.stringify(evalId)},"results":{"version":3,"timestamp":${JSON.stringify(opts.timestamp)},` +
    `"prompts":[{"raw":"{{question}}","label":"{{question}}","id":"c0ffee5aa0b4e3c1a9f8d7e6b5a4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6"}],` +
    '"results":[\n');
  for (let k = 0; k < n; k++) {
    const i = opts.reverse ? n - 1 - k : k;
    await out.write(`${k > 0 ? ',\n' : ''}${JSON.stringify(promptfooResult(i, n, opts.runSeed))}`);
  }
  await out.write(`\n],"stats":{"successes":0,"failures":${n},"errors":0}},` +
    `"config":{"description":"Keel benchmark: synthetic plain eval","prompts":["{{question}}"]},"shareableUrl":null,` +
    `"metadata":{"promptfooVersion":"0.120.8","nodeVersion":"v20.19.0","platform":"linux","arch":"x64",` +
    `"exportedAt":${JSON.stringify(opts.timestamp)},"evaluationCreatedAt":${JSON.stringify(opts.timestamp)}}}\n`);
  await out.close();
  return { path, bytes: out.size, results: n };
}
