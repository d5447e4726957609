// The preview's own script. Runs in an isolated world (the page's CSP and any page script
// cannot touch it); Python calls window.articlePreview.* through runJavaScript.
(function () {
  "use strict";
  if (window.articlePreview) return;
  let bridge = null;

  function body() {
    return document.querySelector('[data-field="body"]');
  }

  function fragment(html) {
    const template = document.createElement("template");
    template.innerHTML = html;
    return template.content;
  }

  // Every patch leaves the rows it replaced (and their parse and layout) as garbage, which
  // V8 and Blink collect late: ~30 KB a patch, +17 MB of the renderer over 500 refreshes.
  // With --expose-gc (editor/ui/app.py) the page collects every GC_EVERY patches once idle.
  const GC_EVERY = 100;
  let patches = 0;

  function collectSometimes() {
    patches += 1;
    if (patches % GC_EVERY === 0 && typeof gc === "function") {
      (window.requestIdleCallback || setTimeout)(() => gc());
    }
  }

  function applyBody(patch) {
    const container = body();
    if (!container) return -1;
    collectSometimes();
    const rows = container.children;
    for (let n = 0; n < patch.remove; n++) {
      const row = rows[patch.start];
      if (row) row.remove();
    }
    if (patch.html) container.insertBefore(fragment(patch.html), rows[patch.start] || null);
    for (const [first, end, delta] of patch.shifts) {
      for (let i = first; i < end && i < rows.length; i++) {
        rows[i].dataset.line = String(Number(rows[i].dataset.line) + delta);
      }
    }
    return rows.length;
  }

  function replaceBody(html) {
    const container = body();
    if (!container) return -1;
    container.replaceChildren(fragment(html));
    return container.children.length;
  }

  function applyFields(updates) {
    for (const update of updates) {
      const nodes = document.querySelectorAll('[data-field="' + update.field + '"]');
      const outer = Array.from(nodes).filter(
        (el) => !el.parentElement || !el.parentElement.closest("[data-field]"));
      const el = outer[update.index];
      if (!el) continue;
      if ("text" in update) el.textContent = update.text;
      else el.replaceWith(fragment(update.html));
    }
    return updates.length;
  }

  function boxOf(row) {
    // Wrappers are display: contents (no box); scroll to their first element with one.
    for (let el = row; el; el = el.nextElementSibling) {
      const target = el.firstElementChild;
      if (target) return target;
    }
    return null;
  }

  function scrollToBlock(index) {
    const container = body();
    if (!container) return false;
    const row = container.children[Math.max(0, index)];
    const target = row ? boxOf(row) : null;
    if (!target) return false;
    const top = target.getBoundingClientRect().top + window.scrollY;
    window.scrollTo({top: Math.max(0, top - window.innerHeight * 0.15), behavior: "instant"});
    return true;
  }

  function reloadBrokenImages() {
    for (const img of document.images) {
      if (img.complete && img.naturalWidth === 0 && img.src.startsWith("article:")) {
        // A new query makes it a new request; the scheme ignores the query.
        const src = img.getAttribute("src").split("?")[0];
        img.setAttribute("src", src + "?v=" + Date.now());
      }
    }
  }

  function onClick(event) {
    const row = event.target.closest && event.target.closest(".md-block");
    if (row && bridge) bridge.block_clicked(Number(row.dataset.line));
  }

  function connect() {
    if (typeof QWebChannel === "undefined" || !window.qt || !qt.webChannelTransport) return;
    new QWebChannel(qt.webChannelTransport, (channel) => {
      bridge = channel.objects.bridge;
      if (bridge) bridge.page_ready();
    });
  }

  window.articlePreview = {
    applyBody, replaceBody, applyFields, scrollToBlock, reloadBrokenImages,
    columnBox,
    scrollY: () => window.scrollY,
    restoreScroll: (y) => window.scrollTo({top: y, behavior: "instant"}),
  };
  // Ctrl+wheel would zoom the page in the browser, which narrows its CSS viewport and
  // reflows the desktop layout; the preview zooms by scaling instead.
  function onWheel(event) {
    if (!event.ctrlKey) return;
    event.preventDefault();
    if (bridge && event.deltaY) bridge.zoom(event.deltaY < 0 ? 1 : -1);
  }

  function columnBox() {
    const body = document.querySelector("[data-field=body]");
    if (!body) return null;
    const box = body.getBoundingClientRect();
    const text = body.querySelector("p") || body;
    return JSON.stringify([box.left + window.scrollX, box.width,
      parseFloat(getComputedStyle(text).fontSize)]);
  }

  document.addEventListener("click", onClick, true);
  document.addEventListener("wheel", onWheel, {capture: true, passive: false});
  connect();
})();
