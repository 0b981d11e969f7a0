/**
 * HTML escaping for every string that reaches the report from outside negsim: scenario files come from
 * strangers, so a title, an actor's name, a quotation or a file name is text, never markup. The five
 * characters below are the ones that can end a text node or a quoted attribute value (the OWASP XSS
 * prevention rules 1 and 2); the page quotes every attribute with `"`, so the one function serves both.
 *
 * @example
 * escapeHtml('<script>alert("x")</script> & co') // '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co'
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/**
 * A URL for an `href`, or null: only http(s) links are made clickable, so a `javascript:` or `data:` URL in
 * a scenario's `source.url` stays text.
 *
 * @example
 * safeHref('https://apnews.com/x?a=1&b=2') // 'https://apnews.com/x?a=1&amp;b=2'
 * safeHref('javascript:alert(1)')          // null
 */
export function safeHref(url: string): string | null {
  return /^https?:\/\/[^\s]+$/i.test(url.trim()) ? escapeHtml(url.trim()) : null;
}
