//! # Names of hoisted handlers
//!
//! `_` and the parts joined by `_`: the enclosing named scopes, the element's
//! tag and the attribute's name, each character that cannot continue an
//! identifier mapped to `_`. A name already taken gets the suffix `2`,
//! `3`... in source order of the attribute.
//!
//! ```text
//! App > <button onClick>                 → _App_button_onClick
//! export default () => <ui.Dialog on:click>   → _default_ui_Dialog_on_click
//! a second <button onClick> in App       → _App_button_onClick2
//! ```
//!
//! "Taken" is decided from the text alone (identifier, JSX and property
//! names of the original source), so the names do not depend on the host or
//! on other passes.

use rustc_hash::FxHashSet;
use swc_core::ecma::atoms::Atom;

/// The name before collision suffixes.
pub fn base_name(scopes: &[Atom], element: &str, attribute: &str) -> String {
    let mut name = String::from("_");
    for part in scopes
        .iter()
        .map(|s| &**s)
        .chain([element, attribute])
        .filter(|p| !p.is_empty())
    {
        if name.len() > 1 {
            name.push('_');
        }
        name.extend(
            part.chars()
                .map(|c| if continues_identifier(c) { c } else { '_' }),
        );
    }
    name
}

fn continues_identifier(c: char) -> bool {
    c == '_' || c == '$' || c.is_alphanumeric() || c == '\u{200c}' || c == '\u{200d}'
}

/// Names for `bases` (in source order of the attributes), none of them
/// `taken` and all distinct.
pub fn assign<'b>(
    bases: impl IntoIterator<Item = &'b str>,
    taken: impl Fn(&str) -> bool,
) -> Vec<Atom> {
    let mut chosen = FxHashSet::<String>::default();
    // The next suffix to try per base: linear in the handlers however many
    // share a base.
    let mut next = rustc_hash::FxHashMap::<&str, u32>::default();
    bases
        .into_iter()
        .map(|base| {
            let free =
                |name: &str, chosen: &FxHashSet<String>| !taken(name) && !chosen.contains(name);
            let name = if !next.contains_key(base) && free(base, &chosen) {
                next.insert(base, 2);
                base.to_string()
            } else {
                let n = next.entry(base).or_insert(2);
                loop {
                    let name = format!("{base}{n}");
                    *n += 1;
                    if free(&name, &chosen) {
                        break name;
                    }
                }
            };
            chosen.insert(name.clone());
            Atom::from(name)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_are_joined_and_mapped() {
        assert_eq!(
            base_name(&["App".into()], "button", "onClick"),
            "_App_button_onClick"
        );
        assert_eq!(
            base_name(&["default".into()], "ui.Dialog", "on:click"),
            "_default_ui_Dialog_on_click"
        );
        assert_eq!(base_name(&[], "b", "on-click"), "_b_on_click");
    }

    #[test]
    fn collisions_get_suffixes_in_order() {
        let taken = |n: &str| n == "_A_b_onClick" || n == "_A_b_onClick3";
        let names = assign(
            ["_A_b_onClick", "_A_b_onClick", "_A_b_onClick", "_X"],
            taken,
        );
        let names: Vec<&str> = names.iter().map(|n| &**n).collect();
        assert_eq!(
            names,
            ["_A_b_onClick2", "_A_b_onClick4", "_A_b_onClick5", "_X"]
        );
    }
}
