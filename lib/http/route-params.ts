/** Route context for a handler with the given dynamic segments (Next 16: params is a Promise). */
export type Params<K extends string> = { params: Promise<Record<K, string>> };
