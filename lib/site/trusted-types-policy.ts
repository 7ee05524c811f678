import 'server-only';

/**
 * The Trusted Types policies the page may create: `default`, which the browser applies to every
 * string handed to a script sink, and the private one it parses HTML with. Any other name is refused.
 */
export const TRUSTED_TYPES_POLICY_NAMES = ['default', 'masthead#inert-parse'] as const;

/**
 * Runs first in every page (inline, with the response's nonce) and defines the `default` policy
 * (ADR 007, addendum): script URLs only from this origin's `/_next/`, no strings turned into
 * script, and HTML passed on unchanged unless it carries something that could run or load code,
 * which is removed. Plain JavaScript, as it is sent to the browser as it stands.
 */
export const TRUSTED_TYPES_POLICY_SCRIPT = `(() => {
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
})();`;
