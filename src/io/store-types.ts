/** What the store takes in: a session as it starts, an answer as it is given. */
export type SessionKind = 'quiz' | 'exam' | 'review' | 'drill';
export type SessionStatus = 'active' | 'finished' | 'interrupted' | 'abandoned';

export interface NewSession {
  uuid: string;
  kind: SessionKind;
  startedAt: number;
  lang: string;
  seed: string;
  filters: Record<string, unknown>;
  questionCount: number;
}

export interface AnswerRecord {
  uuid: string;
  sessionId: number;
  position: number;
  factId: string;
  topicId: string;
  questionId: string;
  questionKind: string;
  format: string;
  chosen: string;
  correctAnswer: string;
  isCorrect: boolean;
  answeredAt: number;
  elapsedMs: number;
}
