/** A change's tags: the ones to add and remove against what the ticket has, written and logged as one field. */
import type { FieldChange } from './audit.js';
import type { Executor } from './executor.js';
import { addTags, removeTags } from './tags.js';
import type { TicketView } from './ticket-view.js';

interface TagEdit {
  addTags?: string[];
  removeTags?: string[];
}

function tagChanges(before: TicketView, changes: TagEdit) {
  const add = (changes.addTags ?? []).filter((t) => !before.tags.includes(t));
  const remove = (changes.removeTags ?? []).filter((t) => before.tags.includes(t));
  return { add, remove };
}

export function tagsAfter(before: TicketView, changes: TagEdit): string[] {
  const { add, remove } = tagChanges(before, changes);
  return [...before.tags.filter((t) => !remove.includes(t)), ...add].sort();
}

export async function changeTags(trx: Executor, before: TicketView, changes: TagEdit): Promise<FieldChange[]> {
  const { add, remove } = tagChanges(before, changes);
  if (add.length === 0 && remove.length === 0) return [];
  await addTags(trx, before.id, add);
  await removeTags(trx, before.id, remove);
  return [{ field: 'tags', old: before.tags.join(',') || null, new: tagsAfter(before, changes).join(',') || null }];
}
