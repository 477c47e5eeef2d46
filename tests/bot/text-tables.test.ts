import { describe, expect, it } from 'vitest';
import { extractTables } from '../../bot/text-tables.js';

describe('extractTables', () => {
  it('reads each header-and-rows block with the line before it as the title', () => {
    const text = [
      'Van 1: 2 stop(s)', 'Stop | Order | Arrival', '1 | #100199 | 08:00', '2 | #100186 | 08:10',
      '', 'Van 2: 1 stop(s)', 'Stop | Order | Arrival', '1 | #100200 | 09:00', 'Totals: 3 stops',
    ].join('\n');
    expect(extractTables(text)).toEqual([
      { title: 'Van 1: 2 stop(s)', columns: ['Stop', 'Order', 'Arrival'], rows: [['1', '#100199', '08:00'], ['2', '#100186', '08:10']] },
      { title: 'Van 2: 1 stop(s)', columns: ['Stop', 'Order', 'Arrival'], rows: [['1', '#100200', '09:00']] },
    ]);
  });

  it('finds nothing in prose, in a lone header, or in a line whose cells do not match', () => {
    expect(extractTables('Nothing is below its reorder point.')).toEqual([]);
    expect(extractTables('SKU | Units\nno rows here')).toEqual([]);
    expect(extractTables('A | B\n1 | 2 | 3')).toEqual([]);
  });
});
