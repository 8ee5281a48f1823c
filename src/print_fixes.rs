//! # Print fixes
//!
//! Parentheses SWC's `fixer` drops although the printed program needs them,
//! put back before printing (only the AST back end prints; the text back end
//! never loses them). Without this, the printed file would be a different
//! program, or not parse at all:
//!
//! ```tsx
//! (() => f())!     // fixer alone prints  () => f()!   (an arrow returning f()!)
//! (x = y)!         //                     x = y!
//! (<b />)()        //                     <b/>()        (does not parse)
//! (n++)?.()        //                     n++?.()       (does not parse)
//! ```
//!
//! ## Implementation
//!
//! After the fixer, every position that needs a left-hand-side expression
//! (the operand of `!` and of `<T>` instantiation, a callee, a member's
//! object, a tag) gets parentheses around an expression that is not one.

use swc_core::{
    common::{util::take::Take, Spanned},
    ecma::{
        ast::{Callee, Expr, OptChainBase, ParenExpr},
        visit::{VisitMut, VisitMutWith},
    },
};

/// The repair pass; run it after `fixer`.
pub struct RestoreParentheses;

impl VisitMut for RestoreParentheses {
    fn visit_mut_expr(&mut self, expr: &mut Expr) {
        expr.visit_mut_children_with(self);
        match expr {
            Expr::TsNonNull(e) => parenthesize(&mut e.expr),
            Expr::TsInstantiation(e) => parenthesize(&mut e.expr),
            Expr::Member(e) => parenthesize(&mut e.obj),
            Expr::TaggedTpl(e) => parenthesize(&mut e.tag),
            Expr::Call(call) => {
                if let Callee::Expr(callee) = &mut call.callee {
                    parenthesize(callee);
                }
            }
            Expr::OptChain(chain) => match &mut *chain.base {
                OptChainBase::Member(member) => parenthesize(&mut member.obj),
                OptChainBase::Call(call) => parenthesize(&mut call.callee),
                #[cfg(swc_ast_unknown)]
                _ => {}
            },
            _ => {}
        }
    }
}

/// Wraps `operand` in parentheses unless it can stand there as it is.
fn parenthesize(operand: &mut Box<Expr>) {
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
        let inner = operand.take();
        **operand = Expr::Paren(ParenExpr {
            span: inner.span(),
            expr: inner,
        });
    }
}
