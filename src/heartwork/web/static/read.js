// Read page: analyse as you type. Posts the text to /api/analyze (debounced) and redraws the highlights.
// All user text goes into the page through textContent, never as HTML.
(function () {
  "use strict";
  var DEBOUNCE_MS = 350;
  var RANK = { safety: 0, reactive: 1, kind: 2 };

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function segments(text, findings) {
    var cuts = [0, text.length];
    findings.forEach(function (f) { cuts.push(f.start, f.end); });
    cuts = cuts.filter(function (v, i, a) { return a.indexOf(v) === i && v >= 0 && v <= text.length; })
               .sort(function (a, b) { return a - b; });
    var out = [];
    for (var i = 0; i + 1 < cuts.length; i++) {
      var a = cuts[i], b = cuts[i + 1];
      var covering = findings.filter(function (f) { return f.start <= a && f.end >= b && f.start < f.end; });
      out.push({ text: text.slice(a, b), findings: covering });
    }
    return out;
  }

  function draw(box, data) {
    box.textContent = "";
    var all = data.patterns.concat(data.safety.findings.filter(function (s) {
      return !data.patterns.some(function (p) { return p.label === s.label && p.start === s.start && p.end === s.end; });
    }));
    if (data.safety.risk) {
      var note = el("div", "safety-note");
      note.setAttribute("role", "alert");
      note.appendChild(el("h2", "", "Your safety comes first"));
      var p = el("p", "", "Some of these words suggest that you or someone else may not be safe. Coaching is paused here. You deserve support — ");
      var a = el("a", "", "see help resources");
      a.href = "/safety";
      p.appendChild(a);
      p.appendChild(document.createTextNode("."));
      note.appendChild(p);
      box.appendChild(note);
    }
    var marked = el("p", "marked user-text");
    segments(data.text, all).forEach(function (seg) {
      if (!seg.findings.length) { marked.appendChild(document.createTextNode(seg.text)); return; }
      var kind = seg.findings.map(function (f) { return f.polarity; })
                             .sort(function (x, y) { return RANK[x] - RANK[y]; })[0];
      var mark = el("mark", "hl hl-" + kind, seg.text);
      mark.title = seg.findings.map(function (f) { return f.title; }).join(", ");
      marked.appendChild(mark);
    });
    box.appendChild(marked);
    if (all.length) {
      var list = el("ul", "findings");
      all.forEach(function (f) {
        var li = el("li", "finding finding-" + f.polarity);
        li.appendChild(el("span", "tag tag-" + f.polarity, f.title));
        li.appendChild(el("q", "user-text", f.evidence));
        li.appendChild(el("p", "", f.explanation));
        list.appendChild(li);
      });
      box.appendChild(list);
    } else {
      box.appendChild(el("p", "muted", "No pattern stands out in these words."));
    }
    var feelings = data.feelings.map(function (x) { return x.name; });
    var needs = data.needs.map(function (x) { return x.name; });
    if (feelings.length || needs.length) {
      var b = el("p", "beneath");
      if (feelings.length) { b.appendChild(document.createTextNode("Perhaps feeling: ")); b.appendChild(el("strong", "", feelings.join(", "))); b.appendChild(document.createTextNode(". ")); }
      if (needs.length) { b.appendChild(document.createTextNode("Perhaps needing: ")); b.appendChild(el("strong", "", needs.join(", "))); b.appendChild(document.createTextNode(".")); }
      box.appendChild(b);
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var area = document.getElementById("text");
    var box = document.getElementById("analysis");
    var status = document.getElementById("live-status");
    if (!area || !box) { return; }
    var timer = null, seq = 0;
    function run() {
      var text = area.value;
      var mine = ++seq;
      if (!text.trim()) { box.textContent = ""; status.textContent = "Results update as you type."; return; }
      status.textContent = "Reading…";
      fetch("/api/analyze", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ text: text }),
        credentials: "same-origin"
      }).then(function (r) {
        if (!r.ok) { throw new Error("status " + r.status); }
        return r.json();
      }).then(function (data) {
        if (mine !== seq) { return; }  // a newer request is on its way
        draw(box, data);
        status.textContent = "Up to date.";
      }).catch(function () {
        if (mine === seq) { status.textContent = "Could not read just now — press “Read it” to try again."; }
      });
    }
    area.addEventListener("input", function () {
      if (timer) { clearTimeout(timer); }
      timer = setTimeout(run, DEBOUNCE_MS);
    });
  });
})();
