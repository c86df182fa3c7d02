/**
 * Decap's in-memory `test-repo` backend, for browser tests of the editorial
 * workflow (draft, in review, ready, published), which the local server
 * cannot show: it knows only simple publishing. A build asks for it only when
 * made with P2P_CMS_TEST_REPO=1, and even then it takes over only on a
 * loopback address; this module loads as a chunk of its own, never with the
 * login screen. The entries it starts from are `window.repoFiles`, set by the test.
 */
import { TestBackend } from "decap-cms-backend-test";
import type { DecapConfig } from "../src/schema/decap.ts";
import type CMS from "./decap.ts";

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** The config with the test backend in place of GitHub and the local server, when on loopback. */
export function withTestRepo(cms: typeof CMS, config: DecapConfig, hostname: string): object {
  if (!LOOPBACK.has(hostname)) return config;
  cms.registerBackend("test-repo", TestBackend);
  const { local_backend: _local, ...rest } = config;
  return { ...rest, backend: { name: "test-repo" } };
}
