export type { TestCase, TestSuite } from './model.js';
export { escapeXml, renderJUnit } from './xml.js';
export { auditSuite } from './audit-suite.js';
export { compareSuite } from './compare-suite.js';
export { stageSuite } from './stage-suite.js';
export { junitFromRun } from './from-run.js';
