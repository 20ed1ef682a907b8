export { loadAllowedSigners, parseAllowedSigners } from './allowed-signers.js';
export type { AllowedSigner } from './allowed-signers.js';
export { parseOpensshPrivateKey } from './openssh-key.js';
export { parseSshsig, RELEASE_NAMESPACE, signSshsig, verifySshsig } from './sshsig.js';
export { safeSignerName, signRelease } from './sign.js';
export { verifyErrorCode, verifyRelease } from './verify.js';
export type { VerifyReport } from './verify.js';
export type { TrustProblem } from './problem.js';
export { formatVerifyReport } from './report.js';
