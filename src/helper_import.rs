//! # The helper import
//!
//! Decides how rewritten handlers reach `handler`, reusing what the file
//! already imports when it can.
//!
//! ```tsx
//! import { handler as h } from "commontools";  // reused: h(...)
//! import { cell } from "commontools";          // extended: import { cell, handler } from "commontools"
//! "use client";                                // added after directives and the last import:
//! import React from "react";                   //   import { handler } from "commontools";
//! const handler = 1;                           // taken: import { handler as handler1 } from "commontools"
//! ```
//!
//! With `importStyle: "namespace"`: an existing `import * as X from "commontools"`
//! is reused (`X.handler(...)`), else `import * as __ctHelpers from "commontools"`.
//!
//! ## Implementation
//!
//! `import type` (of the declaration or the specifier) never counts. An
//! existing import is only reused when its local name is not shadowed by a
//! binding inside a function or block (the call may sit under that binding).
//! A new local name is fresh in the whole file ([`fresh_name`]), so it cannot
//! capture or be captured by anything, whichever back end writes it.

use swc_core::{
    common::{BytePos, Mark, Span, Spanned, SyntaxContext, DUMMY_SP},
    ecma::{ast::*, atoms::Atom},
};

use crate::{
    names::fresh_name,
    options::{ImportStyle, Options},
    scope_index::ScopeIndex,
};

/// How rewritten handlers call the helper, and the import edit that makes it
/// available.
#[derive(Debug, Clone)]
pub struct HelperPlan {
    pub callee: HelperCallee,
    pub import: ImportEdit,
}

/// The helper as the calls write it.
#[derive(Debug, Clone)]
pub enum HelperCallee {
    /// `handler(...)`
    Ident(Ident),
    /// `__ctHelpers.handler(...)`
    Member { object: Ident, prop: Atom },
}

/// What to change in the imports.
#[derive(Debug, Clone)]
pub enum ImportEdit {
    /// An existing import already provides the helper.
    Reuse,
    /// Append `imported as local` to the existing import declaration at `decl_span`.
    AddSpecifier {
        decl_span: Span,
        /// The declaration's last specifier (the text goes after it).
        last_specifier: Span,
        /// Whether the declaration already has `{ ... }` (else it only has a
        /// default import and the specifier needs braces).
        has_braces: bool,
        imported: Atom,
        local: Ident,
    },
    /// Insert a new import declaration before the module item `index`.
    AddImport {
        index: usize,
        /// The item the new declaration follows (the last import or the last
        /// directive); `None` at the start of the file.
        after: Option<Span>,
        /// The source module.
        src: Atom,
        specifier: NewSpecifier,
        /// Where the text back end reads the quote and semicolon style the
        /// new declaration copies; `None` at the start of the file.
        style: Option<WrittenStyle>,
    },
}

/// Positions of the statement whose style a new import copies (the last
/// import, or the last directive).
#[derive(Debug, Clone, Copy)]
pub struct WrittenStyle {
    /// The start of its string literal (the quote character).
    pub quote_at: BytePos,
    /// Its end (after the `;`, if it has one).
    pub statement_end: BytePos,
}

/// The specifier of a new import declaration.
#[derive(Debug, Clone)]
pub enum NewSpecifier {
    /// `import { imported as local }` (`as` omitted when equal).
    Named { imported: Atom, local: Ident },
    /// `import * as local`
    Namespace { local: Ident },
}

/// The module the helper comes from: `helperModule`, else the runtime module
/// the file already imports values from (`commonfabric`, then
/// `commontools`), else [`Options::DEFAULT_HELPER_MODULE`].
pub fn helper_module(program: &Program, options: &Options) -> Atom {
    if let Some(module) = &options.helper_module {
        return module.as_str().into();
    }
    // The module that already provides the helper first (an earlier run may
    // have added it), then any runtime module the file imports from.
    let helper = Atom::from(options.helper_name.as_str());
    let provides = |module: &str| {
        value_imports(program, module, usize::MAX).any(|decl| {
            decl.specifiers.iter().any(|spec| match spec {
                ImportSpecifier::Named(named) => {
                    !named.is_type_only && export_name(named) == helper
                }
                ImportSpecifier::Namespace(_) => true,
                _ => false,
            })
        })
    };
    let imported = |module: &str| value_imports(program, module, usize::MAX).next().is_some();
    let module = Options::RUNTIME_MODULES
        .into_iter()
        .find(|module| provides(module))
        .or_else(|| {
            Options::RUNTIME_MODULES
                .into_iter()
                .find(|module| imported(module))
        })
        .unwrap_or(Options::DEFAULT_HELPER_MODULE);
    module.into()
}

/// The value imports (not `import type`) of `module` among the first
/// `limit` module items.
fn value_imports<'p>(
    program: &'p Program,
    module: &'p str,
    limit: usize,
) -> impl Iterator<Item = &'p ImportDecl> + 'p {
    let items = match program {
        Program::Module(module) => &module.body[..],
        _ => &[],
    };
    items
        .iter()
        .take(limit)
        .filter_map(|item| item.as_module_decl()?.as_import())
        .filter(move |decl| !decl.type_only && &*decl.src.value == module)
}

/// Plans the helper for `program`. Only imports among the first `limit`
/// module items count (a hoisted block must see the helper initialised, so
/// an import after the block's place is not reused); a new import goes no
/// later than item `limit`.
pub fn plan(program: &Program, options: &Options, index: &ScopeIndex, limit: usize) -> HelperPlan {
    let module = helper_module(program, options);
    match options.import_style {
        ImportStyle::Named => {
            let (local, import) =
                named_import(program, index, &module, &options.helper_name, limit);
            HelperPlan {
                callee: HelperCallee::Ident(local),
                import,
            }
        }
        ImportStyle::Namespace => {
            let shadowed = |ident: &Ident| index.bindings.keys().any(|(sym, _)| *sym == ident.sym);
            let existing = value_imports(program, &module, limit)
                .flat_map(|decl| &decl.specifiers)
                .find_map(|spec| match spec {
                    ImportSpecifier::Namespace(ns) if !shadowed(&ns.local) => {
                        Some(ns.local.clone())
                    }
                    _ => None,
                });
            let (object, import) = match existing {
                Some(local) => (local, ImportEdit::Reuse),
                None => {
                    let local = fresh_ident(&options.namespace_name, |n| index.names.contains(n));
                    let import = add_import(
                        program,
                        limit,
                        module,
                        NewSpecifier::Namespace {
                            local: local.clone(),
                        },
                    );
                    (local, import)
                }
            };
            HelperPlan {
                callee: HelperCallee::Member {
                    object,
                    prop: options.helper_name.as_str().into(),
                },
                import,
            }
        }
    }
}

/// How `name` exported by `module` is reached as a local identifier: an
/// existing value import of it (also aliased) that nothing shadows, else a
/// specifier added to an existing import of `module`, else a new import.
pub fn named_import(
    program: &Program,
    index: &ScopeIndex,
    module: &str,
    name: &str,
    limit: usize,
) -> (Ident, ImportEdit) {
    named_import_with(
        program,
        index,
        module,
        name,
        limit,
        |n| index.names.contains(n),
        true,
    )
}

/// [`named_import`] with the test for names in use (`taken`), and whether a
/// specifier may be added to any existing declaration (else only to one
/// with braces, where it cannot clash with the helper's own new specifier).
pub fn named_import_with(
    program: &Program,
    index: &ScopeIndex,
    module: &str,
    name: &str,
    limit: usize,
    taken: impl Fn(&str) -> bool,
    extend: bool,
) -> (Ident, ImportEdit) {
    let shadowed = |ident: &Ident| index.bindings.keys().any(|(sym, _)| *sym == ident.sym);
    let name = Atom::from(name);
    let existing = value_imports(program, module, limit)
        .flat_map(|decl| &decl.specifiers)
        .find_map(|spec| match spec {
            ImportSpecifier::Named(named)
                if !named.is_type_only && export_name(named) == name && !shadowed(&named.local) =>
            {
                Some(named.local.clone())
            }
            _ => None,
        });
    if let Some(local) = existing {
        return (local, ImportEdit::Reuse);
    }
    let local = fresh_ident(&name, taken);
    let extendable = value_imports(program, module, limit).find(|decl| {
        !decl.specifiers.iter().any(ImportSpecifier::is_namespace)
            && (extend || decl.specifiers.iter().any(ImportSpecifier::is_named))
    });
    let import = match extendable.and_then(|decl| Some((decl, decl.specifiers.last()?))) {
        Some((decl, last)) => ImportEdit::AddSpecifier {
            decl_span: decl.span,
            last_specifier: specifier_span(last),
            has_braces: decl.specifiers.iter().any(ImportSpecifier::is_named),
            imported: name,
            local: local.clone(),
        },
        None => add_import(
            program,
            limit,
            module.into(),
            NewSpecifier::Named {
                imported: name,
                local: local.clone(),
            },
        ),
    };
    (local, import)
}

/// A new import declaration after the last import (no later than item
/// `limit`), else after the directive prologue.
fn add_import(program: &Program, limit: usize, src: Atom, specifier: NewSpecifier) -> ImportEdit {
    let index = insertion_index(program).min(limit);
    ImportEdit::AddImport {
        index,
        after: item_before(program, index),
        style: written_style(program, index),
        src,
        specifier,
    }
}

/// The name a named specifier imports (`a` in `import { a as b }`).
fn export_name(named: &ImportNamedSpecifier) -> Atom {
    match &named.imported {
        Some(ModuleExportName::Ident(ident)) => ident.sym.clone(),
        Some(ModuleExportName::Str(s)) => s.value.to_atom_lossy().into_owned(),
        #[cfg(swc_ast_unknown)]
        Some(_) => Atom::default(),
        None => named.local.sym.clone(),
    }
}

/// A new identifier, fresh in the whole file, with its own syntax context.
fn fresh_ident(base: &str, taken: impl Fn(&str) -> bool) -> Ident {
    let name = fresh_name(base, taken);
    Ident::new(
        name,
        DUMMY_SP,
        SyntaxContext::empty().apply_mark(Mark::new()),
    )
}

/// Where a new import goes: after the last import, else after the directive
/// prologue (`"use client"` stays first).
pub fn insertion_index(program: &Program) -> usize {
    match program {
        Program::Module(module) => {
            let last_import = module
                .body
                .iter()
                .rposition(|item| matches!(item, ModuleItem::ModuleDecl(ModuleDecl::Import(_))));
            match last_import {
                Some(index) => index + 1,
                None => module
                    .body
                    .iter()
                    .take_while(|item| item.as_stmt().is_some_and(is_directive))
                    .count(),
            }
        }
        Program::Script(script) => script
            .body
            .iter()
            .take_while(|stmt| is_directive(stmt))
            .count(),
        #[cfg(swc_ast_unknown)]
        _ => 0,
    }
}

/// The span of the module item (or statement) before `index`.
fn item_before(program: &Program, index: usize) -> Option<Span> {
    let previous = index.checked_sub(1)?;
    match program {
        Program::Module(module) => module.body.get(previous).map(Spanned::span),
        Program::Script(script) => script.body.get(previous).map(Spanned::span),
        #[cfg(swc_ast_unknown)]
        _ => None,
    }
}

/// The style of the import or directive before `index`.
fn written_style(program: &Program, index: usize) -> Option<WrittenStyle> {
    let previous = index.checked_sub(1)?;
    let (literal, statement) = match program {
        Program::Module(module) => match module.body.get(previous)? {
            ModuleItem::ModuleDecl(ModuleDecl::Import(import)) => (import.src.span, import.span),
            ModuleItem::Stmt(stmt) => (directive_literal(stmt)?, stmt.span()),
            _ => return None,
        },
        Program::Script(script) => {
            let stmt = script.body.get(previous)?;
            (directive_literal(stmt)?, stmt.span())
        }
        #[cfg(swc_ast_unknown)]
        _ => return None,
    };
    Some(WrittenStyle {
        quote_at: literal.lo,
        statement_end: statement.hi,
    })
}

fn directive_literal(stmt: &Stmt) -> Option<Span> {
    match stmt {
        Stmt::Expr(ExprStmt { expr, .. }) => match &**expr {
            Expr::Lit(Lit::Str(s)) => Some(s.span),
            _ => None,
        },
        _ => None,
    }
}

fn specifier_span(specifier: &ImportSpecifier) -> Span {
    match specifier {
        ImportSpecifier::Named(s) => s.span,
        ImportSpecifier::Default(s) => s.span,
        ImportSpecifier::Namespace(s) => s.span,
        #[cfg(swc_ast_unknown)]
        _ => Span::default(),
    }
}

fn is_directive(stmt: &Stmt) -> bool {
    matches!(stmt, Stmt::Expr(ExprStmt { expr, .. }) if matches!(&**expr, Expr::Lit(Lit::Str(_))))
}
