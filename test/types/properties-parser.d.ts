declare module 'properties-parser' {
  /** Parses .properties text into an object (last duplicate wins). */
  export function parse(text: string): Record<string, string>;
}
