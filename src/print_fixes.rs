//! # Print fixes: parentheses
//!
//! Parentheses SWC's `fixer` drops although the printed program needs them,
//! put back before printing (only the AST back end prints; the text back end
//! never loses them; comments are `print_comments.rs`). Without this, the
//! printed file would be a different program, or not parse at all:
//!
//! ```tsx
//! (() => f())!            // fixer alone prints  () => f()!   (an arrow returning f()!)
//! (x = y)!                //                     x = y!
//! (<b />)()               //                     <b/>()        (does not parse)
//! (n++)?.()               //                     n++?.()       (does not parse)
//! c in ((a as T) + b)     //                     c in a as T + b (does not parse)
//! () => ({ a }) as any    //                     ()=>{ a } as any (a block body)
//! ```
//!
//! ## Implementation
//!
//! After the fixer, three kinds of positions are checked:
//!
//! - every position that needs a left-hand-side expression (the operand of `!`
//!   and of `<T>` instantiation, a callee, a member's object, a tag) gets
//!   parentheses around an expression that is not one;
//! - an operand of a binary, unary, `await` or update operator gets
//!   parentheses around a TS `as` / `satisfies` / `<T>` assertion (TypeScript
//!   gives them relational precedence, the printer does not);
//! - an arrow's expression body whose first token would be `{` is wrapped
//!   whole, so it stays an expression and does not become a block.

use swc_core::{
    common::{util::take::Take, Spanned},
    ecma::{
        ast::{
            ArrowFunctionBody, AssignTarget, AssignTargetPat, Callee, Expr, OptChainBase,
            ParenExpr, SimpleAssignTarget,
        },
        visit::{VisitMut, VisitMutWith},
    },
};

/// The repair pass; run it after `fixer`.
pub struct RestoreParentheses;

impl VisitMut for RestoreParentheses {
    fn visit_mut_expr(&mut self, expr: &mut Expr) {
        expr.visit_mut_children_with(self);
        match expr {
            Expr::TsNonNull(e) => parenthesize_unless_lhs(&mut e.expr),
            Expr::TsInstantiation(e) => parenthesize_unless_lhs(&mut e.expr),
            Expr::Member(e) => parenthesize_unless_lhs(&mut e.obj),
            Expr::TaggedTpl(e) => parenthesize_unless_lhs(&mut e.tag),
            Expr::Call(call) => {
                if let Callee::Expr(callee) = &mut call.callee {
                    parenthesize_unless_lhs(callee);
                }
            }
            Expr::OptChain(chain) => match &mut *chain.base {
                OptChainBase::Member(member) => parenthesize_unless_lhs(&mut member.obj),
                OptChainBase::Call(call) => parenthesize_unless_lhs(&mut call.callee),
                #[cfg(swc_ast_unknown)]
                _ => {}
            },
            Expr::Bin(bin) => {
                parenthesize_type_assertion(&mut bin.left);
                parenthesize_type_assertion(&mut bin.right);
            }
            Expr::Unary(unary) => parenthesize_type_assertion(&mut unary.arg),
            Expr::Await(await_expr) => parenthesize_type_assertion(&mut await_expr.arg),
            Expr::Update(update) => parenthesize_type_assertion(&mut update.arg),
            _ => {}
        }
    }

    fn visit_mut_arrow_function_body(&mut self, body: &mut ArrowFunctionBody) {
        body.visit_mut_children_with(self);
        if let ArrowFunctionBody::Expr(expr) = body {
            if starts_with_brace(expr) && !matches!(&**expr, Expr::Paren(_)) {
                wrap(expr);
            }
        }
    }
}

/// Wraps `operand` in parentheses unless it can stand there as it is.
fn parenthesize_unless_lhs(operand: &mut Box<Expr>) {
    let needs = matches!(
        &**operand,
        Expr::Arrow(_)
            | Expr::Assign(_)
            | Expr::Cond(_)
            | Expr::Seq(_)
            | Expr::Yield(_)
            | Expr::Bin(_)
            | Expr::Unary(_)
            | Expr::Update(_)
            | Expr::Await(_)
            | Expr::TsAs(_)
            | Expr::TsSatisfies(_)
            | Expr::TsTypeAssertion(_)
            | Expr::JSXElement(_)
            | Expr::JSXFragment(_)
    );
    if needs {
        wrap(operand);
    }
}

/// Wraps an operator's operand that is a TS type assertion.
fn parenthesize_type_assertion(operand: &mut Box<Expr>) {
    if matches!(
        &**operand,
        Expr::TsAs(_) | Expr::TsSatisfies(_) | Expr::TsTypeAssertion(_)
    ) {
        wrap(operand);
    }
}

/// Whether the printed `expr` begins with `{` (an object literal at its left
/// edge, possibly under operators that print their left operand first).
fn starts_with_brace(expr: &Expr) -> bool {
    match expr {
        Expr::Object(_) => true,
        Expr::TsAs(e) => starts_with_brace(&e.expr),
        Expr::TsSatisfies(e) => starts_with_brace(&e.expr),
        Expr::TsNonNull(e) => starts_with_brace(&e.expr),
        Expr::TsInstantiation(e) => starts_with_brace(&e.expr),
        Expr::Bin(e) => starts_with_brace(&e.left),
        Expr::Cond(e) => starts_with_brace(&e.test),
        Expr::Seq(e) => e
            .exprs
            .first()
            .is_some_and(|first| starts_with_brace(first)),
        Expr::Member(e) => starts_with_brace(&e.obj),
        Expr::TaggedTpl(e) => starts_with_brace(&e.tag),
        Expr::Update(e) => !e.prefix && starts_with_brace(&e.arg),
        Expr::Call(e) => match &e.callee {
            Callee::Expr(callee) => starts_with_brace(callee),
            _ => false,
        },
        Expr::OptChain(e) => match &*e.base {
            OptChainBase::Member(member) => starts_with_brace(&member.obj),
            OptChainBase::Call(call) => starts_with_brace(&call.callee),
            #[cfg(swc_ast_unknown)]
            _ => false,
        },
        Expr::Assign(e) => match &e.left {
            AssignTarget::Pat(AssignTargetPat::Object(_)) => true,
            AssignTarget::Simple(SimpleAssignTarget::Member(member)) => {
                starts_with_brace(&member.obj)
            }
            _ => false,
        },
        _ => false,
    }
}

fn wrap(operand: &mut Box<Expr>) {
    let inner = operand.take();
    **operand = Expr::Paren(ParenExpr {
        span: inner.span(),
        expr: inner,
    });
}
