/**
 * Who reads each catalog key: the person leaving custody, or only staff. The plain-language test
 * (tests/i18n/readability.test.ts) measures the person's text; staff text and citations are held to
 * other rules (exact legal wording), so they are listed apart here, in one place.
 */

/** Catalog sections of packet.json that the person reads, in their language. */
export const personFacingSections = [
  'document',
  'cover',
  'directory',
  'offers',
  'rapid',
  'firstSteps',
  'legal',
  'iceHold',
  'youth',
  'safeRelease',
  'contactRoles',
  'card',
] as const;

/** Keys inside those sections that only staff read, or that are metadata no one reads on paper. */
export const staffOrMetadataKeys = ['document.staffOnly', 'document.subject'] as const;

/** Sections read only by staff (printed on the staff pages, never handed over). */
export const staffSections = ['staff'] as const;

/** The wallet card: sentences there must be shorter still (12 words), as on the ILRC red card. */
export const cardKeys = ['card.frontTitle', 'card.door', 'card.silent', 'card.sign', 'card.outside', 'card.giveCard', 'card.backStatement'] as const;

/**
 * Citations and source lines are references, not prose: "Cal. Gov. Code § 7283.1(b)" has no reading
 * grade. A key is one of them when its name ends in "Cite" or is "source".
 */
export function isCitationKey(key: string): boolean {
  const last = key.slice(key.lastIndexOf('.') + 1);
  return last.endsWith('Cite') || last === 'source';
}

/** Whether a dotted packet-catalog key ("iceHold.whatItIs") is person-facing prose to measure. */
export function isPersonFacingProse(key: string): boolean {
  const section = key.slice(0, key.indexOf('.'));
  if (!(personFacingSections as readonly string[]).includes(section)) return false;
  if ((staffOrMetadataKeys as readonly string[]).includes(key)) return false;
  return !isCitationKey(key);
}
