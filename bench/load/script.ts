/** A seeded customer a bench session plays: one of their orders and the e-mail it was placed with. */
export interface BenchCustomer {
  customerId: number;
  orderId: number;
  email: string;
}

/** One message of a scripted conversation, with what its answer should say (for a sanity count only). */
export interface ScriptStep {
  text: string;
  expect?: RegExp;
}

/**
 * How a session talks: `anonymous` identifies in the chat with order number and e-mail;
 * `token` is signed in by the shop's site and names the order directly.
 */
export type SessionKind = 'anonymous' | 'token';

/**
 * The demo-shop conversation a session repeats: greeting, order status, identification,
 * knowledge questions, and a cancellation that is declined, so orders are never consumed.
 *
 * @returns the steps and the index the script loops back to after the last step (after
 * identification: a conversation identifies once, keeping clear of the identity rate limit).
 */
export function conversationScript(customer: BenchCustomer, kind: SessionKind): { steps: ScriptStep[]; loopFrom: number } {
  const order = customer.orderId;
  const questions: ScriptStep[] = [
    { text: 'what is your return policy?' },
    { text: 'do you ship to Ireland?' },
    { text: kind === 'token' ? `please cancel order ${order}` : 'please cancel my order', expect: /cancel/i },
    { text: 'no', expect: /haven't changed anything|nothing/i },
  ];
  if (kind === 'token') {
    return {
      steps: [{ text: 'hello' }, { text: `where is order ${order}?`, expect: new RegExp(`#${order}`) }, ...questions],
      loopFrom: 1,
    };
  }
  return {
    steps: [
      { text: 'hi' },
      { text: 'where is my order?', expect: /order number/i },
      { text: `it's order ${order}`, expect: /e-mail/i },
      { text: customer.email, expect: /verified/i },
      { text: 'what is the status of my order?', expect: new RegExp(`#${order}`) },
      ...questions,
    ],
    loopFrom: 4,
  };
}

/** Walks a script: after the last step it continues at `loopFrom`; `restart` begins again (a new conversation). */
export class ScriptCursor {
  private position = 0;

  constructor(private readonly script: { steps: ScriptStep[]; loopFrom: number }) {}

  next(): ScriptStep {
    if (this.position >= this.script.steps.length) this.position = this.script.loopFrom;
    const step = this.script.steps[this.position] as ScriptStep;
    this.position += 1;
    return step;
  }

  restart(): void {
    this.position = 0;
  }
}
