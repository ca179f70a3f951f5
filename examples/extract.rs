//! Runs the article extractor of `dossier import` over saved pages, for
//! `bench/extraction.py`: reads each `NAME.html` of `IN_DIR` (UTF-8) and
//! writes the article's Markdown to `OUT_DIR/NAME.md`, its text (the
//! Markdown rendered by pulldown-cmark, marks dropped, one block a line)
//! to `OUT_DIR/NAME.txt`, and the time each extraction took to
//! `OUT_DIR/times.tsv`. An optional `URLS` file gives `NAME<TAB>URL` lines.
//!
//! With `--render`, it extracts nothing: it reads each `NAME.md` of
//! `IN_DIR` (the bodies `dossier import` wrote) and writes its text to
//! `OUT_DIR/NAME.txt`, the same way.
//!
//! ```sh
//! cargo run --release --example extract -- IN_DIR OUT_DIR [URLS]
//! cargo run --release --example extract -- --render IN_DIR OUT_DIR
//! ```

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;
use std::time::Instant;
use std::{env, fs, process};

use pulldown_cmark::{Event, Parser, TagEnd};

fn main() {
    let args: Vec<String> = env::args().skip(1).collect();
    if args.first().is_some_and(|a| a == "--render") && args.len() == 3 {
        return render(Path::new(&args[1]), Path::new(&args[2]));
    }
    if args.len() < 2 {
        eprintln!("usage: extract IN_DIR OUT_DIR [URLS]");
        process::exit(2);
    }
    let (input, output) = (Path::new(&args[0]), Path::new(&args[1]));
    let urls: BTreeMap<String, String> = args
        .get(2)
        .map(|file| fs::read_to_string(file).expect("URLS file readable"))
        .unwrap_or_default()
        .lines()
        .filter_map(|line| line.split_once('\t'))
        .map(|(name, url)| (name.to_string(), url.to_string()))
        .collect();
    fs::create_dir_all(output).expect("output folder");
    let mut pages: Vec<_> = fs::read_dir(input)
        .expect("input folder readable")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "html"))
        .collect();
    pages.sort();
    let mut times = String::new();
    for page in pages {
        let name = page
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        let html = fs::read_to_string(&page).expect("page is UTF-8");
        let start = Instant::now();
        let markdown = dossier::extract_article(&html, urls.get(name).map(String::as_str));
        let seconds = start.elapsed().as_secs_f64();
        let _ = writeln!(times, "{name}\t{seconds:.6}");
        let markdown = markdown.unwrap_or_default();
        fs::write(output.join(format!("{name}.txt")), plain_text(&markdown)).expect("write text");
        fs::write(output.join(format!("{name}.md")), markdown).expect("write Markdown");
    }
    fs::write(output.join("times.tsv"), times).expect("write times");
}

/// Writes the text of each `NAME.md` of `input` to `output/NAME.txt`.
fn render(input: &Path, output: &Path) {
    fs::create_dir_all(output).expect("output folder");
    for entry in fs::read_dir(input).expect("input folder readable") {
        let path = entry.expect("readable").path();
        if path.extension().is_some_and(|ext| ext == "md") {
            let markdown = fs::read_to_string(&path).expect("Markdown is UTF-8");
            let name = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default();
            fs::write(output.join(format!("{name}.txt")), plain_text(&markdown))
                .expect("write text");
        }
    }
}

/// The text a reader sees in `markdown`: text, code and line breaks, with a
/// newline after each block.
fn plain_text(markdown: &str) -> String {
    let options =
        pulldown_cmark::Options::ENABLE_TABLES | pulldown_cmark::Options::ENABLE_STRIKETHROUGH;
    let mut text = String::new();
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push('\n'),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::CodeBlock,
            ) => text.push('\n'),
            _ => {}
        }
    }
    text
}
