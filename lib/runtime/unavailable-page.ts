import { branding } from "../branding";
import { format, messagesFor, type Locale } from "../i18n";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/**
 * The page shown while the database cannot be reached: complete HTML that needs neither the
 * database nor JavaScript, in the visitor's language, with the municipality's phone number.
 */
export function databaseUnavailableHtml(locale: Locale): string {
  const t = messagesFor(locale);
  const b = branding();
  const phone = escapeHtml(b.phone);
  const text = escapeHtml(format(t.errors.databaseText, { phone: "\u0000" })).replace("\u0000", `<a href="tel:${phone.replace(/\s/g, "")}">${phone}</a>`);
  return `<!DOCTYPE html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t.errors.databaseTitle)} | ${escapeHtml(b.name)}</title>
<style>
body{margin:0;font-family:"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-size:1.125rem;line-height:1.6;color:#1b1b1b}
header{border-bottom:8px solid ${b.colourPrimary};padding:1rem}
header p{margin:0;font-weight:700;font-size:1.25rem}
main{max-width:48rem;margin:0 auto;padding:2rem 1rem}
a{color:${b.colourPrimary}}
a:focus-visible{outline:3px solid #1b1b1b;outline-offset:2px;box-shadow:0 0 0 6px #ffbf47}
.note{border-left:8px solid ${b.colourPrimary};padding:.5rem 1rem;background:#f3f2f1}
</style>
</head>
<body>
<header><p>${escapeHtml(b.name)}</p></header>
<main>
<h1>${escapeHtml(t.errors.databaseTitle)}</h1>
<p>${text}</p>
<p class="note">${escapeHtml(t.errors.deadlineNote)}</p>
<p><a href="">${escapeHtml(t.errors.tryAgain)}</a></p>
</main>
</body>
</html>`;
}
