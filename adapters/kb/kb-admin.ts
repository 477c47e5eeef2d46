/**
 * What the admin API needs from the knowledge base. The retrieval module's
 * `KnowledgeBaseService` satisfies it; adapters may not import retrieval, so the shape is
 * declared here and checked structurally where the server wires the two together.
 */
export interface KbAdmin {
  upsertDocument(input: KbDocumentUpload): Promise<unknown>;
  deleteDocument(id: string): Promise<unknown>;
  reindex(): Promise<unknown>;
  search(query: string, options: { k?: number }): Promise<unknown>;
}

/** One uploaded document, as the admin API hands it over. */
export interface KbDocumentUpload {
  id?: string;
  title?: string;
  fileName: string;
  content: string | Buffer;
  type?: 'article' | 'faq' | 'product';
  url?: string;
  category?: string;
}
