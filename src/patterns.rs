//! # AST pattern helpers
//!
//! Small questions about syntax that both the scope index and the capture
//! scanner ask: which identifiers a binding or assignment pattern names, and
//! what an expression is under parentheses and TypeScript wrappers.
//!
//! ```tsx
//! const { a, b: [c, ...d] = [] } = x;  // for_each_binding: a, c, d
//! [s.x, n] = pair;                      // for_each_assigned: n (s.x is a member)
//! (x as T)!                             // unwrap_expr_wrappers: x
//! ```

use swc_core::{common::BytePos, ecma::ast::*};

/// The `Visit` methods that skip type positions, which never hold values
/// (annotations, type parameters and arguments, interfaces, type aliases),
/// for a visitor that looks at values only.
macro_rules! skip_type_positions {
    () => {
        fn visit_ts_type(&mut self, _: &TsType) {}
        fn visit_ts_type_ann(&mut self, _: &TsTypeAnn) {}
        fn visit_ts_type_param_decl(&mut self, _: &TsTypeParamDecl) {}
        fn visit_ts_type_param_instantiation(&mut self, _: &TsTypeParamInstantiation) {}
        fn visit_ts_interface_decl(&mut self, _: &TsInterfaceDecl) {}
        fn visit_ts_type_alias_decl(&mut self, _: &TsTypeAliasDecl) {}
    };
}
pub(crate) use skip_type_positions;

/// Whether `expr` is a function or arrow expression.
pub(crate) fn is_function_expr(expr: &Expr) -> bool {
    matches!(expr, Expr::Arrow(_) | Expr::Fn(_))
}

/// The expression under parentheses and TypeScript wrappers (`!`, `as`,
/// `satisfies`, `<T>x`, instantiation).
pub(crate) fn unwrap_expr_wrappers(mut expr: &Expr) -> &Expr {
    loop {
        expr = match expr {
            Expr::Paren(e) => &e.expr,
            Expr::TsNonNull(e) => &e.expr,
            Expr::TsAs(e) => &e.expr,
            Expr::TsSatisfies(e) => &e.expr,
            Expr::TsTypeAssertion(e) => &e.expr,
            Expr::TsConstAssertion(e) => &e.expr,
            Expr::TsInstantiation(e) => &e.expr,
            _ => return expr,
        };
    }
}

/// The identifier a simple assignment target writes, seen through wrappers.
pub(crate) fn simple_target_ident(target: &SimpleAssignTarget) -> Option<&Ident> {
    match target {
        SimpleAssignTarget::Ident(ident) => Some(&ident.id),
        SimpleAssignTarget::Paren(e) => unwrap_expr_wrappers(&e.expr).as_ident(),
        SimpleAssignTarget::TsAs(e) => unwrap_expr_wrappers(&e.expr).as_ident(),
        SimpleAssignTarget::TsSatisfies(e) => unwrap_expr_wrappers(&e.expr).as_ident(),
        SimpleAssignTarget::TsNonNull(e) => unwrap_expr_wrappers(&e.expr).as_ident(),
        SimpleAssignTarget::TsTypeAssertion(e) => unwrap_expr_wrappers(&e.expr).as_ident(),
        _ => None,
    }
}

/// Calls `f` on every identifier a parameter pattern declares, with where it
/// is initialised: the end of its element, default included, and never before
/// `floor` (the bindings under a default are initialised after the default is
/// evaluated, although the default is written after them).
pub(crate) fn for_each_param_binding(
    pat: &Pat,
    floor: BytePos,
    f: &mut dyn FnMut(&Ident, BytePos),
) {
    match pat {
        Pat::Ident(ident) => f(&ident.id, floor.max(ident.span.hi)),
        Pat::Array(array) => {
            for elem in array.elems.iter().flatten() {
                for_each_param_binding(elem, floor, f);
            }
        }
        Pat::Object(object) => {
            for prop in &object.props {
                match prop {
                    ObjectPatProp::KeyValue(kv) => for_each_param_binding(&kv.value, floor, f),
                    ObjectPatProp::Assign(assign) => f(&assign.key.id, floor.max(assign.span.hi)),
                    ObjectPatProp::Rest(rest) => for_each_param_binding(&rest.arg, floor, f),
                    #[cfg(swc_ast_unknown)]
                    _ => {}
                }
            }
        }
        Pat::Rest(rest) => for_each_param_binding(&rest.arg, floor, f),
        Pat::Assign(assign) => for_each_param_binding(&assign.left, floor.max(assign.span.hi), f),
        Pat::Expr(_) | Pat::Invalid(_) => {}
        #[cfg(swc_ast_unknown)]
        _ => {}
    }
}

/// Calls `f` on every identifier a binding pattern declares.
pub(crate) fn for_each_binding(pat: &Pat, f: &mut dyn FnMut(&Ident)) {
    match pat {
        Pat::Ident(ident) => f(&ident.id),
        Pat::Array(array) => {
            for elem in array.elems.iter().flatten() {
                for_each_binding(elem, f);
            }
        }
        Pat::Object(object) => {
            for prop in &object.props {
                match prop {
                    ObjectPatProp::KeyValue(kv) => for_each_binding(&kv.value, f),
                    ObjectPatProp::Assign(assign) => f(&assign.key.id),
                    ObjectPatProp::Rest(rest) => for_each_binding(&rest.arg, f),
                    #[cfg(swc_ast_unknown)]
                    _ => {}
                }
            }
        }
        Pat::Rest(rest) => for_each_binding(&rest.arg, f),
        Pat::Assign(assign) => for_each_binding(&assign.left, f),
        Pat::Expr(_) | Pat::Invalid(_) => {}
        #[cfg(swc_ast_unknown)]
        _ => {}
    }
}

/// Calls `f` on every identifier an assignment pattern writes
/// (`[a, b] = ...`, `({ x: a } = ...)`, `for (a of ...)`).
pub(crate) fn for_each_assigned(pat: &Pat, f: &mut dyn FnMut(&Ident)) {
    match pat {
        Pat::Ident(ident) => f(&ident.id),
        Pat::Array(array) => for_each_assigned_in_array(array, f),
        Pat::Object(object) => for_each_assigned_in_object(object, f),
        Pat::Rest(rest) => for_each_assigned(&rest.arg, f),
        Pat::Assign(assign) => for_each_assigned(&assign.left, f),
        Pat::Expr(expr) => {
            if let Expr::Ident(ident) = unwrap_expr_wrappers(expr) {
                f(ident);
            }
        }
        Pat::Invalid(_) => {}
        #[cfg(swc_ast_unknown)]
        _ => {}
    }
}

pub(crate) fn for_each_assigned_in_array(array: &ArrayPat, f: &mut dyn FnMut(&Ident)) {
    for elem in array.elems.iter().flatten() {
        for_each_assigned(elem, f);
    }
}

pub(crate) fn for_each_assigned_in_object(object: &ObjectPat, f: &mut dyn FnMut(&Ident)) {
    for prop in &object.props {
        match prop {
            ObjectPatProp::KeyValue(kv) => for_each_assigned(&kv.value, f),
            ObjectPatProp::Assign(assign) => f(&assign.key.id),
            ObjectPatProp::Rest(rest) => for_each_assigned(&rest.arg, f),
            #[cfg(swc_ast_unknown)]
            _ => {}
        }
    }
}
