/* Dates with their time, changes with their sign, and files to download: for the health
 * check, team and home pages (the practice pages need none of them). */
import { el, lang } from "./page.mjs";

export const formatDateTime = (iso) => new Date(iso).toLocaleString(lang(),
  { year: "numeric", month: "long", day: "numeric", hour: "2-digit", minute: "2-digit" });
export const signed = (n) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : "±0");
/* Hands `text` to the browser as a file called `name`. */
export const download = (name, text, type) => {
  const link = el("a", { href: URL.createObjectURL(new Blob([text], { type })), download: name });
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(link.href), 1000);
};
