//! # The transform's own hoisted block, found again
//!
//! Running the transform on its output must change nothing, and a second run
//! on an edited file adds the new handlers to the block and the registry
//! call that are already there.
//!
//! ```tsx
//! const _App_b_onClick = /*#__PURE__*/ handler((event, params) => go());   // a hoisted const
//! __cfReg("src/App.tsx", { "_App_b_onClick": _App_b_onClick });            // this module's registry call
//! ... <b onClick={_App_b_onClick({})} /> ...                               // used in an event attribute
//! ```
//!
//! ## Implementation
//!
//! A hoisted const is a module-level `const N = helper(<arrow>)` (the helper
//! as this run reaches it) whose `N` is called as an event attribute's value.
//! The registry call is a module-level `register("<this module id>", {...})`
//! with the registry function as this run reaches it.

use rustc_hash::FxHashSet;
use swc_core::{
    common::Spanned,
    ecma::{ast::*, atoms::Atom},
};

use super::ExistingCall;
use crate::{detect::unwrap_parens, helper_import::HelperCallee};

/// The hoisted consts of `program`: (module item index, name), in order.
/// `bound` says whether a name is called as an event attribute's value.
pub fn consts(
    program: &Program,
    helper: &HelperCallee,
    bound: impl Fn(&Id) -> bool,
) -> Vec<(usize, Ident)> {
    let Program::Module(module) = program else {
        return Vec::new();
    };
    module
        .body
        .iter()
        .enumerate()
        .filter_map(|(index, item)| {
            let name = hoisted_const(item, helper)?;
            bound(&name.to_id()).then(|| (index, name.clone()))
        })
        .collect()
}

/// This module's registry call (`callee("<module_id>", {...})`) and the keys
/// it registers.
pub fn registry(
    program: &Program,
    callee: &Ident,
    module_id: &str,
) -> Option<(ExistingCall, FxHashSet<Atom>)> {
    let Program::Module(module) = program else {
        return None;
    };
    module
        .body
        .iter()
        .find_map(|item| registry_call(item, callee, module_id))
}

/// `const N = f(<arrow>)`: its `N`, callee and arrow (the shape of a
/// hoisted const, whatever `f` is).
pub fn const_call_arrow(item: &ModuleItem) -> Option<(&Ident, &Expr, &ArrowExpr)> {
    let ModuleItem::Stmt(Stmt::Decl(Decl::Var(var))) = item else {
        return None;
    };
    let [declarator] = var.decls.as_slice() else {
        return None;
    };
    if var.kind != VarDeclKind::Const || var.declare {
        return None;
    }
    let name = declarator.name.as_ident()?;
    let call = unwrap_parens(declarator.init.as_deref()?).as_call()?;
    let [arg] = call.args.as_slice() else {
        return None;
    };
    let arrow = unwrap_parens(&arg.expr)
        .as_arrow()
        .filter(|_| arg.spread.is_none())?;
    Some((&name.id, call.callee.as_expr()?, arrow))
}

/// `const N = helper(<arrow>)`: its `N`.
fn hoisted_const<'i>(item: &'i ModuleItem, helper: &HelperCallee) -> Option<&'i Ident> {
    let (name, callee, _) = const_call_arrow(item)?;
    let is_helper = match (helper, callee) {
        (HelperCallee::Ident(helper), Expr::Ident(ident)) => ident.to_id() == helper.to_id(),
        (HelperCallee::Member { object, prop }, Expr::Member(member)) => {
            member
                .obj
                .as_ident()
                .is_some_and(|o| o.to_id() == object.to_id())
                && member.prop.as_ident().is_some_and(|p| &p.sym == prop)
        }
        _ => false,
    };
    is_helper.then_some(name)
}

fn registry_call(
    item: &ModuleItem,
    callee: &Ident,
    module_id: &str,
) -> Option<(ExistingCall, FxHashSet<Atom>)> {
    let ModuleItem::Stmt(Stmt::Expr(stmt)) = item else {
        return None;
    };
    let call = stmt.expr.as_call()?;
    let target = call.callee.as_expr()?.as_ident()?;
    if target.to_id() != callee.to_id() {
        return None;
    }
    let [id, object] = call.args.as_slice() else {
        return None;
    };
    let Expr::Lit(Lit::Str(id)) = &*id.expr else {
        return None;
    };
    if id.value.as_str() != Some(module_id) {
        return None;
    }
    let Expr::Object(object) = &*object.expr else {
        return None;
    };
    let keys = object
        .props
        .iter()
        .filter_map(|prop| match prop.as_prop()?.as_ref() {
            Prop::KeyValue(kv) => match &kv.key {
                PropName::Str(s) => Some(s.value.to_atom_lossy().into_owned()),
                PropName::Ident(i) => Some(i.sym.clone()),
                _ => None,
            },
            Prop::Shorthand(ident) => Some(ident.sym.clone()),
            _ => None,
        })
        .collect();
    Some((
        ExistingCall {
            object: object.span,
            last_prop: object.props.last().map(Spanned::span),
        },
        keys,
    ))
}
