export { attachAgents, broadcastToAgents, type AgentsOptions } from './socket.js';
export { deliverHandoffEvent, deliverToWebchat } from './deliver.js';
