export { attachAgents, type AgentsOptions } from './socket.js';
export { deliverToWebchat } from './deliver.js';
