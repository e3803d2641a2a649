//! The rules for each kind of cue word: invitations (received, sent to), joining, refusals,
//! reviews, withdrawals, the chair, pledges. [`super::cues::cues`] picks the rule by the word.

use super::cues::{Cue, Frame, INVITED, clause_end, cue, is, negated, prev_word, take_part_after};
use super::lexicon::{BE, CLAUSE_BREAKS, OPEN_MODALS, PROPOSAL_NOUNS, REPORTING};
use super::tokens::Token;
use crate::model::dataset::{Fact, Role, Status};

/// "pledged $1 billion", "will pay US$1 billion", "contributed 500 million euros": the amount
/// within five words after the verb.
pub(super) fn pledge(toks: &[Token], i: usize) -> Vec<Cue> {
    let scan = i + 1..(i + 6).min(toks.len());
    let Some(first) = scan.clone().find(|&k| {
        toks[k].is_any(&["$", "€", "£"]) || toks[k].lower.starts_with(|c: char| c.is_ascii_digit())
    }) else {
        return vec![];
    };
    let mut words: Vec<String> = Vec::new();
    let mut end = first;
    let mut symbol = String::new();
    if toks[first].is_any(&["$", "€", "£"]) {
        symbol = toks[first].lower.clone();
        end += 1;
    }
    let Some(number) = toks
        .get(end)
        .filter(|t| t.lower.starts_with(|c: char| c.is_ascii_digit()))
    else {
        return vec![];
    };
    words.push(format!("{symbol}{}", number.lower));
    end += 1;
    while let Some(t) = toks.get(end) {
        let currency = match t.lower.as_str() {
            "million" | "billion" | "trillion" | "bn" | "m" => t.lower.clone(),
            "dollars" | "usd" if symbol.is_empty() => "USD".into(),
            "euros" | "eur" if symbol.is_empty() => "EUR".into(),
            "pounds" | "gbp" if symbol.is_empty() => "GBP".into(),
            _ => break,
        };
        words.push(currency);
        end += 1;
    }
    match crate::model::money::parse_money(&words.join(" ")) {
        Ok(money) if money.amount > 0 => {
            vec![cue(Fact::Pledge(money), Frame::Left, i..end, 0.75)]
        }
        _ => vec![],
    }
}

/// The "'s" just before a noun, past an adjective or two ("Carney's earlier acceptance").
pub(super) fn owner_before(toks: &[Token], i: usize) -> Option<usize> {
    (i.saturating_sub(3)..i)
        .rev()
        .take_while(|&k| toks[k].word && !toks[k].cap || toks[k].is("'s"))
        .find(|&k| toks[k].is("'s"))
}

/// The invitation noun: received by its subject, or sent to its object.
pub(super) fn invitation(toks: &[Token], i: usize) -> Vec<Cue> {
    let mut out = Vec::new();
    // "X received an invitation", "X confirmed receiving invitations"
    let receive = (i.saturating_sub(4)..i)
        .rev()
        .take_while(|&k| !toks[k].is_any(CLAUSE_BREAKS) && !toks[k].is(","))
        .find(|&k| {
            toks[k].lower.starts_with("receiv")
                || toks[k].is_any(&["got", "gets", "get", "accepted"])
        });
    if let Some(r) = receive
        && !toks[r].is("accepted")
        && !negated(toks, r)
        && !is(toks, prev_word(toks, r), BE)
    {
        // "X confirmed receiving invitations": the report of it belongs to the cue.
        let r = match r.checked_sub(1) {
            Some(p) if toks[r].lower.ends_with("ing") && toks[p].is_any(REPORTING) => p,
            _ => r,
        };
        out.push(cue(INVITED, Frame::Left, r..i + 1, 0.85));
    }
    // "invitations have been sent to X", "invitations were received by X"
    let mut k = i + 1;
    while k + 1 < toks.len() && k <= i + 7 {
        let t = &toks[k];
        if t.is_any(CLAUSE_BREAKS) || t.is(".") || t.is(",") {
            break;
        }
        let to_object = t.is_any(&[
            "sent",
            "extended",
            "issued",
            "went",
            "delivered",
            "addressed",
            "given",
        ]) && toks[k + 1].is("to")
            || t.lower.starts_with("receiv") && toks[k + 1].is("by");
        if to_object {
            out.push(cue(
                INVITED,
                Frame::Right {
                    from: k + 2,
                    gap: 3,
                },
                i..k + 2,
                0.85,
            ));
            return out;
        }
        k += 1;
    }
    // "the invitation for Argentina to join", "an invitation to Canada"
    // "withdrew an invitation for Canada" states the withdrawal, not a standing invitation.
    let withdrawn = (i.saturating_sub(3)..i).any(|k| {
        toks[k].is_any(&[
            "withdrew",
            "withdraws",
            "withdrawn",
            "withdrawing",
            "rescinded",
            "rescinds",
            "revoked",
            "revokes",
            "retracted",
            "cancelled",
            "canceled",
        ])
    });
    if toks.get(i + 1).is_some_and(|t| t.is_any(&["for", "to"]))
        && owner_before(toks, i).is_none()
        && !withdrawn
    {
        out.push(cue(
            INVITED,
            Frame::Right {
                from: i + 2,
                gap: 0,
            },
            i..i + 2,
            0.75,
        ));
    }
    out
}

pub(super) fn join(toks: &[Token], i: usize, prev: Option<usize>, neg: bool) -> Vec<Cue> {
    let end = i + 1;
    let accepted = |w| vec![cue(Fact::Status(Status::Accepted), Frame::Left, i..end, w)];
    let declined = |w| vec![cue(Fact::Status(Status::Declined), Frame::Left, i..end, w)];
    if is(toks, prev, OPEN_MODALS) {
        return vec![];
    }
    if is(
        toks,
        prev,
        &["will", "would", "'ll", "shall", "won't", "wouldn't", "not"],
    ) {
        // "will not join", "won't join": a refusal; "would join" said of oneself: acceptance.
        let future = is(
            toks,
            prev,
            &["will", "would", "'ll", "shall", "won't", "wouldn't"],
        ) || is(
            toks,
            prev.and_then(|p| prev_word(toks, p)),
            &["will", "would", "shall"],
        );
        if !future {
            return vec![];
        }
        return if neg { declined(0.8) } else { accepted(0.8) };
    }
    if is(toks, prev, &["to"]) {
        let p = prev.and_then(|p| prev_word(toks, p));
        if is(
            toks,
            p,
            &[
                "decided",
                "decides",
                "chose",
                "opted",
                "committed",
                "promised",
                "promises",
                "promise",
                "pledged",
                "pledges",
                "pledge",
                "vowed",
                "vows",
                "vow",
            ],
        ) && !negated(toks, p.expect("checked"))
        {
            // "Vietnam, Kazakhstan pledge to join": the cue starts at the verb of intent so
            // the subject stands right before it.
            let start = p.expect("checked");
            return vec![cue(
                Fact::Status(Status::Accepted),
                Frame::Left,
                start..end,
                0.8,
            )];
        }
        if is(toks, p, &["not"])
            && is(
                toks,
                p.and_then(|q| prev_word(toks, q)),
                &["decided", "chose", "opted"],
            )
        {
            return declined(0.8);
        }
        return vec![];
    }
    if is(toks, prev, &["is", "are"]) && toks[i].is("joining") && !neg {
        return accepted(0.75);
    }
    if toks[i].is_any(&["joined", "joins"]) && !neg && !is(toks, prev, BE) {
        // "joined the board", "Joins Trump's Board of Peace"
        let object = toks[i + 1..(i + 6).min(toks.len())]
            .iter()
            .take_while(|t| !t.is_any(&[",", ".", ";"]))
            .any(|t| t.is_any(&["board", "council", "initiative"]));
        if object {
            return vec![cue(Fact::Status(Status::Member), Frame::Left, i..end, 0.7)];
        }
    }
    vec![]
}

pub(super) fn decline(toks: &[Token], i: usize) -> Vec<Cue> {
    let declined = |end, w| vec![cue(Fact::Status(Status::Declined), Frame::Left, i..end, w)];
    let mut k = i + 1;
    if toks[i].is("turned") {
        if !toks.get(k).is_some_and(|t| t.is("down")) {
            return vec![];
        }
        k += 1;
    }
    if let Some(end) = take_part_after(toks, k - 1) {
        return declined(end, 0.85);
    }
    if toks.get(k).is_some_and(|t| t.is("to")) && toks.get(k + 1).is_some_and(|t| t.is("sign")) {
        return declined(k + 2, 0.8);
    }
    // "declined the invitation", "rejected Trump's offer"
    let mut e = k;
    while e < toks.len() && e < k + 4 {
        let t = &toks[e];
        if t.is_any(PROPOSAL_NOUNS) {
            return declined(e + 1, 0.85);
        }
        if !(t.is_any(&[
            "the", "an", "a", "its", "his", "her", "their", "this", "that", "'s", "us", "u.s.",
            "american", "formal", "official",
        ]) || t.cap)
        {
            break;
        }
        e += 1;
    }
    // "declined it": the pronoun stands for what was offered.
    if toks.get(k).is_some_and(|t| t.is("it")) && !toks[i].is_any(&["decline", "refuse", "reject"])
    {
        return declined(k + 1, 0.7);
    }
    if clause_end(toks, k) && !toks[i].is_any(&["decline", "refuse", "reject"]) {
        return declined(k, 0.6);
    }
    vec![]
}

pub(super) fn review(toks: &[Token], i: usize, weight: f32) -> Vec<Cue> {
    let end = (i + 1..(i + 7).min(toks.len()))
        .take_while(|&k| !toks[k].is_any(CLAUSE_BREAKS) && !toks[k].is("."))
        .find(|&k| toks[k].is_any(PROPOSAL_NOUNS) || toks[k].lower.starts_with("member"));
    match end {
        Some(e) => vec![cue(
            Fact::Status(Status::Reviewing),
            Frame::Left,
            i..e + 1,
            weight,
        )],
        None if clause_end(toks, i + 1) => {
            vec![cue(
                Fact::Status(Status::Reviewing),
                Frame::Left,
                i..i + 1,
                weight - 0.2,
            )]
        }
        None => vec![],
    }
}

pub(super) fn withdraw(toks: &[Token], i: usize, passive: bool) -> Vec<Cue> {
    let near = (i.saturating_sub(5)..(i + 5).min(toks.len()))
        .find(|&k| toks[k].is_any(&["invitation", "invite", "offer"]));
    if let Some(inv) = near {
        let fact = Fact::Status(Status::InvitationWithdrawn);
        let span = i.min(inv)..i.max(inv) + 1;
        if inv > 0 && toks[inv - 1].is("'s") {
            return vec![cue(fact, Frame::Owner(inv - 1), span, 0.8)];
        }
        if toks.get(inv + 1).is_some_and(|t| t.is_any(&["to", "for"])) {
            return vec![cue(
                fact,
                Frame::Right {
                    from: inv + 2,
                    gap: 1,
                },
                span,
                0.8,
            )];
        }
        return vec![];
    }
    if passive {
        return vec![];
    }
    let out_of = toks.get(i + 1).is_some_and(|t| t.is("from"))
        || toks[i].is("pulled") && toks.get(i + 1).is_some_and(|t| t.is("out"))
        || toks[i].is_any(&["quit", "quits", "left", "leaves"])
            && toks.get(i + 1).is_some_and(|t| t.is("the"))
            && toks
                .get(i + 2)
                .is_some_and(|t| t.is_any(&["board", "council"]));
    if out_of
        && !toks[i].is_any(&[
            "rescinded",
            "rescinds",
            "revoked",
            "revokes",
            "retracted",
            "cancelled",
            "canceled",
        ])
    {
        return vec![cue(
            Fact::Status(Status::Withdrawn),
            Frame::Left,
            i..i + 2,
            0.8,
        )];
    }
    vec![]
}

pub(super) fn chair(toks: &[Token], i: usize, prev: Option<usize>) -> Vec<Cue> {
    let role = Fact::Role(Role::Chair);
    // "X, as the founding chairman of the Peace Council"
    let mut k = i;
    while let Some(p) = k.checked_sub(1) {
        if toks[p].is_any(&["the", "its", "founding", "first", "inaugural", "a"]) {
            k = p;
            continue;
        }
        if toks[p].is("as") {
            return vec![cue(role, Frame::Left, p..i + 1, 0.85)];
        }
        break;
    }
    // "Trump will chair the board", "named chairman"
    // "Trump himself chairs the board"
    let board_next = toks.get(i + 1).is_some_and(|t| t.is_any(&["the", "it"]))
        && toks[i + 1..(i + 5).min(toks.len())]
            .iter()
            .any(|t| t.is_any(&["board", "council", "it"]));
    if toks[i].is_any(&["chair", "chairs"])
        && (is(toks, prev, &["will", "would", "to", "'ll"]) || toks[i].is("chairs"))
        && board_next
    {
        return vec![cue(role, Frame::Left, i..i + 1, 0.8)];
    }
    if is(toks, prev, &["named", "appointed", "elected"]) {
        let p = prev.expect("checked");
        return vec![cue(role, Frame::Left, p..i + 1, 0.75)];
    }
    vec![]
}
