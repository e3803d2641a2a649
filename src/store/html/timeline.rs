//! The timeline as an inline SVG: one row per event, a day as a dot, a date known only to the
//! month or the year as a faint dashed span over that month or year (never a false point), an
//! approximate day ("~2026-01-19") as a dashed span over the days it may stand for, a range as
//! a bar, and the as-of date as a line. The same events are listed as text below it.

use chrono::NaiveDate;

use crate::model::Event;
use crate::model::PartialDate;
use crate::model::derive::timeline::{Time, day_number, ticks};

use super::writer::Html;

const WIDTH: f64 = 960.0;
const MARGIN: f64 = 16.0;
const ROW: f64 = 24.0;
const AXIS: f64 = 28.0;

/// Writes the SVG for `events` (sorted by date) and the as-of date.
pub fn timeline_svg(h: &mut Html, events: &[&Event], as_of: Option<NaiveDate>) {
    let spans: Vec<(Time, Time)> = events.iter().map(|e| event_span(e)).collect();
    let as_of_t = as_of.map(day_number);
    let lo = spans
        .iter()
        .map(|s| s.0)
        .chain(as_of_t)
        .fold(f64::INFINITY, f64::min);
    let hi = spans
        .iter()
        .map(|s| s.1)
        .chain(as_of_t.map(|t| t + 1.0))
        .fold(f64::NEG_INFINITY, f64::max);
    if !lo.is_finite() || !hi.is_finite() {
        return;
    }
    // A little room either side, and at least a fortnight shown.
    let pad = ((hi - lo) * 0.04).max(7.0);
    let (t0, t1) = (lo - pad, hi + pad);
    let x = |t: Time| MARGIN + (t - t0) / (t1 - t0) * (WIDTH - 2.0 * MARGIN);
    let height = AXIS + ROW * events.len() as f64 + 12.0;
    let view = format!("0 0 {WIDTH} {height:.0}");
    h.open(
        "svg",
        &[
            ("xmlns", "http://www.w3.org/2000/svg"),
            ("viewBox", &view),
            ("role", "img"),
            ("aria-labelledby", "timeline-title"),
        ],
    );
    h.elem("title", &[("id", "timeline-title")], "Timeline of events");
    for tick in ticks(t0, t1, (WIDTH - 2.0 * MARGIN) as f32, 90.0) {
        let tx = fmt(x(tick.t));
        let bottom = fmt(height - 4.0);
        h.open(
            "line",
            &[
                ("class", "tick"),
                ("x1", &tx),
                ("x2", &tx),
                ("y1", "18"),
                ("y2", &bottom),
            ],
        )
        .close("line");
        h.elem(
            "text",
            &[
                ("class", "tick-label"),
                ("x", &fmt(x(tick.t) + 3.0)),
                ("y", "13"),
            ],
            &tick.label,
        );
    }
    for (i, (e, &(start, end))) in events.iter().zip(&spans).enumerate() {
        let y = AXIS + ROW * i as f64 + ROW / 2.0;
        let (x0, x1) = (x(start), x(end));
        let label = format!("{} {}", when(e), e.title);
        let hover = format!("{label} ({})", e.kind.label());
        h.raw("<g>").elem("title", &[], &hover);
        if e.end.is_some() {
            rect(h, "range", x0, x1, y);
        } else if e.date.is_exact_day() && !e.date.is_approx() {
            h.open(
                "circle",
                &[
                    ("class", "day"),
                    ("cx", &fmt((x0 + x1) / 2.0)),
                    ("cy", &fmt(y)),
                    ("r", "5"),
                ],
            )
            .close("circle");
        } else {
            rect(h, "uncertain", x0, x1, y);
        }
        let (tx, anchor) = label_place(&label, x0, x1);
        h.elem(
            "text",
            &[
                ("x", &fmt(tx)),
                ("y", &fmt(y + 4.0)),
                ("text-anchor", anchor),
            ],
            &label,
        );
        h.raw("</g>");
    }
    if let (Some(day), Some(t)) = (as_of, as_of_t) {
        as_of_line(h, day, x(t), height);
    }
    h.close("svg");
}

/// Where an event's label goes: right of its mark (`x0` to `x1`) where it fits, else left of
/// it, else where there is more room; the x and the SVG text anchor.
fn label_place(label: &str, x0: f64, x1: f64) -> (f64, &'static str) {
    let width = label.chars().count() as f64 * 6.6;
    let (right, left) = (x1.max(x0 + 5.0) + 6.0, x0.min(x1 - 5.0) - 6.0);
    if right + width <= WIDTH {
        (right, "start")
    } else if left - width >= 0.0 {
        (left, "end")
    } else if WIDTH - right >= left {
        (right, "start")
    } else {
        (left, "end")
    }
}

/// The as-of line at `at`, down the whole height, with its label.
fn as_of_line(h: &mut Html, day: NaiveDate, at: f64, height: f64) {
    let ax = fmt(at);
    h.open(
        "line",
        &[
            ("class", "asof"),
            ("x1", &ax),
            ("x2", &ax),
            ("y1", "18"),
            ("y2", &fmt(height)),
        ],
    )
    .close("line");
    let label = format!("as of {day}");
    let (lx, anchor) = if at < WIDTH * 0.8 {
        (at + 4.0, "start")
    } else {
        (at - 4.0, "end")
    };
    h.elem(
        "text",
        &[
            ("class", "asof-label"),
            ("x", &fmt(lx)),
            ("y", "26"),
            ("text-anchor", anchor),
        ],
        &label,
    );
}

/// The days a date may stand for: a month or a year whole, an approximate day widened either
/// way (see [`PartialDate::uncertain_span`]).
fn span(date: PartialDate) -> (Time, Time) {
    let (first, last) = date.uncertain_span();
    (day_number(first), day_number(last) + 1.0)
}

/// An event's span: from its date to the end of its end date, if it has one.
fn event_span(e: &Event) -> (Time, Time) {
    let (start, end) = span(e.date);
    match e.end {
        Some(last) => (start, span(last).1.max(end)),
        None => (start, end),
    }
}

/// An event's date in words: "2026-01-19", "2026-01 to 2026-03".
pub fn when(e: &Event) -> String {
    match e.end {
        Some(end) => format!("{} to {end}", e.date),
        None => e.date.to_string(),
    }
}

fn rect(h: &mut Html, class: &'static str, x0: f64, x1: f64, y: f64) {
    // A span too short to see is drawn at least 6 units wide, centred on its place.
    let w = (x1 - x0).max(6.0);
    let left = (x0 + x1) / 2.0 - w / 2.0;
    h.open(
        "rect",
        &[
            ("class", class),
            ("x", &fmt(left)),
            ("y", &fmt(y - 6.0)),
            ("width", &fmt(w)),
            ("height", "12"),
            ("rx", "3"),
        ],
    )
    .close("rect");
}

fn fmt(v: f64) -> String {
    format!("{v:.1}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EventKind, PartialDate};

    fn event(id: &str, date: &str, end: Option<&str>) -> Event {
        Event {
            extra: Default::default(),
            id: id.into(),
            date: date.parse::<PartialDate>().unwrap(),
            end: end.map(|e| e.parse().unwrap()),
            title: format!("<{id}>"),
            description: String::new(),
            kind: EventKind::Other,
            actors: Vec::new(),
            sources: Vec::new(),
        }
    }

    #[test]
    fn days_are_dots_months_are_spans_and_the_as_of_date_is_a_line() {
        let (day, month, range, about) = (
            event("day", "2026-01-19", None),
            event("month", "2026-02", None),
            event("range", "2026-01-01", Some("2026-01-10")),
            event("about", "~2026-01-25", None),
        );
        let mut h = Html::default();
        timeline_svg(
            &mut h,
            &[&range, &day, &month],
            NaiveDate::from_ymd_opt(2026, 1, 20),
        );
        let svg = h.finish();
        assert_eq!(svg.matches("<circle class=\"day\"").count(), 1);
        assert_eq!(svg.matches("class=\"uncertain\"").count(), 1);
        // An approximate day is a span of the days it may stand for, labelled with its "~".
        let mut h = Html::default();
        timeline_svg(&mut h, &[&range, &about], None);
        let with_about = h.finish();
        assert_eq!(with_about.matches("<circle").count(), 0);
        assert_eq!(with_about.matches("class=\"uncertain\"").count(), 1);
        assert!(with_about.contains("~2026-01-25 &lt;about&gt;"));
        assert_eq!(svg.matches("class=\"range\"").count(), 1);
        assert!(svg.contains("class=\"asof\""));
        assert!(svg.contains("as of 2026-01-20"));
        assert!(svg.contains("&lt;day&gt;") && !svg.contains("<day>"));
        // The month's span is about 28 days wide; the range ten: spans keep their lengths.
        let width_of = |class: &str| -> f64 {
            let at = svg.find(&format!("class=\"{class}\"")).unwrap();
            let w = &svg[at..];
            let w = &w[w.find("width=\"").unwrap() + 7..];
            w[..w.find('"').unwrap()].parse().unwrap()
        };
        let ratio = width_of("uncertain") / width_of("range");
        assert!((2.5..3.2).contains(&ratio), "{ratio}");
        // Nothing to draw, nothing written.
        let mut h = Html::default();
        timeline_svg(&mut h, &[], None);
        assert!(h.finish().is_empty());
    }
}
