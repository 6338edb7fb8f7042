// Live progress on the plan page: poll the plan's JSON and update the page in place.
// Without JavaScript the page refreshes itself (<noscript> meta refresh) instead.
(function () {
  "use strict";
  var live = document.getElementById("live");
  if (!live || live.dataset.running !== "yes") { return; }
  var url = live.dataset.planUrl;
  var LABELS = { waiting: "waiting", ok: "done", failed: "failed", timeout: "timed out" };
  var FINISHED = ["ready", "partial", "failed"];
  var delay = 700;

  function text(id, value) {
    var el = document.getElementById(id);
    if (el && el.textContent !== String(value)) { el.textContent = value; }
  }

  function runText(run) {
    var out = LABELS[run.status] || run.status;
    if (run.status === "ok") { out += " · " + run.count + " found"; }
    if (run.error) { out += " · " + run.error; }
    return out;
  }

  function update(plan) {
    text("plan-status", plan.status);
    text("plan-percent", plan.progress);
    var bar = document.getElementById("plan-progress");
    if (bar) { bar.value = plan.progress; bar.textContent = plan.progress + "%"; }
    plan.providers.forEach(function (run) {
      var row = live.querySelector('li[data-provider="' + CSS.escape(run.name) + '"]');
      if (!row) { return; }
      row.className = "run run-" + run.status;
      var status = row.querySelector(".run-status");
      if (status.textContent !== runText(run)) { status.textContent = runText(run); }
    });
  }

  function poll() {
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (resp) {
        if (!resp.ok) { throw new Error("HTTP " + resp.status); }
        return resp.json();
      })
      .then(function (plan) {
        update(plan);
        if (FINISHED.indexOf(plan.status) >= 0) {
          live.dataset.running = "no";
          window.location.reload();  // the server renders the roadmap (or the failure)
          return;
        }
        delay = 700;
        window.setTimeout(poll, delay);
      })
      .catch(function () {
        delay = Math.min(delay * 2, 10000);  // back off while the server is unreachable
        window.setTimeout(poll, delay);
      });
  }

  window.setTimeout(poll, 300);
}());
