/** The SLA engine: business calendars, policies, clocks and their explanation. Pure. */
export * from './business-time.js';
export * from './calendar.js';
export * from './clocks.js';
export * from './explain.js';
export * from './policy.js';
export { DAY, HOUR, MINUTE, dayNumber, dayString, instantToWall, isValidZone, localDate, offsetAt, wallToInstant } from './zone.js';
