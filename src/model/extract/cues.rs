//! The words that state a fact, and on which side of them the actor stands.
//!
//! A cue is a verb or noun with its voice and complement: "X has accepted", "X was invited",
//! "Y invited X" (X is invited, Y is the inviter and gets nothing), "invitations were sent to
//! X", "X's acceptance", "X declined the invitation", "X will not join". Negation ("has not
//! accepted") cancels a cue; a refusal to join is a decline, a refusal to pay is not.

use std::ops::Range;

use super::lexicon::{
    BE, CLAUSE_BREAKS, NEGATIONS, OPEN_MODALS, PROPOSAL_NOUNS, REPORTING, TAKE_PART,
};
use super::tokens::Token;
use crate::model::dataset::{Fact, Role, Status};

/// Where the actor a cue is about stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Frame {
    /// The subject before the cue ("Canada has accepted", "Putin was invited").
    Left,
    /// The object after token `from`, within `gap` words ("invited Argentina", "sent to
    /// leaders in Paraguay"); `including` lets "..., including X" reach further.
    Right { from: usize, gap: usize },
    /// The owner before the "'s" at this token ("Carney's acceptance").
    Owner(usize),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Cue {
    pub fact: Fact,
    pub frame: Frame,
    /// The cue's tokens, complement included: what the quote must hold.
    pub toks: Range<usize>,
    /// How sure the wording is, before what the link adds or takes away.
    pub weight: f32,
    /// Also states a founding membership ("invited to join as a founding member").
    pub founding: bool,
}

/// Adverbs and quote marks that may sit inside a verb group ("has also accepted").
const ADVERBS: &[&str] = &[
    "also",
    "already",
    "now",
    "officially",
    "formally",
    "reportedly",
    "currently",
    "finally",
    "just",
    "recently",
    "still",
    "quickly",
    "swiftly",
    "since",
    "previously",
    "initially",
    "personally",
    "publicly",
    "yet",
    "\"",
    "“",
    "”",
    "'",
];

fn prev_word(toks: &[Token], i: usize) -> Option<usize> {
    (0..i).rev().find(|&k| !toks[k].is_any(ADVERBS))
}

fn next_word(toks: &[Token], i: usize) -> Option<usize> {
    (i + 1..toks.len()).find(|&k| !toks[k].is_any(ADVERBS))
}

fn is(toks: &[Token], k: Option<usize>, words: &[&str]) -> bool {
    k.is_some_and(|k| toks[k].is_any(words))
}

/// A negation among the three words before `i`, inside its clause ("has not accepted",
/// "won't join", "has yet to decide").
fn negated(toks: &[Token], i: usize) -> bool {
    let mut k = i;
    for _ in 0..3 {
        let Some(p) = k.checked_sub(1) else {
            return false;
        };
        let t = &toks[p];
        if t.is_any(NEGATIONS)
            || t.lower.ends_with("n't")
            || (t.is("yet") && is(toks, Some(i - 1), &["to"]))
        {
            return true;
        }
        if !t.word || t.is_any(REPORTING) {
            return false;
        }
        k = p;
    }
    false
}

/// "to join", "to participate", "to become": the end of that complement after `i`.
fn take_part_after(toks: &[Token], i: usize) -> Option<usize> {
    let to = next_word(toks, i)?;
    if !toks[to].is("to") {
        return None;
    }
    let verb = to + 1;
    (verb < toks.len() && toks[verb].is_any(TAKE_PART)).then_some(verb + 1)
}

/// The end of a proposal noun phrase right after `i` ("the invitation", "Trump's offer"),
/// within four words.
fn proposal_after(toks: &[Token], i: usize) -> Option<usize> {
    (i + 1..(i + 5).min(toks.len()))
        .take_while(|&k| !toks[k].is_any(CLAUSE_BREAKS) && !toks[k].is("."))
        .find(|&k| toks[k].is_any(PROPOSAL_NOUNS))
        .map(|k| k + 1)
}

fn clause_end(toks: &[Token], i: usize) -> bool {
    toks.get(i)
        .is_none_or(|t| t.is_any(&[".", ",", ";", "!", "?", "and", "but"]))
}

/// A founding membership stated after the cue in its clause: "as a founding member",
/// "becoming a founding member", "to Become Board of Peace Founding Member", but not "one of
/// the founding members" (one of several, no role of its own).
fn founding_after(toks: &[Token], i: usize) -> bool {
    let mut k = i + 1;
    while k + 1 < toks.len() && k < i + 16 {
        if toks[k].is_any(CLAUSE_BREAKS) || toks[k].is(".") {
            return false;
        }
        if toks[k].is("founding") && toks[k + 1].lower.starts_with("member") {
            let before: Vec<&str> = toks[k.saturating_sub(5)..k]
                .iter()
                .map(|t| t.lower.as_str())
                .collect();
            let one_of = before.windows(2).any(|w| w == ["one", "of"]);
            return !one_of
                && (toks[k - 1].is_any(&["a", "as"])
                    || before
                        .iter()
                        .any(|w| matches!(*w, "become" | "becoming" | "as")));
        }
        k += 1;
    }
    false
}

fn cue(fact: Fact, frame: Frame, toks: Range<usize>, weight: f32) -> Cue {
    Cue {
        fact,
        frame,
        toks,
        weight,
        founding: false,
    }
}

const INVITED: Fact = Fact::Status(Status::Invited);

/// Every cue of a sentence, in order.
pub fn cues(toks: &[Token]) -> Vec<Cue> {
    let mut out = Vec::new();
    for i in 0..toks.len() {
        let w = toks[i].lower.as_str();
        let prev = prev_word(toks, i);
        let next = next_word(toks, i);
        let passive = is(toks, prev, BE) || is(toks, prev, &["got", "get", "gets"]);
        let neg = negated(toks, i);
        let found = match w {
            "invited" | "invite" | "invites" | "inviting" if !neg => {
                let noun = w == "invite" && is(toks, prev, &["an", "a", "the", "'s"]);
                if noun {
                    invitation(toks, i)
                } else if w == "invited"
                    && (passive || is(toks, next, &["to", "by", ":", ","]) || next.is_none())
                {
                    let end = take_part_after(toks, i).unwrap_or(i + 1);
                    vec![cue(INVITED, Frame::Left, i..end, 0.85)]
                } else {
                    vec![cue(
                        INVITED,
                        Frame::Right {
                            from: i + 1,
                            gap: 5,
                        },
                        i..i + 1,
                        0.85,
                    )]
                }
            }
            "invitation" | "invitations" => invitation(toks, i),
            "asked" if passive && !neg && take_part_after(toks, i).is_some() => {
                let end = take_part_after(toks, i).unwrap_or(i + 1);
                vec![cue(INVITED, Frame::Left, i..end, 0.75)]
            }
            "proposed" | "proposes" if !neg => {
                let becoming = (i + 1..(i + 9).min(toks.len())).any(|k| {
                    toks[k].is_any(&["become", "becoming", "join", "joining"])
                        || toks[k].lower.starts_with("member")
                });
                if !becoming {
                    vec![]
                } else if passive {
                    vec![cue(INVITED, Frame::Left, i..i + 1, 0.7)]
                } else {
                    vec![cue(
                        INVITED,
                        Frame::Right {
                            from: i + 1,
                            gap: 0,
                        },
                        i..i + 1,
                        0.7,
                    )]
                }
            }
            "accept" | "accepts" | "accepted" | "accepting" if !neg && !passive => {
                let before_to = prev
                    .filter(|&p| toks[p].is("to"))
                    .and_then(|p| prev_word(toks, p));
                if before_to.is_some()
                    && !is(
                        toks,
                        before_to,
                        &["agreed", "decided", "agrees", "decides", "chose", "opted"],
                    )
                {
                    vec![]
                } else {
                    let end = proposal_after(toks, i).unwrap_or(i + 1);
                    vec![cue(
                        Fact::Status(Status::Accepted),
                        Frame::Left,
                        i..end,
                        0.9,
                    )]
                }
            }
            "acceptance" => owner_before(toks, i)
                .map(|o| {
                    cue(
                        Fact::Status(Status::Accepted),
                        Frame::Owner(o),
                        o..i + 1,
                        0.75,
                    )
                })
                .into_iter()
                .collect(),
            "agreed" | "agrees" | "agree" | "decided" | "decides" | "chose" | "opted"
            | "committed"
                if !neg =>
            {
                match take_part_after(toks, i) {
                    Some(end) if !is(toks, Some(end - 1), &["be"]) => {
                        vec![cue(
                            Fact::Status(Status::Accepted),
                            Frame::Left,
                            i..end,
                            0.85,
                        )]
                    }
                    _ => vec![],
                }
            }
            "join" | "joins" | "joined" | "joining" | "participate" => join(toks, i, prev, neg),
            "take" if toks.get(i + 1).is_some_and(|t| t.is("part")) => join(toks, i, prev, neg),
            // "The U.S. has asked Qatar to join"
            "asked" | "asks" if !passive && !neg => {
                let to_join = (i + 2..(i + 8).min(toks.len()))
                    .any(|k| toks[k - 1].is("to") && toks[k].is_any(TAKE_PART));
                if to_join {
                    vec![cue(
                        INVITED,
                        Frame::Right {
                            from: i + 1,
                            gap: 0,
                        },
                        i..i + 1,
                        0.75,
                    )]
                } else {
                    vec![]
                }
            }
            "signed" | "signs" | "sign" if !neg && !passive => {
                let object = (i + 1..(i + 4).min(toks.len())).find(|&k| {
                    toks[k].is_any(&[
                        "charter",
                        "agreement",
                        "document",
                        "treaty",
                        "declaration",
                        "up",
                    ])
                });
                let after_to = is(toks, prev, &["to"]);
                match object {
                    Some(k) if !after_to || w != "sign" => {
                        vec![cue(
                            Fact::Status(Status::Signed),
                            Frame::Left,
                            i..k + 1,
                            0.85,
                        )]
                    }
                    _ => vec![],
                }
            }
            "declined" | "declines" | "decline" | "refused" | "refuses" | "refuse" | "rejected"
            | "rejects" | "reject" | "rebuffed" | "rebuffs" | "snubbed" | "snubs" | "spurned"
            | "turned"
                if !neg && !passive =>
            {
                decline(toks, i)
            }
            "studying" | "reviewing" | "considering" | "examining" | "weighing" | "mulling"
            | "assessing" | "evaluating" | "analysing" | "analyzing" | "pondering"
                if !neg && (is(toks, prev, BE) || is(toks, prev, &["still"])) =>
            {
                review(toks, i, 0.85)
            }
            "study" | "review" | "consider" | "examine" | "weigh"
                if !neg && is(toks, prev, &["will", "would", "to"]) =>
            {
                let p = prev.and_then(|p| prev_word(toks, p));
                if toks[prev.expect("checked")].is("to")
                    && !is(toks, p, &["plans", "intends", "wants", "going", "promised"])
                {
                    vec![]
                } else {
                    review(toks, i, 0.75)
                }
            }
            "decided" | "decide"
                if neg
                    || is(toks, prev, &["to"])
                        && is(toks, prev.and_then(|p| prev_word(toks, p)), &["yet"]) =>
            {
                vec![cue(
                    Fact::Status(Status::Reviewing),
                    Frame::Left,
                    i..i + 1,
                    0.6,
                )]
            }
            "undecided" => vec![cue(
                Fact::Status(Status::Reviewing),
                Frame::Left,
                i..i + 1,
                0.6,
            )],
            "withdrew" | "withdrawn" | "withdraws" | "withdraw" | "withdrawing" | "rescinded"
            | "rescinds" | "revoked" | "revokes" | "retracted" | "cancelled" | "canceled"
            | "pulled" | "quit" | "quits" | "left" | "leaves"
                if !neg =>
            {
                withdraw(toks, i, passive)
            }
            "chaired" if is(toks, next, &["by"]) => {
                let from = next.expect("checked") + 1;
                vec![cue(
                    Fact::Role(Role::Chair),
                    Frame::Right { from, gap: 0 },
                    i..from,
                    0.85,
                )]
            }
            "chair" | "chairman" | "chairwoman" | "chairperson" | "chairs" => chair(toks, i, prev),
            "includes" | "include" | "included" | "comprises" | "comprise" if !neg => {
                let body_before = (i.saturating_sub(7)..i).any(|k| {
                    toks[k].is_any(&["board", "committee", "council", "members", "membership"])
                });
                if body_before && !passive {
                    vec![cue(
                        Fact::Status(Status::Member),
                        Frame::Right {
                            from: i + 1,
                            gap: 4,
                        },
                        i..i + 1,
                        0.75,
                    )]
                } else {
                    vec![]
                }
            }
            // "The Executive Board members are X, Y and Z"
            "are" if is(toks, prev, &["members"]) && !neg => vec![cue(
                Fact::Status(Status::Member),
                Frame::Right {
                    from: i + 1,
                    gap: 1,
                },
                i..i + 1,
                0.7,
            )],
            "named" | "appointed" if passive && is(toks, next, &["to"]) => {
                vec![cue(
                    Fact::Status(Status::Member),
                    Frame::Left,
                    i..i + 2,
                    0.75,
                )]
            }
            "serve" | "serves" | "sits" | "sit" | "seated" if is(toks, next, &["on"]) && !neg => {
                vec![cue(
                    Fact::Status(Status::Member),
                    Frame::Left,
                    i..i + 2,
                    0.7,
                )]
            }
            "founding"
                if toks
                    .get(i + 1)
                    .is_some_and(|t| t.lower.starts_with("member")) =>
            {
                // "X is a founding member", "X became a founding member"
                let p = prev_word(toks, i).filter(|&p| toks[p].is_any(&["a", "as"]));
                let verb = p.and_then(|p| prev_word(toks, p));
                if is(
                    toks,
                    verb,
                    &["is", "was", "became", "becomes", "joined", "remains"],
                ) {
                    vec![cue(
                        Fact::Role(Role::FoundingMember),
                        Frame::Left,
                        verb.expect("checked")..i + 2,
                        0.8,
                    )]
                } else {
                    vec![]
                }
            }
            "expected"
                if take_part_after(toks, i).is_some_and(|e| toks[e - 1].is("join")) && !neg =>
            {
                let end = take_part_after(toks, i).expect("checked");
                vec![cue(
                    Fact::Status(Status::Proposed),
                    Frame::Left,
                    i..end,
                    0.6,
                )]
            }
            _ => vec![],
        };
        for mut c in found {
            if matches!(c.fact, Fact::Status(Status::Invited | Status::Accepted)) {
                c.founding = founding_after(toks, c.toks.end.saturating_sub(1));
            }
            out.push(c);
        }
    }
    out
}

/// The "'s" just before a noun, past an adjective or two ("Carney's earlier acceptance").
fn owner_before(toks: &[Token], i: usize) -> Option<usize> {
    (i.saturating_sub(3)..i)
        .rev()
        .take_while(|&k| toks[k].word && !toks[k].cap || toks[k].is("'s"))
        .find(|&k| toks[k].is("'s"))
}

/// The invitation noun: received by its subject, or sent to its object.
fn invitation(toks: &[Token], i: usize) -> Vec<Cue> {
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
    if toks.get(i + 1).is_some_and(|t| t.is_any(&["for", "to"])) && owner_before(toks, i).is_none()
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

fn join(toks: &[Token], i: usize, prev: Option<usize>, neg: bool) -> Vec<Cue> {
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
                "pledged",
            ],
        ) && !negated(toks, p.expect("checked"))
        {
            return accepted(0.8);
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
        let object =
            next_word(toks, i).is_some_and(|k| toks[k].is_any(&["the", "board", "council"]));
        if object {
            return vec![cue(Fact::Status(Status::Member), Frame::Left, i..end, 0.7)];
        }
    }
    vec![]
}

fn decline(toks: &[Token], i: usize) -> Vec<Cue> {
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

fn review(toks: &[Token], i: usize, weight: f32) -> Vec<Cue> {
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

fn withdraw(toks: &[Token], i: usize, passive: bool) -> Vec<Cue> {
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

fn chair(toks: &[Token], i: usize, prev: Option<usize>) -> Vec<Cue> {
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
    if toks[i].is_any(&["chair", "chairs"])
        && is(toks, prev, &["will", "would", "to", "'ll"])
        && toks.get(i + 1).is_some_and(|t| t.is_any(&["the", "it"]))
    {
        return vec![cue(role, Frame::Left, i..i + 1, 0.8)];
    }
    if is(toks, prev, &["named", "appointed", "elected"]) {
        let p = prev.expect("checked");
        return vec![cue(role, Frame::Left, p..i + 1, 0.75)];
    }
    vec![]
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn facts(text: &str) -> Vec<(Fact, Frame)> {
        let toks = tokenize(text, 0..text.len());
        cues(&toks).into_iter().map(|c| (c.fact, c.frame)).collect()
    }

    #[test]
    fn voice_says_which_side_is_invited() {
        assert_eq!(
            facts("Putin was invited to join."),
            [(INVITED, Frame::Left)]
        );
        assert_eq!(
            facts("Putin invited to Gaza board"),
            [(INVITED, Frame::Left)]
        );
        assert_eq!(
            facts("Trump invited Argentina."),
            [(INVITED, Frame::Right { from: 2, gap: 5 })]
        );
    }

    #[test]
    fn negation_cancels_or_reverses() {
        assert!(facts("Canada has not accepted the offer.").is_empty());
        assert_eq!(
            facts("Ireland will not join the board.")[0].0,
            Fact::Status(Status::Declined)
        );
        assert_eq!(
            facts("Ireland won’t join the board.")[0].0,
            Fact::Status(Status::Declined)
        );
        assert!(facts("Canada may still join the board.").is_empty());
    }

    #[test]
    fn refusing_to_pay_is_not_declining() {
        assert!(facts("Canada refuses to pay the fee to join.").is_empty());
        assert_eq!(
            facts("Canada refused to join the board.")[0].0,
            Fact::Status(Status::Declined)
        );
        assert_eq!(
            facts("Sweden declined the invitation.")[0].0,
            Fact::Status(Status::Declined)
        );
        assert!(facts("The ministry declined to comment.").is_empty());
    }

    #[test]
    fn readiness_is_not_acceptance_but_agreement_is() {
        assert!(facts("Qatar announced its readiness to participate.").is_empty());
        assert!(facts("We are ready to participate in the work.").is_empty());
        assert_eq!(
            facts("Kazakhstan has agreed to participate.")[0].0,
            Fact::Status(Status::Accepted)
        );
    }

    #[test]
    fn founding_membership_rides_on_the_invitation() {
        let text = "Trump invited Argentina to join as a founding member.";
        let toks = tokenize(text, 0..text.len());
        assert!(cues(&toks)[0].founding);
        let text = "Trump invited Erdogan to become one of the founding members.";
        let toks = tokenize(text, 0..text.len());
        assert!(!cues(&toks)[0].founding);
    }
}
