//! Plain-text tables with aligned columns, for terminals and scripts.

use unicode_width::UnicodeWidthStr;

/// The widest a cell is shown, in terminal columns; a longer value is cut with "…" (the whole
/// value is in the CSV and JSON exports). Without a cap one long name pads every row to it.
pub const MAX_CELL_WIDTH: usize = 60;

/// Pads each column to its widest cell, measured in terminal columns: "Erdoğan" is seven wide
/// (a combining accent takes none), "习近平" six (each character takes two).
/// Cells and headers are escaped for the terminal first (a newline shows as `\n`), so a value
/// can neither forge a row nor send control sequences, and cut at [`MAX_CELL_WIDTH`].
pub fn align(header: &[&str], rows: &[Vec<String>]) -> String {
    let shown = |c: &str| capped(&super::escape::terminal_cell(c));
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|row| row.iter().map(|c| shown(c)).collect())
        .collect();
    let rows = &rows;
    let header: Vec<String> = header.iter().map(|h| shown(h)).collect();
    let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    let line = |cells: &mut dyn Iterator<Item = &str>| {
        let mut out = String::new();
        for (i, (cell, w)) in cells.zip(&widths).enumerate() {
            if i > 0 {
                out.push_str("  ");
            }
            out.push_str(cell);
            out.extend(std::iter::repeat_n(' ', w - cell.width()));
        }
        out.truncate(out.trim_end().len());
        out.push('\n');
        out
    };
    let mut out = line(&mut header.iter().map(String::as_str));
    out.push_str(&line(
        &mut widths
            .iter()
            .map(|w| "-".repeat(*w))
            .collect::<Vec<_>>()
            .iter()
            .map(String::as_str),
    ));
    for row in rows {
        out.push_str(&line(&mut row.iter().map(String::as_str)));
    }
    out
}

/// `cell` cut to [`MAX_CELL_WIDTH`] columns, "…" marking the cut. Linear in the cell.
fn capped(cell: &str) -> String {
    if cell.width() <= MAX_CELL_WIDTH {
        return cell.to_string();
    }
    let mut out = String::new();
    let mut width = 0;
    for c in cell.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if width + w > MAX_CELL_WIDTH - 1 {
            break;
        }
        width += w;
        out.push(c);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_long_cell_is_cut_and_pads_nothing_beyond_the_cap() {
        let long = "Ab".repeat(50_000);
        let out = super::align(&["Name", "X"], &[vec![long, "x".into()]]);
        let widest = out.lines().map(|l| l.chars().count()).max().unwrap();
        assert!(widest <= super::MAX_CELL_WIDTH + 3, "{widest}");
        assert!(out.contains('…'), "{out}");
        // A short cell is shown whole.
        let out = super::align(&["Name"], &[vec!["Ab".into()]]);
        assert!(!out.contains('…'), "{out}");
    }

    #[test]
    fn a_header_cannot_forge_a_row() {
        let out = super::align(&["a\nforged"], &[vec!["x".into()]]);
        assert_eq!(out.lines().count(), 3, "{out}");
    }

    #[test]
    fn aligns_by_display_width() {
        let out = super::align(
            &["A", "B"],
            &[
                vec!["Erdoğan".into(), "x".into()],
                vec!["Li".into(), "y".into()],
            ],
        );
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "A        B");
        assert_eq!(lines[2], "Erdoğan  x");
        assert_eq!(lines[3], "Li       y");
        // Wide characters take two columns, combining marks none.
        let out = super::align(
            &["A", "B"],
            &[
                vec!["习近平".into(), "x".into()],
                vec!["Erdog\u{306}an".into(), "y".into()],
            ],
        );
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[2], "习近平   x");
        assert_eq!(lines[3], "Erdog\u{306}an  y");
    }
}
