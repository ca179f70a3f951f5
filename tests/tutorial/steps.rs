//! The steps of docs/tutorial.md, read from its Markdown by the
//! conventions that tests/tutorial.rs describes.

/// One thing the tutorial asks the reader to do, or shows them.
#[derive(Debug, PartialEq)]
pub(crate) enum Step {
    /// A command line, as typed.
    Run(String),
    /// A file written whole.
    Write { path: String, text: String },
    /// Text added at the end of a file.
    Append { path: String, text: String },
    /// Lines the last command printed, each found in its output.
    Output(String),
}

/// The steps of a tutorial written in the conventions above.
pub(crate) fn steps(markdown: &str) -> Vec<Step> {
    let mut steps = Vec::new();
    let mut lines = markdown.lines().enumerate();
    let mut marker: Option<(usize, &str)> = None;
    // The prose since the last block, where a file's path must be named.
    let mut prose = String::new();
    while let Some((index, line)) = lines.next() {
        let number = index + 1;
        if let Some(inner) = line
            .strip_prefix("<!-- ")
            .and_then(|rest| rest.strip_suffix(" -->"))
        {
            marker = Some((number, inner));
            continue;
        }
        let Some(info) = line.strip_prefix("```") else {
            assert!(
                marker.is_none(),
                "line {number}: a marker must be followed at once by a fenced block"
            );
            prose.push_str(line);
            prose.push('\n');
            continue;
        };
        let mut body = String::new();
        loop {
            let (_, inner) = lines
                .next()
                .unwrap_or_else(|| panic!("line {number}: the block is never closed"));
            if inner.starts_with("```") {
                break;
            }
            body.push_str(inner);
            body.push('\n');
        }
        let step = match (info, marker.take()) {
            ("sh", None) => {
                for command in body.lines().filter(|l| !l.trim().is_empty()) {
                    steps.push(Step::Run(command.to_string()));
                }
                prose.clear();
                continue;
            }
            (_, Some((_, "output"))) => Step::Output(body),
            (_, Some((at, inner))) => {
                let (kind, path) = inner
                    .split_once(": ")
                    .unwrap_or_else(|| panic!("line {at}: unknown marker `{inner}`"));
                let named = format!("`{path}`");
                assert!(
                    prose.contains(&named),
                    "line {at}: the prose before the block does not name {named}"
                );
                let (path, text) = (path.to_string(), body);
                match kind {
                    "file" => Step::Write { path, text },
                    "append" => Step::Append { path, text },
                    _ => panic!("line {at}: unknown marker `{inner}`"),
                }
            }
            (_, None) => panic!(
                "line {number}: a ```{info} block with no marker: a command goes in ```sh, \
                 a file after <!-- file: PATH -->, an output after <!-- output -->"
            ),
        };
        steps.push(step);
        prose.clear();
    }
    assert!(marker.is_none(), "a marker at the end of the page");
    steps
}

#[test]
fn a_block_without_a_marker_is_refused() {
    let result = std::panic::catch_unwind(|| steps("Write it:\n\n```yaml\ntitle: x\n```\n"));
    assert!(
        result.is_err(),
        "an unmarked block would be left out unseen"
    );
}

#[test]
fn a_file_whose_path_the_prose_does_not_name_is_refused() {
    let page = "Write `a.md`:\n\n<!-- file: b.md -->\n```markdown\nx\n```\n";
    assert!(std::panic::catch_unwind(|| steps(page)).is_err());
}

#[test]
fn the_conventions_read_as_described() {
    let page = "```sh\ndossier check\n\ncd x\n```\n\n<!-- output -->\n```text\nchecked\n```\n\n\
                Add to `s.css`:\n\n<!-- append: s.css -->\n```css\na {}\n```\n";
    assert_eq!(
        steps(page),
        [
            Step::Run("dossier check".into()),
            Step::Run("cd x".into()),
            Step::Output("checked\n".into()),
            Step::Append {
                path: "s.css".into(),
                text: "a {}\n".into()
            },
        ]
    );
}
