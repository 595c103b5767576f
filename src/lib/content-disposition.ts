/**
 * A download's Content-Disposition (RFC 6266): the name in full as UTF-8 in `filename*`
 * (RFC 8187), and an ASCII-only `filename` for clients that read nothing else. Quotes,
 * backslashes, control characters and line breaks never reach the header as such, so a
 * project number cannot break it or add parameters to it.
 */
export function attachmentDisposition(filename: string): string {
  const name = filename.replace(/[\u0000-\u001f\u007f]+/g, " ").trim() || "download";
  const ascii = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/[^\x20-\x7e]|["\\%;]/g, "_");
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
