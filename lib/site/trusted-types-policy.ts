import 'server-only';

/**
 * The Trusted Types policies the page may create: `default`, which the browser applies to every
 * string handed to a script sink, and the private one it parses HTML with. Any other name is refused.
 */
export const TRUSTED_TYPES_POLICY_NAMES = ['default', 'masthead#inert-parse'] as const;

/** What makes a page refuse plain strings at script sinks. */
export const TRUSTED_TYPES_REQUIREMENT = "require-trusted-types-for 'script'";

/**
 * Runs first in every page (inline, with the response's nonce) and defines the `default` policy
 * (ADR 007, addendum): script URLs only from this origin's `/_next/`, no strings turned into
 * script, and HTML passed on unchanged unless it carries something that could run or load code,
 * which is removed. Then, when `isEnforced`, it makes the page require Trusted Types with a policy
 * of its own (a `<meta>`), whose violations it reports to the same endpoint as the header's.
 * The requirement lives here rather than in the header because Next answers a `notFound()` or an
 * error in a dynamic page with an empty document that React fills in the browser: that document never
 * runs this script, so a requirement in the header would leave it without the default policy, blank.
 * Plain JavaScript, as it is sent to the browser as it stands.
 */
export function trustedTypesPolicyScript({ isEnforced, reportPath }: { isEnforced: boolean; reportPath: string }): string {
  return POLICY_SCRIPT.replaceAll('__IS_ENFORCED__', String(isEnforced))
    .replaceAll('__REQUIREMENT__', JSON.stringify(TRUSTED_TYPES_REQUIREMENT))
    .replaceAll('__REPORT_PATH__', JSON.stringify(reportPath));
}

const POLICY_SCRIPT = `(() => {
  const types = window.trustedTypes;
  if (!types || !types.createPolicy || types.defaultPolicy) return;
  const parsing = types.createPolicy('masthead#inert-parse', { createHTML: (html) => html });
  const DROPPED = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'meta', 'link', 'template', 'portal', 'animate', 'set']);
  const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'ping', 'cite', 'codebase']);
  const RUNNABLE_URL = /^(javascript|vbscript):/i;
  // React makes script elements by parsing an empty one; parsed scripts never run, and a src or text given later meets this policy.
  const isEmptyScript = (element) => element.localName === 'script' && element.attributes.length === 0 && element.childNodes.length === 0;
  const isRunnableAttribute = (attribute) => {
    const name = attribute.name.toLowerCase();
    if (name.startsWith('on') || name === 'srcdoc') return true;
    return URL_ATTRIBUTES.has(name) && RUNNABLE_URL.test(attribute.value.replace(/[\\u0000-\\u0020]/g, ''));
  };
  const withoutRunnableParts = (html) => {
    // A template's content is inert: nothing in it loads or runs while it is inspected.
    const template = document.createElement('template');
    template.innerHTML = parsing.createHTML(String(html));
    let isChanged = false;
    for (const element of Array.from(template.content.querySelectorAll('*'))) {
      if (DROPPED.has(element.localName) && !isEmptyScript(element)) {
        element.remove();
        isChanged = true;
        continue;
      }
      for (const attribute of Array.from(element.attributes)) {
        if (!isRunnableAttribute(attribute)) continue;
        element.removeAttribute(attribute.name);
        isChanged = true;
      }
    }
    // Untouched HTML goes on exactly as given: re-serialising would escape CSS and text meant for raw-text elements.
    return isChanged ? template.innerHTML : html;
  };
  const isOwnScriptUrl = (value) => {
    const url = new URL(value, document.baseURI);
    return url.origin === location.origin && url.pathname.startsWith('/_next/');
  };
  types.createPolicy('default', {
    createHTML: withoutRunnableParts,
    createScript: () => null,
    createScriptURL: (value) => (isOwnScriptUrl(value) ? value : null),
  });
  if (!__IS_ENFORCED__) return;
  const requirement = document.createElement('meta');
  requirement.httpEquiv = 'Content-Security-Policy';
  requirement.content = __REQUIREMENT__;
  document.head.appendChild(requirement);
  // A policy set by <meta> cannot name a report endpoint: its violations are sent as the header's are.
  document.addEventListener('securitypolicyviolation', (event) => {
    if (event.originalPolicy !== __REQUIREMENT__) return;
    const report = {
      'document-uri': location.href.split('#')[0],
      'effective-directive': event.effectiveDirective,
      'blocked-uri': event.blockedURI,
      'source-file': event.sourceFile,
      'line-number': event.lineNumber,
      'column-number': event.columnNumber,
      'script-sample': event.sample,
      disposition: event.disposition,
    };
    fetch(__REPORT_PATH__, { method: 'POST', keepalive: true, headers: { 'Content-Type': 'application/csp-report' }, body: JSON.stringify({ 'csp-report': report }) }).catch(() => {});
  });
})();`;
