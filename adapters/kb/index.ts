/**
 * Knowledge-base administration over HTTP (upload, delete, reindex, debug search), guarded by
 * an admin token. The server mounts it under `/api/kb`.
 */
export { createKbRouter, KB_UPLOAD_TYPES, type KbRouterOptions } from './router.js';
export type { KbAdmin, KbDocumentUpload } from './kb-admin.js';
