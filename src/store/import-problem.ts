/** A record the store refuses while importing it (a status rule, a broken reference): exit 4, named by place and field. */
import { DesklineError, EXIT } from '../errors.js';

export class RecordProblem extends DesklineError {
  constructor(place: string, field: string | null, problem: string) {
    super(EXIT.invalid, `${place}: ${field ? `${field}: ` : ''}${problem}`);
    this.name = 'RecordProblem';
  }
}
