//! # AST back end
//!
//! Applies a [`Plan`] to the AST: each planned arrow is wrapped in
//! `handler(...)`, given its parameters, and called with the params object;
//! the helper import is added. Used by the SWC plugin, the wasm module and
//! the CLI's printing mode.
//!
//! ```tsx
//! <b onClick={() => state.count.set(1)} />
//! // becomes
//! <b onClick={handler((event, { state }) => state.count.set(1))({ state: { count: state.count } })} />
//! ```
//!
//! ## Implementation
//!
//! Arrows are found by span (the plan's key), bottom-up, so handlers nested in
//! a handler's body are rewritten before their parent is wrapped. The body and
//! the user's parameters keep their spans. New parameters reuse the captured
//! bindings' [`Id`]s (same name and syntax context), so the body's references
//! resolve to them and hygiene has nothing to rename.

use rustc_hash::FxHashMap;
use swc_core::{
    common::{
        comments::Comments, util::take::Take, BytePos, Mark, Span, Spanned, SyntaxContext, DUMMY_SP,
    },
    ecma::{
        ast::*,
        atoms::Atom,
        visit::{VisitMut, VisitMutWith},
    },
};

mod hoist_block;

use crate::{
    capture_tree::{CaptureNode, CaptureRoot},
    detect::unwrap_parens,
    first_use::FirstUses,
    helper_import::{HelperCallee, ImportEdit, NewSpecifier},
    options::is_identifier_name,
    plan::{Plan, Rewrite},
};

/// Rewrites `program` as `plan` says.
pub fn apply(program: &mut Program, plan: &Plan) {
    apply_with_comments(program, plan, None);
}

/// [`apply`]; with `comments`, the comments before a hoisted arrow stay in
/// the attribute (they would otherwise be printed with the hoisted block).
pub fn apply_with_comments(program: &mut Program, plan: &Plan, comments: Option<&dyn Comments>) {
    let Some(helper) = &plan.helper else {
        return;
    };
    let rewrites: FxHashMap<(BytePos, BytePos), (&Rewrite, Option<&Ident>)> = plan
        .rewrites()
        .map(|(handler, rewrite)| {
            (
                span_key(handler.arrow_span),
                (rewrite, handler.hoisted.as_ref()),
            )
        })
        .collect();
    let mut starts: Vec<(BytePos, BytePos)> = rewrites.keys().copied().collect();
    starts.sort_unstable();
    let mut rewriter = Rewriter {
        rewrites,
        starts,
        callee: helper_callee(&helper.callee),
        synthesized: SyntaxContext::empty().apply_mark(Mark::new()),
        hoisted: Vec::new(),
        comments,
    };
    program.visit_mut_with(&mut rewriter);
    let first_lo = match &*program {
        Program::Module(module) => module.body.first().map(|item| item.span_lo()),
        _ => None,
    };
    if let (Some(hoist), Program::Module(module)) = (&plan.hoist, &mut *program) {
        let hoisted = std::mem::take(&mut rewriter.hoisted);
        hoist_block::insert(module, plan, hoist, hoisted, first_lo);
    }
    apply_import(program, &helper.import, first_lo);
    if let Some(registry) = plan.hoist.as_ref().and_then(|h| h.registry.as_ref()) {
        // After the helper's: a new helper import before it shifts its place.
        let mut import = registry.import.clone();
        if let (ImportEdit::AddImport { index: helper, .. }, ImportEdit::AddImport { index, .. }) =
            (&helper.import, &mut import)
        {
            if *helper <= *index {
                *index += 1;
            }
        }
        apply_import(program, &import, first_lo);
    }
}

fn span_key(span: Span) -> (BytePos, BytePos) {
    (span.lo, span.hi)
}

struct Rewriter<'a> {
    rewrites: FxHashMap<(BytePos, BytePos), (&'a Rewrite, Option<&'a Ident>)>,
    /// The planned arrows' spans, sorted, to skip subtrees without one.
    starts: Vec<(BytePos, BytePos)>,
    callee: Expr,
    /// The context of synthesized parameters (fresh names, one mark for all).
    synthesized: SyntaxContext,
    /// The hoisted handlers' `handler(callback)` calls, by name.
    hoisted: Vec<(Ident, Expr)>,
    comments: Option<&'a dyn Comments>,
}

impl Rewriter<'_> {
    /// Whether a node spanning `span` may contain a planned arrow.
    fn may_contain(&self, span: Span) -> bool {
        if span.is_dummy() {
            return true;
        }
        let first = self.starts.partition_point(|(lo, _)| *lo < span.lo);
        self.starts.get(first).is_some_and(|(lo, _)| *lo <= span.hi)
    }
}

impl VisitMut for Rewriter<'_> {
    fn visit_mut_stmt(&mut self, stmt: &mut Stmt) {
        if self.may_contain(stmt.span()) {
            stmt.visit_mut_children_with(self);
        }
    }

    fn visit_mut_expr(&mut self, expr: &mut Expr) {
        if self.may_contain(expr.span()) {
            expr.visit_mut_children_with(self);
        }
    }

    fn visit_mut_jsx_attr(&mut self, attr: &mut JSXAttr) {
        attr.visit_mut_children_with(self);
        let Some(JSXAttrValue::JSXExprContainer(container)) = &mut attr.value else {
            return;
        };
        let JSXExpr::Expr(expr) = &mut container.expr else {
            return;
        };
        let Some(arrow) = unwrap_parens(expr).as_arrow() else {
            return;
        };
        let Some((rewrite, hoisted)) = self.rewrites.get(&span_key(arrow.span)).copied() else {
            return;
        };
        let container_lo = container.span.lo;
        let Expr::Arrow(arrow) = unwrap_parens_mut(expr).take() else {
            return;
        };
        let arrow_lo = arrow.span.lo;
        let (callback, params_object) = bind(arrow, rewrite, self.callee.clone(), self.synthesized);
        match hoisted {
            None => **expr = call(Span::new(arrow_lo, arrow_lo), callback, params_object),
            Some(name) => {
                // The comments before the arrow stay in the attribute: the
                // binding's call starts right after `{` and takes them.
                let gap = container_lo + BytePos(1);
                let at = if gap < arrow_lo { gap } else { arrow_lo };
                if let (Some(comments), true) = (self.comments, at < arrow_lo) {
                    take_gap_comments(comments, at, arrow_lo);
                }
                self.hoisted.push((name.clone(), callback));
                **expr = call(Span::new(at, at), Expr::Ident(name.clone()), params_object);
            }
        }
    }
}

/// Makes the comments attached in `from..=to` (a gap of comments and
/// parentheses before a hoisted arrow) leading comments of `from`.
fn take_gap_comments(comments: &dyn Comments, from: BytePos, to: BytePos) {
    const MAX_GAP: u32 = 1024;
    if to.0 - from.0 > MAX_GAP {
        return;
    }
    let mut found = Vec::new();
    for pos in (from.0..=to.0).map(BytePos) {
        if pos > from {
            found.extend(comments.take_trailing(pos).unwrap_or_default());
        }
        found.extend(comments.take_leading(pos).unwrap_or_default());
    }
    found.extend(comments.take_trailing(from).unwrap_or_default());
    if !found.is_empty() {
        found.sort_by_key(|c| c.span.lo);
        comments.add_leading_comments(from, found);
    }
}

fn unwrap_parens_mut(mut expr: &mut Expr) -> &mut Expr {
    while let Expr::Paren(paren) = expr {
        expr = &mut paren.expr;
    }
    expr
}

/// `handler(<arrow with params>)` and the params object.
fn bind(
    mut arrow: ArrowExpr,
    rewrite: &Rewrite,
    callee: Expr,
    synthesized: SyntaxContext,
) -> (Expr, Expr) {
    let any = rewrite.annotate_any.then(any_annotation);
    match (&rewrite.event_param, arrow.params.first_mut()) {
        (Some(name), _) => arrow
            .params
            .push(ident_pat(name.clone(), synthesized, any.clone())),
        (None, Some(first)) => drop_optional(first),
        (None, None) => {}
    }
    let (second, params_object) = match &rewrite.empty_params {
        Some(name) => (
            ident_pat(name.clone(), synthesized, any),
            object(Vec::new()),
        ),
        None => {
            let uses = FirstUses::of(&arrow);
            (
                roots_pattern(&rewrite.captures.roots, any),
                object(
                    rewrite
                        .captures
                        .roots
                        .iter()
                        .map(|root| root_prop(root, &uses))
                        .collect(),
                ),
            )
        }
    };
    arrow.params.push(second);
    // The calls start where the arrow did (zero width, so no comment is
    // keyed at their end): comments before the arrow are then printed before
    // `handler(` on every run, not only once the output is re-parsed.
    let at = Span::new(arrow.span.lo, arrow.span.lo);
    (call(at, callee, Expr::Arrow(arrow)), params_object)
}

/// `e?: T` → `e: T` (the new second parameter may not follow an optional one).
fn drop_optional(pat: &mut Pat) {
    match pat {
        Pat::Ident(ident) => ident.id.optional = false,
        Pat::Object(object) => object.optional = false,
        Pat::Array(array) => array.optional = false,
        _ => {}
    }
}

/// A synthesized parameter: a name the body does not use, in a fresh context.
fn ident_pat(name: Atom, ctxt: SyntaxContext, type_ann: Option<Box<TsTypeAnn>>) -> Pat {
    Pat::Ident(BindingIdent {
        id: Ident::new(name, DUMMY_SP, ctxt),
        type_ann,
    })
}

/// `: any` (see [`Rewrite::annotate_any`]).
fn any_annotation() -> Box<TsTypeAnn> {
    Box::new(TsTypeAnn {
        span: DUMMY_SP,
        type_ann: Box::new(TsType::TsKeywordType(TsKeywordType {
            span: DUMMY_SP,
            kind: TsKeywordTypeKind::TsAnyKeyword,
        })),
    })
}

/// `{ state, count }`: the roots, bound under their own identity.
fn roots_pattern(roots: &[CaptureRoot], type_ann: Option<Box<TsTypeAnn>>) -> Pat {
    Pat::Object(ObjectPat {
        span: DUMMY_SP,
        props: roots
            .iter()
            .map(|root| {
                ObjectPatProp::Assign(AssignPatProp {
                    span: DUMMY_SP,
                    key: BindingIdent::from(root_ident(root)),
                    value: None,
                })
            })
            .collect(),
        optional: false,
        type_ann,
    })
}

fn root_ident(root: &CaptureRoot) -> Ident {
    Ident::new(root.id.0.clone(), DUMMY_SP, root.id.1)
}

/// `state: { count: state.count }` or shorthand `state`. Each value
/// carries the span of its first use in the body (source maps point there).
fn root_prop(root: &CaptureRoot, uses: &FirstUses) -> PropOrSpread {
    let mut ident = root_ident(root);
    ident.span = uses.get(&root.id, &[]).unwrap_or(DUMMY_SP);
    let prop = match &root.node {
        CaptureNode::Whole => Prop::Shorthand(ident),
        CaptureNode::Props(_) => Prop::KeyValue(KeyValueProp {
            key: prop_name(&root.id.0),
            value: Box::new(node_value(
                &root.node,
                Expr::Ident(ident),
                &mut Vec::new(),
                root,
                uses,
            )),
        }),
    };
    PropOrSpread::Prop(Box::new(prop))
}

/// The value for `node`, whose path expression is `path` (the members
/// `props` below the root).
fn node_value(
    node: &CaptureNode,
    path: Expr,
    props: &mut Vec<Atom>,
    root: &CaptureRoot,
    uses: &FirstUses,
) -> Expr {
    match node {
        CaptureNode::Whole => path,
        CaptureNode::Props(children) => object(
            children
                .iter()
                .map(|(key, child)| {
                    props.push(key.clone());
                    let member = Expr::Member(MemberExpr {
                        span: uses.get(&root.id, props).unwrap_or(DUMMY_SP),
                        obj: Box::new(path.clone()),
                        prop: MemberProp::Ident(IdentName::new(key.clone(), DUMMY_SP)),
                    });
                    let value = node_value(child, member, props, root, uses);
                    props.pop();
                    PropOrSpread::Prop(Box::new(Prop::KeyValue(KeyValueProp {
                        key: prop_name(key),
                        value: Box::new(value),
                    })))
                })
                .collect(),
        ),
    }
}

/// A key as written: an identifier name, a string, or `["__proto__"]` (a
/// plain `__proto__:` key would set the prototype).
pub(crate) fn prop_name(key: &Atom) -> PropName {
    let string = || Str {
        span: DUMMY_SP,
        value: key.clone().into(),
        raw: None,
    };
    if &**key == "__proto__" {
        PropName::Computed(ComputedPropName {
            span: DUMMY_SP,
            expr: Box::new(Expr::Lit(Lit::Str(string()))),
        })
    } else if is_identifier_name(key) {
        PropName::Ident(IdentName::new(key.clone(), DUMMY_SP))
    } else {
        PropName::Str(string())
    }
}

pub(crate) fn object(props: Vec<PropOrSpread>) -> Expr {
    Expr::Object(ObjectLit {
        span: DUMMY_SP,
        props,
    })
}

pub(crate) fn call(span: Span, callee: Expr, arg: Expr) -> Expr {
    Expr::Call(CallExpr {
        span,
        ctxt: SyntaxContext::empty(),
        callee: Callee::Expr(Box::new(callee)),
        args: vec![ExprOrSpread {
            spread: None,
            expr: Box::new(arg),
        }],
        type_args: None,
    })
}

fn helper_callee(callee: &HelperCallee) -> Expr {
    match callee {
        HelperCallee::Ident(ident) => Expr::Ident(ident.clone()),
        HelperCallee::Member { object, prop } => Expr::Member(MemberExpr {
            span: DUMMY_SP,
            obj: Box::new(Expr::Ident(object.clone())),
            prop: MemberProp::Ident(IdentName::new(prop.clone(), DUMMY_SP)),
        }),
    }
}

fn apply_import(program: &mut Program, edit: &ImportEdit, first_lo: Option<BytePos>) {
    match edit {
        ImportEdit::Reuse => {}
        ImportEdit::AddSpecifier {
            decl_span,
            imported,
            local,
            ..
        } => {
            let Program::Module(module) = program else {
                return;
            };
            let decl = module.body.iter_mut().find_map(|item| match item {
                ModuleItem::ModuleDecl(ModuleDecl::Import(decl)) if decl.span == *decl_span => {
                    Some(decl)
                }
                _ => None,
            });
            if let Some(decl) = decl {
                decl.specifiers.push(named_specifier(imported, local));
            }
        }
        ImportEdit::AddImport {
            index,
            src,
            specifier,
            ..
        } => {
            let specifier = match specifier {
                NewSpecifier::Named { imported, local } => named_specifier(imported, local),
                NewSpecifier::Namespace { local } => {
                    ImportSpecifier::Namespace(ImportStarAsSpecifier {
                        span: DUMMY_SP,
                        local: local.clone(),
                    })
                }
            };
            let decl = ModuleItem::ModuleDecl(ModuleDecl::Import(ImportDecl {
                span: DUMMY_SP,
                specifiers: vec![specifier],
                src: Box::new(Str {
                    span: DUMMY_SP,
                    value: src.clone().into(),
                    raw: None,
                }),
                type_only: false,
                with: None,
                phase: ImportPhase::Evaluation,
            }));
            // A script's plan rewrites nothing (HC009), so this is a module.
            if let Program::Module(module) = program {
                let index = (*index).min(module.body.len());
                let mut decl = decl;
                if index == 0 {
                    // Keyed where the first statement starts, the file's
                    // leading comments (pragmas, license) print above the
                    // new import, as TypeScript needs them first.
                    if let (Some(lo), ModuleItem::ModuleDecl(ModuleDecl::Import(import))) =
                        (first_lo, &mut decl)
                    {
                        import.span = Span::new(lo, lo);
                    }
                }
                module.body.insert(index, decl);
            }
        }
    }
}

fn named_specifier(imported: &Atom, local: &Ident) -> ImportSpecifier {
    ImportSpecifier::Named(ImportNamedSpecifier {
        span: DUMMY_SP,
        local: local.clone(),
        imported: (imported != &local.sym)
            .then(|| ModuleExportName::Ident(Ident::new_no_ctxt(imported.clone(), DUMMY_SP))),
        is_type_only: false,
    })
}
