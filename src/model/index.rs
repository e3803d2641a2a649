//! Lookups by id, built once per revision of the dataset (never per frame).

use std::collections::HashMap;

use super::dataset::{Dataset, Subject};

#[derive(Debug, Default)]
pub struct Index {
    pub actor_by_id: HashMap<String, usize>,
    pub source_by_id: HashMap<String, usize>,
    /// For each actor (by position), the positions of the claims about it, in file order.
    pub claims_by_actor: Vec<Vec<usize>>,
    /// Claims about bodies, in file order.
    pub body_claims: Vec<usize>,
}

impl Index {
    pub fn build(dataset: &Dataset) -> Index {
        let actor_by_id: HashMap<String, usize> = dataset
            .actors
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i))
            .collect();
        let source_by_id = dataset
            .sources
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.clone(), i))
            .collect();
        let mut claims_by_actor = vec![Vec::new(); dataset.actors.len()];
        let mut body_claims = Vec::new();
        for (i, claim) in dataset.claims.iter().enumerate() {
            match &claim.subject {
                Subject::Actor(id) => {
                    if let Some(&a) = actor_by_id.get(id) {
                        claims_by_actor[a].push(i);
                    }
                }
                Subject::Body(_) => body_claims.push(i),
            }
        }
        Index {
            actor_by_id,
            source_by_id,
            claims_by_actor,
            body_claims,
        }
    }
}
