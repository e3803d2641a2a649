// Sorts a table by the column whose header is clicked (again: the other way). Reads only
// text already in the page; without scripts the tables stay as they were written.
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
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      var key = function (row) {
        var cell = row.cells[col];
        var k = cell.getAttribute("data-sort");
        return k === null ? cell.textContent.trim() : k;
      };
      rows.sort(function (a, b) {
        return key(a).localeCompare(key(b), undefined, { numeric: true, sensitivity: "base" }) * dir;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
});
