//! # Text back end
//!
//! Applies a [`Plan`] as byte edits spliced into the original source, never a
//! re-print: every byte outside the edited points (comments, blank lines,
//! formatting, the handler's own body) stays as it was. Used by the codemod.
//!
//! ```tsx
//! <button onClick={(e) => save(form.id, e)} />
//! // becomes (insertions marked ^)
//! <button onClick={handler((e, { save, form }) => save(form.id, e))({ save, form: { id: form.id } })} />
//! //               ^^^^^^^^  ^^^^^^^^^^^^^^^^^                    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
//! ```
//!
//! ## Formatting of inserted text
//!
//! - `handler(` before the arrow; the new parameters inside its parameter
//!   list (parentheses added around a bare `x =>`); a TS optional marker
//!   `e?:` is deleted.
//! - The params object on one line when it is short (at most 60 characters
//!   and the line stays within 100 columns), or when its line is covered by
//!   a next-line directive (`// @ts-expect-error`, `// @ts-ignore`,
//!   `// eslint-disable-next-line`, also `{/* ... */}` in JSX, ending on the
//!   line before), else one root per line, indented one level (two spaces,
//!   or a tab in tab-indented code) past the attribute's line, closing at
//!   that line's indentation.
//! - A new import goes on its own line after the last import (or the
//!   directive prologue, or the shebang and the comments before the first
//!   statement, where TypeScript reads its pragmas), with the quote style and
//!   semicolon of the statement it follows; the module is written as a valid
//!   string literal; the file's line ending (LF or CRLF) is kept.
//!
//! ## Implementation
//!
//! Edits are collected as (offset, deleted length, text) and applied in one
//! pass in offset order; nested handlers' edits fall strictly inside their
//! parent's arrow, so they compose. Names come from the plan, which chose
//! them fresh for the whole file, so no hygiene pass is needed. Positions
//! come from spans and [`SourceText`]'s trivia skipping (the parser's comment
//! list), never from searching the text; its line and column lookups cost
//! the same on a 1 MB minified line as on a short one, so the whole rewrite
//! is linear in the file.

use swc_core::common::{BytePos, LineCol, Span};

pub use crate::source_text::SourceText;
use rustc_hash::FxHashMap;

use crate::{
    first_use::FirstUses,
    helper_import::HelperCallee,
    plan::{HandlerPlan, Plan, Rewrite},
};

mod hoist_block;
mod import_edits;
mod params_object;

use hoist_block::{Hoist, Splicer};
use import_edits::{import_edits, TopLines};
use params_object::params_object;

/// One edit: replace `len` bytes at `at` with `text`.
#[derive(Debug)]
struct Edit {
    at: usize,
    len: usize,
    text: String,
    /// Source positions of parts of `text`: (byte offset in `text`, position).
    maps: Vec<(usize, BytePos)>,
}

/// Applies `plan` to `source`.
pub fn apply(source: &SourceText<'_>, plan: &Plan) -> String {
    let (edits, hoists, callee) = edits(source, plan, None);
    Splicer::new(source, &edits, &hoists, false)
        .run(plan, plan.hoist.as_ref(), &callee)
        .0
}

/// [`apply`], also returning source-map mappings: for every token start of
/// the original text in the output, its original position and its output
/// line and UTF-16 column. Of the inserted text, each value of a params
/// object maps to the first use of its path in the handler's body
/// (`uses`, from [`crate::first_use::for_plan`]); the rest is unmapped.
pub fn apply_with_mappings(
    source: &SourceText<'_>,
    plan: &Plan,
    uses: &FxHashMap<(BytePos, BytePos), FirstUses>,
) -> (String, Vec<(BytePos, LineCol)>) {
    let (edits, hoists, callee) = edits(source, plan, Some(uses));
    let (code, mut maps) =
        Splicer::new(source, &edits, &hoists, true).run(plan, plan.hoist.as_ref(), &callee);
    maps.sort_by_key(|(offset, _)| *offset);
    let mut position = OutputPosition::default();
    let mut done = 0;
    let mappings = maps
        .into_iter()
        .map(|(offset, original)| {
            position.advance(&code[done..offset]);
            done = offset;
            (
                original,
                LineCol {
                    line: position.line,
                    col: position.col,
                },
            )
        })
        .collect();
    (code, mappings)
}

type Uses<'u> = Option<&'u FxHashMap<(BytePos, BytePos), FirstUses>>;

/// The edits (sorted), the hoisted arrows (sorted by start) and the
/// helper's callee text.
fn edits(source: &SourceText<'_>, plan: &Plan, uses: Uses<'_>) -> (Vec<Edit>, Vec<Hoist>, String) {
    let Some(helper) = &plan.helper else {
        return (Vec::new(), Vec::new(), String::new());
    };
    let callee = match &helper.callee {
        HelperCallee::Ident(ident) => ident.sym.to_string(),
        HelperCallee::Member { object, prop } => format!("{}.{prop}", object.sym),
    };
    let mut edits = Vec::new();
    let mut hoists = Vec::new();
    for (index, handler) in plan.handlers.iter().enumerate() {
        let Some(rewrite) = &handler.rewrite else {
            continue;
        };
        let uses = uses.and_then(|u| u.get(&(handler.arrow_span.lo, handler.arrow_span.hi)));
        let object = handler_edits(source, handler, rewrite, &callee, uses, &mut edits);
        if let (Some(object), Some(name)) = (object, &handler.hoisted) {
            hoists.push(Hoist {
                start: source.at(handler.arrow_span.lo),
                end: source.at(handler.arrow_span.hi),
                handler: index,
                name: name.sym.to_string(),
                object,
            });
        }
    }
    let mut top = TopLines::default();
    import_edits(source, &helper.import, &mut edits, &mut top);
    if let Some(hoist) = &plan.hoist {
        if let Some(registry) = &hoist.registry {
            import_edits(source, &registry.import, &mut edits, &mut top);
            hoist_block::extend_registry(source, registry, &mut edits);
        }
        if hoist_block::has_block(hoist) {
            top.push(hoist.after, hoist_block::MARKER.to_string());
        }
        // A new registry call below the block's place, after the last const
        // an earlier run hoisted.
        if let Some(registry) = &hoist.registry {
            if let (Some((_, after)), Some(call)) =
                (registry.after_existing, hoist_block::new_call(registry))
            {
                top.push(Some(after), call);
            }
        }
    }
    top.into_edits(source, &mut edits);
    // Stable: edits at the same offset keep the order they were made in.
    edits.sort_by_key(|edit| edit.at);
    hoists.sort_by_key(|hoist| hoist.start);
    (edits, hoists, callee)
}

/// Where the output is, as a source map counts: 0-based line, UTF-16 column.
#[derive(Default, Clone, Copy)]
struct OutputPosition {
    line: u32,
    col: u32,
}

impl OutputPosition {
    fn advance(&mut self, text: &str) {
        match text.rfind('\n') {
            Some(last) => {
                self.line += text.matches('\n').count() as u32;
                self.col = text[last + 1..].encode_utf16().count() as u32;
            }
            None => self.col += text.encode_utf16().count() as u32,
        }
    }
}

/// Copies original text to the output; with `mappings`, maps each token start.
fn copy(
    source: &SourceText<'_>,
    range: std::ops::Range<usize>,
    out: &mut String,
    mappings: Option<&mut Vec<(usize, BytePos)>>,
) {
    let piece = &source.text[range.clone()];
    let start = out.len();
    out.push_str(piece);
    let Some(mappings) = mappings else {
        return;
    };
    let mut boundary = true;
    for (offset, c) in piece.char_indices() {
        let word = c.is_alphanumeric() || c == '_' || c == '$';
        if !c.is_whitespace() && (boundary || !word) {
            mappings.push((
                start + offset,
                BytePos(source.base.0 + (range.start + offset) as u32),
            ));
        }
        boundary = !word;
    }
}

fn insert(at: usize, text: String) -> Edit {
    Edit {
        at,
        len: 0,
        text,
        maps: Vec::new(),
    }
}

fn handler_edits(
    source: &SourceText<'_>,
    handler: &HandlerPlan,
    rewrite: &Rewrite,
    callee: &str,
    uses: Option<&FirstUses>,
    edits: &mut Vec<Edit>,
) -> Option<(String, Vec<(usize, BytePos)>)> {
    let start = source.at(handler.arrow_span.lo);
    let end = source.at(handler.arrow_span.hi);
    if handler.hoisted.is_none() {
        edits.push(insert(start, format!("{callee}(")));
    }

    let any = if rewrite.annotate_any { ": any" } else { "" };
    let second = match &rewrite.empty_params {
        Some(name) => format!("{name}{any}"),
        None => {
            let roots: Vec<&str> = rewrite.captures.roots.iter().map(|r| &*r.id.0).collect();
            format!("{{ {} }}{any}", roots.join(", "))
        }
    };
    let params = &handler.params;
    let first_start = params.first.map(|first| source.at(first.lo));
    let open = open_paren(source, start, params.type_params_end, first_start);
    match (params.first, &rewrite.event_param) {
        (Some(first), _) => {
            let first_end = source.at(first.hi);
            match open {
                Some(_) => edits.push(insert(first_end, format!(", {second}"))),
                None => {
                    edits.push(insert(source.at(first.lo), "(".into()));
                    edits.push(insert(first_end, format!(", {second})")));
                }
            }
            if params.first_optional {
                if let Some(question) = optional_marker(source, first, params.first_type_ann) {
                    edits.push(Edit {
                        at: question,
                        len: 1,
                        text: String::new(),
                        maps: Vec::new(),
                    });
                }
            }
        }
        (None, Some(event)) => {
            if let Some(open) = open {
                edits.push(insert(open + 1, format!("{event}{any}, {second}")));
            }
        }
        (None, None) => {}
    }

    if let Some(name) = &handler.hoisted {
        // The binding's call takes the arrow's place: `N({ ... })`.
        let object = params_object(source, handler, rewrite, name.sym.len() + 1, start, uses);
        return Some(object);
    }
    let (object, maps) = params_object(
        source,
        handler,
        rewrite,
        callee.len() + 1 + second.len() + 2,
        end,
        uses,
    );
    let mut edit = insert(end, format!(")({object})"));
    edit.maps = maps.into_iter().map(|(at, pos)| (at + 2, pos)).collect();
    edits.push(edit);
    None
}

/// The offset of the `(` that opens the arrow's parameter list, if it has
/// one (`x => ...` has none): the first token after `async` and the type
/// parameters. Found by skipping trivia from known token boundaries, so a
/// `(` inside a comment (`async /* (1) */ () => ...`) is never taken for it.
fn open_paren(
    source: &SourceText<'_>,
    arrow_start: usize,
    type_params_end: Option<BytePos>,
    first_start: Option<usize>,
) -> Option<usize> {
    let mut at = match type_params_end {
        Some(end) => source.skip_trivia(source.at(end)),
        None => arrow_start,
    };
    // `async` is a keyword here unless it is the bare parameter itself
    // (`async => ...`); `async(`, `async/**/(` and `async x` all start a head.
    let text = source.text;
    if type_params_end.is_none()
        && first_start != Some(at)
        && text[at..].starts_with("async")
        && !text[at + 5..].starts_with(|c: char| c.is_alphanumeric() || c == '_' || c == '$')
    {
        at = source.skip_trivia(at + 5);
    }
    (source.byte(at) == Some(b'(') && first_start.is_none_or(|first| at < first)).then_some(at)
}

/// The offset of the `?` in `e?: E` / `e?`: the last token before the type
/// annotation's `:`, or the first after the pattern.
fn optional_marker(
    source: &SourceText<'_>,
    first: Span,
    type_ann: Option<BytePos>,
) -> Option<usize> {
    let at = match type_ann {
        Some(colon) => source.skip_trivia_back(source.at(colon)).checked_sub(1)?,
        None => {
            let end = source.at(first.hi);
            // Some patterns' spans end after the marker, others before it.
            if end > 0 && source.byte(end - 1) == Some(b'?') {
                end - 1
            } else {
                source.skip_trivia(end)
            }
        }
    };
    (source.byte(at) == Some(b'?')).then_some(at)
}

#[cfg(test)]
mod tests {
    use swc_core::common::BytePos;

    use super::{apply, SourceText};
    use crate::{analyze, driver, Options};

    /// Bytes the text back end's lookups examine to rewrite `handlers`
    /// handlers, all on one line or one per line.
    fn bytes_scanned(handlers: usize, one_line: bool) -> usize {
        let separator = if one_line { " " } else { "\n" };
        let jsx: Vec<String> = (0..handlers)
            .map(|i| format!("<b onClick={{(e) => s.go({i}, e)}} />"))
            .collect();
        let source = format!(
            "export function A({{ s }}) {{ return <>{}</>; }}\n",
            jsx.join(separator)
        );
        driver::with_globals(|| {
            let parsed = driver::parse(&source, "a.tsx").unwrap();
            let plan = analyze(&parsed.program, &Options::default(), parsed.unresolved_mark);
            assert_eq!(plan.rewrites().count(), handlers);
            let text = SourceText::new(&source, BytePos(parsed.program_start()), &parsed.comments);
            apply(&text, &plan);
            text.scanned.get()
        })
    }

    /// The cost of an edit must not grow with the length of its line (16,000
    /// handlers on one minified line took 12 times as long as on separate
    /// lines): an operation count, not a timing.
    #[test]
    fn work_is_linear_in_handlers_whatever_the_line_length() {
        let one_line = bytes_scanned(1000, true);
        let one_line_4x = bytes_scanned(4000, true);
        let separate = bytes_scanned(4000, false);
        assert!(
            one_line_4x <= 6 * one_line,
            "4x the handlers on one line scan {one_line_4x} bytes vs {one_line}"
        );
        assert!(
            one_line_4x <= 3 * separate + 4096,
            "one line scans {one_line_4x} bytes, separate lines {separate}"
        );
    }
}
