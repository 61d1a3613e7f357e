/** `- ? situation => Service`: which service fits; wrong options are nearby answers and terms. */

import { loc, splitArrow } from '../parse/inline.js';
import { phrase } from '../phrases.js';
import { choiceQuestion, trueFalseQuestion } from '../questions/build.js';
import { type Candidate, nearbyTiers, pickDistractors, type Tier } from '../questions/distractors.js';
import { createRng } from '../random.js';
import { pick, slugify } from '../text.js';
import type { Deck, Fact, ScenarioFact } from '../types.js';
import { basicNote, factBase, type KindModule } from './kind.js';

/** Names other facts can offer: scenario answers and terms. */
function answerNames(facts: Fact[]): Candidate[] {
  const out: Candidate[] = [];
  for (const f of facts) {
    if (f.kind === 'scenario') out.push({ text: f.answer, source: f.id });
    else if (f.kind === 'term') out.push({ text: f.term, source: f.id });
  }
  return out;
}

const tiers = (deck: Deck, f: ScenarioFact): Tier[] => nearbyTiers(deck, f, answerNames);

export const scenario: KindModule<'scenario'> = {
  kind: 'scenario',
  style: 'fact',
  matches: (en) => /^\?\s/.test(en),

  parse(b, ctx) {
    const m = /^\?\s+(.*?)\s+=>\s+(.+)$/.exec(b.en);
    if (!m) {
      ctx.report(b.line, 'a scenario needs an answer: "? situation => Service"');
      return null;
    }
    const answer = (m[2] ?? '').trim();
    let koScenario: string | undefined;
    let koAnswer: string | undefined;
    if (b.ko !== undefined) {
      const [situation, service] = splitArrow(b.ko.replace(/^\?\s+/, ''));
      if (service === undefined) {
        ctx.report(b.line, 'the Korean scenario needs "=> answer" too');
        return null;
      }
      koScenario = situation;
      koAnswer = service;
    }
    const key = b.key ?? slugify(m[1] ?? '');
    // Assigned onto the base, not spread: see factBase.
    const fact: ScenarioFact = Object.assign(factBase(ctx, key, b.line), {
      kind: 'scenario' as const,
      scenario: loc(m[1]?.trim(), koScenario),
      answer: loc(answer, koAnswer ?? (koScenario !== undefined ? answer : undefined)),
    });
    return { fact, derivedKey: b.key === undefined };
  },

  languageParts: (f) => [{ what: `fact "${f.id}"`, line: f.line, text: f.scenario }],

  validate(deck, f, file) {
    if (pickDistractors(f.answer, tiers(deck, f), createRng(0), 2, f.avoid).length >= 2) return [];
    return [
      {
        file,
        line: f.line,
        severity: 'error',
        message: `fact "${f.id}": group #${f.groupId} is too small to give three options; add more answers (services) nearby`,
      },
    ];
  },

  shapes: () => [{ type: 'scenario' }],

  ask(deck, f, shape, rng) {
    if (shape.type !== 'scenario') return null;
    const d = pickDistractors(f.answer, tiers(deck, f), rng, 3, f.avoid);
    return choiceQuestion(
      deck,
      f,
      {
        kind: 'scenario',
        shape,
        prompt: phrase('scenario', { scenario: f.scenario }),
        answer: f.answer,
        distractors: d,
        explanation: scenario.summary(deck, f),
      },
      rng,
    );
  },

  trueFalse(deck, f, wantTrue, rng) {
    const explanation = scenario.summary(deck, f);
    if (wantTrue) return trueFalseQuestion(deck, f, 'tf', explanation, true, explanation);
    const [other] = pickDistractors(f.answer, tiers(deck, f), rng, 1, f.avoid);
    if (!other) return null;
    return trueFalseQuestion(deck, f, 'tf', phrase('scenarioClaim', { scenario: f.scenario, answer: other.text }), false, explanation, other.source);
  },

  summary: (_deck, f) => phrase('scenarioClaim', { scenario: f.scenario, answer: f.answer }),
  anki: (_deck, f, lang) => basicNote(pick(phrase('scenario', { scenario: f.scenario }), lang), pick(f.answer, lang)),
  sheet: (_deck, f) => ({ mark: 'scenario', text: f.scenario, detail: f.answer }),
};
