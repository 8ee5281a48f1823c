//! # Print fixes: comments
//!
//! Comments SWC's code generator would drop, moved where it prints them
//! before printing (only the AST back end prints; the text back end keeps
//! every comment as it is).
//!
//! ```tsx
//! const v = // note          // the parser attaches `// note` to the `=`
//!   value;                   // token, which the printer never visits
//! const { a,
//!   // eslint-disable-next-line
//!   b } = props;             // printed `{ a, // eslint...` + newline + `b }`;
//!                            // re-parsed, the comment hangs on the `,`
//! ```
//!
//! Each print lost one such comment, so a second run changed the output (180
//! of 2,333 real files, mostly `// eslint-disable-next-line` in destructuring).
//!
//! ## Implementation
//!
//! Comments are keyed by position; the printer only emits those at node
//! boundaries. [`KeepGapComments`] takes every comment attached inside a gap
//! that holds only punctuation and keywords (between a declarator's name or an
//! assignment's target and its value, a property's key and its value, an
//! arrow's head and its body, an opening `(` or `{` (also of `if`, `while`
//! and parameter lists) and what follows, the operands of `?:` and binary
//! operators, and
//! between consecutive items of a list: arguments, parameters, properties,
//! elements, specifiers, JSX attributes) and makes them leading comments of
//! the node after the gap, in source order. Gaps are a few bytes;
//! one longer than [`MAX_GAP`] is left alone, and so is one that holds more
//! than punctuation (synthesized nodes may carry spans of the body).

use swc_core::{
    common::{
        comments::{Comment, Comments, SingleThreadedComments},
        errors::SourceMapper,
        BytePos, SourceMap, Span, Spanned,
    },
    ecma::{
        ast::*,
        visit::{VisitMut, VisitMutWith},
    },
};

/// The longest gap searched, in bytes.
const MAX_GAP: u32 = 1024;

/// The repair pass; run it before `fixer` (which drops the parentheses whose
/// gaps it reads).
pub struct KeepGapComments<'a> {
    pub comments: &'a SingleThreadedComments,
    /// The source the spans point into.
    pub cm: &'a SourceMap,
}

impl KeepGapComments<'_> {
    /// Moves the comments attached anywhere in `from..to` to `to`'s leading
    /// comments, if the gap holds nothing but punctuation and comments.
    fn move_gap(&self, from: BytePos, to: BytePos) {
        self.move_gap_from(from, to, false);
    }

    /// [`Self::move_gap`] after a pattern: the printer prints a pattern's
    /// trailing comments (those keyed at its end), so they stay; moving them
    /// would print `(e, /* c */ f)` for `(e /* c */, f)`, and a second run
    /// would then differ from the first wherever the next item is
    /// synthesized (the new handler parameter).
    fn move_gap_after_pat(&self, from: BytePos, to: BytePos) {
        self.move_gap_from(from, to, true);
    }

    fn move_gap_from(&self, from: BytePos, to: BytePos, keep_trailing_at_from: bool) {
        if from.is_dummy() || to <= from || to.0 - from.0 > MAX_GAP {
            return;
        }
        let positions = (from.0..to.0).map(BytePos);
        let mut found = Vec::new();
        for pos in positions.clone() {
            found.extend(self.comments.get_leading(pos).unwrap_or_default());
            if !(keep_trailing_at_from && pos == from) {
                found.extend(self.comments.get_trailing(pos).unwrap_or_default());
            }
        }
        if found.is_empty() {
            return;
        }
        let at_end = self.comments.get_leading(to).unwrap_or_default();
        let all = found.iter().chain(&at_end);
        if !self.only_punctuation(Span::new(from, to), all) {
            return;
        }
        for pos in positions {
            self.comments.take_leading(pos);
            if !(keep_trailing_at_from && pos == from) {
                self.comments.take_trailing(pos);
            }
        }
        self.prepend_leading(to, found);
    }

    /// Whether `gap`, its comments aside, is punctuation and whitespace. A
    /// synthesized node can carry a span of the handler's body, so two
    /// "consecutive" spans may enclose code, whose comments stay where they are.
    fn only_punctuation<'c>(&self, gap: Span, comments: impl Iterator<Item = &'c Comment>) -> bool {
        let Ok(text) = self.cm.span_to_snippet(gap) else {
            return false;
        };
        let mut bytes = text.into_bytes();
        for comment in comments {
            let start = comment.span.lo.0.saturating_sub(gap.lo.0) as usize;
            let end = (comment.span.hi.0.saturating_sub(gap.lo.0) as usize).min(bytes.len());
            if start < end {
                bytes[start..end].fill(b' ');
            }
        }
        bytes
            .iter()
            .all(|b| b.is_ascii_whitespace() || b",=:(){}?.&|+-*/%<>!^~".contains(b))
    }

    /// Moves the comments keyed at `node`'s start but written after it (and
    /// before `to`) to `to`'s leading comments.
    fn move_after(&self, node: Span, to: BytePos) {
        let Some(comments) = self.comments.take_trailing(node.lo) else {
            return;
        };
        let (after, stay): (Vec<_>, Vec<_>) = comments
            .into_iter()
            .partition(|c| c.span.lo >= node.hi && c.span.hi <= to);
        if !stay.is_empty() {
            self.comments.add_trailing_comments(node.lo, stay);
        }
        if !after.is_empty() {
            self.prepend_leading(to, after);
        }
    }

    /// Makes `comments` leading comments of `to`, before those it has, in
    /// source order.
    fn prepend_leading(&self, to: BytePos, mut comments: Vec<Comment>) {
        comments.extend(self.comments.take_leading(to).unwrap_or_default());
        comments.sort_by_key(|comment| comment.span.lo);
        self.comments.add_leading_comments(to, comments);
    }

    /// The gap between a function's name and its first parameter.
    fn first_param(&self, name_end: BytePos, function: &Function) {
        let open = function
            .type_params
            .as_ref()
            .map_or(name_end, |t| t.span.hi);
        if let Some(first) = function.params.first() {
            self.move_gap(open, first.span.lo);
        }
    }

    /// The gaps between consecutive items of a list.
    fn list(&self, spans: impl IntoIterator<Item = Span>) {
        let mut previous: Option<Span> = None;
        for span in spans {
            if let Some(previous) = previous {
                self.move_gap(previous.hi, span.lo);
            }
            previous = Some(span);
        }
    }

    /// The gaps between consecutive parameters (patterns).
    fn pat_list(&self, spans: impl IntoIterator<Item = Span>) {
        let mut previous: Option<Span> = None;
        for span in spans {
            if let Some(previous) = previous {
                self.move_gap_after_pat(previous.hi, span.lo);
            }
            previous = Some(span);
        }
    }
}

/// The opening bracket of a node that starts with one, as a list item.
fn opening(span: Span) -> std::iter::Once<Span> {
    std::iter::once(Span::new(span.lo, span.lo + BytePos(1)))
}

impl VisitMut for KeepGapComments<'_> {
    fn visit_mut_var_declarator(&mut self, decl: &mut VarDeclarator) {
        decl.visit_mut_children_with(self);
        if let Some(init) = &decl.init {
            self.move_gap(decl.name.span_hi(), init.span_lo());
        }
    }

    fn visit_mut_var_decl(&mut self, decl: &mut VarDecl) {
        decl.visit_mut_children_with(self);
        self.list(decl.decls.iter().map(Spanned::span));
    }

    fn visit_mut_assign_expr(&mut self, assign: &mut AssignExpr) {
        assign.visit_mut_children_with(self);
        self.move_gap(assign.left.span_hi(), assign.right.span_lo());
    }

    fn visit_mut_assign_pat(&mut self, pat: &mut AssignPat) {
        pat.visit_mut_children_with(self);
        self.move_gap(pat.left.span_hi(), pat.right.span_lo());
    }

    fn visit_mut_key_value_prop(&mut self, prop: &mut KeyValueProp) {
        prop.visit_mut_children_with(self);
        self.move_gap(prop.key.span_hi(), prop.value.span_lo());
    }

    fn visit_mut_key_value_pat_prop(&mut self, prop: &mut KeyValuePatProp) {
        prop.visit_mut_children_with(self);
        self.move_gap(prop.key.span_hi(), prop.value.span_lo());
    }

    fn visit_mut_object_lit(&mut self, object: &mut ObjectLit) {
        object.visit_mut_children_with(self);
        self.list(opening(object.span).chain(object.props.iter().map(Spanned::span)));
    }

    fn visit_mut_object_pat(&mut self, object: &mut ObjectPat) {
        object.visit_mut_children_with(self);
        self.list(opening(object.span).chain(object.props.iter().map(Spanned::span)));
    }

    fn visit_mut_array_lit(&mut self, array: &mut ArrayLit) {
        array.visit_mut_children_with(self);
        self.list(opening(array.span).chain(array.elems.iter().flatten().map(Spanned::span)));
    }

    fn visit_mut_array_pat(&mut self, array: &mut ArrayPat) {
        array.visit_mut_children_with(self);
        self.list(opening(array.span).chain(array.elems.iter().flatten().map(Spanned::span)));
    }

    fn visit_mut_call_expr(&mut self, call: &mut CallExpr) {
        call.visit_mut_children_with(self);
        let open = match &call.type_args {
            Some(type_args) => type_args.span.hi,
            None => call.callee.span_hi(),
        };
        if let Some(first) = call.args.first() {
            self.move_gap(open, first.span_lo());
        }
        self.list(call.args.iter().map(Spanned::span));
    }

    fn visit_mut_if_stmt(&mut self, stmt: &mut IfStmt) {
        stmt.visit_mut_children_with(self);
        self.move_gap(stmt.span.lo + BytePos(2), stmt.test.span_lo());
    }

    fn visit_mut_while_stmt(&mut self, stmt: &mut WhileStmt) {
        stmt.visit_mut_children_with(self);
        self.move_gap(stmt.span.lo + BytePos(5), stmt.test.span_lo());
    }

    fn visit_mut_fn_decl(&mut self, decl: &mut FnDecl) {
        decl.visit_mut_children_with(self);
        self.first_param(decl.ident.span.hi, &decl.function);
    }

    fn visit_mut_fn_expr(&mut self, expr: &mut FnExpr) {
        expr.visit_mut_children_with(self);
        if let Some(ident) = &expr.ident {
            self.first_param(ident.span.hi, &expr.function);
        }
    }

    fn visit_mut_class_method(&mut self, method: &mut ClassMethod) {
        method.visit_mut_children_with(self);
        self.first_param(method.key.span_hi(), &method.function);
    }

    fn visit_mut_cond_expr(&mut self, cond: &mut CondExpr) {
        cond.visit_mut_children_with(self);
        self.move_gap(cond.test.span_hi(), cond.cons.span_lo());
        self.move_gap(cond.cons.span_hi(), cond.alt.span_lo());
    }

    fn visit_mut_bin_expr(&mut self, bin: &mut BinExpr) {
        bin.visit_mut_children_with(self);
        self.move_gap(bin.left.span_hi(), bin.right.span_lo());
    }

    fn visit_mut_paren_expr(&mut self, paren: &mut ParenExpr) {
        paren.visit_mut_children_with(self);
        self.move_gap(paren.span.lo + BytePos(1), paren.expr.span_lo());
    }

    fn visit_mut_jsx_expr_container(&mut self, container: &mut JSXExprContainer) {
        container.visit_mut_children_with(self);
        if let JSXExpr::Expr(expr) = &container.expr {
            self.move_gap(container.span.lo + BytePos(1), expr.span_lo());
        }
    }

    fn visit_mut_jsx_opening_element(&mut self, element: &mut JSXOpeningElement) {
        element.visit_mut_children_with(self);
        // The parser keys a comment after a string attribute value
        // (`title="x" // note`) at the string's start, not its end.
        for pair in element.attrs.windows(2) {
            if let JSXAttrOrSpread::JSXAttr(JSXAttr {
                value: Some(JSXAttrValue::Str(value)),
                ..
            }) = &pair[0]
            {
                self.move_after(value.span, pair[1].span_lo());
            }
        }
        self.list(
            std::iter::once(element.name.span()).chain(element.attrs.iter().map(Spanned::span)),
        );
    }

    fn visit_mut_new_expr(&mut self, new: &mut NewExpr) {
        new.visit_mut_children_with(self);
        self.list(new.args.iter().flatten().map(Spanned::span));
    }

    fn visit_mut_params(&mut self, params: &mut Vec<Param>) {
        params.visit_mut_children_with(self);
        self.pat_list(params.iter().map(|param| param.pat.span()));
    }

    fn visit_mut_arrow_expr(&mut self, arrow: &mut ArrowExpr) {
        arrow.visit_mut_children_with(self);
        let start = arrow.span.lo + BytePos(if arrow.is_async { 5 } else { 0 });
        if let Some(first) = arrow.params.first() {
            let open = arrow.type_params.as_ref().map_or(start, |t| t.span.hi);
            self.move_gap(open, first.span_lo());
        }
        self.pat_list(arrow.params.iter().map(Spanned::span));
        // `=> // note` + newline + body: from the end of the head to the body.
        let head_end = [
            arrow.params.last().map(Spanned::span_hi),
            arrow.type_params.as_ref().map(|t| t.span.hi),
            arrow.return_type.as_ref().map(|t| t.span.hi),
        ]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(start);
        self.move_gap(head_end, arrow.body.span_lo());
    }

    fn visit_mut_import_decl(&mut self, import: &mut ImportDecl) {
        import.visit_mut_children_with(self);
        self.list(import.specifiers.iter().map(Spanned::span));
    }

    fn visit_mut_named_export(&mut self, export: &mut NamedExport) {
        export.visit_mut_children_with(self);
        self.list(export.specifiers.iter().map(Spanned::span));
    }
}
