//! # The hoisted block as AST
//!
//! Inserts the hoisted declarations (`const N = /*#__PURE__*/ handler(...)`,
//! in the plan's post-order) where the plan places them, then the registry
//! call, or adds the new names to the registry call already there.
//!
//! ```tsx
//! const _App_b_onClick = handler((event, params) => go());
//! __cfReg("src/App.tsx", { "_App_b_onClick": _App_b_onClick });
//! ```
//!
//! `/*#__PURE__*/` is SWC's reserved [`BytePos::PURE`] span, which every printer
//! (the host's included) writes as the annotation; it is left out with a
//! registry, which keeps every handler alive anyway.

use swc_core::{
    common::{BytePos, Span, Spanned, DUMMY_SP},
    ecma::{ast::*, atoms::Atom},
};

use super::{call, object, prop_name};
use crate::{hoist::HoistPlan, plan::Plan};

/// Inserts the block into `module`. `hoisted` holds each hoisted handler's
/// name and `handler(callback)` call; `first_lo` is where the module's first
/// item started before any insertion.
pub(super) fn insert(
    module: &mut Module,
    plan: &Plan,
    hoist: &HoistPlan,
    mut hoisted: Vec<(Ident, Expr)>,
    first_lo: Option<BytePos>,
) {
    let position: rustc_hash::FxHashMap<&Atom, usize> = hoist
        .order
        .iter()
        .enumerate()
        .filter_map(|(at, &i)| Some((&plan.handlers[i].hoisted.as_ref()?.sym, at)))
        .collect();
    hoisted.sort_by_key(|(name, _)| position.get(&name.sym).copied());
    let pure = hoist.registry.is_none();
    let mut items: Vec<ModuleItem> = hoisted
        .into_iter()
        .map(|(name, mut callback)| {
            if let Expr::Call(call) = &mut callback {
                call.span = if pure {
                    Span::new(BytePos::PURE, BytePos::PURE)
                } else {
                    DUMMY_SP
                };
            }
            const_decl(name, callback)
        })
        .collect();
    if let Some(registry) = &hoist.registry {
        let entries = registry.names.iter().map(entry);
        match registry.existing {
            Some(existing) => {
                let props: Vec<PropOrSpread> = entries.collect();
                for item in &mut module.body {
                    if let Some(target) = registry_object(item, existing.object) {
                        target.props.extend(props);
                        break;
                    }
                }
            }
            None if registry.names.is_empty() => {}
            None => {
                let id = Expr::Lit(Lit::Str(Str {
                    span: DUMMY_SP,
                    value: registry.module_id.as_str().into(),
                    raw: None,
                }));
                let mut register = call(DUMMY_SP, Expr::Ident(registry.callee.clone()), id);
                if let Expr::Call(call) = &mut register {
                    call.args.push(ExprOrSpread {
                        spread: None,
                        expr: Box::new(object(entries.collect())),
                    });
                }
                let call = ModuleItem::Stmt(Stmt::Expr(ExprStmt {
                    span: DUMMY_SP,
                    expr: Box::new(register),
                }));
                match registry.after_existing {
                    // Below the block's place: inserted first, the block's
                    // splice (at a smaller index) then shifts it.
                    Some((at, _)) => module.body.insert(at.min(module.body.len()), call),
                    None => items.push(call),
                }
            }
        }
    }
    let index = hoist.index.min(module.body.len());
    if index == 0 {
        // Keyed where the first item started, the file's leading comments
        // (pragmas, license) print above the block.
        if let (Some(lo), Some(ModuleItem::Stmt(Stmt::Decl(Decl::Var(var))))) =
            (first_lo, items.first_mut())
        {
            var.span = Span::new(lo, lo);
        }
    }
    module.body.splice(index..index, items);
}

/// `const name = callback;`
fn const_decl(name: Ident, callback: Expr) -> ModuleItem {
    ModuleItem::Stmt(Stmt::Decl(Decl::Var(Box::new(VarDecl {
        span: DUMMY_SP,
        ctxt: Default::default(),
        kind: VarDeclKind::Const,
        declare: false,
        decls: vec![VarDeclarator {
            span: DUMMY_SP,
            name: Pat::Ident(BindingIdent {
                id: name,
                type_ann: None,
            }),
            init: Some(Box::new(callback)),
            definite: false,
        }],
    }))))
}

/// `"name": name` (the key a string, whatever hygiene calls the binding).
fn entry(name: &Ident) -> PropOrSpread {
    let key = match prop_name(&name.sym) {
        PropName::Ident(ident) => PropName::Str(Str {
            span: DUMMY_SP,
            value: ident.sym.as_str().into(),
            raw: None,
        }),
        other => other,
    };
    PropOrSpread::Prop(Box::new(Prop::KeyValue(KeyValueProp {
        key,
        value: Box::new(Expr::Ident(name.clone())),
    })))
}

/// The object literal of the registry call whose object spans `span`.
fn registry_object(item: &mut ModuleItem, span: Span) -> Option<&mut ObjectLit> {
    let ModuleItem::Stmt(Stmt::Expr(stmt)) = item else {
        return None;
    };
    let call = stmt.expr.as_mut_call()?;
    let arg = call.args.get_mut(1)?;
    match &mut *arg.expr {
        Expr::Object(object) if object.span() == span => Some(object),
        _ => None,
    }
}
