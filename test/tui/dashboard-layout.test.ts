/** The dashboard's layout, pure: fits any size exactly, bars scale, blocks that do not fit are cut with a count. */
import { describe, expect, it } from 'vitest';
import { bar, sparkline } from '../../src/tui/text/charts.js';
import type { DashboardData } from '../../src/tui/hooks/dashboard-data.js';
import { dashboardLines, type Line } from '../../src/tui/text/dashboard-layout.js';
import { width } from '../../src/tui/text/text.js';

const text = (l: Line) => l.map((s) => s.text).join('');

function data(technicians: number): DashboardData {
  return {
    at: Date.UTC(2026, 2, 4, 14, 5),
    tz: 'UTC',
    tookMs: 12,
    backlog: {
      total: 120,
      byCategory: [
        { label: 'hardware', n: 60 },
        { label: 'network', n: 30 },
        { label: 'email', n: 20 },
        { label: 'other', n: 10 },
      ],
      byPriority: [
        { label: 'urgent', n: 5 },
        { label: 'high', n: 15 },
        { label: 'normal', n: 80 },
        { label: 'low', n: 20 },
      ],
    },
    volume: Array.from({ length: 30 }, (_, i) => ({
      date: `2026-02-${String(i + 1).padStart(2, '0')}`,
      created: i % 7 === 5 ? 0 : 10 + i,
      resolved: 8 + (i % 3),
    })),
    sla: {
      thisWeek: { tickets: 40, firstResponsePct: 92.5, resolutionPct: 70 },
      lastWeek: { tickets: 55, firstResponsePct: 88, resolutionPct: 81.2 },
    },
    workload: Array.from({ length: technicians }, (_, i) => ({ technician: `Tech ${i + 1}`, open: 20 - i, resolved: i, minutes: i * 30 })),
  };
}

describe('dashboard layout', () => {
  for (const [w, h] of [
    [80, 21],
    [100, 30],
    [160, 46],
    [50, 12],
  ] as const) {
    it(`fills ${w}×${h} exactly, never more`, () => {
      const lines = dashboardLines(data(25), w, h);
      expect(lines.length).toBeLessThanOrEqual(h);
      for (const l of lines) expect(width(text(l))).toBe(w);
      const all = lines.map(text).join('\n');
      expect(all).toContain('Created vs resolved per day');
    });
  }

  it('shows every technician when there is room and cuts with "… N more" when not', () => {
    expect(dashboardLines(data(25), 160, 46).map(text).join('\n')).toContain('Tech 25');
    const small = dashboardLines(data(25), 80, 21).map(text).join('\n');
    expect(small).toMatch(/… \d+ more/);
    expect(small).toMatch(/first response +92\.5% +88\.0% ▲/);
    expect(small).toMatch(/resolution +70\.0% +81\.2% ▼/);
    expect(small).toMatch(/Dashboard · 120 open · as of 14:05 UTC/);
  });

  it('scales bars to the largest value and sparklines to the busiest day', () => {
    expect(bar(60, 60, 10)).toBe('██████████');
    expect(bar(30, 60, 10)).toBe('█████');
    expect(bar(1, 1000, 10)).toBe('▏');
    expect(bar(0, 10, 10)).toBe('');
    expect(sparkline([0, 1, 4, 8], 8)).toBe(' ▁▄█');
    expect(sparkline([8, 0], 8, 2)).toBe('██  ');
  });
});
