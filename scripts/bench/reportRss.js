// Preloaded into a measured child (`node --import ./scripts/bench/reportRss.js ...`):
// prints the process's peak resident set size when it exits, for the benchmark to read.
process.on('exit', () => {
  process.stderr.write(`\nbench:maxRSS_KB=${process.resourceUsage().maxRSS}\n`);
});
