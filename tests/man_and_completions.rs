//! `dossier --version`, `dossier completions SHELL` and `dossier man`,
//! held to the programs that read them: bash, zsh and fish load the
//! completion scripts and complete with them, groff and man render the
//! pages, and the pages name every command and option `--help` lists.

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use common::assert_says;

fn dossier(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .output()
        .expect("dossier runs")
}

/// The standard output of `dossier <args>`, which must succeed.
fn stdout_of(args: &[&str]) -> String {
    let output = dossier(args);
    assert!(
        output.status.success(),
        "dossier {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

/// Runs another program, which must succeed with nothing on stderr;
/// returns its stdout.
fn run(program: &str, args: &[&str]) -> String {
    let output = Command::new(program)
        .args(args)
        .env("LC_ALL", "C.UTF-8")
        .env("MANWIDTH", "200")
        .output()
        .unwrap_or_else(|e| panic!("{program} runs (tests/prepare installs it): {e}"));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{program} {args:?}: {stderr}");
    assert!(stderr.is_empty(), "{program} {args:?} warned: {stderr}");
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

/// The commands `dossier --help` lists, `help` aside.
fn commands() -> Vec<String> {
    let help = stdout_of(&["--help"]);
    let listed = help
        .split("Commands:\n")
        .nth(1)
        .expect("a list of commands")
        .split("\n\n")
        .next()
        .expect("the list ends");
    let commands: Vec<String> = listed
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_string)
        .collect();
    assert!(commands.len() >= 9, "{commands:?}");
    commands
}

/// The long options a text names (`--output-dir`…), `--help` and
/// `--version` aside.
fn long_options(text: &str) -> BTreeSet<String> {
    // Whatever dashes the renderer chose, read as the ASCII one typed.
    let text = text.replace(['\u{2212}', '\u{2010}'], "-");
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .filter(|word| word.starts_with("--") && word.len() > 2)
        .filter(|word| !["--help", "--version"].contains(word))
        .map(str::to_string)
        .collect()
}

/// `dossier completions <shell>` written to a file named `name` in a
/// temporary folder, which lives as long as the returned guard.
fn completion_file(shell: &str, name: &str) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let script = dir.path().join(name);
    std::fs::write(&script, stdout_of(&["completions", shell])).expect("write script");
    let path = script.to_str().expect("UTF-8 path").to_string();
    (dir, path)
}

#[test]
fn version_names_the_program_and_its_version() {
    let expected = format!("dossier {}\n", env!("CARGO_PKG_VERSION"));
    assert_eq!(stdout_of(&["--version"]), expected);
    assert_eq!(stdout_of(&["-V"]), expected);
}

/// What bash's completion offers for the words typed, the cursor on the
/// last one, through the function `dossier completions bash` registers.
fn bash_completes(script: &Path, words: &[&str]) -> Vec<String> {
    let words: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let program = format!(
        r#"source '{}'
COMP_WORDS=({})
COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 ))
COMP_LINE="${{COMP_WORDS[*]}}"
COMP_POINT=${{#COMP_LINE}}
prev=""; [ "$COMP_CWORD" -gt 0 ] && prev="${{COMP_WORDS[COMP_CWORD-1]}}"
_dossier dossier "${{COMP_WORDS[COMP_CWORD]}}" "$prev"
printf '%s\n' "${{COMPREPLY[@]}}""#,
        script.display(),
        words.join(" ")
    );
    run("bash", &["-c", &program])
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn bash_loads_the_completion_and_completes_commands_and_options() {
    let (_dir, path) = completion_file("bash", "dossier.bash");
    let script = Path::new(&path);
    run("bash", &["-n", &path]);
    let registered = run(
        "bash",
        &["-c", &format!("source '{path}'; complete -p dossier")],
    );
    assert_eq!(
        registered.trim_end(),
        "complete -o bashdefault -o default -o nosort -F _dossier dossier"
    );
    assert_eq!(bash_completes(script, &["dossier", "bu"]), ["build"]);
    assert_eq!(bash_completes(script, &["dossier", "sug"]), ["suggest"]);
    assert_eq!(
        bash_completes(script, &["dossier", "build", "--out"]),
        ["--output-dir"]
    );
    let kinds = bash_completes(script, &["dossier", "new", ""]);
    for kind in ["article", "entity", "page"] {
        assert!(kinds.iter().any(|k| k == kind), "{kind} in {kinds:?}");
    }
    // Every command is offered after `dossier `.
    let offered = bash_completes(script, &["dossier", ""]);
    for command in commands() {
        assert!(offered.contains(&command), "{command} in {offered:?}");
    }
}

#[test]
fn fish_loads_the_completion_and_completes_commands_and_options() {
    let (_dir, path) = completion_file("fish", "dossier.fish");
    run("fish", &["--no-execute", &path]);
    let complete = |line: &str| -> Vec<String> {
        run(
            "fish",
            &["-c", &format!("source '{path}'; complete -C '{line}'")],
        )
        .lines()
        .map(|l| l.split('\t').next().unwrap_or_default().to_string())
        .collect()
    };
    assert_eq!(complete("dossier bu"), ["build"]);
    assert_eq!(complete("dossier build --out"), ["--output-dir"]);
    assert_eq!(complete("dossier man --out"), ["--output-dir"]);
}

#[test]
fn zsh_reads_the_completion_and_registers_it_for_dossier() {
    let (_dir, path) = completion_file("zsh", "_dossier");
    let text = std::fs::read_to_string(&path).expect("script");
    assert!(text.starts_with("#compdef dossier\n"), "{text}");
    run("zsh", &["-n", &path]);
    let program = format!(
        "autoload -U compinit && compinit -u -D && source '{path}' && print -r -- $_comps[dossier]"
    );
    assert_eq!(run("zsh", &["-f", "-c", &program]), "_dossier\n");
}

#[test]
fn every_shell_gets_a_script_that_knows_every_command() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = stdout_of(&["completions", shell]);
        for command in commands() {
            assert!(script.contains(&command), "{shell}: no {command}");
        }
    }
    let output = dossier(&["completions", "tcsh"]);
    assert_eq!(output.status.code(), Some(2));
    assert_says(
        &String::from_utf8_lossy(&output.stderr),
        &[
            "invalid value 'tcsh'",
            "bash, elvish, fish, powershell, zsh",
        ],
    );
}

#[test]
fn a_reader_that_closes_early_gets_no_panic() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["completions", "bash"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dossier runs");
    // Closed before dossier writes: its write meets a broken pipe.
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("dossier ends");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(output.status.code(), Some(0), "{stderr}");
}

#[test]
fn man_pages_render_without_warnings_and_name_every_command_and_option() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let out = dir.path().join("man/man1");
    let listed = stdout_of(&["man", "--output-dir", out.to_str().expect("UTF-8 path")]);
    let commands = commands();
    let mut expected = vec![out.join("dossier.1")];
    expected.extend(commands.iter().map(|c| out.join(format!("dossier-{c}.1"))));
    let written: Vec<_> = listed.lines().map(std::path::PathBuf::from).collect();
    assert_eq!(written, expected);

    // `dossier man` prints the main page, which lists every command.
    let main_page = std::fs::read_to_string(&expected[0]).expect("dossier.1");
    assert_eq!(stdout_of(&["man"]), main_page);
    assert!(main_page.is_ascii(), "escaped for any troff");
    let main_text = run("man", &["-l", expected[0].to_str().expect("UTF-8")]);
    for command in &commands {
        assert!(
            main_text.contains(&format!("dossier-{command}(1)")),
            "{main_text}"
        );
    }

    for (command, page) in commands.iter().zip(&expected[1..]) {
        let page = page.to_str().expect("UTF-8 path");
        // -ww: every warning; -z: no output, only the check.
        run("groff", &["-ww", "-z", "-man", page]);
        let text = run("man", &["-l", page]);
        assert!(text.contains(&format!("dossier-{command} - ")), "{text}");
        let help = stdout_of(&[command, "--help"]);
        assert_eq!(long_options(&text), long_options(&help), "{command}");
    }
}

#[test]
fn man_pages_into_a_folder_that_cannot_be_made_is_an_error() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let file = dir.path().join("notes.txt");
    std::fs::write(&file, "not a folder").expect("write file");
    let inside = file.join("man");
    let output = dossier(&["man", "--output-dir", inside.to_str().expect("UTF-8")]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert_says(
        &stderr,
        &[
            "notes.txt/man: error: cannot write the manual pages",
            "help: pass --output-dir a folder you can write to",
        ],
    );
    assert!(output.stdout.is_empty());
}
