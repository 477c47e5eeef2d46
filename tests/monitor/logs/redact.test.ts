import { describe, expect, it } from 'vitest';
import { redact, redactEntity } from '../../../monitor/logs/index.js';

describe('redact', () => {
  it.each([
    ['mail jo.bloggs+shop@example.co.uk now', 'mail [email] now'],
    ['JO@EXAMPLE.COM', '[email]'],
    ['call 07700 900123', 'call [phone]'],
    ['call 07700900123.', 'call [phone].'],
    ['ring (020) 7946 0958 today', 'ring [phone] today'],
    ['ring 020 7946 0958', 'ring [phone]'],
    ['0161 496 0000 or 0161-496-0000', '[phone] or [phone]'],
    ['+44 7700 900123', '[phone]'],
    ['+44 (0)20 7946 0958', '[phone]'],
    ['0044 20 7946 0958', '[phone]'],
    ['+1 (415) 555-0100', '[phone]'],
    ['+33 1 23 45 67 89', '[phone]'],
    ['+49 30 1234567', '[phone]'],
    ['415-555-0100', '[phone]'],
    ['card 4111 1111 1111 1111 thanks', 'card [card] thanks'],
    ['I live at 221B Baker Street', 'I live at [address]'],
    ['10 downing st, london sw1a 2aa', '[address], london [postcode]'],
    ['Flat 3, 5 St John\'s Wood Road, NW8 7AA', 'Flat 3, [address], [postcode]'],
    ['Deliver to 12 Upper Richmond Rd please', 'Deliver to [address] please'],
    ['postcode M1 1AE', 'postcode [postcode]'],
  ])('hides %j', (text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  it.each([
    'where is order 100234?',
    'orders 100234 and 100235, #100236',
    'it took 3 days on the road',
    'I bought 2 park benches for £125.50',
    'delivered 2026-11-25 at 10:30',
    'SKU-123: 40 units',
    'tracking JD0123456789 is late',
    'rate it 0.25',
  ])('leaves %j alone', (text) => {
    expect(redact(text)).toBe(text);
  });

  it('hides order numbers only when asked', () => {
    const text = 'orders 100234/100235 and #100236, not 1002345 nor 12.100234';
    expect(redact(text)).toBe(text);
    expect(redact(text, { orderNumbers: true })).toBe('orders [order]/[order] and [order], not 1002345 nor 12.100234');
  });

  it('hides personal entity values wholesale and patterns in others', () => {
    expect(redactEntity({ type: 'phone', value: '447700900123', text: '+44 7700 900123' })).toEqual({ type: 'phone', value: '[phone]', text: '[phone]' });
    expect(redactEntity({ type: 'order_id', value: '100234', text: '#100234' })).toEqual({ type: 'order_id', value: '100234', text: '#100234' });
    expect(redactEntity({ type: 'order_id', value: '100234', text: '#100234' }, { orderNumbers: true })).toMatchObject({ value: '[order]' });
    expect(redactEntity({ type: 'note', value: 'jo@example.com', text: 'jo@example.com' })).toMatchObject({ value: '[email]', text: '[email]' });
  });
});
