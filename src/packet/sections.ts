/** Which sections a packet holds, by the rules of DESIGN.md 1, in print order. */
import type { PacketRequest } from '../request/schema.js';

export const sectionIds = [
  'cover',
  'rapid-response',
  'legal-providers',
  'ice-hold-rights',
  'youth-confidentiality',
  'safe-release',
  // The cards come last in the person's part so they sit on a sheet of their own that can be cut up.
  'rights-card',
  // Staff pages follow the person's part, on a separate sheet, so they are never handed over by mistake.
  'staff-checklist',
] as const;

export type SectionId = (typeof sectionIds)[number];

const rules: Record<SectionId, (request: PacketRequest) => boolean> = {
  cover: () => true,
  'rapid-response': () => true,
  'legal-providers': () => true,
  'ice-hold-rights': (request) => request.iceHold?.received === true,
  'youth-confidentiality': (request) => request.youth,
  'safe-release': () => true,
  'rights-card': () => true,
  'staff-checklist': (request) => request.print.staffChecklist,
};

export function chooseSections(request: PacketRequest): SectionId[] {
  return sectionIds.filter((id) => rules[id](request));
}
