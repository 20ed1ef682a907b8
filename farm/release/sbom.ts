import type { EvaluatedRecipe } from '../recipe/types.js';

export interface SbomInput {
  readonly name: string;
  readonly rootfsSha256: string;
  readonly sourceDateEpoch: number;
  readonly farmVersion: string;
  readonly packages: readonly { readonly evaluated: EvaluatedRecipe; readonly outputSha256: string }[];
}

function spdxId(name: string): string {
  return `SPDXRef-Package-${name.replace(/[^A-Za-z0-9.-]/g, '-')}`;
}

/** An SPDX 2.3 JSON document for a release; deterministic (created = SOURCE_DATE_EPOCH). */
export function makeSpdx(input: SbomInput): Record<string, unknown> {
  const created = new Date(input.sourceDateEpoch * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const names = new Set(input.packages.map((p) => p.evaluated.recipe.name));
  const packages = input.packages.map(({ evaluated, outputSha256 }) => {
    const r = evaluated.recipe;
    const first = r.sources[0];
    return {
      SPDXID: spdxId(r.name),
      name: r.name,
      versionInfo: r.version,
      description: r.description,
      downloadLocation: first === undefined ? 'NONE' : (first.url ?? 'NOASSERTION'),
      ...(r.homepage === undefined ? {} : { homepage: r.homepage }),
      filesAnalyzed: false,
      licenseConcluded: 'NOASSERTION',
      licenseDeclared: r.license,
      copyrightText: 'NOASSERTION',
      checksums: [{ algorithm: 'SHA256', checksumValue: outputSha256 }],
      externalRefs: r.sources.map((s) => ({
        referenceCategory: 'OTHER',
        referenceType: 'source-archive',
        referenceLocator: `${s.url ?? s.file}#sha256=${s.sha256}`,
      })),
      comment: `built from ${r.sources.map((s) => `${s.file} (sha256 ${s.sha256})`).join(', ') || 'files in the recipe'}`,
    };
  });
  const relationships = [
    ...input.packages.map(({ evaluated }) => ({
      spdxElementId: 'SPDXRef-DOCUMENT',
      relationshipType: 'DESCRIBES',
      relatedSpdxElement: spdxId(evaluated.recipe.name),
    })),
    ...input.packages.flatMap(({ evaluated }) =>
      [...evaluated.recipe.deps, ...evaluated.recipe.buildDeps]
        .filter((d, i, all) => names.has(d) && all.indexOf(d) === i)
        .map((d) => ({
          spdxElementId: spdxId(evaluated.recipe.name),
          relationshipType: evaluated.recipe.deps.includes(d) ? 'DEPENDS_ON' : 'BUILD_DEPENDENCY_OF',
          relatedSpdxElement: spdxId(d),
        })),
    ),
  ];
  return {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: input.name,
    documentNamespace: `https://stasis.invalid/spdx/${input.name}-${input.rootfsSha256}`,
    creationInfo: { created, creators: [`Tool: stasis-farm-${input.farmVersion}`] },
    packages,
    relationships,
  };
}
