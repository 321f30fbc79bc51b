// Progressive enhancement only: every page works without this file.
// Destructive actions ask for confirmation before their form is sent.
document.addEventListener("submit", function (event) {
  var form = event.target;
  var question = form.getAttribute("data-confirm");
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});

// Live inbox: the server streams events (Server-Sent Events) for the messages in scope. The
// inbox list says how many new messages arrived; a thread says when someone else changed it.
(function () {
  var banner = document.getElementById("live-banner");
  if (!banner || !window.EventSource) return;
  var text = banner.querySelector("span");
  var current = banner.getAttribute("data-message");
  var count = 0;
  var source = new EventSource("/inbox/events");
  source.addEventListener("new", function () {
    if (current) return;
    count += 1;
    text.textContent = banner.getAttribute("data-new").replace("{n}", count);
    banner.hidden = false;
  });
  source.addEventListener("updated", function (event) {
    var data = JSON.parse(event.data);
    if (!current || data.message.toLowerCase() !== current.toLowerCase()) return;
    text.textContent = banner.getAttribute("data-updated");
    banner.hidden = false;
  });
})();

// Collision guard: an open thread reports itself and shows who else has it open.
(function () {
  var box = document.getElementById("presence");
  if (!box || !window.fetch) return;
  var every = (parseInt(box.getAttribute("data-interval"), 10) || 20) * 1000;
  function beat() {
    var body = new URLSearchParams();
    body.set("_csrf", box.getAttribute("data-csrf"));
    fetch(box.getAttribute("data-url"), { method: "POST", body: body, credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data) return;
        box.hidden = data.viewers.length === 0;
        box.textContent = box.getAttribute("data-template").replace("{names}", data.viewers.join(", "));
      })
      .catch(function () {});
  }
  setInterval(beat, every);
})();

// Keyboard shortcuts. Inbox: j/k move between messages, o opens, x ticks, / searches.
// Thread: r reply, n note, l label, u back to the inbox. ? shows the list on both.
(function () {
  var help = document.getElementById("shortcuts");
  if (!help) return;
  var rows = Array.prototype.slice.call(document.querySelectorAll("#inbox-table tbody tr"));
  var current = -1;
  function focusRow(index) {
    if (!rows.length) return;
    if (current >= 0) rows[current].classList.remove("kb-current");
    current = Math.max(0, Math.min(rows.length - 1, index));
    rows[current].classList.add("kb-current");
    rows[current].scrollIntoView({ block: "nearest" });
    var link = rows[current].querySelector("a");
    if (link) link.focus({ preventScroll: true });
  }
  function focusField(id) {
    var field = document.getElementById(id);
    if (!field) return false;
    field.focus();
    return true;
  }
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    var handled = true;
    switch (event.key) {
      case "j": focusRow(current + 1); break;
      case "k": focusRow(current - 1); break;
      case "o":
        if (current >= 0) { var link = rows[current].querySelector("a"); if (link) window.location.href = link.href; } else handled = false;
        break;
      case "x":
        if (current >= 0) { var box = rows[current].querySelector("input[type=checkbox]"); if (box) box.checked = !box.checked; } else handled = false;
        break;
      case "/": handled = focusField("q"); break;
      case "r": handled = focusField("text"); break;
      case "n": handled = focusField("body"); break;
      case "l": handled = focusField("tag"); break;
      case "u": if (help.getAttribute("data-back")) window.location.href = help.getAttribute("data-back"); else handled = false; break;
      case "?": help.open = !help.open; break;
      default: handled = false;
    }
    if (handled) event.preventDefault();
  });
})();
