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
pub mod first_use;
pub mod helper_import;
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
    common::Mark,
    ecma::ast::{Pass, Program},
};

/// The transform as an SWC pass: analyse, report diagnostics through SWC's
/// `HANDLER`, rewrite. `unresolved_mark` is the mark the resolver gave
/// unresolved (global) references.
pub fn handler_closures(options: Options, unresolved_mark: Mark) -> impl Pass {
    HandlerClosures {
        options,
        unresolved_mark,
    }
}

struct HandlerClosures {
    options: Options,
    unresolved_mark: Mark,
}

impl Pass for HandlerClosures {
    fn process(&mut self, program: &mut Program) {
        let plan = analyze(program, &self.options, self.unresolved_mark);
        for diagnostic in &plan.diagnostics {
            diagnostic.emit();
        }
        rewrite_ast::apply(program, &plan);
    }
}
