/**
 * Every ticket template of the demo desk, in the order the generator draws them (the order is part of
 * what makes a seed give the same desk). The templates themselves are in the three files below.
 */
import type { TicketTemplate } from './template.js';
import { TEMPLATES_DESK } from './templates-desk.js';
import { TEMPLATES_DEVICES } from './templates-devices.js';
import { TEMPLATES_MAIL } from './templates-mail.js';

export type { TicketTemplate } from './template.js';

export const TEMPLATES: readonly TicketTemplate[] = [...TEMPLATES_DESK, ...TEMPLATES_MAIL, ...TEMPLATES_DEVICES];
