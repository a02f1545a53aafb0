import { CodeActionKind } from 'vscode-languageserver-types';
import { SOURCE } from '../analysis/source';

/** The code action kind of "Fix all OX Cluster Config problems" (`source.fixAll.ox-cluster-config`). */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.${SOURCE}`;
