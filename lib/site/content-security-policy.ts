import 'server-only';
import { TRUSTED_TYPES_POLICY_NAMES, TRUSTED_TYPES_REQUIREMENT } from './trusted-types-policy';

/** Where browsers send violations: `report-to` names the group that `Reporting-Endpoints` maps to this path. */
export const CSP_REPORT_PATH = '/api/csp-report';
export const CSP_REPORT_GROUP = 'csp-endpoint';

export type PolicyOptions = {
  /**
   * Which inline scripts may run: a nonce fresh for every response (Next adds it to each of its own
   * scripts), or, for a page kept whole and served to many readers, none at all (`page-without-scripts.ts`)
   * or the hashes of the page's own inline scripts (`inline-script-hashes.ts`), so no nonce is ever shared.
   */
  scripts: { nonce: string } | { hashes: readonly string[] } | 'none';
  /** The desk and sign-in may not be framed at all; reader pages only by the site itself. */
  isStaffArea: boolean;
  /** `next dev` needs eval for its error overlays; a production server never does. */
  isDevelopment?: boolean;
  /** Upgrade stray http:// subresources only when the site itself is served over https. */
  isHttps?: boolean;
};

/**
 * The Content-Security-Policy for a page. Scripts run only with this response's nonce (and what
 * they load, through 'strict-dynamic'), or, on a shared page, only the inline scripts whose hashes it
 * lists and script files from this site: no other inline script, no eval, no plugins. Styles may
 * be inline, since the editor sets style attributes and a style cannot run code. Only the Trusted Types
 * policies the layout defines may be created (not under `next dev`, whose overlay evaluates code); the
 * layout's first script makes them required. Violations are reported to our own endpoint.
 */
export function contentSecurityPolicy({ scripts, isStaffArea, isDevelopment = false, isHttps = false }: PolicyOptions): string {
  const directives = [
    "default-src 'self'",
    scriptSource(scripts, isDevelopment),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${isStaffArea ? "'none'" : "'self'"}`,
    ...(isHttps ? ['upgrade-insecure-requests'] : []),
    // The requirement itself is set by each page's first script (`trusted-types-policy.ts`), not here; a page
    // kept without scripts has no such script and no empty error document to fear, so it gets it here.
    ...(isDevelopment ? [] : [`trusted-types ${TRUSTED_TYPES_POLICY_NAMES.join(' ')}`]),
    ...(scripts === 'none' ? [TRUSTED_TYPES_REQUIREMENT] : []),
    `report-uri ${CSP_REPORT_PATH}`,
    `report-to ${CSP_REPORT_GROUP}`,
  ];
  return directives.join('; ');
}

function scriptSource(scripts: PolicyOptions['scripts'], isDevelopment: boolean): string {
  if (scripts === 'none') return "script-src 'none'";
  // With hashes, 'strict-dynamic' is left out: it would ignore 'self', and Next's script files carry no hash.
  const allowed = 'nonce' in scripts ? `'nonce-${scripts.nonce}' 'strict-dynamic'` : scripts.hashes.join(' ');
  return `script-src 'self'${allowed ? ` ${allowed}` : ''}${isDevelopment ? " 'unsafe-eval'" : ''}`;
}
