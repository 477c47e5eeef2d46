import { describe, expect, it } from 'vitest';
import { checkEnvelope } from '../../../adapters/slack/envelope.js';
import { InvalidInputError } from '../../../core/errors.js';

describe('checkEnvelope', () => {
  it.each([
    ['an event that is not an object', { event: 0 }],
    ['a null event', { event: null }],
    ['an event without a type', { type: 'event_callback', event: { channel: 'C1' } }],
    ['an event whose channel is null', { event: { type: 'message', channel: null } }],
    ['authorizations holding null', { event: { type: 'message' }, authorizations: [null] }],
    ['a button press without actions', { type: 'block_actions', actions: [], user: { id: 'U1' } }],
    ['a button press without a user', { type: 'block_actions', actions: [{ action_id: 'quick_reply_0' }] }],
    ['a view submission without a view', { type: 'view_submission', user: { id: 'U1' } }],
    ['a command that is not text', { command: 5 }],
  ])('refuses %s, which Bolt would crash on', (_name, body) => {
    expect(() => checkEnvelope(body as Record<string, unknown>)).toThrow(InvalidInputError);
  });

  it.each([
    ['an Events API message', { type: 'event_callback', event: { type: 'message', channel: 'D1', user: 'U1', text: 'hi', ts: '1.2' }, authorizations: [{ team_id: 'T1' }] }],
    ['a slash command form', { command: '/counterpart', text: 'hi', user_id: 'U1', channel_id: 'C1', team_id: 'T1' }],
    ['a quick-reply button press', { type: 'block_actions', user: { id: 'U1', team_id: 'T1' }, team: { id: 'T1' }, channel: { id: 'C1' }, actions: [{ action_id: 'quick_reply_0', value: 'yes' }] }],
    ['an org-wide button press (team null)', { type: 'block_actions', user: { id: 'U1', team_id: 'T1' }, team: null, actions: [{ action_id: 'x' }] }],
    ['a body of no kind Bolt knows (Bolt ignores it)', { type: 'app_rate_limited', team_id: 'T1', minute_rate_limited: 1 }],
  ])('passes %s', (_name, body) => {
    expect(checkEnvelope(body)).toBe(body);
  });
});
