/** One thing `verify` found wrong, named by the file it is about. */
export interface TrustProblem {
  /** integrity: a file vs SHA256SUMS; manifest: manifest/SBOM/tarball disagree; signatures: who signed. */
  readonly kind: 'integrity' | 'manifest' | 'signatures';
  readonly file: string;
  readonly detail: string;
}
