//! Plain-text tables with aligned columns, for terminals and scripts.

use unicode_width::UnicodeWidthStr;

/// Pads each column to its widest cell, measured in terminal columns: "Erdoğan" is seven wide
/// (a combining accent takes none), "习近平" six (each character takes two).
/// Cells are escaped for the terminal first (a newline shows as `\n`), so a value can
/// neither forge a row nor send control sequences.
pub fn align(header: &[&str], rows: &[Vec<String>]) -> String {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            row.iter()
                .map(|c| super::escape::terminal_cell(c).into_owned())
                .collect()
        })
        .collect();
    let rows = &rows;
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
    let mut out = line(&mut header.iter().copied());
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

#[cfg(test)]
mod tests {
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
