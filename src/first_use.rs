//! # First uses of captured paths
//!
//! Where the handler body first uses each captured path, so that both back
//! ends can map the value they write into the params object to it: a
//! render-time error in a path (`data.item.name` through `null`, the
//! documented limit of `captureMode: "paths"`) then points at the body in
//! devtools, not at inserted text with no source position.
//!
//! ```tsx
//! onClick={() => { if (ready) log(data.item.name) }}
//! // params object { data: { item: { name: data.item.name } } }:
//! // the value `data.item.name` maps to `data.item.name` in the body
//! ```
//!
//! ## Implementation
//!
//! One walk of the arrow records, for every static member chain from an
//! identifier (`a.b.c`), the span of each of its prefixes (`a`, `a.b`,
//! `a.b.c`) the first time it is seen, keyed by the root's [`Id`]. A path the
//! body never writes out whole (a JSX member tag) falls back to its longest
//! recorded prefix, at least the root.

use crate::plan::Plan;
use rustc_hash::FxHashMap;
use swc_core::{
    common::{BytePos, Span},
    ecma::{
        ast::{ArrowExpr, Expr, Id, Ident, MemberExpr, MemberProp, Program},
        atoms::Atom,
        visit::{Visit, VisitWith},
    },
};

/// The first use of every path prefix in one handler arrow.
#[derive(Debug, Default)]
pub struct FirstUses {
    spans: FxHashMap<(Id, Vec<Atom>), Span>,
}

impl FirstUses {
    /// Walks `arrow`'s body.
    pub fn of(arrow: &ArrowExpr) -> Self {
        let mut uses = FirstUses::default();
        arrow.body.visit_with(&mut uses);
        uses
    }

    /// The span of the first use of `root.path`, or of its longest prefix
    /// the body uses.
    pub fn get(&self, root: &Id, path: &[Atom]) -> Option<Span> {
        (0..=path.len()).rev().find_map(|len| {
            self.spans
                .get(&(root.clone(), path[..len].to_vec()))
                .copied()
        })
    }

    fn note(&mut self, root: &Ident, path: &[Atom], span: Span) {
        self.spans
            .entry((root.to_id(), path.to_vec()))
            .or_insert(span);
    }
}

impl Visit for FirstUses {
    fn visit_member_expr(&mut self, member: &MemberExpr) {
        // Spans and names from the outermost member down to the root.
        let mut chain = Vec::new();
        let mut node = member;
        let root = loop {
            let MemberProp::Ident(prop) = &node.prop else {
                break None;
            };
            chain.push((prop.sym.clone(), node.span));
            match &*node.obj {
                Expr::Member(inner) => node = inner,
                Expr::Ident(root) => break Some(root),
                _ => break None,
            }
        };
        if let Some(root) = root {
            chain.reverse();
            let path: Vec<Atom> = chain.iter().map(|(name, _)| name.clone()).collect();
            self.note(root, &[], root.span);
            for (len, (_, span)) in chain.iter().enumerate() {
                self.note(root, &path[..=len], *span);
            }
        }
        member.visit_children_with(self);
    }

    fn visit_ident(&mut self, ident: &Ident) {
        self.note(ident, &[], ident.span);
    }
}

/// The first uses in every handler `plan` rewrites, by arrow span (for the
/// text back end, which has no AST).
pub fn for_plan(program: &Program, plan: &Plan) -> FxHashMap<(BytePos, BytePos), FirstUses> {
    let mut finder = ArrowFinder {
        wanted: plan
            .rewrites()
            .map(|(handler, _)| (handler.arrow_span.lo, handler.arrow_span.hi))
            .collect(),
        found: FxHashMap::default(),
    };
    if !finder.wanted.is_empty() {
        program.visit_with(&mut finder);
    }
    finder.found
}

struct ArrowFinder {
    wanted: rustc_hash::FxHashSet<(BytePos, BytePos)>,
    found: FxHashMap<(BytePos, BytePos), FirstUses>,
}

impl Visit for ArrowFinder {
    fn visit_arrow_expr(&mut self, arrow: &ArrowExpr) {
        let key = (arrow.span.lo, arrow.span.hi);
        if self.wanted.contains(&key) {
            self.found.insert(key, FirstUses::of(arrow));
        }
        arrow.visit_children_with(self);
    }
}
