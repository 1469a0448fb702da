/**
 * A hybrid logical clock (Kulkarni et al.): physical milliseconds plus a counter, so every event a
 * device stamps is later than every event it has seen, even when clocks drift. The device id breaks
 * ties, so two stamps are never equal across devices. Encoded as text that sorts as the clock does
 * (base-36, fixed width): the database can order and compare stamps as plain strings.
 */
export interface Hlc {
  /** Milliseconds since the epoch (the largest physical time seen). */
  wall: number;
  /** Events at the same `wall`. */
  count: number;
  device: string;
}

const WALL_WIDTH = 9; // 36^9 ms reaches the year 5138
const COUNT_WIDTH = 4; // 1.6 million events in one millisecond
const MAX_COUNT = 36 ** COUNT_WIDTH - 1;

export const ZERO_HLC: Hlc = { wall: 0, count: 0, device: '' };

export function encodeHlc(h: Hlc): string {
  return `${h.wall.toString(36).padStart(WALL_WIDTH, '0')}.${h.count.toString(36).padStart(COUNT_WIDTH, '0')}.${h.device}`;
}

/** Reads a stamp made by encodeHlc; null for anything else. */
export function decodeHlc(text: string): Hlc | null {
  const m = /^([0-9a-z]{9})\.([0-9a-z]{4})\.([0-9a-z-]*)$/.exec(text);
  if (!m) return null;
  return { wall: parseInt(m[1]!, 36), count: parseInt(m[2]!, 36), device: m[3]! };
}

export function compareHlc(a: Hlc, b: Hlc): number {
  return a.wall - b.wall || a.count - b.count || (a.device < b.device ? -1 : a.device > b.device ? 1 : 0);
}

function bump(wall: number, count: number, device: string): Hlc {
  if (count > MAX_COUNT) return { wall: wall + 1, count: 0, device };
  return { wall, count, device };
}

/** The stamp of a local event after `last`, at physical time `now`. */
export function tickHlc(last: Hlc, now: number, device: string): Hlc {
  if (now > last.wall) return { wall: now, count: 0, device };
  return bump(last.wall, last.count + 1, device);
}

/** The clock after receiving `remote` (later than both it and `last`). */
export function receiveHlc(last: Hlc, remote: Hlc, now: number, device: string): Hlc {
  const wall = Math.max(last.wall, remote.wall, now);
  if (wall === last.wall && wall === remote.wall) return bump(wall, Math.max(last.count, remote.count) + 1, device);
  if (wall === last.wall) return bump(wall, last.count + 1, device);
  if (wall === remote.wall) return bump(wall, remote.count + 1, device);
  return { wall, count: 0, device };
}
