//! # handler-closures
//!
//! Rewrites inline JSX event-handler arrows into explicit, serializable
//! `handler(...)` bindings whose captured values are passed as parameters.
//!
//! ```tsx
//! <button onClick={() => state.counter.set(state.counter.get() + 1)} />
//! // becomes
//! <button onClick={handler((event, { state }) => state.counter.set(state.counter.get() + 1))({
//!   state: { counter: state.counter },
//! })} />
//! ```
//!
//! ## Pipeline
//!
//! 1. [`analyze`] walks the resolved program once ([`scope_index`] records
//!    bindings, writes and loops; [`detect`] finds event attributes whose value is
//!    an inline arrow; [`captures`] scans each arrow) and produces a [`Plan`]:
//!    one entry per handler with spans, parameters, capture tree and diagnostics.
//! 2. A back end applies the plan: [`rewrite_ast`] to the AST (SWC plugin,
//!    wasm module) or [`rewrite_text`] as byte edits spliced into the original
//!    source (codemod, CLI).
//!
//! The input must have been through SWC's `resolver` (hosts run it before
//! plugins); output should go through `hygiene` (hosts run it after plugins).

pub mod capture_tree;
pub mod captures;
pub mod detect;
pub mod diagnostics;
#[cfg(feature = "driver")]
pub mod driver;
pub mod eval_order;
pub mod event_fields;
pub mod first_use;
pub mod helper_import;
pub mod hoist;
pub mod manifest;
pub mod module_id;
pub mod names;
#[cfg(feature = "driver")]
pub mod nesting;
pub mod options;
mod patterns;
pub mod plan;
#[cfg(feature = "driver")]
mod print_comments;
#[cfg(feature = "driver")]
mod print_fixes;
pub mod rewrite_ast;
pub mod rewrite_text;
pub mod scope_index;
pub mod source_text;

pub use diagnostics::{Code, Diagnostic, Severity};
pub use options::{CaptureMode, ImportStyle, LocalCallables, Options, OptionsError};
pub use plan::{analyze, Plan};

use swc_core::{
    common::{comments::Comments, sync::Lrc, Mark, SourceMapper, Spanned},
    ecma::ast::{Pass, Program},
};

/// The transform as an SWC pass: analyse, report diagnostics through SWC's
/// `HANDLER`, rewrite. `unresolved_mark` is the mark the resolver gave
/// unresolved (global) references. Without the file's source text nothing
/// is hoisted; see [`handler_closures_in_file`].
pub fn handler_closures(options: Options, unresolved_mark: Mark) -> impl Pass {
    handler_closures_in_file::<swc_core::common::comments::NoopComments>(
        options,
        unresolved_mark,
        InFile::default(),
    )
}

/// What a host knows of the file besides its AST: its comments (so that
/// comments before a hoisted arrow stay in the attribute), its source map
/// (hoisting reads the source text through it) and its module id (the
/// registry's key; see [`module_id`]).
pub struct InFile<C> {
    pub comments: Option<C>,
    pub source_map: Option<Lrc<dyn SourceMapper>>,
    pub module_id: Result<String, String>,
}

impl<C> Default for InFile<C> {
    fn default() -> Self {
        InFile {
            comments: None,
            source_map: None,
            module_id: Err("the host gave no file name".into()),
        }
    }
}

/// [`handler_closures`] for a host that gives what it knows of the file.
pub fn handler_closures_in_file<C: Comments>(
    options: Options,
    unresolved_mark: Mark,
    file: InFile<C>,
) -> impl Pass {
    HandlerClosures {
        options,
        unresolved_mark,
        file,
    }
}

struct HandlerClosures<C> {
    options: Options,
    unresolved_mark: Mark,
    file: InFile<C>,
}

impl<C: Comments> Pass for HandlerClosures<C> {
    fn process(&mut self, program: &mut Program) {
        let lo = program.span().lo;
        let source = match &self.file.source_map {
            Some(map) if self.options.hoist && !lo.is_dummy() => Some(map.lookup_char_pos(lo).file),
            _ => None,
        };
        let facts = hoist::FileFacts {
            source: source
                .as_ref()
                .map(|file| (file.src.as_str(), file.start_pos)),
            module_id: self.file.module_id.as_deref().map_err(String::as_str),
        };
        let plan = plan::analyze_file(program, &self.options, self.unresolved_mark, &facts, false);
        for diagnostic in &plan.diagnostics {
            diagnostic.emit();
        }
        let comments = self.file.comments.as_ref().map(|c| c as &dyn Comments);
        rewrite_ast::apply_with_comments(program, &plan, comments);
    }
}
