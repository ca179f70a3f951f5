//! The kept blocks written as one Markdown text: each block's lines with
//! the prefixes of the quotes and list items it sits in (a list item's
//! marker on its first kept block only), blocks separated by a blank line
//! that stays inside the containers they share.

use super::blocks::{Block, Container};

/// The Markdown of `blocks`, ending with one newline.
pub(super) fn write(blocks: &[Block]) -> String {
    let mut markdown = String::new();
    let mut opened: Vec<usize> = Vec::new();
    let mut previous: Option<&[Container]> = None;
    for block in blocks {
        let (first, rest) = prefixes(&block.containers, &mut opened);
        if let Some(previous) = previous {
            let shared = previous
                .iter()
                .zip(&block.containers)
                .take_while(|(a, b)| a == b)
                .count();
            let (_, separator) = prefixes(&block.containers[..shared], &mut Vec::new());
            markdown.push('\n');
            markdown.push_str(separator.trim_end());
            markdown.push('\n');
        }
        for (index, line) in block.markdown.split('\n').enumerate() {
            if index > 0 {
                markdown.push('\n');
                markdown.push_str(&rest);
            } else {
                markdown.push_str(&first);
            }
            markdown.push_str(line);
        }
        previous = Some(&block.containers);
    }
    if !markdown.is_empty() {
        markdown.push('\n');
    }
    markdown
}

/// The prefix of a block's first line and of its other lines; the list
/// items whose marker is written are added to `opened`.
fn prefixes(containers: &[Container], opened: &mut Vec<usize>) -> (String, String) {
    let (mut first, mut rest) = (String::new(), String::new());
    for container in containers {
        match *container {
            Container::Quote(_) => {
                first.push_str("> ");
                rest.push_str("> ");
            }
            Container::Item(id, number) => {
                let marker = number.map_or_else(|| "- ".to_string(), |n| format!("{n}. "));
                let indent = " ".repeat(marker.len());
                if opened.contains(&id) {
                    first.push_str(&indent);
                } else {
                    opened.push(id);
                    first.push_str(&marker);
                }
                rest.push_str(&indent);
            }
        }
    }
    (first, rest)
}
