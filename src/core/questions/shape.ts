/** The ways a fact can be asked as multiple choice, as typed values rather than strings to split. */

/** One requirement of a multi-constraint question: a requirement line of the table and the row whose value sets it. */
export interface Need {
  requirement: number;
  /** Index among the table's rows (in note order) of the row whose cell gives the asked value. */
  from: number;
}

export type Shape =
  | { type: 'term-desc' }
  | { type: 'desc-term' }
  | { type: 'cell'; column: number }
  | { type: 'cell-label'; column: number }
  | { type: 'constraint'; needs: Need[] }
  | { type: 'cloze'; blank: number }
  | { type: 'scenario' }
  | { type: 'statement' }
  | { type: 'item' };

/** The part of a question id after `#`: stable, so answers to a shape stay together in history. */
export function shapeId(shape: Shape): string {
  switch (shape.type) {
    case 'cell':
    case 'cell-label':
      return `${shape.type}:${shape.column}`;
    case 'cloze':
      return `cloze:${shape.blank}`;
    case 'constraint':
      return `need:${shape.needs.map((n) => `${n.requirement}@${n.from}`).join(',')}`;
    default:
      return shape.type;
  }
}
