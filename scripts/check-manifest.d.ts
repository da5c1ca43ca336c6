/** Types for scripts/check-manifest.js (plain Node so `npm run check:manifest` needs no compile step). */

export declare const DEV_BASE_URL: string;
export declare const EXPECTED_NAMESPACE: string;
export declare const EXPECTED_FUNCTION_IDS: readonly string[];

export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

export interface ManifestFacts {
  resources: Map<string, { kind: "Image" | "Url" | "ShortString" | "LongString"; value: string }>;
  urls: string[];
  imageUsages: Map<string, Set<number>>;
  runtimeResid: string | null;
  namespace: string | null;
  baseUrl: string | null;
  id: string | null;
}

export declare function parseXml(xml: string): { root: XmlNode; error?: undefined } | { error: string; root?: undefined };
export declare function checkManifestXml(xml: string, options?: { source?: boolean }): { problems: string[]; facts: ManifestFacts };
export declare function checkFunctionsMetadata(json: string): { problems: string[]; ids: string[]; parameterCount: number };
export declare function checkBuild(options?: { rootDir?: string; distDir?: string; manifestPath?: string }): {
  problems: string[];
  summary: string;
};
export declare function readPngSize(bytes: Uint8Array): { width: number; height: number } | null;
export declare function isAllowedUrl(value: string): boolean;
export declare function main(argv: string[]): number;
