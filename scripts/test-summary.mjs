// Reads the vitest and Playwright JSON reports and prints one closing line: "N passed, N failed".
import { existsSync, readFileSync } from 'node:fs'

let passed = 0
let failed = 0
let skipped = 0
const missing = []
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    missing.push(file)
    continue
  }
  const report = JSON.parse(readFileSync(file, 'utf8'))
  if ('numPassedTests' in report) {
    passed += report.numPassedTests
    failed += report.numFailedTests
    skipped += report.numPendingTests + (report.numTodoTests ?? 0)
  } else if (report.stats) {
    passed += report.stats.expected
    failed += report.stats.unexpected + (report.stats.flaky ?? 0)
    skipped += report.stats.skipped
  }
}
for (const file of missing) console.log(`missing report: ${file}`)
if (missing.length) failed += missing.length
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(failed > 0 || skipped > 0 ? 1 : 0)
