// Which element of the map a finding concerns, by the file and line it points at.

/** Element ids by file and line; a later, narrower registration of a line wins over an earlier one. */
export class FindingTargets {
  private readonly byUri = new Map<string, { lines: Map<number, string>; file?: string }>();

  private entry(uri: string) {
    let entry = this.byUri.get(uri);
    if (!entry) this.byUri.set(uri, (entry = { lines: new Map() }));
    return entry;
  }

  /** The element a finding anywhere else in the file concerns; the first registration counts. */
  file(uri: string, id: string): void {
    this.entry(uri).file ??= id;
  }

  line(uri: string, line: number, id: string): void {
    this.entry(uri).lines.set(line, id);
  }

  /** Lines `from` to `to`, both included (1-based). */
  lines(uri: string, from: number, to: number, id: string): void {
    const { lines } = this.entry(uri);
    for (let line = from; line <= Math.max(from, to); line++) lines.set(line, id);
  }

  find(uri: string, line: number): string | undefined {
    const entry = this.byUri.get(uri);
    return entry && (entry.lines.get(line) ?? entry.file);
  }
}
