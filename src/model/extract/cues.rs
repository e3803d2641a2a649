//! The words that state a fact, and on which side of them the actor stands.
//!
//! A cue is a verb or noun with its voice and complement: "X has accepted", "X was invited",
//! "Y invited X" (X is invited, Y is the inviter and gets nothing), "invitations were sent to
//! X", "X's acceptance", "X declined the invitation", "X will not join". Negation ("has not
//! accepted") cancels a cue; a refusal to join is a decline, a refusal to pay is not.

use std::ops::Range;

use super::cue_rules::{chair, decline, invitation, join, owner_before, pledge, review, withdraw};
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
    "himself",
    "herself",
    "itself",
    "themselves",
    "\"",
    "“",
    "”",
    "'",
];

pub(super) fn prev_word(toks: &[Token], i: usize) -> Option<usize> {
    (0..i).rev().find(|&k| !toks[k].is_any(ADVERBS))
}

pub(super) fn next_word(toks: &[Token], i: usize) -> Option<usize> {
    (i + 1..toks.len()).find(|&k| !toks[k].is_any(ADVERBS))
}

pub(super) fn is(toks: &[Token], k: Option<usize>, words: &[&str]) -> bool {
    k.is_some_and(|k| toks[k].is_any(words))
}

/// A negation among the three words before `i`, inside its clause ("has not accepted",
/// "won't join", "has yet to decide").
pub(super) fn negated(toks: &[Token], i: usize) -> bool {
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

/// A condition or question over the clause ("If Putin accepts the invitation", "whether
/// Canada will join"): nothing is stated.
pub(super) fn conditional(toks: &[Token], i: usize) -> bool {
    (i.saturating_sub(8)..i)
        .rev()
        .take_while(|&k| !toks[k].is_any(&[",", ";", ".", ":"]))
        .any(|k| toks[k].is_any(&["if", "unless", "whether", "once", "should"]))
}

/// "to join", "to participate", "to become": the end of that complement after `i`.
pub(super) fn take_part_after(toks: &[Token], i: usize) -> Option<usize> {
    let to = next_word(toks, i)?;
    if !toks[to].is("to") {
        return None;
    }
    let verb = to + 1;
    (verb < toks.len() && toks[verb].is_any(TAKE_PART)).then_some(verb + 1)
}

/// The end of a proposal noun phrase right after `i` ("the invitation", "Trump's offer"),
/// within four words.
pub(super) fn proposal_after(toks: &[Token], i: usize) -> Option<usize> {
    (i + 1..(i + 5).min(toks.len()))
        .take_while(|&k| !toks[k].is_any(CLAUSE_BREAKS) && !toks[k].is("."))
        .find(|&k| toks[k].is_any(PROPOSAL_NOUNS))
        .map(|k| k + 1)
}

/// "X signed the charter alongside leaders ..., including Y", "X was named to the committee
/// alongside Y and Z": the same fact, for the companions after "alongside", "along with" or
/// "together with" in the cue's clause.
fn companions_after(toks: &[Token], c: &Cue) -> Option<Cue> {
    if c.frame != Frame::Left || !matches!(c.fact, Fact::Status(_)) {
        return None;
    }
    let from = c.toks.end;
    // ", together with Y": a comma may stand right before the companion word.
    let at = (from..(from + 8).min(toks.len()))
        .take_while(|&k| {
            !toks[k].is_any(CLAUSE_BREAKS)
                && !toks[k].is_any(&[".", ";"])
                && (!toks[k].is(",")
                    || toks
                        .get(k + 1)
                        .is_some_and(|n| n.is_any(&["alongside", "along", "together"])))
        })
        .find(|&k| {
            toks[k].is("alongside")
                || toks[k].is_any(&["along", "together"])
                    && toks.get(k + 1).is_some_and(|t| t.is("with"))
        })?;
    let start = if toks[at].is("alongside") {
        at + 1
    } else {
        at + 2
    };
    Some(Cue {
        fact: c.fact.clone(),
        frame: Frame::Right {
            from: start,
            gap: 2,
        },
        toks: c.toks.clone(),
        weight: c.weight - 0.05,
        founding: c.founding,
    })
}

/// Whether the be-verb before a passive participle follows a modal or "to" ("may be
/// invited", "expected to be invited", "could be asked"): a possibility, not a fact.
fn open_before_be(toks: &[Token], be: Option<usize>) -> bool {
    let Some(b) = be.filter(|&b| toks[b].is("be")) else {
        return false;
    };
    is(toks, prev_word(toks, b), OPEN_MODALS)
        || is(
            toks,
            prev_word(toks, b),
            &["to", "should", "might", "would"],
        )
}

/// "named X to head the committee": the chair of the body after "head", "lead" or "chair",
/// given to the object right after the verb (an apposition between commas allowed). The cue
/// spans to that verb so the body named after it is the nearest.
fn head_after_object(toks: &[Token], i: usize) -> Vec<Cue> {
    let lead = (i + 2..(i + 16).min(toks.len()))
        .take_while(|&k| !toks[k].is_any(CLAUSE_BREAKS) && !toks[k].is_any(&[".", ";"]))
        .find(|&k| toks[k - 1].is("to") && toks[k].is_any(&["head", "lead", "chair"]));
    match lead {
        Some(k) => vec![cue(
            Fact::Role(Role::Chair),
            Frame::Right {
                from: i + 1,
                gap: 0,
            },
            i..k + 1,
            0.75,
        )],
        None => vec![],
    }
}

/// "were among the first Gulf states to": `b` is the word before "to"; the be-verb that
/// opens the phrase, within seven words, if the phrase ranks its subject first.
fn among_first(toks: &[Token], b: usize) -> Option<usize> {
    let from = b.saturating_sub(7);
    let first = (from..=b)
        .rev()
        .take_while(|&k| !toks[k].is_any(CLAUSE_BREAKS) && !toks[k].is_any(&[",", "."]))
        .find(|&k| toks[k].is_any(&["first", "earliest"]))?;
    let start = (from..first)
        .rev()
        .take_while(|&k| !toks[k].is_any(&[",", "."]))
        .find(|&k| toks[k].is_any(BE))?;
    (start + 4 >= first).then_some(start)
}

pub(super) fn clause_end(toks: &[Token], i: usize) -> bool {
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

pub(super) fn cue(fact: Fact, frame: Frame, toks: Range<usize>, weight: f32) -> Cue {
    Cue {
        fact,
        frame,
        toks,
        weight,
        founding: false,
    }
}

pub(super) const INVITED: Fact = Fact::Status(Status::Invited);

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
                } else if w == "invited" && passive && open_before_be(toks, prev) {
                    // "may be invited", "is expected to be invited": not yet.
                    vec![]
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
                // "X were among the first states to accept": the cue starts at the verb "be".
                let among_first = before_to.and_then(|b| among_first(toks, b));
                if let Some(start) = among_first {
                    vec![cue(
                        Fact::Status(Status::Accepted),
                        Frame::Left,
                        start..i + 1,
                        0.8,
                    )]
                } else if before_to.is_some()
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
            "pledged" | "pledges" | "contributed" | "contributes" | "paid" | "pay" | "pays"
                if !neg && !passive =>
            {
                let to_pay = is(toks, prev, &["to"])
                    && !is(
                        toks,
                        prev.and_then(|p| prev_word(toks, p)),
                        &["agreed", "pledged", "promised", "offered", "decided"],
                    );
                let open = toks[i].is_any(&["pay", "pays"])
                    && !is(toks, prev, &["will", "would", "'ll", "to"]);
                if to_pay || open || conditional(toks, i) {
                    vec![]
                } else {
                    pledge(toks, i)
                }
            }
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
            // "would not sign the charter": a refusal of what was offered.
            "sign"
                if neg
                    && is(toks, prev, &["not"])
                    && is(
                        toks,
                        prev.and_then(|p| prev_word(toks, p)),
                        &["will", "would", "shall"],
                    ) =>
            {
                let object = (i + 1..(i + 4).min(toks.len()))
                    .take_while(|&k| !toks[k].is_any(&[",", ".", ";"]))
                    .find(|&k| toks[k].is_any(&["charter", "agreement", "treaty"]));
                let start = prev.and_then(|p| prev_word(toks, p)).unwrap_or(i);
                match object {
                    Some(k) => vec![cue(
                        Fact::Status(Status::Declined),
                        Frame::Left,
                        start..k + 1,
                        0.75,
                    )],
                    None => vec![],
                }
            }
            "signed" | "signs" | "sign" if !neg && !passive => {
                // "signed the board's charter": the object within five words.
                let object = (i + 1..(i + 6).min(toks.len()))
                    .take_while(|&k| !toks[k].is_any(&[",", ".", ";"]))
                    .find(|&k| {
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
                        // "signed up" is a promise to join, not a signature.
                        let status = if toks[k].is("up") {
                            Status::Accepted
                        } else {
                            Status::Signed
                        };
                        vec![cue(Fact::Status(status), Frame::Left, i..k + 1, 0.85)]
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
                // "has yet to decide": the cue starts at "yet", so "has" links its subject.
                let start = (i.saturating_sub(2)..i)
                    .find(|&k| toks[k].is_any(&["yet", "to"]))
                    .unwrap_or(i);
                vec![cue(
                    Fact::Status(Status::Reviewing),
                    Frame::Left,
                    start..i + 1,
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
                let invitees = is(toks, prev, &["invitees", "guests"]);
                // "potential members include": named, not seated.
                let potential = (i.saturating_sub(3)..i).any(|k| {
                    toks[k].is_any(&[
                        "potential",
                        "possible",
                        "prospective",
                        "expected",
                        "likely",
                        "candidate",
                        "candidates",
                    ])
                });
                let fact = if invitees {
                    INVITED
                } else if potential {
                    Fact::Status(Status::Proposed)
                } else {
                    Fact::Status(Status::Member)
                };
                if (body_before || invitees) && !passive {
                    vec![cue(
                        fact,
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
            // "named Ali Shaath, a former minister, to head the committee"
            "named" | "appointed" | "picked" | "tapped" if !passive && !neg => {
                head_after_object(toks, i)
            }
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
                let mut verb = p.and_then(|p| prev_word(toks, p));
                // "Pakistan will be a founding member": a statement of intent, not "could be".
                if is(toks, verb, &["be"])
                    && is(
                        toks,
                        verb.and_then(|v| prev_word(toks, v)),
                        &["will", "'ll", "shall"],
                    )
                {
                    verb = verb.and_then(|v| prev_word(toks, v));
                }
                if is(
                    toks,
                    verb,
                    &[
                        "is", "was", "became", "becomes", "joined", "remains", "will", "'ll",
                        "shall",
                    ],
                ) && !negated(toks, verb.expect("checked"))
                {
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
        if conditional(toks, i) {
            continue;
        }
        for mut c in found {
            if matches!(c.fact, Fact::Status(Status::Invited | Status::Accepted)) {
                c.founding = founding_after(toks, c.toks.end.saturating_sub(1));
            }
            let companions = companions_after(toks, &c);
            out.push(c);
            out.extend(companions);
        }
    }
    out
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
    fn pledges_carry_their_amount_and_refusals_to_pay_none() {
        let money = |amount: u64, currency: &str| crate::model::dataset::Money {
            amount,
            currency: currency.into(),
        };
        assert_eq!(
            facts("Qatar pledged $1 billion to the board.")[0].0,
            Fact::Pledge(money(1_000_000_000, "USD"))
        );
        assert_eq!(
            facts("Morocco will pay 500 million euros.")[0].0,
            Fact::Pledge(money(500_000_000, "EUR"))
        );
        assert!(facts("Canada will not pay the US$1 billion fee.").is_empty());
        assert!(facts("Canada refuses to pay $1 billion.").is_empty());
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
