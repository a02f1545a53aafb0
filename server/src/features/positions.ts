import { Position } from 'vscode-languageserver-types';

/** Orders positions in a document: negative when `a` comes first, 0 when they are the same. */
export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}
