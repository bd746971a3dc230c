/** Duplicate-key errors, as MongoDB and FerretDB report them. */
export function isDuplicateKeyError(error: unknown): boolean {
  return (error as { code?: number } | null)?.code === 11000;
}

/** The index that refused a duplicate, from the error's keyPattern or, failing that, its message. */
export function duplicateKeyIndex(error: unknown): string | undefined {
  const { keyPattern, message } = error as { keyPattern?: Record<string, unknown>; message?: string };
  if (keyPattern && Object.keys(keyPattern).length > 0) return Object.keys(keyPattern).join(',');
  return message?.match(/index: (\S+)/)?.[1];
}
