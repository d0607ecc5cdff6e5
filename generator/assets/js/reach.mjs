/* Every page: reaching the forms from the keyboard, and no Tab stop the reader cannot see. */
import { el, t } from "./page.mjs";

/* ---- Reaching the forms: a skip link to the checklist, and no Tab stop the reader
 * cannot see (the links at the top of a practice page get their status from the forms'
 * own renderers: showAtJump) ---- */
/* Every page: permalinks leave the Tab order (a click still follows them; the table of
 * contents links every section too). (The search's result area, folded away to nothing
 * while the search is closed, is hidden then by playbook.css.) A practice page's checklist
 * gets a skip link beside the theme's own, drawn like it. */
export const reach = () => {
  for (const node of document.querySelectorAll(".md-content .headerlink")) node.tabIndex = -1;
  const target = document.querySelector(".pb-jump a[data-pb-jump=checklist]");
  const theirs = document.querySelector(".md-skip:not(.pb-skip)");
  document.querySelector(".pb-skip")?.remove(); // a page before this one's, kept by the theme
  if (target && theirs) {
    theirs.after(el("a", { class: "md-skip pb-skip", href: target.getAttribute("href"), text: t("skip_to_checklist") }));
  }
};
/* A link to a place on the same page (the links to the forms, the skip link, the start-here
 * path, "Back to top") goes there at once, whenever it is clicked. The theme's instant
 * navigation takes over such clicks (and the popstate of a changed fragment) and scrolls only
 * once it has finished setting the page up, or back to where the page was: a quick click
 * after a load or a reload changed the address and left the page where it was. So the
 * script does what the browser does for a plain link, itself: a new history entry with the
 * fragment, the target scrolled into view (its scroll margin kept), and the focus moved
 * there, so that Tab goes on from the target, as it does after a plain link. */
const sameTarget = (link) => {
  // The theme writes every relative address out in full: compare the parts.
  const here = window.location;
  if (!link.hash || link.origin !== here.origin || link.pathname !== here.pathname || link.search !== here.search) return null;
  let id;
  try { id = decodeURIComponent(link.hash.slice(1)); } catch { return null; }
  return id ? document.getElementById(id) : null;
};
document.addEventListener("click", (event) => {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = event.target instanceof Element && event.target.closest(".md-content a[href*='#'], a.pb-skip");
  const target = link && sameTarget(link);
  if (!target) return;
  event.preventDefault();
  event.stopPropagation(); // the theme's own handler listens further up
  if (window.location.hash !== link.hash) window.history.pushState(null, "", link.hash);
  if (!target.hasAttribute("tabindex") && !target.matches("a[href], button, input, select, textarea")) {
    target.setAttribute("tabindex", "-1");
    target.classList.add("pb-jump-target");
  }
  target.focus({ preventScroll: true });
  // Clear of the theme's fixed header, as its own rule for a :target gives (a pushed
  // fragment does not make the element the :target).
  const header = document.querySelector(".md-header");
  target.style.scrollMarginTop = `${(header ? header.offsetHeight : 0) + 12}px`;
  target.scrollIntoView();
}, true);
/* On a narrow screen the navigation drawer and the search are folded away off the page,
 * and within the drawer each level (a section, the table of contents) is a panel that
 * covers the one it opens from; Zensical's table of contents is folded away as well. A
 * keyboard entering one of them unfolds it, and shows the panel that holds the focused link,
 * with the theme's own toggles; leaving it puts everything back. So focus never goes where
 * it cannot be seen. */
const onScreen = (node) => {
  const r = node.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && r.right > 0 && r.left < window.innerWidth &&
    (!node.checkVisibility || node.checkVisibility({ opacityProperty: true, visibilityProperty: true }));
};
const folded = new Map(); // toggle: whether it was checked before the keyboard came
const flip = (toggle, checked) => {
  if (toggle.checked === checked) return false;
  if (!folded.has(toggle)) folded.set(toggle, toggle.checked);
  toggle.click();
  return true;
};
/* The browser scrolled the folded-away link into view before it was unfolded: once the
 * panels have slid in, put the scrolled containers back and bring the link into view. */
const settle = (target) => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => null)))
  .then(() => {
    if (document.activeElement !== target) return;
    for (let node = target.parentElement; node; node = node.parentElement) if (node.scrollLeft) node.scrollLeft = 0;
    target.scrollIntoView({ block: "nearest", inline: "nearest" });
  });
const unfold = (target) => {
  const drawer = document.getElementById("__drawer");
  const search = document.getElementById("__search");
  const sidebar = document.querySelector(".md-sidebar--primary");
  const searchBox = document.querySelector(".md-search");
  const toc = document.querySelector(".md-sidebar--secondary #__toc");
  const inDrawer = Boolean(sidebar && sidebar.contains(target));
  const inSearch = Boolean(searchBox && searchBox.contains(target));
  const inToc = Boolean(toc && toc.parentElement.contains(target));
  for (const [toggle, checked] of [...folded].reverse()) { // put back where focus has left
    if (toggle === toc ? inToc : toggle === search ? inSearch : inDrawer) continue;
    if (toggle.checked !== checked) toggle.click();
    folded.delete(toggle);
  }
  let moved = false;
  if (inDrawer && drawer instanceof HTMLInputElement) {
    if (!drawer.checked && !onScreen(target)) moved = flip(drawer, true);
    if (!folded.has(drawer)) return; // the drawer is part of the page here: no panels
    for (const toggle of sidebar.querySelectorAll("input.md-nav__toggle")) {
      const panel = toggle.parentElement.querySelector(":scope > .md-nav");
      if (panel && flip(toggle, panel.contains(target))) moved = true;
    }
  } else if (inSearch && search instanceof HTMLInputElement && !search.checked && !onScreen(target)) {
    moved = flip(search, true);
  } else if (inToc && toc instanceof HTMLInputElement && !toc.checked && !onScreen(target)) {
    moved = flip(toc, true);
  }
  if (moved) settle(target);
};
document.addEventListener("focusin", (event) => unfold(event.target));
