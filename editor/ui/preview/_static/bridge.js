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
    // A patch's images show as they arrive, as before (preview.css hides only the page's own).
    for (const img of template.content.querySelectorAll("img")) markLoaded(img);
    return template.content;
  }

  // preview.css hides the page's images until each has all its bytes. The scheme answers
  // through a 64 KB pipe, so Chromium saw a larger photo in two parts; a frame painted
  // between them decoded the partial photo, and the whole one was decoded again (a second
  // full-size decode kept in the renderer, +9 MB in half the runs: docs/performance.md).
  // The kept picture stays up until the page is the same pixels, so nothing shows the wait.
  function markLoaded(img) {
    img.setAttribute("data-preview-loaded", "");
  }

  function onImageDone(event) {
    if (event.target instanceof HTMLImageElement) markLoaded(event.target);
  }

  function watchImages() {
    document.addEventListener("load", onImageDone, true);
    document.addEventListener("error", onImageDone, true);
    for (const img of document.images) if (img.complete) markLoaded(img);
  }

  // preview.css also keeps the page's body hidden until the page has loaded. A frame painted
  // before its photos were in (text only) was rastered again in full when they showed:
  // Chromium rasters into new tiles while the old are on screen and pools the old ones for
  // ~5 s (14 tiles of 256 KB in the renderer at 1440 x 900). A hidden body paints one
  // colour, for which Chromium keeps no tile. SHOW_AFTER_MS: a photo that never arrives.
  const SHOW_AFTER_MS = 1000;

  function showWhenLoaded() {
    const root = document.documentElement;
    const show = (why) => {
      if (!root.hasAttribute("data-preview-shown")) root.setAttribute("data-preview-shown", why);
    };
    if (document.readyState === "complete") {
      show("load");
      return;
    }
    window.addEventListener("load", () => show("load"), { once: true });
    setTimeout(() => show("late"), SHOW_AFTER_MS);
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

  // The body's block wrappers sit in groups (editor/render/preview_updates.py GROUP_ROWS):
  // Chromium lays an edit out by walking the edited block's parent, so a group of ~32
  // instead of the whole body's ~800 blocks. Indexes in a patch count wrappers, not groups.
  const SPLIT_AT = 64;  // 2 * GROUP_ROWS: a group grown past this is cut in two

  // Rows are found by walking the groups (~25 at 100k characters), not by listing all ~800
  // rows of the body with a selector, twice a patch.
  function rowAt(container, index) {
    if (index < 0) return null;
    for (let group = container.firstElementChild; group; group = group.nextElementSibling) {
      const count = group.childElementCount;
      if (index < count) return group.children[index];
      index -= count;
    }
    return null;
  }

  function nextRow(row) {
    if (row.nextElementSibling) return row.nextElementSibling;
    const group = row.parentElement.nextElementSibling;
    return group ? group.firstElementChild : null;
  }

  function rowCount(container) {
    let count = 0;
    for (let group = container.firstElementChild; group; group = group.nextElementSibling) {
      count += group.childElementCount;
    }
    return count;
  }

  function newGroup() {
    const group = document.createElement("div");
    group.className = "md-group";
    return group;
  }

  function removeRow(row) {
    const group = row.parentElement;
    row.remove();
    if (!group.firstElementChild) group.remove();
  }

  function insertRows(container, rows, before) {
    let group = before ? before.parentElement : container.lastElementChild;
    if (!group) group = container.appendChild(newGroup());
    group.insertBefore(rows, before);
    if (group.childElementCount <= SPLIT_AT) return;
    // A paste of many blocks: keep the first half here, the rest in groups of half.
    const moved = Array.from(group.children).slice(SPLIT_AT / 2);
    const groups = [];
    for (let i = 0; i < moved.length; i += SPLIT_AT / 2) {
      const next = newGroup();
      next.append(...moved.slice(i, i + SPLIT_AT / 2));
      groups.push(next);
    }
    group.after(...groups);
  }

  function applyBody(patch) {
    const container = body();
    if (!container) return -1;
    collectSometimes();
    const gone = [];
    let before = rowAt(container, patch.start);
    for (let n = 0; n < patch.remove && before; n++) {
      gone.push(before);
      before = nextRow(before);
    }
    for (const row of gone) removeRow(row);
    if (patch.html) insertRows(container, fragment(patch.html), before);
    for (const [first, end, delta] of patch.shifts) {
      let row = rowAt(container, first);
      for (let i = first; i < end && row; i++, row = nextRow(row)) {
        row.dataset.line = String(Number(row.dataset.line) + delta);
      }
    }
    const count = rowCount(container);
    if (patch.scrollTo >= 0) {
      const box = rectOf(container, patch.scrollTo);
      if (box) placeNearTop(box);
    }
    if (patch.reveal) revealRow(container, Math.min(patch.start, count - 1));
    return count;
  }

  function replaceBody(html) {
    const container = body();
    if (!container) return -1;
    container.replaceChildren(fragment(html));
    wakeSoon();
    return rowCount(container);
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
    wakeSoon();  // a new element may bring a running animation: held again after its frames
    return updates.length;
  }

  function rectOf(container, index) {
    // Wrappers are display: contents (no box of their own): measure what they hold, or
    // the next wrapper holding something (a link definition renders nothing).
    for (let row = rowAt(container, Math.max(0, index)); row; row = nextRow(row)) {
      if (!row.firstElementChild) continue;
      const range = document.createRange();
      range.selectNodeContents(row);
      return range.getBoundingClientRect();
    }
    return null;
  }

  function scrollToBlock(index) {
    const container = body();
    if (!container) return false;
    const box = rectOf(container, index);
    if (box) placeNearTop(box);
    return Boolean(box);
  }

  // Scroll-driven animations (a profile's reading bar) keep Chromium's compositor ticking 60
  // times a second while nothing moves (~45 ms of CPU a second on this side), and while it
  // ticks a patch's frame waits for the next tick (up to 16.7 ms). So they are paused while
  // the page is still, and run from just before anything that moves the page or changes its
  // height until RUN_FRAMES frames after: a paused animation holds exactly what it showed, so
  // at rest the page is what a reader's browser shows (docs/performance.md, session 7). A
  // wake waits for the next task: the frame that carries a patch starts at once, and the
  // animations follow one frame later.
  const RUN_FRAMES = 3;
  let framesLeft = 0;
  let wakePending = false;

  function scrollAnimations() {
    if (typeof ScrollTimeline === "undefined" || !document.getAnimations) return [];
    return document.getAnimations().filter((a) => a.timeline instanceof ScrollTimeline);
  }

  function holdAnimations(play) {
    for (const animation of scrollAnimations()) {
      try {
        if (play) animation.play();
        else animation.pause();
      } catch (error) {
        // An animation that cannot change state now keeps the state it had.
      }
    }
  }

  function wake() {
    wakePending = false;
    const running = framesLeft > 0;
    framesLeft = RUN_FRAMES;
    if (running) return;  // the countdown is on: it starts again from RUN_FRAMES
    holdAnimations(true);
    requestAnimationFrame(countDown);
  }

  function wakeSoon() {
    if (wakePending) return;
    wakePending = true;
    setTimeout(wake, 0);
  }

  function countDown() {
    framesLeft -= 1;
    if (framesLeft > 0) requestAnimationFrame(countDown);
    else holdAnimations(false);
  }

  function placeNearTop(box) {
    const top = box.top + window.scrollY - window.innerHeight * 0.15;
    window.scrollTo({top: Math.max(0, top), behavior: "instant"});
  }

  // Typing keeps the edited block on screen: the page scrolls only when the block is out of
  // view (its top under the sticky reading bar counts as out), to where the scroll sync puts
  // a block (15 % from the top). A block taller than the screen only has to show in part.
  function revealRow(container, index) {
    const box = rectOf(container, index);
    if (!box) return;
    const view = window.innerHeight;
    const clear = view * 0.1;
    const shown = box.height <= view - clear
      ? box.top >= clear && box.bottom <= view
      : box.bottom > clear && box.top < view;
    if (!shown) placeNearTop(box);
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
    wakeSoon();  // before the page scrolls: the animations run for it
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

  watchImages();
  showWhenLoaded();
  document.addEventListener("click", onClick, true);
  // What moves the page or changes its scroll range wakes the scroll-driven animations.
  document.addEventListener("keydown", wakeSoon, true);
  window.addEventListener("scroll", wakeSoon, {passive: true});
  window.addEventListener("resize", wakeSoon);
  if (window.ResizeObserver) new ResizeObserver(wakeSoon).observe(document.documentElement);
  wakeSoon();  // the page as loaded: run a few frames, then hold
  document.addEventListener("wheel", onWheel, {capture: true, passive: false});
  connect();
})();
