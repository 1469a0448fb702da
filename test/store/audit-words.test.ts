/** A conflict says who changed what in plain words (issue 13 #16), never "root changed create". */
import { describe, expect, it } from 'vitest';
import { describeChange, type AuditEvent } from '../../src/store/audit.js';

const event = (
  action: string,
  field: string | null = null,
  old_value: string | null = null,
  new_value: string | null = null,
): AuditEvent => ({
  id: 1,
  ticket_id: 3,
  actor: 'root',
  at: 0,
  action,
  field,
  old_value,
  new_value,
});

describe('describeChange', () => {
  it('names the action in words, with its minutes and field changes', () => {
    expect(describeChange([event('create')])).toBe('root created it');
    expect(describeChange([event('system', 'minutes', null, '0')])).toBe('root added a system note');
    expect(describeChange([event('reply', 'status', 'pending', 'open'), event('reply', 'minutes', null, '5')])).toBe(
      'root replied (5 min) and changed status pending → open',
    );
    expect(describeChange([event('update', 'priority', 'normal', 'high')])).toBe('root changed priority normal → high');
    expect(describeChange([event('merge')])).toBe('root changed it (merge)');
  });
});
