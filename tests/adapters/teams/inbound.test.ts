import { describe, expect, it } from 'vitest';
import { addressedText, InboundActivitySchema, type InboundActivity } from '../../../adapters/teams/index.js';

const BOT = { id: '28:bot', name: 'Counterpart' };
function activity(options: { text: string; conversationType?: string; entities?: unknown[] }): InboundActivity {
  return InboundActivitySchema.parse({
    type: 'message', channelId: 'msteams', serviceUrl: 'https://smba.trafficmanager.net/emea/',
    from: { id: '29:u', aadObjectId: 'aad-u' }, recipient: BOT,
    conversation: { id: 'c', ...(options.conversationType ? { conversationType: options.conversationType } : {}) },
    text: options.text, entities: options.entities,
  });
}
const mentionOf = (id: string, name: string) => ({ type: 'mention', mentioned: { id, name }, text: `<at>${name}</at>` });

describe('text addressed to the bot', () => {
  it('takes a personal message as it is (the Emulator names no conversation type)', () => {
    expect(addressedText(activity({ text: "  what's low in Leeds? ", conversationType: 'personal' }))).toBe("what's low in Leeds?");
    expect(addressedText(activity({ text: 'hi' }))).toBe('hi');
  });

  it('ignores channel and group-chat messages without a mention of the bot', () => {
    expect(addressedText(activity({ text: 'hello all', conversationType: 'channel' }))).toBeUndefined();
    expect(addressedText(activity({ text: '<at>Ann</at> hi', conversationType: 'groupChat', entities: [mentionOf('29:ann', 'Ann')] }))).toBeUndefined();
  });

  it("strips the bot's mention and keeps other people's names", () => {
    const text = '<at>Counterpart</at> ask <at>Ann</at> about LDS';
    const entities = [mentionOf(BOT.id, 'Counterpart'), mentionOf('29:ann', 'Ann')];
    expect(addressedText(activity({ text, conversationType: 'channel', entities }))).toBe('ask Ann about LDS');
    expect(addressedText(activity({ text: '<at>Counterpart</at>', conversationType: 'channel', entities }))).toBe('');
  });
});
