/** Preloaded (--import) into a benchmarked process: prints its peak resident set (whole process, all threads) on exit. */
import { writeSync } from 'node:fs';

process.on('exit', () => {
  writeSync(2, `\npeak-rss-kb=${process.resourceUsage().maxRSS}\n`);
});
