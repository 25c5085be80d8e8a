// manifestlint playground: the page around manifestlint.wasm (validate
// compiled to WebAssembly, see internal/playground/wasm/main.go). Everything runs here;
// the manifest is never sent anywhere (a share link keeps it after the #,
// which browsers do not send to servers).
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const ta = $("manifest");
  const gutter = $("gutter");
  const gutterRows = $("gutterRows");
  const backdropRows = $("backdropRows");
  const list = $("findings");
  const summary = $("summary");
  const statusEl = $("status");
  const notice = $("notice");
  const noticeText = $("noticeText");
  const fixAll = $("fixAll");
  const kindEl = $("kind");
  const exampleSel = $("example");
  const jobTypeSel = $("jobType");
  const regionSel = $("region");
  const keyInput = $("accessKeyId");
  const explainPane = $("explain");
  const panes = document.querySelector(".panes");
  const body = document.body;

  const DEBOUNCE_MS = 120;
  const KIND_TITLES = {
    "s3-import": "S3 import",
    "s3-export": "S3 export",
    "ebs-import": "EBS import",
    "glacier-import": "Glacier import",
  };

  let ready = false;
  let timer = 0;
  let result = null; // the last lint result
  let lintedText = null; // the editor's text result is for
  let lineRow = [0]; // line (as findings count them) - 1 -> the editor's row
  let rowLine = [1]; // the editor's row -> the line it starts
  let lineCount = 1; // the lines of the editor's text, as findings count them
  let rowMark = new Map(); // the editor's row -> "error" or "warning"
  let shown = { first: -1, last: -1 }; // the rows in the gutter now
  // A textarea holds LF only: it turns CR LF and CR into LF. The manifest's
  // own bytes are kept here, so that the page lints, fixes and shares the
  // text it was given (a link's or an example's), line ends and all.
  let rawText = null; // the text last put in the editor by the page
  let eol = "\n"; // the line end of that text, given to what is typed
  let examples = [];

  // ---- Share links: #manifest=<base64url, no padding>&jobType=&region= ----

  function toBase64url(text) {
    const bytes = new TextEncoder().encode(text);
    let bin = "";
    for (let i = 0; i < bytes.length; i += 0x8000) {
      bin += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    }
    return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  // fromBase64url decodes a share link's manifest; it throws an Error that
  // says what is wrong with it (not base64url, or not UTF-8).
  function fromBase64url(s) {
    if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1) {
      throw new Error("not base64url (letters, digits, - and _ only)");
    }
    s = s.replace(/-/g, "+").replace(/_/g, "/");
    while (s.length % 4) s += "=";
    const bin = atob(s);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    try {
      // ignoreBOM: a byte order mark is part of the text, as in a file.
      return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch (e) {
      throw new Error("its bytes are not UTF-8 text");
    }
  }

  // shareHash is the share link of the page: the manifest with its secret
  // values left out (trueCryptPassword, pinCode and the keys read as them,
  // as manifestlint.shareText masks them), the job type and the region;
  // never the access key ID. secretsLeftOut says a value was left out.
  function shareHash() {
    const shared = JSON.parse(globalThis.manifestlint.shareText(docText()));
    const p = ["manifest=" + toBase64url(shared.text)];
    if (jobTypeSel.value) p.push("jobType=" + jobTypeSel.value);
    if (regionSel.value) p.push("region=" + encodeURIComponent(regionSel.value));
    return { hash: "#" + p.join("&"), secretsLeftOut: shared.secretsLeftOut };
  }

  // restoreFromHash sets the page from a share link; false when the
  // address has none. What is wrong with a link is shown in the notice
  // (which stays until closed, unlike the status line that every lint
  // rewrites) and ignored: a manifest that cannot be read leaves the editor
  // empty, never showing other text as if it were the link's.
  function restoreFromHash() {
    const h = location.hash.replace(/^#/, "");
    if (!h) return false;
    const params = new URLSearchParams(h);
    if (!["manifest", "jobType", "region"].some((k) => params.has(k))) return false;
    const problems = [];
    let text = "";
    if (!params.has("manifest")) {
      problems.push("The link holds no manifest (#manifest=…): the editor is empty.");
    } else {
      try {
        text = fromBase64url(params.get("manifest"));
      } catch (e) {
        problems.push("The link's manifest cannot be read, " + e.message + ": the editor is empty.");
      }
    }
    const jt = params.get("jobType") || "";
    if (jt === "" || /^(import|export)$/i.test(jt)) {
      jobTypeSel.value = jt.toLowerCase();
    } else {
      problems.push("The link's job type " + JSON.stringify(jt) + " is not import or export: ignored, the job type is inferred.");
      jobTypeSel.value = "";
    }
    const region = params.get("region") || "";
    if (region && !Array.from(regionSel.options).some((o) => o.value === region)) {
      problems.push("The link's region " + JSON.stringify(region) + " is not one the service ran in: ignored.");
      regionSel.value = "";
    } else {
      regionSel.value = region;
    }
    showNotice(problems);
    exampleSel.value = "";
    setText(text);
    return true;
  }

  // ---- Editor ----

  // normalizeBreaks is what a textarea makes of text: CR LF and CR become LF.
  function normalizeBreaks(text) {
    return text.replace(/\r\n?/g, "\n");
  }

  // docText is the manifest the editor shows, with its own line ends: the
  // text the page put in when the editor still shows it, else the editor's
  // text with that text's line end (as an editor keeps a file's line ends).
  function docText() {
    const v = ta.value;
    if (rawText !== null && rawText.length >= v.length && normalizeBreaks(rawText) === v) return rawText;
    return eol === "\n" ? v : v.replace(/\n/g, eol);
  }

  // editorOffsets returns the function that converts a UTF-16 offset of doc
  // (docText) to one of the editor's text: each CR LF before it is one
  // character there.
  function editorOffsets(doc) {
    const crlf = [];
    if (doc.indexOf("\r") >= 0) {
      for (let i = doc.indexOf("\r\n"); i >= 0; i = doc.indexOf("\r\n", i + 2)) crlf.push(i);
    }
    return (off) => {
      let lo = 0;
      let hi = crlf.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (crlf[mid] < off) lo = mid + 1;
        else hi = mid;
      }
      return off - lo;
    };
  }

  function options() {
    return { jobType: jobTypeSel.value, region: regionSel.value, accessKeyId: keyInput.value };
  }

  // setText replaces the editor's text (a link's or an example's; a fix
  // edits it with applyEdits, in the undo history).
  function setText(text) {
    ta.value = text;
    rememberText(text);
    ta.scrollTop = 0;
    afterEdit(true);
  }

  function afterEdit(now) {
    updateLines();
    clearTimeout(timer);
    if (now) lint();
    else timer = setTimeout(lint, DEBOUNCE_MS);
  }

  function rememberText(text) {
    rawText = text;
    const m = /\r\n|\r|\n/.exec(text);
    eol = m ? m[0] : "\n";
  }

  // The linter's lines (manifest.Lines) also end at NEL, LS and PS, which a
  // textarea shows within a row: BREAKS are the line ends of the editor's
  // text (it has no CR).
  const BREAKS = /[\n\u0085\u2028\u2029]/g;

  function countLines(text) {
    const m = text.match(BREAKS);
    return 1 + (m ? m.length : 0);
  }

  // updateLines numbers the editor's rows: a row is numbered with the line
  // (as findings count them) it starts; a row holding NEL, LS or PS holds
  // more lines than one. One pass over the text; only the rows in view are
  // elements (paintRows).
  function updateLines() {
    const v = ta.value;
    const rowOf = [0];
    const starts = [1];
    let line = 1;
    let row = 0;
    BREAKS.lastIndex = 0;
    for (let m = BREAKS.exec(v); m; m = BREAKS.exec(v)) {
      line++;
      if (m[0] === "\n") {
        row++;
        starts.push(line);
      }
      rowOf.push(row);
    }
    lineRow = rowOf;
    rowLine = starts;
    lineCount = line;
    // The gutter is as wide as the largest number, not only those in view.
    gutter.style.minWidth = "calc(" + String(line).length + "ch + 20px)";
    markLines();
  }

  // markLines marks the rows of the last lint's findings, an error
  // outranking a warning on the same row.
  function markLines() {
    rowMark = new Map();
    if (result && result.findings) {
      for (const f of result.findings) {
        const i = lineRow[f.line - 1];
        if (i === undefined) continue;
        if (rowMark.get(i) !== "error") rowMark.set(i, f.severity);
      }
    }
    shown = { first: -1, last: -1 };
    paintRows();
  }

  // PAD is the editor's top padding (style.css), OVERSCAN the rows drawn
  // above and below the view, so that a scroll shows no gap before the
  // next paint.
  const PAD = 8;
  const OVERSCAN = 10;

  // paintRows draws the gutter's numbers and the backdrop's marks of the
  // rows in view, and moves them to where the editor has scrolled.
  function paintRows() {
    const lh = lineHeight();
    const top = ta.scrollTop;
    const rows = rowLine.length;
    const first = Math.max(0, Math.floor((top - PAD) / lh) - OVERSCAN);
    const last = Math.min(rows, Math.ceil((top + ta.clientHeight) / lh) + OVERSCAN);
    if (first !== shown.first || last !== shown.last) {
      shown = { first, last };
      const g = document.createDocumentFragment();
      const b = document.createDocumentFragment();
      for (let r = first; r < last; r++) {
        const n = el("div", rowMark.get(r) || "", String(rowLine[r]));
        const next = r + 1 < rows ? rowLine[r + 1] : lineCount + 1;
        if (next - rowLine[r] > 1) n.title = "lines " + rowLine[r] + "–" + (next - 1);
        g.append(n);
        b.append(el("div", rowMark.get(r) || ""));
      }
      gutterRows.replaceChildren(g);
      backdropRows.replaceChildren(b);
    }
    const y = "translateY(" + (PAD + first * lh - top) + "px)";
    gutterRows.style.transform = y;
    backdropRows.style.transform = y;
  }

  function syncScroll() {
    paintRows();
  }

  function lineHeight() {
    return parseFloat(getComputedStyle(ta).lineHeight) || 20;
  }

  function showCursor() {
    const before = ta.value.slice(0, ta.selectionStart);
    const line = countLines(before);
    const lineStart = before.search(/[\n\u0085\u2028\u2029][^\n\u0085\u2028\u2029]*$/) + 1;
    const col = Array.from(before.slice(lineStart)).length + 1;
    $("cursor").textContent = "Ln " + line + ", Col " + col;
  }

  // ---- Lint and findings ----

  function lint() {
    if (!ready) return;
    const text = docText();
    const t0 = performance.now();
    let res;
    try {
      res = JSON.parse(globalThis.manifestlint.lint(text, options()));
      // from and to count in text; the editor's selection in its own text.
      const at = editorOffsets(text);
      for (const f of res.findings) {
        f.editorFrom = at(f.from);
        f.editorTo = at(f.to);
      }
    } catch (e) {
      showLoadError("manifestlint failed on this text: " + e.message);
      return;
    }
    result = res;
    lintedText = ta.value;
    render();
    const ms = performance.now() - t0;
    body.dataset.lintMs = ms.toFixed(2);
    body.dataset.lintDoneAt = performance.now().toFixed(1);
    body.dataset.lintCount = String(res.findings.length);
    body.dataset.lintSeq = String(Number(body.dataset.lintSeq || 0) + 1);
    if (!body.dataset.firstLintAt) body.dataset.firstLintAt = performance.now().toFixed(1);
    setStatus("Linted in " + ms.toFixed(1) + " ms · " + new TextEncoder().encode(text).length + " bytes");
  }

  // richText is el with text whose `backticked` parts are shown as code,
  // as the command line's messages mark values and keys. Text nodes only:
  // nothing in a message is read as HTML.
  function richText(tag, cls, text) {
    const e = el(tag, cls);
    const parts = String(text).split("`");
    if (parts.length % 2 === 0) {
      e.textContent = text; // an odd backtick: show the text as it is
      return e;
    }
    parts.forEach((p, i) => {
      if (i % 2 === 1) e.append(el("code", "", p));
      else if (p) e.append(document.createTextNode(p));
    });
    return e;
  }

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function plural(n, word) {
    return n + " " + word + (n === 1 ? "" : /(s|x|ch|sh)$/.test(word) ? "es" : "s");
  }

  function render() {
    const res = result;
    if (res.error) {
      kindEl.textContent = "";
      summary.textContent = "Not linted";
      summary.className = "";
      list.textContent = "";
      list.append(el("li", "loaderror", res.error));
      $("notes").textContent = "";
      fixAll.disabled = true;
      markLines();
      return;
    }
    const kindTitle = KIND_TITLES[res.jobKind] || res.jobKind;
    kindEl.textContent = "";
    kindEl.append("Checked as ", el("strong", "", kindTitle + " manifest"));
    const ev = res.kindEvidence;
    if (ev.jobType) {
      kindEl.append(" — from the job type " + ev.jobType);
    } else if (ev.fields.length) {
      kindEl.append(" — inferred from " + ev.fields.join(", "));
    } else {
      kindEl.append(" — no kind-specific field found; choose a job type");
    }

    list.textContent = "";
    if (res.findings.length === 0) {
      summary.textContent = "No findings";
      summary.className = "clean";
      const empty = el("li", "empty");
      empty.append(el("strong", "", "The service would accept this manifest."), "No error, no warning.");
      list.append(empty);
    } else {
      summary.className = "";
      const parts = [];
      if (res.errors) parts.push(plural(res.errors, "error"));
      if (res.warnings) parts.push(plural(res.warnings, "warning"));
      summary.textContent = parts.join(", ");
    }
    let safe = 0;
    res.findings.forEach((f, i) => {
      if (f.fix && f.fix.applicability === "safe") safe++;
      list.append(findingItem(f, i));
    });
    const notes = $("notes");
    notes.textContent = "";
    for (const n of res.notes) {
      const li = el("li", "note", n.message);
      li.dataset.note = n.id;
      notes.append(li);
    }
    fixAll.disabled = safe === 0;
    fixAll.textContent = safe ? "Apply " + plural(safe, "safe fix") : "Apply all safe fixes";
    markLines();
  }

  function findingItem(f, i) {
    const li = el("li", "finding " + f.severity);
    li.tabIndex = 0;
    li.dataset.rule = f.rule;
    li.dataset.code = f.code;
    li.dataset.line = String(f.line);
    li.dataset.column = String(f.column);
    li.dataset.endLine = String(f.endLine);
    li.dataset.endColumn = String(f.endColumn);
    li.dataset.severity = f.severity;
    li.dataset.index = String(i);
    li.append(el("span", "sev", f.severity));

    const head = el("div", "head");
    head.append(el("span", "pos", f.line + ":" + f.column));
    if (f.code) {
      const code = el("button", "code", f.code);
      code.type = "button";
      code.title = "Explain " + f.code;
      code.dataset.explain = f.code;
      head.append(code);
    }
    const rule = el("button", "rule", "[" + f.rule + "]");
    rule.type = "button";
    rule.title = "Explain the rule " + f.rule;
    rule.dataset.explain = f.rule;
    head.append(rule);
    li.append(head);

    // The headline, the help under it, then the service's own sentence
    // for the code.
    const msg = el("p", "msg");
    msg.append(richText("span", "detail", f.message));
    if (f.help) msg.append(richText("span", "help", f.help));
    if (f.serviceMessage && f.serviceMessage !== f.message) {
      msg.append(el("span", "service", f.serviceMessage));
    }
    li.append(msg);

    const actions = el("div", "actions");
    if (f.fix) {
      const b = el("button", "fix " + f.fix.applicability, "Fix: " + f.fix.title);
      b.type = "button";
      b.dataset.fix = String(i);
      if (f.fix.applicability !== "safe") b.title = "A likely repair that changes meaning: check the result";
      actions.append(b);
    }
    const ex = el("button", "explain-btn", "Explain");
    ex.type = "button";
    ex.dataset.explain = f.code || f.rule;
    actions.append(ex);
    li.append(actions);
    return li;
  }

  // select puts the editor's selection on finding i's range.
  function select(i) {
    if (!result || lintedText !== ta.value) return;
    const f = result.findings[i];
    if (!f) return;
    for (const a of list.querySelectorAll(".finding.active")) a.classList.remove("active");
    const li = list.querySelector('.finding[data-index="' + i + '"]');
    if (li) {
      li.classList.add("active");
      li.scrollIntoView({ block: "nearest" });
    }
    ta.focus({ preventScroll: true });
    ta.setSelectionRange(f.editorFrom, Math.max(f.editorFrom, f.editorTo));
    const lh = lineHeight();
    const top = (lineRow[f.line - 1] || 0) * lh;
    if (top < ta.scrollTop || top + lh > ta.scrollTop + ta.clientHeight - 16) {
      ta.scrollTop = Math.max(0, top - ta.clientHeight / 3);
    }
    syncScroll();
    showCursor();
  }

  function applyFix(which) {
    if (!ready) return;
    const doc = docText();
    const out = JSON.parse(globalThis.manifestlint.applyFixes(doc, options(), which));
    if (out.applied > 0) {
      const undoable = applyEdits(doc, out.text, out.edits);
      setStatus("Applied " + plural(out.applied, "fix") + "." + (undoable ? " Ctrl+Z undoes." : ""));
    } else {
      setStatus("No fix applied.");
    }
  }

  // MAX_EDITS bounds the edits applied one by one; more are applied by
  // setting the whole text (fast, but not in the undo history).
  const MAX_EDITS = 200;

  // applyEdits turns the editor's text (doc, as docText gave it) into text
  // by applying edits ({from, to, text} in UTF-16 offsets of doc, in order)
  // as typing would: only the changed characters are inserted, so a fix
  // on a large manifest costs what it changes, and Ctrl+Z undoes it.
  // (Inserting the whole text again froze the tab for 90 s on 50 KB.)
  // It returns whether the change is in the undo history.
  function applyEdits(doc, text, edits) {
    const want = normalizeBreaks(text);
    if (edits && edits.length <= MAX_EDITS && document.execCommand) {
      const at = editorOffsets(doc);
      ta.focus({ preventScroll: true });
      const top = ta.scrollTop;
      let ok = true;
      // From the last: each edit leaves the offsets before it as they were.
      for (let k = edits.length - 1; k >= 0 && ok; k--) {
        const e = edits[k];
        const ins = normalizeBreaks(e.text);
        const from = at(e.from);
        const to = at(e.to);
        if (from === to && ins === "") continue;
        ta.setSelectionRange(from, to);
        ok = ins === "" ? document.execCommand("delete") : document.execCommand("insertText", false, ins);
      }
      ta.scrollTop = top;
      if (ok && ta.value === want) {
        rememberText(text);
        afterEdit(true);
        return true;
      }
    }
    ta.value = text;
    rememberText(text);
    afterEdit(true);
    return false;
  }

  // ---- Explain ----

  function explain(name) {
    if (!ready) return;
    const out = JSON.parse(globalThis.manifestlint.explain(name));
    $("explainTitle").textContent = "explain " + name;
    $("explainText").textContent = out.error ? out.error : reflow(out.text);
    explainPane.hidden = false;
    panes.classList.add("explaining");
    if (window.matchMedia("(max-width: 900px)").matches) explainPane.scrollIntoView({ block: "nearest" });
  }

  // reflow joins the lines of a paragraph that `explain` wrapped for a
  // terminal (indented two spaces, each but the last long), so that the
  // panel wraps them at its own width; deeper-indented lines (the example
  // manifests) stay as they are.
  function reflow(text) {
    const src = text.split("\n");
    const out = [];
    const para = (l) => /^  \S/.test(l);
    for (let i = 0; i < src.length; i++) {
      let line = src[i];
      while (para(line) && line.length > 60 && i + 1 < src.length && para(src[i + 1]) && !/^  (- |\d+\. )/.test(src[i + 1])) {
        line += " " + src[++i].trim();
      }
      out.push(line);
    }
    return out.join("\n");
  }

  function closeExplain() {
    explainPane.hidden = true;
    panes.classList.remove("explaining");
  }

  // ---- Status ----

  function setStatus(text) {
    statusEl.textContent = text;
  }

  // showNotice shows problems (sentences) in the notice above the editor,
  // or hides it when there are none.
  function showNotice(problems) {
    noticeText.textContent = "";
    for (const p of problems) noticeText.append(el("span", "", p));
    notice.hidden = problems.length === 0;
  }

  function showLoadError(text) {
    summary.textContent = "manifestlint could not start";
    list.textContent = "";
    list.append(el("li", "loaderror", text));
    body.dataset.loadError = text;
  }

  // ---- Wiring ----

  ta.addEventListener("input", () => {
    // The text is no longer the example's: the menu says so, and choosing
    // the same example again reloads it.
    exampleSel.value = "";
    afterEdit(false);
  });
  ta.addEventListener("scroll", syncScroll);
  // A resize (the window, the explain panel, one column) changes the rows
  // in view.
  if (typeof ResizeObserver === "function") new ResizeObserver(() => paintRows()).observe(ta);
  else window.addEventListener("resize", () => paintRows());
  ta.addEventListener("keyup", showCursor);
  ta.addEventListener("click", showCursor);
  ta.addEventListener("keydown", (e) => {
    if (e.key === "Tab" && !e.shiftKey && !e.ctrlKey && !e.altKey && !e.metaKey) {
      // YAML forbids tabs for indentation: Tab inserts two spaces.
      e.preventDefault();
      document.execCommand("insertText", false, "  ");
    } else if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      if (!result || !result.findings.length) return;
      const at = ta.selectionEnd;
      let next = result.findings.findIndex((f) => f.editorFrom > at);
      if (next < 0) next = 0;
      select(next);
    }
  });

  list.addEventListener("click", (e) => {
    const t = e.target.closest("button, .finding");
    if (!t) return;
    if (t.dataset.explain) explain(t.dataset.explain);
    else if (t.dataset.fix !== undefined) applyFix(Number(t.dataset.fix));
    else if (t.dataset.index !== undefined) select(Number(t.dataset.index));
  });
  list.addEventListener("keydown", (e) => {
    const li = e.target.closest(".finding");
    if (li && e.target === li && (e.key === "Enter" || e.key === " ")) {
      e.preventDefault();
      select(Number(li.dataset.index));
    }
  });
  fixAll.addEventListener("click", () => applyFix("safe"));
  $("explainClose").addEventListener("click", closeExplain);
  $("noticeClose").addEventListener("click", () => showNotice([]));
  for (const input of [jobTypeSel, regionSel]) input.addEventListener("change", () => afterEdit(true));
  keyInput.addEventListener("input", () => afterEdit(false));
  exampleSel.addEventListener("change", () => {
    const ex = examples[Number(exampleSel.value)];
    if (ex) {
      showNotice([]);
      loadExample(ex);
    }
  });
  $("share").addEventListener("click", async () => {
    if (!ready) return;
    const { hash, secretsLeftOut } = shareHash();
    history.replaceState(null, "", hash);
    const url = location.href;
    const left = secretsLeftOut ? " Secret values (trueCryptPassword, pinCode) are left out of it." : "";
    try {
      await navigator.clipboard.writeText(url);
      setStatus("Link copied (" + url.length + " characters). It holds the manifest after the #: no server sees it." + left);
    } catch (e) {
      setStatus("The address now holds the link: copy it from the address bar." + left);
    }
  });
  window.addEventListener("hashchange", () => restoreFromHash());

  async function loadExample(ex) {
    const r = await fetch(ex.file);
    if (!r.ok) throw new Error(ex.file + ": " + r.status);
    const text = await r.text();
    if (location.hash) history.replaceState(null, "", location.pathname + location.search);
    setText(text);
  }

  async function loadExamples() {
    const r = await fetch("examples.json");
    examples = await r.json();
    examples.forEach((ex, i) => {
      const o = el("option", "", ex.label);
      o.value = String(i);
      exampleSel.append(o);
    });
  }

  async function loadWasm() {
    const go = new Go();
    const started = new Promise((resolve) => {
      globalThis.manifestlintReady = resolve;
    });
    let inst;
    if (WebAssembly.instantiateStreaming) {
      try {
        inst = await WebAssembly.instantiateStreaming(fetch("manifestlint.wasm"), go.importObject);
      } catch (e) {
        inst = null; // a server without application/wasm: fall back below
      }
    }
    if (!inst) {
      const r = await fetch("manifestlint.wasm");
      if (!r.ok) throw new Error("manifestlint.wasm: HTTP " + r.status);
      inst = await WebAssembly.instantiate(await r.arrayBuffer(), go.importObject);
    }
    const t0 = performance.now();
    go.run(inst.instance);
    await started;
    // The first call of the module builds what it keeps (the schemas, the
    // rule tables): do it here, so that "Linted in" measures a lint and not
    // the module's start.
    globalThis.manifestlint.lint("manifestVersion: 2.0\ndeviceId: ABCDE\nbucket: b\neraseDevice: yes\n" +
      "notificationEmail: a@example.com\nreturnAddress:\n  name: A\n  street1: 1 Main St\n  city: Seattle\n" +
      "  stateOrProvince: WA\n  postalCode: 98101\n  phoneNumber: 206-555-0100\n  country: USA\n", {});
    body.dataset.moduleStartMs = (performance.now() - t0).toFixed(1);
    for (const r of globalThis.manifestlint.regions) {
      regionSel.append(el("option", "", r));
    }
  }

  async function start() {
    const wasm = loadWasm();
    try {
      await loadExamples();
    } catch (e) {
      setStatus("Examples not loaded: " + e.message);
    }
    try {
      await wasm;
    } catch (e) {
      showLoadError("manifestlint.wasm did not load: " + e.message);
      return;
    }
    ready = true;
    if (restoreFromHash()) {
      // the share link's state
    } else if (ta.value !== "") {
      afterEdit(true); // typed or pasted while the module loaded: keep it
    } else {
      const i = Math.max(0, examples.findIndex((ex) => !/: valid$/.test(ex.label)));
      if (examples[i]) {
        exampleSel.value = String(i);
        await loadExample(examples[i]);
      } else {
        lint();
      }
    }
    showCursor();
  }

  start();
})();
