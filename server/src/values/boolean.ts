/** A boolean property as OX reads it: Java's Boolean.parseBoolean of the trimmed value (only "true", in any case). */
export function isTrue(value: string | null | undefined): boolean {
  return (value ?? '').trim().toLowerCase() === 'true';
}
