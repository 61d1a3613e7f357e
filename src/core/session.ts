/**
 * A quiz session as a state machine: the CLI asks for the current question, shows it, and hands
 * the chosen option back; the outcome it gets is what it saves before asking for the next one.
 */
import { isCorrectChoice, type Question } from './questions/question.js';

export interface Outcome {
  position: number;
  question: Question;
  /** Chosen option indexes (one, or several for "choose two"). */
  chosen: number[];
  correct: boolean;
  elapsedMs: number;
}

export interface Summary {
  answered: number;
  correct: number;
  total: number;
  /** Rounded percentage of answered questions that were right (0 when none were answered). */
  percent: number;
  missed: Outcome[];
}

export class QuizSession {
  private readonly outcomes: Outcome[] = [];

  constructor(readonly questions: readonly Question[]) {}

  /** The question to show next, or undefined when the quiz is over. */
  current(): Question | undefined {
    return this.questions[this.outcomes.length];
  }

  get position(): number {
    return this.outcomes.length;
  }

  get done(): boolean {
    return this.outcomes.length >= this.questions.length;
  }

  answer(chosen: number | readonly number[], elapsedMs: number): Outcome {
    const question = this.current();
    if (!question) throw new Error('the quiz is over');
    const picks = [...new Set(typeof chosen === 'number' ? [chosen] : chosen)].sort((a, b) => a - b);
    const bad = picks.find((c) => !Number.isInteger(c) || c < 0 || c >= question.options.length);
    if (bad !== undefined) throw new RangeError(`option ${bad} does not exist`);
    if (picks.length !== question.answers.length) throw new RangeError(`this question takes ${question.answers.length} option(s), got ${picks.length}`);
    const outcome: Outcome = {
      position: this.outcomes.length,
      question,
      chosen: picks,
      correct: isCorrectChoice(question, picks),
      elapsedMs,
    };
    this.outcomes.push(outcome);
    return outcome;
  }

  summary(): Summary {
    const correct = this.outcomes.filter((o) => o.correct).length;
    const answered = this.outcomes.length;
    return {
      answered,
      correct,
      total: this.questions.length,
      percent: answered === 0 ? 0 : Math.round((correct / answered) * 100),
      missed: this.outcomes.filter((o) => !o.correct),
    };
  }
}
