// Prints one plain closing line ("N passed, N failed, N skipped") from vitest's JSON report,
// so any reader of the log sees the totals of the whole run at the very end. A test file that
// failed before running any test (an import error, say) counts as one failure.
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? 'test-results/vitest.json';
try {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const brokenFiles = report.testResults.filter(
    (result) => result.status === 'failed' && !result.assertionResults.some((test) => test.status === 'failed'),
  ).length;
  const failed = report.numFailedTests + brokenFiles;
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  console.log(`${report.numPassedTests} passed, ${failed} failed, ${skipped} skipped`);
} catch (error) {
  console.error(`No test report at ${file}: ${error.message}`);
  process.exitCode = 1;
}
