//! # The params object as text
//!
//! The text back end's params object: `{ state, form: { id: form.id } }` on
//! one line when it is short or its line is covered by a next-line
//! directive, else one root per line; and where its values map in the
//! source (each to its path's first use in the body).
//!
//! ```tsx
//! {/* @ts-expect-error */}
//! <Card onPick={(e) => s.pick(a.b.c, d.e.f, e)} />
//! // stays on the covered line, however long:
//! <Card onPick={handler((e, { s, a, d }) => s.pick(a.b.c, d.e.f, e))({ s: { pick: s.pick }, a: { b: { c: a.b.c } }, d: { e: { f: d.e.f } } })} />
//! ```
//!
//! ## Implementation
//!
//! Entries are written once and joined in either form; each carries the
//! offsets of its values, shifted as the entries are placed.

use swc_core::{common::BytePos, ecma::atoms::Atom};

use super::SourceText;
use crate::{
    capture_tree::{CaptureNode, CaptureRoot},
    first_use::FirstUses,
    options::is_identifier_name,
    plan::{HandlerPlan, Rewrite},
};

/// `{}`, `{ a, b: { c: b.c } }` or the multi-line form, with the source
/// positions of its values (offsets in the returned text).
pub(super) fn params_object(
    source: &SourceText<'_>,
    handler: &HandlerPlan,
    rewrite: &Rewrite,
    inserted_on_line: usize,
    end: usize,
    uses: Option<&FirstUses>,
) -> (String, Vec<(usize, BytePos)>) {
    let roots = &rewrite.captures.roots;
    if roots.is_empty() {
        return ("{}".into(), Vec::new());
    }
    let entries: Vec<(String, Vec<(usize, BytePos)>)> =
        roots.iter().map(|root| root_entry(root, uses)).collect();
    let mut single =
        String::with_capacity(entries.iter().map(|e| e.0.len() + 2).sum::<usize>() + 4);
    let mut single_maps = Vec::new();
    single.push_str("{ ");
    for (index, (entry, maps)) in entries.iter().enumerate() {
        if index > 0 {
            single.push_str(", ");
        }
        single_maps.extend(maps.iter().map(|(at, pos)| (single.len() + at, *pos)));
        single.push_str(entry);
    }
    single.push_str(" }");
    let line = source.line_of(end);
    let column = source.column(end)
        + if source.line_of(source.at(handler.arrow_span.lo)) == line {
            inserted_on_line
        } else {
            0
        };
    let short = single.len() <= 60 && column + single.len() + 3 <= 100;
    if short || covered_by_directive(source, line) {
        return (single, single_maps);
    }
    let eol = source.eol();
    let indent = source.indentation(source.at(handler.attr_span.lo));
    // One level deeper, in the file's own unit (a tab where it indents with tabs).
    let level = if indent.contains('\t') { "\t" } else { "  " };
    let mut out = String::from("{");
    let mut out_maps = Vec::new();
    for (entry, maps) in &entries {
        out.push_str(eol);
        out.push_str(indent);
        out.push_str(level);
        out_maps.extend(maps.iter().map(|(at, pos)| (out.len() + at, *pos)));
        out.push_str(entry);
        out.push(',');
    }
    out.push_str(eol);
    out.push_str(indent);
    out.push('}');
    (out, out_maps)
}

/// Comment directives that apply to the next line only.
const NEXT_LINE_DIRECTIVES: [&str; 3] =
    ["@ts-expect-error", "@ts-ignore", "eslint-disable-next-line"];

/// Whether `line` is covered by a next-line directive: a comment ending on
/// the line before holds `@ts-expect-error`, `@ts-ignore` or
/// `eslint-disable-next-line` (also a JSX `{/* @ts-expect-error */}`). Such a
/// line keeps the params object on it, or the directive would stop covering
/// what it covered.
fn covered_by_directive(source: &SourceText<'_>, line: usize) -> bool {
    let Some(previous) = line.checked_sub(1) else {
        return false;
    };
    let line_start = source.line_start_of(line);
    // Comments starting up to a few lines earlier may end on the line before.
    source
        .comments_in(0..line_start)
        .iter()
        .rev()
        .take_while(|comment| source.line_of(comment.end) >= previous)
        .any(|comment| {
            source.line_of(comment.end) == previous
                && NEXT_LINE_DIRECTIVES
                    .iter()
                    .any(|d| source.text[comment.start..comment.end].contains(d))
        })
}

/// One root's entry of the params object, with the positions of the first
/// uses of its values (offsets in the entry).
fn root_entry(root: &CaptureRoot, uses: Option<&FirstUses>) -> (String, Vec<(usize, BytePos)>) {
    let name = &*root.id.0;
    let mut out = String::with_capacity(32);
    let mut maps = Vec::new();
    let mut note = |at: usize, props: &[Atom]| {
        if let Some(span) = uses.and_then(|u| u.get(&root.id, props)) {
            maps.push((at, span.lo));
        }
    };
    match &root.node {
        CaptureNode::Whole => {
            note(0, &[]);
            out.push_str(name);
        }
        node => {
            push_key(&mut out, name);
            out.push_str(": ");
            let mut path = String::from(name);
            push_value(&mut out, node, &mut path, &mut Vec::new(), &mut note);
        }
    }
    (out, maps)
}

/// Appends the value of `node`, whose path expression is `path` (a buffer
/// extended and restored while descending) and whose members below the root
/// are `props`; `note` gets the offset and members of every value written.
fn push_value(
    out: &mut String,
    node: &CaptureNode,
    path: &mut String,
    props: &mut Vec<Atom>,
    note: &mut impl FnMut(usize, &[Atom]),
) {
    match node {
        CaptureNode::Whole => {
            note(out.len(), props);
            out.push_str(path);
        }
        CaptureNode::Props(children) => {
            out.push_str("{ ");
            for (index, (name, child)) in children.iter().enumerate() {
                if index > 0 {
                    out.push_str(", ");
                }
                push_key(out, name);
                out.push_str(": ");
                let len = path.len();
                path.push('.');
                path.push_str(name);
                props.push(name.clone());
                push_value(out, child, path, props, note);
                props.pop();
                path.truncate(len);
            }
            out.push_str(" }");
        }
    }
}

/// Appends an object key: as is, quoted, or `["__proto__"]`.
fn push_key(out: &mut String, name: &str) {
    if name == "__proto__" {
        out.push_str("[\"__proto__\"]");
    } else if is_identifier_name(name) {
        out.push_str(name);
    } else {
        out.push_str(&format!("{name:?}"));
    }
}
