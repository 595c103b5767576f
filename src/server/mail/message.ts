/** An email as Rollcall writes it: a plain-text and an HTML part, and the links it carries. */
export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The links in the message, so the outbox can show them. */
  links: string[];
};

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/**
 * A message of paragraphs and one call to action. Names typed by people (an inviter's, a
 * company's) are escaped in the HTML part, so nobody can put markup into someone's inbox.
 */
export function composeMessage({
  to,
  subject,
  greeting,
  paragraphs,
  action,
  footer,
}: {
  to: string;
  subject: string;
  greeting: string;
  paragraphs: string[];
  action: { label: string; url: string };
  footer: string;
}): MailMessage {
  const text = [greeting, ...paragraphs, `${action.label}: ${action.url}`, footer].join("\n\n");
  const html = [
    `<p>${escapeHtml(greeting)}</p>`,
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    `<p><a href="${escapeHtml(action.url)}">${escapeHtml(action.label)}</a></p>`,
    `<p style="color:#64748b">${escapeHtml(footer)}</p>`,
  ].join("\n");
  return { to, subject, text, html: `<!doctype html><html><body>${html}</body></html>`, links: [action.url] };
}
