import type { KeyContext } from '../../farm/keys/index.js';

/** The key context the key, plan and recipe tests compute keys in: a fixed farm version, builder and toolchain. */
export const KEY_CONTEXT: KeyContext = {
  farmVersion: '0.1.0',
  builderImage: `sha256:${'c'.repeat(64)}`,
  stage: 'dev',
  toolchainEnv: { CC: 'cc', CFLAGS: '-O2', CXXFLAGS: '-O2', LDFLAGS: '-static', LTO: '0' },
  stripStepSha256: 's'.repeat(64),
};
