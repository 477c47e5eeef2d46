import { CloudAdapter, OutboundHostValidator, type AuthConfiguration } from '@microsoft/agents-hosting';

/**
 * The Teams app registration (Entra app), under the Agents SDK's own setting names.
 *
 * @remarks With `clientId` set, every inbound request must carry a Bot Framework JWT for that
 * app, and replies are sent with a token for it (from `clientSecret` and `tenantId`). Without
 * it the endpoint is anonymous: for the Bot Framework Emulator on a developer machine only.
 */
export interface TeamsAuth {
  clientId?: string;
  clientSecret?: string;
  tenantId?: string;
}

/**
 * A CloudAdapter for the given registration, configured from the options alone.
 *
 * @remarks The auth keys are passed explicitly (even when undefined) so that same-named
 * environment variables, which the SDK also reads, cannot switch authentication on or off
 * behind the options. With auth on, replies may only go to Microsoft's channel hosts and an
 * activity's `serviceUrl` must match the token's `serviceurl` claim. Errors in a turn are
 * rethrown instead of the SDK's default apology message, so callers decide what users see.
 */
export function createTeamsCloudAdapter(auth: TeamsAuth): CloudAdapter {
  const authenticated = auth.clientId !== undefined;
  const config: AuthConfiguration = { clientId: auth.clientId, clientSecret: auth.clientSecret, tenantId: auth.tenantId };
  const adapter = new CloudAdapter(
    config, undefined, undefined,
    { validateServiceUrl: authenticated, emitStackTrace: false },
    new OutboundHostValidator({ enabled: authenticated, includeDefaultMicrosoftHosts: true }),
  );
  adapter.onTurnError = async (_context, error) => { throw error; };
  return adapter;
}

/**
 * Who proactive messages are sent as: the app id with auth on, which makes the SDK fetch a
 * token for it; an identity without an audience otherwise, which the SDK sends anonymously.
 */
export function proactiveIdentity(auth: TeamsAuth): string | { aud?: undefined } {
  return auth.clientId ?? {};
}
