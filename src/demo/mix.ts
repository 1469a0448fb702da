/** The demo desk's mix: how priorities, channels and the statuses of open tickets of each age are spread. */
import type { Channel, Priority, Status } from '../domain/ticket.js';
import { weighted } from './random.js';

export const pickPriority = weighted<Priority>([
  ['urgent', 5],
  ['high', 20],
  ['normal', 55],
  ['low', 20],
]);
export const pickChannel = weighted<Channel>([
  ['email', 35],
  ['phone', 22],
  ['web', 20],
  ['chat', 12],
  ['walk_in', 9],
  ['cli', 2],
]);
export const YOUNG = weighted<Status>([
  ['new', 45],
  ['open', 40],
  ['pending', 10],
  ['on_hold', 5],
]);
export const RECENT = weighted<Status>([
  ['new', 12],
  ['open', 45],
  ['pending', 28],
  ['on_hold', 15],
]);
export const OLD = weighted<Status>([
  ['new', 2],
  ['open', 30],
  ['pending', 23],
  ['on_hold', 45],
]);
