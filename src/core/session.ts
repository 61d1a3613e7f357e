/**
 * A quiz session as a state machine: the CLI asks for the current question, shows it, and hands
 * the chosen option back; the outcome it gets is what it saves before asking for the next one.
 */
import type { Question } from './questions.js';

export interface Outcome {
  position: number;
  question: Question;
  chosen: number;
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

  answer(chosen: number, elapsedMs: number): Outcome {
    const question = this.current();
    if (!question) throw new Error('the quiz is over');
    if (!Number.isInteger(chosen) || chosen < 0 || chosen >= question.options.length) {
      throw new RangeError(`option ${chosen} does not exist`);
    }
    const outcome: Outcome = {
      position: this.outcomes.length,
      question,
      chosen,
      correct: question.options[chosen]?.correct === true,
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
