//! # The hoisted block as text
//!
//! A hoisted handler's arrow moves, bytes unchanged (its own new parameters
//! and nested handlers' edits applied), into a `const` of the block; the
//! binding's call takes its place in the attribute.
//!
//! ```tsx
//! import { handler } from "commontools";
//! const _App_b_onClick = /*#__PURE__*/ handler((e, { s }) => s.go(e));      // ← block, after the imports
//! export function App({ s }) {
//!   return <b onClick={_App_b_onClick({ s: { go: s.go } })} />;            // ← the arrow's place
//! }
//! ```
//!
//! ## Implementation
//!
//! One pass over the sorted edits ([`Splicer`]): at a hoisted arrow's start
//! the text of its range is spliced on its own (recursively, so a nested
//! hoisted arrow is taken out of it first: post-order) and set aside, and
//! the binding's call is written instead. The block's text is only known at
//! the end, so the edit that places it carries a marker, replaced last. The
//! callback is never re-indented (template literals would change).

use swc_core::common::BytePos;

use super::{copy, import_edits::string_literal, insert, Edit, SourceText};
use crate::{
    hoist::{HoistPlan, RegistryPlan},
    plan::Plan,
};

/// Stands for the block in the edit that places it.
pub(super) const MARKER: &str = "\u{0}hoisted-block\u{0}";

/// A hoisted arrow: its byte range, name, and the params object that
/// replaces it (with the object's value positions).
pub(super) struct Hoist {
    pub start: usize,
    pub end: usize,
    pub handler: usize,
    pub name: String,
    pub object: (String, Vec<(usize, BytePos)>),
}

type Mapped = (String, Vec<(usize, BytePos)>);

/// Splices edits into the text, setting hoisted arrows aside.
pub(super) struct Splicer<'s> {
    source: &'s SourceText<'s>,
    edits: &'s [Edit],
    next_edit: usize,
    hoists: &'s [Hoist],
    next_hoist: usize,
    maps: bool,
    /// The spliced text of each hoisted arrow, by index into `hoists`.
    set_aside: Vec<Option<Mapped>>,
    /// Where the block's marker landed in the output.
    marker_at: Option<usize>,
}

impl<'s> Splicer<'s> {
    pub(super) fn new(
        source: &'s SourceText<'s>,
        edits: &'s [Edit],
        hoists: &'s [Hoist],
        maps: bool,
    ) -> Self {
        Splicer {
            source,
            edits,
            next_edit: 0,
            hoists,
            next_hoist: 0,
            maps,
            set_aside: (0..hoists.len()).map(|_| None).collect(),
            marker_at: None,
        }
    }

    /// The whole output, with the block (from `callee` and `plan`) in place.
    pub(super) fn run(mut self, plan: &Plan, hoist: Option<&HoistPlan>, callee: &str) -> Mapped {
        let (mut out, mut maps) = self.range(0, self.source.text.len(), true);
        let (Some(hoist), Some(at)) = (hoist, self.marker_at) else {
            return (out, maps);
        };
        let (block, block_maps) = block_text(
            self.source,
            plan,
            hoist,
            callee,
            self.hoists,
            self.set_aside,
        );
        out.replace_range(at..at + MARKER.len(), &block);
        // The block may be shorter or longer than the marker.
        for (offset, _) in maps
            .iter_mut()
            .filter(|(offset, _)| *offset >= at + MARKER.len())
        {
            *offset = *offset - MARKER.len() + block.len();
        }
        let split = maps.partition_point(|(offset, _)| *offset < at);
        maps.splice(
            split..split,
            block_maps
                .into_iter()
                .map(|(offset, pos)| (at + offset, pos)),
        );
        (out, maps)
    }

    /// Splices `start..end`: edits before `end` (at `end` too when `inclusive`).
    fn range(&mut self, start: usize, end: usize, inclusive: bool) -> Mapped {
        let mut out = String::new();
        let mut maps = Vec::new();
        let mut cursor = start;
        loop {
            let edit = self
                .edits
                .get(self.next_edit)
                .filter(|e| e.at < end || (inclusive && e.at == end));
            let hoist = self.hoists.get(self.next_hoist).filter(|h| h.start < end);
            match (edit, hoist) {
                (_, Some(hoist)) if edit.is_none_or(|e| hoist.start <= e.at) => {
                    let index = self.next_hoist;
                    self.next_hoist += 1;
                    copy(
                        self.source,
                        cursor..hoist.start.max(cursor),
                        &mut out,
                        self.maps.then_some(&mut maps),
                    );
                    let inner = self.range(hoist.start, hoist.end, false);
                    self.set_aside[index] = Some(inner);
                    let call = format!("{}(", hoist.name);
                    if self.maps {
                        let base = out.len() + call.len();
                        maps.extend(hoist.object.1.iter().map(|(at, pos)| (base + at, *pos)));
                    }
                    out.push_str(&call);
                    out.push_str(&hoist.object.0);
                    out.push(')');
                    cursor = hoist.end;
                }
                (Some(edit), _) => {
                    self.next_edit += 1;
                    if edit.at < cursor {
                        // Overlapping edits cannot come from a valid plan.
                        continue;
                    }
                    copy(
                        self.source,
                        cursor..edit.at,
                        &mut out,
                        self.maps.then_some(&mut maps),
                    );
                    if self.maps {
                        maps.extend(edit.maps.iter().map(|(at, pos)| (out.len() + at, *pos)));
                    }
                    if let Some(marker) = edit.text.find(MARKER) {
                        self.marker_at = Some(out.len() + marker);
                    }
                    out.push_str(&edit.text);
                    cursor = edit.at + edit.len;
                }
                (None, _) => break,
            }
        }
        copy(
            self.source,
            cursor..end.max(cursor),
            &mut out,
            self.maps.then_some(&mut maps),
        );
        (out, maps)
    }
}

/// The block: one `const` per hoisted handler in the plan's order, then the
/// registry call when there is a new one.
fn block_text(
    source: &SourceText<'_>,
    plan: &Plan,
    hoist: &HoistPlan,
    callee: &str,
    hoists: &[Hoist],
    mut set_aside: Vec<Option<Mapped>>,
) -> Mapped {
    let eol = source.eol();
    let pure = if hoist.registry.is_none() {
        "/*#__PURE__*/ "
    } else {
        ""
    };
    let mut out = String::new();
    let mut maps = Vec::new();
    let by_handler: rustc_hash::FxHashMap<usize, usize> = hoists
        .iter()
        .enumerate()
        .map(|(index, h)| (h.handler, index))
        .collect();
    for &handler in &hoist.order {
        let Some(&index) = by_handler.get(&handler) else {
            continue;
        };
        let Some((text, text_maps)) = set_aside[index].take() else {
            continue;
        };
        if !out.is_empty() {
            out.push_str(eol);
        }
        out.push_str(&format!("const {} = {pure}{callee}(", hoists[index].name));
        let base = out.len();
        maps.extend(text_maps.into_iter().map(|(at, pos)| (base + at, pos)));
        out.push_str(&text);
        out.push_str(");");
    }
    if let Some(registry) = hoist
        .registry
        .as_ref()
        .filter(|r| r.after_existing.is_none())
    {
        if let Some(call) = new_call(registry) {
            if !out.is_empty() {
                out.push_str(eol);
            }
            out.push_str(&call);
        }
    }
    let _ = plan;
    (out, maps)
}

/// Whether the plan adds declarations, or a new registry call that goes
/// with them.
pub(super) fn has_block(hoist: &HoistPlan) -> bool {
    !hoist.order.is_empty()
        || hoist
            .registry
            .as_ref()
            .is_some_and(|r| r.after_existing.is_none() && new_call(r).is_some())
}

/// `register("id", { ... });` when the plan adds a call.
pub(super) fn new_call(registry: &RegistryPlan) -> Option<String> {
    (registry.existing.is_none() && !registry.names.is_empty()).then(|| {
        format!(
            "{}({}, {{ {} }});",
            registry.callee.sym,
            string_literal(&registry.module_id, '"'),
            entries(registry)
        )
    })
}

/// `"N": N, "M": M`
fn entries(registry: &RegistryPlan) -> String {
    registry
        .names
        .iter()
        .map(|name| format!("{}: {}", string_literal(&name.sym, '"'), name.sym))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The new names added to the registry call already in the file.
pub(super) fn extend_registry(
    source: &SourceText<'_>,
    registry: &RegistryPlan,
    edits: &mut Vec<Edit>,
) {
    let Some(existing) = registry.existing else {
        return;
    };
    if registry.names.is_empty() {
        return;
    }
    let entries = entries(registry);
    match existing.last_prop {
        Some(last) => edits.push(insert(source.at(last.hi), format!(", {entries}"))),
        None => edits.push(insert(
            source.at(existing.object.lo) + 1,
            format!(" {entries} "),
        )),
    }
}
