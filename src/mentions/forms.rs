//! The forms an alias stands for. An alias may end its words with groups
//! of endings, `Путин(|а|у|ым|е)`, so that one line covers the inflected
//! forms of a name (Russian, Ukrainian, Polish, German…): each group is
//! one of its alternatives, the empty one meaning no ending. Parentheses
//! without `|` are text (`Alternative für Deutschland (AfD)`).

/// More forms than this from one alias is surely a mistake (and would
/// bloat the matcher).
const MOST_FORMS: usize = 256;

/// Every form `alias` stands for, the first one being how it is shown
/// (each group's first alternative); or why it cannot be read.
pub(crate) fn expand(alias: &str) -> Result<Vec<String>, String> {
    let mut forms = vec![String::new()];
    let mut rest = alias;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')').map(|c| open + c) else {
            if rest[open..].contains('|') {
                return Err(format!(
                    "`{alias}`: a group of endings is not closed: write `(a|b)`"
                ));
            }
            break;
        };
        let inside = &rest[open + 1..close];
        if !inside.contains('|') {
            // Literal parentheses: keep them and go on after.
            append(&mut forms, &rest[..=close]);
            rest = &rest[close + 1..];
            continue;
        }
        if inside.contains('(') {
            return Err(format!("`{alias}`: groups of endings cannot nest"));
        }
        append(&mut forms, &rest[..open]);
        let alternatives: Vec<&str> = inside.split('|').collect();
        if forms.len() * alternatives.len() > MOST_FORMS {
            return Err(format!(
                "`{alias}` stands for more than {MOST_FORMS} forms: split it into several aliases"
            ));
        }
        forms = forms
            .iter()
            .flat_map(|form| alternatives.iter().map(move |a| format!("{form}{a}")))
            .collect();
        rest = &rest[close + 1..];
    }
    append(&mut forms, rest);
    if forms.iter().any(|f| f.trim().is_empty()) {
        return Err(format!("`{alias}` has a form with no text"));
    }
    // The same form twice (`(a|a)`) is harmless: keep the first.
    let mut seen = std::collections::BTreeSet::new();
    forms.retain(|f| seen.insert(f.clone()));
    Ok(forms)
}

fn append(forms: &mut [String], text: &str) {
    for form in forms {
        form.push_str(text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_of_endings_multiply() {
        assert_eq!(
            expand("Путин(|а|у|ым|е)").expect("valid"),
            ["Путин", "Путина", "Путину", "Путиным", "Путине"]
        );
        assert_eq!(
            expand("Росси(я|и|ю|ей)").expect("valid"),
            ["Россия", "России", "Россию", "Россией"]
        );
        assert_eq!(
            expand("Владимир(|а) Путин(|а)").expect("valid"),
            [
                "Владимир Путин",
                "Владимир Путина",
                "Владимира Путин",
                "Владимира Путина"
            ]
        );
    }

    #[test]
    fn plain_parentheses_are_text() {
        assert_eq!(
            expand("Alternative für Deutschland (AfD)").expect("valid"),
            ["Alternative für Deutschland (AfD)"]
        );
        assert_eq!(
            expand("Kim (2) Jong(|s)").expect("valid"),
            ["Kim (2) Jong", "Kim (2) Jongs"]
        );
        assert_eq!(expand("a (b").expect("valid"), ["a (b"]);
    }

    #[test]
    fn mistakes_are_refused() {
        assert!(expand("Путин(|а").is_err());
        assert!(expand("(|)").is_err());
        assert!(expand("a((b|c)|d)").is_err());
        assert!(expand(&"x(a|b|c|d)".repeat(5)).is_err());
    }
}
