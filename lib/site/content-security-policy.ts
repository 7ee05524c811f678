import 'server-only';
import { TRUSTED_TYPES_POLICY_NAMES } from './trusted-types-policy';

/** Where browsers send violations: `report-to` names the group that `Reporting-Endpoints` maps to this path. */
export const CSP_REPORT_PATH = '/api/csp-report';
export const CSP_REPORT_GROUP = 'csp-endpoint';

export type PolicyOptions = {
  /** Fresh for every response; Next adds it to each of its own scripts. */
  nonce: string;
  /** The desk and sign-in may not be framed at all; reader pages only by the site itself. */
  isStaffArea: boolean;
  /** `next dev` needs eval for its error overlays; a production server never does. */
  isDevelopment?: boolean;
  /** Upgrade stray http:// subresources only when the site itself is served over https. */
  isHttps?: boolean;
};

/**
 * The Content-Security-Policy for a page. Scripts run only with this response's nonce (and what
 * they load, through 'strict-dynamic'): no inline script without it, no eval, no plugins. Styles may
 * be inline, since the editor sets style attributes and a style cannot run code. Only the Trusted Types
 * policies the layout defines may be created (not under `next dev`, whose overlay evaluates code); the
 * layout's first script makes them required. Violations are reported to our own endpoint.
 */
export function contentSecurityPolicy({ nonce, isStaffArea, isDevelopment = false, isHttps = false }: PolicyOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDevelopment ? " 'unsafe-eval'" : ''}`,
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
    // The requirement itself is set by each page's first script (`trusted-types-policy.ts`), not here.
    ...(isDevelopment ? [] : [`trusted-types ${TRUSTED_TYPES_POLICY_NAMES.join(' ')}`]),
    `report-uri ${CSP_REPORT_PATH}`,
    `report-to ${CSP_REPORT_GROUP}`,
  ];
  return directives.join('; ');
}
