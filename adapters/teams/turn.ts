import { MessageFactory, type TurnContext } from '@microsoft/agents-hosting';
import { ClientMessageIdSchema } from '../../core/activity.js';
import { isCounterpartError } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import type { Bot, ChannelDirectory } from '../../bot/index.js';
import { addressedText, addsBot, isPersonal, type InboundActivity } from './inbound.js';
import { toTeamsMessage } from './outbound.js';

/** The only reply to a Teams user who is not a registered staff user. */
export const NOT_REGISTERED_TEXT = "You're not registered as staff here. Ask an admin to add your Teams account.";
const SOMETHING_WENT_WRONG = 'Something went wrong on our side. Please try again.';

/** What a Teams turn needs besides the SDK's turn context. */
export interface TeamsTurnDeps {
  bot: Bot;
  directory: ChannelDirectory;
  logger: Logger;
}

/**
 * One Teams turn: a message addressed to the bot, or the bot being added to a personal chat.
 * Everything else (typing, reactions, channel chatter without an @mention) is ignored.
 */
export async function runTeamsTurn(options: TeamsTurnDeps & { context: TurnContext; inbound: InboundActivity }): Promise<void> {
  const { inbound } = options;
  if (inbound.type === 'message') {
    const text = addressedText(inbound);
    if (text !== undefined) await answer({ ...options, text });
  } else if (addsBot(inbound) && isPersonal(inbound)) {
    await answer({ ...options, text: '' });
  } else {
    options.logger.debug({ type: inbound.type }, 'teams activity ignored');
  }
}

async function answer(options: TeamsTurnDeps & { context: TurnContext; inbound: InboundActivity; text: string }): Promise<void> {
  const { context, inbound, text, bot, directory, logger } = options;
  try {
    const aadObjectId = inbound.from.aadObjectId;
    const staff = aadObjectId ? await directory.staffFor({ platform: 'teams', externalId: aadObjectId }) : undefined;
    if (!aadObjectId || !staff) {
      await context.sendActivity(MessageFactory.text(NOT_REGISTERED_TEXT));
      return;
    }
    const principal = { kind: 'staff' as const, staffId: staff.id };
    const { conversationId } = await directory.open({
      channel: 'teams',
      // One dialogue per person: a channel or group chat holds many staff users.
      externalId: `${inbound.conversation.id}:${aadObjectId}`,
      staffId: staff.id,
      reference: context.activity.getConversationReference(),
    });
    if (text === '') {
      await context.sendActivity(toTeamsMessage(await bot.welcome({ conversationId, principal })));
      return;
    }
    const clientMessageId = ClientMessageIdSchema.safeParse(inbound.id).success ? inbound.id : undefined;
    const result = await bot.handleMessage({ conversationId, channel: 'teams', text, clientMessageId, principal });
    if (result.duplicate) {
      // A redelivery of a message already answered: answering again would repeat every reply.
      logger.debug({ conversationId, clientMessageId }, 'teams message already answered');
      return;
    }
    for (const reply of result.replies) await context.sendActivity(toTeamsMessage(reply));
  } catch (error) {
    await context.sendActivity(MessageFactory.text(userMessageFor(error, logger)));
  }
}

/** Text safe to show for a failed turn: the error's own user message, or a generic apology. */
function userMessageFor(error: unknown, logger: Logger): string {
  if (isCounterpartError(error) && error.code !== 'dependency_failed') {
    logger.warn({ err: error, code: error.code }, 'teams turn refused');
    return error.userMessage;
  }
  logger.error({ err: error }, 'teams turn failed');
  return isCounterpartError(error) ? error.userMessage : SOMETHING_WENT_WRONG;
}
