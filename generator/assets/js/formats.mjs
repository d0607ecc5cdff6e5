/* Dates with their time, and changes with their sign: for the health check, team and home
 * pages (the practice pages need neither). */
import { lang } from "./page.mjs";

export const formatDateTime = (iso) => new Date(iso).toLocaleString(lang(),
  { year: "numeric", month: "long", day: "numeric", hour: "2-digit", minute: "2-digit" });
export const signed = (n) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : "±0");
