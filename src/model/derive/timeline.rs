//! The timeline's arithmetic, without any drawing: time as fractional days since 1970, the span
//! a partial date covers, tick marks that suit the zoom (hours to centuries), and lanes of
//! marks sorted by start so that only the visible ones are ever looked at.

use std::collections::BTreeMap;

use chrono::{Datelike, Months, NaiveDate};

use super::index::Index;
use crate::model::data::dataset::{ActorKind, Dataset, Event, Fact, Rank, Status};
use crate::model::data::date::PartialDate;

/// Days since 1970-01-01 (fractions are hours).
pub type Time = f64;

pub fn day_number(d: NaiveDate) -> Time {
    (d - NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid")).num_days() as Time
}

pub fn date_of(t: Time) -> NaiveDate {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid");
    let days = t.floor().clamp(-700_000.0, 2_900_000.0) as i64;
    epoch + chrono::Duration::days(days)
}

/// The stretch of time a date covers: a day is one day long, a month a month, a year a year.
/// A date known only to the month is drawn as that whole month, not as a false point.
pub fn span(date: PartialDate) -> (Time, Time) {
    (
        day_number(date.first_day()),
        day_number(date.last_day()) + 1.0,
    )
}

/// An event's span: from its date to the end of its end date, if it has one.
pub fn event_span(e: &Event) -> (Time, Time) {
    let (start, end) = span(e.date);
    match e.end {
        Some(last) => (start, span(last).1.max(end)),
        None => (start, end),
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct AxisTick {
    pub t: Time,
    pub label: String,
    /// Major ticks start a larger unit (a year among months, a month among days).
    pub major: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TickStep {
    Hours(u32),
    Days(u32),
    Months(u32),
    Years(u32),
}

impl TickStep {
    /// Roughly how many days one step is, to choose a step for the zoom.
    fn days(self) -> f64 {
        match self {
            TickStep::Hours(h) => h as f64 / 24.0,
            TickStep::Days(d) => d as f64,
            TickStep::Months(m) => m as f64 * 30.44,
            TickStep::Years(y) => y as f64 * 365.25,
        }
    }
}

const STEPS: [TickStep; 19] = [
    TickStep::Hours(1),
    TickStep::Hours(3),
    TickStep::Hours(6),
    TickStep::Hours(12),
    TickStep::Days(1),
    TickStep::Days(2),
    TickStep::Days(7),
    TickStep::Months(1),
    TickStep::Months(3),
    TickStep::Months(6),
    TickStep::Years(1),
    TickStep::Years(2),
    TickStep::Years(5),
    TickStep::Years(10),
    TickStep::Years(20),
    TickStep::Years(50),
    TickStep::Years(100),
    TickStep::Years(200),
    TickStep::Years(500),
];

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Ticks for the visible range `[t0, t1)` drawn `width` points wide, at least `min_gap`
/// points apart, aligned to calendar units, labelled for the zoom.
pub fn ticks(t0: Time, t1: Time, width: f32, min_gap: f32) -> Vec<AxisTick> {
    if t1 <= t0 || width <= 0.0 {
        return Vec::new();
    }
    let days_per_point = (t1 - t0) / width as f64;
    let step = STEPS
        .iter()
        .copied()
        .find(|s| s.days() / days_per_point >= min_gap as f64)
        .unwrap_or(TickStep::Years(1000));
    let mut out = Vec::new();
    match step {
        TickStep::Hours(h) => {
            let mut t = (t0 * 24.0 / h as f64).floor() * h as f64 / 24.0;
            while t < t1 && out.len() < 2000 {
                let hour = ((t - t.floor()) * 24.0).round() as u32 % 24;
                let major = hour == 0;
                let label = if major {
                    day_label(date_of(t + 1e-9))
                } else {
                    format!("{hour:02}:00")
                };
                out.push(AxisTick { t, label, major });
                t += h as f64 / 24.0;
            }
        }
        TickStep::Days(n) => {
            let mut day = date_of(t0);
            if n == 7 {
                // Weeks start on Mondays.
                day -= chrono::Duration::days(day.weekday().num_days_from_monday() as i64);
            }
            while day_number(day) < t1 && out.len() < 2000 {
                let major = day.day() == 1;
                let label = if major {
                    format!("{} {}", MONTHS[day.month0() as usize], day.year())
                } else {
                    day_label(day)
                };
                out.push(AxisTick {
                    t: day_number(day),
                    label,
                    major,
                });
                day += chrono::Duration::days(n as i64);
            }
        }
        TickStep::Months(n) => {
            let start = date_of(t0);
            let month0 = start.month0() - start.month0() % n;
            let mut day = NaiveDate::from_ymd_opt(start.year(), month0 + 1, 1).expect("valid");
            while day_number(day) < t1 && out.len() < 2000 {
                let major = day.month0() == 0;
                let label = if major {
                    day.year().to_string()
                } else {
                    MONTHS[day.month0() as usize].to_string()
                };
                out.push(AxisTick {
                    t: day_number(day),
                    label,
                    major,
                });
                day = day + Months::new(n);
            }
        }
        TickStep::Years(n) => {
            let first = date_of(t0).year();
            let mut year = first - first.rem_euclid(n as i32);
            while let Some(day) = NaiveDate::from_ymd_opt(year, 1, 1) {
                if day_number(day) >= t1 || out.len() >= 2000 {
                    break;
                }
                let major = year % (n as i32 * 10) == 0;
                out.push(AxisTick {
                    t: day_number(day),
                    label: year.to_string(),
                    major,
                });
                year += n as i32;
            }
        }
    }
    out.retain(|t| t.t >= t0.floor() - 1.0);
    out
}

fn day_label(d: NaiveDate) -> String {
    format!("{} {}", d.day(), MONTHS[d.month0() as usize])
}

/// How events are grouped into lanes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum LaneMode {
    #[default]
    Actor,
    Kind,
    Source,
}

impl LaneMode {
    pub const ALL: [LaneMode; 3] = [LaneMode::Actor, LaneMode::Kind, LaneMode::Source];

    pub fn label(self) -> &'static str {
        match self {
            LaneMode::Actor => "by actor",
            LaneMode::Kind => "by actor kind",
            LaneMode::Source => "by source",
        }
    }
}

/// One mark on a lane: an event's span.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Mark {
    pub start: Time,
    pub end: Time,
    /// Position of the event in `dataset.events`.
    pub event: usize,
}

/// One dated status claim on a lane (Netanyahu "accepted" on 21 January): derived from the
/// claims, not copied into events, so it moves when the claims do.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StatusMark {
    pub start: Time,
    pub end: Time,
    pub status: Status,
    /// Position of the actor in `dataset.actors`.
    pub actor: usize,
    /// Position in `dataset.claims` of the first claim saying so.
    pub claim: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    pub label: String,
    /// Sorted by start.
    pub marks: Vec<Mark>,
    /// The longest mark, so a search by start can reach marks that began before the view.
    pub longest: Time,
    /// The actors' dated status steps in this lane, sorted by start.
    pub statuses: Vec<StatusMark>,
}

impl Lane {
    /// The marks overlapping `[t0, t1)`: a binary search, then a walk over just those.
    pub fn visible(&self, t0: Time, t1: Time) -> impl Iterator<Item = &Mark> {
        let from = self.marks.partition_point(|m| m.start < t0 - self.longest);
        self.marks[from..]
            .iter()
            .take_while(move |m| m.start < t1)
            .filter(move |m| m.end > t0)
    }

    /// The status marks overlapping `[t0, t1)`. A status date covers at most a year.
    pub fn visible_statuses(&self, t0: Time, t1: Time) -> impl Iterator<Item = &StatusMark> {
        let from = self.statuses.partition_point(|m| m.start < t0 - 367.0);
        self.statuses[from..]
            .iter()
            .take_while(move |m| m.start < t1)
            .filter(move |m| m.end > t0)
    }
}

/// Every actor's dated status steps on the main body, keyed by lane for `mode` (undated steps
/// cannot be placed and are left out). Costs what the claims cost, once per revision.
fn status_marks(d: &Dataset, index: &Index, mode: LaneMode) -> BTreeMap<String, Vec<StatusMark>> {
    let mut by_key: BTreeMap<String, Vec<StatusMark>> = BTreeMap::new();
    for actor in 0..d.actors.len() {
        // The dated status steps, and each mark's claims (for lanes by source).
        let mut dated: Vec<(StatusMark, Vec<usize>)> = Vec::new();
        for step in super::history::status_path(d, index, actor, None) {
            let Some(date) = step.date else { continue };
            let (start, end) = span(date);
            let mark = StatusMark {
                start,
                end,
                status: step.status,
                actor,
                claim: step.claims[0],
            };
            dated.push((mark, step.claims.clone()));
        }
        // The day a source says the actor joined, where no status step stands that day: a
        // member from then (a report that gives only "joined on 22 January" shows there too).
        for &c in index.claims_by_actor.get(actor).into_iter().flatten() {
            let claim = &d.claims[c];
            let Fact::Joined(day) = claim.fact else {
                continue;
            };
            if claim.negated || claim.body.is_some() || claim.rank == Rank::Deprecated {
                continue;
            }
            let (start, end) = span(day);
            if dated.iter().any(|(m, _)| m.start == start) {
                continue;
            }
            let mark = StatusMark {
                start,
                end,
                status: Status::Member,
                actor,
                claim: c,
            };
            dated.push((mark, vec![c]));
        }
        for (mark, claims) in dated {
            let keys: Vec<String> = match mode {
                LaneMode::Actor => vec![d.actors[actor].name.clone()],
                LaneMode::Kind => vec![d.actors[actor].kind.label().to_string()],
                LaneMode::Source => {
                    let mut outlets: Vec<String> = claims
                        .iter()
                        .map(|&c| {
                            let id = &d.claims[c].source;
                            index
                                .source_by_id
                                .get(id)
                                .map_or_else(|| id.clone(), |&at| d.sources[at].outlet.clone())
                        })
                        .collect();
                    outlets.sort();
                    outlets.dedup();
                    outlets
                }
            };
            for key in keys {
                by_key.entry(key).or_default().push(mark);
            }
        }
    }
    by_key
}

/// Groups events (those `keep` accepts) into lanes. An event with several actors or sources
/// appears in each of their lanes; one with none goes to a lane of its own.
pub fn lanes(
    d: &Dataset,
    index: &Index,
    mode: LaneMode,
    keep: impl Fn(&Event) -> bool,
) -> Vec<Lane> {
    let mut by_key: BTreeMap<String, Vec<Mark>> = BTreeMap::new();
    for (i, e) in d.events.iter().enumerate().filter(|(_, e)| keep(e)) {
        let (start, end) = event_span(e);
        let mark = Mark {
            start,
            end,
            event: i,
        };
        let keys: Vec<String> = match mode {
            LaneMode::Actor => e.actors.iter().map(|a| actor_name(d, index, a)).collect(),
            LaneMode::Kind => {
                let mut kinds: Vec<ActorKind> = e
                    .actors
                    .iter()
                    .filter_map(|a| index.actor_by_id.get(a).map(|&at| d.actors[at].kind))
                    .collect();
                kinds.sort();
                kinds.dedup();
                kinds.iter().map(|k| k.label().to_string()).collect()
            }
            LaneMode::Source => e
                .sources
                .iter()
                .map(|s| {
                    index
                        .source_by_id
                        .get(s)
                        .map_or_else(|| s.clone(), |&at| d.sources[at].outlet.clone())
                })
                .collect(),
        };
        if keys.is_empty() {
            by_key.entry("(none)".into()).or_default().push(mark);
        }
        for key in keys {
            by_key.entry(key).or_default().push(mark);
        }
    }
    let mut statuses = status_marks(d, index, mode);
    for key in statuses.keys() {
        by_key.entry(key.clone()).or_default();
    }
    by_key
        .into_iter()
        .map(|(label, mut marks)| {
            marks.sort_by(|a, b| a.start.total_cmp(&b.start));
            let longest = marks.iter().map(|m| m.end - m.start).fold(0.0, f64::max);
            let mut statuses = statuses.remove(&label).unwrap_or_default();
            statuses.sort_by(|a, b| a.start.total_cmp(&b.start));
            Lane {
                label,
                marks,
                longest,
                statuses,
            }
        })
        .collect()
}

fn actor_name(d: &Dataset, index: &Index, id: &str) -> String {
    index
        .actor_by_id
        .get(id)
        .map_or_else(|| id.to_string(), |&at| d.actors[at].name.clone())
}

/// The overall span of a set of events, for "fit all".
/// The latest day anything is dated in the dataset: a claim's day or an event's end. Where
/// the news is: the timeline opens on the weeks before it.
pub fn latest_day(d: &Dataset) -> Option<Time> {
    let claims = d.claims.iter().filter_map(|c| c.as_of).map(|a| span(a).1);
    let events = d.events.iter().map(|e| event_span(e).1);
    claims.chain(events).reduce(Time::max)
}

/// The view that shows the `days` before `latest` (and a little after), or, with an as-of day,
/// the `days` around it: the news, not the whole history.
pub fn recent_view(
    latest: Option<Time>,
    as_of: Option<NaiveDate>,
    days: f64,
) -> Option<(Time, Time)> {
    let margin = (days * 0.1).max(2.0);
    match as_of {
        Some(day) => {
            let at = day_number(day);
            Some((at - days * 0.75, at + days * 0.25))
        }
        None => latest.map(|end| (end - days, end + margin)),
    }
}

pub fn extent(d: &Dataset) -> Option<(Time, Time)> {
    d.events
        .iter()
        .map(event_span)
        .fold(None, |acc, (s, e)| match acc {
            None => Some((s, e)),
            Some((a, b)) => Some((a.min(s), b.max(e))),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Time {
        day_number(s.parse().unwrap())
    }

    #[test]
    fn partial_dates_cover_their_whole_period() {
        assert_eq!(
            span("2026-01-19".parse().unwrap()),
            (t("2026-01-19"), t("2026-01-20"))
        );
        assert_eq!(
            span("2023-10".parse().unwrap()),
            (t("2023-10-01"), t("2023-11-01"))
        );
        assert_eq!(
            span("2022".parse().unwrap()),
            (t("2022-01-01"), t("2023-01-01"))
        );
        assert_eq!(
            span("2024-02".parse().unwrap()).1 - span("2024-02".parse().unwrap()).0,
            29.0
        );
    }

    #[test]
    fn ticks_suit_each_zoom() {
        // Decades across 1000 points: labelled years, a few decades apart.
        let decades = ticks(t("1950-01-01"), t("2050-01-01"), 1000.0, 60.0);
        assert!(decades.iter().all(|k| k.label.len() == 4), "{decades:?}");
        assert!(
            decades.len() >= 8 && decades.len() <= 20,
            "{}",
            decades.len()
        );
        // One year: months, the year itself as the major tick.
        let year = ticks(t("2026-01-01"), t("2027-01-01"), 1000.0, 60.0);
        assert_eq!(
            year[0],
            AxisTick {
                t: t("2026-01-01"),
                label: "2026".into(),
                major: true
            }
        );
        assert_eq!(year[1].label, "Feb");
        // A month: days, weekly or daily.
        let month = ticks(t("2026-01-01"), t("2026-02-01"), 1200.0, 60.0);
        assert!(month.iter().any(|k| k.label == "19 Jan"), "{month:?}");
        // A day: hours, midnight labelled with the date.
        let day = ticks(t("2026-01-19"), t("2026-01-20"), 1200.0, 60.0);
        assert_eq!(day[0].label, "19 Jan");
        assert!(day[0].major);
        assert!(day.iter().any(|k| k.label == "12:00"), "{day:?}");
        // Ticks are in order and inside the range.
        for w in [&decades, &year, &month, &day] {
            assert!(w.windows(2).all(|p| p[0].t < p[1].t));
        }
    }

    #[test]
    fn ticks_survive_absurd_ranges() {
        assert!(ticks(0.0, 0.0, 100.0, 60.0).is_empty());
        assert!(ticks(-1e9, 1e9, 1000.0, 60.0).len() <= 2000);
        assert!(ticks(t("2026-01-01"), t("2026-01-01") + 1e-6, 1000.0, 60.0).len() <= 2000);
    }

    #[test]
    fn only_visible_marks_are_visited() {
        let lane = Lane {
            label: "x".into(),
            marks: (0..1000)
                .map(|i| Mark {
                    start: i as f64,
                    end: i as f64 + 1.0,
                    event: i,
                })
                .collect(),
            longest: 1.0,
            statuses: Vec::new(),
        };
        let seen: Vec<usize> = lane.visible(500.5, 503.0).map(|m| m.event).collect();
        assert_eq!(seen, vec![500, 501, 502]);
        // A long mark that started before the view still shows.
        let mut long = lane.clone();
        long.marks.insert(
            0,
            Mark {
                start: -100.0,
                end: 2000.0,
                event: 9999,
            },
        );
        long.longest = 2100.0;
        assert!(long.visible(500.5, 503.0).any(|m| m.event == 9999));
    }

    #[test]
    fn dated_status_claims_are_marks_on_their_lanes() {
        use crate::model::data::builder::DatasetBuilder;
        use crate::model::{Fact, Status};
        let d = DatasetBuilder::new("Board")
            .actor("netanyahu", "Benjamin Netanyahu", ActorKind::Person)
            .source("a", "Outlet A", Some("2026-01-19"), "text")
            .source("b", "Outlet B", Some("2026-01-21"), "text")
            .claim("netanyahu", Fact::Status(Status::Proposed), "a", None, None)
            .claim("netanyahu", Fact::Status(Status::Accepted), "b", None, None)
            .build();
        let index = Index::build(&d);
        let by_actor = lanes(&d, &index, LaneMode::Actor, |_| true);
        assert_eq!(
            by_actor.len(),
            1,
            "a lane for the actor, though no event names him"
        );
        let marks: Vec<(Time, Status)> = by_actor[0]
            .statuses
            .iter()
            .map(|m| (m.start, m.status))
            .collect();
        assert_eq!(
            marks,
            [
                (t("2026-01-19"), Status::Proposed),
                (t("2026-01-21"), Status::Accepted)
            ]
        );
        assert_eq!(
            by_actor[0]
                .visible_statuses(t("2026-01-20"), t("2026-01-25"))
                .count(),
            1
        );
        let by_source = lanes(&d, &index, LaneMode::Source, |_| true);
        let labels: Vec<&str> = by_source.iter().map(|l| l.label.as_str()).collect();
        assert_eq!(labels, ["Outlet A", "Outlet B"]);
    }

    #[test]
    fn a_joining_day_is_a_mark_where_no_status_stands_that_day() {
        use crate::model::data::builder::DatasetBuilder;
        use crate::model::{Fact, Status};
        let d = DatasetBuilder::new("Board")
            .actor("armenia", "Armenia", ActorKind::State)
            .source("a", "Outlet A", Some("2026-01-19"), "text")
            .source("b", "Outlet B", Some("2026-01-22"), "text")
            .claim("armenia", Fact::Status(Status::Invited), "a", None, None)
            .claim(
                "armenia",
                Fact::Joined("2026-01-22".parse().unwrap()),
                "b",
                None,
                None,
            )
            .build();
        let index = Index::build(&d);
        let lane = &lanes(&d, &index, LaneMode::Actor, |_| true)[0];
        let marks: Vec<(Time, Status)> =
            lane.statuses.iter().map(|m| (m.start, m.status)).collect();
        assert_eq!(
            marks,
            [
                (t("2026-01-19"), Status::Invited),
                (t("2026-01-22"), Status::Member)
            ]
        );
    }
}
