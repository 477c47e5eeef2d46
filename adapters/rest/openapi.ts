import { MAX_MESSAGE_BYTES } from '../../core/activity.js';

const error = {
  description: 'Error',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};
const conversationId = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };

/** OpenAPI 3.1 description of the REST channel, served at `/api/openapi.json`. */
export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Counterpart REST channel',
    version: '0.1.0',
    description:
      'Talk to the shop assistant over HTTP. Identify a customer with `Authorization: Bearer <signed customer token>`, '
      + 'or inside the conversation by giving an order number and the e-mail address used for it.',
  },
  servers: [{ url: '/api' }],
  components: {
    securitySchemes: { customerToken: { type: 'http', scheme: 'bearer', description: 'HMAC-signed token: a customer token (v1.*) or a staff token (s1.*)' } },
    schemas: {
      Error: {
        type: 'object', required: ['error'],
        properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } } },
      },
      QuickReply: { type: 'object', required: ['title', 'value'], properties: { title: { type: 'string' }, value: { type: 'string' } } },
      Source: { type: 'object', required: ['title'], properties: { title: { type: 'string' }, url: { type: 'string' } } },
      Activity: {
        type: 'object', required: ['id', 'type', 'channel', 'conversationId', 'from', 'timestamp'],
        properties: {
          id: { type: 'string' }, type: { enum: ['message', 'typing', 'event'] }, channel: { type: 'string' },
          conversationId: { type: 'string' },
          from: { type: 'object', properties: { id: { type: 'string' }, role: { enum: ['customer', 'staff', 'bot', 'agent'] } } },
          text: { type: 'string' }, timestamp: { type: 'string', format: 'date-time' },
          clientMessageId: { type: 'string' }, replyToId: { type: 'string' },
          quickReplies: { type: 'array', items: { $ref: '#/components/schemas/QuickReply' } },
          sources: { type: 'array', items: { $ref: '#/components/schemas/Source' } },
        },
      },
    },
  },
  security: [{}, { customerToken: [] }],
  paths: {
    '/conversations': {
      post: {
        summary: 'Start a conversation',
        requestBody: { required: false, content: { 'application/json': { schema: { type: 'object', additionalProperties: false } } } },
        responses: {
          201: { description: 'Created', content: { 'application/json': { schema: { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' } } } } } },
          400: error, 401: error, 415: error,
        },
      },
    },
    '/conversations/{id}/messages': {
      parameters: [conversationId],
      post: {
        summary: 'Send a message and get the replies',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object', additionalProperties: false, required: ['text'],
                properties: {
                  text: { type: 'string', minLength: 1, description: `At most ${MAX_MESSAGE_BYTES} bytes of UTF-8 text` },
                  clientMessageId: { type: 'string', maxLength: 100, description: 'Idempotency key: a resend returns the first replies (or send it as the Idempotency-Key header)' },
                },
              },
            },
          },
        },
        responses: {
          201: { description: 'Processed', content: { 'application/json': { schema: replyBody() } } },
          200: { description: 'Already processed (same clientMessageId): the stored replies', content: { 'application/json': { schema: replyBody() } } },
          400: error, 401: error, 403: error, 404: error, 413: error, 415: error,
        },
      },
      get: {
        summary: 'Conversation history, oldest first',
        responses: {
          200: { description: 'Messages', content: { 'application/json': { schema: { type: 'object', properties: { messages: { type: 'array', items: { $ref: '#/components/schemas/Activity' } } } } } } },
          403: error, 404: error,
        },
      },
    },
    '/ops/metrics': {
      get: {
        summary: 'Process metrics for a period (staff token required)',
        description: 'Order cycle time, on-time delivery, fill rate, stock-out rate, inventory turnover and return rate, each with its definition and counts. Without parameters: the last 30 days up to yesterday.',
        security: [{ customerToken: [] }],
        parameters: [
          { name: 'from', in: 'query', schema: { type: 'string', format: 'date' } },
          { name: 'to', in: 'query', schema: { type: 'string', format: 'date' } },
          { name: 'days', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 365 } },
        ],
        responses: {
          200: { description: 'Metrics', content: { 'application/json': { schema: { type: 'object', required: ['metrics', 'text'], properties: { metrics: { type: 'object' }, text: { type: 'string' } } } } } },
          400: error, 401: error, 403: error,
        },
      },
    },
  },
} as const;

function replyBody() {
  return {
    type: 'object', required: ['id', 'duplicate', 'replies'],
    properties: { id: { type: 'string' }, duplicate: { type: 'boolean' }, replies: { type: 'array', items: { $ref: '#/components/schemas/Activity' } } },
  };
}
