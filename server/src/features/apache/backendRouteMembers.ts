// References from a node's `com.openexchange.server.backendRoute`: the balancer members that carry its route.
import { Location, Position } from 'vscode-languageserver-types';
import { BACKEND_ROUTE } from '../../catalog/oxKeys';
import { settingAt } from '../../model/document';
import { OxDocument } from '../../model/properties/propertiesDocument';
import { Workspace } from '../../model/workspace';
import { membersWithRoute, settingLocation } from './routeNavigation';

/**
 * What a backendRoute setting adds to the references of the key: the members with its route in the balancers
 * in front of the node's cluster. On the value (where the key's references do not answer) the setting comes first.
 */
export function backendRouteMembers(workspace: Workspace, doc: OxDocument, position: Position): Location[] {
  const offset = doc.text.offsetAt(position);
  const setting = settingAt(doc.settings, offset);
  if (!setting || setting.canonicalKey !== BACKEND_ROUTE || setting.unknownValue || setting.value.trim() === '') return [];
  const onKey = offset >= setting.keyRange.start && offset <= setting.keyRange.end;
  const onValue = offset >= setting.valueRange.start && offset <= setting.valueRange.end;
  if (!onKey && !onValue) return [];
  const node = workspace.nodeOf(doc.uri);
  const members = membersWithRoute(workspace, setting.value.trim(), node && workspace.clusterOf(node));
  return onKey ? members : [settingLocation({ doc, setting }), ...members];
}
