//! The merge driver's fast path: three editions of a dataset file merged record by record on
//! their text, without reading them into datasets.
//!
//! A team's merge of a 300 MB file usually brings a few changed records from each side. Parsing
//! three such files and writing one takes seconds; comparing their records' texts takes a
//! fraction of that. So each file is scanned once for its four lists of records (actors,
//! sources, claims, events), each record found by its `id`, and the rules of the typed merge
//! (see [`crate::model::merge`]) are applied to the texts: a record equal on two sides is
//! kept, one changed on one side takes that side's text, a new one is added, in the order the
//! typed merge gives. Everything outside the four lists (the body, its rules, the header) is
//! the file's frame and merges as one piece.
//!
//! It only ever does what the typed merge would do, and steps aside (`None`: the caller runs
//! the typed merge) whenever that merge would have more to do or say: a record changed on both
//! sides (a field merge, perhaps a conflict), a record deleted on one side and changed on the
//! other, the same new id on both sides, an actor or a source deleted (the other side's claims
//! may point at it), a source's text changed (claims quote it), frames changed on both sides or
//! naming different bodies, and any text it does not expect (a comment, a raw string, an id
//! with an escape, a record whose first field is not its id), and facts in an old form, which
//! a load rewrites.
//!
//! What it takes from THEIRS where OURS had other words or none (a teammate's new and changed
//! records, perhaps from anyone) is read and checked with the records it names and the frame,
//! the way a load reads and checks them: the load's own code, on a small file made of them. A
//! merged file that would not load is never written because of them; the rest is OURS as the
//! user already had it, or records both sides left as BASE had them.

use std::io::{self, Write};

use rustc_hash::{FxHashMap, FxHashSet};

use super::format::parse;
use super::parallel::{MAX_SCAN_DEPTH, is_ident, marks, past_string, skip_space_and_line_comments};
use crate::model::{Claim, EDITORS_NOTE, Event, Fact, Source, Subject};

/// The dataset's lists of records, merged by id. Their order here is their index below.
const LISTS: [&str; 4] = ["actors", "sources", "claims", "events"];
const ACTORS: usize = 0;
const SOURCES: usize = 1;
const CLAIMS: usize = 2;
const EVENTS: usize = 3;

/// From this many records on, a list's three maps by id are built at once.
const PARALLEL_RECORDS: usize = 20_000;

/// The indentation of a record in a list and of the list's closing bracket, as the dataset's
/// writer lays them out: the merged lists are written the way a save writes them.
const RECORD_INDENT: &str = "            ";
const LIST_INDENT: &str = "        ";

/// The bytes the scan stops at inside a record: what opens or closes a string or a bracket,
/// and what it leaves to the parser (comments, characters, attributes).
const RECORD_MARKS: [bool; 256] = marks(b"\"()[]{}/#'");

/// A record of one of the lists: its id and its text, from `(` to `)`.
#[derive(Clone, Copy, Debug, PartialEq)]
struct RecordText<'t> {
    id: &'t [u8],
    text: &'t [u8],
}

/// A list's brackets and its records.
#[derive(Debug)]
struct ListText<'t> {
    open: usize,
    close: usize,
    records: Vec<RecordText<'t>>,
}

/// A dataset file's text cut into its frame and its four lists.
#[derive(Debug)]
struct Scanned<'t> {
    text: &'t [u8],
    lists: [ListText<'t>; 4],
}

impl<'t> Scanned<'t> {
    /// The lists' indexes in the order they stand in the file.
    fn order(&self) -> [usize; 4] {
        let mut order = [0, 1, 2, 3];
        order.sort_by_key(|&k| self.lists[k].open);
        order
    }

    /// The text around the lists' insides: five pieces, each list's `[` ending one and its `]`
    /// starting the next.
    fn frame(&self) -> [&'t [u8]; 5] {
        let order = self.order();
        let mut pieces: [&[u8]; 5] = [b""; 5];
        let mut from = 0;
        for (n, &k) in order.iter().enumerate() {
            pieces[n] = &self.text[from..=self.lists[k].open];
            from = self.lists[k].close;
        }
        pieces[4] = &self.text[from..];
        pieces
    }
}

/// A record of a merged list, and whether it is THEIRS' words where OURS had other words or
/// none: those are checked before the merge is trusted.
#[derive(Clone, Copy, Debug)]
struct Taken<'t> {
    id: &'t [u8],
    text: &'t [u8],
    theirs: bool,
}

/// Three files merged: the frame of the side it comes from and the merged lists, ready to be
/// written.
pub struct TextMerge<'t> {
    /// Ours and theirs, whose records the lists hold.
    texts: [&'t [u8]; 2],
    frame: [&'t [u8]; 5],
    order: [usize; 4],
    lists: [Vec<Taken<'t>>; 4],
}

impl TextMerge<'_> {
    /// How many actors, sources, claims and events the merged file holds.
    pub fn counts(&self) -> [usize; 4] {
        [0, 1, 2, 3].map(|k| self.lists[k].len())
    }

    /// Writes the merged file: the frame, each list laid out as a save lays it out.
    pub fn write_to(&self, out: &mut dyn Write) -> io::Result<()> {
        for (n, &k) in self.order.iter().enumerate() {
            out.write_all(self.frame[n])?;
            write_list(out, &self.texts, self.lists[k].iter().map(|r| r.text))?;
        }
        out.write_all(self.frame[4])
    }

    /// The merged file as text (a small file's, or a test's); `None` when it is not UTF-8.
    pub fn text(&self) -> Option<String> {
        let mut out = Vec::new();
        self.write_to(&mut out).ok()?;
        String::from_utf8(out).ok()
    }
}

/// A list's inside: each record on its own line, followed by a comma; nothing for an empty
/// list (`[]`). Records that stand one after another in one of `texts` with the same line
/// between them are written as one piece: most of a merged file is such runs of OURS.
fn write_list<'a>(
    out: &mut dyn Write,
    texts: &[&[u8]],
    records: impl Iterator<Item = &'a [u8]>,
) -> io::Result<()> {
    let mut run: Option<&[u8]> = None;
    for text in records {
        run = match run.and_then(|run| joined(texts, run, text)) {
            Some(longer) => Some(longer),
            None => {
                if let Some(run) = run {
                    write_run(out, run)?;
                }
                Some(text)
            }
        };
    }
    if let Some(run) = run {
        write_run(out, run)?;
        out.write_all(b"\n")?;
        out.write_all(LIST_INDENT.as_bytes())?;
    }
    Ok(())
}

/// Records one after another, as written between two records.
fn write_run(out: &mut dyn Write, run: &[u8]) -> io::Result<()> {
    for part in [b"\n", RECORD_INDENT.as_bytes(), run, b","] {
        out.write_all(part)?;
    }
    Ok(())
}

/// `run` and `next` as one piece of the text they both stand in, when only the line between
/// records separates them there.
fn joined<'a>(texts: &[&'a [u8]], run: &[u8], next: &[u8]) -> Option<&'a [u8]> {
    let start_in = |text: &[u8], part: &[u8]| {
        let at = (part.as_ptr() as usize).checked_sub(text.as_ptr() as usize)?;
        (at + part.len() <= text.len()).then_some(at)
    };
    let text = texts.iter().find(|t| start_in(t, run).is_some())?;
    let (from, end) = (start_in(text, run)?, start_in(text, run)? + run.len());
    let next_at = start_in(text, next)?;
    let between = text.get(end..next_at)?;
    let line = between.strip_prefix(b",\n")?;
    (line == RECORD_INDENT.as_bytes()).then(|| &text[from..next_at + next.len()])
}

/// Merges OURS and THEIRS, two editions of BASE, record by record on their text; `None` where
/// the typed merge must decide (see the module's note).
pub fn merge_texts<'t>(base: &'t [u8], ours: &'t [u8], theirs: &'t [u8]) -> Option<TextMerge<'t>> {
    // The sides' records are written as they are: a side with facts in an old form, which
    // the load rewrites (and so the typed merge's write), is left to the typed merge.
    let side = |text| scan(text).filter(|_| !has_old_form(text));
    let (b, o, t) = std::thread::scope(|scope| {
        let t = scope.spawn(|| side(theirs));
        let b = scope.spawn(|| scan(base));
        let o = side(ours);
        (b.join().ok().flatten(), o, t.join().ok().flatten())
    });
    let (b, o, t) = (b?, o?, t?);
    let frame_side = frame_side(&b, &o, &t)?;
    let lists = std::thread::scope(|scope| {
        // The claims, nine tenths of a large file, on a core of their own.
        let claims = scope.spawn(|| merge_list(CLAIMS, &b, &o, &t));
        let others = [ACTORS, SOURCES, EVENTS].map(|k| merge_list(k, &b, &o, &t));
        let claims = claims.join().ok().flatten();
        let [actors, sources, events] = others;
        Some([actors?, sources?, claims?, events?])
    })?;
    let merged = TextMerge {
        texts: [ours, theirs],
        frame: frame_side.frame(),
        order: frame_side.order(),
        lists,
    };
    changes_load(&merged).then_some(merged)
}

/// The side whose frame the merged file takes: the one that changed it, or ours when neither
/// did or both did alike. `None` when both changed it differently; when a frame changed on
/// one side names other bodies or another version (the other side's records may name a body
/// that is gone, or be written for another version); and when the file is of an older
/// version, which the typed merge writes anew in this one.
fn frame_side<'s, 't>(
    b: &'s Scanned<'t>,
    o: &'s Scanned<'t>,
    t: &'s Scanned<'t>,
) -> Option<&'s Scanned<'t>> {
    let ours = frame_facts(o)?;
    if ours.0 != super::format::VERSION {
        return None;
    }
    let (fb, fo, ft) = (b.frame(), o.frame(), t.frame());
    if fo == ft {
        return Some(o);
    }
    let side = if fb == ft {
        o
    } else if fb == fo {
        t
    } else {
        return None;
    };
    (frame_facts(b)? == ours && frame_facts(t)? == ours).then_some(side)
}

/// A file's version and its bodies' ids, sorted: its frame read as a dataset with empty lists.
fn frame_facts(s: &Scanned) -> Option<(u32, Vec<String>)> {
    let empty = TextMerge {
        texts: [s.text, s.text],
        frame: s.frame(),
        order: s.order(),
        lists: Default::default(),
    };
    let loaded = parse(&empty.text()?, None).ok()?;
    let d = loaded.dataset;
    let mut ids: Vec<String> = std::iter::once(d.body.id)
        .chain(d.sub_bodies.into_iter().map(|s| s.id))
        .collect();
    ids.sort_unstable();
    Some((loaded.version, ids))
}

/// One list merged by id on the records' texts, as the typed merge merges it; `None` where
/// that merge would have more to do (see the module's note).
///
/// The records all three sides have alike at the list's start and end (most of them, in a
/// team's merge) are kept without a lookup; only the part between goes through maps by id.
fn merge_list<'t>(
    k: usize,
    base: &Scanned<'t>,
    ours: &Scanned<'t>,
    theirs: &Scanned<'t>,
) -> Option<Vec<Taken<'t>>> {
    let (base, ours, theirs) = (
        &base.lists[k].records[..],
        &ours.lists[k].records[..],
        &theirs.lists[k].records[..],
    );
    let alike =
        |b: &RecordText, o: &RecordText, t: &RecordText| b.text == o.text && o.text == t.text;
    let shortest = base.len().min(ours.len()).min(theirs.len());
    let head = (0..shortest)
        .take_while(|&i| alike(&base[i], &ours[i], &theirs[i]))
        .count();
    let back = |list: &[RecordText<'t>], j: usize| list[list.len() - 1 - j];
    let tail = (0..shortest - head)
        .take_while(|&j| alike(&back(base, j), &back(ours, j), &back(theirs, j)))
        .count();
    let (base_middle, ours_middle, theirs_middle) = (
        &base[head..base.len() - tail],
        &ours[head..ours.len() - tail],
        &theirs[head..theirs.len() - tail],
    );
    let (head_part, tail_part) = (&ours[..head], &ours[ours.len() - tail..]);
    // An id in the middle of a side and also among the records alike is given twice there.
    let middle_ids: FxHashSet<&[u8]> = [base_middle, ours_middle, theirs_middle]
        .into_iter()
        .flatten()
        .map(|r| r.id)
        .collect();
    if !middle_ids.is_empty()
        && head_part
            .iter()
            .chain(tail_part)
            .any(|r| middle_ids.contains(r.id))
    {
        return None;
    }
    let (ours_middle, theirs_only) = merge_by_id(k, base_middle, ours_middle, theirs_middle)?;
    let kept = |r: &RecordText<'t>| Taken {
        id: r.id,
        text: r.text,
        theirs: false,
    };
    let mut merged = Vec::with_capacity(ours.len() + theirs_only.len());
    merged.extend(head_part.iter().map(kept));
    merged.extend(ours_middle);
    merged.extend(tail_part.iter().map(kept));
    merged.extend(theirs_only);
    Some(merged)
}

/// Records merged by id as the typed merge merges them: ours' records in ours' order, each as
/// decided, and the records only theirs has, in theirs' order (the typed merge puts them after
/// all of ours').
fn merge_by_id<'t>(
    k: usize,
    base: &[RecordText<'t>],
    ours: &[RecordText<'t>],
    theirs: &[RecordText<'t>],
) -> Option<(Vec<Taken<'t>>, Vec<Taken<'t>>)> {
    let (b, o, t) = if ours.len() < PARALLEL_RECORDS {
        (by_id(base), by_id(ours), by_id(theirs))
    } else {
        std::thread::scope(|scope| {
            let b = scope.spawn(|| by_id(base));
            let t = scope.spawn(|| by_id(theirs));
            let o = by_id(ours);
            (b.join().ok().flatten(), o, t.join().ok().flatten())
        })
    };
    let (b, o, t) = (b?, o?, t?);
    // Others point at actors and sources: one deleted may leave the other side's claims
    // pointing at nothing, which the typed merge settles.
    let pointed_at = k == ACTORS || k == SOURCES;
    let mut merged = Vec::with_capacity(ours.len());
    for r in ours {
        let was = b.get(r.id).copied();
        let text = match t.get(r.id).copied() {
            Some(their) if their == r.text => r.text,
            // Changed on one side only (a source's text is quoted by claims of both sides).
            Some(their) if was == Some(r.text) && (k != SOURCES || same_text(r.text, their)) => {
                their
            }
            Some(their) if was == Some(their) && (k != SOURCES || same_text(r.text, their)) => {
                r.text
            }
            // Changed on both sides, or new on both: a field merge, perhaps a conflict.
            Some(_) => return None,
            None if was.is_none() => r.text,
            // Theirs deleted a record ours kept as it was.
            None if was == Some(r.text) && !pointed_at => continue,
            None => return None,
        };
        merged.push(Taken {
            id: r.id,
            text,
            theirs: text != r.text,
        });
    }
    let mut theirs_only = Vec::new();
    for r in theirs.iter().filter(|r| !o.contains_key(r.id)) {
        match b.get(r.id).copied() {
            None => theirs_only.push(Taken {
                id: r.id,
                text: r.text,
                theirs: true,
            }),
            // Ours deleted a record theirs kept as it was.
            Some(was) if was == r.text && !pointed_at => {}
            Some(_) => return None,
        }
    }
    Some((merged, theirs_only))
}

/// Whether two versions of a source have one article text (its title, notes or rejected
/// suggestions changed): the claims quoting it then stay where they are.
fn same_text(one: &[u8], other: &[u8]) -> bool {
    let text = |record| read_record::<Source>(record).map(|s| (s.text, s.hash));
    text(one).is_some_and(|t| Some(t) == text(other))
}

/// Each record's text by its id; `None` when an id is given twice (the load names that).
fn by_id<'t>(records: &[RecordText<'t>]) -> Option<FxHashMap<&'t [u8], &'t [u8]>> {
    let mut map = FxHashMap::with_capacity_and_hasher(records.len(), Default::default());
    for r in records {
        if map.insert(r.id, r.text).is_some() {
            return None;
        }
    }
    Some(map)
}

/// Whether the records taken from THEIRS load: they, the actors and sources they name and the
/// frame, made into a small dataset file and read by the load itself (syntax, unknown fields,
/// quotes placed in their sources' texts, every check).
fn changes_load(merged: &TextMerge) -> bool {
    let changed = |k: usize| merged.lists[k].iter().filter(|r| r.theirs);
    let mut named: [FxHashSet<Vec<u8>>; 2] = Default::default();
    for r in changed(CLAIMS) {
        let Some(claim) = read_record::<Claim>(r.text) else {
            return false;
        };
        if let Subject::Actor(a) = &claim.subject {
            named[ACTORS].insert(a.clone().into_bytes());
        }
        if let Fact::Represents(a) = &claim.fact {
            named[ACTORS].insert(a.clone().into_bytes());
        }
        if claim.source != EDITORS_NOTE {
            named[SOURCES].insert(claim.source.clone().into_bytes());
        }
    }
    for r in changed(EVENTS) {
        let Some(event) = read_record::<Event>(r.text) else {
            return false;
        };
        for a in &event.actors {
            named[ACTORS].insert(a.clone().into_bytes());
        }
        for s in &event.sources {
            named[SOURCES].insert(s.clone().into_bytes());
        }
    }
    let mut small = Vec::new();
    let written = (|| {
        for (n, &k) in merged.order.iter().enumerate() {
            small.write_all(merged.frame[n])?;
            let kept = merged.lists[k]
                .iter()
                .filter(|r| r.theirs || named.get(k).is_some_and(|ids| ids.contains(r.id)));
            write_list(&mut small, &[], kept.map(|r| r.text))?;
        }
        small.write_all(merged.frame[4])
    })();
    written.is_ok() && String::from_utf8(small).is_ok_and(|small| parse(&small, None).is_ok())
}

/// One record's text read as `T`, through the reader a load uses.
fn read_record<T: serde::de::DeserializeOwned>(text: &[u8]) -> Option<T> {
    let text = std::str::from_utf8(text).ok()?;
    let options = ron::Options::default().with_recursion_limit(super::format::MAX_NESTING);
    super::unknown_fields::from_str_with_ignored::<T>(&options, text)
        .ok()
        .map(|(value, _)| value)
}

/// Finds the four lists of the dataset in a file's text and the records in them, in one pass
/// that knows strings, escapes and nesting; `None` for anything else it meets.
fn scan(text: &[u8]) -> Option<Scanned<'_>> {
    let bytes = text;
    let start = skip_space_and_line_comments(bytes, 0)?;
    if bytes.get(start) != Some(&b'(') {
        return None;
    }
    let mut open: Vec<u8> = Vec::with_capacity(MAX_SCAN_DEPTH);
    let mut keys: [Vec<&[u8]>; 2] = Default::default();
    let mut pending_dataset = false;
    let mut in_dataset = false;
    let mut lists: [Option<ListText>; 4] = Default::default();
    let mut i = start;
    let end = loop {
        let b = *bytes.get(i)?;
        match b {
            b'"' => {
                i = past_string(bytes, i)?;
                continue;
            }
            b'(' | b'[' | b'{' => {
                opened(&mut open, b)?;
                if open.len() == 2 && pending_dataset {
                    pending_dataset = false;
                    in_dataset = b == b'(';
                }
            }
            b')' | b']' | b'}' => {
                if !closes(open.pop()?, b) {
                    return None;
                }
                if open.len() < 2 {
                    in_dataset = false;
                }
                if open.is_empty() {
                    break i + 1;
                }
            }
            b'/' | b'#' | b'\'' => return None,
            _ if (open.len() == 1 || (open.len() == 2 && in_dataset))
                && (b.is_ascii_alphabetic() || b == b'_')
                && !is_ident(bytes[i - 1]) =>
            {
                let key_end = i + bytes[i..].iter().take_while(|&&c| is_ident(c)).count();
                let colon = skip_space_and_line_comments(bytes, key_end)?;
                if bytes.get(colon) == Some(&b':') {
                    let key = &text[i..key_end];
                    let seen = &mut keys[open.len() - 1];
                    if seen.contains(&key) {
                        return None; // Given twice: the parser names the error.
                    }
                    seen.push(key);
                    if open.len() == 1 && key == b"dataset" {
                        pending_dataset = true;
                    }
                    if let Some(k) = LISTS.iter().position(|&l| l.as_bytes() == key)
                        && open.len() == 2
                    {
                        let at = skip_space_and_line_comments(bytes, colon + 1)?;
                        let list = scan_list(text, at)?;
                        i = list.close + 1;
                        lists[k] = Some(list);
                        continue;
                    }
                }
                i = key_end;
                continue;
            }
            _ => {}
        }
        i += 1;
    };
    if !bytes[end..].iter().all(u8::is_ascii_whitespace) {
        return None;
    }
    let [a, s, c, e] = lists;
    Some(Scanned {
        text,
        lists: [a?, s?, c?, e?],
    })
}

/// How facts in the forms a load rewrites (see
/// [`crate::model::data::one_meaning::one_meaning_per_fact`]) are spelled in a file. Found
/// anywhere, in a name too, the typed merge decides: a needless step aside costs time only.
const OLD_FORMS: &[&str] = &["Invited("];

fn has_old_form(text: &[u8]) -> bool {
    OLD_FORMS
        .iter()
        .any(|form| memchr::memmem::find(text, form.as_bytes()).is_some())
}

/// One more bracket open; `None` past the depth the parser's limit leaves to it.
fn opened(open: &mut Vec<u8>, bracket: u8) -> Option<()> {
    open.push(bracket);
    (open.len() <= MAX_SCAN_DEPTH).then_some(())
}

/// Whether `close` closes the bracket `open`.
fn closes(open: u8, close: u8) -> bool {
    matches!((open, close), (b'(', b')') | (b'[', b']') | (b'{', b'}'))
}

/// The list whose `[` is at `at`: records separated by commas and white space only.
fn scan_list(text: &[u8], at: usize) -> Option<ListText<'_>> {
    let bytes = text;
    if bytes.get(at) != Some(&b'[') {
        return None;
    }
    let space = |from: usize| {
        from + bytes[from..]
            .iter()
            .take_while(|b| b.is_ascii_whitespace())
            .count()
    };
    let mut records = Vec::new();
    let mut i = space(at + 1);
    loop {
        match bytes.get(i)? {
            b']' => {
                return Some(ListText {
                    open: at,
                    close: i,
                    records,
                });
            }
            b'(' => {
                let record = scan_record(text, i)?;
                i = space(i + record.text.len());
                records.push(record);
                match bytes.get(i)? {
                    b',' => i = space(i + 1),
                    b']' => {}
                    _ => return None,
                }
            }
            _ => return None,
        }
    }
}

/// The record whose `(` is at `at`; its first field must be its id, a string without escapes
/// (two spellings of one id would not compare equal).
fn scan_record(text: &[u8], at: usize) -> Option<RecordText<'_>> {
    let bytes = text;
    let space = |from: usize| {
        from + bytes[from..]
            .iter()
            .take_while(|b| b.is_ascii_whitespace())
            .count()
    };
    let mut i = space(at + 1);
    if !bytes[i..].starts_with(b"id") || bytes.get(i + 2).is_some_and(|&b| is_ident(b)) {
        return None;
    }
    i = space(i + 2);
    if bytes.get(i) != Some(&b':') {
        return None;
    }
    i = space(i + 1);
    if bytes.get(i) != Some(&b'"') {
        return None;
    }
    let id_end = i + 1 + memchr::memchr2(b'"', b'\\', &bytes[i + 1..])?;
    if bytes[id_end] != b'"' {
        return None;
    }
    let id = &text[i + 1..id_end];
    let mut open: Vec<u8> = Vec::with_capacity(MAX_SCAN_DEPTH);
    open.push(b'(');
    i = id_end + 1;
    loop {
        i += bytes[i..]
            .iter()
            .position(|&b| RECORD_MARKS[usize::from(b)])?;
        let b = bytes[i];
        match b {
            b'"' => {
                i = past_string(bytes, i)?;
                continue;
            }
            b'(' | b'[' | b'{' => opened(&mut open, b)?,
            b')' | b']' | b'}' => {
                if !closes(open.pop()?, b) {
                    return None;
                }
                if open.is_empty() {
                    return Some(RecordText {
                        id,
                        text: &text[at..=i],
                    });
                }
            }
            _ => return None,
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::data::builder::DatasetBuilder;
    use crate::store::format::to_ron;

    /// The old forms' spellings are those the writer gives the facts a load rewrites: were the
    /// variant renamed, the text merge would stop noticing them.
    #[test]
    fn old_forms_are_spelled_as_the_writer_spells_them() {
        let old = DatasetBuilder::new("Board")
            .actor("x", "X", crate::model::ActorKind::Person)
            .claim("x", Fact::Invited(true), "editors-note", None, None)
            .build();
        assert!(has_old_form(to_ron(&old).as_bytes()));
        let mut new = old.clone();
        crate::model::data::one_meaning::one_meaning_per_fact(&mut new);
        assert!(!has_old_form(to_ron(&new).as_bytes()));
    }
}
