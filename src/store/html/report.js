// Sorts a table by the column whose header is clicked (again: the other way), and finds in
// the roster: the rows holding every word typed, accents and case aside. Reads only text
// already in the page; without scripts the tables stay as they were written. Cheap on ten
// thousand rows: a sort writes the rows back in one go (moving them one by one costs seconds
// where rows are drawn only in view), each row's words are read once per order, a search
// runs after typing pauses, and it only writes (hides or shows the rows that change), never
// reading layout between writes.
(function () {
  var collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });
  var rowsOf = function (table) {
    return Array.prototype.slice.call(table.tBodies[0].rows);
  };
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, col) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
        // Each row's key read once, then sorted, then put back in one move.
        var keyed = rowsOf(table).map(function (row) {
          var cell = row.cells[col];
          var k = cell ? cell.getAttribute("data-sort") : "";
          return { key: k === null ? cell.textContent.trim() : k, row: row };
        });
        keyed.sort(function (a, b) { return collator.compare(a.key, b.key) * dir; });
        table.tBodies[0].innerHTML = keyed.map(function (k) { return k.row.outerHTML; }).join("");
        table.dispatchEvent(new Event("sorted"));
      });
    });
  });
  var fold = function (s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  };
  document.querySelectorAll("table.searchable").forEach(function (table) {
    var input = document.createElement("input");
    input.type = "search";
    input.placeholder = "Name, country, status…";
    var label = document.createElement("label");
    label.textContent = "Find ";
    label.appendChild(input);
    var count = document.createElement("output");
    var bar = document.createElement("p");
    bar.className = "find";
    bar.appendChild(label);
    bar.appendChild(count);
    var box = table.parentNode;
    box.parentNode.insertBefore(bar, box);
    var words = null; // each row's folded text, read at the first search
    var timer = 0;
    var run = function () {
      timer = 0;
      var rows = rowsOf(table);
      if (words === null) {
        words = new Map();
        rows.forEach(function (row) { words.set(row, fold(row.textContent)); });
      }
      var wanted = fold(input.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row) {
        var text = words.get(row);
        var show = wanted.every(function (w) { return text.indexOf(w) >= 0; });
        if (show) shown++;
        if (row.hidden === show) row.hidden = !show;
      });
      count.textContent = wanted.length ? " " + shown + " of " + rows.length + " shown" : "";
    };
    // A sort writes new rows: their words are read again at the next search.
    table.addEventListener("sorted", function () { words = null; });
    input.addEventListener("input", function () {
      if (timer) clearTimeout(timer);
      timer = setTimeout(run, 150);
    });
  });
})();
