// Sort a table.sortable by the clicked column: a cell's data-sort value, else its text (blanks last).
(function () {
  function sortBy(table, col, th) {
    var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
    table.querySelectorAll("thead th").forEach(function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    function key(row) {
      var value = row.cells[col].getAttribute("data-sort");
      return value === null ? row.cells[col].textContent.trim() : value;
    }
    rows.sort(function (a, b) {
      var x = key(a), y = key(b);
      if (x === "" || y === "") { return (x === "") - (y === ""); }
      var nx = Number(x), ny = Number(y);
      if (!isNaN(nx) && !isNaN(ny)) { return (nx - ny) * dir; }
      return x.localeCompare(y) * dir;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    table.querySelectorAll("thead th").forEach(function (th, col) {
      th.tabIndex = 0;
      th.addEventListener("click", function () { sortBy(table, col, th); });
      th.addEventListener("keydown", function (e) { if (e.key === "Enter") { sortBy(table, col, th); } });
    });
  });
})();
// Drill-down: "#rows?reason=price&manager=..." shows only the rows table's matching rows
// (data-<key> attributes; "flag" matches one of data-flags) and says what is shown.
(function () {
  var table = document.getElementById("rows-table");
  var bar = document.getElementById("rows-filter");
  if (!table || !bar) { return; }
  var labels = JSON.parse(bar.getAttribute("data-labels"));
  var section = table.closest("section");
  function apply(scroll) {
    var match = /^#rows\?(.*)$/.exec(location.hash);
    var params = new URLSearchParams(match ? match[1] : "");
    var total = params.get("n");
    params.delete("n");
    var shown = 0, words = [];
    params.forEach(function (value, key) {
      var names = labels.values[key] || {};
      words.push((labels.keys[key] || key) + ": " + (names[value] || value));
    });
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      var ok = true;
      params.forEach(function (value, key) {
        if (key === "flag") { ok = ok && (" " + row.getAttribute("data-flags") + " ").indexOf(" " + value + " ") >= 0; }
        else { ok = ok && row.getAttribute("data-" + key) === value; }
      });
      row.hidden = !ok;
      shown += ok ? 1 : 0;
    });
    bar.textContent = "";
    var text = document.createElement("span");
    text.className = "filter-text";
    if (!match) { text.textContent = labels.none; bar.appendChild(text); section.classList.remove("filtered"); return; }
    var count = labels.shown.replace("{m}", shown);
    if (total && Number(total) > shown) { count += " " + labels.of.replace("{n}", total); }
    text.textContent = words.join(" · ") + " — " + count;
    var reset = document.createElement("a");
    reset.href = "#rows";
    reset.textContent = labels.reset;
    bar.appendChild(text);
    bar.appendChild(reset);
    section.classList.add("filtered");
    if (scroll) { section.scrollIntoView(); }
  }
  window.addEventListener("hashchange", function () { apply(true); });
  apply(/^#rows\?/.test(location.hash));
})();
