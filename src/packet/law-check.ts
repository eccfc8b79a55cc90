/** The day the packet's legal text was last checked against its sources: one date, in assets/legal/law-check.json. */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { isoDate } from '../directory/schema.js';
import { projectPath } from '../project-paths.js';

const lawCheckSchema = z.object({
  checkedOn: isoDate,
  sources: z.array(z.object({ covers: z.string().min(1), title: z.string().min(1), url: z.string().url().optional() })).min(1),
});

export type LawCheck = z.infer<typeof lawCheckSchema>;

let memo: { checkedOn: Date; sources: LawCheck['sources'] } | undefined;

/** Read once: the date is data, printed by the cover in every language, never typed into catalog strings. */
export function getLawCheck(): { checkedOn: Date; sources: LawCheck['sources'] } {
  if (!memo) {
    const parsed = lawCheckSchema.parse(JSON.parse(readFileSync(projectPath('assets', 'legal', 'law-check.json'), 'utf8')));
    memo = { checkedOn: new Date(`${parsed.checkedOn}T00:00:00Z`), sources: parsed.sources };
  }
  return memo;
}
