import { z } from 'zod';

/** Bot Framework channel id of Microsoft Teams. */
export const TEAMS_CHANNEL_ID = 'msteams';
/** Channel id the Bot Framework Emulator sends; accepted only when auth is off. */
export const EMULATOR_CHANNEL_ID = 'emulator';

const AccountSchema = z.object({
  id: z.string().min(1).max(400),
  name: z.string().max(400).optional(),
  /** Entra (Azure AD) object id of a Teams user: the identity staff are registered under. */
  aadObjectId: z.string().min(1).max(100).optional(),
});

const MentionSchema = z.object({
  type: z.literal('mention'),
  mentioned: z.object({ id: z.string() }),
  /** The mention as it appears in `text`, e.g. `<at>Counterpart</at>`. */
  text: z.string().optional(),
});

/**
 * The part of a Bot Framework activity this adapter relies on; other fields pass through to the SDK.
 *
 * @remarks Checked before the SDK sees the body, so a malformed activity is a 400 and never a turn.
 */
export const InboundActivitySchema = z.object({
  type: z.string().min(1).max(100),
  id: z.string().min(1).max(400).optional(),
  channelId: z.string().min(1).max(100),
  // A host name, not just anything WHATWG URL accepts: `http://!` parsed, and its reply failed as a 500.
  serviceUrl: z.url({ protocol: /^https?$/, hostname: z.regexes.hostname }),
  from: AccountSchema,
  recipient: AccountSchema,
  conversation: z.object({
    id: z.string().min(1).max(1000),
    /** `personal`, `groupChat` or `channel`; the Emulator sends none (treated as personal). */
    conversationType: z.string().optional(),
    tenantId: z.string().optional(),
  }),
  text: z.string().optional(),
  entities: z.array(z.looseObject({ type: z.string() })).max(100).optional(),
  membersAdded: z.array(AccountSchema).max(1000).optional(),
});
export type InboundActivity = z.infer<typeof InboundActivitySchema>;

/** A 1:1 chat with the bot (or the Emulator, which names no conversation type). */
export function isPersonal(activity: InboundActivity): boolean {
  const type = activity.conversation.conversationType;
  return type === undefined || type === 'personal';
}

/** Mentions of the bot itself (the activity's recipient). */
function botMentions(activity: InboundActivity): Array<z.infer<typeof MentionSchema>> {
  return (activity.entities ?? []).flatMap((entity) => {
    const mention = MentionSchema.safeParse(entity);
    return mention.success && mention.data.mentioned.id === activity.recipient.id ? [mention.data] : [];
  });
}

/**
 * The text a message addresses to the bot, without the bot's @mention; `undefined` when the
 * message is not for the bot (a channel or group-chat message that does not mention it).
 *
 * @example
 * addressedText(channelMessage); // "what's low in Leeds?" from "<at>Counterpart</at> what's low in Leeds?"
 */
export function addressedText(activity: InboundActivity): string | undefined {
  const mentions = botMentions(activity);
  if (!isPersonal(activity) && mentions.length === 0) return undefined;
  let text = activity.text ?? '';
  for (const mention of mentions) {
    if (mention.text) text = text.split(mention.text).join(' ');
  }
  // Mentions of other people stay in the text as their names.
  return text.replace(/<at[^>]*>(.*?)<\/at>/gi, '$1').replace(/[ \t]{2,}/g, ' ').trim();
}

/** Whether a conversation update says the bot itself was just added (the app installed in a chat). */
export function addsBot(activity: InboundActivity): boolean {
  return activity.type === 'conversationUpdate' && (activity.membersAdded ?? []).some((member) => member.id === activity.recipient.id);
}
