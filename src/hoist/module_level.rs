//! # Module-level bindings
//!
//! What a hoisted callback may still read from module scope: the bindings
//! the module's items declare (values and types, imports included), and
//! the `var`s of top-level statements, which are module-scoped too.
//!
//! ```tsx
//! import { cell } from "commonfabric";   // cell
//! type Row = { id: string };             // Row
//! export const LIMIT = 10;               // LIMIT
//! if (ready) { var seen = 0; }           // seen (a `var` is module-scoped)
//! { const local = 1; }                   // not: block-scoped
//! ```

use rustc_hash::FxHashSet;
use swc_core::ecma::{
    ast::*,
    visit::{Visit, VisitWith},
};

use crate::patterns::for_each_binding;

/// The bindings a module item declares at module level: its declarations,
/// imports, and `var`s (and, in sloppy nesting, nothing else) in top-level
/// statements outside functions.
pub fn item_bindings(item: &ModuleItem, out: &mut FxHashSet<Id>) {
    match item {
        ModuleItem::ModuleDecl(decl) => match decl {
            ModuleDecl::Import(import) => {
                for specifier in &import.specifiers {
                    let local = match specifier {
                        ImportSpecifier::Named(s) => &s.local,
                        ImportSpecifier::Default(s) => &s.local,
                        ImportSpecifier::Namespace(s) => &s.local,
                        #[cfg(swc_ast_unknown)]
                        _ => continue,
                    };
                    out.insert(local.to_id());
                }
            }
            ModuleDecl::ExportDecl(export) => decl_bindings(&export.decl, out),
            ModuleDecl::ExportDefaultDecl(export) => match &export.decl {
                DefaultDecl::Fn(f) => out.extend(f.ident.as_ref().map(Ident::to_id)),
                DefaultDecl::Class(c) => out.extend(c.ident.as_ref().map(Ident::to_id)),
                DefaultDecl::TsInterfaceDecl(i) => {
                    out.insert(i.id.to_id());
                }
                #[cfg(swc_ast_unknown)]
                _ => {}
            },
            ModuleDecl::TsImportEquals(import) => {
                out.insert(import.id.to_id());
            }
            _ => {}
        },
        ModuleItem::Stmt(stmt) => stmt_bindings(stmt, out),
        #[cfg(swc_ast_unknown)]
        _ => {}
    }
}

fn stmt_bindings(stmt: &Stmt, out: &mut FxHashSet<Id>) {
    match stmt {
        Stmt::Decl(decl) => decl_bindings(decl, out),
        _ => stmt.visit_with(&mut NestedVars(out)),
    }
}

fn decl_bindings(decl: &Decl, out: &mut FxHashSet<Id>) {
    match decl {
        Decl::Class(c) => {
            out.insert(c.ident.to_id());
        }
        Decl::Fn(f) => {
            out.insert(f.ident.to_id());
        }
        Decl::Var(var) => {
            for declarator in &var.decls {
                for_each_binding(&declarator.name, &mut |ident: &Ident| {
                    out.insert(ident.to_id());
                });
            }
        }
        Decl::Using(using) => {
            for declarator in &using.decls {
                for_each_binding(&declarator.name, &mut |ident: &Ident| {
                    out.insert(ident.to_id());
                });
            }
        }
        Decl::TsInterface(i) => {
            out.insert(i.id.to_id());
        }
        Decl::TsTypeAlias(t) => {
            out.insert(t.id.to_id());
        }
        Decl::TsEnum(e) => {
            out.insert(e.id.to_id());
        }
        Decl::TsModule(m) => {
            if let TsModuleName::Ident(ident) = &m.id {
                out.insert(ident.to_id());
            }
        }
        #[cfg(swc_ast_unknown)]
        _ => {}
    }
}

/// `var` declarations in top-level statements (blocks, loops, `if`), which
/// are module-level; functions are not entered.
struct NestedVars<'o>(&'o mut FxHashSet<Id>);

impl Visit for NestedVars<'_> {
    fn visit_var_decl(&mut self, var: &VarDecl) {
        if var.kind == VarDeclKind::Var {
            for declarator in &var.decls {
                for_each_binding(&declarator.name, &mut |ident: &Ident| {
                    self.0.insert(ident.to_id());
                });
            }
        }
        for declarator in &var.decls {
            declarator.init.visit_with(self);
        }
    }
    fn visit_function(&mut self, _: &Function) {}
    fn visit_arrow_expr(&mut self, _: &ArrowExpr) {}
    fn visit_class(&mut self, _: &Class) {}
}
