/** The five requests issue 8 was tried with, as a reader of the packet would bring them. */
export const issueRequests: Record<string, Record<string, unknown>> = {
  'Spanish youth with an ICE hold, Los Angeles to Alameda': {
    language: 'es',
    youth: true,
    county: 'los-angeles',
    destinationCounty: 'alameda',
    iceHold: { received: true },
    person: { name: 'Nguyễn Văn An' },
  },
  'English, San Diego, A4, large print, an Arabic name': {
    language: 'en',
    county: 'san-diego',
    person: { name: 'محمد عبد الله' },
    print: { paper: 'a4', largePrint: true },
  },
  'English, Modoc, a Chinese name, staff checklist': { language: 'en', county: 'modoc', person: { name: '张伟' }, print: { staffChecklist: true } },
  'Spanish adult, Fresno, no hold': { language: 'es', county: 'fresno' },
  'Spanish youth, release date, place, contacts, agency will comply, release shared with ICE': {
    language: 'es',
    youth: true,
    county: 'los-angeles',
    destinationCounty: 'alameda',
    person: { name: 'Nguyễn Văn An' },
    release: { date: '2026-12-01', location: "Los Angeles County Men's Central Jail, 441 Bauchet St" },
    contacts: [
      { role: 'attorney', name: 'Ana Pérez', phone: '(213) 555-0100' },
      { role: 'family', name: 'Nguyễn Thị Hoa', phone: '(510) 555-0123' },
    ],
    iceHold: { received: true, agencyWillComply: true, releaseInfoSharedWithIce: true },
  },
};
